"""Manual claims, corrections with history, manual fields surviving reprocess, entity merges."""

from __future__ import annotations

import pytest

from service.app import create_app
from service.store.db import database
from service.web.security import key_id
from tests.claim_helpers import make_claim
from tests.factories import article_payload

TEXT = "जिला कलेक्टर अनीता राव ने कहा कि स्कूल सोमवार से खुलेंगे। थाना प्रभारी मनोज वर्मा ने कहा कि आरोपी फरार है।"


def test_post_manual_claim_by_name_and_id(client):
    first = make_claim(client, place="इंदौर", speaker_role="कलेक्टर")
    assert first["origin"] == "manual" and first["place"]["name"] == "इंदौर"
    second = make_claim(client, speaker=first["speaker"]["id"], place=first["place"]["id"])
    assert second["speaker"] == {**first["speaker"], "role": None}
    assert client.get(f"/v1/claims/{second['id']}").json == second


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"speaker": 999999, "quote": "x"}, "speaker"),
        ({"speaker": "क", "quote": "x", "place": "कोई अनजान जगह"}, "place"),
        ({"speaker": "क", "quote": "x", "date": {"value": "2025-02-30"}}, "date"),
        ({"speaker": "क", "quote": "x", "article_id": 424242}, "article_id"),
        ({"speaker": ["क"], "quote": "x"}, "speaker"),
        ({"quote": "x"}, "speaker"),
        ({"speaker": "क", "quote": "x", "unknown": 1}, "unknown"),
    ],
)
def test_post_rejects_bad_fields_with_422(client, body, field):
    resp = client.post("/v1/claims", json=body)
    assert resp.status_code == 422 and field in resp.json["errors"]["json"], resp.json


def test_patch_records_history_and_manual_fields(client):
    claim = make_claim(client, date={"value": "2025-07-12"})
    resp = client.patch(
        f"/v1/claims/{claim['id']}",
        json={"quote": "स्कूल मंगलवार से खुलेंगे", "date": {"value": "2025-07"}, "review": {"rating": "false"}},
    )
    assert resp.status_code == 200
    body = resp.json
    assert body["quote"] == "स्कूल मंगलवार से खुलेंगे" and body["date"]["granularity"] == "month"
    assert body["review"]["rating"] == "false" and body["review"]["reviewed_at"]
    assert {"quote", "date", "review"} <= set(body["manual_fields"])
    history = client.get(f"/v1/claims/{claim['id']}/history").json["items"]
    assert len(history) == 2 and history[0]["changes"] == {"created": [None, "manual"]}
    changes = history[1]["changes"]
    assert changes["quote"] == ["स्कूल सोमवार से खुलेंगे", "स्कूल मंगलवार से खुलेंगे"]
    assert changes["date_value"] == ["2025-07-12", "2025-07"] and changes["review_rating"] == [None, "false"]
    assert client.get("/v1/claims?q=मंगलवार").json["items"][0]["id"] == claim["id"]  # index follows edits
    assert client.get("/v1/claims?q=सोमवार").json["items"] == []


def test_patch_unknown_claim_404_and_noop_adds_no_history(client):
    assert client.patch("/v1/claims/424242", json={"quote": "x"}).status_code == 404
    assert client.get("/v1/claims/424242/history").status_code == 404
    claim = make_claim(client)
    client.patch(f"/v1/claims/{claim['id']}", json={"quote": claim["quote"]})
    assert len(client.get(f"/v1/claims/{claim['id']}/history").json["items"]) == 1


def test_history_names_the_api_key(database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "TATHYA_API_KEYS": ["s3cret"]})
    try:
        client = app.test_client()
        auth = {"Authorization": "Bearer s3cret"}
        assert client.post("/v1/claims", json={"speaker": "क", "quote": "x"}).status_code == 401
        claim = client.post("/v1/claims", json={"speaker": "क", "quote": "x"}, headers=auth).json
        client.patch(f"/v1/claims/{claim['id']}", json={"verb": "दावा किया"}, headers=auth)
        history = client.get(f"/v1/claims/{claim['id']}/history").json["items"]
        assert [h["key_id"] for h in history] == [key_id("s3cret", app.config["TATHYA_SECRET_KEY"])] * 2
    finally:
        if not database.is_closed():
            database.close()


def test_reprocess_keeps_manual_claims_and_corrected_fields(client):
    article = client.post("/v1/articles", json=article_payload(text=TEXT)).json
    first, second = article["claims"]
    client.patch(f"/v1/claims/{first['id']}", json={"quote": "सुधारा हुआ", "review": {"rating": "true"}})
    manual = make_claim(client, article_id=article["id"], quote="हाथ से जोड़ा")
    resp = client.post(f"/v1/articles/{article['id']}/reprocess")
    assert resp.status_code == 200
    claims = {c["id"]: c for c in client.get(f"/v1/claims?article={article['id']}").json["items"]}
    assert claims[first["id"]]["quote"] == "सुधारा हुआ"  # corrected field kept, same id
    assert claims[first["id"]]["verb"] == first["verb"] and claims[first["id"]]["review"]["rating"] == "true"
    assert manual["id"] in claims
    assert claims[second["id"]]["quote"] == second["quote"]  # re-extracted at its span: the same claim
    assert [c["quote"] for c in claims.values()].count(second["quote"]) == 1
    assert len(claims) == 3
    assert len(client.get(f"/v1/claims/{first['id']}/history").json["items"]) == 1
    assert client.post("/v1/articles/424242/reprocess").status_code == 404


def test_merge_moves_claims_and_aliases(client):
    a = make_claim(client, speaker="सुनीता शर्मा")
    b = make_claim(client, speaker="सुनीता शर्मा जी", quote="दूसरा")
    keep, dup = a["speaker"]["id"], b["speaker"]["id"]
    assert keep != dup
    resp = client.post(f"/v1/entities/{dup}/merge", json={"into": keep})
    assert resp.status_code == 200 and resp.json["claim_count"] == 2
    assert "सुनीता शर्मा जी" in resp.json["aliases"]
    assert client.get(f"/v1/entities/{dup}").status_code == 404
    assert {c["id"] for c in client.get("/v1/claims?speaker=सुनीता शर्मा जी").json["items"]} == {
        a["id"],
        b["id"],
    }
    assert client.post(f"/v1/entities/{keep}/merge", json={"into": keep}).status_code == 422
    place = make_claim(client, place="इंदौर")["place"]["id"]
    assert client.post(f"/v1/entities/{keep}/merge", json={"into": place}).status_code == 422
    assert client.post("/v1/entities/424242/merge", json={"into": keep}).status_code == 404


def test_article_claims_match_the_claim_resource_after_a_correction(client):
    """One serializer: an Article's claims carry review and manual fields like /v1/claims/{id}."""
    article = client.post("/v1/articles", json=article_payload(text=TEXT)).json
    first = article["claims"][0]
    assert first["review"] is None and first["manual_fields"] == []
    assert client.get(f"/v1/claims/{first['id']}").json == first
    client.patch(f"/v1/claims/{first['id']}", json={"review": {"rating": "misleading"}})
    again = next(
        c for c in client.get(f"/v1/articles/{article['id']}").json["claims"] if c["id"] == first["id"]
    )
    assert again["review"]["rating"] == "misleading" and again["manual_fields"] == ["review"]
    assert client.get(f"/v1/claims/{first['id']}").json == again
