"""Median in-process cost per article of resolve_dates + find_places + extract_claims.

python bench/claims.py            # the 279 eval and corpus articles, 5 runs
python bench/claims.py --stress   # also: adversarial 100 KB texts (the extraction limit)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_claims import EVAL, anchor_for, strip_tail  # noqa: E402

from service.claims.extract import extract_claims  # noqa: E402
from service.dates.resolver import resolve_dates  # noqa: E402
from service.places.finder import find_places, warm  # noqa: E402

# Shapes that made some rule quadratic at one time or another, at MAX_EXTRACT_CHARS.
STRESS = {
    "wire items, one claim each": "".join(
        f"- दिल्ली में आज {i} नए मामले दर्ज हुए: दिल्ली सरकार\n" for i in range(3000)
    ),
    "the same item repeated": "- दिल्ली में आज 356 नए मामले: दिल्ली सरकार\n" * 3000,
    "say-verbs chained": "पटवारी ने कहा कि ठीक है। " + "वे कहते हैं कि पटवारी कह रहे हैं कि " * 3000,
    "months and dates": "जनवरी में 18 अक्टूबर तक फरवरी महीने, शुक्रवार 8 अगस्त को " * 3000,
    "quote marks only": "'' \" ‘ “ ' " * 10000,
    "stray opening marks": "“क " * 33000,
    "initials": "ए. बी. सी. डी. " * 10000,
    "one unpunctuated run": "मंत्री ने कहा कि " + "क " * 50000,
}


def stress() -> None:
    from service.ingest import MAX_EXTRACT_CHARS
    from service.pipeline import extract

    for name, text in STRESS.items():
        text = text[:MAX_EXTRACT_CHARS]
        t0 = time.perf_counter()
        got = extract(text, published=dt.date(2025, 7, 1), today=dt.date(2025, 7, 1))
        ms = (time.perf_counter() - t0) * 1000
        print(
            f"stress {name:<28} {len(text):>7} chars {ms:8.1f} ms  claims={len(got.claims)} dates={len(got.dates)}"
        )


def main() -> None:
    if "--stress" in sys.argv:
        stress()
    bodies: list[tuple[str, dt.date]] = []
    for name in ("seed.jsonl", "dev.jsonl", "corpus.jsonl"):
        for line in open(EVAL / name, encoding="utf-8"):
            if line.strip():
                art = json.loads(line)
                body = strip_tail(art["text"])
                bodies.append((body, anchor_for(body, art.get("published"))))
    warm()
    for body, anchor in bodies[:20]:  # warm caches (gazetteer, lru caches)
        extract_claims(body, resolve_dates(body, anchor), anchor, find_places(body))
    runs = 5
    n = len(bodies)
    per = {k: [[0.0] * runs for _ in range(n)] for k in ("dates", "places", "claims", "total")}
    for r in range(runs):
        for i, (body, anchor) in enumerate(bodies):
            t0 = time.perf_counter()
            ds = resolve_dates(body, anchor)
            t1 = time.perf_counter()
            ps = find_places(body)
            t2 = time.perf_counter()
            extract_claims(body, ds, anchor, ps)
            t3 = time.perf_counter()
            per["dates"][i][r] = t1 - t0
            per["places"][i][r] = t2 - t1
            per["claims"][i][r] = t3 - t2
            per["total"][i][r] = t3 - t0
    print(
        f"articles         {n} (x{runs} runs)   load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cpus"
    )
    # The machine is shared: "median" is over every timed call; "best-of" takes each article's
    # fastest of the runs first (what the code costs without other processes' interference).
    for k, rows in per.items():
        every = statistics.median(t for row in rows for t in row) * 1000
        best = statistics.median(min(row) for row in rows) * 1000
        print(f"median_{k:<9} {every:.3f} ms   best-of-{runs} {best:.3f} ms")
    totals = sorted(t for row in per["total"] for t in row)
    print(f"p95_total        {totals[int(len(totals) * 0.95)] * 1000:.3f} ms")


if __name__ == "__main__":
    main()
