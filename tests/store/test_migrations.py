"""Schema migrations on both databases: v1 → v2 (place hierarchy …), v2 → v3 (push delivery)."""

from __future__ import annotations

from service.store import migrations, search
from service.store.db import database
from service.store.models import ALL_MODELS, Claim, Entity, PlaceWithin, SchemaVersion, Story, StoryDecision
from service.store.push_models import PUSH_MODELS
from tests.store.place_fixtures import INDORE, THEATRE, draft, store

V2_COLUMNS = {
    "entity": ["place_kind", "within", "coordinates_from_id"],
    "claim": ["place_text", "speaker_resolved_from", "speaker_mention_start"],
}
# Added after v2 (v3: stories): absent from the v1 tables too.
LATER_COLUMNS = {"claim": ["story_id", "match_key"]}
LATER_TABLES = (PlaceWithin, Story, StoryDecision)


def _recreate_as_v1() -> None:
    """Replace the tables by the v1 schema: the models without what v2 added."""
    database.drop_tables(PUSH_MODELS + ALL_MODELS)
    removed = []
    try:
        for model in (Entity, Claim):
            table = model._meta.table_name
            for column in V2_COLUMNS[table] + LATER_COLUMNS.get(table, []):
                field = model._meta.columns[column]
                model._meta.remove_field(field.name)
                removed.append((model, field))
        database.create_tables([m for m in ALL_MODELS if m not in LATER_TABLES])
    finally:
        for model, field in removed:
            model._meta.add_field(field.name, field)

    search.install()
    SchemaVersion.create(version=1)


def _columns(table: str) -> set[str]:
    return {c.name for c in database.get_columns(table, schema=_schema())}


def _schema():
    return None if migrations.is_sqlite() else database.execute_sql("SELECT current_schema()").fetchone()[0]


def test_v1_database_is_migrated_and_backfilled(app):
    _recreate_as_v1()
    assert not set(V2_COLUMNS["entity"]) & _columns("entity")
    database.execute_sql(
        'INSERT INTO "entity" ("kind", "name", "key", "gazetteer_id", "lat", "lon", "created_at") VALUES '
        "('place', 'इंदौर', 'इंदौर', 'geonames:1269743', 22.72, 75.86, '2025-01-01 00:00:00'), "
        "('place', 'भारत', 'भारत', 'cldr:IN', NULL, NULL, '2025-01-01 00:00:00'), "
        "('place', 'सहकार नगर', 'सहकार नगर', 'local:सहकार नगर', NULL, NULL, '2025-01-01 00:00:00')"
    )
    assert migrations.migrate_database() == migrations.SCHEMA_VERSION
    for table, columns in V2_COLUMNS.items():
        assert set(columns) <= _columns(table)
    assert set(LATER_COLUMNS["claim"]) <= _columns("claim")
    kinds = {e.gazetteer_id: (e.place_kind, e.within) for e in Entity.select()}
    assert kinds == {
        "geonames:1269743": ("city", None),
        "cldr:IN": ("country", None),
        "local:सहकार नगर": ("locality", None),
    }
    # The next article that names the legacy city records its hierarchy on the existing row.
    city, theatre = (c["place"] for c in store([draft("नल लगेंगे", INDORE), draft("मंच बनेगा", THEATRE)]))
    assert city["id"] == Entity.get(Entity.gazetteer_id == "geonames:1269743").id
    assert city["within"] == [
        {"id": Entity.get(Entity.gazetteer_id == "cldr:IN").id, "name": "भारत", "kind": "country"}
    ]
    assert theatre["within"][0]["id"] == city["id"]
    assert migrations.migrate_database() == migrations.SCHEMA_VERSION  # idempotent


def test_v2_database_gets_the_push_tables(app):
    database.drop_tables(PUSH_MODELS)
    SchemaVersion.delete().execute()
    SchemaVersion.create(version=2)
    assert migrations.current_version() == 2
    assert migrations.migrate_database() == migrations.SCHEMA_VERSION
    for model in PUSH_MODELS:
        assert migrations._table_exists(model._meta.table_name)
