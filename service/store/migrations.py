"""Database schema creation and versioned migrations (playhouse.migrate)."""

from __future__ import annotations

from collections.abc import Callable

import peewee as pw
from playhouse.migrate import SchemaMigrator, migrate

from service.store import day_counts, search
from service.store.db import database, is_sqlite
from service.store.models import ALL_MODELS, Claim, Entity, PlaceWithin, SchemaVersion, Story, StoryDecision
from service.store.push_models import PUSH_MODELS

# Version of the schema the models describe. A change to the models adds a function to
# MIGRATIONS that takes a database at version N-1 to N (with playhouse.migrate operations).
SCHEMA_VERSION = 6


def _v2_place_hierarchy(migrator: SchemaMigrator) -> None:
    """Place kinds and hierarchy (PlaceWithin), the place as written, how a speaker was resolved."""
    migrate(
        migrator.add_column("entity", "place_kind", pw.CharField(max_length=16, null=True)),
        migrator.add_column("entity", "within", pw.TextField(null=True)),
        migrator.add_column(
            "entity",
            "coordinates_from_id",
            pw.ForeignKeyField(Entity, field=Entity.id, null=True, on_delete="SET NULL"),
        ),
        migrator.add_column("claim", "place_text", pw.TextField(null=True)),
        migrator.add_column("claim", "speaker_resolved_from", pw.CharField(max_length=16, null=True)),
        migrator.add_column("claim", "speaker_mention_start", pw.IntegerField(null=True)),
    )
    database.create_tables([PlaceWithin], safe=True)
    # Existing places get the kind their id implies; ``within`` stays NULL, so the next article
    # that names a place fills in its kind and enclosing places from the gazetteer.
    prefixes = [("cldr:%", "country"), ("geonames:%", "city"), ("venue:%", "venue"), ("local:%", "locality")]
    mark = database.param
    cases = " ".join(f'WHEN "gazetteer_id" LIKE {mark} THEN {mark}' for _ in prefixes)
    database.execute_sql(
        f'UPDATE "entity" SET "place_kind" = CASE {cases} END WHERE "kind" = {mark}',
        [value for pair in prefixes for value in pair] + ["place"],
    )


def _v3_push(migrator: SchemaMigrator) -> None:
    """Subscriptions, the outbox of events, deliveries and their attempts (webhooks, SSE)."""
    database.create_tables(PUSH_MODELS, safe=True)


def _v4_day_counts(migrator: SchemaMigrator) -> None:
    """Per-day claim counts kept by triggers (stats), partial indexes of claims spanning days."""
    Claim._schema.create_indexes(safe=True)
    day_counts.install()
    day_counts.rebuild()


def story_index() -> None:
    """A story's claims in date order (and the claims of a story to recount)."""
    database.execute_sql(
        'CREATE INDEX IF NOT EXISTS "claim_story_id_sort_date_id" ON "claim" ("story_id", "sort_date", "id")'
    )


def story_sample_indexes() -> None:
    """The story samples alone: a speaker's near a date (match candidates), a story's near a date.

    On SQLite the candidates' index covers what matching reads (a table row is a page read per
    candidate, ~2x the cost); PostgreSQL keeps the key out (a B-tree entry is at most ~2.7 kB).
    """
    covered = '"story_id", "article_id", "match_key"' if is_sqlite() else '"story_id", "article_id"'
    for name, columns, where in (
        ("claim_rep_speaker", f'"speaker_id", "sort_date", "id", {covered}', '"story_rep" IS NOT NULL'),
        ("claim_rep_story", '"story_id", "sort_date"', '"story_rep" IS NOT NULL'),
        # A story's verdicts, shown inherited on its other claims (store.verdicts).
        ("claim_reviewed_story", '"story_id"', '"review_rating" IS NOT NULL'),
    ):
        database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "claim" ({columns}) WHERE {where}')


def _v5_stories(migrator: SchemaMigrator) -> None:
    """Stories (claims reporting one statement), claim.story_id and match_key, story decisions.

    Claims stored before it have no story until their article is reprocessed.
    """
    database.create_tables([Story], safe=True)
    schema = None if is_sqlite() else database.execute_sql("SELECT current_schema()").fetchone()[0]
    have = {c.name for c in database.get_columns("claim", schema=schema)}
    columns = {
        "story_id": pw.ForeignKeyField(Story, field=Story.id, null=True, on_delete="SET NULL", index=False),
        "match_key": pw.TextField(null=True),
    }
    # Idempotent: a database whose recorded version is older than its tables keeps its columns.
    operations = [migrator.add_column("claim", name, f) for name, f in columns.items() if name not in have]
    if operations:
        migrate(*operations)
    story_index()
    database.create_tables([StoryDecision], safe=True)
    assert Claim.story.column_name == "story_id"


def _v6_story_samples(migrator: SchemaMigrator) -> None:
    """claim.story_rep and its partial indexes: matching reads a few samples of each story nearby
    instead of every report (a story stored before it is sampled by its first three claims);
    the index of reviewed claims by story (inherited verdicts)."""
    schema = None if is_sqlite() else database.execute_sql("SELECT current_schema()").fetchone()[0]
    if "story_rep" not in {c.name for c in database.get_columns("claim", schema=schema)}:
        migrate(migrator.add_column("claim", "story_rep", pw.SmallIntegerField(null=True)))
    database.execute_sql(
        'UPDATE "claim" SET "story_rep" = 1 WHERE "id" IN (SELECT "id" FROM (SELECT "id", ROW_NUMBER() '
        'OVER (PARTITION BY "story_id" ORDER BY "id") AS "n" FROM "claim" WHERE "story_id" IS NOT NULL) '
        'AS "ranked" WHERE "n" <= 3)'
    )
    story_sample_indexes()


MIGRATIONS: dict[int, Callable[[SchemaMigrator], None]] = {
    2: _v2_place_hierarchy,
    3: _v3_push,
    4: _v4_day_counts,
    5: _v5_stories,
    6: _v6_story_samples,
}


def _table_exists(name: str) -> bool:
    schema = None
    if not is_sqlite():
        # peewee looks in "public" by default; deployments may set another search_path.
        schema = database.execute_sql("SELECT current_schema()").fetchone()[0]
    return database.table_exists(name, schema=schema)


def current_version() -> int:
    if not _table_exists(SchemaVersion._meta.table_name):
        return 0
    row = SchemaVersion.select().order_by(SchemaVersion.version.desc()).first()
    return row.version if row else 0


def migrate_database() -> int:
    """Create missing tables or migrate an older schema; returns the version now in place."""
    with database.atomic():
        version = current_version()
        if version == 0:
            database.create_tables(ALL_MODELS + PUSH_MODELS, safe=True)
            search.install()
            day_counts.install()
            story_index()
            story_sample_indexes()
            SchemaVersion.create(version=SCHEMA_VERSION)
            return SCHEMA_VERSION
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"database schema v{version} is newer than this code (v{SCHEMA_VERSION})")
        search.install()  # idempotent: full-text objects for databases made before them
        migrator = SchemaMigrator.from_database(database.obj)
        for step in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[step](migrator)
            SchemaVersion.create(version=step)
    return SCHEMA_VERSION
