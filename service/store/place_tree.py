"""Places as a hierarchy: each place entity's kind and enclosing places, and the roll-up filter."""

from __future__ import annotations

from service.store import sql
from service.store.db import database
from service.store.models import Entity, PlaceWithin

# Places below a city are one entity per extractor place id: "हाई कोर्ट" in इंदौर and in जबलपुर
# are two venues, where two spellings of one city are one entity keyed by its folded name.
BELOW_CITY = frozenset({"venue", "locality"})


def needs_hierarchy(stored_within: str | None, place) -> bool:
    """Whether a stored place still lacks the hierarchy ``place`` gives: never recorded (rows from
    before the hierarchy), or recorded empty and now known. The first known hierarchy is kept."""
    return stored_within is None or (stored_within == "[]" and bool(place.within))


def set_hierarchy(entity_id: int, place, enclosing: list[Entity]) -> None:
    """Record ``place`` (extractor Place) as entity ``entity_id``, inside ``enclosing`` (the entities
    of ``place.within``, nearest first): its kind, the roll-up rows, the cached ``within``, and the
    enclosing place its coordinates come from. Inside the caller's transaction."""
    chain = [(p, e) for p, e in zip(place.within, enclosing, strict=True) if e.id != entity_id]
    sql.insert_ignore(
        PlaceWithin._meta.table_name,
        ("place_id", "enclosing_id", "depth"),
        [(entity_id, e.id, depth) for depth, (_p, e) in enumerate(chain, 1)],
    )
    within = [{"id": e.id, "name": e.name, "kind": p.kind} for p, e in chain]
    lender = next((e.id for p, e in chain if p.id == place.coordinates_from), None)
    sql.execute(
        'UPDATE "entity" SET "place_kind" = ?, "within" = ?, "coordinates_from_id" = ? WHERE "id" = ?',
        (place.kind, sql.as_json(within), lender, entity_id),
    )


def encloses_any(ids: set[int]) -> bool:
    """Whether any of the places ``ids`` has a place inside it (one probe of the roll-up index)."""
    marks = ", ".join([database.param] * len(ids))
    found = database.execute_sql(
        f'SELECT 1 FROM "place_within" WHERE "enclosing_id" IN ({marks}) LIMIT 1', sorted(ids)
    ).fetchone()
    return found is not None


def rollup_sql(ids: set[int]) -> tuple[str, list]:
    """(condition on ``claim AS t1``, params): the claim's place is one of ``ids`` or inside one."""
    marks = ", ".join([database.param] * len(ids))
    part = (
        f'(("t1"."place_id" IN ({marks})) OR ("t1"."place_id" IN '
        f'(SELECT "w"."place_id" FROM "place_within" AS "w" WHERE "w"."enclosing_id" IN ({marks}))))'
    )
    return part, [*sorted(ids), *sorted(ids)]


def merge_place(duplicate_id: int, target_id: int) -> None:
    """Move the hierarchy of place ``duplicate_id`` onto ``target_id`` (before the duplicate is
    deleted): what encloses it, what it encloses, the places borrowing its coordinates; then the
    cached ``within`` of every place affected. Inside the caller's transaction."""
    for mine, other in (("place_id", "enclosing_id"), ("enclosing_id", "place_id")):
        sql.execute(
            f'INSERT INTO "place_within" ("{mine}", "{other}", "depth") '
            f'SELECT ?, "{other}", "depth" FROM "place_within" WHERE "{mine}" = ? AND "{other}" <> ? '
            "ON CONFLICT DO NOTHING",
            (target_id, duplicate_id, target_id),
        )
    sql.execute(
        'DELETE FROM "place_within" WHERE "place_id" = ? OR "enclosing_id" = ?', (duplicate_id, duplicate_id)
    )
    sql.execute(
        'UPDATE "entity" SET "coordinates_from_id" = ? WHERE "coordinates_from_id" = ?',
        (target_id, duplicate_id),
    )
    inside = [
        r[0]
        for r in sql.execute('SELECT "place_id" FROM "place_within" WHERE "enclosing_id" = ?', (target_id,))
    ]
    for place_id in sorted({target_id, *inside}):
        rows = sql.execute(
            'SELECT e."id", e."name", e."place_kind" FROM "place_within" w JOIN "entity" e '
            'ON e."id" = w."enclosing_id" WHERE w."place_id" = ? ORDER BY w."depth", e."id"',
            (place_id,),
        ).fetchall()
        within = [{"id": i, "name": n, "kind": k} for i, n, k in rows]
        sql.execute('UPDATE "entity" SET "within" = ? WHERE "id" = ?', (sql.as_json(within), place_id))
