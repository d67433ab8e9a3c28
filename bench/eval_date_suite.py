"""Score POST /v1/dates/resolve on a suite of Hindi sentences with reference dates (like the hidden
external suite): point/period value accuracy, extraction recall, dates found in negatives.

Usage: python bench/eval_date_suite.py SUITE.jsonl [--style general|news] [--show-misses]
Each line: {"id", "kind": point|period|vague|negative, "ref", "text", "dates": [{expr, value, from, to}]}.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.app import create_app  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("suite")
    ap.add_argument("--style", default=None, help="send this style (default: the service's default)")
    ap.add_argument("--show-misses", action="store_true")
    a = ap.parse_args()
    rows = [json.loads(x) for x in Path(a.suite).read_text(encoding="utf-8").splitlines() if x.strip()]
    logging.disable(logging.INFO)
    found, right, total = Counter(), Counter(), Counter()
    interval_right = Counter()
    negatives_hit = 0
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp}/d.db", "TATHYA_API_KEYS": []})
        client = app.test_client()
        for row in rows:
            body = {"text": row["text"], "reference_date": row["ref"]}
            if a.style:
                body["style"] = a.style
            got = client.post("/v1/dates/resolve", json=body).get_json().get("dates", [])
            if row["kind"] == "negative":
                negatives_hit += bool(got)
                if got and a.show_misses:
                    print(f"negative {row['id']}: {row['text']} -> {[(d['text'], d['value']) for d in got]}")
                continue
            for g in row["dates"]:
                kind = row["kind"]
                total[kind] += 1
                gs = row["text"].find(g["expr"])
                ge = gs + len(g["expr"])
                hit = next((d for d in got if d["start"] < ge and gs < d["end"]), None)
                if hit is None:
                    if a.show_misses:
                        print(
                            f"missed   {row['id']} [{kind}] {g['expr']!r} (want {g['value']}) in {row['text']}"
                        )
                    continue
                found[kind] += 1
                ok = hit["value"] == g["value"]
                right[kind] += ok
                interval_right[kind] += (hit.get("date_from"), hit.get("date_to")) == (
                    g.get("from"),
                    g.get("to"),
                )
                if not ok and a.show_misses:
                    print(
                        f"wrong    {row['id']} [{kind}] {g['expr']!r} -> {hit['value']} (want {g['value']})"
                    )
    for kind in sorted(total):
        n = total[kind]
        print(
            f"{kind:<8} n={n:<4} recall {found[kind] / n:.3f}  value acc {right[kind] / n:.3f}"
            f"  interval acc {interval_right[kind] / n:.3f}"
        )
    n = sum(total.values())
    print(f"all      n={n:<4} recall {sum(found.values()) / n:.3f}  value acc {sum(right.values()) / n:.3f}")
    negs = sum(1 for r in rows if r["kind"] == "negative")
    print(f"negatives with a date: {negatives_hit} of {negs}")


if __name__ == "__main__":
    main()
