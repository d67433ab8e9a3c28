"""Verdict propagation: a claim without a verdict shows the latest verdict of its story, inherited."""

from __future__ import annotations

from service.store import sql
from service.store.claim_rows import iso


def inherit_reviews(claims: list[dict]) -> list[dict]:
    """Give each unreviewed claim of a story the story's latest verdict (``inherited_from``: the
    reviewed claim's id; None on a claim's own verdict), in place; returns ``claims``.

    One query per call, on the partial index of reviewed claims (claim_reviewed_story).
    """
    wanting = sorted({c["story_id"] for c in claims if c["review"] is None and c["story_id"]})
    if not wanting:
        return claims
    latest = story_reviews(wanting)
    for c in claims:
        if c["review"] is None and c["story_id"] in latest:
            c["review"] = latest[c["story_id"]]
    return claims


def story_reviews(story_ids: list[int]) -> dict[int, dict]:
    """{story id: its latest verdict (the most recently reviewed claim's), marked inherited}."""
    out: dict[int, dict] = {}
    for start in range(0, len(story_ids), 500):
        chunk = story_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = sql.execute(
            'SELECT "story_id", "id", "review_rating", "review_explanation", "review_url", "reviewed_at" '
            f'FROM "claim" WHERE "story_id" IN ({marks}) AND "review_rating" IS NOT NULL',
            chunk,
        ).fetchall()
        # Latest review wins; a review without a time counts as oldest, then the higher claim id.
        for story, claim_id, rating, explanation, url, at in sorted(
            rows, key=lambda r: (iso(r[5]) or "", r[1])
        ):
            out[story] = {
                "rating": rating,
                "explanation": explanation,
                "url": url,
                "reviewed_at": iso(at),
                "inherited_from": claim_id,
            }
    return out
