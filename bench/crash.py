"""Crash safety: ingest with several clients, SIGKILL gunicorn mid-way, restart, re-ingest, check.

    .venv/bin/python bench/crash.py [--db sqlite|postgresql|both] [--input corpus.jsonl] [--clients 6]
    .venv/bin/python bench/crash.py --scenario patch-storm|pg-restart   (bench/crash_scenarios.py)

Prints the stored article count against the distinct inputs and the database's own consistency
checks; the last line per database reads ``sqlite: lost=0 duplicated=0 integrity=ok``.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import psycopg2
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import crash_scenarios  # noqa: E402
from service.ingest import content_hash  # noqa: E402
from service.text.hindi import nfc  # noqa: E402

CORPUS = ROOT.parent / "shared" / "eval" / "corpus.jsonl"
PG_URL = os.environ.get("TEST_DATABASE_URL") or "postgresql://postgres@127.0.0.1:5432/test"
# Rows that must never exist after a crash: each is a half-written article.
ORPHANS = {
    "claims without article": 'SELECT COUNT(*) FROM "claim" c WHERE c."article_id" IS NOT NULL AND NOT EXISTS '
    '(SELECT 1 FROM "article" a WHERE a."id" = c."article_id")',
    "date mentions without article": 'SELECT COUNT(*) FROM "date_mention" d WHERE NOT EXISTS '
    '(SELECT 1 FROM "article" a WHERE a."id" = d."article_id")',
    "claim mentions without claim": 'SELECT COUNT(*) FROM "claim_mention" m WHERE NOT EXISTS '
    '(SELECT 1 FROM "claim" c WHERE c."id" = m."claim_id")',
    "duplicate content hashes": 'SELECT COUNT(*) - COUNT(DISTINCT "content_hash") FROM "article"',
}


def load_inputs(path: Path) -> list[dict]:
    if not path.exists():  # no shared corpus on this machine: the seed article, numbered
        seed = (ROOT / "tests" / "data" / "seed_article.txt").read_text(encoding="utf-8")
        return [{"text": f"{seed}\n({n})", "published_at": "2025-07-12"} for n in range(120)]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        {"text": r["text"], "url": r.get("url"), "title": r.get("title"), "published_at": r.get("published")}
        for r in rows
    ]


def start_server(url: str, port: int, log_path: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "TATHYA_API_KEYS": "", "LOG_LEVEL": "WARNING"}
    cmd = [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py"]
    cmd += ["-b", f"127.0.0.1:{port}", "-w", "2", "wsgi:app"]
    log = log_path.open("ab")
    # A session of its own: SIGKILL goes to the master and its workers at once, like a power cut.
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except requests.ConnectionError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not start; see {log_path}")


def ingest(base: str, inputs: list[dict], clients: int, kill_after: int | None = None, proc=None) -> dict:
    """POST every input from ``clients`` threads; optionally SIGKILL the server after N answers."""
    jobs: queue.Queue = queue.Queue()
    for payload in inputs:
        jobs.put(payload)
    tally = {"201": 0, "200": 0, "other": 0, "refused": 0}
    lock = threading.Lock()

    def worker():
        session = requests.Session()
        while True:
            try:
                payload = jobs.get_nowait()
            except queue.Empty:
                return
            try:
                key = str(session.post(f"{base}/v1/articles", json=payload, timeout=60).status_code)
            except requests.RequestException:
                key = "refused"
            with lock:
                tally[key if key in tally else "other"] += 1
                answered = tally["201"] + tally["200"]
                if kill_after is not None and answered == kill_after and proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGKILL)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def check(url: str, inputs: list[dict]) -> tuple[int, int, bool, list[str]]:
    """(lost, duplicated, integrity ok, report lines) from the database itself."""
    distinct = {content_hash(nfc(p["text"])) for p in inputs}
    lines = []
    if url.startswith("sqlite:///"):
        import sqlite3

        conn = sqlite3.connect(url.removeprefix("sqlite:///"))
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        fk_errors = conn.execute("PRAGMA foreign_key_check").fetchall()
        lines.append(f"PRAGMA integrity_check: {integrity}; foreign_key_check: {len(fk_errors)} rows")
        ok = integrity == "ok" and not fk_errors
    else:
        conn = psycopg2.connect(url)
        ok = True
    cur = conn.cursor()
    for name, sql in ORPHANS.items():
        cur.execute(sql)
        n = cur.fetchone()[0]
        lines.append(f"{name}: {n}")
        ok = ok and n == 0
    cur.execute('SELECT "content_hash" FROM "article"')
    stored = [row[0] for row in cur.fetchall()]
    conn.close()
    lost = len(distinct - set(stored))
    duplicated = len(stored) - len(set(stored)) + len(set(stored) - distinct)
    lines.insert(0, f"articles stored: {len(stored)}; distinct inputs: {len(distinct)}")
    return lost, duplicated, ok, lines


def run(kind: str, inputs: list[dict], clients: int, workdir: Path) -> str:
    schema = None
    if kind == "sqlite":
        url = f"sqlite:///{workdir / 'crash.db'}"
    else:
        schema = "crash_" + uuid.uuid4().hex[:10]
        with psycopg2.connect(PG_URL) as admin:
            admin.cursor().execute(f"CREATE SCHEMA {schema}")
        url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = workdir / f"gunicorn-{kind}.log"
    try:
        proc = start_server(url, port, log)
        first = ingest(base, inputs, clients, kill_after=len(inputs) * 2 // 5, proc=proc)
        proc.wait()
        print(f"{kind}: first pass (SIGKILL after {len(inputs) * 2 // 5} answers): {first}")
        proc = start_server(url, port, log)
        second = ingest(base, inputs, clients)
        print(f"{kind}: after restart, same ingest again: {second}")
        proc.terminate()
        proc.wait(timeout=30)
        lost, duplicated, ok, lines = check(url, inputs)
        for line in lines:
            print(f"{kind}: {line}")
        if second["other"] or second["refused"]:
            ok = False
        return f"{kind}: lost={lost} duplicated={duplicated} integrity={'ok' if ok else 'FAILED'}"
    finally:
        if schema:
            with psycopg2.connect(PG_URL) as admin:
                admin.cursor().execute(f"DROP SCHEMA {schema} CASCADE")


def scenario(args, workdir: Path) -> str:
    if args.scenario == "pg-restart":
        return crash_scenarios.pg_restart(start_server, _free_port, workdir, clients=args.clients)
    results = []
    for kind in ["sqlite", "postgresql"] if args.db == "both" else [args.db]:
        schema = None
        if kind == "sqlite":
            url = f"sqlite:///{workdir / 'storm.db'}"
        else:
            schema = "storm_" + uuid.uuid4().hex[:10]
            with psycopg2.connect(PG_URL) as admin:
                admin.cursor().execute(f"CREATE SCHEMA {schema}")
            url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
        port = _free_port()
        proc = start_server(url, port, workdir / f"gunicorn-storm-{kind}.log")
        try:
            results.append(f"{kind}: " + crash_scenarios.patch_storm(f"http://127.0.0.1:{port}", args.rounds))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            if schema:
                with psycopg2.connect(PG_URL) as admin:
                    admin.cursor().execute(f"DROP SCHEMA {schema} CASCADE")
    return "\n".join(results)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--input", type=Path, default=CORPUS, help="JSONL with text, url, title, published")
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument(
        "--scenario", choices=["ingest-kill", "patch-storm", "pg-restart"], default="ingest-kill"
    )
    parser.add_argument("--rounds", type=int, default=5, help="patch-storm rounds")
    args = parser.parse_args()
    if args.scenario != "ingest-kill":
        with tempfile.TemporaryDirectory(prefix="tathya-crash-") as tmp:
            print(scenario(args, Path(tmp)))
        return
    inputs = load_inputs(args.input)
    print(f"{len(inputs)} inputs from {args.input}, {args.clients} clients")
    results = []
    with tempfile.TemporaryDirectory(prefix="tathya-crash-") as tmp:
        for kind in ["sqlite", "postgresql"] if args.db == "both" else [args.db]:
            results.append(run(kind, inputs, args.clients, Path(tmp)))
    for line in results:
        print(line)


if __name__ == "__main__":
    main()
