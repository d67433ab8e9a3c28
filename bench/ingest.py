"""End-to-end ingest throughput through POST /v1/articles on gunicorn + SQLite, and extraction cost.

Usage: python bench/ingest.py [--posts 2000] [--clients 8] [--workers 2] [--subscriptions 0] [--paired ROUNDS]

Posts the eval articles (dev + seed) over and over, each copy with a distinct url and a
distinct last line, so that every post is a new article that goes through extraction and
storage (identical text would be answered from the dedupe index). Prints articles/s,
p50/p99 latency, and the in-process extraction cost per article (dates + places + claims).
With --subscriptions N, N webhook subscriptions (one unfiltered, the others filtered by verb class,
confidence or speaker) point at a receiver on 127.0.0.1 and the delivery worker that gunicorn
starts sends while the posts run; without, the worker is off (TATHYA_DELIVERY_WORKER=0).
With --paired R, R rounds of both (alternating which goes first) in this process, each ratio printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def load_articles() -> list[dict]:
    articles = []
    for name in ("seed.jsonl", "dev.jsonl"):
        path = EVAL / name
        if path.exists():
            articles += [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if not articles:
        articles = [{"text": (ROOT / "tests" / "data" / "seed_article.txt").read_text(), "published": None}]
    return articles


def extraction_cost(articles: list[dict]) -> float:
    sys.path.insert(0, str(ROOT))
    from service import pipeline
    from service.places import finder as places
    from service.text.rawdump import split_dump

    places.warm()
    samples = []
    for rep in range(6):  # the first pass warms caches and lazy imports and is not timed
        for article in articles:
            body = article["text"][: split_dump(article["text"]).body_end]
            published = dt.date.fromisoformat(article["published"]) if article.get("published") else None
            start = time.perf_counter()
            pipeline.extract(body, published=published, today=dt.date.today())
            if rep:
                samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


KEY = "bench-ingest-key-0123456789"
# Subscription filters for --subscriptions: one firehose, then narrower ones as dashboards use them.
FILTERS = [
    {},
    {"verb_class": "statement"},
    {"verb_class": "threat"},
    {"min_confidence": 0.9},
    {"speaker": "नरेंद्र मोदी"},
    {"speaker": "लावरोव"},
    {"speaker": "कलेक्टर"},
    {"verb_class": "accusation"},
    {"min_confidence": 0.95, "verb_class": "statement"},
    {"speaker": "पुलिस"},
]


def start_server(port: int, db_path: str, workers: int, *, deliver: bool = False) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db_path}", "PORT": str(port), "LOG_LEVEL": "warning"}
    env |= {
        "TATHYA_API_KEYS": KEY,
        "TATHYA_WEBHOOK_ALLOW_PRIVATE": "1",
        "TATHYA_INSTANCE_DIR": str(Path(db_path).parent),
    }
    env["TATHYA_DELIVERY_WORKER"] = "1" if deliver else "0"
    cmd = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "-c",
        "gunicorn.conf.py",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        "wsgi:app",
    ]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    for _ in range(200):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def worker_cpu_seconds(master_pid: int) -> tuple[float, float]:
    """User + system CPU seconds used so far by the children of ``master_pid``: (the gunicorn web
    workers, the delivery worker)."""
    web = deliver = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    for pid in subprocess.check_output(["pgrep", "-P", str(master_pid)], text=True).split():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        seconds = (int(fields[11]) + int(fields[12])) / ticks
        if b"service.delivery" in Path(f"/proc/{pid}/cmdline").read_bytes():
            deliver += seconds
        else:
            web += seconds
    return web, deliver


def run_clients(port: int, bodies: list[bytes], clients: int) -> tuple[list[float], dict[int, int]]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    chunks = [bodies[i::clients] for i in range(clients)]

    def client(chunk: list[bytes]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine, codes = [], {}
        for body in chunk:
            start = time.perf_counter()
            headers = {"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"}
            conn.request("POST", "/v1/articles", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            codes[response.status] = codes.get(response.status, 0) + 1
        with lock:
            latencies.extend(mine)
            for code, count in codes.items():
                statuses[code] = statuses.get(code, 0) + count

    threads = [threading.Thread(target=client, args=(chunk,)) for chunk in chunks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses


def subscribe(port: int, count: int, *, receiver_nice: int = 0) -> tuple[subprocess.Popen, int]:
    """Start a receiver on 127.0.0.1 in its own process (not competing with the clients for this
    one's GIL) and ``count`` subscriptions to it; returns (the process, its port). The receiver
    stands for another machine: ``receiver_nice`` keeps it from taking the cores ingest uses."""
    hook_port = free_port()
    cmd = [sys.executable, "-m", "tests.delivery.receiver", str(hook_port)]
    if receiver_nice:
        cmd = ["nice", "-n", str(receiver_nice), *cmd]
    receiver = subprocess.Popen(cmd, cwd=ROOT)
    time.sleep(1.0)
    for flt in FILTERS[:count]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        url = f"http://127.0.0.1:{hook_port}/hook"
        body = json.dumps({"url": url, "filter": flt, "events": ["claim.created"]})
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"}
        conn.request("POST", "/v1/subscriptions", body=body.encode(), headers=headers)
        assert conn.getresponse().status == 201
    return receiver, hook_port


def received(hook_port: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", hook_port, timeout=10)
    conn.request("GET", "/")
    return int(conn.getresponse().read())


def percentiles(latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    return ordered[len(ordered) // 2] * 1000, ordered[int(len(ordered) * 0.99) - 1] * 1000


def one_run(args, bodies: list[bytes], subscriptions: int) -> dict:
    """Serve ``bodies`` to a fresh gunicorn + SQLite with ``subscriptions`` (0: worker off)."""
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        server = start_server(port, f"{tmp}/bench.db", args.workers, deliver=bool(subscriptions))
        receiver = subscribe(port, subscriptions, receiver_nice=args.receiver_nice) if subscriptions else None
        spy = None
        if args.profile:
            worker = subprocess.check_output(["pgrep", "-P", str(server.pid)], text=True).split()[0]
            spy = subprocess.Popen(
                [
                    str(ROOT / ".venv" / "bin" / "py-spy"),
                    "record",
                    "-p",
                    worker,
                    "-o",
                    args.profile,
                    "-f",
                    "raw",
                ]
            )
        hooks = None
        try:
            start = time.perf_counter()
            latencies, statuses = run_clients(port, bodies, args.clients)
            elapsed = time.perf_counter() - start
            cpu, deliver_cpu = worker_cpu_seconds(server.pid)
            if receiver:
                time.sleep(2)
                hooks = received(receiver[1])
                deliver_cpu = worker_cpu_seconds(server.pid)[1]
        finally:
            if receiver:
                receiver[0].terminate()
                receiver[0].wait()
            if spy:
                spy.send_signal(signal.SIGINT)
                spy.wait(timeout=30)
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    p50, p99 = percentiles(latencies)
    return {
        "elapsed": elapsed,
        "p50": p50,
        "p99": p99,
        "statuses": statuses,
        "cpu": cpu,
        "deliver_cpu": deliver_cpu,
        "hooks": hooks,
        "latencies": latencies,
    }


def report(args, subscriptions: int, r: dict) -> None:
    if r["hooks"] is not None:
        print(
            f"webhooks: {r['hooks']} requests received by the end of the run + 2 s; delivery worker CPU "
            f"{r['deliver_cpu'] * 1000 / args.posts:.1f} ms per article, "
            f"{r['deliver_cpu'] * 1000 / max(r['hooks'], 1):.2f} ms per webhook"
        )
    print(
        f"ingest via gunicorn ({args.workers} workers, SQLite WAL, {args.clients} clients, "
        f"{subscriptions} subscriptions): "
        f"{args.posts} posts in {r['elapsed']:.1f}s = {args.posts / r['elapsed']:.0f} articles/s, "
        f"p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms, statuses {dict(sorted(r['statuses'].items()))}"
    )
    per_article = r["cpu"] * 1000 / args.posts
    print(
        f"web worker CPU: {per_article:.1f} ms per article "
        f"(load-independent cost; {2000 / per_article:.0f} articles/s if 2 cores served only the workers)",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--subscriptions", type=int, default=0, help=f"webhook subscriptions (≤ {len(FILTERS)})"
    )
    parser.add_argument(
        "--paired",
        type=int,
        default=0,
        metavar="ROUNDS",
        help="alternate runs without and with --subscriptions ROUNDS times; print each ratio",
    )
    parser.add_argument(
        "--receiver-nice",
        type=int,
        default=0,
        help="run the webhook receiver (a stand-in for another machine) at this nice level",
    )
    parser.add_argument("--profile", help="write a py-spy flame graph of one worker to this .svg")
    args = parser.parse_args()

    articles = load_articles()
    print(
        f"extraction in-process: median {extraction_cost(articles):.2f} ms/article (dates + places + claims)"
    )

    bodies = []
    for n in range(args.posts):
        article = articles[n % len(articles)]
        bodies.append(
            json.dumps(
                {
                    "text": f"{article['text']}\n(प्रति {n})",
                    "url": f"https://bench.example.com/{n}",
                    "published_at": article.get("published"),
                }
            ).encode()
        )
    if not args.paired:
        report(args, args.subscriptions, one_run(args, bodies, args.subscriptions))
        return
    # Paired: both arms in this process, in alternating order (drifting machine load hits both).
    ratios50, ratios99 = [], []
    pooled: dict[int, list[float]] = {0: [], args.subscriptions: []}
    for round_ in range(args.paired):
        order = (0, args.subscriptions) if round_ % 2 == 0 else (args.subscriptions, 0)
        results = {}
        for subs in order:
            results[subs] = one_run(args, bodies, subs)
            pooled[subs] += results[subs]["latencies"]
            report(args, subs, results[subs])
        base, push = results[0], results[args.subscriptions]
        ratios50.append(push["p50"] / base["p50"])
        ratios99.append(push["p99"] / base["p99"])
        print(
            f"round {round_ + 1}: p50 {base['p50']:.1f} → {push['p50']:.1f} ms ({ratios50[-1]:.3f}), "
            f"p99 {base['p99']:.1f} → {push['p99']:.1f} ms ({ratios99[-1]:.3f})",
            flush=True,
        )
    print(
        f"paired, {args.paired} rounds, 0 vs {args.subscriptions} subscriptions: p99 ratio median "
        f"{statistics.median(ratios99):.3f} (each {', '.join(f'{r:.3f}' for r in ratios99)}); "
        f"p50 ratio median {statistics.median(ratios50):.3f}"
    )
    (b50, b99), (s50, s99) = percentiles(pooled[0]), percentiles(pooled[args.subscriptions])
    print(
        f"pooled over the rounds ({len(pooled[0])} posts per arm): p50 {b50:.1f} → {s50:.1f} ms "
        f"({s50 / b50:.3f}), p99 {b99:.1f} → {s99:.1f} ms ({s99 / b99:.3f})"
    )


if __name__ == "__main__":
    main()
