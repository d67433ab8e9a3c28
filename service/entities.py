"""Speakers and places as shared entities: one row per person, organization or place."""

from __future__ import annotations

import peewee as pw

from .db import database
from .hindi import fold
from .models import Entity, EntityAlias


def _alias_keys(name: str, aliases: tuple[str, ...] | list[str], kind: str) -> dict[str, str]:
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


def _lookup(kind: str, keys: list[str]) -> Entity | None:
    for key in keys:
        entity = Entity.get_or_none((Entity.kind == kind) & (Entity.key == key))
        if entity:
            return entity
    for key in keys:
        matches = list(
            Entity.select()
            .join(EntityAlias)
            .where((Entity.kind == kind) & (EntityAlias.key == key))
            .distinct()
            .limit(2)
        )
        if len(matches) == 1:  # an ambiguous alias (two people, one surname) decides nothing
            return matches[0]
    return None


def _add_aliases(entity: Entity, keys: dict[str, str]) -> None:
    known = {row.key for row in EntityAlias.select(EntityAlias.key).where(EntityAlias.entity == entity)}
    rows = [
        {"entity": entity.id, "alias": alias, "key": key} for key, alias in keys.items() if key not in known
    ]
    if rows:
        EntityAlias.insert_many(rows).on_conflict_ignore().execute()


def resolve_entity(*, kind: str, name: str, aliases=(), **attributes) -> Entity:
    """The entity named ``name`` (or one of its aliases), created when unknown.

    Must run inside the caller's transaction; a concurrent creator of the same entity on
    PostgreSQL is absorbed by the unique (kind, key) index and a savepoint.
    """
    keys = _alias_keys(name, aliases, kind)
    main_key = fold(name)
    entity = _lookup(kind, [main_key, *[k for k in keys if k != main_key and " " in k]])
    if entity is None:
        try:
            with database.atomic():
                entity = Entity.create(kind=kind, name=name.strip(), key=main_key, **attributes)
        except pw.IntegrityError:
            entity = Entity.get((Entity.kind == kind) & (Entity.key == main_key))
    _add_aliases(entity, keys)
    return entity


def resolve_place(place, *, as_written: str | None = None) -> Entity:
    """The place entity for a gazetteer ``Place``; keyed by its gazetteer id.

    ``as_written`` (the article's spelling, e.g. वॉनसान for geonames' वोनसान) becomes an alias.
    """
    entity = Entity.get_or_none((Entity.kind == "place") & (Entity.gazetteer_id == place.id))
    if entity:
        if as_written:
            _add_aliases(entity, _alias_keys(as_written, (), "place"))
        return entity
    return resolve_entity(
        kind="place",
        name=place.name,
        aliases=tuple(a for a in (getattr(place, "name_en", None), as_written) if a),
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        gazetteer_id=place.id,
    )
