"""Contract fuzzing: schemathesis drives every operation of openapi.yaml against the app in-process.

The committed spec is loaded without its catch-all ``default`` responses, so a status code the
operation does not list is a failure (status_code_conformance would otherwise accept anything).
Seeds are fixed (``derandomize``) and example counts bounded to keep CI inside its budget.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service.store.db import database, is_sqlite
from tests.factories import SEED_TEXT

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 25
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def strict_spec() -> dict:
    """The committed spec without ``default`` responses: only listed status codes conform."""
    spec = copy.deepcopy(yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8")))
    for operations in spec["paths"].values():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].pop("default", None)
    return spec


schema = schemathesis.openapi.from_dict(strict_spec())


def seed(app) -> None:
    """One real article, so that reads, filters and links find something."""
    resp = app.test_client().post("/v1/articles", json={"text": SEED_TEXT, "published_at": "2025-07-12"})
    assert resp.status_code == 201


def reset_database() -> None:
    """Empty every table and restart ids, so that each stateful scenario sees the same data.

    Hypothesis replays scenarios; responses (ids) that depend on earlier scenarios would make its
    data generation inconsistent. FTS tables follow the claim table through its triggers.
    """
    schema = None if is_sqlite() else database.execute_sql("SELECT current_schema()").fetchone()[0]
    tables = [
        name
        for name in database.get_tables(schema=schema)
        if name != "schema_version" and not name.startswith(("claim_fts", "sqlite_"))
    ]
    if is_sqlite():
        database.execute_sql("PRAGMA foreign_keys = OFF")
        for name in tables:
            database.execute_sql(f'DELETE FROM "{name}"')
        if database.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
            database.execute_sql("DELETE FROM sqlite_sequence")
        database.execute_sql("PRAGMA foreign_keys = ON")
    else:
        quoted = ", ".join(f'"{name}"' for name in tables)
        database.execute_sql(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")


@pytest.fixture
def seeded_app(app):
    seed(app)
    # Schemathesis's WSGI calls send the default Accept-Encoding of `requests` but do not decode
    # the body; compression has its own tests (test_compression.py).
    inner = app.wsgi_app
    app.wsgi_app = lambda environ, start_response: inner(
        {**environ, "HTTP_ACCEPT_ENCODING": "identity"}, start_response
    )
    return app


@schema.parametrize()
@FUZZ_SETTINGS
def test_every_operation_conforms(case, seeded_app):
    case.call_and_validate(app=seeded_app, checks=CHECKS)


def test_stateful_links_create_get_list(seeded_app):
    """Follow the spec's links: POST an article, then GET it and list its claims, and so on."""
    loaded = schemathesis.openapi.from_dict(strict_spec())
    loaded.app = seeded_app
    followed: list[tuple[str, int]] = []

    class Machine(loaded.as_state_machine()):
        def setup(self):
            reset_database()
            seed(seeded_app)

        def after_call(self, response, case):
            followed.append((case.operation.label, response.status_code))

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS, transport_kwargs=kwargs)

    Machine.run(
        settings=settings(
            max_examples=20,
            stateful_step_count=6,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
    labels = {label for label, _ in followed}
    assert "POST /v1/articles" in labels, labels
    assert "GET /v1/articles/{article_id}" in labels, labels
