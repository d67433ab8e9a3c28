"""Speakers and places as shared entities: one row per person, organization or place."""

from __future__ import annotations

import peewee as pw
from peewee import fn

from .db import database
from .hindi import fold
from .models import Entity, EntityAlias


def alias_keys(name: str, aliases: tuple[str, ...] | list[str], kind: str) -> dict[str, str]:
    """Folded key → written form, for the name, its aliases and (persons) the surname."""
    forms = [name, *aliases]
    tokens = name.split()
    # A person is referred to by surname alone in later paragraphs and other articles.
    if kind == "person" and len(tokens) >= 2:
        forms.append(tokens[-1])
    keys: dict[str, str] = {}
    for form in forms:
        key = fold(form)
        if key and key not in keys:
            keys[key] = form.strip()
    return keys


def _lookup(kind: str, main_key: str, alias_keys_: list[str]) -> Entity | None:
    entity = Entity.get_or_none((Entity.kind == kind) & (Entity.key == main_key))
    if entity or not alias_keys_:
        return entity
    # Only multi-word aliases identify someone; an alias shared by two entities decides nothing.
    rows = list(
        Entity.select(Entity.id)
        .join(EntityAlias)
        .where((Entity.kind == kind) & (EntityAlias.key.in_(alias_keys_)))
        .group_by(Entity.id)
        .order_by(fn.COUNT(EntityAlias.id).desc(), Entity.id)
        .limit(2)
    )
    return Entity.get_by_id(rows[0].id) if len(rows) == 1 else None


def add_aliases(entity_id: int, keys: dict[str, str]) -> None:
    rows = [{"entity": entity_id, "alias": alias, "key": key} for key, alias in keys.items()]
    if rows:
        EntityAlias.insert_many(rows).on_conflict_ignore().execute()


def resolve_entity(*, kind: str, name: str, aliases=(), **attributes) -> Entity:
    """The entity named ``name`` (or one of its aliases), created when unknown.

    Must run inside the caller's transaction; a concurrent creator of the same entity on
    PostgreSQL is absorbed by the unique (kind, key) index and a savepoint.
    """
    keys = alias_keys(name, aliases, kind)
    main_key = fold(name)
    entity = _lookup(kind, main_key, [k for k in keys if k != main_key and " " in k])
    if entity is None:
        try:
            with database.atomic():
                entity = Entity.create(kind=kind, name=name.strip(), key=main_key, **attributes)
        except pw.IntegrityError:
            entity = Entity.get((Entity.kind == kind) & (Entity.key == main_key))
    add_aliases(entity.id, keys)
    return entity


def resolve_place(place, *, as_written: str | None = None) -> Entity:
    """The place entity for a gazetteer ``Place``; keyed by its gazetteer id.

    ``as_written`` (the article's spelling, e.g. वॉनसान for geonames' वोनसान) becomes an alias.
    """
    entity = Entity.get_or_none((Entity.kind == "place") & (Entity.gazetteer_id == place.id))
    if entity:
        if as_written:
            add_aliases(entity.id, alias_keys(as_written, (), "place"))
        return entity
    return resolve_entity(
        kind="place",
        name=place.name,
        aliases=tuple(a for a in (getattr(place, "name_en", None), as_written) if a),
        country=place.country or None,
        lat=place.lat,
        lon=place.lon,
        gazetteer_id=place.id,
    )


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
