"""Story matching cost: one new claim of the busiest speaker against a large database.

Usage: python bench/stories.py [--db bench/out/stories-1m.db] [--runs 300]

The database is a bench/synth.py fixture (build it first:
``DATABASE_URL=sqlite:///bench/out/stories-1m.db .venv/bin/python bench/synth.py --claims 1000000``).
Synthetic claims have no story yet, so the first run gives every claim a story of its own and its
search text as match key (what a linked database holds). Then, for the speaker with the most
claims, on the days where that speaker has the most claims within the window, times
``linking.link_claim`` (candidate range scan + similarity + join) for a new claim, each run in
a transaction that is rolled back. Prints candidates per match and p50/p99 in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service import linking  # noqa: E402
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
            'UPDATE "claim" SET "story_id" = "id", "match_key" = "search_text" WHERE "story_id" IS NULL'
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
    samples, candidates = [], 0
    for run in range(args.runs + 10):
        database.execute_sql("BEGIN")
        start = time.perf_counter()
        linking.link_claim(
            claim_id=2**40 + run, quote=quote, speaker_id=speaker, day=day, reported=day, article_id=None
        )
        elapsed = time.perf_counter() - start
        database.execute_sql("ROLLBACK")
        if run >= 10:  # the first runs warm the page cache and the n-gram cache
            samples.append(elapsed * 1000)
    low, high = day - dt.timedelta(days=match.WINDOW_DAYS), day + dt.timedelta(days=match.WINDOW_DAYS)
    candidates = database.execute_sql(
        'SELECT COUNT(*) FROM "claim" WHERE "speaker_id" = ? AND "sort_date" BETWEEN ? AND ?',
        (speaker, low.isoformat(), high.isoformat()),
    ).fetchone()[0]
    samples.sort()
    p99 = samples[int(len(samples) * 0.99) - 1]
    print(
        f"{total:,} claims; busiest speaker {speaker}: {count:,} claims, {candidates} candidates in "
        f"±{match.WINDOW_DAYS} days of {day}; link_claim p50 {statistics.median(samples):.2f} ms, "
        f"p99 {p99:.2f} ms ({args.runs} runs)"
    )


if __name__ == "__main__":
    main()
