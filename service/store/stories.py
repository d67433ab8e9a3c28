"""The stories repository: story lists, a story with its reports, a claim's related claims."""

from __future__ import annotations

from service.errors import NotFound
from service.store import sql
from service.store.claim_filter import ClaimFilter, compile_filter
from service.store.claim_rows import claim_json, head, read
from service.store.db import database
from service.store.models import MAX_ID, Story
from service.store.verdicts import inherit_reviews

ORDERS = {"first_seen": "first_seen", "size": "size", "latest": "last_seen"}


def story_of(claim_id: int) -> int | None:
    row = sql.one('SELECT "story_id" FROM "claim" WHERE "id" = ?', (claim_id,))
    if row is None:
        raise NotFound("claim", claim_id)
    return row[0]


def list_stories(f: ClaimFilter, *, order: str, limit: int, after: list | None = None):
    """(up to ``limit`` story dicts in ``order`` (descending), the next keyset [value, id]).

    A story matches when one of its claims matches the claim filter ``f``.
    """
    column = ORDERS[order]
    mark = database.param
    where, params = [], []
    if f != ClaimFilter():
        compiled = compile_filter(f)
        if compiled is None:
            return [], None
        where.append(f'"s"."id" IN (SELECT "t1"."story_id" FROM "claim" AS "t1"{compiled.sql()})')
        params += compiled.params
    if after is not None:
        where.append(f'(("s"."{column}", "s"."id") < ({mark}, {mark}))')
        params += [after[0], int(after[1])]
    text = f'SELECT "s"."id" FROM "story" AS "s"{" WHERE " + " AND ".join(where) if where else ""}'
    text += f' ORDER BY "s"."{column}" DESC, "s"."id" DESC LIMIT {mark}'
    ids = [r[0] for r in database.execute_sql(text, [*params, limit + 1]).fetchall()]
    stories = [story_summary(Story.get_by_id(i)) for i in ids[:limit]]
    next_key = None
    if len(ids) > limit:
        last = stories[limit - 1]
        value = (
            last["size"]
            if column == "size"
            else last["first_seen" if column == "first_seen" else "last_seen"]
        )
        next_key = [value, last["id"]]
    return stories, next_key


def _claims(story_id: int) -> list[dict]:
    mark = database.param
    text = f'{head()} WHERE ("t1"."story_id" = {mark}) ORDER BY "t1"."sort_date", "t1"."id"'
    return inherit_reviews([claim_json(r) for r in read(text, [story_id])])


def story_summary(story: Story, claims: list[dict] | None = None) -> dict:
    claims = _claims(story.id) if claims is None else claims
    first = next((c for c in claims if c["id"] == story.first_claim), claims[0] if claims else None)
    speaker = first["speaker"] if first else None
    return {
        "id": story.id,
        "speaker": {"id": speaker["id"], "name": speaker["name"]} if speaker else None,
        "canonical_quote": first["quote"] if first else None,
        "first_seen": str(story.first_seen),
        "last_seen": str(story.last_seen),
        "size": story.size,
        "first_claim_id": story.first_claim,
    }


def story_detail(story_id: int) -> dict:
    """A story: canonical wording, speaker, first report, every report in date order, outlets,
    places and the verdict of its claims (when one has one)."""
    story = Story.get_or_none(Story.id == story_id) if 0 < story_id < MAX_ID else None
    if story is None:
        raise NotFound("story", story_id)
    claims = _claims(story_id)
    out = story_summary(story, claims)
    articles = _articles([c["article_id"] for c in claims if c["article_id"]])
    reports = []
    for c in claims:
        art = articles.get(c["article_id"], {})
        reports.append({"claim": c, "article": art or None})
    reports.sort(key=lambda r: ((r["article"] or {}).get("anchor_date") or "", r["claim"]["id"]))
    out["first_report"] = reports[0] if reports else None
    out["reports"] = reports
    out["outlets"] = sorted({a["source"] or a["host"] for a in articles.values() if a["source"] or a["host"]})
    out["places"] = sorted({c["place"]["name"] for c in claims if c["place"]})
    reviewed = [c for c in claims if c["review"] and c["review"]["inherited_from"] is None]
    reviewed.sort(key=lambda c: c["review"]["reviewed_at"] or "")
    out["review"] = {**reviewed[-1]["review"], "claim_id": reviewed[-1]["id"]} if reviewed else None
    return out


def _articles(ids: list[int]) -> dict[int, dict]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(set(ids)))
    rows = sql.execute(
        f'SELECT "id", "url", "title", "source", "anchor_date", "published_at" FROM "article" WHERE "id" IN ({marks})',
        sorted(set(ids)),
    )
    out = {}
    for i, url, title, source, anchor, published in rows:
        host = url.split("/")[2] if url and url.count("/") >= 2 else None
        out[i] = {
            "id": i, "url": url, "title": title, "source": source, "host": host,
            "anchor_date": str(anchor)[:10], "published_at": published,
        }  # fmt: skip
    return out


def related(claim_id: int, *, earlier: list[tuple[int, float]]) -> dict:
    """A claim's story (its other reports) and the speaker's earlier similar statements
    (``earlier``: (claim id, score) found by the caller), as Claim dicts."""
    story_id = story_of(claim_id)
    same = [c for c in _claims(story_id) if c["id"] != claim_id] if story_id else []
    ids = [i for i, _ in earlier]
    by_id = {}
    if ids:
        marks = ", ".join([database.param] * len(ids))
        found = inherit_reviews([claim_json(r) for r in read(f'{head()} WHERE "t1"."id" IN ({marks})', ids)])
        by_id = {c["id"]: c for c in found}
    similar = [{"claim": by_id[i], "score": round(s, 3)} for i, s in earlier if i in by_id]
    return {"story_id": story_id, "same_story": same, "earlier_similar": similar}


def earlier_candidates(claim_id: int, *, limit: int) -> tuple[tuple | None, list[tuple]]:
    """(the claim's (speaker, sort_date, match_key, story)), the speaker's earlier claims as
    (id, story, match_key), newest first, at most ``limit``."""
    me = sql.one(
        'SELECT "speaker_id", "sort_date", "match_key", "story_id" FROM "claim" WHERE "id" = ?', (claim_id,)
    )
    if me is None:
        raise NotFound("claim", claim_id)
    if me[0] is None:
        return me, []
    rows = sql.execute(
        'SELECT "id", "story_id", "match_key" FROM "claim" WHERE "speaker_id" = ? AND "sort_date" <= ? '
        'AND "id" <> ? AND "match_key" IS NOT NULL ORDER BY "sort_date" DESC, "id" DESC LIMIT ?',
        (me[0], me[1], claim_id, limit),
    ).fetchall()
    return me, rows


def appearances(story_id: int) -> list[str]:
    """The urls of a story's articles, earliest report first (the story's ClaimReview appearances)."""
    rows = sql.execute(
        'SELECT DISTINCT a."url", a."anchor_date", a."id" FROM "claim" c JOIN "article" a ON a."id" = c."article_id" '
        'WHERE c."story_id" = ? AND a."url" IS NOT NULL ORDER BY a."anchor_date", a."id"',
        (story_id,),
    ).fetchall()
    return [r[0] for r in rows]


def collapse(claims: list[dict]) -> list[dict]:
    """One claim per story (its first in the given order), each with ``story``: {id, size,
    outlets, first_seen} of its whole story; a claim in no story has no ``story``."""
    kept, seen = [], set()
    for c in claims:
        if c["story_id"] is None or c["story_id"] not in seen:
            seen.add(c["story_id"])
            kept.append(c)
    briefs = _briefs(sorted({c["story_id"] for c in kept if c["story_id"]}))
    for c in kept:
        if c["story_id"] in briefs:
            c["story"] = briefs[c["story_id"]]
    return kept


def _briefs(story_ids: list[int]) -> dict[int, dict]:
    if not story_ids:
        return {}
    marks = ", ".join("?" * len(story_ids))
    out = {
        i: {"id": i, "size": size, "outlets": 0, "first_seen": str(first)[:10]}
        for i, size, first in sql.execute(
            f'SELECT "id", "size", "first_seen" FROM "story" WHERE "id" IN ({marks})', story_ids
        )
    }
    outlets: dict[int, set] = {}
    rows = sql.execute(
        'SELECT DISTINCT c."story_id", a."source", a."url" FROM "claim" c JOIN "article" a ON a."id" = c."article_id" '
        f'WHERE c."story_id" IN ({marks})',
        story_ids,
    )
    for story, source, url in rows:
        outlet = source or (url.split("/")[2] if url and url.count("/") >= 2 else None)
        if outlet:
            outlets.setdefault(story, set()).add(outlet)
    for story, names in outlets.items():
        if story in out:
            out[story]["outlets"] = len(names)
    return out
