"""/healthz latency through gunicorn while slow-header clients hold connections and while full exports stream.

    .venv/bin/python bench/healthz_load.py [--db sqlite:///…synth.db] [--claims 200000] [--probes 200]

Builds (or reuses) a `bench/synth.py` SQLite database, starts gunicorn with the project's
gunicorn.conf.py (2 gthread workers), and prints p50/p99/max of sequential /healthz requests in
three phases measured in the same run: idle (the baseline), with 4 clients trickling headers that
never end, and with 2 concurrent full NDJSON exports being read. Issue 15's goal: < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(url: str, port: int, instance: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "TATHYA_API_KEYS": "", "LOG_LEVEL": "WARNING"}
    env |= {"TATHYA_DELIVERY_WORKER": "0", "TATHYA_INSTANCE_DIR": str(instance)}
    cmd = [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py"]
    cmd += ["-b", f"127.0.0.1:{port}", "-w", "2", "wsgi:app"]
    log = (OUT / "healthz_load-gunicorn.log").open("ab")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except requests.ConnectionError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("gunicorn did not start; see bench/out/healthz_load-gunicorn.log")


def probe(base: str, n: int, stop: threading.Event | None = None) -> list[float]:
    """n sequential /healthz requests (fresh connection each, as a load balancer does), in ms."""
    times = []
    for _ in range(n):
        if stop is not None and stop.is_set():
            break
        start = time.perf_counter()
        status = requests.get(f"{base}/healthz", timeout=10).status_code
        times.append((time.perf_counter() - start) * 1000)
        assert status == 200, status
        time.sleep(0.02)
    return times


def line(label: str, times: list[float]) -> str:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"{label:<22} n={len(times):4d}  p50={statistics.median(times):7.2f} ms  "
        f"p99={p99:7.2f} ms  max={ordered[-1]:7.2f} ms  over_100ms={sum(t >= 100 for t in times)}"
    )


def slow_clients(port: int, count: int) -> list[socket.socket]:
    socks = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # the blank line never comes
        socks.append(sock)
    return socks


def export(base: str, out: dict, key: int) -> None:
    start = time.perf_counter()
    with requests.get(f"{base}/v1/claims.ndjson", stream=True, timeout=300) as resp:
        size = sum(len(chunk) for chunk in resp.iter_content(65536))
        out[key] = (resp.status_code, size, time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--db", default="", help="database URL (default: a synth SQLite file of --claims)")
    parser.add_argument("--probes", type=int, default=200)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    url = args.db or f"sqlite:///{OUT / f'healthz-synth-{args.claims}.db'}"
    if not args.db and not (OUT / f"healthz-synth-{args.claims}.db").exists():
        synth = [
            sys.executable,
            str(ROOT / "bench" / "synth.py"),
            "--claims",
            str(args.claims),
            "--seed",
            "1",
        ]
        subprocess.run(synth, check=True, env={**os.environ, "DATABASE_URL": url})
    port = free_port()
    proc = start_server(url, port, OUT / "healthz-instance")
    base = f"http://127.0.0.1:{port}"
    try:
        print(line("idle", probe(base, args.probes)))
        socks = slow_clients(port, 4)
        try:
            print(line("4 slow-header clients", probe(base, args.probes)))
        finally:
            for sock in socks:
                sock.close()
        results: dict = {}
        exports = [threading.Thread(target=export, args=(base, results, n)) for n in range(2)]
        for thread in exports:
            thread.start()
        time.sleep(0.5)  # both exports have started streaming
        stop = threading.Event()
        times: list[float] = []
        watcher = threading.Thread(target=lambda: times.extend(probe(base, 100_000, stop)))
        watcher.start()
        for thread in exports:
            thread.join()
        stop.set()
        watcher.join()
        print(line("2 full exports", times))
        for n, (status, size, seconds) in sorted(results.items()):
            print(f"export {n}: status={status} bytes={size} seconds={seconds:.1f}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
