"""Fixtures: a fresh app and database per test, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import os
import uuid

import psycopg2
import pytest

from service.app import create_app
from service.store.db import database

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
# CI sets this so that a missing PostgreSQL fails the run instead of silently skipping.
REQUIRE_PG = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

BACKENDS = ["sqlite", "postgresql"]


def _pg_schema_url(schema: str) -> str:
    separator = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    """A new, empty database: an SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("TEST_DATABASE_URL is required in CI")
        pytest.skip("TEST_DATABASE_URL not set: PostgreSQL tests skipped")
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = psycopg2.connect(PG_URL)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _pg_schema_url(schema)
    finally:
        if not database.is_closed():
            database.close()
        with admin.cursor() as cur:
            cur.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()


@pytest.fixture
def app(database_url):
    # A stream answers its backlog and ends at once (schemathesis calls every operation).
    config = {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "TATHYA_API_KEYS": [],
        "TATHYA_STREAM_SECONDS": 0,
    }
    app = create_app(config)
    yield app
    if not database.is_closed():
        database.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
