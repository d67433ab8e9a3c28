"""Claim places as a hierarchy: kinds, enclosing places, and the roll-up filter, on both databases."""

from __future__ import annotations

import pytest

from tests.store.place_fixtures import (
    BHOPAL_COURT,
    COLONY,
    INDORE,
    INDORE_COURT,
    THEATRE,
    draft,
    store,
)


@pytest.fixture
def placed(app):
    """Claims at a city, at a venue and a locality inside it, at its court, at another city's court."""
    claims = store(
        [
            draft("सड़कें बनेंगी", INDORE, written="इन्दौर"),
            draft("नाटक मुफ्त दिखाए जाएंगे", THEATRE),
            draft("पानी की लाइन बदलेगी", COLONY),
            draft("सुनवाई टलेगी", INDORE_COURT, written="कोर्ट"),
            draft("फैसला सुरक्षित है", BHOPAL_COURT),
        ]
    )
    return dict(zip(["city", "theatre", "colony", "court", "other_court"], claims, strict=True))


def ids(resp) -> set[int]:
    assert resp.status_code == 200, resp.json
    return {c["id"] for c in resp.json["items"]}


def timeline_ids(resp) -> set[int]:
    assert resp.status_code == 200, resp.json
    return {c["id"] for event in resp.json["events"] for c in event["claims"]}


def test_venue_is_served_with_its_enclosing_places(placed):
    city, theatre = placed["city"]["place"], placed["theatre"]["place"]
    india = city["within"][0]
    assert (city["kind"], india["name"], india["kind"]) == ("city", "भारत", "country")
    assert theatre["kind"] == "venue"
    assert theatre["within"] == [{"id": city["id"], "name": "इंदौर", "kind": "city"}, india]
    assert theatre["coordinates_from"] == city["id"]
    assert (theatre["lat"], theatre["lon"], theatre["country"]) == (city["lat"], city["lon"], "IN")
    assert city["coordinates_from"] is None


@pytest.mark.parametrize(
    "claim, name",
    [
        ("city", "इन्दौर"),  # the article's spelling, not the gazetteer's इंदौर
        ("theatre", "रवींद्र नाट्य गृह"),
        ("court", "हाई कोर्ट"),  # a bare back-reference (कोर्ट) keeps the antecedent's name
    ],
)
def test_place_name_is_as_written(placed, claim, name):
    assert placed[claim]["place"]["name"] == name


def test_same_venue_name_in_two_cities_is_two_places(placed):
    assert placed["court"]["place"]["id"] != placed["other_court"]["place"]["id"]
    assert placed["other_court"]["place"]["within"][0]["name"] == "भोपाल"


@pytest.mark.parametrize(
    "where, within, expected",
    [
        ("city", None, {"city", "theatre", "colony", "court"}),
        ("city", "true", {"city", "theatre", "colony", "court"}),
        ("city", "false", {"city"}),
        ("theatre", None, {"theatre"}),
        ("country", None, {"city", "theatre", "colony", "court", "other_court"}),
        ("country", "false", set()),
    ],
    ids=["city", "city-within", "city-exactly", "venue", "country", "country-exactly"],
)
def test_place_filter_rolls_up(client, placed, where, within, expected):
    city = placed["city"]["place"]
    place_id = {
        "city": city["id"],
        "theatre": placed["theatre"]["place"]["id"],
        "country": city["within"][0]["id"],
    }[where]
    args = {"place": place_id} | ({"include_within": within} if within else {})
    want = {placed[k]["id"] for k in expected}
    assert ids(client.get("/v1/claims", query_string=args)) == want
    assert timeline_ids(client.get("/v1/timeline", query_string=args)) == want
    lines = client.get("/v1/claims", query_string=args | {"format": "ndjson"}).get_data(as_text=True)
    assert len(lines.splitlines()) == len(want)
    assert client.get("/v1/claims", query_string=args | {"count": "true"}).json["total"] == len(want)


@pytest.mark.parametrize("value", ["geonames:1269743", "इंदौर", "इन्दौर"])
def test_rollup_by_gazetteer_id_or_name(client, placed, value):
    want = {placed[k]["id"] for k in ("city", "theatre", "colony", "court")}
    assert ids(client.get("/v1/claims", query_string={"place": value})) == want


def test_venue_by_extractor_id(client, placed):
    got = ids(client.get("/v1/claims", query_string={"place": THEATRE.id}))
    assert got == {placed["theatre"]["id"]}


def test_places_geojson_rolls_up(client, placed):
    city = placed["city"]["place"]
    features = client.get("/v1/places.geojson", query_string={"place": city["id"]}).json["features"]
    counts = {f["properties"]["id"]: f["properties"]["claim_count"] for f in features}
    inside = {placed[k]["place"]["id"] for k in ("theatre", "colony", "court")}
    assert counts == {city["id"]: 1} | dict.fromkeys(inside, 1)
    exact = client.get("/v1/places.geojson", query_string={"place": city["id"], "include_within": "false"})
    assert [f["id"] for f in exact.json["features"]] == [city["id"]]


def test_stats_roll_up(client, placed):
    city = placed["city"]["place"]["id"]
    assert client.get(f"/v1/stats/claims?place={city}").json["total"] == 4
    assert client.get(f"/v1/stats/claims?place={city}&include_within=false").json["total"] == 1


def test_hierarchy_is_recorded_once_per_place(app, placed):
    """A later article placing a claim at the same venue reuses the entity and its hierarchy."""
    again = store([draft("टिकट सस्ते होंगे", THEATRE)], text="दूसरा लेख")[0]
    assert again["place"] == {**placed["theatre"]["place"]}


def test_merging_a_city_moves_what_lies_inside_it(client, placed):
    """भोपाल merged into इंदौर (say, a wrong gazetteer match): भोपाल's court now rolls up into इंदौर."""
    indore = placed["city"]["place"]["id"]
    bhopal = placed["other_court"]["place"]["within"][0]["id"]
    assert client.post(f"/v1/entities/{bhopal}/merge", json={"into": indore}).status_code == 200
    court = client.get(f"/v1/claims/{placed['other_court']['id']}").json["place"]
    assert court["within"][0] == {"id": indore, "name": "इंदौर", "kind": "city"}
    assert court["coordinates_from"] == indore
    assert placed["other_court"]["id"] in ids(client.get("/v1/claims", query_string={"place": indore}))
