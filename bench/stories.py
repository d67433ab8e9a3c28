"""Story matching cost: one new claim of the busiest speaker against a large database.

Usage: python bench/stories.py [--db bench/out/stories-1m.db] [--runs 300]

The database is a bench/synth.py fixture (build it first:
``DATABASE_URL=sqlite:///bench/out/stories-1m.db .venv/bin/python bench/synth.py --claims 1000000``).
Synthetic claims have no story yet, so the first run gives every claim a story of its own and its
search text as match key (what a linked database holds). Then, for the speaker with the most
claims, on the days where that speaker has the most claims within the window, times
``linking.link_claim`` (candidate range read + similarity + join) for a new claim, each run in
a transaction that is rolled back. Prints the candidates compared and p50/p99 in milliseconds,
wall and CPU (the machine may be shared: CPU time leaves out waiting for a core), with the
n-gram cache warm and cold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service import linking  # noqa: E402
from service.store import story_links  # noqa: E402
from service.store.db import database, open_database  # noqa: E402
from service.store.migrations import migrate_database  # noqa: E402
from service.stories import match  # noqa: E402


def prepare() -> None:
    if database.execute_sql('SELECT 1 FROM "claim" WHERE "story_id" IS NULL LIMIT 1').fetchone() is None:
        return
    started = time.perf_counter()
    with database.atomic():
        database.execute_sql(
            'INSERT INTO "story" ("id", "speaker_id", "first_claim", "first_seen", "last_seen", "size", '
            '"created_at") SELECT "id", "speaker_id", "id", "sort_date", "sort_date", 1, "created_at" '
            'FROM "claim" WHERE "story_id" IS NULL AND "speaker_id" IS NOT NULL'
        )
        database.execute_sql(
            'UPDATE "claim" SET "story_id" = "id", "match_key" = "search_text", "story_rep" = 1 '
            'WHERE "story_id" IS NULL'
        )
    print(f"linked the synthetic claims in {time.perf_counter() - started:.1f} s")


def busiest() -> tuple[int, int, dt.date]:
    speaker, count = database.execute_sql(
        'SELECT "speaker_id", COUNT(*) FROM "claim" WHERE "speaker_id" IS NOT NULL '
        'GROUP BY "speaker_id" ORDER BY 2 DESC LIMIT 1'
    ).fetchone()
    day = database.execute_sql(
        'SELECT "sort_date" FROM "claim" WHERE "speaker_id" = ? GROUP BY "sort_date" ORDER BY COUNT(*) DESC LIMIT 1',
        (speaker,),
    ).fetchone()[0]
    return speaker, count, dt.date.fromisoformat(str(day)[:10])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "bench" / "out" / "stories-1m.db"))
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    open_database(f"sqlite:///{args.db}")
    database.connect()
    migrate_database()
    prepare()
    total = database.execute_sql('SELECT COUNT(*) FROM "claim"').fetchone()[0]
    speaker, count, day = busiest()
    quote = "सरकार महंगाई पर जल्द फैसला लेगी और बजट में सुधार करेगी"
    low, high = day - dt.timedelta(days=match.WINDOW_DAYS), day + dt.timedelta(days=match.WINDOW_DAYS)
    in_window = database.execute_sql(
        'SELECT COUNT(*) FROM "claim" WHERE "speaker_id" = ? AND "sort_date" BETWEEN ? AND ?',
        (speaker, low.isoformat(), high.isoformat()),
    ).fetchone()[0]
    compared = len(
        story_links.candidates(
            speaker_id=speaker, day=day, window_days=match.WINDOW_DAYS, limit=match.MAX_CANDIDATES,
            exclude=0, article_id=None,
        )
    )  # fmt: skip
    print(
        f"{total:,} claims; busiest speaker {speaker}: {count:,} claims, {in_window} in ±{match.WINDOW_DAYS} "
        f"days of {day} (each a story sample), {compared} compared (MAX_CANDIDATES {match.MAX_CANDIDATES})"
    )
    # warm: this process has seen the candidates' keys (their n-grams cached, as in a worker that
    # has been matching this speaker); cold: the n-gram caches are emptied before every run.
    for mode in ("warm", "cold"):
        wall, cpu = [], []
        for run in range(args.runs + 10):
            if mode == "cold":
                match.grams.cache_clear()
                match._token_grams.cache_clear()
            database.execute_sql("BEGIN")
            start, start_cpu = time.perf_counter(), time.process_time()
            linking.link_claim(
                claim_id=2**40 + run,
                quote=quote,
                speaker_id=speaker,
                day=day,
                reported=day,
                article_id=None,
                grown=set(),
            )
            elapsed, used = time.perf_counter() - start, time.process_time() - start_cpu
            database.execute_sql("ROLLBACK")
            if run >= 10:  # the first runs warm the page cache (and, warm, the n-gram cache)
                wall.append(elapsed * 1000)
                cpu.append(used * 1000)
        print(
            f"link_claim, {mode} n-gram cache: wall p50 {_pct(wall, 0.5):.2f} ms, p99 {_pct(wall, 0.99):.2f} ms; "
            f"CPU p50 {_pct(cpu, 0.5):.2f} ms, p99 {_pct(cpu, 0.99):.2f} ms ({args.runs} runs)"
        )


def _pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * q) - 1)] if q < 1 else ordered[-1]


if __name__ == "__main__":
    main()
