"""The response cache: a repeated read is answered from memory, and never once the data changed,
whichever connection or process changed it."""

from __future__ import annotations

import gzip
import sqlite3

import psycopg2
import pytest

from service.app import create_app
from service.store import claim_query
from service.store.db import database
from service.web.response_cache import ResponseCache
from tests.claim_helpers import make_claim
from tests.conftest import PG_URL


@pytest.fixture
def page_runs(monkeypatch):
    """How many times a page query ran (a cached answer runs none)."""
    runs = []
    original = claim_query.page

    def counting(*args, **kwargs):
        runs.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(claim_query, "page", counting)
    return runs


def test_a_repeated_read_is_answered_without_running_the_view(client, page_runs):
    make_claim(client, quote="पहला बयान")
    url = "/v1/timeline?limit=5"
    first = client.get(url, headers={"Accept-Encoding": "gzip", "X-Request-ID": "one"})
    again = client.get(url, headers={"Accept-Encoding": "gzip", "X-Request-ID": "two"})
    assert len(page_runs) == 1
    assert first.status_code == again.status_code == 200
    assert again.data == first.data and again.headers["Content-Encoding"] == "gzip"
    assert again.headers["ETag"] == first.headers["ETag"]
    assert "Accept-Encoding" in again.headers["Vary"]
    # Per-request headers are the request's own, never the cached request's.
    assert (first.headers["X-Request-ID"], again.headers["X-Request-ID"]) == ("one", "two")
    # Another coding is another entry (same weak ETag: the same content); a hit still answers 304.
    plain = client.get(url)
    assert "Content-Encoding" not in plain.headers and plain.data == gzip.decompress(first.data)
    assert client.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    assert len(page_runs) == 2
    # The same query in another order is the same entry; another value is not.
    client.get("/v1/timeline?limit=5&order=asc")
    client.get("/v1/timeline?order=asc&limit=5")
    assert len(page_runs) == 3


def test_a_write_through_the_api_is_seen_by_the_next_read(client, page_runs):
    make_claim(client, quote="पहला बयान")
    url = "/v1/claims?limit=10"
    assert [c["quote"] for c in client.get(url).json["items"]] == ["पहला बयान"]
    claim = make_claim(client, quote="दूसरा बयान")
    assert [c["quote"] for c in client.get(url).json["items"]] == ["दूसरा बयान", "पहला बयान"]
    client.patch(f"/v1/claims/{claim['id']}", json={"quote": "सुधरा बयान"})
    assert [c["quote"] for c in client.get(url).json["items"]] == ["सुधरा बयान", "पहला बयान"]
    stats = client.get("/v1/stats/claims")
    assert stats.json["total"] == 2
    make_claim(client, quote="तीसरा बयान")
    assert client.get("/v1/stats/claims").json["total"] == 3
    assert len(page_runs) == 3


def test_a_write_by_another_connection_is_seen_by_the_next_read(client, database_url, page_runs):
    claim = make_claim(client, quote="पहला बयान")
    url = f"/v1/claims?speaker={claim['speaker']['id']}"
    assert client.get(url).json["items"][0]["quote"] == "पहला बयान"
    assert client.get(url).json["items"][0]["quote"] == "पहला बयान"
    assert len(page_runs) == 1
    # Another process's connection (a second worker, a CLI), not the app's.
    if database_url.startswith("sqlite"):
        con = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        con.execute("UPDATE claim SET quote = ? WHERE id = ?", ("बाहर से बदला", claim["id"]))
    else:
        con = psycopg2.connect(database_url)
        con.cursor().execute("UPDATE claim SET quote = %s WHERE id = %s", ("बाहर से बदला", claim["id"]))
    con.commit()
    con.close()
    assert client.get(url).json["items"][0]["quote"] == "बाहर से बदला"
    assert len(page_runs) == 2


def test_errors_and_unlisted_reads_are_not_cached(client, page_runs):
    for _ in range(2):
        assert client.get("/v1/claims?limit=0").status_code == 422
        assert client.get("/v1/claims?nope=1").status_code == 400
    assert page_runs == []
    claim = make_claim(client)
    first = client.get(f"/v1/claims/{claim['id']}")
    client.patch(f"/v1/claims/{claim['id']}", json={"quote": "नया"})
    assert client.get(f"/v1/claims/{claim['id']}").headers["ETag"] != first.headers["ETag"]


def test_the_cache_can_be_turned_off(database_url, page_runs):
    app = create_app(
        {"TESTING": True, "DATABASE_URL": database_url, "TATHYA_API_KEYS": [], "TATHYA_RESPONSE_CACHE_MB": 0}
    )
    client = app.test_client()
    client.get("/v1/claims")
    client.get("/v1/claims")
    assert len(page_runs) == 2
    if not database.is_closed():
        database.close()


def test_the_cache_is_bounded_least_recently_used_first():
    cache = ResponseCache(max_bytes=8 * 1024)
    assert cache.get(1, "a") is None  # files the token
    for key in "abcd":
        cache.put(1, key, b"x" * 500, [])
    assert cache.get(1, "a") is not None  # a is now the most recently used
    for key in "efghi":  # eight entries fit: the ninth pushes out the least recently used, b
        cache.put(1, key, b"x" * 500, [])
    assert cache.size <= 8 * 1024
    assert cache.get(1, "a") is not None and cache.get(1, "b") is None
    cache.put(1, "big", b"x" * 2000, [])  # over an eighth of the bound: never kept
    assert cache.get(1, "big") is None
    assert cache.get(2, "a") is None  # a new token: nothing older is served
    cache.put(1, "late", b"x", [])  # filed under the old token: dropped
    assert cache.get(2, "late") is None and cache.size == 0


@pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL not set")
def test_postgresql_token_moves_when_a_write_completes():
    con = psycopg2.connect(PG_URL)
    con.autocommit = True
    reader = con.cursor()
    writer = psycopg2.connect(PG_URL)

    def token():
        reader.execute("SELECT pg_current_snapshot()::text")
        return reader.fetchone()[0]

    before = token()
    cur = writer.cursor()
    cur.execute("CREATE TEMP TABLE t (x int)")
    cur.execute("INSERT INTO t VALUES (1)")
    writer.commit()
    assert token() != before
    writer.close()
    con.close()
