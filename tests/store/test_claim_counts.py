"""The per-bucket count table equals counting the claims, after every kind of write (both databases)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from tests.claim_helpers import make_claim
from tests.factories import article_payload

TEXT = "जिला कलेक्टर अनीता राव ने कहा कि स्कूल सोमवार से खुलेंगे। थाना प्रभारी मनोज वर्मा ने कहा कि आरोपी फरार है।"
DATES = ["2024-12-30", "2025-01-01", "2025-01-05", "2025-01", "2025-W02", "2025", "2024-12-29", None]


def _truth() -> Counter:
    """(dim, entity, grain, bucket, verb_class) → n, counted from the claim table in Python."""
    from service.store import day_counts
    from service.store.models import Claim
    from service.store.timeline import bucket

    out: Counter = Counter()
    for c in Claim.select(Claim.speaker, Claim.place, Claim.sort_date, Claim.verb_class):
        if c.sort_date is None:
            continue
        for dim, entity in (
            (day_counts.ALL, 0),
            (day_counts.SPEAKER, c.speaker_id),
            (day_counts.PLACE, c.place_id),
        ):
            if entity is not None:
                for grain in day_counts.GRAINS:
                    out[(dim, entity, grain, bucket(c.sort_date, grain), c.verb_class)] += 1
    return out


def _table() -> Counter:
    from service.store.db import database

    rows = database.execute_sql(
        "SELECT dim, entity_id, grain, bucket, verb_class, n FROM claim_count WHERE n <> 0"
    )
    return Counter({tuple(r[:5]): r[5] for r in rows})


@pytest.fixture
def made(client):
    return [
        make_claim(client, speaker=("अनीता राव", "मनोज वर्मा")[i % 2], date={"value": v} if v else None,
                   verb_class=("statement", "warning")[i % 3 == 0], **({"place": "इंदौर"} if i % 2 else {}))
        for i, v in enumerate(DATES)
    ]  # fmt: skip


def test_counts_follow_every_write(client, made):
    assert _table() == _truth() and _truth()
    article = client.post("/v1/articles", json=article_payload(text=TEXT)).json
    assert _table() == _truth()
    one, two = made[0]["id"], made[1]["id"]
    for body in (
        {"date": {"value": "2023-05"}},
        {"verb_class": "denial"},
        {"speaker": "नया वक्ता"},
        {"place": "भोपाल"},
    ):
        assert client.patch(f"/v1/claims/{one}", json=body).status_code == 200
        assert _table() == _truth()
    assert client.patch(f"/v1/claims/{two}", json={"date": None}).status_code == 200
    assert _table() == _truth()
    assert client.post(f"/v1/articles/{article['id']}/reprocess").status_code == 200
    assert _table() == _truth()
    keep, dup = made[0]["speaker"]["id"], made[1]["speaker"]["id"]
    assert client.post(f"/v1/entities/{dup}/merge", json={"into": keep}).status_code == 200
    assert _table() == _truth()
    assert client.delete(f"/v1/articles/{article['id']}").status_code in (200, 204)
    assert _table() == _truth()


def test_rebuild_equals_the_triggers(client, made):
    from service.store import day_counts

    kept = _table()
    day_counts.rebuild()
    assert _table() == kept == _truth()


def test_sql_iso_weeks_equal_python_iso_weeks(client):
    from service.store import day_counts
    from service.store.db import database, is_sqlite

    days = [dt.date(2019, 12, 20) + dt.timedelta(days=i) for i in range(0, 2300, 3)]
    expr = day_counts._labels("d", sqlite=is_sqlite())["week"]
    for day in days:
        param = day.isoformat() if is_sqlite() else day
        cast = "?" if is_sqlite() else "CAST(%s AS date)"
        (label,) = database.execute_sql(f"SELECT {expr} FROM (SELECT {cast} AS d) AS t", [param]).fetchone()
        iso = day.isocalendar()
        assert label == f"{iso.year}-W{iso.week:02d}", day


STATS = [
    "group=month", "group=week", "group=day", "group=month&speaker=अनीता राव", "group=week&speaker=मनोज वर्मा",
    "group=month&place=इंदौर", "group=day&verb_class=warning", "group=month&from=2025-01-01&to=2025-01-31",
    "group=month&from=2025-01-03&to=2025-02-10", "group=week&from=2025-01-06&to=2025-01-12",
    "group=week&from=2025-01-02", "group=day&to=2025-01-01&speaker=अनीता राव", "group=month&speaker=कोई नहीं",
    "group=month&speaker=अनीता राव&from=2025-01-02&verb_class=statement",
]  # fmt: skip


@pytest.mark.parametrize("query", STATS)
def test_stats_from_the_count_table_equal_the_claim_table(client, made, query, monkeypatch):
    from service.store import timeline

    fast = client.get(f"/v1/stats/claims?{query}")
    assert fast.status_code == 200, fast.json
    monkeypatch.setattr(timeline, "_from_day_counts", lambda f, group: None)
    assert fast.json == client.get(f"/v1/stats/claims?{query}").json
    if "कोई" not in query and "verb_class" not in query:
        assert fast.json["total"] > 0  # not vacuous
