"""POST /v1/dates/resolve: date expressions of any text against a reference date."""

from __future__ import annotations

import datetime as dt


def test_resolves_against_reference_date(client):
    text = "मंत्री ने शुक्रवार (11 जुलाई) को कहा था कि काम अगले महीने शुरू होगा।"
    resp = client.post("/v1/dates/resolve", json={"text": text, "reference_date": "2025-07-12"})
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["reference_date"] == "2025-07-12"
    values = {d["text"]: (d["value"], d["granularity"]) for d in body["dates"]}
    assert values["शुक्रवार (11 जुलाई)"] == ("2025-07-11", "day")
    assert values["अगले महीने"] == ("2025-08", "month")
    for d in body["dates"]:
        assert text[d["start"] : d["end"]] == d["text"]


def test_reference_date_defaults_to_today(client):
    body = client.post("/v1/dates/resolve", json={"text": "आज बैठक हुई।"}).get_json()
    assert body["reference_date"] == dt.date.today().isoformat()
    assert body["dates"][0]["value"] == dt.date.today().isoformat()


def test_invalid_input_is_422_with_field(client):
    resp = client.post("/v1/dates/resolve", json={"text": "कल", "reference_date": "2025-13-40"})
    assert resp.status_code == 422
    assert "reference_date" in resp.get_json()["errors"]["json"]
    resp = client.post("/v1/dates/resolve", json={"text": "  "})
    assert resp.status_code == 422
    assert "text" in resp.get_json()["errors"]["json"]


def test_general_style_is_the_default_and_news_is_selectable(client):
    text = "5 जून से 9 जून के बीच छुट्टी रहेगी, हर सोमवार बैठक होगी।"
    body = client.post("/v1/dates/resolve", json={"text": text, "reference_date": "2026-03-10"}).get_json()
    assert [(d["text"], d["value"], d["granularity"]) for d in body["dates"]] == [
        ("5 जून से 9 जून के बीच", "2026-06-05/2026-06-09", "range"),
        ("हर सोमवार", "SET", "set"),
    ]
    news = {"text": text, "reference_date": "2026-03-10", "style": "news"}
    body = client.post("/v1/dates/resolve", json=news).get_json()
    assert [d["value"] for d in body["dates"]] == ["2026-06-05", "2026-06-09"]
    resp = client.post("/v1/dates/resolve", json={"text": "कल", "style": "poetry"})
    assert resp.status_code == 422
