"""Exports: CSV and NDJSON streams of every match, JSON-LD ClaimReview for one claim."""

from __future__ import annotations

import csv
import io
import json

import pytest

from service.web.export import CSV_COLUMNS
from tests.claim_helpers import make_claim


@pytest.fixture
def claims(client):
    made = [make_claim(client, date={"value": f"2025-03-{d:02d}"}, place="इंदौर") for d in range(1, 8)]
    made.append(make_claim(client, speaker="मनोज वर्मा", quote='कहा "उद्धरण", और\nनई पंक्ति'))
    return made


@pytest.mark.parametrize("how", ["format=ndjson", "accept:application/x-ndjson"])
def test_ndjson_line_count_equals_total(client, claims, how):
    headers = {"Accept": how.split(":", 1)[1]} if how.startswith("accept:") else {}
    query = "" if headers else f"&{how}"
    total = client.get("/v1/claims?count=true&speaker=राव").json["total"]
    resp = client.get(f"/v1/claims?speaker=राव&limit=2{query}", headers=headers)
    assert resp.status_code == 200 and resp.mimetype == "application/x-ndjson" and resp.is_streamed
    lines = resp.get_data(as_text=True).splitlines()
    assert len(lines) == total == 7  # limit does not cut a full export
    assert [json.loads(line)["id"] for line in lines] == sorted((c["id"] for c in claims[:7]), reverse=True)


@pytest.mark.parametrize("how", ["format=csv", "accept:text/csv"])
def test_csv_parses_with_the_csv_module(client, claims, how):
    headers = {"Accept": how.split(":", 1)[1]} if how.startswith("accept:") else {}
    resp = client.get("/v1/claims?order=asc" + ("" if headers else f"&{how}"), headers=headers)
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    assert len(rows) == len(claims) and list(rows[0]) == CSV_COLUMNS
    tricky = next(r for r in rows if r["speaker"] == "मनोज वर्मा")
    assert tricky["quote"] == 'कहा "उद्धरण", और\nनई पंक्ति'
    assert rows[0]["place"] == "इंदौर" and rows[0]["date_value"] == "2025-03-01"


def test_export_of_nothing_is_a_header_only(client):
    resp = client.get("/v1/claims?format=csv&speaker=कोई नहीं")
    assert resp.get_data(as_text=True).splitlines() == [",".join(CSV_COLUMNS)]
    assert client.get("/v1/claims?format=ndjson&speaker=कोई नहीं").get_data() == b""


@pytest.mark.parametrize("how", ["format=jsonld", "accept"])
def test_jsonld_claim_review(client, how):
    resp = client.post(
        "/v1/articles", json={"text": "महापौर सुनीता शर्मा ने कहा कि सड़क बनेगी।", "url": "https://ex.com/a"}
    )
    claim_id = resp.json["claims"][0]["id"]
    client.patch(
        f"/v1/claims/{claim_id}",
        json={
            "place": "इंदौर",
            "review": {"rating": "misleading", "explanation": "आधा सच", "url": "https://fc.example/1"},
        },
    )
    if how == "accept":
        resp = client.get(f"/v1/claims/{claim_id}", headers={"Accept": "application/ld+json"})
    else:
        resp = client.get(f"/v1/claims/{claim_id}?format=jsonld")
    assert resp.status_code == 200 and resp.mimetype == "application/ld+json"
    doc = resp.json
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "ClaimReview"
    assert doc["claimReviewed"] == "सड़क बनेगी"
    item = doc["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "सुनीता शर्मा"
    assert item["appearance"]["url"] == "https://ex.com/a" and item["datePublished"]
    assert item["spatialCoverage"]["name"] == "इंदौर" and item["spatialCoverage"]["geo"]["latitude"]
    assert doc["reviewRating"]["alternateName"] == "misleading" and doc["reviewBody"] == "आधा सच"


def test_plain_json_stays_default(client, claims):
    resp = client.get(f"/v1/claims/{claims[0]['id']}", headers={"Accept": "*/*"})
    assert resp.mimetype == "application/json" and resp.json["id"] == claims[0]["id"]
