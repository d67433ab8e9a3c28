"""Claim filters and keyset paging shared by the claims list, timeline, stats and exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import Tuple

from . import search
from .hindi import fold
from .models import Claim, Entity, EntityAlias
from .places import lookup_place
from .queries import claim_payload, claims_with_entities

MAX_ID = 2**62
# Lower bound on sort_date implied by `from`: claim intervals are at most a year long (day, week,
# month, year values), so the (…, sort_date, id) indexes can be range-scanned from `from - 366 d`.
MAX_SPAN = dt.timedelta(days=366)
CHUNK = 1000


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """The filters every claim query accepts (all optional)."""

    speaker: str | None = None
    place: str | None = None
    country: str | None = None
    verb_class: str | None = None
    from_: dt.date | None = None
    to: dt.date | None = None
    q: str | None = None
    article: int | None = None
    origin: str | None = None
    rating: str | None = None


FILTER_FIELDS = tuple(ClaimFilter.__slots__)


def _as_id(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() and int(value) < MAX_ID else None


def _ids_by_key(kinds: tuple[str, ...], key: str) -> set[int]:
    direct = Entity.select(Entity.id).where(Entity.kind.in_(kinds) & (Entity.key == key))
    aliased = (
        EntityAlias.select(EntityAlias.entity)
        .join(Entity)
        .where(Entity.kind.in_(kinds) & (EntityAlias.key == key))
    )
    return {row.id for row in direct} | {row.entity_id for row in aliased}


def speaker_ids(value: str) -> set[int]:
    """Entity ids a speaker filter means: an id, or every entity with that name or alias (folded)."""
    as_id = _as_id(value)
    if as_id is not None:
        return {as_id}
    return _ids_by_key(("person", "organization"), fold(value))


def place_ids(value: str) -> set[int]:
    """Place entity ids for an id, a stored name/alias, or a gazetteer name (any spelling)."""
    as_id = _as_id(value)
    if as_id is not None:
        return {as_id}
    ids = _ids_by_key(("place",), fold(value))
    place = lookup_place(value)
    if place is not None:
        ids |= {e.id for e in Entity.select(Entity.id).where(Entity.gazetteer_id == place.id)}
    return ids


def conditions(f: ClaimFilter) -> list | None:
    """WHERE conditions for ``f``; None when nothing can match (an unknown speaker or place)."""
    out = []
    if f.speaker:
        ids = speaker_ids(f.speaker)
        if not ids:
            return None
        # One id compares with `=` so the (speaker, sort_date, id) index also yields the order.
        out.append(Claim.speaker == next(iter(ids)) if len(ids) == 1 else Claim.speaker.in_(sorted(ids)))
    if f.place:
        ids = place_ids(f.place)
        if not ids:
            return None
        out.append(Claim.place == next(iter(ids)) if len(ids) == 1 else Claim.place.in_(sorted(ids)))
    if f.country:
        places = Entity.select(Entity.id).where(
            (Entity.kind == "place") & (Entity.country == f.country.upper())
        )
        out.append(Claim.place.in_(places))
    for field, value in (("verb_class", f.verb_class), ("origin", f.origin), ("review_rating", f.rating)):
        if value:
            out.append(getattr(Claim, field) == value)
    if f.article:
        out.append(Claim.article == f.article)
    if f.to:
        out.append(Claim.sort_date <= f.to)
    if f.from_:
        out.append(Claim.sort_date >= max(f.from_, dt.date.min + MAX_SPAN) - MAX_SPAN)  # no underflow
        out.append((Claim.date_to >= f.from_) | (Claim.date_to.is_null() & (Claim.sort_date >= f.from_)))
    if f.q:
        words = search.tokens(f.q)
        if not words:
            return None
        out.append(search.condition(words))
    return out


def filtered(conds: list):
    """The one-join claim query restricted by ``conds``."""
    query = claims_with_entities()
    return query.where(*conds) if conds else query


def ordered(query, *, order: str, after: list | None = None):
    """Order by (sort_date, id) and continue after the keyset ``after`` ([iso date, id])."""
    key = Tuple(Claim.sort_date, Claim.id)
    if after is not None:
        mark = Tuple(Claim.sort_date.to_value(dt.date.fromisoformat(after[0])), int(after[1]))
        query = query.where(key > mark if order == "asc" else key < mark)
    if order == "asc":
        return query.order_by(Claim.sort_date, Claim.id)
    return query.order_by(Claim.sort_date.desc(), Claim.id.desc())


def keyset_of(claim: Claim) -> list:
    return [claim.sort_date.isoformat(), claim.id]


def claim_json(c: Claim) -> dict:
    """The API's Claim: DESIGN.md fields plus verb_class, origin, confidence, review."""
    out = claim_payload(c)
    review = None
    if c.review_rating:
        review = {
            "rating": c.review_rating,
            "explanation": c.review_explanation,
            "url": c.review_url,
            "reviewed_at": c.reviewed_at.isoformat() if c.reviewed_at else None,
        }
    out["review"] = review
    out["manual_fields"] = list(c.manual_fields or [])
    return out


@dataclass(slots=True)
class Page:
    claims: list[Claim]
    next_key: list | None
    total: int | None = None


def page(f: ClaimFilter, *, order: str, limit: int, after: list | None = None, count: bool = False) -> Page:
    """One page of claims (model rows, speaker and place joined) plus the keyset of the next."""
    conds = conditions(f)
    if conds is None:
        return Page([], None, 0 if count else None)
    base = filtered(conds)
    rows = list(ordered(base, order=order, after=after).limit(limit + 1))
    next_key = keyset_of(rows[limit - 1]) if len(rows) > limit else None
    total = base.order_by().count() if count else None
    return Page(rows[:limit], next_key, total)


def iter_claims(f: ClaimFilter, *, order: str, after: list | None = None):
    """Every matching claim as API dicts, fetched in keyset chunks: constant memory on both databases."""
    conds = conditions(f)
    if conds is None:
        return
    while True:
        query = ordered(filtered(conds), order=order, after=after).limit(CHUNK)
        last = None
        for claim in query.iterator():
            last = claim
            yield claim_json(claim)
        if last is None:
            return
        after = keyset_of(last)
