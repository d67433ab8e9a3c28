"""Timeline events and per-bucket claim counts over the shared claim filters."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from peewee import fn

from service.store import claim_query
from service.store.db import database
from service.store.models import Claim

_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def bucket(day: dt.date, group: str) -> str:
    """The bucket label of a day: 2025-07-12, 2025-W28 or 2025-07."""
    if group == "week":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if group == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def event_key(claim: dict, sort_date: str, group: str) -> tuple[str, str]:
    """(date label, granularity) of the event a claim belongs to.

    A claim dated only to a month or a year is placed at that granularity (2025-07, 2025) when
    it is coarser than the grouping, instead of pretending it happened on its first day.
    """
    date = claim["date"] or {}
    granularity = date.get("granularity") if date.get("granularity") in _RANK else "day"
    if _RANK[granularity] > _RANK[group]:
        return date["value"], granularity
    return bucket(dt.date.fromisoformat(sort_date), group), group


@dataclass(slots=True)
class Timeline:
    events: list[dict]
    next_key: list | None


def timeline(f: claim_query.ClaimFilter, *, group: str, order: str, limit: int, after=None) -> Timeline:
    """One page of claims in date order, grouped into events (claims keep their page order)."""
    page = claim_query.page(f, order=order, limit=limit, after=after)
    events: dict[tuple[str, str], dict] = {}
    for claim, sort_date in zip(page.claims, page.sort_dates, strict=True):
        key = event_key(claim, sort_date, group)
        event = events.get(key)
        if event is None:
            event = events[key] = {"date": key[0], "granularity": key[1], "claims": []}
        event["claims"].append(claim)
    return Timeline(list(events.values()), page.next_key)


def row_event_key(row: tuple, sort_date: str, group: str) -> tuple[str, str]:
    """``event_key`` of a raw claim row (``claim_query.COLUMNS``)."""
    granularity = row[10] if row[9] and row[10] in _RANK else "day"
    if _RANK[granularity] > _RANK[group]:
        return row[9], granularity
    return bucket(dt.date.fromisoformat(sort_date), group), group


def timeline_text(f: claim_query.ClaimFilter, *, group: str, order: str, limit: int, after=None):
    """``timeline`` already encoded: (JSON text of the events list, next keyset).

    Each claim's JSON comes from ``claim_query.claim_text`` (memoized per row value); the text
    equals what encoding ``timeline(...).events`` gives.
    """
    page = claim_query.page(f, order=order, limit=limit, after=after, raw=True)
    events: dict[tuple[str, str], list[str]] = {}
    for row, sort_date in zip(page.rows, page.sort_dates, strict=True):
        key = row_event_key(row, sort_date, group)
        texts = events.get(key)
        if texts is None:
            texts = events[key] = []
        texts.append(claim_query.claim_text(row))
    dumps = claim_query.dumps
    parts = [
        f'{{"date":{dumps(date)},"granularity":{dumps(granularity)},"claims":[{",".join(texts)}]}}'
        for (date, granularity), texts in events.items()
    ]
    return "[" + ",".join(parts) + "]", page.next_key


def claim_counts(f: claim_query.ClaimFilter, *, group: str) -> tuple[int, list[dict]]:
    """(total, buckets): counts per bucket and per verb_class, oldest bucket first.

    SQL groups by day only (portable: no strftime/to_char), then days fold into weeks or months
    here: a speaker has at most a few thousand distinct days, so the fold is cheap.
    """
    conds = claim_query.conditions(f)
    if conds is None:
        return 0, []
    query = Claim.select(Claim.sort_date, Claim.verb_class, fn.COUNT(Claim.id).alias("n"))
    if conds:
        query = query.where(*conds)
    # No ORDER BY: the covering index already yields groups by date (buckets are sorted below).
    query = query.group_by(Claim.sort_date, Claim.verb_class)
    buckets: dict[str, Counter] = {}
    days: dict = {}  # raw rows (no per-row date parsing): each distinct day parsed once
    for day, verb_class, n in database.execute_sql(*query.sql()):
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
