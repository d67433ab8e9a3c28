"""Exports: CSV and NDJSON streams of every match, JSON-LD ClaimReview for one claim."""

from __future__ import annotations

import csv
import io
import json

import pytest

from service.app import create_app
from service.store.db import database
from service.web.export import CSV_COLUMNS
from tests.api.test_errors import assert_error
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
    resp = client.get(f"/v1/claims?speaker=राव{query}", headers=headers)
    assert resp.status_code == 200 and resp.mimetype == "application/x-ndjson" and resp.is_streamed
    lines = resp.get_data(as_text=True).splitlines()
    assert len(lines) == total == 7  # the page size's default does not cut a full export
    assert [json.loads(line)["id"] for line in lines] == sorted((c["id"] for c in claims[:7]), reverse=True)
    limited = client.get(f"/v1/claims?speaker=राव&limit=2{query}", headers=headers)
    assert len(limited.get_data(as_text=True).splitlines()) == 2  # an explicit limit is honoured


@pytest.mark.parametrize("path", ["/v1/claims.ndjson", "/v1/claims.csv"])
def test_export_operations_honour_filters_limit_and_order(client, claims, path):
    def dates(query):
        resp = client.get(f"{path}?{query}")
        assert resp.status_code == 200 and resp.is_streamed
        if path.endswith(".csv"):
            assert resp.mimetype == "text/csv"
            return [r["date_value"] for r in csv.DictReader(io.StringIO(resp.get_data(as_text=True)))]
        assert resp.mimetype == "application/x-ndjson"
        return [
            (json.loads(line)["date"] or {}).get("value") for line in resp.get_data(as_text=True).splitlines()
        ]

    assert dates("from=2025-03-02&to=2025-03-05&order=asc") == [f"2025-03-0{d}" for d in range(2, 6)]
    assert dates("from=2025-03-02&to=2025-03-05&order=asc&limit=2") == ["2025-03-02", "2025-03-03"]
    assert dates("speaker=राव&limit=3") == ["2025-03-07", "2025-03-06", "2025-03-05"]
    assert len(dates("")) == len(claims)


@pytest.mark.parametrize(
    "accept, mimetype",
    [
        (None, "application/x-ndjson"),
        ("application/x-ndjson", "application/x-ndjson"),
        ("text/plain", "text/plain"),
        ("application/x-ndjson, text/plain;q=0.5", "application/x-ndjson"),
        ("*/*", "application/x-ndjson"),
    ],
)
def test_ndjson_export_is_text_plain_for_a_client_asking_for_text(client, claims, accept, mimetype):
    resp = client.get("/v1/claims.ndjson?order=asc", headers={"Accept": accept} if accept else {})
    assert resp.status_code == 200 and resp.mimetype == mimetype
    assert resp.content_type.endswith("charset=utf-8") or mimetype != "text/plain"
    lines = resp.get_data(as_text=True).splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == sorted(c["id"] for c in claims)


@pytest.mark.parametrize("query", ["limit=0", "limit=x", "format=csv", "article_id=1", "order=up"])
def test_export_operations_refuse_bad_queries(client, query):
    assert client.get(f"/v1/claims.csv?{query}").status_code in (400, 422)


@pytest.mark.parametrize("path", ["/v1/claims.ndjson", "/v1/claims?format=csv"])
def test_exports_beyond_the_cap_are_429_until_one_ends(database_url, tmp_path, path):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "TATHYA_EXPORT_CONCURRENCY": 2,
            "TATHYA_INSTANCE_DIR": str(tmp_path / "instance"),
        }
    )
    try:
        client = app.test_client()
        make_claim(client)
        running = [client.get(path, buffered=False) for _ in range(2)]
        assert [r.status_code for r in running] == [200, 200]
        refused = client.get(path)
        assert_error(refused, 429)
        assert int(refused.headers["Retry-After"]) >= 1
        assert client.get("/v1/claims").status_code == 200  # JSON pages are not exports
        # Streams hold pushed request contexts: finish them last-in first-out, as threads would.
        running[1].get_data()
        running[1].close()  # sent (or the client left): its slot is free again
        again = client.get(path)
        assert again.status_code == 200 and again.get_data()
        running[0].get_data()
        running[0].close()
    finally:
        if not database.is_closed():
            database.close()


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
    assert doc["url"] == "https://fc.example/1"  # the fact check's page
    assert doc["@id"] == f"http://localhost/v1/claims/{claim_id}"
    assert doc["author"] == {"@type": "Organization", "name": "Tathya", "url": "http://localhost/"}
    item = doc["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "सुनीता शर्मा"
    assert item["appearance"]["url"] == item["firstAppearance"]["url"] == "https://ex.com/a"
    assert item["datePublished"]
    assert item["spatialCoverage"]["name"] == "इंदौर" and item["spatialCoverage"]["geo"]["latitude"]
    assert doc["reviewRating"]["alternateName"] == "misleading" and doc["reviewBody"] == "आधा सच"


def test_plain_json_stays_default(client, claims):
    resp = client.get(f"/v1/claims/{claims[0]['id']}", headers={"Accept": "*/*"})
    assert resp.mimetype == "application/json" and resp.json["id"] == claims[0]["id"]


# Google's ClaimReview structured data: required and recommended properties.
GOOGLE_REQUIRED = {"claimReviewed", "reviewRating", "url"}
GOOGLE_RECOMMENDED = {"author", "datePublished", "itemReviewed"}
RATING_PROPERTIES = {"alternateName", "ratingValue", "bestRating", "worstRating"}
CLAIM_PROPERTIES = {"author", "appearance", "firstAppearance"}  # schema.org Claim, as Google shows it


def _article_claim(client) -> int:
    resp = client.post(
        "/v1/articles", json={"text": "महापौर सुनीता शर्मा ने कहा कि सड़क बनेगी।", "url": "https://ex.com/a"}
    )
    return resp.json["claims"][0]["id"]


def test_an_unreviewed_claim_is_a_claim_not_a_claim_review(client):
    claim_id = _article_claim(client)
    doc = client.get(f"/v1/claims/{claim_id}?format=jsonld").json
    assert doc["@type"] == "Claim" and "reviewRating" not in doc and "claimReviewed" not in doc
    assert doc["text"] == "सड़क बनेगी" and CLAIM_PROPERTIES <= doc.keys()


def test_a_reviewed_claim_has_every_required_and_recommended_property(database_url):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "TATHYA_PUBLIC_URL": "https://tathya.example/",
            "TATHYA_PUBLISHER": "सत्य जांच",
            "TATHYA_PUBLISHER_URL": "https://fc.example",
        }
    )
    try:
        client = app.test_client()
        claim_id = _article_claim(client)
        review = {"rating": "false", "reviewed_at": "2025-07-13T10:00:00+05:30"}
        assert client.patch(f"/v1/claims/{claim_id}", json={"review": review}).status_code == 200
        doc = client.get(f"/v1/claims/{claim_id}", headers={"Accept": "application/ld+json"}).json
        assert doc["@type"] == "ClaimReview" and (GOOGLE_REQUIRED | GOOGLE_RECOMMENDED) <= doc.keys()
        assert doc["url"] == doc["@id"] == f"https://tathya.example/v1/claims/{claim_id}"
        assert doc["author"] == {"@type": "Organization", "name": "सत्य जांच", "url": "https://fc.example"}
        assert RATING_PROPERTIES <= doc["reviewRating"].keys() and doc["reviewRating"]["ratingValue"] == 1
        assert doc["itemReviewed"]["@type"] == "Claim" and CLAIM_PROPERTIES <= doc["itemReviewed"].keys()
        assert doc["datePublished"].startswith("2025-07-13")
    finally:
        if not database.is_closed():
            database.close()


def test_jsonld_never_reflects_an_untrusted_host(client):
    claim_id = _article_claim(client)
    resp = client.get(f"/v1/claims/{claim_id}?format=jsonld", headers={"Host": "evil.example"})
    assert_error(resp, 400)
    assert "evil" not in resp.get_data(as_text=True)
    trusted = client.get(f"/v1/claims/{claim_id}?format=jsonld", headers={"Host": "127.0.0.1:8000"})
    assert trusted.json["url"] == f"http://127.0.0.1:8000/v1/claims/{claim_id}"


def test_a_public_url_is_used_whatever_the_host(app):
    app.config["TATHYA_PUBLIC_URL"] = "https://tathya.example"
    client = app.test_client()
    claim_id = _article_claim(client)
    doc = client.get(f"/v1/claims/{claim_id}?format=jsonld", headers={"Host": "evil.example"}).json
    assert doc["url"] == f"https://tathya.example/v1/claims/{claim_id}" and "evil" not in str(doc)
