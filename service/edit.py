"""Manual claims, corrections with history and manual_fields, and entity merges."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable

from service import linking
from service.dates import calendar as cal
from service.errors import EditError, NotFound, StaleVersion, beyond_calendar
from service.places.finder import lookup_place
from service.store import claim_query, outbox, place_tree
from service.store.articles import claim_search_text
from service.store.db import is_sqlite, write_transaction
from service.store.entities import add_aliases, alias_keys, resolve_entity, resolve_place
from service.store.models import (
    MAX_ID,
    Article,
    Claim,
    ClaimHistory,
    ClaimMention,
    Entity,
    EntityAlias,
    Story,
    find,
    get,
    utcnow,
)


def date_interval(value: str) -> cal.Value:
    """A TIMEX3 day/week/month/year value with its interval."""
    try:
        if "-W" in value:
            y, w = value.split("-W")
            return cal.week(dt.date.fromisocalendar(int(y), int(w), 1))
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            return cal.day(dt.date(*parts))
        if len(parts) == 2:
            return cal.month(parts[0], parts[1])
        return cal.year(parts[0])
    except (ValueError, OverflowError) as exc:  # OverflowError: a week that ends after 9999
        raise EditError("date", f"Not a valid date value: {value}") from exc


def _entity_by_id(field: str, value: int, kinds: tuple[str, ...]) -> Entity:
    entity = find(Entity, value)
    if entity is None or entity.kind not in kinds:
        raise EditError(field, f"No {'/'.join(kinds)} entity with id {value}.")
    return entity


def speaker_entity(value) -> Entity:
    """A speaker given by entity id, or by name (found by name/alias, else created)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _entity_by_id("speaker", value, ("person", "organization"))
    if not isinstance(value, str) or not value.strip() or len(value) > 200 or _CONTROL_OR_BREAK.search(value):
        raise EditError("speaker", "Give an entity id or a name.")
    return resolve_entity(kind="person", name=value.strip())


def place_entity(value) -> Entity:
    """A place given by entity id, a stored place name, or a gazetteer name."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _entity_by_id("place", value, ("place",))
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise EditError("place", "Give an entity id or a place name.")
    place = lookup_place(value)
    if place is not None:
        return resolve_place(place, as_written=value.strip())
    keys = list(alias_keys(value, (), "place"))
    found = (
        Entity.select().join(EntityAlias).where((Entity.kind == "place") & EntityAlias.key.in_(keys)).first()
    )
    if found is None:
        raise EditError("place", f"Unknown place: {value}")
    return found


# C0 and C1 controls and DEL; a quote may keep its tabs and line breaks. Zero-width joiners and
# bidi marks are format characters, not controls: Devanagari needs them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_VERB_CLASS = re.compile(r"^[a-z][a-z_]{0,31}$")


def _checked_text(name: str, value):
    if isinstance(value, str):
        pattern = _CONTROL if name == "quote" else _CONTROL_OR_BREAK
        if pattern.search(value):
            raise EditError(name, "Must not contain control characters.")
        if name == "verb_class" and not _VERB_CLASS.match(value):
            raise EditError(name, "A verb class is a lowercase identifier, e.g. statement or threat.")
    return value


def _field_values(data: dict, *, anchor: dt.date | None) -> dict:
    """Column values for the API fields in ``data`` (speaker/place resolved, date expanded)."""
    out: dict = {}
    for name in ("speaker_role", "verb", "verb_class", "quote", "quote_type"):
        if name in data:
            out[name] = _checked_text(name, data[name])
    if "speaker" in data:
        out["speaker"] = speaker_entity(data["speaker"]).id if data["speaker"] is not None else None
        out["speaker_resolved_from"] = "manual" if data["speaker"] is not None else None
        out["speaker_mention_start"] = None
    if "place" in data:
        value = data["place"]
        out["place"] = place_entity(value).id if value is not None else None
        # A place given by name is shown as the person wrote it; by id, by the entity's name.
        out["place_text"] = value.strip() if isinstance(value, str) else None
    if "date" in data:
        date = data["date"]
        v = date_interval(date["value"]) if date else None
        out |= {
            "date_value": v.value if v else None,
            "date_granularity": v.granularity if v else None,
            "date_from": v.date_from if v else None,
            "date_to": v.date_to if v else None,
            "date_source": "manual" if v else None,
            "sort_date": v.date_from if v else (anchor or dt.date.today()),
        }
    if "review" in data:
        review = data["review"] or {}
        reviewed_at = review.get("reviewed_at")
        out |= {
            "review_rating": review.get("rating"),
            "review_explanation": review.get("explanation"),
            "review_url": review.get("url"),
            "reviewed_at": _naive_utc(reviewed_at) if review else None,
        }
    return out


def _naive_utc(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return utcnow()
    if value.tzinfo is not None:
        try:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        except (OverflowError, ValueError) as exc:  # 0001-01-01T00:00+14:00 is before year 1 in UTC
            if not beyond_calendar(exc):
                raise
            raise EditError("review", "reviewed_at is outside years 1..9999 in UTC.") from exc
    return value.replace(microsecond=0)


def _jsonable(value):
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _search_text(claim: Claim) -> str:
    speaker = Entity.get_or_none(Entity.id == claim.speaker_id) if claim.speaker_id else None
    return claim_search_text(claim.quote, speaker.name if speaker else None, claim.speaker_role)


def create_claim(data: dict, *, key_id: str | None) -> Claim:
    """Store a manual claim (e.g. from a fact-checker); every given field counts as manual."""
    with write_transaction():
        article = None
        if data.get("article_id") is not None:
            article = find(Article, data["article_id"])
            if article is None:
                raise EditError("article_id", f"No article with id {data['article_id']}.")
        anchor = article.anchor_date if article else dt.date.today()
        values = _field_values({"date": None, **data}, anchor=anchor)
        now = utcnow()
        claim = Claim(
            article=article, origin="manual", confidence=1.0, created_at=now, updated_at=now, **values
        )
        claim.manual_fields = sorted(k for k in data if k != "article_id" and data[k] is not None)
        claim.search_text = _search_text(claim)
        claim.save(force_insert=True)
        ClaimHistory.create(
            claim=claim.id, changes={"created": [None, "manual"]}, key_id=key_id, changed_at=now
        )
        linking.relink(claim.id)  # a manual claim is in a story like an extracted one
        outbox.record("claim.created", [claim_query.claim_by_id(claim.id)])
    return claim


def claim_version(claim: dict) -> str:
    """A claim's version, its strong ETag: a hash of its API representation."""
    text = json.dumps(claim, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _locked_claim(claim_id: int) -> Claim:
    """The claim, locked until the transaction ends, so that a concurrent edit waits for this one.

    PostgreSQL: SELECT … FOR UPDATE. SQLite: the IMMEDIATE transaction already holds the
    database's write lock (``write_transaction``).
    """
    query = Claim.select().where(Claim.id == claim_id)
    found = (query if is_sqlite() else query.for_update()).first() if 0 < claim_id < MAX_ID else None
    if found is None:
        raise NotFound("claim", claim_id)
    return found


def update_claim(
    claim_id: int, data: dict, *, key_id: str | None, if_match: Callable[[str], bool] | None = None
) -> Claim:
    """Apply a correction; records {field: [old, new]} in history and marks the fields manual.

    One locked read-modify-write that writes only the changed columns: concurrent corrections of
    different fields all stick, and each history entry's ``old`` is the previous entry's ``new``.
    ``if_match`` (from If-Match) is asked about the current version; False → ``StaleVersion``.
    """
    with write_transaction():
        claim = _locked_claim(claim_id)
        if if_match is not None and not if_match(claim_version(claim_query.claim_by_id(claim_id))):
            raise StaleVersion("claim", claim_id)
        anchor = claim.article.anchor_date if claim.article_id else claim.sort_date
        values = _field_values(data, anchor=anchor)
        changes = {}
        for column, new in values.items():
            old = getattr(claim, f"{column}_id" if column in ("speaker", "place") else column)
            if _jsonable(old) != _jsonable(new):
                changes[column] = [_jsonable(old), _jsonable(new)]
                setattr(claim, column, new)
        if not changes:
            return claim
        claim.manual_fields = sorted(set(claim.manual_fields or []) | set(data))
        claim.search_text = _search_text(claim)
        claim.updated_at = utcnow()
        written = [getattr(Claim, name) for name in (*changes, "manual_fields", "search_text", "updated_at")]
        claim.save(only=written)
        ClaimHistory.create(claim=claim.id, changes=changes, key_id=key_id, changed_at=claim.updated_at)
        if {"quote", "speaker", "date"} & set(changes):  # what matching reads
            linking.relink(claim.id)
        outbox.record("claim.updated", [claim_query.claim_by_id(claim.id)])
    return claim


def merge_entities(duplicate_id: int, *, into: int) -> Entity:
    """Move every alias, claim and mention of ``duplicate_id`` to ``into`` and delete the duplicate."""
    with write_transaction():
        dup = get(Entity, duplicate_id)
        target = _entity_by_id("into", into, ("person", "organization", "place"))
        if dup.id == target.id or dup.kind != target.kind:
            raise EditError("into", "Merge into a different entity of the same kind.")
        keys = alias_keys(dup.name, [a.alias for a in dup.aliases], dup.kind)
        add_aliases(target.id, keys)
        Claim.update(speaker=target.id).where(Claim.speaker == dup.id).execute()
        Story.update(speaker=target.id).where(Story.speaker == dup.id).execute()
        Claim.update(place=target.id).where(Claim.place == dup.id).execute()
        ClaimMention.update(entity=target.id).where(ClaimMention.entity == dup.id).execute()
        if dup.kind == "place":
            place_tree.merge_place(dup.id, target.id)
        dup.delete_instance()
    return target
