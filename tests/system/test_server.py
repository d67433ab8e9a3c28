"""Concurrency against a real gunicorn server (SQLite WAL and PostgreSQL): one article per input."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from service.store.db import open_database
from tests.factories import SEED_TEXT, article_payload

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(database_url, tmp_path):
    """A gunicorn server (3 sync workers, the project's config) on a free port; yields its base URL."""
    open_database(database_url)  # binds this process's proxy too (the fixture's teardown uses it)
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "TATHYA_API_KEYS": "",
        "TATHYA_RATE_LIMIT": "",
        "LOG_LEVEL": "WARNING",
        "TATHYA_INSTANCE_DIR": str(tmp_path),
    }
    log = (tmp_path / "gunicorn.log").open("wb")
    proc = subprocess.Popen(
        [str(GUNICORN), "-c", "gunicorn.conf.py", "-b", f"127.0.0.1:{port}", "-w", "3", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("gunicorn did not start:\n" + (tmp_path / "gunicorn.log").read_text()[-3000:])
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _post_all(base: str, payloads: list[dict], threads: int) -> list[tuple[int, str]]:
    def post(payload):
        resp = requests.post(f"{base}/v1/articles", json=payload, timeout=60)
        return resp.status_code, resp.text

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(post, payloads))


def _count(base: str) -> int:
    total, cursor = 0, None
    while True:
        page = requests.get(f"{base}/v1/articles", params={"limit": 200, "cursor": cursor}, timeout=30).json()
        total += len(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            return total


def test_gunicorn_under_concurrent_writes(server):
    """One server start per database (start-up costs seconds), three checks in order."""
    # 20 identical POSTs racing on 3 workers: one insert wins, the rest answer 200 with it.
    payload = {"text": SEED_TEXT, "url": "https://example.com/race", "published_at": "2025-07-12"}
    results = _post_all(server, [payload] * 20, threads=20)
    statuses = sorted(status for status, _ in results)
    assert statuses.count(201) == 1 and statuses.count(200) == 19, statuses
    assert _count(server) == 1

    # 200 distinct POSTs from 8 threads: every one stored, no 5xx, no lock error reaching a client.
    results = _post_all(server, [article_payload() for _ in range(200)], threads=8)
    assert [status for status, _ in results if status != 201] == []
    assert not any("database is locked" in text.lower() for _, text in results)
    assert _count(server) == 201

    # A declared 3 MB body is refused with 413 while the client has sent only 1 KB of it.
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            b"POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
            b"Content-Length: 3145728\r\nConnection: close\r\n\r\n" + b"a" * 1024
        )
        started = time.monotonic()
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert b'"code":413' in reply.replace(b" ", b"")
    assert time.monotonic() - started < 5
