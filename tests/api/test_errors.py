"""One JSON error shape for every failure, with the field that was wrong."""

from __future__ import annotations

import pytest

from service.app import create_app
from tests.factories import article_payload


def assert_error(resp, status: int) -> dict:
    assert resp.status_code == status
    assert resp.mimetype == "application/json"
    body = resp.get_json()
    assert body["code"] == status
    assert isinstance(body["status"], str) and body["status"]
    assert isinstance(body["message"], str) and body["message"]
    assert body["request_id"] == resp.headers["X-Request-ID"]
    return body


def test_malformed_json_is_400(client):
    resp = client.post("/v1/articles", data='{"text": "अधूरा'.encode(), content_type="application/json")
    assert_error(resp, 400)


def test_json_not_an_object_is_422(client):
    body = assert_error(client.post("/v1/articles", json=["text"]), 422)
    assert "json" in body["errors"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "   \n\t "}, "text"),
        ({"text": 42}, "text"),
        ({"text": "ठीक", "published_at": "2025-02-30"}, "published_at"),
        ({"text": "ठीक", "published_at": "कल सुबह"}, "published_at"),
        ({"text": "ठीक", "published_at": "2999-01-01"}, "published_at"),
        ({"text": "ठीक", "url": "not a url"}, "url"),
        ({"text": "ठीक", "surprise": 1}, "surprise"),
    ],
)
def test_validation_errors_name_the_field(client, payload, field):
    body = assert_error(client.post("/v1/articles", json=payload), 422)
    assert field in body["errors"]["json"]


def test_blank_text_plain_is_422(client):
    body = assert_error(client.post("/v1/articles", data=b"  \n ", content_type="text/plain"), 422)
    assert "text" in body["errors"]["body"]


def test_invalid_utf8_text_plain_is_400(client):
    assert_error(client.post("/v1/articles", data=b"\xff\xfe\xfa", content_type="text/plain"), 400)


def test_unknown_article_is_404(client):
    assert_error(client.get("/v1/articles/999999"), 404)
    assert_error(client.delete("/v1/articles/999999"), 404)


def test_unknown_route_is_json_404(client):
    assert_error(client.get("/nowhere"), 404)


def test_wrong_method_is_405(client):
    body = assert_error(client.put("/v1/articles", json={}), 405)
    assert body["status"]


def test_unsupported_content_type_is_415(client):
    body = assert_error(client.post("/v1/articles", data=b"<a/>", content_type="application/xml"), 415)
    assert "Content-Type" in body["errors"]["headers"]


def test_body_too_large_is_413(database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "MAX_CONTENT_LENGTH": 1024})
    resp = app.test_client().post("/v1/articles", json=article_payload(text="क" * 5000))
    assert_error(resp, 413)


def test_tampered_cursor_is_400(client):
    body = assert_error(client.get("/v1/articles?cursor=not-a-cursor"), 400)
    assert "cursor" in body["errors"]["query"]


@pytest.mark.parametrize("limit", ["0", "-1", str(10**9), "many"])
def test_bad_limit_is_422(client, limit):
    body = assert_error(client.get(f"/v1/articles?limit={limit}"), 422)
    assert "limit" in body["errors"]["query"]


def test_request_id_is_echoed(client):
    resp = client.get("/v1/articles/424242", headers={"X-Request-ID": "abc-123"})
    assert resp.headers["X-Request-ID"] == "abc-123"
    assert resp.get_json()["request_id"] == "abc-123"


def test_server_error_is_json_without_internals(database_url, monkeypatch):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url})
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("service.api.articles.ingest_article", boom)
    resp = app.test_client().post("/v1/articles", json=article_payload())
    body = assert_error(resp, 500)
    assert "secret" not in resp.get_data(as_text=True)
    assert body["status"]


class TestApiKeys:
    @pytest.fixture
    def keyed(self, database_url):
        app = create_app(
            {"TESTING": True, "DATABASE_URL": database_url, "TATHYA_API_KEYS": ["k-one", "k-two"]}
        )
        return app.test_client()

    def test_write_without_key_is_401(self, keyed):
        resp = keyed.post("/v1/articles", json=article_payload())
        assert_error(resp, 401)
        assert resp.headers["WWW-Authenticate"].startswith("Bearer")

    def test_write_with_unknown_key_is_401_and_key_not_echoed(self, keyed):
        resp = keyed.post("/v1/articles", json=article_payload(), headers={"Authorization": "Bearer guess"})
        assert_error(resp, 401)
        assert "guess" not in resp.get_data(as_text=True)

    def test_write_with_key_and_open_reads(self, keyed):
        resp = keyed.post("/v1/articles", json=article_payload(), headers={"Authorization": "Bearer k-two"})
        assert resp.status_code == 201
        assert keyed.get(f"/v1/articles/{resp.get_json()['id']}").status_code == 200
