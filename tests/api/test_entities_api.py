"""Entities list and detail, places GeoJSON, and the HTTP niceties: ETag 304, Cache-Control, CORS."""

from __future__ import annotations

import pytest

from service.app import create_app
from service.store.db import database
from tests.claim_helpers import make_claim


@pytest.fixture
def people(client):
    a = make_claim(client, speaker="सुनीता शर्मा", place="इंदौर", date={"value": "2025-01-02"})
    b = make_claim(client, speaker="सुनीता शर्मा", place="भोपाल", date={"value": "2025-03-04"})
    c = make_claim(client, speaker="मनोज वर्मा", place="इंदौर", date={"value": "2024-05-06"})
    return a, b, c


def test_entities_list_kind_q_and_paging(client, people):
    persons = client.get("/v1/entities?kind=person").json["items"]
    assert {p["name"] for p in persons} == {"सुनीता शर्मा", "मनोज वर्मा"}
    assert [p["name"] for p in client.get("/v1/entities?q=शर्मा").json["items"]] == ["सुनीता शर्मा"]
    assert client.get("/v1/entities?kind=place&q=इन्दौर").status_code == 200
    first = client.get("/v1/entities?limit=2").json
    second = client.get(f"/v1/entities?limit=2&cursor={first['next_cursor']}").json
    assert len(first["items"]) == 2 and {e["id"] for e in first["items"]}.isdisjoint(
        e["id"] for e in second["items"]
    )
    assert client.get("/v1/entities?cursor=nope").status_code == 400
    assert client.get("/v1/entities?kind=thing").status_code == 422


def test_entity_detail(client, people):
    a, b, _ = people
    person = client.get(f"/v1/entities/{a['speaker']['id']}").json
    assert person["claim_count"] == 2 and person["aliases"]
    assert (person["first_claim_date"], person["last_claim_date"]) == ("2025-01-02", "2025-03-04")
    place = client.get(f"/v1/entities/{a['place']['id']}").json
    assert (
        place["kind"] == "place" and place["country"] == "IN" and place["lat"] and place["claim_count"] == 2
    )
    assert client.get("/v1/entities/424242").status_code == 404


def test_places_geojson(client, people):
    resp = client.get("/v1/places.geojson")
    assert resp.status_code == 200 and resp.mimetype == "application/geo+json"
    body = resp.json
    assert body["type"] == "FeatureCollection"
    indore = body["features"][0]
    assert indore["properties"]["name"] == "इंदौर" and indore["properties"]["claim_count"] == 2
    lon, lat = indore["geometry"]["coordinates"]
    assert 75 < lon < 76 and 22 < lat < 23
    only = client.get("/v1/places.geojson?speaker=मनोज वर्मा").json["features"]
    assert [(f["properties"]["name"], f["properties"]["claim_count"]) for f in only] == [("इंदौर", 1)]


@pytest.mark.parametrize(
    "path", ["/v1/claims", "/v1/timeline", "/v1/entities", "/v1/stats/claims", "/v1/places.geojson"]
)
def test_etag_304_and_cache_control(client, people, path):
    resp = client.get(path)
    etag = resp.headers["ETag"]
    assert etag.startswith('W/"') and "max-age" in resp.headers["Cache-Control"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    make_claim(client, speaker="नया वक्ता", place="इंदौर")
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 200


def test_no_etag_on_streams_and_errors(client, people):
    assert "ETag" not in client.get("/v1/claims?format=csv").headers
    assert "ETag" not in client.get("/v1/claims/424242").headers


@pytest.fixture
def cors_client(database_url):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "TATHYA_API_KEYS": [],
            "TATHYA_CORS_ORIGINS": ["https://dash.example"],
        }
    )
    yield app.test_client()
    if not database.is_closed():
        database.close()


def test_cors_allowed_origin_and_preflight(cors_client):
    resp = cors_client.get("/v1/claims", headers={"Origin": "https://dash.example"})
    assert resp.headers["Access-Control-Allow-Origin"] == "https://dash.example"
    assert "ETag" in resp.headers["Access-Control-Expose-Headers"] and "Origin" in resp.headers["Vary"]
    pre = cors_client.options(
        "/v1/claims/1",
        headers={"Origin": "https://dash.example", "Access-Control-Request-Method": "PATCH"},
    )
    assert pre.status_code == 200
    assert "PATCH" in pre.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in pre.headers["Access-Control-Allow-Headers"]
    other = cors_client.get("/v1/claims", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_cors_off_by_default(client):
    resp = client.get("/v1/claims", headers={"Origin": "https://dash.example"})
    assert "Access-Control-Allow-Origin" not in resp.headers
