"""The extraction snapshot: dates and claims of every eval article, as the pipeline yields them.

`python -m tests.snapshot --update` rewrites tests/data/extraction_snapshot.jsonl; the snapshot
test compares today's output with it, so every change of extractor output shows in the diff.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parent / "data" / "extraction_snapshot.jsonl"
# Beside the checkout (../shared/eval), else where this workplace keeps it (a CI clone lives elsewhere).
_BESIDE = Path(__file__).resolve().parents[2] / "shared" / "eval"
EVAL_DIR = Path(os.environ.get("TATHYA_EVAL_DIR") or (_BESIDE if _BESIDE.exists() else "/work/shared/eval"))
EVAL_FILES = ("seed.jsonl", "dev.jsonl", "corpus.jsonl", "corpus2.jsonl")
# Undated articles are anchored to the ingest day: fixed here so the snapshot is reproducible.
TODAY = dt.date(2026, 1, 15)


# A gazetteer record is shown by the fields a reviewer checks, not its population and coordinates.
_PLACE_FIELDS = ("id", "name", "kind", "within")


def _plain(value):
    if dataclasses.is_dataclass(value):
        fields = [f.name for f in dataclasses.fields(value)]
        if "geonameid" in fields or "gazetteer_id" in fields:
            fields = [f for f in _PLACE_FIELDS if f in fields]
        return {f: _plain(getattr(value, f)) for f in fields}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def eval_articles() -> list[dict]:
    """Every article of the eval files that exist, in file order."""
    rows = []
    for name in EVAL_FILES:
        path = EVAL_DIR / name
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            rows += [json.loads(line) for line in lines if line.strip()]
    return rows


def extract_one(article: dict) -> dict:
    """The pipeline's output for one eval article, as plain JSON (no text)."""
    from service.pipeline import extract
    from service.text.rawdump import split_dump

    text = article["text"]
    body = text[: split_dump(text).body_end]
    published = dt.date.fromisoformat(article["published"][:10]) if article.get("published") else None
    result = extract(body, published=published, today=TODAY)
    return {
        "id": article["id"],
        "anchor": _plain(result.anchor),
        "error": result.error,
        "dates": _plain(result.dates),
        "claims": _plain(result.claims),
    }


def current() -> list[dict]:
    return [extract_one(a) for a in eval_articles()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the snapshot file")
    args = parser.parse_args()
    rows = current()
    if args.update:
        with SNAPSHOT.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"wrote {len(rows)} articles to {SNAPSHOT}")
    else:
        print(json.dumps(rows[:1], ensure_ascii=False, indent=1)[:2000])


if __name__ == "__main__":
    main()
