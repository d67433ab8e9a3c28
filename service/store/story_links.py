"""Story membership: a claim's match candidates (story samples), joining and leaving a story.

Matching one claim reads only the **samples** of the speaker's stories near its date: a claim is
a sample of its story (``claim.story_rep`` = 1) when, as it joined, fewer than ``per_story``
samples of that story lay within ``window_days`` of its date. A story reported a thousand times
in a week has ~``per_story`` samples there, so a match costs O(stories nearby), not O(reports);
two partial indexes hold the samples alone (speaker, date) and (story, date).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from service.errors import NotFound
from service.store import sql
from service.store.models import MAX_ID, Claim, ClaimHistory, StoryDecision, utcnow

_CANDIDATE_SIDE = (
    'SELECT "id", "story_id", "match_key", "sort_date" FROM "claim" WHERE "speaker_id" = ? '
    'AND "story_rep" IS NOT NULL AND "sort_date" {lo} ? AND "sort_date" {hi} ? AND "id" <> ? '
    'AND ("article_id" IS NULL OR "article_id" <> ?) ORDER BY "sort_date" {order}, "id" {order} LIMIT ?'
)
# Nearest first on both sides of the day, each side an index range read that stops at its limit.
_CANDIDATES = (
    f'SELECT * FROM ({_CANDIDATE_SIDE.format(lo=">=", hi="<=", order="ASC")}) AS "later" UNION ALL '
    f'SELECT * FROM ({_CANDIDATE_SIDE.format(lo=">=", hi="<", order="DESC")}) AS "earlier"'
)


class ClaimFacts(NamedTuple):
    """What matching reads of a stored claim; ``reported`` is its article's anchor date (the
    claim's own date without an article)."""

    claim_id: int
    speaker_id: int | None
    day: dt.date | None
    story_id: int | None
    match_key: str | None
    quote: str
    reported: dt.date | None
    article_id: int | None
    manual_fields: list


def claim_facts(claim_id: int) -> ClaimFacts:
    """The matching facts of a stored claim (``NotFound`` when there is none)."""
    row = sql.one(
        'SELECT c."id", c."speaker_id", c."sort_date", c."story_id", c."match_key", c."quote", '
        'COALESCE(a."anchor_date", c."sort_date"), c."article_id", c."manual_fields" FROM "claim" c '
        'LEFT JOIN "article" a ON a."id" = c."article_id" WHERE c."id" = ?',
        (claim_id,),
    ) if 0 < claim_id < MAX_ID else None  # fmt: skip
    if row is None:
        raise NotFound("claim", claim_id)
    manual = Claim.manual_fields.python_value(row[8]) or []
    return ClaimFacts(row[0], row[1], _day(row[2]), row[3], row[4], row[5], _day(row[6]), row[7], manual)


def candidates(
    *, speaker_id: int, day: dt.date, window_days: int, limit: int, exclude: int, article_id: int | None
) -> list[tuple]:
    """(claim id, story id, match key) of the speaker's story samples within ``window_days`` of
    ``day``, nearest first: at most ``limit`` // 2 on or after the day and as many before it.

    Claims of the same article are left out: an article's claims are its distinct statements
    (the extractor splits them), not reports of one another.
    """
    low, high = (
        (day - dt.timedelta(days=window_days)).isoformat(),
        (day + dt.timedelta(days=window_days)).isoformat(),
    )
    side, other = day.isoformat(), article_id or 0
    rows = sql.execute(
        _CANDIDATES,
        (
            speaker_id,
            side,
            high,
            exclude,
            other,
            limit // 2,
            speaker_id,
            low,
            side,
            exclude,
            other,
            limit // 2,
        ),
    ).fetchall()
    return [r[:3] for r in rows]


def refused_stories(claim_id: int) -> set[int]:
    """Stories a fact-checker said this claim is not part of (the latest decision per story)."""
    latest: dict[int, bool] = {}
    rows = sql.execute(
        'SELECT "story", "same" FROM "story_decision" WHERE "claim_id" = ? ORDER BY "id"', (claim_id,)
    )
    for story, same in rows:
        latest[story] = bool(same)
    return {story for story, same in latest.items() if not same}


def join(
    *,
    claim_id: int,
    match_key: str,
    story_id: int | None,
    speaker_id: int,
    reported: dt.date,
    day: dt.date | None,
    per_story: int,
    window_days: int,
) -> int:
    """Put a claim into ``story_id`` (a new story when None); returns the story id.

    Runs inside the caller's write transaction; the story's counters move with the claim, and
    the claim becomes a sample of the story when the story has fewer than ``per_story`` near it.
    """
    reported_day = reported.isoformat()
    if story_id is None:
        story_id = sql.insert_rows(
            "story",
            ("speaker_id", "first_claim", "first_seen", "last_seen", "size", "created_at"),
            [(speaker_id, claim_id, reported_day, reported_day, 1, sql.iso(utcnow()))],
            returning_id=True,
        )[0]
        sample = True
    else:
        sql.execute(
            'UPDATE "story" SET "size" = "size" + 1, '
            '"first_claim" = CASE WHEN ? < "first_seen" THEN ? ELSE "first_claim" END, '
            '"first_seen" = CASE WHEN ? < "first_seen" THEN ? ELSE "first_seen" END, '
            '"last_seen" = CASE WHEN ? > "last_seen" THEN ? ELSE "last_seen" END WHERE "id" = ?',
            (reported_day, claim_id, reported_day, reported_day, reported_day, reported_day, story_id),
        )
        sample = _samples_near(story_id, day, window_days, per_story) < per_story
    sql.execute(
        'UPDATE "claim" SET "story_id" = ?, "match_key" = ?, "story_rep" = ? WHERE "id" = ?',
        (story_id, match_key, 1 if sample else None, claim_id),
    )
    return story_id


def _samples_near(story_id: int, day: dt.date | None, window_days: int, per_story: int) -> int:
    if day is None:
        return 0
    low, high = day - dt.timedelta(days=window_days), day + dt.timedelta(days=window_days)
    rows = sql.execute(
        'SELECT 1 FROM "claim" WHERE "story_id" = ? AND "story_rep" IS NOT NULL '
        'AND "sort_date" >= ? AND "sort_date" <= ? LIMIT ?',
        (story_id, low.isoformat(), high.isoformat(), per_story),
    ).fetchall()
    return len(rows)


def leave(claim_id: int, *, per_story: int, window_days: int) -> None:
    """Take a claim out of its story (which is recounted, or dropped when it empties)."""
    row = sql.one('SELECT "story_id" FROM "claim" WHERE "id" = ?', (claim_id,))
    if row is None:
        raise NotFound("claim", claim_id)
    sql.execute('UPDATE "claim" SET "story_id" = NULL, "story_rep" = NULL WHERE "id" = ?', (claim_id,))
    refresh([row[0]], per_story=per_story, window_days=window_days)


def refresh(story_ids, *, per_story: int, window_days: int) -> None:
    """Recount stories whose claims moved or went away (reprocess, edits, deletes), choose their
    samples again (in join order, as ``join`` would have); drop the stories left empty."""
    for story_id in {s for s in story_ids if s}:
        rows = sql.execute(
            'SELECT c."id", COALESCE(a."anchor_date", c."sort_date") AS "day", c."sort_date" FROM "claim" c '
            'LEFT JOIN "article" a ON a."id" = c."article_id" WHERE c."story_id" = ? ORDER BY 2, 1',
            (story_id,),
        ).fetchall()
        if not rows:
            sql.execute('DELETE FROM "story" WHERE "id" = ?', (story_id,))
            continue
        first, last = rows[0], rows[-1]
        sql.execute(
            'UPDATE "story" SET "size" = ?, "first_claim" = ?, "first_seen" = ?, "last_seen" = ? WHERE "id" = ?',
            (len(rows), first[0], str(first[1])[:10], str(last[1])[:10], story_id),
        )
        samples = choose_samples([(r[0], _day(r[2])) for r in rows], per_story, window_days)
        sql.execute(
            'UPDATE "claim" SET "story_rep" = NULL WHERE "story_id" = ? AND "story_rep" IS NOT NULL',
            (story_id,),
        )
        marks = ", ".join("?" * len(samples))
        sql.execute(f'UPDATE "claim" SET "story_rep" = 1 WHERE "id" IN ({marks})', sorted(samples))


def choose_samples(members: list[tuple[int, dt.date | None]], per_story: int, window_days: int) -> set[int]:
    """The ids ``join`` would have made samples, the members (id, date) joining in id order."""
    chosen: list[dt.date | None] = []
    out = set()
    for claim_id, day in sorted(members, key=lambda m: m[0]):
        if day is not None:  # an undated claim is a sample, and near no other (as in ``join``)
            near = sum(1 for d in chosen if d is not None and abs((d - day).days) <= window_days)
            if near >= per_story:
                continue
        chosen.append(day)
        out.add(claim_id)
    return out


def stories_of_article(article_id: int) -> set[int]:
    rows = sql.execute(
        'SELECT DISTINCT "story_id" FROM "claim" WHERE "article_id" = ? AND "story_id" IS NOT NULL',
        (article_id,),
    )
    return {r[0] for r in rows}


def record_decision(
    facts: ClaimFacts, *, story_id: int, same: bool, key_id: str | None, moved: tuple[int | None, int | None]
) -> None:
    """A fact-checker's decision: kept in ``story_decision`` and the claim's history (``moved``: its
    story before and after); ``story`` joins the claim's manual fields, so matching leaves it."""
    now = utcnow()
    StoryDecision.create(claim=facts.claim_id, story=story_id, same=same, key_id=key_id, decided_at=now)
    manual = sorted(set(facts.manual_fields) | {"story"})
    Claim.update(manual_fields=manual, updated_at=now).where(Claim.id == facts.claim_id).execute()
    changes = {"story_id": list(moved), "story_decision": [None, {"story_id": story_id, "same": same}]}
    ClaimHistory.create(claim=facts.claim_id, changes=changes, key_id=key_id, changed_at=now)


def story_exists(story_id: int | None) -> bool:
    if story_id is None or not 0 < story_id < MAX_ID:
        return False
    return sql.one('SELECT 1 FROM "story" WHERE "id" = ?', (story_id,)) is not None


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
