"""Which events a change writes: story.grown on joining a story, reprocess by claim identity, pruning."""

from __future__ import annotations

import dataclasses
import datetime as dt

from service import pipeline
from service.delivery.worker import Settings, Worker
from service.store import outbox
from service.store.push_models import Delivery, DeliveryAttempt, OutboxEvent
from tests.api.test_stories import SECOND
from tests.delivery.receiver import Receiver
from tests.delivery.test_webhooks import AUTH, app, drain, subscribe, worker  # noqa: F401 (fixture)
from tests.factories import SEED_TEXT


def _events_after(last: int) -> list[OutboxEvent]:
    return list(OutboxEvent.select().where(OutboxEvent.id > last).order_by(OutboxEvent.id))


def _post_second(client) -> list[dict]:
    body = {
        "text": SECOND,
        "url": "https://example.com/lavrov-2",
        "published_at": "2025-07-13T10:00:00+03:00",
    }
    resp = client.post("/v1/articles", json=body, headers=AUTH)
    assert resp.status_code == 201
    return resp.json["claims"]


def test_a_claim_joining_a_story_is_story_grown_delivered_to_its_subscription(client):
    seed = client.post("/v1/articles", json={"text": SEED_TEXT}, headers=AUTH).json["claims"]
    assert not [e for e in _events_after(0) if e.type == "story.grown"]  # every seed claim starts one
    with Receiver() as receiver:
        sub = subscribe(client, receiver.url, events=["story.grown"], filter={"speaker": "लावरोव"})
        last = outbox.latest_id()
        second = _post_second(client)
        joined = [c for c in second if c["story_id"] in {s["story_id"] for s in seed}]
        assert joined
        grown = [e for e in _events_after(last) if e.type == "story.grown"]
        assert sorted(e.claim_id for e in grown) == sorted(c["id"] for c in joined)
        drain(worker(), lambda: len(receiver.log) >= len(joined))
        worker().cycle()
    events = receiver.events()
    assert {e["type"] for e in events} == {"story.grown"} and len(events) == len(joined)
    assert {(e["claim"]["id"], e["claim"]["story_id"]) for e in events} == {
        (c["id"], c["story_id"]) for c in joined
    }
    assert {e["subscription_id"] for e in events} == {sub["id"]}


def test_a_manual_same_decision_is_story_grown_and_reprocess_keeps_stories_quiet(client):
    seed = client.post("/v1/articles", json={"text": SEED_TEXT}, headers=AUTH).json["claims"]
    a, b = [c for c in seed if c["story_id"]][:2]
    last = outbox.latest_id()
    resp = client.post(
        f"/v1/claims/{a['id']}/story", json={"story_id": b["story_id"], "same": True}, headers=AUTH
    )
    assert resp.status_code < 300, resp.json
    (event,) = _events_after(last)
    assert (event.type, event.claim_id) == ("story.grown", a["id"])


def _ids_and_kinds(last: int) -> list[tuple[str, int]]:
    return [(e.type, e.claim_id) for e in _events_after(last)]


def test_reprocess_keeps_claim_identity_and_writes_events_by_what_changed(client, monkeypatch):
    article = client.post("/v1/articles", json={"text": SEED_TEXT}, headers=AUTH).json
    claims = client.get(f"/v1/claims?article={article['id']}").json["items"]
    assert len(claims) >= 3
    last = outbox.latest_id()
    assert client.post(f"/v1/articles/{article['id']}/reprocess", headers=AUTH).status_code == 200
    after = client.get(f"/v1/claims?article={article['id']}").json["items"]
    assert after == claims  # the same claims: ids, values and stories kept
    assert _ids_and_kinds(last) == []  # nothing changed: no event

    # A re-extraction in which one claim's verb class changes, one claim moves (another span:
    # a new claim) and the others stay as they were.
    real = pipeline.extract
    spans = {}

    def changed_extraction(*args, **kwargs):
        result = real(*args, **kwargs)
        first, second, *rest = result.claims
        spans.update(changed=(first.start, first.end), moved=(second.start, second.end))
        result.claims = [
            dataclasses.replace(first, verb_class="threat" if first.verb_class != "threat" else "statement"),
            dataclasses.replace(second, start=second.start + 1),
            *rest,
        ]
        return result

    monkeypatch.setattr(pipeline, "extract", changed_extraction)
    last = outbox.latest_id()
    assert client.post(f"/v1/articles/{article['id']}/reprocess", headers=AUTH).status_code == 200
    now = {c["id"]: c for c in client.get(f"/v1/claims?article={article['id']}").json["items"]}
    events = _ids_and_kinds(last)
    at = {(c["start"], c["end"]): c for c in claims}
    changed, moved = at[spans["changed"]], at[spans["moved"]]
    (new_id,) = set(now) - {c["id"] for c in claims}
    assert moved["id"] not in now  # the claim no longer extracted at its span went
    assert now[new_id]["start"] == moved["start"] + 1
    assert sorted(events) == sorted([("claim.updated", changed["id"]), ("claim.created", new_id)])
    assert now[changed["id"]]["verb_class"] != changed["verb_class"]
    assert all(now[c["id"]] == c for c in claims if c["id"] not in (changed["id"], moved["id"]))


# Distinct statements: a manual claim is matched into stories too, and near-identical quotes of
# one speaker would join one story (story.grown events besides the claim.created ones).
STATEMENTS = ["स्कूल सोमवार से खुलेंगे", "पुल का काम पूरा हुआ", "बिजली दरें घटेंगी", "मेला रद्द रहेगा", "नहर में पानी छोड़ा"]


def _settle_all(client, receiver_url: str, count: int) -> None:
    subscribe(client, receiver_url)
    for n in range(count):
        client.post("/v1/claims", json={"speaker": "अनीता राव", "quote": STATEMENTS[n]}, headers=AUTH)


def test_worker_prunes_settled_events_past_retention_in_bounded_batches(client):
    with Receiver() as receiver:
        _settle_all(client, receiver.url, 5)
        w = worker()
        drain(w, lambda: len(receiver.log) >= 5)
    # A pending delivery (receiver gone, retried later) keeps its event.
    pending_event = OutboxEvent.select().order_by(OutboxEvent.id)[2].id
    Delivery.update(status="pending", due_at=9e12).where(Delivery.event == pending_event).execute()
    newest = outbox.latest_id()
    old = dt.datetime(2020, 1, 1)
    OutboxEvent.update(created_at=old).execute()
    assert DeliveryAttempt.select().count() == 5

    pruner = Worker(Settings(allow_private=True, retention=3600, prune_batch=2))
    assert pruner.prune() == 2  # a full batch: the next cycle prunes again
    assert pruner.prune() == 1  # the last settled old one; the pending and the newest stay
    assert pruner.prune() == 0  # not due again for prune_every seconds
    left = [e.id for e in OutboxEvent.select().order_by(OutboxEvent.id)]
    assert left == [pending_event, newest]
    assert {d.event_id for d in Delivery.select()} == {pending_event, newest}
    assert DeliveryAttempt.select().count() == 2  # theirs; the pruned deliveries' attempts went

    recent = Worker(Settings(allow_private=True, retention=10 * 365 * 24 * 3600))
    Delivery.update(status="delivered").execute()
    assert recent.prune() == 0  # within the retention nothing goes
