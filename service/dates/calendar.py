"""Calendar arithmetic for resolved dates: TIMEX3 values with intervals, year inference, weekdays."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import warnings
from typing import NamedTuple

PAST, FUTURE = "past", "future"


class Value(NamedTuple):
    """A TIMEX3 value with its granularity and closed interval."""

    value: str
    granularity: str
    date_from: dt.date | None
    date_to: dt.date | None


def day(d: dt.date) -> Value:
    return Value(d.isoformat(), "day", d, d)


def week(d: dt.date) -> Value:
    iso = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return Value(f"{iso.year}-W{iso.week:02d}", "week", monday, monday + dt.timedelta(days=6))


def month(year: int, mon: int) -> Value:
    last = calendar.monthrange(year, mon)[1]
    return Value(f"{year:04d}-{mon:02d}", "month", dt.date(year, mon, 1), dt.date(year, mon, last))


def year(y: int) -> Value:
    return Value(f"{y:04d}", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))


def quarter(y: int, q: int) -> Value:
    first = dt.date(y, 3 * q - 2, 1)
    return Value(f"{y:04d}-Q{q}", "quarter", first, month(y, 3 * q).date_to)


def half(y: int, h: int) -> Value:
    return Value(f"{y:04d}-H{h}", "half", dt.date(y, 6 * h - 5, 1), month(y, 6 * h).date_to)


def weekend(d: dt.date) -> Value:
    """Saturday and Sunday of ``d``'s ISO week."""
    saturday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    return Value(week(d).value + "-WE", "weekend", saturday, saturday + dt.timedelta(days=1))


def decade(first_year: int) -> Value:
    first_year -= first_year % 10
    return Value(f"{first_year // 10}", "decade", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31))


def century(ordinal: int) -> Value:
    """The ``ordinal``-th century (इक्कीसवीं सदी = 21 → value "20", 2000..2099)."""
    c = ordinal - 1
    return Value(f"{c:02d}", "century", dt.date(max(1, c * 100), 1, 1), dt.date(c * 100 + 99, 12, 31))


_SEASON_START = {"WI": 12, "SP": 3, "SU": 6, "FA": 9}


def season(y: int, code: str) -> Value:
    """A meteorological season; winter ``y`` runs from December ``y`` into February ``y+1``."""
    if code == "MO":  # the monsoon: June to September
        return Value(f"{y:04d}-06/{y:04d}-09", "season", dt.date(y, 6, 1), dt.date(y, 9, 30))
    first = dt.date(y, _SEASON_START[code], 1)
    last_y, last_m = add_months(first, 2)
    return Value(f"{y:04d}-{code}", "season", first, month(last_y, last_m).date_to)


def season_of(d: dt.date) -> tuple[int, str]:
    """(season year, code) of the season ``d`` falls in."""
    code = next(c for c, m in _SEASON_START.items() if (d.month - m) % 12 < 3)
    return (d.year - 1 if d.month < 3 else d.year), code


def fiscal_year(y: int) -> Value:
    """Indian fiscal year ``y``-``y+1``: 1 April to 31 March."""
    # TIMEX3 has no fiscal-year token: the value is the month range it covers
    return Value(f"{y:04d}-04/{y + 1:04d}-03", "fiscal_year", dt.date(y, 4, 1), dt.date(y + 1, 3, 31))


def fiscal_year_of(d: dt.date) -> Value:
    return fiscal_year(d.year if d.month >= 4 else d.year - 1)


def span(first: Value, last: Value) -> Value:
    """A range "A से B": value ``A/B`` at each end's own granularity, interval over both."""
    return Value(f"{first.value}/{last.value}", "range", first.date_from, last.date_to)


def with_interval(v: Value, first: dt.date, last: dt.date) -> Value:
    """The same value narrowed to a part of its period ("महीने के आखिर में")."""
    return Value(v.value, v.granularity, first, last)


def recurrence() -> Value:
    return Value("SET", "set", None, None)


def vague(ref: str, anchor: dt.date) -> Value:
    """PAST_REF is open before the anchor, FUTURE_REF open after it, PRESENT_REF is the anchor day."""
    if ref == "PAST_REF":
        return Value(ref, "vague", None, anchor)
    if ref == "FUTURE_REF":
        return Value(ref, "vague", anchor, None)
    return Value(ref, "vague", anchor, anchor)


def add_months(d: dt.date, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months away from ``d``."""
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def infer_year(mon: int, dom: int, anchor: dt.date, tense: str) -> dt.date | None:
    """The day-month occurrence nearest the anchor, with the clause tense as a soft preference.

    A hard rule ("past clause → not after the anchor") misreads "13 मार्च तक बंद कर दिया गया"
    written on 10 March; weighting the wrong side keeps nearby dates on the right year while a
    28 December seen on 2 January still lands in the previous year.
    """
    best, best_cost = None, None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = safe_date(y, mon, dom)
        if d is None:
            continue
        delta = (d - anchor).days
        wrong_side = (tense == PAST and delta > 0) or (tense == FUTURE and delta < 0)
        cost = abs(delta) * (4 if wrong_side else 1)
        if best_cost is None or cost < best_cost:
            best, best_cost = d, cost
    return best


def weekday_near(weekday: int, anchor: dt.date, tense: str) -> dt.date:
    """Past: latest such weekday on or before the anchor; future: the next on or after it."""
    if tense == FUTURE:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def shift(anchor: dt.date, unit: str, n: int) -> Value:
    """The period ``n`` units of ``unit`` (day|week|month|year) away from the anchor."""
    if unit == "day":
        return day(anchor + dt.timedelta(days=n))
    if unit == "week":
        return week(anchor + dt.timedelta(weeks=n))
    if unit == "month":
        return month(*add_months(anchor, n))
    if unit == "quarter":
        y, m = add_months(anchor, 3 * n)
        return quarter(y, (m - 1) // 3 + 1)
    if unit == "half":
        y, m = add_months(anchor, 6 * n)
        return half(y, (m - 1) // 6 + 1)
    if unit == "weekend":
        return weekend(anchor + dt.timedelta(weeks=n))
    if unit == "fiscal_year":
        return fiscal_year(fiscal_year_of(anchor).date_from.year + n)
    if unit == "decade":
        return decade(anchor.year + 10 * n)
    return year(anchor.year + n)


def day_shift(anchor: dt.date, unit: str, n: int) -> Value:
    """The day ``n`` units from ``anchor`` ("दो महीने बाद" → a day, clamped to month end)."""
    if unit in ("day", "week"):
        return day(anchor + dt.timedelta(days=n * (7 if unit == "week" else 1)))
    months = n * (12 if unit == "year" else 1)
    y, m = add_months(anchor, months)
    return day(dt.date(y, m, min(anchor.day, calendar.monthrange(y, m)[1])))


_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


def shift_from(base: Value, unit: str, n: int) -> Value:
    """``n`` units after (or before) a resolved period, no finer than that period."""
    moved = shift(base.date_from, unit, n)
    coarse = max(base.granularity, unit, key=_ORDER.__getitem__)
    if coarse == moved.granularity:
        return moved
    d = moved.date_from
    return {"week": week, "month": lambda x: month(x.year, x.month), "year": lambda x: year(x.year)}[coarse](
        d
    )


def date_range(first: dt.date, last: dt.date) -> Value:
    """A span of days: the start day's value with the whole interval."""
    return Value(first.isoformat(), "day", first, last)


# dateparser is only asked about Latin-script expressions ("12th July 2025", "July 12, 2025"),
# where its English grammar is reliable; the parser is built once, results cached.
@functools.cache
def _parser():
    from dateparser.date import DateDataParser

    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]}
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=4096)
def parse_latin(expr: str, anchor: dt.date, tense: str) -> dt.date | None:
    """A day parsed by dateparser; year from the text or inferred from the anchor and tense."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = _parser().get_date_data(expr)
    if data is None or data.date_obj is None:
        return None
    got = data.date_obj.date()
    if any(ch.isdigit() for ch in expr) and str(got.year) in expr:
        return got
    return infer_year(got.month, got.day, anchor, tense)
