"""Webhooks end to end with a real receiver on 127.0.0.1: signature, filter, retries, horizon, redelivery."""

from __future__ import annotations

import hashlib
import hmac
import socket
import time

import pytest

from service.app import create_app
from service.delivery.worker import Settings, Worker, backoff_delay
from service.store.db import database
from tests.delivery.receiver import Receiver
from tests.factories import SEED_TEXT

KEY = "webhook-test-key-0123456789"
AUTH = {"Authorization": f"Bearer {KEY}"}


@pytest.fixture
def app(database_url):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "TATHYA_API_KEYS": [KEY],
            "TATHYA_WEBHOOK_ALLOW_PRIVATE": True,
            "TATHYA_STREAM_SECONDS": 0,
        }
    )
    yield app
    if not database.is_closed():
        database.close()


def worker(**overrides) -> Worker:
    return Worker(Settings(**{"allow_private": True, "backoff": 0.05, "backoff_cap": 0.2, **overrides}))


def drain(w: Worker, until, *, timeout: float = 20.0) -> None:
    """Run worker cycles until ``until()`` holds (fails after ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    while not until():
        assert time.monotonic() < deadline, "the worker did not get there in time"
        if not w.cycle():
            time.sleep(0.02)


def subscribe(client, url: str, **body) -> dict:
    resp = client.post("/v1/subscriptions", json={"url": url, **body}, headers=AUTH)
    assert resp.status_code == 201, resp.json
    return resp.json


def deliveries(client, sub_id: int) -> list[dict]:
    return client.get(f"/v1/subscriptions/{sub_id}/deliveries", headers=AUTH).json["items"]


def statuses(client, sub_id: int) -> list[str]:
    return [d["status"] for d in deliveries(client, sub_id)]


def test_seed_delivers_exactly_the_speakers_four_claims_signed(client):
    with Receiver() as receiver:
        sub = subscribe(client, receiver.url, filter={"speaker": "लावरोव"})
        assert client.post("/v1/articles", json={"text": SEED_TEXT}, headers=AUTH).status_code == 201
        expected = {c["id"] for c in client.get("/v1/claims?speaker=लावरोव").json["items"]}
        assert len(expected) == 4
        w = worker()
        drain(w, lambda: len(receiver.log) >= 4)
        for _ in range(5):  # nothing more arrives
            w.cycle()
    assert len(receiver.log) == 4
    assert {e["claim"]["id"] for e in receiver.events()} == expected
    for entry in receiver.log:
        headers, body = entry["headers"], entry["body"]
        digest = hmac.new(sub["secret"].encode(), body, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(headers["X-Tathya-Signature-256"], f"sha256={digest}")
        assert headers["X-Tathya-Event"] == "claim.created"
    assert len({entry["headers"]["X-Tathya-Delivery"] for entry in receiver.log}) == 4
    listed = deliveries(client, sub["id"])
    assert {d["status"] for d in listed} == {"delivered"} and all(
        d["attempts"][0]["status_code"] == 200 for d in listed
    )


def test_500_twice_then_200_is_three_attempts_with_one_delivery_id(client):
    with Receiver([500, 500, 200]) as receiver:
        sub = subscribe(client, receiver.url)
        client.post("/v1/claims", json={"speaker": "अनीता राव", "quote": "स्कूल सोमवार से खुलेंगे"}, headers=AUTH)
        drain(worker(), lambda: statuses(client, sub["id"]) == ["delivered"])
    assert len(receiver.log) == 3
    assert len({entry["headers"]["X-Tathya-Delivery"] for entry in receiver.log}) == 1
    assert len({entry["body"] for entry in receiver.log}) == 1  # the same bytes, the same signature
    (delivery,) = deliveries(client, sub["id"])
    assert [a["status_code"] for a in delivery["attempts"]] == [500, 500, 200]
    assert delivery["id"] == receiver.log[0]["headers"]["X-Tathya-Delivery"]


def test_retry_after_is_honoured(client):
    with Receiver([(429, {"Retry-After": "1"}), 200]) as receiver:
        sub = subscribe(client, receiver.url)
        client.post("/v1/claims", json={"speaker": "अनीता राव", "quote": "नल लगेंगे"}, headers=AUTH)
        drain(worker(), lambda: len(receiver.log) == 2)
    first, second = (a["at"] for a in deliveries(client, sub["id"])[0]["attempts"])
    assert second > first  # whole seconds: at least one apart (the backoff alone is ≤ 0.2 s)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_receiver_down_past_horizon_fails_then_redeliver_sends(client):
    port = _closed_port()
    sub = subscribe(client, f"http://127.0.0.1:{port}/hook")
    client.post("/v1/claims", json={"speaker": "अनीता राव", "quote": "सड़क बनेगी"}, headers=AUTH)
    w = worker(horizon=0.5)
    drain(w, lambda: statuses(client, sub["id"]) == ["failed"])
    (failed,) = deliveries(client, sub["id"])
    assert len(failed["attempts"]) >= 2 and all(a["status_code"] is None for a in failed["attempts"])
    with Receiver(port=port) as receiver:
        url = f"/v1/subscriptions/{sub['id']}/deliveries/{failed['id']}/redeliver"
        resp = client.post(url, headers=AUTH)
        assert resp.status_code == 202 and resp.json["status"] == "pending"
        drain(w, lambda: statuses(client, sub["id"]) == ["delivered"])
    assert len(receiver.log) == 1 and receiver.log[0]["headers"]["X-Tathya-Delivery"] == failed["id"]


def test_a_4xx_answer_is_final_and_redirects_are_not_followed(client):
    with Receiver([(302, {"Location": "http://127.0.0.1:1/elsewhere"}), 404]) as receiver:
        sub = subscribe(client, receiver.url)
        client.post("/v1/claims", json={"speaker": "क", "quote": "एक"}, headers=AUTH)
        client.post("/v1/claims", json={"speaker": "क", "quote": "दो"}, headers=AUTH)
        drain(worker(), lambda: statuses(client, sub["id"]) == ["failed", "failed"])
    assert len(receiver.log) == 2
    assert sorted(d["attempts"][0]["status_code"] for d in deliveries(client, sub["id"])) == [302, 404]


def test_updates_and_event_types(client):
    with Receiver() as receiver:
        sub = subscribe(client, receiver.url, events=["claim.updated"], filter={"speaker": "मनोज वर्मा"})
        other = client.post("/v1/claims", json={"speaker": "अनीता राव", "quote": "x"}, headers=AUTH).json
        mine = client.post("/v1/claims", json={"speaker": "मनोज वर्मा", "quote": "y"}, headers=AUTH).json
        for claim in (other, mine):
            client.patch(f"/v1/claims/{claim['id']}", json={"quote": "बदला हुआ"}, headers=AUTH)
        drain(worker(), lambda: len(receiver.log) >= 1)
        worker().cycle()
    (event,) = receiver.events()
    assert event["type"] == "claim.updated" and event["claim"]["id"] == mine["id"]
    assert event["claim"]["quote"] == "बदला हुआ" and event["subscription_id"] == sub["id"]


def test_backoff_grows_with_jitter_and_a_cap():
    s = Settings(backoff=1.0, backoff_cap=8.0)
    for attempt, full in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)]:
        delays = [backoff_delay(attempt, s) for _ in range(50)]
        assert all(full / 2 <= d <= full for d in delays) and len(set(delays)) > 1


def test_two_workers_side_by_side_send_each_event_once(app, client):
    """Two workers draining one queue (threads with their own connections): PostgreSQL shares it by
    SKIP LOCKED + leases, SQLite by its one write lock; no delivery is sent twice."""
    import threading

    with Receiver() as receiver:
        sub = subscribe(client, receiver.url)
        for n in range(150):
            client.post("/v1/claims", json={"speaker": "अनीता राव", "quote": f"घोषणा {n}"}, headers=AUTH)
        stop = threading.Event()
        workers = [worker(batch=10) for _ in range(2)]
        threads = [threading.Thread(target=w.run, args=(stop,)) for w in workers]
        for t in threads:
            t.start()
        try:
            deadline = time.monotonic() + 60
            while len(receiver.log) < 150 and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.3)  # anything sent twice would arrive now
        finally:
            stop.set()
            for t in threads:
                t.join()
    ids = [entry["headers"]["X-Tathya-Delivery"] for entry in receiver.log]
    assert len(ids) == 150 and len(set(ids)) == 150
    assert statuses(client, sub["id"]).count("delivered") == 50  # the list shows the latest 50


@pytest.mark.parametrize("keep_alive", [True, False])
def test_one_batch_reuses_a_kept_alive_connection(client, keep_alive):
    """A receiver that keeps connections open gets a batch over one; one that closes them, each
    over a new one, and nothing is lost either way."""
    with Receiver(keep_alive=keep_alive) as receiver:
        subscribe(client, receiver.url)
        for n in range(5):
            client.post("/v1/claims", json={"speaker": "अनीता राव", "quote": f"घोषणा {n}"}, headers=AUTH)
        drain(worker(concurrency=1), lambda: len(receiver.log) >= 5)
    peers = {entry["peer"] for entry in receiver.log}
    assert len(receiver.log) == 5
    assert len(peers) == (1 if keep_alive else 5)


def test_filters_compile_once_and_again_when_entities_grow(client):
    """A worker compiles each subscription's filter once; a speaker that did not exist when it
    was compiled (so the filter matched nothing) is found once its entity appears."""
    with Receiver() as receiver:
        watched = subscribe(client, receiver.url, filter={"speaker": "सुनीता देवी"})
        subscribe(client, receiver.url)
        w = worker()
        for n, quote in enumerate(["पहली घोषणा", "दूसरी घोषणा"], 1):
            client.post("/v1/claims", json={"speaker": "अनीता राव", "quote": quote}, headers=AUTH)
            drain(w, lambda n=n: len(receiver.log) >= n)
            assert w.filters.compiles == 2  # the second event: no entity changed, nothing compiled
        client.post("/v1/claims", json={"speaker": "सुनीता देवी", "quote": "तीसरी"}, headers=AUTH)
        drain(w, lambda: len(receiver.log) >= 4)
        assert w.filters.compiles == 4
        client.delete(f"/v1/subscriptions/{watched['id']}", headers=AUTH)
        client.post("/v1/claims", json={"speaker": "सुनीता देवी", "quote": "चौथी"}, headers=AUTH)
        drain(w, lambda: len(receiver.log) >= 5)
        for _ in range(3):
            w.cycle()
    mine = [e for e in receiver.events() if e["subscription_id"] == watched["id"]]
    assert [e["claim"]["quote"] for e in mine] == ["तीसरी"]
    assert len(receiver.log) == 5
