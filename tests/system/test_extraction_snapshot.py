"""Extraction output on every eval article equals the committed snapshot (tests/snapshot.py)."""

import json

import pytest

from tests.snapshot import SNAPSHOT, eval_articles, extract_one

ARTICLES = eval_articles()


@pytest.fixture(scope="module")
def snapshot() -> dict:
    lines = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return {row["id"]: row for row in rows}


@pytest.mark.skipif(not ARTICLES, reason="the eval files (../shared/eval) are not on this machine")
def test_snapshot_covers_every_eval_article(snapshot):
    assert sorted(snapshot) == sorted(a["id"] for a in ARTICLES)


@pytest.mark.skipif(not ARTICLES, reason="the eval files (../shared/eval) are not on this machine")
def test_extraction_equals_snapshot(snapshot):
    changed = []
    for article in ARTICLES:
        now = json.loads(json.dumps(extract_one(article), ensure_ascii=False, sort_keys=True))
        if now != snapshot.get(article["id"]):
            changed.append(article["id"])
    assert not changed, (
        f"extraction output changed on {len(changed)} articles ({', '.join(changed[:10])}); "
        "if intended, run `python -m tests.snapshot --update` and commit the diff"
    )
