"""Extraction faults, atomicity, API keys, JSON logs and the rate limit (issue 6)."""

from __future__ import annotations

import json
import logging

import pytest

from service.app import create_app
from service.store.db import database
from service.store.models import Article, Claim, DateMention
from service.web import logs
from tests.api.test_errors import assert_error
from tests.factories import SEED_TEXT, article_payload

KEYS = ["k-alpha-7f3e9c2a", "k-beta-51d0b8e4"]


def _counts() -> tuple[int, int, int]:
    return Article.select().count(), DateMention.select().count(), Claim.select().count()


# --- extraction failures are contained ----------------------------------------------------------


@pytest.mark.parametrize(
    "target", ["service.claims.extract.extract_claims", "service.dates.resolver.resolve_dates"]
)
def test_extraction_fault_stores_article_with_error(client, monkeypatch, caplog, target):
    def boom(*args, **kwargs):
        raise RuntimeError("injected extractor bug")

    monkeypatch.setattr(target, boom)
    with caplog.at_level(logging.ERROR):
        resp = client.post("/v1/articles", json={"text": SEED_TEXT, "published_at": "2025-07-12"})
    assert resp.status_code == 201
    body = resp.get_json()
    assert "RuntimeError" in body["extraction_error"]
    assert body["claims"] == []
    assert client.get(f"/v1/articles/{body['id']}").get_json()["extraction_error"] == body["extraction_error"]
    assert any(f"article {body['id']}" in r.getMessage() for r in caplog.records), caplog.text


def test_anchor_fault_still_stores_article(client, monkeypatch):
    monkeypatch.setattr("service.dates.resolver.choose_anchor", lambda *a, **k: 1 / 0)
    resp = client.post("/v1/articles", json=article_payload())
    assert resp.status_code == 201
    body = resp.get_json()
    assert body["anchor"] == {"value": "2025-07-15", "source": "published_at"}
    assert "ZeroDivisionError" in body["extraction_error"]


# --- atomicity ----------------------------------------------------------------------------------


def test_fault_between_article_and_claims_leaves_nothing(app, monkeypatch):
    """The article row and its dates are inserted, then the claim insert fails: all rolls back."""
    app.config["PROPAGATE_EXCEPTIONS"] = False
    client = app.test_client()
    reached = []

    def fail_claims(*args, **kwargs):
        reached.append(_counts())  # inside the transaction: the article row exists here
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("service.store.articles.insert_claims", fail_claims)
    payload = {"text": SEED_TEXT, "published_at": "2025-07-12", "url": "https://example.com/atomic"}
    assert_error(client.post("/v1/articles", json=payload), 500)
    assert reached and reached[0][0] == 1 and reached[0][1] > 0
    with database.connection_context():
        assert _counts() == (0, 0, 0)
    monkeypatch.undo()
    resp = client.post("/v1/articles", json=payload)  # no leftover url/hash blocks a retry
    assert resp.status_code == 201
    assert resp.get_json()["claims"]


# --- API keys -----------------------------------------------------------------------------------


@pytest.fixture
def keyed(database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "TATHYA_API_KEYS": KEYS})
    return app.test_client()


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        "Bearer k-alpha",
        "Bearer k-alpha-7f3e9c2a-",
        f"Basic {KEYS[0]}",
        KEYS[0],
    ],
)
def test_writes_need_a_known_key(keyed, header, caplog):
    headers = {"Authorization": header} if header is not None else {}
    with caplog.at_level(logging.DEBUG):
        for resp in (
            keyed.post("/v1/articles", json=article_payload(), headers=headers),
            keyed.delete("/v1/articles/1", headers=headers),
            keyed.post("/v1/dates/resolve", json={"text": "कल"}, headers=headers),
        ):
            assert_error(resp, 401)
            assert resp.headers["WWW-Authenticate"].startswith("Bearer")
            assert not any(key in resp.get_data(as_text=True) for key in KEYS)
    assert not any(key in caplog.text for key in KEYS)


def test_reads_are_open_and_keys_never_logged(keyed, caplog):
    with caplog.at_level(logging.DEBUG):
        created = keyed.post(
            "/v1/articles",
            json={"text": SEED_TEXT, "published_at": "2025-07-12"},
            headers={"Authorization": f"Bearer {KEYS[1]}"},
        )
        assert created.status_code == 201
        article_id = created.get_json()["id"]
        assert keyed.get(f"/v1/articles/{article_id}").status_code == 200
        assert keyed.get("/v1/articles").status_code == 200
    formatter = logs.JsonFormatter()
    lines = [formatter.format(record) for record in caplog.records]
    assert not any(key in line for key in KEYS for line in lines)
    access = [json.loads(line) for line in lines if '"tathya.access"' in line]
    post = next(a for a in access if a["method"] == "POST")
    assert post["key_id"].startswith("key-") and post["status"] == 201


def test_history_records_key_id_not_key(keyed):
    auth = {"Authorization": f"Bearer {KEYS[0]}"}
    created = keyed.post("/v1/articles", json={"text": SEED_TEXT, "published_at": "2025-07-12"}, headers=auth)
    claim_id = created.get_json()["claims"][0]["id"]
    assert keyed.patch(f"/v1/claims/{claim_id}", json={"verb": "कहा"}, headers=auth).status_code == 200
    history = keyed.get(f"/v1/claims/{claim_id}/history").get_data(as_text=True)
    assert "key-" in history and KEYS[0] not in history


def test_open_writes_warn_at_start(database_url, caplog):
    with caplog.at_level(logging.WARNING):
        create_app({"DATABASE_URL": database_url, "TATHYA_API_KEYS": [], "TATHYA_WARM_GAZETTEER": False})
    assert "writes are open" in caplog.text


# --- JSON logs ----------------------------------------------------------------------------------


def test_log_lines_are_json_with_request_id(app):
    formatter = logs.JsonFormatter()
    records = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(formatter.format(record))

    handler = Collect()
    logging.getLogger(logs.ACCESS_LOGGER).addHandler(handler)
    try:
        app.test_client().get("/v1/articles/77", headers={"X-Request-ID": "req-42"})
    finally:
        logging.getLogger(logs.ACCESS_LOGGER).removeHandler(handler)
    line = json.loads(records[-1])
    assert line["request_id"] == "req-42" and line["status"] == 404
    assert {"ts", "level", "logger", "message", "method", "path", "duration_ms"} <= line.keys()


def test_redaction_filter_removes_keys():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token %s leaked", (KEYS[0],), None)
    logs.RedactSecrets(KEYS).filter(record)
    assert KEYS[0] not in logs.JsonFormatter().format(record)


# --- rate limit ---------------------------------------------------------------------------------


def test_rate_limit_is_429_with_retry_after(database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "TATHYA_RATE_LIMIT": "3/minute"})
    client = app.test_client()
    statuses = [client.get("/v1/articles").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    resp = client.get("/v1/articles")
    assert_error(resp, 429)
    assert int(resp.headers["Retry-After"]) >= 1
    assert client.get("/healthz").status_code == 200  # probes are never throttled


def test_rate_limit_disabled_by_default(client):
    assert all(client.get("/v1/articles").status_code == 200 for _ in range(30))


def _terminate(database_url: str, backend_pid: int) -> None:
    import psycopg2

    admin = psycopg2.connect(database_url.split("?")[0])
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("SELECT pg_terminate_backend(%s)", (backend_pid,))
    admin.close()


def test_a_dropped_postgresql_connection_is_replaced(app, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only: SQLite connections cannot be dropped by a server")
    from service.store.db import database as db

    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    backend_pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    _terminate(database_url, backend_pid)
    # The read that meets the dead connection reconnects and is retried: no request fails.
    assert [client.get("/healthz").status_code for _ in range(3)] == [200, 200, 200]
    new_pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    assert new_pid != backend_pid
    _terminate(database_url, new_pid)
    # A write is never replayed silently: it runs in a transaction, which is retried only
    # when the connection died before it began. Either way the next request is served.
    first = client.post("/v1/articles", json=article_payload())
    assert first.status_code in (201, 503) and first.is_json, first.status_code
    assert client.post("/v1/articles", json=article_payload()).status_code == 201


def test_reads_are_limited_per_key_when_one_is_sent(database_url):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "TATHYA_RATE_LIMIT": "2/minute",
            "TATHYA_API_KEYS": KEYS,
        }
    )
    try:
        client = app.test_client()
        alpha, beta = ({"Authorization": f"Bearer {key}"} for key in KEYS)
        assert [client.get("/v1/articles", headers=alpha).status_code for _ in range(3)] == [200, 200, 429]
        # Another key, and the same address without a key, have budgets of their own.
        assert client.get("/v1/articles", headers=beta).status_code == 200
        assert client.get("/v1/articles").status_code == 200
        wrong = client.get("/v1/articles", headers={"Authorization": "Bearer k-wrong"})
        assert_error(wrong, 401)  # a wrong key is not read as anonymous
        assert wrong.headers["WWW-Authenticate"].startswith("Bearer")
    finally:
        if not database.is_closed():
            database.close()
