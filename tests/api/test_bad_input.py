"""Issue 15 point 3–4: bad input answers 4xx in the JSON error shape, never a 500, on both databases."""

from __future__ import annotations

import io

import pytest
from itsdangerous import URLSafeSerializer

from service.app import create_app
from service.store.db import database
from tests.api.test_errors import assert_error
from tests.factories import article_payload

FILTERED_GETS = ["/v1/claims", "/v1/timeline", "/v1/stats/claims", "/v1/places.geojson"]
# str.isdigit() is true for each, int() fails on each: ids must be ASCII digits.
NOT_ASCII_DIGITS = {"superscript-two": "²", "superscript-three": "³", "circled-one": "①"}


@pytest.fixture
def app(database_url):
    # Server errors become 500 responses here instead of raising inside the test.
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "PROPAGATE_EXCEPTIONS": False})
    yield app
    if not database.is_closed():
        database.close()


@pytest.fixture
def claim_id(client):
    text = "जिला कलेक्टर ने मंगलवार को कहा कि नई सड़क अगले महीने खुलेगी।"
    article = client.post("/v1/articles", json=article_payload(text=text)).get_json()
    return article["claims"][0]["id"]


@pytest.mark.parametrize("path", FILTERED_GETS)
@pytest.mark.parametrize("param", ["speaker", "place"])
@pytest.mark.parametrize("value", NOT_ASCII_DIGITS.values(), ids=NOT_ASCII_DIGITS.keys())
def test_unicode_digit_filters_are_names_not_ids(client, claim_id, path, param, value):
    resp = client.get(path, query_string={param: value})
    assert resp.status_code == 200, resp.get_data(as_text=True)


DEEP_BODIES = {"arrays": "[" * 1000 + "]" * 1000, "objects": '{"a":' * 1000 + "1" + "}" * 1000}
JSON_OPERATIONS = {
    "post-article": ("post", "/v1/articles"),
    "post-claim": ("post", "/v1/claims"),
    "patch-claim": ("patch", "/v1/claims/{claim}"),
    "resolve-dates": ("post", "/v1/dates/resolve"),
    "merge-entity": ("post", "/v1/entities/1/merge"),
}


@pytest.mark.parametrize("operation", JSON_OPERATIONS.values(), ids=JSON_OPERATIONS.keys())
@pytest.mark.parametrize("body", DEEP_BODIES.values(), ids=DEEP_BODIES.keys())
def test_deeply_nested_json_is_422(client, claim_id, operation, body):
    method, path = operation
    resp = getattr(client, method)(path.format(claim=claim_id), data=body, content_type="application/json")
    assert "json" in assert_error(resp, 422)["errors"]


def test_nesting_inside_strings_does_not_count(client, claim_id):
    quote = "[" * 200 + "{" * 200 + " 12345678901234567890123456789012345678901234567890"
    resp = client.patch(f"/v1/claims/{claim_id}", json={"quote": quote})
    assert resp.status_code == 200 and resp.get_json()["quote"] == quote


HUGE_INTEGER = "1" + "0" * 5000
HUGE_NUMBER_BODIES = {
    "patch-speaker": ("patch", "/v1/claims/{claim}", '{"speaker": %s}'),
    "patch-place": ("patch", "/v1/claims/{claim}", '{"place": %s}'),
    "post-claim-article": ("post", "/v1/claims", '{"speaker": "क", "quote": "ख", "article_id": %s}'),
    "merge-into": ("post", "/v1/entities/1/merge", '{"into": %s}'),
}


@pytest.mark.parametrize("case", HUGE_NUMBER_BODIES.values(), ids=HUGE_NUMBER_BODIES.keys())
def test_integer_of_thousands_of_digits_is_422(client, claim_id, case):
    method, path, template = case
    body = template % HUGE_INTEGER
    resp = getattr(client, method)(path.format(claim=claim_id), data=body, content_type="application/json")
    assert_error(resp, 422)


@pytest.mark.parametrize("value", [2**63, 2**70], ids=["2**63", "2**70"])
@pytest.mark.parametrize("field", ["speaker", "place"])
def test_entity_id_out_of_range_is_422(client, claim_id, field, value):
    assert_error(client.patch(f"/v1/claims/{claim_id}", json={field: value}), 422)


@pytest.mark.parametrize("method", ["get", "delete"])
@pytest.mark.parametrize(
    "path", ["/v1/articles/{n}", "/v1/claims/{n}", "/v1/claims/{n}/history", "/v1/entities/{n}"]
)
@pytest.mark.parametrize("n", ["9223372036854775808", "99999999999999999999999"])
def test_ids_past_the_column_range_are_404(client, method, path, n):
    resp = getattr(client, method)(path.format(n=n))
    assert resp.status_code in (404, 405), resp.get_data(as_text=True)


# --- cursors ------------------------------------------------------------------------------------

CURSOR_ENDPOINTS = {
    "claims-desc": ("claims:desc", "/v1/claims?"),
    "claims-asc": ("claims:asc", "/v1/claims?order=asc&"),
    "claims-csv": ("claims:desc", "/v1/claims?format=csv&"),
    "timeline-asc": ("timeline:asc", "/v1/timeline?"),
    "timeline-desc": ("timeline:desc", "/v1/timeline?order=desc&"),
    "articles": ("articles", "/v1/articles?"),
}
FORGED_KEYSETS = {
    "id-2**63": ["2025-01-01", 2**63],
    "id-negative-huge": ["2025-01-01", -(2**63)],
    "id-10**30": ["2025-01-01", 10**30],
    "id-bool": ["2025-01-01", True],
    "not-a-date": ["x", 1],
    "month-99": ["9999-99-99", 1],
    "date-with-time": ["2025-01-01T00:00", 1],
    "three-values": ["2025-01-01", 1, 2],
}


@pytest.mark.parametrize("endpoint", CURSOR_ENDPOINTS.values(), ids=CURSOR_ENDPOINTS.keys())
@pytest.mark.parametrize("values", FORGED_KEYSETS.values(), ids=FORGED_KEYSETS.keys())
def test_validly_signed_cursor_with_bad_values_is_400(app, client, claim_id, endpoint, values):
    kind, path = endpoint
    token = URLSafeSerializer(app.config["TATHYA_SECRET_KEY"], salt=f"cursor:{kind}").dumps(values)
    assert "cursor" in assert_error(client.get(f"{path}cursor={token}"), 400)["errors"]["query"]


@pytest.mark.parametrize("values", [[2**63], [-1], ["1"], [1, 2]], ids=["2**63", "negative", "string", "two"])
def test_entity_cursor_with_bad_values_is_400(app, client, values):
    token = URLSafeSerializer(app.config["TATHYA_SECRET_KEY"], salt="cursor:entities").dumps(values)
    assert_error(client.get(f"/v1/entities?cursor={token}"), 400)


def test_cursor_signed_with_the_old_public_constant_is_refused(client, claim_id):
    token = URLSafeSerializer("tathya-cursor-v1", salt="cursor:claims:desc").dumps(["2025-01-01", 1])
    assert_error(client.get(f"/v1/claims?cursor={token}"), 400)


def test_secret_is_generated_once_into_the_instance_folder(database_url, tmp_path):
    from service.config import SECRET_FILE

    config = {"DATABASE_URL": database_url, "TATHYA_INSTANCE_DIR": str(tmp_path), "TESTING": True}
    first = create_app(config).config["TATHYA_SECRET_KEY"]
    second = create_app(config).config["TATHYA_SECRET_KEY"]
    assert first == second and len(first) >= 32
    assert (tmp_path / SECRET_FILE).stat().st_mode & 0o777 == 0o600
    assert create_app({**config, "TATHYA_SECRET_KEY": "given"}).config["TATHYA_SECRET_KEY"] == "given"
    if not database.is_closed():
        database.close()


# --- dates at the calendar's edges --------------------------------------------------------------

EDGE_TIMESTAMPS = {
    "year-1-plus-14h": "0001-01-01T00:00:00+14:00",
    "year-9999-minus-14h": "9999-12-31T23:59:59-14:00",
}


@pytest.mark.parametrize("reviewed_at", EDGE_TIMESTAMPS.values(), ids=EDGE_TIMESTAMPS.keys())
def test_review_time_outside_the_calendar_in_utc_is_422(client, claim_id, reviewed_at):
    review = {"rating": "true", "reviewed_at": reviewed_at}
    assert_error(client.patch(f"/v1/claims/{claim_id}", json={"review": review}), 422)
    assert_error(client.post("/v1/claims", json={"speaker": "क", "quote": "ख", "review": review}), 422)


@pytest.mark.parametrize("value", ["9999-W52", "9999-12", "9999", "0001-01-01"])
def test_manual_dates_at_the_edges_never_500(client, claim_id, value):
    assert client.patch(f"/v1/claims/{claim_id}", json={"date": {"value": value}}).status_code in (200, 422)


EDGE_RESOLVES = {
    "year-1-yesterday": ("0001-01-01", "वह कल लौटा था।"),
    "year-1-last-year": ("0001-01-01", "पिछले साल बारिश कम हुई थी।"),
    "year-1-two-days-ago": ("0001-01-01", "दो दिन पहले मेला लगा था।"),
    "year-9999-tomorrow": ("9999-12-31", "वह कल आएगा।"),
    "year-9999-next-year": ("9999-12-31", "अगले साल चुनाव होंगे।"),
    "year-9999-next-week": ("9999-12-31", "अगले हफ्ते बैठक होगी।"),
}


@pytest.mark.parametrize("style", ["general", "news"])
@pytest.mark.parametrize("case", EDGE_RESOLVES.values(), ids=EDGE_RESOLVES.keys())
def test_resolving_past_the_calendar_is_422(client, case, style):
    reference, text = case
    resp = client.post("/v1/dates/resolve", json={"text": text, "reference_date": reference, "style": style})
    assert resp.status_code in (200, 422), resp.get_data(as_text=True)
    if resp.status_code == 422:
        assert "reference_date" in assert_error(resp, 422)["errors"]["json"]


# --- PATCH with no JSON body (point 4) ----------------------------------------------------------

NOT_JSON = {
    "text-plain": "text/plain",
    "form": "application/x-www-form-urlencoded",
    "multipart": "multipart/form-data; boundary=x",
}


@pytest.mark.parametrize("content_type", NOT_JSON.values(), ids=NOT_JSON.keys())
def test_patch_without_a_json_body_is_415_and_changes_nothing(client, claim_id, content_type):
    before = client.get(f"/v1/claims/{claim_id}").get_json()
    resp = client.patch(f"/v1/claims/{claim_id}", data='{"quote": "बदला हुआ"}', content_type=content_type)
    assert "Content-Type" in assert_error(resp, 415)["errors"]["headers"]
    assert client.get(f"/v1/claims/{claim_id}").get_json() == before


def test_patch_with_no_body_at_all_is_415(client, claim_id):
    assert_error(client.patch(f"/v1/claims/{claim_id}"), 415)


@pytest.mark.parametrize("path", ["/v1/claims", "/v1/dates/resolve", "/v1/entities/1/merge"])
def test_other_json_operations_refuse_other_bodies_with_415(client, path):
    assert_error(client.post(path, data="into=2", content_type="application/x-www-form-urlencoded"), 415)


# --- body size whatever the framing (point 2) ---------------------------------------------------


def _chunked(client, body: bytes, content_type: str = "text/plain; charset=utf-8"):
    """A body sent as the server sees a chunked request: no Content-Length, input terminated."""
    return client.post(
        "/v1/articles",
        input_stream=io.BytesIO(body),
        content_type=content_type,
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )


def test_chunked_body_over_the_cap_is_413_and_nothing_is_stored(client):
    line = "नगर निगम ने कहा कि सफाई अभियान जारी रहेगा।\n"
    body = (line * (3 * 1024 * 1024 // len(line.encode()) + 1)).encode()
    assert_error(_chunked(client, body), 413)
    assert client.get("/v1/articles").get_json()["items"] == []


def test_chunked_body_under_the_cap_is_stored_whole(client):
    text = "पंचायत ने बुधवार को कहा कि कुआं अगले हफ्ते खुदेगा।\n" * 300
    resp = _chunked(client, text.encode())
    assert resp.status_code == 201 and resp.get_json()["text"] == text


def test_chunked_json_over_the_cap_is_413(client):
    body = ('{"text": "' + "क" * (3 * 1024 * 1024 // 3) + '"}').encode()
    assert_error(_chunked(client, body, "application/json"), 413)
