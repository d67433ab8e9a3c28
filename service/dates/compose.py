"""Combinators: adjacent resolved pieces joined by a connector become one expression — anchor +
offset, ordinal/day/part of a period, a weekday with its day, a range — so that a new
combination of atoms needs no new code path."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from service.dates import calendar as cal
from service.dates.context import Ctx, Piece
from service.dates.events import festival_day
from service.dates.periods import day_of_month, nth_weekday, of_year, season_near

_OF = re.compile(r"\s*(?:का|की|के)\s+$")
_FROM = re.compile(r"\s*(?:से|के)\s+(?:ठीक\s+|पूरे\s+|करीब\s+)?$")
_RANGE_DASH = re.compile(r"\s*[-–—]\s*$")
_RANGE_FROM = re.compile(r"\s*से\s+$")
_RANGE_END = re.compile(r"\s*(?:तक|के\s+बीच|के\s+दौरान|के\s+मध्य)")
_RANGE_TAIL = re.compile(r"\s*के\s+(?:बीच|दौरान|मध्य)(?![\u0900-\u097fa-z0-9])")  # part of the range's extent
_SET_GAP = re.compile(r"\s*(?:(?:का|की|के)\s+|और\s+|व\s+)?$")
_WEEKDAY_GAP = re.compile(r"\s*,?\s*(?:को\s+)?$")
_PART = re.compile(
    r"\s*(?:का|की|के)\s+(?P<w>आखिरी\s+दिनों|आखिर|अंत|अंतिम\s+दिनों|शुरुआती\s+दिनों|शुरुआत|शुरू|प्रारंभ|मध्य|बीच)"
    r"(?![\u0900-\u097fa-z0-9])"
)
_PERIODS = ("week", "month", "quarter", "half", "year", "fiscal_year", "season", "decade", "century")
_POINTS = ("day", "week", "weekend", "month", "quarter", "half", "year", "fiscal_year", "season", "decade")


def _of_period(p: Piece, q: Piece, ctx: Ctx) -> cal.Value | None:
    """ "अगले महीने का पहला शुक्रवार", "2031 का दसवां सप्ताह", "इस महीने की 12 तारीख",
    "अगले साल की दूसरी तिमाही", "2027 की दिवाली", "2010 की सर्दियों": q re-resolved inside p."""
    base = p.value
    if base.granularity not in _PERIODS:
        return None
    y = base.date_from.year
    if q.kind == "ord_wd":
        return nth_weekday(base, q.parts["weekday"], q.parts["ord"])
    if q.kind == "ord_unit":  # news: "जनवरी के दूसरे सप्ताह" stays the month January
        return _ordinal_unit(base, q.parts["unit"], q.parts["ord"]) if ctx.style.periods else None
    if q.kind == "ord_range":
        a, b = q.parts["ords"]
        first, last = _ordinal_unit(base, q.parts["unit"], a), _ordinal_unit(base, q.parts["unit"], b)
        return cal.span(first, last) if first and last else None
    if q.kind == "tarikh" and base.granularity == "month":
        return day_of_month(base, q.parts["dom"], q.parts.get("dom2"))
    if base.granularity != "year":
        return None
    if q.kind == "holiday":
        d = festival_day(q.parts["festival"], y)
        return cal.day(d) if d else None
    if q.kind == "season":
        return cal.season(y, q.parts["code"])
    if q.kind == "month" and "mon" in q.parts:
        return cal.month(y, q.parts["mon"])
    return None


def _ordinal_unit(base: cal.Value, unit: str, n: int) -> cal.Value | None:
    first, last = base.date_from, base.date_to
    if unit == "day":  # "साल का आखिरी दिन", "महीने का पहला दिन"
        d = last if n == -1 else first + dt.timedelta(days=n - 1)
        return cal.day(d) if first <= d <= last else None
    if base.granularity == "year":
        return of_year(first.year, unit, n)
    if base.granularity == "fiscal_year":  # "वित्त वर्ष की दूसरी तिमाही": July–September
        size = {"quarter": 3, "half": 6, "month": 1}.get(unit)
        count = 12 // size if size else 0
        if not size or not (1 <= n <= count or n == -1):
            return None
        y, mon = cal.add_months(first, size * ((count if n == -1 else n) - 1))
        if unit == "month":
            return cal.month(y, mon)
        return (cal.quarter if unit == "quarter" else cal.half)(y, (mon - 1) // size + 1)
    if unit == "decade" and base.granularity == "century":  # "20वीं सदी का आखिरी दशक"
        k = 9 if n == -1 else n - 1
        return cal.decade(first.year - first.year % 100 + 10 * k) if 0 <= k <= 9 else None
    if unit == "fortnight" and base.granularity == "month":  # "जनवरी का पहला पखवाड़ा": 1–15
        if n not in (1, 2, -1):
            return None
        mid = first + dt.timedelta(days=14)
        a, b = (first, mid) if n == 1 else (mid + dt.timedelta(days=1), last)
        return cal.with_interval(base, a, b)
    if unit == "week":  # "अगस्त का आखिरी सप्ताह": its last (first, n-th) seven days
        start = last - dt.timedelta(days=6) if n == -1 else first + dt.timedelta(days=7 * (n - 1))
        if not first <= start <= last:
            return None
        end = min(start + dt.timedelta(days=6), last)
        return cal.with_interval(cal.week(end if n == -1 else start), start, end)
    return None


def _part_of(base: cal.Value, word: str) -> cal.Value:
    """ "महीने के आखिर में" → days 21..end; "शुरुआत" → 1..10; "मध्य/बीच" → 11..20; scaled for years.
    The value stays the period's (TIMEX3 marks a part with a modifier, not a new value); only
    the interval narrows. A week's end is its weekend, which TIMEX3 does name."""
    first, last = base.date_from, base.date_to
    kind = "start" if word.startswith(("शुरु", "प्रारंभ")) else "mid" if word in ("मध्य", "बीच") else "end"
    if base.granularity == "week" and kind == "end":
        return cal.weekend(first)
    length = (last - first).days + 1
    if base.granularity == "month":
        cuts = {"start": (0, 9), "mid": (10, 19), "end": (20, length - 1)}
    elif base.granularity == "year":  # thirds by months: Jan–Apr, May–Aug, Sep–Dec
        y = first.year
        may, sep = (dt.date(y, 5, 1) - first).days, (dt.date(y, 9, 1) - first).days
        cuts = {"start": (0, may - 1), "mid": (may, sep - 1), "end": (sep, length - 1)}
    else:
        third = length // 3
        cuts = {"start": (0, third - 1), "mid": (third, 2 * third - 1), "end": (2 * third, length - 1)}
    a, b = cuts[kind]
    return cal.with_interval(base, first + dt.timedelta(days=a), first + dt.timedelta(days=b))


def _offset(p: Piece, q: Piece, ctx: Ctx) -> cal.Value | None:
    """ "परसों से दो हफ्ते बाद", "अगले सोमवार के तीन दिन बाद", "होली के अगले दिन": q's offset from p."""
    if p.value.granularity not in _POINTS or p.value.date_from is None:
        return None
    if q.kind == "anaphor" and "step" in q.parts and p.value.granularity == "day":
        return cal.day(p.value.date_from + dt.timedelta(days=q.parts["step"]))
    if q.kind != "rel_unit":
        return None
    n, unit, sign = q.parts["n"], q.parts["unit"], q.parts["sign"]
    if ctx.style.offsets_as_days:
        return cal.day_shift(p.value.date_from, unit, sign * n)
    return cal.shift_from(p.value, unit, sign * n)


def _weekday_day(p: Piece, q: Piece, ctx: Ctx) -> cal.Value | None:
    """ "मंगलवार अट्ठाईस तारीख": the 28th nearest the anchor that falls on a Tuesday."""
    if p.kind != "wd" or q.kind != "tarikh":
        return None
    wd, dom, anchor = p.parts["weekday"], q.parts["dom"], ctx.anchor
    for step in (0, 1, -1, 2, -2):
        y, mon = cal.add_months(anchor, step)
        d = cal.safe_date(y, mon, dom)
        if d is not None and d.weekday() == wd:
            return cal.day(d)
    return q.value


def _range(p: Piece, q: Piece, ctx: Ctx, gap: str, after: str) -> cal.Value | None:
    """ "5 जून से 9 जून के बीच", "अप्रैल-मई": one expression "A/B" over both intervals."""
    if not ctx.style.ranges or p.value.date_from is None or q.value.date_from is None:
        return None
    if not (_RANGE_DASH.fullmatch(gap) or (_RANGE_FROM.fullmatch(gap) and _RANGE_END.match(after))):
        return None
    a, b = p.value, q.value
    if a.granularity != b.granularity or a.granularity not in _POINTS:
        return None
    if a.granularity == "month" and p.kind == "month" and not p.parts.get("year_given") and q.kind == "my":
        mon = p.parts["mon"]  # "मई-जून 2024": the year written last holds for both
        a = cal.month(b.date_from.year - (mon > q.parts["mon"]), mon)
    elif a.granularity == "month" and "mon" in q.parts and q.kind == "month":  # "इस साल अप्रैल-मई"
        mon = q.parts["mon"]
        b = cal.month(a.date_from.year + (mon < a.date_from.month), mon)
    if a.granularity == "day" and q.kind == "wd" and "weekday" in q.parts:  # "अगले सोमवार से शुक्रवार"
        b = cal.day(a.date_from + dt.timedelta(days=(q.parts["weekday"] - a.date_from.weekday()) % 7))
    if b.date_to < a.date_from:
        return None
    return cal.span(a, b)


def _year_day(p: Piece, q: Piece, ctx: Ctx) -> cal.Value | None:
    """ "पिछले साल 26 मई", "2019 की 5 मार्च", "अगले साल होली": a yearless day or festival
    inside the year before it."""
    if p.value.granularity != "year":
        return None
    if q.kind == "holiday" and "festival" in q.parts:
        d = festival_day(q.parts["festival"], p.value.date_from.year)
        return cal.day(d) if d else None
    if q.kind != "dmy" or "dom" not in q.parts:
        return None
    d = cal.safe_date(p.value.date_from.year, q.parts["mon"], q.parts["dom"])
    return cal.day(d) if d else None


_YEAR_DAY_GAP = re.compile(r"\s*(?:,\s*|(?:की|के|में)\s+)?")
_AROUND = re.compile(r"\s*(?:से|के)\s+(?P<dir>पहले|बाद)\s+(?:वाले|वाला|वाली|आने\s+वाले)?\s*")


def _weekday_around(p: Piece, q: Piece, ctx: Ctx) -> cal.Value | None:
    """ "दिवाली से पहले वाले रविवार", "15 अगस्त के बाद वाले सोमवार": that weekday strictly
    before (after) the day."""
    if q.kind != "wd" or "weekday" not in q.parts or p.value.granularity != "day":
        return None
    after = _AROUND.fullmatch(ctx.text[p.end : q.start])["dir"] == "बाद"
    wd = q.parts["weekday"]
    if after:
        return cal.day(cal.weekday_near(wd, p.value.date_to + dt.timedelta(days=1), cal.FUTURE))
    return cal.day(cal.weekday_near(wd, p.value.date_from - dt.timedelta(days=1), cal.PAST))


_PAIRS: list[tuple[str, re.Pattern, Callable]] = [
    ("year_day", _YEAR_DAY_GAP, _year_day),
    ("weekday_around", _AROUND, _weekday_around),
    ("of_period", _OF, _of_period),
    ("offset", _FROM, _offset),
    ("weekday_day", _WEEKDAY_GAP, _weekday_day),
]


def push(out: list[Piece], q: Piece, ctx: Ctx) -> None:
    """Append ``q``, merging it with the pieces before it while a combinator applies."""
    while out:
        p = out[-1]
        joined = _join(p, q, ctx.text[p.end : q.start], ctx)
        if joined is None:
            break
        out.pop()
        rule, value = joined
        q = Piece(p.start, q.end, value, q.kind if value is q.value else rule, (), dict(q.parts))
    out.append(q)


_DEICTIC_WEEKDAY_GAP = re.compile(r"\s*[(,]?\s*")


def _agree_deictic_weekday(p: Piece, q: Piece, ctx: Ctx) -> None:
    """ "कल (सोमवार)", "कल सोमवार को": the weekday decides whether कल is yesterday or tomorrow
    when the clause has no tense cue; both pieces then name the same day."""
    step = p.parts.get("step")
    if p.parts.get("tense_given"):
        return
    if p.kind != "deictic" or not step or q.kind != "wd" or "weekday" not in q.parts:
        return
    if not _DEICTIC_WEEKDAY_GAP.fullmatch(ctx.text[p.end : q.start]):
        return
    wd = q.parts["weekday"]
    for d in (p.value.date_from, ctx.anchor + dt.timedelta(days=step), ctx.anchor - dt.timedelta(days=step)):
        if d.weekday() == wd:
            p.value = q.value = cal.day(d)
            return


def finish(out: list[Piece], ctx: Ctx) -> list[Piece]:
    """Parts of periods ("महीने के आखिर में"), range tails ("के बीच"), a कल that its weekday
    contradicts; weak pieces dropped."""
    for p, q in zip(out, out[1:], strict=False):
        _agree_deictic_weekday(p, q, ctx)
    for p in out:
        part = _PART.match(ctx.text, p.end)
        if part and ctx.style.periods and p.value.granularity in _PERIODS:
            p.value, p.end, p.weak = _part_of(p.value, part["w"]), part.end(), False
        tail = _RANGE_TAIL.match(ctx.text, p.end)
        if tail and ctx.style.ranges and "/" in p.value.value:
            p.end = tail.end()
    return [p for p in out if not p.weak]


def combine(pieces: list[Piece], ctx: Ctx) -> list[Piece]:
    out: list[Piece] = []
    for q in pieces:
        push(out, q, ctx)
    return finish(out, ctx)


def _join(p: Piece, q: Piece, gap: str, ctx: Ctx) -> tuple[str, cal.Value] | None:
    """(combinator name, value) of the first combinator that joins ``p`` and ``q``."""
    if len(gap) > 24 or "\n" in gap:
        return None
    if p.value.value == "SET":  # "हर साल 26 जनवरी", "हर महीने के दूसरे शनिवार": one recurrence
        ok = _SET_GAP.fullmatch(gap) and q.value.granularity != "vague"
        return ("recurrence_of", p.value) if ok else None
    for name, connector, join in _PAIRS:
        if connector.fullmatch(gap) and (value := join(p, q, ctx)) is not None:
            return name, value
    value = _range(p, q, ctx, gap, ctx.text[q.end : q.end + 12])
    return ("range_of", value) if value is not None else None


__all__ = ["combine", "finish", "push", "season_near"]
