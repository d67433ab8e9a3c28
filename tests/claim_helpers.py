"""Helpers for the query-API tests: claims made through the API, pages walked by cursor."""

from __future__ import annotations


def make_claim(client, **fields) -> dict:
    body = {"speaker": "अनीता राव", "quote": "स्कूल सोमवार से खुलेंगे", **fields}
    resp = client.post("/v1/claims", json=body)
    assert resp.status_code == 201, resp.json
    return resp.json


def ids(resp) -> list[int]:
    assert resp.status_code == 200, resp.json
    return [c["id"] for c in resp.json["items"]]


def walk(client, url: str, *, between_pages=None) -> list[int]:
    """Every id of a paged listing; ``between_pages(n)`` runs after page n (e.g. to insert)."""
    seen, cursor, n = [], None, 0
    while True:
        sep = "&" if "?" in url else "?"
        resp = client.get(url + (f"{sep}cursor={cursor}" if cursor else ""))
        seen += ids(resp)
        cursor = resp.json["next_cursor"]
        n += 1
        if between_pages:
            between_pages(n)
        if not cursor:
            return seen
