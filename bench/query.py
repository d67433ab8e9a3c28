"""Query API benchmark at real-world skew: SQLite and PostgreSQL, in-process and through gunicorn.

Prints, in one run and for each backend: in-process p50/p99 of (a) the busiest speaker's one-year
timeline, (b) the median speaker's, (c) the busiest place's newest 50, (d) a common word ``q``,
(e) the busiest speaker's claims per month; the ratio busiest/median; the response bytes of a
50-claim timeline (identity, gzip); then requests/s through gunicorn (2 workers) under
``wrk -t2 -c16`` rotating over the 100 busiest speakers x 10 years, non-2xx and peak RSS per worker.

Every timed request reads rows no earlier request of the run encoded (years rotate, per-row
memos are cleared): the figures are cold-row figures.

    .venv/bin/python bench/query.py [--claims 1000000] [--seconds 10] [--pg URL | --no-pg]

The synthetic databases (bench/synth.py, ``--skew zipf``) are cached under /tmp/tathya-bench;
PostgreSQL uses the schema ``tathya_bench`` of ``--pg`` (default: TEST_DATABASE_URL's server).
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
CACHE = Path("/tmp/tathya-bench")
YEARS = range(2016, 2026)
WORD = "सरकार"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TATHYA_WARM_GAZETTEER", "0")
os.environ["LOG_LEVEL"] = "WARNING"


def pg_url(base: str) -> str:
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3Dtathya_bench"


def build(url: str, claims: int) -> None:
    """Fill the database ``url`` with ``claims`` synthetic claims unless it already has them."""
    from service.store.db import database, open_database

    if url.startswith("postgres"):
        import psycopg2

        con = psycopg2.connect(url.split("?")[0])
        con.autocommit = True
        con.cursor().execute("CREATE SCHEMA IF NOT EXISTS tathya_bench")
        con.close()
    open_database(url)
    with database.connection_context():
        have = 0
        schema = None if url.startswith("sqlite") else "tathya_bench"
        if database.table_exists("claim", schema=schema):
            have = database.execute_sql("SELECT COUNT(*) FROM claim").fetchone()[0]
    if have == claims:
        print(f"reusing {url} ({have:,} claims)")
        return
    if have:
        raise SystemExit(f"{url} has {have:,} claims, not {claims:,}: remove it first")
    env = {**os.environ, "DATABASE_URL": url}
    t0 = time.perf_counter()
    cmd = [str(BIN / "python"), "bench/synth.py", "--claims", str(claims), "--seed", "1", "--skew", "zipf"]
    out = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    print(f"{' '.join(cmd[1:])}: {time.perf_counter() - t0:.0f} s ({out.strip()})")


def pick() -> dict:
    """The busiest and the median speaker, the busiest place, the 100 busiest speakers."""
    from service.store.db import database

    counts = database.execute_sql(
        "SELECT speaker_id, COUNT(*) FROM claim WHERE speaker_id IS NOT NULL GROUP BY 1 ORDER BY 2, 1"
    ).fetchall()
    place = database.execute_sql(
        "SELECT place_id, COUNT(*) FROM claim WHERE place_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    return {
        "busiest": counts[-1],
        "median": counts[len(counts) // 2],
        "place": place,
        "top100": [s for s, _ in counts[-100:]],
    }


def cases(p: dict) -> dict[str, list[str]]:
    """URLs per case; a case's requests cycle through its list (one year each for timelines)."""

    def years(speaker):
        return [f"/v1/timeline?speaker={speaker}&from={y}-01-01&to={y}-12-31&limit=50" for y in YEARS]

    return {
        "(a) busiest speaker, 1-year timeline": years(p["busiest"][0]),
        "(b) median speaker, 1-year timeline": years(p["median"][0]),
        "(c) busiest place, newest 50": [f"/v1/claims?place={p['place'][0]}&limit=50"],
        "(d) common word q, newest 50": [f"/v1/claims?q={quote(WORD)}&limit=50"],
        "(e) busiest speaker, stats per month": [f"/v1/stats/claims?group=month&speaker={p['busiest'][0]}"],
    }


def in_process(url: str, p: dict, rounds: int) -> dict[str, tuple[float, float]]:
    from service.app import create_app
    from service.store import claim_rows

    # Cold rows: no response cache (each year is asked again every 10 requests).
    client = create_app(
        {"DATABASE_URL": url, "TATHYA_API_KEYS": [], "TATHYA_RESPONSE_CACHE_MB": 0}
    ).test_client()
    results = {}
    for name, paths in cases(p).items():
        first = client.get(paths[0])
        assert first.status_code == 200, (paths[0], first.status_code, first.data[:300])
        times = []
        for i in range(rounds):
            getattr(claim_rows, "_TEXT", {}).clear()  # older code memoized encoded rows: cold rows
            t0 = time.perf_counter()
            resp = client.get(paths[i % len(paths)])
            times.append((time.perf_counter() - t0) * 1000)
            assert resp.status_code == 200
        times.sort()
        results[name] = (statistics.median(times), times[max(0, int(len(times) * 0.99) - 1)])
    path = cases(p)["(a) busiest speaker, 1-year timeline"][-1]
    plain = client.get(path)
    packed = client.get(path, headers={"Accept-Encoding": "gzip"})
    n = plain.data.count(b'"verb_class"')
    wire = len(packed.data)
    encoding = packed.headers.get("Content-Encoding", "identity")
    print(
        f"  response bytes, {n}-claim timeline: identity {len(plain.data):,}, gzip -9 {len(gzip.compress(plain.data)):,}"
    )
    print(f"  with Accept-Encoding: gzip the service sends {wire:,} bytes ({encoding})")
    return results


def report(results: dict, gate: float) -> bool:
    ok = True
    for name, (p50, p99) in results.items():
        gated = not name.startswith("(b)")
        verdict = ("ok" if p99 <= gate else "FAIL") if gated else "info"
        ok &= verdict != "FAIL"
        print(f"  {name:<38} p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   {verdict}")
    a, b = results["(a) busiest speaker, 1-year timeline"], results["(b) median speaker, 1-year timeline"]
    ratio = a[0] / b[0]
    print(f"  busiest/median: p50 {ratio:.2f}x, p99 {a[1] / b[1]:.2f}x   {'ok' if ratio <= 2 else 'FAIL'}")
    return ok and ratio <= 2


def plans(p: dict) -> None:
    """The query plans of (a) and (e) for the busiest speaker."""
    import datetime as dt

    from service.store.claim_filter import ClaimFilter
    from service.store.db import database, is_sqlite

    f = ClaimFilter(speaker=str(p["busiest"][0]), from_=dt.date(2024, 1, 1), to=dt.date(2024, 12, 31))
    explain = "EXPLAIN QUERY PLAN " if is_sqlite() else "EXPLAIN "
    for name, queries in (("a", _page_statements(f)), ("e", [_counts_statement(p)])):
        for sql, params in queries:
            rows = database.execute_sql(explain + sql, params).fetchall()
            print(f"  plan {name}: " + " | ".join(str(r[-1]).strip() for r in rows)[:400])


def _counts_statement(p: dict) -> tuple:
    """The count-table read of (e) (day_counts.bucket_counts)."""
    from service.store.db import database

    mark = database.param
    return (
        f"SELECT bucket, verb_class, SUM(n) FROM claim_count WHERE dim = 1 AND grain = 'month' "
        f"AND entity_id IN ({mark}) GROUP BY bucket, verb_class HAVING SUM(n) > 0",
        [p["busiest"][0]],
    )


def _page_statements(f) -> list:
    """The two reads of a timeline page with ``from`` (claim_query._rows)."""
    from dataclasses import replace

    from service.store.claim_filter import compile_filter, from_split, statement
    from service.store.claim_rows import head

    where = compile_filter(replace(f, from_=None), prefilter=True)
    return [statement(head(), part, order="asc", limit=51) for part in from_split(where, f.from_)]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server did not start: {url}")


def wrk(url: str, seconds: int, script: Path) -> tuple[float, int]:
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "-s", str(script), url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rps, int(bad.group(1)) if bad else 0


def rotating_script(p: dict) -> Path:
    """A wrk script cycling through one-year timelines of the 100 busiest speakers x 10 years."""
    paths = [
        f"/v1/timeline?speaker={s}&from={y}-01-01&to={y}-12-31&limit=50" for y in YEARS for s in p["top100"]
    ]
    lua = CACHE / "rotating.lua"
    body = ",\n".join(f'  "{path}"' for path in paths)
    lua.write_text(
        f"local paths = {{\n{body}\n}}\nlocal i = 0\n"
        'request = function()\n  i = i + 1\n  return wrk.format("GET", paths[(i % #paths) + 1],'
        ' {["Accept-Encoding"] = "gzip"})\nend\n'
    )
    return lua


def vm_hwm_mb(pid: int) -> float:
    return int(re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text()).group(1)) / 1024


def hot_script(p: dict) -> Path:
    """A wrk script asking one URL again and again: the busiest speaker's latest year."""
    lua = CACHE / "hot.lua"
    path = f"/v1/timeline?speaker={p['busiest'][0]}&from={YEARS[-1]}-01-01&to={YEARS[-1]}-12-31&limit=50"
    lua.write_text(
        f'request = function()\n  return wrk.format("GET", "{path}", {{["Accept-Encoding"] = "gzip"}})\nend\n'
    )
    return lua


def gunicorn_run(
    url: str, script: Path, seconds: int, cache_mb: int, port: int = 8765
) -> tuple[float, int, list[float]]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "TATHYA_API_KEYS": "",
        "TATHYA_RESPONSE_CACHE_MB": str(cache_mb),
    }
    cmd = [
        str(BIN / "gunicorn"),
        "--config",
        "gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
    ]
    server = subprocess.Popen([*cmd, "wsgi:app"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        wrk(f"http://127.0.0.1:{port}/", 2, script)  # both workers up and connected
        rps, bad = wrk(f"http://127.0.0.1:{port}/", seconds, script)
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        rss = [vm_hwm_mb(int(pid)) for pid in children]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return rps, bad, rss


def run(label: str, url: str, args, gate: float, min_rps: float) -> bool:
    from service.store.db import database

    print(f"== {label}, {args.claims:,} claims")
    build(url, args.claims)
    with database.connection_context():
        p = pick()
        print(
            f"  busiest speaker {p['busiest'][0]} ({p['busiest'][1]:,} claims), median speaker "
            f"{p['median'][0]} ({p['median'][1]:,}), busiest place {p['place'][0]} ({p['place'][1]:,}), q={WORD}"
        )
    results = in_process(url, p, args.rounds)
    print(f"  in-process (Flask test client, full request, {args.rounds} requests per case):")
    ok = report(results, gate)
    with database.connection_context():
        plans(p)
    if args.seconds:
        # Cold: no response cache, so every request runs its queries (each URL repeats only
        # every 1,000 requests, which a cache would answer after the first round).
        rps, bad, rss = gunicorn_run(url, rotating_script(p), args.seconds, cache_mb=0)
        print(
            f"  gunicorn 2 workers, wrk -t2 -c16 -d{args.seconds}s rotating 100 busiest speakers x 10 years "
            f"(gzip, no response cache): {rps:,.0f} req/s, non-2xx {bad}   "
            f"{'ok' if rps >= min_rps and not bad else 'FAIL'}"
        )
        print("  peak RSS per worker (VmHWM): " + ", ".join(f"{r:.0f} MB" for r in rss))
        ok &= rps >= min_rps and bad == 0 and all(r <= 200 for r in rss)
        hot, hot_bad, hot_rss = gunicorn_run(url, hot_script(p), args.seconds, cache_mb=16)
        print(
            f"  one hot URL (busiest speaker, {YEARS[-1]}; response cache 16 MB): {hot:,.0f} req/s, "
            f"non-2xx {hot_bad}, peak RSS " + ", ".join(f"{r:.0f} MB" for r in hot_rss) + "   info"
        )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=int, default=10, help="wrk seconds (0: no gunicorn run)")
    parser.add_argument("--rounds", type=int, default=200, help="in-process requests per case")
    parser.add_argument("--pg", default=os.environ.get("TEST_DATABASE_URL"), help="PostgreSQL server URL")
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    big = args.claims > 1_000_000
    ok = run("SQLite", f"sqlite:///{CACHE / f'synth-zipf-{args.claims}.db'}", args, 15 if big else 10, 1000)
    if args.pg and not args.no_pg:
        ok &= run("PostgreSQL", pg_url(args.pg), args, 15, 600)
    else:
        print("== PostgreSQL: skipped (no --pg URL and no TEST_DATABASE_URL)")
    print("ALL GATES MET" if ok else "SOME GATES MISSED")


if __name__ == "__main__":
    main()
