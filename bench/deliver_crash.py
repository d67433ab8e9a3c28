"""Webhook delivery under SIGKILL: at-least-once, no event lost, duplicates only with a repeated id.

Usage: python bench/deliver_crash.py [--events 1000] [--database sqlite|postgresql] [--workers 1]
                                     [--no-kill]

Creates one subscription to a receiver on 127.0.0.1 (which logs every request), writes EVENTS
claim events through the API (POST /v1/claims: each in its own transaction with its outbox row),
starts WORKERS `python -m service.delivery` processes, SIGKILLs them all once about a third of
the events have arrived, starts them again and waits until every delivery is delivered. Prints
what the receiver counted: distinct events, requests, duplicates, and whether every duplicate
repeated its delivery id (X-Tathya-Delivery). With --no-kill (e.g. two workers on PostgreSQL)
no event may arrive twice.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
KEY = "bench-key-0123456789abcdef"


def database_url(kind: str, tmp: str) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp}/deliver.db"
    import psycopg2

    base = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg2.connect(base) as conn, conn.cursor() as cur:
        cur.execute(f"CREATE SCHEMA {schema}")
    return f"{base}?options=-csearch_path%3D{schema}"


def start_workers(n: int, env: dict) -> list[subprocess.Popen]:
    return [
        subprocess.Popen(
            [sys.executable, "-m", "service.delivery"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL
        )
        for _ in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--no-kill", action="store_true")
    args = parser.parse_args()

    from service.app import create_app
    from service.store.db import database
    from service.store.push_models import Delivery
    from tests.delivery.receiver import Receiver

    tmp = tempfile.mkdtemp(prefix="tathya-deliver-")
    url = database_url(args.database, tmp)
    config = {
        "TESTING": True,
        "DATABASE_URL": url,
        "TATHYA_API_KEYS": [KEY],
        "TATHYA_WEBHOOK_ALLOW_PRIVATE": True,
    }
    app = create_app(config)
    client = app.test_client()
    auth = {"Authorization": f"Bearer {KEY}"}
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "TATHYA_API_KEYS": KEY,
        "TATHYA_WEBHOOK_ALLOW_PRIVATE": "1",
        "TATHYA_WEBHOOK_BACKOFF": "0.2",
        # Short timeouts: a killed worker's leased deliveries are due again after 1 + 1 + 10 s.
        "TATHYA_WEBHOOK_CONNECT_TIMEOUT": "1",
        "TATHYA_WEBHOOK_READ_TIMEOUT": "1",
        "TATHYA_WARM_GAZETTEER": "0",
        "TATHYA_INSTANCE_DIR": tmp,
        "LOG_LEVEL": "warning",
    }
    with Receiver() as receiver:
        resp = client.post("/v1/subscriptions", json={"url": receiver.url}, headers=auth)
        assert resp.status_code == 201, resp.json
        for n in range(args.events):
            body = {"speaker": "अनीता राव", "quote": f"घोषणा संख्या {n}"}
            assert client.post("/v1/claims", json=body, headers=auth).status_code == 201
        start = time.monotonic()
        workers = start_workers(args.workers, env)
        killed = 0
        if not args.no_kill:
            while len(receiver.log) < args.events // 3:
                time.sleep(0.005)
            for proc in workers:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
            killed = len(receiver.log)
            workers = start_workers(args.workers, env)
        with database.connection_context():
            while Delivery.select().where(Delivery.status == "delivered").count() < args.events:
                time.sleep(0.2)
        elapsed = time.monotonic() - start
        time.sleep(0.5)
        for proc in workers:
            proc.terminate()
            proc.wait()
        log = list(receiver.log)
    if args.database == "postgresql":
        with database.connection_context():
            database.execute_sql(
                "DROP SCHEMA " + database.execute_sql("SELECT current_schema()").fetchone()[0] + " CASCADE"
            )
    by_event: dict[int, list[str]] = collections.defaultdict(list)
    for entry in log:
        by_event[json.loads(entry["body"])["id"]].append(entry["headers"]["X-Tathya-Delivery"])
    duplicates = sum(len(ids) - 1 for ids in by_event.values())
    same_id = all(len(set(ids)) == 1 for ids in by_event.values())
    lost = args.events - len(by_event)
    print(
        f"{args.database}, {args.workers} worker(s), {args.events} events"
        + (f", SIGKILL after {killed} requests" if not args.no_kill else ", no kill")
        + f": received {len(log)} requests for {len(by_event)} events; lost={lost} "
        f"duplicates={duplicates} duplicates_repeat_delivery_id={same_id}; all delivered in {elapsed:.1f} s"
    )
    if lost or not same_id or (args.no_kill and duplicates):
        sys.exit(1)


if __name__ == "__main__":
    main()
