"""Query API benchmark on a 1,000,000-claim synthetic SQLite database.

Prints, in one run: in-process p50/p99 for (a) one speaker's timeline over one year, (b) one
place's newest 50 claims, (c) full-text q of a common word, (d) one speaker's claims per month,
with the SQLite query plans they use; then requests/s for (a) through gunicorn (2 workers)
under `wrk -t2 -c16 -d10s`, peak RSS per worker, and datasette on the same file for the
equivalent filtered, sorted 50-row query.

    .venv/bin/python bench/query.py [--claims 1000000] [--seconds 10]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
BIN = ROOT / ".venv" / "bin"
DATASETTE = OUT / "datasette-venv" / "bin" / "datasette"


def build(db: Path, claims: int) -> None:
    if db.exists():
        with sqlite3.connect(db) as con:
            have = con.execute("SELECT COUNT(*) FROM claim").fetchone()[0] if _has_claims(con) else 0
        if have >= claims:
            print(f"reusing {db} ({have:,} claims)")
            return
        db.unlink()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "TATHYA_WARM_GAZETTEER": "0"}
    t0 = time.perf_counter()
    cmd = [str(BIN / "python"), "bench/synth.py", "--claims", str(claims), "--seed", "1"]
    out = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    print(f"bench/synth.py --claims {claims} --seed 1: {time.perf_counter() - t0:.1f} s  ({out.strip()})")


def _has_claims(con) -> bool:
    return bool(con.execute("SELECT 1 FROM sqlite_master WHERE name = 'claim'").fetchone())


def pick(db: Path) -> dict:
    """A typical speaker (median claim count), the busiest place, a common word, a year."""
    with sqlite3.connect(db) as con:
        counts = con.execute(
            "SELECT speaker_id, COUNT(*) FROM claim GROUP BY speaker_id ORDER BY 2, 1"
        ).fetchall()
        speaker, n_speaker = counts[len(counts) // 2]
        top_speaker, n_top = counts[-1]
        place, n_place = con.execute(
            "SELECT place_id, COUNT(*) FROM claim WHERE place_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
        ).fetchone()
        year_rows = con.execute(
            "SELECT COUNT(*) FROM claim WHERE speaker_id = ? AND sort_date BETWEEN '2024-01-01' AND '2024-12-31'",
            (speaker,),
        ).fetchone()[0]
    return {
        "speaker": speaker,
        "n_speaker": n_speaker,
        "top_speaker": top_speaker,
        "n_top": n_top,
        "place": place,
        "n_place": n_place,
        "year_rows": year_rows,
        "word": "सरकार",
    }


def urls(p: dict) -> dict[str, str]:
    return {
        "a timeline, 1 speaker, 1 year": f"/v1/timeline?speaker={p['speaker']}&from=2024-01-01&to=2024-12-31&limit=50",
        "b claims of 1 place, newest 50": f"/v1/claims?place={p['place']}&limit=50",
        "c full text q, common word": f"/v1/claims?q={quote(p['word'])}&limit=50",
        "d stats per month, 1 speaker": f"/v1/stats/claims?group=month&speaker={p['speaker']}",
        "a' timeline, busiest speaker": f"/v1/timeline?speaker={p['top_speaker']}&from=2024-01-01&to=2024-12-31&limit=50",
        "d' stats, busiest speaker": f"/v1/stats/claims?group=month&speaker={p['top_speaker']}",
    }


def in_process(db: Path, p: dict, rounds: int) -> dict[str, tuple[float, float]]:
    os.environ["TATHYA_WARM_GAZETTEER"] = "0"
    os.environ["LOG_LEVEL"] = "WARNING"  # keep the report readable (gunicorn below logs every request)
    sys.path.insert(0, str(ROOT))
    from service.app import create_app

    app = create_app({"DATABASE_URL": f"sqlite:///{db}", "TATHYA_API_KEYS": []})
    client = app.test_client()
    results = {}
    for name, url in urls(p).items():
        for _ in range(20):
            assert client.get(url).status_code == 200
        times = []
        for _ in range(rounds if "'" not in name else max(20, rounds // 10)):
            t0 = time.perf_counter()
            resp = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
            assert resp.status_code == 200
        times.sort()
        results[name] = (statistics.median(times), times[int(len(times) * 0.99) - 1])
    return results


def plans(db: Path, p: dict) -> None:
    """EXPLAIN QUERY PLAN of the SQL the four views run (the indexes were chosen from these)."""
    import datetime as dt

    from service.store import claim_query, search, timeline
    from service.store.claim_filter import ClaimFilter as f
    from service.store.db import database

    cases = {
        "a": claim_query.page_sql(
            f(speaker=str(p["speaker"]), from_=dt.date(2024, 1, 1), to=dt.date(2024, 12, 31)),
            order="asc",
            limit=51,
        ),
        "b": claim_query.page_sql(f(place=str(p["place"])), order="desc", limit=51),
        # A common word: FTS5 walks its doclist by (sort_date, id) rowid, newest first, and stops.
        "c": (
            f"SELECT rowid, rowid & {search.ID_MASK} FROM claim_fts WHERE claim_fts MATCH ? "
            "ORDER BY rowid DESC LIMIT ?",
            [search.fts_query(search.tokens(p["word"])), 51],
        ),
        "d": timeline.counts_sql(f(speaker=str(p["speaker"]))),
    }
    for name, query in cases.items():
        sql, params = query
        rows = database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        print(f"  plan {name}: " + " | ".join(r[-1] for r in rows))


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server did not start: {url}")


def wrk(url: str, seconds: int, script: Path | None = None) -> tuple[float, int]:
    extra = ["-s", str(script)] if script else []
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", *extra, url], check=True, capture_output=True, text=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rps, int(bad.group(1)) if bad else 0


def vm_hwm_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", text).group(1)) / 1024


def rotating_script(db: Path) -> Path:
    """A wrk script that cycles through one-year timelines of 500 speakers over 10 years: every
    request reads other rows, so per-row memos and page caches rarely help (info figure)."""
    with sqlite3.connect(db) as con:
        speakers = [
            r[0] for r in con.execute("SELECT id FROM entity WHERE kind != 'place' ORDER BY id LIMIT 500")
        ]
    paths = [
        f"/v1/timeline?speaker={s}&from={y}-01-01&to={y}-12-31&limit=50"
        for i, s in enumerate(speakers)
        for y in (2016 + i % 10,)
    ]
    lua = OUT / "rotating.lua"
    body = ",\n".join(f'  "{p}"' for p in paths)
    lua.write_text(
        f"local paths = {{\n{body}\n}}\nlocal i = 0\n"
        'request = function()\n  i = i + 1\n  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n'
    )
    return lua


def gunicorn_run(db: Path, url_path: str, seconds: int, port: int = 8765) -> tuple[float, int, list[float]]:
    # Production settings (gunicorn.conf.py, JSON access log per request), output discarded.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "LOG_LEVEL": "INFO", "TATHYA_API_KEYS": ""}
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
        wrk(f"http://127.0.0.1:{port}{url_path}", 2)  # warm both workers
        rps, bad = wrk(f"http://127.0.0.1:{port}{url_path}", seconds)
        spread, spread_bad = wrk(f"http://127.0.0.1:{port}/", seconds, rotating_script(db))
        print(f"  info: (a) rotating over 500 speakers x 10 years: {spread:,.0f} req/s, non-2xx {spread_bad}")
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        rss = [vm_hwm_mb(int(pid)) for pid in children]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return rps, bad, rss


def datasette_run(db: Path, p: dict, seconds: int, port: int = 8766) -> tuple[float, int] | None:
    if not DATASETTE.exists():
        print(
            f"  datasette not installed: python3 -m venv {DATASETTE.parents[1]} && .../pip install datasette"
        )
        return None
    server = subprocess.Popen(
        [str(DATASETTE), "serve", "-i", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        path = (
            f"/{db.stem}/claim.json?speaker_id={p['speaker']}&sort_date__gte=2024-01-01"
            f"&sort_date__lte=2024-12-31&_sort=sort_date&_size=50"
        )
        wait_for(f"http://127.0.0.1:{port}{path}", 60)
        wrk(f"http://127.0.0.1:{port}{path}", 2)
        return wrk(f"http://127.0.0.1:{port}{path}", seconds)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=500)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / ("synth-1m.db" if args.claims == 1_000_000 else f"synth-{args.claims}.db")
    build(db, args.claims)
    p = pick(db)
    print(
        f"speaker {p['speaker']} (median: {p['n_speaker']} claims, {p['year_rows']} in 2024), busiest speaker "
        f"{p['top_speaker']} ({p['n_top']}), place {p['place']} ({p['n_place']}), word {p['word']}"
    )
    results = in_process(db, p, args.rounds)
    print("in-process latency (Flask test client, full request):")
    ok = True
    for name, (p50, p99) in results.items():
        gated = not name[1:2] == "'"
        verdict = ("ok" if p50 <= 5 and p99 <= 25 else "FAIL") if gated else "info"
        ok &= verdict != "FAIL"
        print(f"  {name:<32} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   {verdict}")
    plans(db, p)
    path_a = urls(p)["a timeline, 1 speaker, 1 year"]
    rps, bad, rss = gunicorn_run(db, path_a, args.seconds)
    print(f"gunicorn 2 workers, wrk -t2 -c16 -d{args.seconds}s, (a): {rps:,.0f} req/s, non-2xx {bad}")
    print("  peak RSS per worker (VmHWM): " + ", ".join(f"{r:.0f} MB" for r in rss))
    ok &= rps >= 1000 and bad == 0 and all(r <= 200 for r in rss)
    ds = datasette_run(db, p, args.seconds)
    if ds:
        print(f"datasette (same file, immutable), same query: {ds[0]:,.0f} req/s, non-2xx {ds[1]}")
        print(f"  ratio ours / datasette: {rps / ds[0]:.1f}x")
        ok &= rps > ds[0]
    print("ALL GATES MET" if ok else "SOME GATES MISSED")


if __name__ == "__main__":
    main()
