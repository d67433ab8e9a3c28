"""Concurrent identical and distinct POSTs: one article per input, no errors."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from service.store.db import database
from service.store.models import Article
from tests.factories import SEED_TEXT, article_payload


def _post(app, payload):
    with app.test_client() as client:
        resp = client.post("/v1/articles", json=payload)
        status, body = resp.status_code, resp.get_json()
    if not database.is_closed():
        database.close()  # each worker thread holds its own connection
    return status, body


def test_twenty_identical_posts_store_one_article(app):
    payload = {"text": SEED_TEXT, "url": "https://example.com/same"}
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda _: _post(app, payload), range(20)))
    statuses = sorted(status for status, _ in results)
    assert statuses.count(201) == 1 and statuses.count(200) == 19, statuses
    assert len({body["id"] for _, body in results}) == 1
    with database.connection_context():
        assert Article.select().count() == 1


def test_distinct_posts_from_threads_all_stored(app):
    payloads = [article_payload() for _ in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda p: _post(app, p), payloads))
    assert all(status == 201 for status, _ in results), [s for s, _ in results]
    with database.connection_context():
        assert Article.select().count() == 40
