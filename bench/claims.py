"""Median in-process cost per article of resolve_dates + find_places + extract_claims."""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_claims import EVAL, anchor_for, strip_tail  # noqa: E402

from service.claims import extract_claims  # noqa: E402
from service.dates import resolve_dates  # noqa: E402
from service.places import find_places, warm  # noqa: E402


def main() -> None:
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
    totals, parts = [], {"dates": [], "places": [], "claims": []}
    for _ in range(3):
        for body, anchor in bodies:
            t0 = time.perf_counter()
            ds = resolve_dates(body, anchor)
            t1 = time.perf_counter()
            ps = find_places(body)
            t2 = time.perf_counter()
            extract_claims(body, ds, anchor, ps)
            t3 = time.perf_counter()
            parts["dates"].append(t1 - t0)
            parts["places"].append(t2 - t1)
            parts["claims"].append(t3 - t2)
            totals.append(t3 - t0)
    print(f"articles         {len(bodies)} (x3 runs)")
    for k, v in parts.items():
        print(f"median_{k:<9} {statistics.median(v) * 1000:.3f} ms")
    print(f"median_total     {statistics.median(totals) * 1000:.3f} ms")
    print(f"p95_total        {sorted(totals)[int(len(totals) * 0.95)] * 1000:.3f} ms")


if __name__ == "__main__":
    main()
