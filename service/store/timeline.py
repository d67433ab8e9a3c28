"""Timeline events, per-bucket claim counts and per-place counts over the shared claim filters."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from service.store import claim_query, day_counts, place_tree, stories
from service.store.claim_filter import (
    ClaimFilter,
    compile_filter,
    from_split,
    place_ids,
    speaker_ids,
    statement,
)
from service.store.claim_rows import ClaimRow, iso
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


def timeline_events(
    f: ClaimFilter, *, group: str, order: str, limit: int, after=None, collapse: bool = False
) -> tuple[list[dict], list | None]:
    """One page of claims in date order grouped into events (claims keep their page order):
    (events ``[{date, granularity, claims}]``, next keyset).

    Each claim is the page's Claim (``claim_rows.claim_json``, inherited verdicts included);
    ``collapse``: a story's claims on the page are one entry, its first (``stories.collapse``).
    """
    page = claim_query.page(f, order=order, limit=limit, after=after)
    pairs = list(zip(page.rows, page.claims, strict=True))
    if collapse:
        kept = {id(c) for c in stories.collapse([c for _, c in pairs])}
        pairs = [(row, c) for row, c in pairs if id(c) in kept]
    events: dict[tuple[str, str], list[dict]] = {}
    for row, claim in pairs:
        key = event_key(row, group)
        claims = events.get(key)
        if claims is None:
            claims = events[key] = []
        claims.append(claim)
    out = [
        {"date": date, "granularity": granularity, "claims": claims}
        for (date, granularity), claims in events.items()
    ]
    return out, page.next_key


def counts_sql(f: ClaimFilter) -> tuple[str, list] | None:
    """(sql, params) counting claims per (day, verb_class) in the claim table; None when nothing
    can match."""
    where = compile_filter(f)
    return None if where is None else _grouped(where)


def _grouped(where) -> tuple[str, list]:
    # No ORDER BY: the covering index already yields groups by date (buckets are sorted below).
    text, params = statement(
        'SELECT "t1"."sort_date", "t1"."verb_class", COUNT("t1"."id") AS "n" FROM "claim" AS "t1"', where
    )
    return text + ' GROUP BY "t1"."sort_date", "t1"."verb_class"', params


# The filters the per-day count table answers (with at most one of speaker and place).
_COUNTED = {"speaker", "place", "verb_class", "from_", "to", "place_gazetteer_id"}


def _grain(f: ClaimFilter, group: str) -> str:
    """The count table's grain for ``group``: its own when ``from``/``to`` fall on bucket edges."""
    if group == "month":
        edges = (f.from_ is None or f.from_.day == 1) and (f.to is None or (f.to + dt.timedelta(1)).day == 1)
    elif group == "week":
        edges = (f.from_ is None or f.from_.weekday() == 0) and (f.to is None or f.to.weekday() == 6)
    else:
        edges = True
    return group if edges else "day"


def _from_day_counts(f: ClaimFilter, group: str) -> list[tuple] | None:
    """(bucket label, verb_class, n) rows from the count table (``day_counts``) and, with
    ``from``, the few claims spanning into it; None when the filter needs the claim table."""
    # Not `in (None, True, "")`: min_confidence=1.0 equals True.
    given = {n for n in ClaimFilter.__slots__ if n != "include_within" and getattr(f, n) not in (None, "")}
    if not given <= _COUNTED or (f.speaker and f.place):
        return None
    dim, ids = day_counts.ALL, set()
    if f.speaker:
        dim, ids = day_counts.SPEAKER, speaker_ids(f.speaker)
    elif f.place:
        dim, ids = day_counts.PLACE, place_ids(f.place, f.place_gazetteer_id)
        if f.include_within and ids and place_tree.encloses_any(ids):
            return None  # a roll-up over enclosed places: the claim table's filter
    if (f.speaker or f.place) and not ids:
        return []
    grain = _grain(f, group)
    first, last = (bucket(d, grain) if d else None for d in (f.from_, f.to))
    rows = day_counts.bucket_counts(dim, ids, grain=grain, first=first, last=last, verb_class=f.verb_class)
    if f.from_:
        where = compile_filter(replace(f, from_=None))
        if where is not None:
            rows += database.execute_sql(*_grouped(from_split(where, f.from_)[1])).fetchall()
    return rows if grain == group and not f.from_ else _fold(rows, group)


def _fold(rows, group: str) -> list[tuple]:
    """Rows per day (date or ISO text; labels of ``group`` pass) as rows per ``group`` bucket."""
    labels: dict = {}
    out = []
    for day, verb_class, n in rows:
        label = labels.get(day)
        if label is None:
            text = day if isinstance(day, str) else day.isoformat()
            label = labels[day] = text if len(text) < 10 else bucket(dt.date.fromisoformat(text), group)
        out.append((label, verb_class, n))
    return out


def claim_counts(f: ClaimFilter, *, group: str) -> tuple[int, list[dict]]:
    """(total, buckets): counts per bucket and per verb_class, oldest bucket first.

    From the count table when the filter allows (a speaker's months: a few hundred rows), else
    per day from the claim table, folded into weeks or months here (portable: no
    strftime/to_char), each distinct day parsed once.
    """
    rows = _from_day_counts(f, group)
    if rows is None:
        query = counts_sql(f)
        rows = [] if query is None else _fold(database.execute_sql(*query), group)
    buckets: dict[str, Counter] = {}
    for label, verb_class, n in rows:
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
