"""The min_confidence filter and how each claim's speaker was resolved, on both databases."""

from __future__ import annotations

import pytest

from tests.store.place_fixtures import INDORE, draft, store


@pytest.fixture
def scored(app):
    return store(
        [
            draft("बजट बढ़ेगा", INDORE, confidence=0.65, resolved="name", mention=0),
            draft("कर घटेंगे", INDORE, confidence=0.8, resolved="pronoun", mention=40),
            draft("भर्ती होगी", INDORE, confidence=0.95, resolved="continuation", mention=80),
            draft("रिपोर्ट सही है", None, confidence=0.5, resolved="document", mention=120),
        ]
    )


def _count(body: dict) -> int:
    if "total" in body:
        return body["total"]
    if "items" in body:
        return len(body["items"])
    return sum(len(e["claims"]) for e in body["events"])


@pytest.mark.parametrize(
    "value, kept",
    [("0", 4), ("0.5", 4), ("0.65", 3), ("0.66", 2), ("0.8", 2), ("1", 0), ("1.0", 0)],
)
def test_min_confidence_keeps_claims_at_or_above(client, scored, value, kept):
    """Boundaries included: a stored 0.65 passes min_confidence=0.65 (PostgreSQL stores REAL)."""
    for url in ("/v1/claims", "/v1/timeline", "/v1/stats/claims"):
        resp = client.get(url, query_string={"min_confidence": value})
        assert resp.status_code == 200, resp.json
        assert _count(resp.json) == kept, url
    csv = client.get("/v1/claims", query_string={"min_confidence": value, "format": "csv"})
    assert len(csv.get_data(as_text=True).splitlines()) == kept + 1  # header


@pytest.mark.parametrize("value", ["-0.1", "1.01", "2", "abc", "nan", "inf", ""])
def test_bad_min_confidence_is_422(client, value):
    for url in ("/v1/claims", "/v1/timeline", "/v1/places.geojson", "/v1/stats/claims"):
        resp = client.get(url, query_string={"min_confidence": value})
        assert resp.status_code == 422, (url, value)
        assert "min_confidence" in str(resp.json)


def test_speaker_says_how_it_was_resolved(client, scored):
    served = {c["quote"]: c["speaker"] for c in client.get("/v1/claims").json["items"]}
    assert {q: (s["resolved_from"], s["mention_start"]) for q, s in served.items()} == {
        "बजट बढ़ेगा": ("name", 0),
        "कर घटेंगे": ("pronoun", 40),
        "भर्ती होगी": ("continuation", 80),
        "रिपोर्ट सही है": ("document", 120),
    }


def test_manual_speaker_is_marked_manual(client, scored):
    claim = scored[1]
    resp = client.patch(f"/v1/claims/{claim['id']}", json={"speaker": "रमेश यादव"})
    assert resp.status_code == 200, resp.json
    assert (resp.json["speaker"]["resolved_from"], resp.json["speaker"]["mention_start"]) == ("manual", None)
    made = client.post("/v1/claims", json={"speaker": "अनीता राव", "quote": "स्कूल खुलेंगे", "place": "इंदौर"})
    assert made.json["speaker"]["resolved_from"] == "manual"
    assert made.json["place"]["kind"] == "city"


def test_seed_speaker_resolution_is_served(client):
    from tests.factories import SEED_TEXT

    claims = client.post("/v1/articles", data=SEED_TEXT.encode(), content_type="text/plain").json["claims"]
    assert all(c["speaker"]["resolved_from"] in {"name", "pronoun", "continuation"} for c in claims)
    for c in claims:
        start = c["speaker"]["mention_start"]
        assert start is not None and 0 <= start <= c["end"]
    assert {c["place"]["name"] for c in claims} == {"वॉनसान"}  # as the article writes it
