"""Timeline events, per-bucket claim counts and per-place counts over the shared claim filters."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from service.store import claim_query
from service.store.claim_filter import ClaimFilter, compile_filter, statement
from service.store.claim_rows import ClaimRow, claim_text, dumps, iso
from service.store.db import database

_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def bucket(day: dt.date, group: str) -> str:
    """The bucket label of a day: 2025-07-12, 2025-W28 or 2025-07."""
    if group == "week":
        iso_day = day.isocalendar()
        return f"{iso_day.year}-W{iso_day.week:02d}"
    if group == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def event_key(row: ClaimRow, group: str) -> tuple[str, str]:
    """(date label, granularity) of the event a claim belongs to.

    A claim dated only to a month or a year is placed at that granularity (2025-07, 2025) when
    it is coarser than the grouping, instead of pretending it happened on its first day.
    """
    granularity = row.date_granularity if row.date_value and row.date_granularity in _RANK else "day"
    if _RANK[granularity] > _RANK[group]:
        return row.date_value, granularity
    return bucket(dt.date.fromisoformat(iso(row.sort_date)), group), group


def timeline_text(
    f: ClaimFilter, *, group: str, order: str, limit: int, after=None
) -> tuple[str, list | None]:
    """One page of claims in date order grouped into events (claims keep their page order),
    already encoded: (JSON text of the events list, next keyset).

    Each claim's JSON comes from ``claim_rows.claim_text`` (memoized per row value).
    """
    page = claim_query.page(f, order=order, limit=limit, after=after)
    events: dict[tuple[str, str], list[str]] = {}
    for row in page.rows:
        key = event_key(row, group)
        texts = events.get(key)
        if texts is None:
            texts = events[key] = []
        texts.append(claim_text(row))
    parts = [
        f'{{"date":{dumps(date)},"granularity":{dumps(granularity)},"claims":[{",".join(texts)}]}}'
        for (date, granularity), texts in events.items()
    ]
    return "[" + ",".join(parts) + "]", page.next_key


def counts_sql(f: ClaimFilter) -> tuple[str, list] | None:
    """(sql, params) counting claims per (day, verb_class); None when nothing can match."""
    where = compile_filter(f)
    if where is None:
        return None
    # No ORDER BY: the covering index already yields groups by date (buckets are sorted below).
    text, params = statement(
        'SELECT "t1"."sort_date", "t1"."verb_class", COUNT("t1"."id") AS "n" FROM "claim" AS "t1"', where
    )
    return text + ' GROUP BY "t1"."sort_date", "t1"."verb_class"', params


def claim_counts(f: ClaimFilter, *, group: str) -> tuple[int, list[dict]]:
    """(total, buckets): counts per bucket and per verb_class, oldest bucket first.

    SQL groups by day only (portable: no strftime/to_char), then days fold into weeks or months
    here: a speaker has at most a few thousand distinct days, so the fold is cheap.
    """
    query = counts_sql(f)
    if query is None:
        return 0, []
    buckets: dict[str, Counter] = {}
    days: dict = {}  # raw rows (no per-row date parsing): each distinct day parsed once
    for day, verb_class, n in database.execute_sql(*query):
        label = days.get(day)
        if label is None:
            label = days[day] = bucket(day if isinstance(day, dt.date) else dt.date.fromisoformat(day), group)
        counts = buckets.get(label)
        if counts is None:
            counts = buckets[label] = Counter()
        counts[verb_class] += n
    out = [
        {"bucket": label, "count": sum(counts.values()), "by_verb_class": dict(counts)}
        for label, counts in sorted(buckets.items())
    ]
    return sum(b["count"] for b in out), out


def place_features(f: ClaimFilter) -> list[dict]:
    """Places with coordinates and their claim counts as GeoJSON features, most claims first."""
    where = compile_filter(f)
    if where is None:
        return []
    counts, params = statement(
        'SELECT "t1"."place_id", COUNT("t1"."id") AS "n" FROM "claim" AS "t1"',
        where,
        also=('("t1"."place_id" IS NOT NULL)',),
    )
    text = (
        'SELECT "e"."id", "e"."name", "e"."country", "e"."lat", "e"."lon", "counts"."n" '
        f'FROM "entity" AS "e" JOIN ({counts} GROUP BY "t1"."place_id") AS "counts" '
        'ON ("counts"."place_id" = "e"."id") '
        'WHERE (("e"."lat" IS NOT NULL) AND ("e"."lon" IS NOT NULL)) ORDER BY "counts"."n" DESC, "e"."id"'
    )
    features = []
    for place_id, name, country, lat, lon, n in database.execute_sql(text, params):
        properties = {"id": place_id, "name": name, "country": country, "claim_count": n}
        geometry = {"type": "Point", "coordinates": [lon, lat]}
        features.append({"type": "Feature", "id": place_id, "geometry": geometry, "properties": properties})
    return features
