"""Issue 15 point 1: concurrent corrections lose nothing, history chains, If-Match gives 412."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from service.app import create_app
from service.store.db import database
from tests.factories import article_payload

# Eight fields a correction may set, each with a value of its own; each PATCH sets one of them.
FIELD_VALUES = {
    "speaker_role": lambda r: f"जिला अधिकारी {r}",
    "verb": lambda r: f"बताया {r}",
    "verb_class": lambda r: ["threat", "announcement", "accusation", "instruction", "claim"][r],
    "quote": lambda r: f"सड़क का काम दौर {r} में पूरा होगा",
    "quote_type": lambda r: "direct" if r % 2 else "indirect",
    "date": lambda r: {"value": f"2024-0{r + 1}-1{r}"},
    "review": lambda r: {"rating": "true", "explanation": f"जांच दौर {r}"},
    "speaker": lambda r: f"प्रवक्ता {r}",
}


def _claim(client) -> int:
    text = "नगर आयुक्त ने गुरुवार को कहा कि बाजार की सड़क दो हफ्ते में बनेगी।"
    return client.post("/v1/articles", json=article_payload(text=text)).get_json()["claims"][0]["id"]


def _patch(app, claim_id, body, barrier, headers=None):
    with app.test_client() as client:
        barrier.wait()
        resp = client.patch(f"/v1/claims/{claim_id}", json=body, headers=headers or {})
        status = resp.status_code
    if not database.is_closed():
        database.close()  # each worker thread holds its own connection
    return status


def _assert_history_chains(history: list[dict]) -> None:
    last: dict = {}
    for entry in history:
        for field, (old, new) in entry["changes"].items():
            if field in last:
                assert old == last[field], (field, old, last[field])
            last[field] = new


@pytest.mark.parametrize("round_", range(5))
def test_eight_concurrent_patches_of_different_fields_all_stick(app, client, round_):
    claim_id = _claim(client)
    barrier = threading.Barrier(len(FIELD_VALUES))
    bodies = [{field: make(round_)} for field, make in FIELD_VALUES.items()]
    with ThreadPoolExecutor(max_workers=len(bodies)) as pool:
        statuses = list(pool.map(lambda b: _patch(app, claim_id, b, barrier), bodies))
    assert statuses == [200] * len(bodies)
    claim = client.get(f"/v1/claims/{claim_id}").get_json()
    plain = ("verb", "verb_class", "quote", "quote_type")
    assert [claim[field] for field in plain] == [FIELD_VALUES[field](round_) for field in plain]
    assert claim["speaker"]["role"] == FIELD_VALUES["speaker_role"](round_)
    assert claim["date"]["value"] == FIELD_VALUES["date"](round_)["value"]
    assert claim["review"]["explanation"] == FIELD_VALUES["review"](round_)["explanation"]
    assert claim["speaker"]["name"] == FIELD_VALUES["speaker"](round_)
    history = client.get(f"/v1/claims/{claim_id}/history").get_json()["items"]
    assert len(history) >= len(bodies) - 1  # quote_type may already have had its value
    _assert_history_chains(history)


def test_concurrent_patches_of_one_field_chain_in_history(app, client):
    claim_id = _claim(client)
    barrier = threading.Barrier(8)
    bodies = [{"quote": f"बयान संस्करण {n}"} for n in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(pool.map(lambda b: _patch(app, claim_id, b, barrier), bodies)) == {200}
    history = client.get(f"/v1/claims/{claim_id}/history").get_json()["items"]
    _assert_history_chains(history)
    final = client.get(f"/v1/claims/{claim_id}").get_json()["quote"]
    assert history[-1]["changes"]["quote"][1] == final


def test_get_gives_a_strong_etag_and_patch_honours_if_match(client):
    claim_id = _claim(client)
    resp = client.get(f"/v1/claims/{claim_id}")
    etag = resp.headers["ETag"]
    assert etag.startswith('"')  # strong: If-Match compares strongly
    patched = client.patch(f"/v1/claims/{claim_id}", json={"verb": "कहा था"}, headers={"If-Match": etag})
    assert patched.status_code == 200
    assert patched.headers["ETag"] not in (etag, None)
    assert patched.headers["ETag"] == client.get(f"/v1/claims/{claim_id}").headers["ETag"]
    stale = client.patch(f"/v1/claims/{claim_id}", json={"verb": "बोले"}, headers={"If-Match": etag})
    assert stale.status_code == 412 and stale.get_json()["code"] == 412
    assert client.get(f"/v1/claims/{claim_id}").get_json()["verb"] == "कहा था"
    star = client.patch(f"/v1/claims/{claim_id}", json={"verb": "बोले"}, headers={"If-Match": "*"})
    assert star.status_code == 200


def test_if_match_on_a_missing_claim_is_404(client):
    assert (
        client.patch("/v1/claims/987654", json={"verb": "कहा"}, headers={"If-Match": '"x"'}).status_code
        == 404
    )


def test_concurrent_if_match_patches_one_wins(app, client):
    claim_id = _claim(client)
    etag = client.get(f"/v1/claims/{claim_id}").headers["ETag"]
    barrier = threading.Barrier(6)
    bodies = [{"quote": f"एक ही संस्करण से बदलाव {n}"} for n in range(6)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = sorted(pool.map(lambda b: _patch(app, claim_id, b, barrier, {"If-Match": etag}), bodies))
    assert statuses == [200] + [412] * 5


def test_required_if_match_gives_428_without_it(database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "TATHYA_REQUIRE_IF_MATCH": True})
    try:
        client = app.test_client()
        claim_id = _claim(client)
        resp = client.patch(f"/v1/claims/{claim_id}", json={"verb": "कहा"})
        assert resp.status_code == 428 and resp.get_json()["code"] == 428
        etag = client.get(f"/v1/claims/{claim_id}").headers["ETag"]
        assert (
            client.patch(
                f"/v1/claims/{claim_id}", json={"verb": "कहा"}, headers={"If-Match": etag}
            ).status_code
            == 200
        )
    finally:
        if not database.is_closed():
            database.close()
