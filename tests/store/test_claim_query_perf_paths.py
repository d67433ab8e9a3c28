"""The fast paths of claim queries give the same answers as the plain ones (no timing here)."""

from __future__ import annotations

import pytest

from tests.claim_helpers import ids, make_claim, walk

URLS = [
    "/v1/claims?q=सरकार",
    "/v1/claims?q=सरकार&order=asc",
    "/v1/claims?q=सरकार काम",
    "/v1/claims?q=सरकार&from=2025-01-02",
    "/v1/claims?q=सरकार&to=2025-01-03",
    "/v1/claims?q=सरकार&from=2025-01-02&to=2025-01-31&order=asc",
    "/v1/claims?q=सरकार&origin=manual",
    "/v1/claims?q=सरकार&origin=extracted",
    "/v1/claims?q=सरकार&country=IN",
    "/v1/claims?q=सरकार&speaker=अनीता राव",
    "/v1/timeline?q=सरकार",
    "/v1/timeline?q=सरकार&order=asc&group=month",
]


@pytest.fixture
def claims(client):
    made = [
        make_claim(client, quote="सरकार काम करेगी", date={"value": "2025-01-01"}),
        make_claim(client, quote="सरकारी स्कूल खुलेंगे", date={"value": "2025-01-02"}),
        make_claim(client, quote="सरकार ने कहा", date={"value": "2025-01-03"}),
        make_claim(client, quote="सरकार ने फिर कहा", date={"value": "2025-01-03"}),
        make_claim(client, quote="सरकार बनेगी", date={"value": "2025-01"}),
        make_claim(client, quote="सरकार गिरेगी", date={"value": "2024"}),
        make_claim(client, quote="सरकार चुप रही"),  # no date
        make_claim(client, quote="काम सरकार का है", date={"value": "1999-12-31"}),
    ]
    return made


def _as_claims_url(url: str) -> str:
    # /v1/claims has no `group`: an unknown query parameter is a 400 there.
    return url.replace("/v1/timeline", "/v1/claims").replace("&group=month", "")


def _answers(client) -> dict:
    out = {}
    for url in URLS:
        first = client.get(url + "&limit=3")
        assert first.status_code == 200, first.json
        out[url] = (
            first.json,
            walk(client, url + "&limit=2") if url.startswith("/v1/claims") else None,
            client.get(_as_claims_url(url) + "&count=true&limit=1").json["total"],
        )
    return out


def _compare(client, monkeypatch):
    from service.store import search

    monkeypatch.setattr(search, "RARE_LIMIT", 10_000)
    search._COMMON.clear()
    rare = _answers(client)
    monkeypatch.setattr(search, "RARE_LIMIT", 1)  # every word is common: the FTS-ordered path
    search._COMMON.clear()
    common = _answers(client)
    search._COMMON.clear()
    for url in URLS:
        assert common[url] == rare[url], url
    return common


def test_common_word_pages_equal_rare_word_pages(client, claims, monkeypatch):
    answers = _compare(client, monkeypatch)
    assert len(answers["/v1/claims?q=सरकार"][1]) == 7
    assert answers["/v1/claims?q=सरकार"][2] == 7


def test_common_word_order_follows_edits(client, claims, monkeypatch):
    # Moving a claim in time and rewriting a quote keep the full-text index in date order.
    assert (
        client.patch(f"/v1/claims/{claims[0]['id']}", json={"date": {"value": "2026-05-05"}}).status_code
        == 200
    )
    assert client.patch(f"/v1/claims/{claims[2]['id']}", json={"quote": "कुछ और"}).status_code == 200
    assert client.patch(f"/v1/claims/{claims[1]['id']}", json={"quote": "सरकार आई"}).status_code == 200
    answers = _compare(client, monkeypatch)
    newest = answers["/v1/claims?q=सरकार"][1]
    assert claims[0]["id"] in newest[:2] and claims[2]["id"] not in newest and claims[1]["id"] in newest


def test_common_word_with_nothing_matching(client, claims, monkeypatch):
    from service.store import search

    monkeypatch.setattr(search, "RARE_LIMIT", 1)
    search._COMMON.clear()
    assert ids(client.get("/v1/claims?q=सरकार&from=2030-01-01")) == []
    assert ids(client.get("/v1/claims?q=सरकार&speaker=नहीं है कोई")) == []
    assert client.get("/v1/claims?q=सरकार&country=ZZ&count=true").json["total"] == 0


PLAIN_FILTERS = [
    {},
    {"speaker": "अनीता राव"},
    {"speaker": "अनीता राव", "from_": "2025-01-02", "to": "2025-12-31"},
    {"from_": "2025-01-02"},
    {"from_": "2025-01-03", "to": "2025-01-03"},
    {"speaker": "नहीं है कोई"},
    {"place": "8", "verb_class": "said", "origin": "manual", "rating": "false", "article": 3},
    {"origin": "manual", "from_": "0001-06-01"},
    {"to": "2025-01-01"},
]


def _reference(f, *, order, after, limit):
    """The page of ``f`` written with peewee, independently of the compiler: the claim ids."""
    import datetime as dt

    from peewee import Tuple

    from service.store.claim_filter import MAX_SPAN, place_ids, speaker_ids
    from service.store.models import Claim

    query = Claim.select(Claim.id)
    for column, value, lookup in ((Claim.speaker, f.speaker, speaker_ids), (Claim.place, f.place, place_ids)):
        if value:
            ids = lookup(value)
            if not ids:
                return None
            query = query.where(column.in_(sorted(ids)))
    for column, value in (
        (Claim.verb_class, f.verb_class),
        (Claim.origin, f.origin),
        (Claim.review_rating, f.rating),
    ):
        if value:
            query = query.where(column == value)
    if f.article:
        query = query.where(Claim.article == f.article)
    if f.to:
        query = query.where(Claim.sort_date <= f.to)
    if f.from_:
        query = query.where(Claim.sort_date >= max(f.from_, dt.date.min + MAX_SPAN) - MAX_SPAN)
        query = query.where(
            (Claim.date_to >= f.from_) | (Claim.date_to.is_null() & (Claim.sort_date >= f.from_))
        )
    key = Tuple(Claim.sort_date, Claim.id)
    if after is not None:
        mark = Tuple(dt.date.fromisoformat(after[0]), after[1])
        query = query.where(key > mark if order == "asc" else key < mark)
    if order == "asc":
        query = query.order_by(Claim.sort_date, Claim.id)
    else:
        query = query.order_by(Claim.sort_date.desc(), Claim.id.desc())
    return [c.id for c in query.limit(limit)]


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("after", [None, ["2025-01-03", 9]])
@pytest.mark.parametrize("given", PLAIN_FILTERS)
def test_compiled_page_sql_is_the_reference_query(client, claims, given, order, after):
    import datetime as dt

    from service.store import claim_query
    from service.store.db import database

    values = {k: dt.date.fromisoformat(v) if k in ("from_", "to") else v for k, v in given.items()}
    f = claim_query.ClaimFilter(**values)
    compiled = claim_query.page_sql(f, order=order, after=after, limit=51)
    expected = _reference(f, order=order, after=after, limit=51)
    if expected is None:
        assert compiled is None
        return
    assert [r[0] for r in database.execute_sql(*compiled).fetchall()] == expected
    # What a page runs: with `from`, two index reads (starting in range, spanning into it) merged.
    assert [r.id for r in claim_query.page(f, order=order, after=after, limit=51).rows] == expected
    if not given or "from_" in given and "origin" in given:
        assert expected or after  # the comparison is not vacuous


@pytest.mark.parametrize("group", ["day", "week", "month"])
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_timeline_events_are_the_grouped_page_and_encode_as_json_response(client, claims, group, order):
    from service.store import claim_query, claim_rows, timeline
    from service.web.errors import json_response

    f = claim_query.ClaimFilter(q=None)
    for after in (None, ["2025-01-03", claims[2]["id"]]):
        for limit in (1, 3, 50):
            events, next_key = timeline.timeline_events(f, group=group, order=order, limit=limit, after=after)
            page = claim_query.page(f, order=order, limit=limit, after=after)
            assert next_key == page.next_key
            grouped: dict = {}
            for row in page.rows:  # claims keep their page order inside each event
                grouped.setdefault(timeline.event_key(row, group), []).append(claim_rows.claim_json(row))
            assert {(e["date"], e["granularity"]): e["claims"] for e in events} == grouped
            assert [list(e) for e in events] == [["date", "granularity", "claims"]] * len(events)
            payload = {"events": events, "next_cursor": None}
            with client.application.app_context():
                expected = json_response(payload).get_data()
            assert claim_rows.json_body(payload) == expected  # the encoder of the standard shape
    resp = client.get(f"/v1/timeline?group={group}&order={order}&limit=2")
    assert resp.status_code == 200 and resp.json["events"] and resp.headers["ETag"]
    assert (
        client.get(
            f"/v1/timeline?group={group}&order={order}&limit=2",
            headers={"If-None-Match": resp.headers["ETag"]},
        ).status_code
        == 304
    )


@pytest.mark.parametrize("query", ["", "q=सरकार&", "count=true&", "q=सरकार&count=true&order=asc&"])
def test_pre_encoded_claims_page_is_the_encoded_page(client, claims, query):
    from service.store import claim_query
    from service.web.errors import json_response

    resp = client.get(f"/v1/claims?{query}limit=3")
    assert resp.status_code == 200
    payload = resp.json
    assert len(payload["items"]) == 3 and payload["next_cursor"]
    with client.application.app_context():
        assert resp.get_data() == json_response(payload).get_data()
    assert [c["id"] for c in payload["items"]] == [
        c["id"]
        for c in claim_query.page(
            claim_query.ClaimFilter(q="सरकार" if "q=" in query else None),
            order="asc" if "asc" in query else "desc",
            limit=3,
        ).claims
    ]
    assert (
        client.get(f"/v1/claims?{query}limit=3", headers={"If-None-Match": resp.headers["ETag"]}).status_code
        == 304
    )
