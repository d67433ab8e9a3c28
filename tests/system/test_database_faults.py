"""Issue 15 point 5: database faults answer 503 with Retry-After in the JSON error shape, never 500."""

from __future__ import annotations

import os
import sqlite3

import peewee
import pytest

from service.app import ReadOnlyDatabase, create_app
from service.store import claim_query, db
from service.store.db import database, is_sqlite
from service.web.faults import is_database_fault
from tests.api.test_errors import assert_error
from tests.factories import article_payload


@pytest.fixture
def app(database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "PROPAGATE_EXCEPTIONS": False})
    yield app
    if not database.is_closed():
        database.close()


def _unreachable():
    """Point the bound database somewhere it cannot be opened, as a server restart or lost disk does."""
    database.close()
    if is_sqlite():
        database.obj.database = "/nonexistent-dir/for/tathya.db"
    else:
        database.obj.connect_params["port"] = 1  # nothing listens there


def assert_unavailable(resp) -> None:
    body = assert_error(resp, 503)
    assert resp.headers["Retry-After"].isdigit()
    assert body["request_id"]


@pytest.mark.parametrize(
    "method, path",
    [("get", "/healthz"), ("get", "/v1/claims"), ("get", "/v1/articles/1"), ("post", "/v1/articles")],
    ids=["healthz", "claims", "article", "ingest"],
)
def test_an_unreachable_database_is_503_everywhere(app, client, method, path):
    _unreachable()
    kwargs = {"json": article_payload()} if method == "post" else {}
    assert_unavailable(getattr(client, method)(path, **kwargs))


def test_a_locked_database_during_a_read_is_503(app, client, monkeypatch):
    def locked(*args, **kwargs):
        raise peewee.OperationalError(sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(claim_query, "page", locked)
    assert_unavailable(client.get("/v1/claims"))


def test_healthz_is_503_when_the_database_cannot_be_written(app, client, monkeypatch):
    assert client.get("/healthz").status_code == 200
    if is_sqlite():
        monkeypatch.setattr("os.access", lambda path, mode: False)  # as a read-only file or mount
    else:
        database.execute_sql("SET default_transaction_read_only = on")
        database.execute_sql("SET transaction_read_only = on")
    assert_unavailable(client.get("/healthz"))


def test_healthz_is_503_when_the_disk_is_full(app, client, monkeypatch):
    if not is_sqlite():
        pytest.skip("the write probe file is SQLite's")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tempfile.NamedTemporaryFile", full)
    assert_unavailable(client.get("/healthz"))


FAULTS = {
    "sqlite-locked": (peewee.OperationalError(sqlite3.OperationalError("database is locked")), True),
    "sqlite-full": (peewee.OperationalError(sqlite3.OperationalError("database or disk is full")), True),
    "sqlite-readonly": (
        peewee.OperationalError(sqlite3.OperationalError("attempt to write a readonly database")),
        True,
    ),
    "sqlite-syntax": (peewee.OperationalError(sqlite3.OperationalError('near "SELEC": syntax error')), False),
    "sqlite-no-column": (peewee.OperationalError(sqlite3.OperationalError("no such column: x")), False),
    "pg-connection": (peewee.OperationalError("server closed the connection unexpectedly"), True),
    "pg-closed": (peewee.InterfaceError("connection already closed"), True),
    "pg-read-only": (peewee.InternalError("cannot execute INSERT in a read-only transaction"), True),
    "integrity": (peewee.IntegrityError("UNIQUE constraint failed"), False),
    "value-error": (ValueError("x"), False),
}


@pytest.mark.parametrize("case", FAULTS.values(), ids=FAULTS.keys())
def test_what_counts_as_the_database_being_unavailable(case):
    exc, expected = case
    assert is_database_fault(exc) is expected


def test_a_wrong_query_stays_a_500(app, client, monkeypatch):
    def wrong(*args, **kwargs):
        raise peewee.OperationalError(sqlite3.OperationalError("no such column: nonsense"))

    monkeypatch.setattr(claim_query, "page", wrong)
    assert client.get("/v1/claims").status_code == 500


def test_retry_after_survives_the_rate_limiter(database_url):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "PROPAGATE_EXCEPTIONS": False,
            "TATHYA_RATE_LIMIT": "100/minute",
        }
    )
    try:
        client = app.test_client()
        _unreachable()
        assert_unavailable(client.get("/v1/claims"))
    finally:
        if not database.is_closed():
            database.close()


# --- a read-only database at start-up ---------------------------------------------------------


def _read_only(path: str):
    """os.access as for a file that cannot be written (root may write any file, so chmod alone
    proves nothing when the suite runs as root)."""
    real = os.access

    def access(target, mode, *args, **kwargs):
        if mode & os.W_OK and os.path.abspath(target) == os.path.abspath(path):
            return False
        return real(target, mode, *args, **kwargs)

    return access


def test_the_service_refuses_to_start_on_a_read_only_sqlite_file(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'ro.db'}"
    create_app({"TESTING": True, "DATABASE_URL": url, "TATHYA_WARM_GAZETTEER": False})
    database.close()
    monkeypatch.setattr(db.os, "access", _read_only(str(tmp_path / "ro.db")))
    with pytest.raises(ReadOnlyDatabase, match="writable database"):
        create_app({"TESTING": True, "DATABASE_URL": url, "TATHYA_WARM_GAZETTEER": False})


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_chmod_read_only_file_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'ro.db'}"
    create_app({"TESTING": True, "DATABASE_URL": url, "TATHYA_WARM_GAZETTEER": False})
    database.close()
    (tmp_path / "ro.db").chmod(0o444)
    with pytest.raises(ReadOnlyDatabase):
        create_app({"TESTING": True, "DATABASE_URL": url, "TATHYA_WARM_GAZETTEER": False})


def test_the_service_refuses_to_start_on_a_read_only_postgresql(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL: a read-only session")
    url = database_url + "%20-cdefault_transaction_read_only%3Don"
    create_app({"TESTING": True, "DATABASE_URL": database_url, "TATHYA_WARM_GAZETTEER": False})
    database.close()
    with pytest.raises(ReadOnlyDatabase, match="read-only"):
        create_app({"TESTING": True, "DATABASE_URL": url, "TATHYA_WARM_GAZETTEER": False})
