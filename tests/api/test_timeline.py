"""Timeline events by day, week and month (coarse dates at their granularity) and claim stats."""

from __future__ import annotations

import pytest

from tests.claim_helpers import make_claim


@pytest.fixture
def dated(client):
    values = ["2025-07-12", "2025-07-12", "2025-07-14", "2025-07", "2025-W30", "2025", "2025-08-02"]
    classes = ["statement", "warning", "statement", "statement", "denial", "statement", "warning"]
    return [
        make_claim(client, date={"value": v}, verb_class=c)["id"]
        for v, c in zip(values, classes, strict=True)
    ]


def events(client, query: str):
    resp = client.get(f"/v1/timeline?{query}")
    assert resp.status_code == 200, resp.json
    return [(e["date"], e["granularity"], [c["id"] for c in e["claims"]]) for e in resp.json["events"]]


def test_day_events_keep_coarse_dates_at_their_granularity(client, dated):
    assert (
        events(client, "from=2025-07-01&to=2025-07-31")
        == [
            ("2025", "year", [dated[5]]),  # the year interval overlaps July too
            ("2025-07", "month", [dated[3]]),
            ("2025-07-12", "day", dated[0:2]),
            ("2025-07-14", "day", [dated[2]]),
            ("2025-W30", "week", [dated[4]]),
        ]
    )
    assert ("2025-08-02", "day", [dated[6]]) in events(client, "group=day")


def test_week_and_month_grouping(client, dated):
    weeks = events(client, "group=week&from=2025-07-01&to=2025-07-31")
    assert [w[0] for w in weeks] == ["2025", "2025-07", "2025-W28", "2025-W29", "2025-W30"]
    months = events(client, "group=month&from=2025-07-01&to=2025-08-31")
    assert months[0] == ("2025", "year", [dated[5]])
    assert months[1] == ("2025-07", "month", dated[3:4] + dated[0:3] + dated[4:5])
    assert months[2] == ("2025-08", "month", [dated[6]])


def test_timeline_pages_and_orders(client, dated):
    first = client.get("/v1/timeline?limit=3").json
    rest = client.get(f"/v1/timeline?limit=10&cursor={first['next_cursor']}").json
    seen = [c["id"] for page in (first, rest) for e in page["events"] for c in e["claims"]]
    assert sorted(seen) == sorted(dated) and len(seen) == len(set(seen))
    assert rest["next_cursor"] is None
    newest = client.get("/v1/timeline?order=desc&limit=1").json["events"][0]
    assert newest["date"] == "2025-08-02"
    assert client.get("/v1/timeline?group=year").status_code == 422


def test_stats_per_month_and_verb_class(client, dated):
    resp = client.get("/v1/stats/claims?group=month&speaker=अनीता राव")
    assert resp.status_code == 200
    body = resp.json
    assert body["total"] == 7 and body["group"] == "month"
    july = next(b for b in body["buckets"] if b["bucket"] == "2025-07")
    assert july["count"] == 5 and july["by_verb_class"] == {"statement": 3, "warning": 1, "denial": 1}
    assert [b["bucket"] for b in body["buckets"]] == ["2025-01", "2025-07", "2025-08"]


def test_stats_by_day_week_and_filters(client, dated):
    days = client.get("/v1/stats/claims?group=day&from=2025-07-12&to=2025-07-12").json
    assert days["buckets"][-1] == {
        "bucket": "2025-07-12",
        "count": 2,
        "by_verb_class": {"statement": 1, "warning": 1},
    }
    assert [b["bucket"] for b in days["buckets"]] == ["2025-01-01", "2025-07-01", "2025-07-12"]  # year, month
    weeks = client.get("/v1/stats/claims?group=week&verb_class=warning").json
    assert [(b["bucket"], b["count"]) for b in weeks["buckets"]] == [("2025-W28", 1), ("2025-W31", 1)]
    assert client.get("/v1/stats/claims?speaker=कोई नहीं").json == {
        "group": "month",
        "total": 0,
        "buckets": [],
    }
