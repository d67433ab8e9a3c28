"""Subscriptions API: per-key ownership, the secret shown once, target URL checks, rollback safety."""

from __future__ import annotations

import pytest

from service.app import create_app
from service.delivery.targets import TargetRefused, check_target
from service.store.db import database
from service.store.push_models import OutboxEvent

KEYS = ["first-key-0123456789", "second-key-0123456789"]
A, B = ({"Authorization": f"Bearer {key}"} for key in KEYS)


@pytest.fixture
def keyed(database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "TATHYA_API_KEYS": KEYS})
    yield app.test_client()
    if not database.is_closed():
        database.close()


def test_create_shows_secret_once_and_belongs_to_its_key(keyed):
    resp = keyed.post(
        "/v1/subscriptions",
        json={"url": "https://example.com/hook", "filter": {"speaker": "लावरोव", "min_confidence": 0.5}},
        headers=A,
    )
    assert resp.status_code == 201, resp.json
    sub = resp.json
    assert len(sub["secret"]) >= 32 and sub["events"] == ["claim.created"]
    assert sub["filter"] == {"speaker": "लावरोव", "min_confidence": 0.5}
    assert resp.headers["Location"].endswith(f"/v1/subscriptions/{sub['id']}")
    shown = keyed.get(f"/v1/subscriptions/{sub['id']}", headers=A).json
    assert "secret" not in shown and shown["url"] == sub["url"]
    assert [s["id"] for s in keyed.get("/v1/subscriptions", headers=A).json["items"]] == [sub["id"]]
    # Another key neither sees nor deletes it.
    assert keyed.get("/v1/subscriptions", headers=B).json["items"] == []
    assert keyed.get(f"/v1/subscriptions/{sub['id']}", headers=B).status_code == 404
    assert keyed.delete(f"/v1/subscriptions/{sub['id']}", headers=B).status_code == 404
    assert keyed.get(f"/v1/subscriptions/{sub['id']}/deliveries", headers=B).status_code == 404
    assert keyed.delete(f"/v1/subscriptions/{sub['id']}", headers=A).status_code == 204
    assert keyed.get(f"/v1/subscriptions/{sub['id']}", headers=A).status_code == 404


def test_reads_and_writes_need_a_key(keyed, client):
    assert keyed.get("/v1/subscriptions").status_code == 401
    assert keyed.post("/v1/subscriptions", json={"url": "https://example.com/h"}).status_code == 401
    # A deployment without keys: nobody could own a subscription.
    assert client.post("/v1/subscriptions", json={"url": "https://example.com/h"}).status_code == 403
    assert client.get("/v1/subscriptions").json["code"] == 403


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/hook",
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.5/hook",
        "http://192.168.1.1/hook",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://user:pw@example.com/hook",
        "https:///nohost",
    ],
)
def test_unsafe_targets_are_refused(keyed, url):
    resp = keyed.post("/v1/subscriptions", json={"url": url}, headers=A)
    assert resp.status_code == 422 and "url" in resp.json["errors"]["json"], resp.json


def test_private_targets_allowed_when_configured():
    check_target("http://127.0.0.1:9/hook", allow_private=True)
    with pytest.raises(TargetRefused):
        check_target("gopher://127.0.0.1/", allow_private=True)


@pytest.mark.parametrize(
    "body",
    [
        {"url": "https://example.com/h", "events": ["claim.deleted"]},
        {"url": "https://example.com/h", "events": []},
        {"url": "https://example.com/h", "filter": {"speaker": ""}},
        {"url": "https://example.com/h", "filter": {"nope": 1}},
        {"url": "https://example.com/h", "secret": "short"},
    ],
)
def test_bad_subscription_bodies_are_422(keyed, body):
    assert keyed.post("/v1/subscriptions", json=body, headers=A).status_code == 422


def test_a_rolled_back_change_leaves_no_event(client, monkeypatch):
    """The event is written in the change's transaction: when the change fails, neither stays."""
    from service.store import outbox

    made = client.post("/v1/claims", json={"speaker": "अनीता राव", "quote": "एक"}).json
    before = OutboxEvent.select().count()
    original = outbox.record

    def record_then_fail(kind, claims):
        original(kind, claims)
        raise RuntimeError("crash after the event was written")

    monkeypatch.setattr(outbox, "record", record_then_fail)
    with pytest.raises(RuntimeError):
        client.patch(f"/v1/claims/{made['id']}", json={"quote": "दो"})
    assert OutboxEvent.select().count() == before
    assert client.get(f"/v1/claims/{made['id']}").json["quote"] == "एक"


def test_ingest_writes_one_event_per_claim(client):
    from tests.factories import SEED_TEXT

    article = client.post("/v1/articles", json={"text": SEED_TEXT}).json
    events = list(OutboxEvent.select().order_by(OutboxEvent.id))
    assert [e.claim_id for e in events] == [c["id"] for c in article["claims"]]
    assert {e.type for e in events} == {"claim.created"}
    client.post(f"/v1/articles/{article['id']}/reprocess")
    # Re-extracted claims keep their identity; unchanged, they send nothing (tests/delivery/
    # test_outbox_events.py: what a changed re-extraction sends).
    assert not OutboxEvent.select().where(OutboxEvent.id > events[-1].id).exists()
