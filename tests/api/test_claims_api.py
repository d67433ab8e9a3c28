"""GET /v1/claims: every filter, both orders, keyset paging across inserts, seed checks."""

from __future__ import annotations

import pytest

from service.text.hindi import fold
from tests.claim_helpers import ids, make_claim, walk
from tests.factories import SEED_TEXT, article_payload


@pytest.fixture
def data(client):
    """Four manual claims with distinct speakers, places, dates, verb classes and verdicts."""
    a = make_claim(client, place="इंदौर", date={"value": "2025-07-12"}, verb_class="statement")
    b = make_claim(
        client,
        quote="बारिश से सड़कें खराब होंगी",
        place="भोपाल",
        date={"value": "2025-06"},
        verb_class="warning",
        review={"rating": "false", "explanation": "पुरानी खबर"},
    )
    c = make_claim(client, speaker="मनोज वर्मा", quote="आरोप गलत हैं", place="लंदन", date={"value": "2024"})
    d = make_claim(client, speaker="ज़ाकिर हुसैन", quote="तबला बजेगा", date={"value": "2023-W10"})
    text = "जिला कलेक्टर अनीता राव ने कहा कि स्कूल सोमवार से खुलेंगे।"
    resp = client.post("/v1/articles", json=article_payload(text=text, published_at="2022-01-12"))
    assert resp.status_code == 201 and resp.json["claims"], resp.json
    e = resp.json["claims"][0]
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "article": resp.json["id"]}


FILTERS = [
    ("speaker=अनीता राव", "abe"),
    ("speaker=राव", "abe"),  # surname alias
    ("speaker=जाकिर हुसैन", "d"),  # nukta dropped: spelling variant
    ("place=इंदौर", "a"),
    ("place=लंडन", "c"),
    ("country=gb", "c"),
    ("verb_class=warning", "b"),
    ("from=2025-07-01&to=2025-07-31", "a"),
    ("from=2025-06-15&to=2025-06-20", "b"),  # inside the month interval
    ("from=2024-05-01&to=2024-05-02", "c"),  # inside the year interval
    ("from=2023-03-08&to=2023-03-08", "d"),  # inside ISO week 10
    ("q=सड़कें", "b"),
    ("q=सडकें खराब", "b"),  # folded, ANDed
    ('q="खराब*) ^(', "b"),  # user syntax is quoted away, never an FTS error
    ("origin=manual", "abcd"),
    ("origin=extracted", "e"),
    ("rating=false", "b"),
    ("speaker=कोई नहीं", ""),
]


@pytest.mark.parametrize(("query", "expected"), FILTERS)
def test_each_filter(client, data, query, expected):
    got = set(ids(client.get(f"/v1/claims?{query}&limit=500")))
    assert got == {data[k]["id"] for k in expected}


def test_filter_by_ids_and_article(client, data):
    speaker = data["c"]["speaker"]["id"]
    place = data["a"]["place"]["id"]
    assert ids(client.get(f"/v1/claims?speaker={speaker}")) == [data["c"]["id"]]
    assert ids(client.get(f"/v1/claims?place={place}")) == [data["a"]["id"]]
    assert ids(client.get(f"/v1/claims?article={data['article']}")) == [data["e"]["id"]]


def test_claim_json_has_design_fields_and_review(client, data):
    item = client.get("/v1/claims?rating=false").json["items"][0]
    assert set(item) >= {"id", "speaker", "verb", "quote", "quote_type", "start", "end", "date", "place"}
    assert item["review"]["rating"] == "false" and item["verb_class"] == "warning"
    assert item["date"] == {
        "value": "2025-06",
        "granularity": "month",
        "date_from": "2025-06-01",
        "date_to": "2025-06-30",
        "source": "manual",
    }


def test_both_orders(client, data):
    desc = ids(client.get("/v1/claims?order=desc"))
    asc = ids(client.get("/v1/claims?order=asc"))
    assert asc == list(reversed(desc)) and len(asc) == 5
    assert asc[:2] == [data["e"]["id"], data["d"]["id"]]  # January 2022, then 2023-W10


def test_count_only_when_asked(client, data):
    assert "total" not in client.get("/v1/claims").json
    assert client.get("/v1/claims?count=true&limit=1&speaker=राव").json["total"] == 3


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_cursor_paging_across_inserts_has_no_gaps_or_duplicates(client, order):
    original = [
        make_claim(client, date={"value": f"2025-01-{day:02d}"})["id"] for day in (5, 5, 7, 9, 9, 9, 11)
    ]

    def insert(n):
        if n == 1:  # one claim on each side of the page boundary and one on a tied date
            for value in ("2025-01-01", "2025-01-09", "2025-01-30"):
                make_claim(client, date={"value": value})

    seen = walk(client, f"/v1/claims?order={order}&limit=2&speaker=राव", between_pages=insert)
    assert len(seen) == len(set(seen))
    assert set(original) <= set(seen)


def test_bad_cursor_and_limit(client):
    resp = client.get("/v1/claims?cursor=forged")
    assert resp.status_code == 400 and resp.json["errors"]["query"]["cursor"]
    assert client.get("/v1/claims?limit=501").status_code == 422
    assert client.get("/v1/claims?from=2025-13-01").status_code == 422
    other = client.get("/v1/claims?order=asc").json["next_cursor"]
    assert other is None


def test_cursor_of_other_order_is_rejected(client):
    for _ in range(3):
        make_claim(client)
    cursor = client.get("/v1/claims?order=asc&limit=1").json["next_cursor"]
    assert client.get(f"/v1/claims?order=desc&cursor={cursor}").status_code == 400


def test_seed_article_queries(client):
    resp = client.post("/v1/articles", data=SEED_TEXT.encode(), content_type="text/plain")
    assert resp.status_code == 201
    lavrov = client.get("/v1/claims?speaker=लावरोव").json["items"]
    assert len(lavrov) == 4 and {c["speaker"]["name"] for c in lavrov} == {"सर्गेई लावरोव"}
    found = client.get("/v1/claims?q=गठबंधन").json["items"]
    assert any(c["quote"].startswith("हम इस गठबंधन") for c in found)
    events = client.get("/v1/timeline?from=2025-07-01&to=2025-07-31").json["events"]
    assert [(e["date"], len(e["claims"])) for e in events] == [("2025-07-12", 4)]
    features = client.get("/v1/places.geojson").json["features"]
    wonsan = [f for f in features if fold(f["properties"]["name"]) == fold("वॉनसान")]
    assert wonsan and wonsan[0]["geometry"]["coordinates"] == pytest.approx([127.44, 39.15], abs=0.01)


def test_common_word_path_checks_whole_tokens(client, monkeypatch):
    from service.store import search

    monkeypatch.setattr(search, "RARE_LIMIT", 1)  # every word is "common": prefilter + exact check
    a = make_claim(client, quote="सरकार काम करेगी", date={"value": "2025-01-01"})
    make_claim(client, quote="सरकारी स्कूल खुलेंगे", date={"value": "2025-01-02"})
    c = make_claim(client, quote="सरकार ने कहा", date={"value": "2025-01-03"})
    assert ids(client.get("/v1/claims?q=सरकार")) == [c["id"], a["id"]]
    assert ids(client.get("/v1/claims?q=सरकार&order=asc")) == [a["id"], c["id"]]
    assert walk(client, "/v1/claims?q=सरकार&limit=1") == [c["id"], a["id"]]
    assert client.get("/v1/claims?q=सरकार&count=true").json["total"] == 2
    assert len(client.get("/v1/claims?q=सरकार&format=ndjson").get_data(as_text=True).splitlines()) == 2


def test_place_filter_accepts_gazetteer_and_local_ids(client):
    """Entity pages show ``gazetteer_id``; a local place (no coordinates) has no other stable id."""
    text = "रामगढ़ थाने में थाना प्रभारी सुनील कुमार ने कहा कि आरोपी जल्द पकड़ा जाएगा। इंदौर में महापौर ने कहा कि सड़कें बनेंगी।"
    claims = client.post("/v1/articles", json=article_payload(text=text)).json["claims"]
    by_place = {c["place"]["name"]: c["id"] for c in claims}
    assert set(by_place) == {"रामगढ़ थाने", "इंदौर"}  # as written
    for value, name in [
        ("local:रामगढ थाना", "रामगढ़ थाने"),
        ("geonames:1269743", "इंदौर"),
        ("local:नहीं", None),
    ]:
        got = ids(client.get("/v1/claims", query_string={"place": value}))
        assert got == ([by_place[name]] if name else []), value
