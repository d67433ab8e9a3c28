"""Hostile input (issue 6): every entry answers with its status and the one JSON error shape, never a 500."""

from __future__ import annotations

import io
import time

import pytest

from service.app import create_app
from tests.api.test_errors import assert_error
from tests.factories import SEED_TEXT, article_payload

# Words that would betray a database error or a stack trace in a response body.
LEAKS = (
    "select ",
    "syntax error",
    "sqlite",
    "psycopg",
    "fts5",
    "traceback",
    "operationalerror",
    "drop table",
)
FTS_SYNTAX = ['"', "*", "NEAR(", "(", "AND OR NOT", "'; DROP TABLE article; --", 'x" OR "1"="1', "%_\\"]


def get_operations(app, parameter: str) -> list[str]:
    """GET paths (without path parameters) whose spec has the query ``parameter``."""
    spec = app.extensions["tathya_api"].spec.to_dict()
    found = []
    for path, operations in spec["paths"].items():
        params = operations.get("get", {}).get("parameters", [])
        if "{" not in path and any(p["in"] == "query" and p["name"] == parameter for p in params):
            found.append(path)
    return found


def assert_no_leak(resp) -> None:
    text = resp.get_data(as_text=True).lower()
    assert resp.status_code < 500, text
    assert not any(word in text for word in LEAKS), text


# --- bodies that are not a JSON object -------------------------------------------------------


@pytest.mark.parametrize(
    "body", [b"", b"{", b'{"text": "x",}', b"{'text': 'x'}", b'{"text": NaN1}', b"\xef\xbb"]
)
def test_malformed_json_variants_are_400(client, body):
    body_json = assert_error(client.post("/v1/articles", data=body, content_type="application/json"), 400)
    assert "json" in body_json["errors"]


@pytest.mark.parametrize("body", [b"null", b'"text"', b"42", b"true", b'[{"text": "x"}]'])
def test_json_that_is_not_an_object_is_422(client, body):
    resp = client.post("/v1/articles", data=body, content_type="application/json")
    assert "json" in assert_error(resp, 422)["errors"]


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "text/html",
        "application/octet-stream",
        None,
    ],
)
def test_wrong_content_type_is_415(client, content_type):
    resp = client.post("/v1/articles", data=b'{"text": "\xe0\xa4\x95"}', content_type=content_type)
    assert "Content-Type" in assert_error(resp, 415)["errors"]["headers"]


# --- body size ---------------------------------------------------------------------------------


class CountingStream(io.RawIOBase):
    """A request body that counts what the server reads from it."""

    def __init__(self, size: int) -> None:
        self.size, self.read_bytes = size, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.size - self.read_bytes)
        buffer[:n] = b"a" * n
        self.read_bytes += n
        return n


def test_oversized_body_is_413_before_it_is_read(client):
    stream = CountingStream(3 * 1024 * 1024)
    resp = client.post(
        "/v1/articles",
        content_type="text/plain",
        environ_overrides={"wsgi.input": stream, "CONTENT_LENGTH": str(stream.size)},
    )
    assert_error(resp, 413)
    assert stream.read_bytes == 0  # Content-Length alone decided


def test_one_megabyte_article_is_accepted_and_extraction_is_capped(client):
    # Policy: bodies up to MAX_CONTENT_LENGTH (2 MB) are stored whole; dates and claims come from
    # the first store.MAX_EXTRACT_CHARS characters, and extraction_error says so.
    from service.ingest import MAX_EXTRACT_CHARS

    text = ""
    n = 0
    while len(text.encode()) < 1_000_000:
        n += 1
        text += SEED_TEXT.replace("लावरोव", f"लावरोव{n}") + "\n"
    started = time.monotonic()
    resp = client.post("/v1/articles", json={"text": text, "published_at": "2025-07-12"})
    assert resp.status_code == 201, resp.get_data(as_text=True)[:300]
    assert time.monotonic() - started < 25  # inside gunicorn's 30 s worker timeout
    body = resp.get_json()
    assert len(body["text"]) == len(text)
    assert body["extraction_error"].startswith(f"truncated: extracted from the first {MAX_EXTRACT_CHARS}")
    assert body["dates"] and all(d["end"] <= MAX_EXTRACT_CHARS for d in body["dates"])


def test_body_over_two_megabytes_is_413(client):
    assert_error(client.post("/v1/articles", json={"text": "क" * 800_000}), 413)


# --- text content ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\u00a0\u3000\n\t", "\u2003"])
def test_empty_or_whitespace_text_plain_is_422(client, text):
    resp = client.post("/v1/articles", data=text.encode(), content_type="text/plain")
    assert "text" in assert_error(resp, 422)["errors"]["body"]


@pytest.mark.parametrize("text", ["।।।", "...!!!???", "— – - …", "123 456", "\u200d\u200f\u200b", "🙂🙂"])
def test_text_without_letters_is_422(client, text):
    body = assert_error(client.post("/v1/articles", json={"text": text}), 422)
    assert "letters" in body["errors"]["json"]["text"][0]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"text": "\xff\xfe\xe0\xa4"}', "application/json"),
        (b"\xe0\xa4\x95\xc0\xaf", "text/plain; charset=utf-8"),
        (b"\xed\xa0\x80", "text/plain"),  # an encoded surrogate is not UTF-8
    ],
)
def test_invalid_utf8_is_400(client, body, content_type):
    assert_error(client.post("/v1/articles", data=body, content_type=content_type), 400)


@pytest.mark.parametrize(
    ("body", "content_type", "where"),
    [
        (b'{"text": "\xe0\xa4\x95\\u0000\xe0\xa4\x96"}', "application/json", "json"),
        (b'{"text": "ok ok", "title": "a\\u0000"}', "application/json", "json"),
        (b"\xe0\xa4\x95\x00\xe0\xa4\x96", "text/plain", "body"),
    ],
)
def test_nul_bytes_are_422(client, body, content_type, where):
    assert (
        where
        in assert_error(client.post("/v1/articles", data=body, content_type=content_type), 422)["errors"]
    )


@pytest.mark.parametrize(
    "body",
    [
        rb'{"text": "\u092e\u0902\u0924\u094d\u0930\u0940 \ud800 \u0915\u0939\u093e"}',
        rb'{"text": "\u0915\u0939\u093e \u0915\u093f", "title": "\udc00"}',
        rb'{"text": "\u0915\u0939\u093e", "\udfff": 1}',
    ],
)
def test_unpaired_surrogate_escapes_are_422(client, body):
    errors = assert_error(client.post("/v1/articles", data=body, content_type="application/json"), 422)[
        "errors"
    ]
    assert "surrogate" in errors["json"][0]


def test_a_surrogate_pair_is_an_emoji_and_fine(client):
    body = rb'{"text": "\u092e\u0902\u0924\u094d\u0930\u0940 \u0928\u0947 \u0915\u0939\u093e \ud83d\ude00"}'
    resp = client.post("/v1/articles", data=body, content_type="application/json")
    assert resp.status_code == 201 and resp.get_json()["text"].endswith("\U0001f600")


def test_escaped_backslash_u0000_is_text_not_nul(client):
    resp = client.post(
        "/v1/articles", data=rb'{"text": "\u0915 \\u0000 \u0916"}', content_type="application/json"
    )
    assert resp.status_code == 201
    assert "\\u0000" in resp.get_json()["text"]


def test_nul_in_query_is_422_everywhere(client, app):
    for path in get_operations(app, "q"):
        body = assert_error(client.get(path, query_string={"q": "a\x00b"}), 422)
        assert "q" in body["errors"]["query"], path


def test_control_characters_are_stripped(client):
    payload = article_payload(text="इंदौर\x07 में\x1b[31m बारिश\x7f हुई।\x85 सब ठीक है।", title="शीर्षक\x0b")
    resp = client.post("/v1/articles", json=payload)
    assert resp.status_code == 201
    body = resp.get_json()
    assert body["text"] == "इंदौर में[31m बारिश हुई। सब ठीक है।"
    assert body["title"] == "शीर्षक"


def test_zero_width_and_bidi_marks_are_kept_and_offsets_hold(client):
    text = "मोदी\u200d ने\u200c शनिवार (12 जुलाई, 2025) को \u200fकहा कि\u202e काम\u202c होगा।"
    resp = client.post("/v1/articles", json={"text": text})
    assert resp.status_code == 201
    body = resp.get_json()
    assert body["text"] == text
    assert body["dates"], body
    for mention in body["dates"]:
        assert body["text"][mention["start"] : mention["end"]] == mention["text"]


def test_mixed_scripts_are_accepted(client):
    text = (
        "Prime Minister मोदी ने 12 जुलाई 2025 को कहा कि 'Make in India' सफल है। "
        "اردو میں خبر۔ 中文新闻。 Ελληνικά. 🙂 ৫ জুলাই।"
    )
    resp = client.post("/v1/articles", json={"text": text})
    assert resp.status_code == 201
    body = resp.get_json()
    assert any(d["value"] == "2025-07-12" for d in body["dates"])
    assert client.get(f"/v1/articles/{body['id']}").get_json()["text"] == text


# --- dates and paging --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["2025-02-30", "2025-02-30T10:00:00+05:30", "2025-13-01", "9999-12-31", "2100-01-01T00:00:00Z", "+275760-09-13",
     "कल", "", "yesterday", 20250712, True],
)  # fmt: skip
def test_bad_published_at_is_422(client, value):
    body = assert_error(client.post("/v1/articles", json=article_payload(published_at=value)), 422)
    assert "published_at" in body["errors"]["json"]


@pytest.mark.parametrize("limit", ["0", "-1", str(10**9), "1e3", ""])
def test_bad_limit_is_422_on_every_list(client, app, limit):
    paths = get_operations(app, "limit")
    assert "/v1/articles" in paths
    for path in paths:
        body = assert_error(client.get(path, query_string={"limit": limit}), 422)
        assert "limit" in body["errors"]["query"], path


@pytest.fixture
def articles_cursor(client) -> str:
    for _ in range(3):
        assert client.post("/v1/articles", json=article_payload()).status_code == 201
    cursor = client.get("/v1/articles?limit=1").get_json()["next_cursor"]
    assert cursor
    return cursor


def test_tampered_cursor_is_400_on_every_list(client, app, articles_cursor):
    flipped = articles_cursor[:-3] + ("A" if articles_cursor[-3] != "A" else "B") + articles_cursor[-2:]
    for bad in (flipped, articles_cursor[:-4], articles_cursor + "x", "e30", "0" * 500):
        for path in get_operations(app, "cursor"):
            body = assert_error(client.get(path, query_string={"cursor": bad}), 400)
            assert "cursor" in body["errors"]["query"], path


def test_foreign_cursor_is_rejected(client, app, articles_cursor):
    # Cursors are salted per kind: one from /v1/articles means nothing to another list.
    assert client.get("/v1/articles", query_string={"cursor": articles_cursor}).status_code == 200
    others = [path for path in get_operations(app, "cursor") if path != "/v1/articles"]
    for path in others:
        body = assert_error(client.get(path, query_string={"cursor": articles_cursor}), 400)
        assert "cursor" in body["errors"]["query"], path


# --- full-text search syntax -------------------------------------------------------------------


@pytest.mark.parametrize("q", FTS_SYNTAX)
def test_fts_syntax_in_q_never_errors_or_leaks(client, app, q):
    client.post("/v1/articles", json={"text": SEED_TEXT, "published_at": "2025-07-12"})
    paths = get_operations(app, "q")
    assert "/v1/articles" in paths
    for path in paths:
        resp = client.get(path, query_string={"q": q})
        assert_no_leak(resp)
        assert resp.status_code in (200, 400, 422), (path, resp.status_code)


def test_oversized_query_string_is_rejected_cleanly(database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url})
    resp = app.test_client().get("/v1/articles", query_string={"q": "क" * 5000})
    assert_no_leak(resp)
    assert resp.status_code == 422
