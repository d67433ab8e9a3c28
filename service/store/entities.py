"""Speakers and places as shared entities: one row per person, organization or place."""

from __future__ import annotations

from peewee import fn

from service.store import place_tree, serialize, sql
from service.store.models import Claim, Entity, EntityAlias, utcnow
from service.text.hindi import fold


def alias_keys(name: str, aliases: tuple[str, ...] | list[str], kind: str) -> dict[str, str]:
    """Folded key → written form, for the name, its aliases and (persons) the surname."""
    forms = [name, *aliases]
    tokens = name.split()
    # A person is referred to by surname alone in later paragraphs and other articles.
    if kind == "person" and len(tokens) >= 2:
        forms.append(tokens[-1])
    name_tokens = set(fold(name).split())
    keys: dict[str, str] = {}
    for form in forms:
        key = fold(form)
        # A bare title ("स्वास्थ्य मंत्री") names a person only inside one article: across
        # articles it is another minister. A person's alias must carry part of the name.
        if kind == "person" and not name_tokens & set(key.split()):
            continue
        if key and key not in keys:
            keys[key] = form.strip()
    return keys


_ENTITY_COLUMNS = '"id", "kind", "name", "key", "country", "lat", "lon", "gazetteer_id"'


def _entity(row) -> Entity | None:
    if row is None:
        return None
    keys = ("id", "kind", "name", "key", "country", "lat", "lon", "gazetteer_id")
    return Entity(**dict(zip(keys, row, strict=True)))


def _lookup(kind: str, main_key: str, alias_keys_: list[str]) -> Entity | None:
    entity = _entity(
        sql.one(f'SELECT {_ENTITY_COLUMNS} FROM "entity" WHERE "kind" = ? AND "key" = ?', (kind, main_key))
    )
    if entity or not alias_keys_:
        return entity
    # Only multi-word aliases identify someone; an alias shared by two entities decides nothing.
    marks = ", ".join("?" * len(alias_keys_))
    rows = sql.execute(
        'SELECT DISTINCT a."entity_id" FROM "entity_alias" a JOIN "entity" e ON e."id" = a."entity_id" '
        f'WHERE e."kind" = ? AND a."key" IN ({marks}) LIMIT 2',
        (kind, *alias_keys_),
    ).fetchall()
    if len(rows) != 1:
        return None
    return _entity(sql.one(f'SELECT {_ENTITY_COLUMNS} FROM "entity" WHERE "id" = ?', (rows[0][0],)))


def add_aliases(entity_id: int, keys: dict[str, str]) -> None:
    sql.insert_ignore(
        EntityAlias._meta.table_name,
        ("entity_id", "alias", "key"),
        [(entity_id, a, k) for k, a in keys.items()],
    )


def resolve_entity(*, kind: str, name: str, aliases=(), **attributes) -> Entity:
    """The entity named ``name`` (or one of its aliases), created when unknown.

    Must run inside the caller's transaction. A concurrent creator of the same entity (on
    PostgreSQL; SQLite writers are serialized) is absorbed by the unique (kind, key) index:
    ON CONFLICT DO NOTHING, then read the winner's row.
    """
    keys = alias_keys(name, aliases, kind)
    main_key = fold(name)
    # Multi-word aliases identify someone; a one-word name (a surname) is looked up among
    # aliases too, and only counts when exactly one entity carries it.
    lookup_keys = [k for k in keys if " " in k or k == main_key]
    entity = _lookup(kind, main_key, lookup_keys)
    if entity is None:
        entity = _insert(
            Entity(kind=kind, name=name.strip(), key=main_key, created_at=utcnow(), **attributes)
        )
    add_aliases(entity.id, keys)
    return entity


def _insert(entity: Entity) -> Entity:
    """Insert ``entity`` unless its (kind, key) exists; the row that holds it either way."""
    columns = ("kind", "name", "key", "country", "lat", "lon", "gazetteer_id", "created_at", "place_kind")
    names = ", ".join(f'"{c}"' for c in columns)
    row = sql.one(
        f'INSERT INTO "entity" ({names}) VALUES ({", ".join("?" * len(columns))}) '
        'ON CONFLICT DO NOTHING RETURNING "id"',
        tuple(getattr(entity, c) for c in columns),
    )
    if row:
        entity.id = row[0]
        return entity
    return _lookup(entity.kind, entity.key, [])


def resolve_place(place, *, as_written: str | None = None) -> Entity:
    """The place entity for an extractor ``Place``, keyed by its id, with its enclosing places.

    ``as_written`` (the article's spelling, e.g. वॉनसान for geonames' वोनसान) becomes an alias.
    A place's enclosing places (``place.within``) are resolved too, the first time it is stored.
    """
    found = sql.one(
        f'SELECT {_ENTITY_COLUMNS}, "within" FROM "entity" WHERE "kind" = ? AND "gazetteer_id" = ?',
        ("place", place.id),
    )
    entity, stored_within = (_entity(found[:-1]), found[-1]) if found else (None, None)
    if entity is None:
        attributes = {
            "country": place.country or None,
            "lat": place.lat,
            "lon": place.lon,
            "gazetteer_id": place.id,
            "place_kind": place.kind,
        }
        if place.kind in place_tree.BELOW_CITY:
            entity = _insert(
                Entity(kind="place", name=place.name, key=place.id, created_at=utcnow(), **attributes)
            )
            add_aliases(entity.id, alias_keys(place.name, (), "place"))
        else:
            aliases = tuple(a for a in (getattr(place, "name_en", None),) if a)
            entity = resolve_entity(kind="place", name=place.name, aliases=aliases, **attributes)
            if entity.gazetteer_id != place.id:  # the same name as a stored place: that one's hierarchy
                stored_within = ""
    if as_written:
        add_aliases(entity.id, {fold(as_written): as_written.strip()})
    if stored_within != "" and place_tree.needs_hierarchy(stored_within, place):
        enclosing = [resolve_place(p) for p in place.within]
        place_tree.set_hierarchy(entity.id, place, enclosing)
    return entity


class EntityResolver:
    """Resolves the entities of one article, each distinct speaker or place once."""

    def __init__(self) -> None:
        self._speakers: dict[tuple, Entity] = {}
        self._places: dict[tuple, Entity] = {}

    def speaker(self, *, kind: str, name: str, aliases: tuple[str, ...]) -> Entity:
        key = (kind, name, aliases)
        if key not in self._speakers:
            self._speakers[key] = resolve_entity(kind=kind, name=name, aliases=aliases)
        return self._speakers[key]

    def place(self, place, *, as_written: str | None) -> Entity:
        key = (place.id, as_written)
        if key not in self._places:
            self._places[key] = resolve_place(place, as_written=as_written)
        return self._places[key]


def attach_place_aliases(claims: list[dict]) -> list[dict]:
    """Fill ``place.aliases`` (every spelling seen, e.g. वॉनसान beside वोनसान) with one query."""
    places = {c["place"]["id"]: c["place"] for c in claims if c.get("place")}
    if not places:
        return claims
    aliases: dict[int, list[str]] = {place_id: [] for place_id in places}
    marks = ", ".join("?" * len(places))
    rows = sql.execute(
        f'SELECT "entity_id", "alias" FROM "{EntityAlias._meta.table_name}" '
        f'WHERE "entity_id" IN ({marks}) ORDER BY "id"',
        list(places),
    )
    for entity_id, alias in rows:
        aliases[entity_id].append(alias)
    for claim in claims:
        if claim.get("place"):
            claim["place"]["aliases"] = [
                a for a in aliases[claim["place"]["id"]] if a != claim["place"]["name"]
            ]
    return claims


def list_entities(
    *, limit: int, after: int | None = None, kind: str | None = None, q: str | None = None
) -> tuple[list[Entity], int | None]:
    """(up to ``limit`` entities by id after ``after``, the last id when there are more);
    ``q`` matches any name or alias, folded (spelling-variant tolerant)."""
    query = Entity.select().order_by(Entity.id)
    if kind:
        query = query.where(Entity.kind == kind)
    if q:
        matching = EntityAlias.select(EntityAlias.entity).where(EntityAlias.key.contains(fold(q)))
        query = query.where(Entity.key.contains(fold(q)) | Entity.id.in_(matching))
    if after is not None:
        query = query.where(Entity.id > after)
    rows = list(query.limit(limit + 1))
    return (rows[:limit], rows[limit - 1].id) if len(rows) > limit else (rows, None)


def entity_detail(e: Entity) -> dict:
    # Speakers and places use their own (…, sort_date, id) index: count, min and max read no rows.
    column = Claim.place if e.kind == "place" else Claim.speaker
    count, first, last = (
        Claim.select(fn.COUNT(Claim.id), fn.MIN(Claim.sort_date), fn.MAX(Claim.sort_date))
        .where(column == e.id)
        .tuples()
        .get()
    )
    aliases = EntityAlias.select(EntityAlias.alias).where(EntityAlias.entity == e.id).order_by(EntityAlias.id)
    return serialize.entity_dict(e) | {
        "aliases": [a.alias for a in aliases],
        "claim_count": count,
        "first_claim_date": str(first) if first else None,
        "last_claim_date": str(last) if last else None,
    }
