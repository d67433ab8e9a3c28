"""Spans counted from the anchor: windows ("अगले तीन दिनों", "10 दिन के अंदर"), fractional
offsets ("डेढ़ महीने बाद", "ढाई साल पहले"), year-less numeric days ("15/08") and "वीक 35"."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from service.dates import calendar as cal
from service.dates.atoms import piece
from service.dates.context import Ctx
from service.dates.lexicon import NUMWORD_RE, PERIOD_PREFIX, S1, UNIT_RE, UNITS, B, E, S, alt, number_value
from service.dates.tense import FUTURE, explicit_tense
from service.dates.words import NUMBER_WORDS
from service.text.hindi import fold

_NUM = f"(?:\\d{{1,3}}|{NUMWORD_RE})"
_WINDOW_PRE = [p for p, step in PERIOD_PREFIX.items() if step != 0] + ["विगत"]
# Fractions as Hindi counts them: डेढ़ 1½, ढाई 2½, सवा N = N¼, साढ़े N = N½, पौने N = N−¼.
_FRACTION_WORDS = {fold("डेढ़"): 1.5, "डेढ": 1.5, "ढाई": 2.5, "अढ़ाई": 2.5, "अढाई": 2.5}
_FRACTION_OF = {"सवा": 0.25, fold("साढ़े"): 0.5, "साढे": 0.5, "पौने": -0.25}
_YEARLESS_END = f"(?={S}(?:को|से|तक|के|की|का|वाले|,|।|\\)|\\?|$))"

PATTERNS = [
    ("window", f"{B}(?P<wn_pre>{alt(_WINDOW_PRE)}){S1}(?P<wn_n>{_NUM}){S1}(?P<wn_u>{UNIT_RE}){E}"),
    ("within", f"{B}(?P<wi_n>{_NUM}){S1}(?P<wi_u>{UNIT_RE}){S1}(?:के{S1})?(?:अंदर|अन्दर|भीतर){E}"),
    ("fraction", f"{B}(?:(?P<fr_w>{alt(_FRACTION_WORDS)})|(?P<fr_of>{alt(_FRACTION_OF)})(?:{S1}(?P<fr_n>{_NUM}))?)"
     f"{S1}(?P<fr_u>{UNIT_RE}){S1}(?P<fr_dir>पहले|बाद|पूर्व|पश्चात){E}"),
    # "3/4 से जीता" is a score
    ("day_slash", f"(?<![\\d./:-])(?P<ds_d>[0-3]?\\d)/(?P<ds_m>[01]?\\d)(?![\\d./:-]){_YEARLESS_END}"
     f"(?!{S}से{S1}(?:जीत|हार|हरा|आगे|पीछे|बढ))"),
    ("loan_week", f"{B}(?:वीक|week){S1}(?:नंबर{S1}|no\\.?{S})?(?P<lw_n>\\d{{1,2}}){E}"),
]  # fmt: skip
STARTS = {
    "window": sorted({w.split()[0] for w in _WINDOW_PRE}),
    "within": list(NUMBER_WORDS),
    "fraction": [*_FRACTION_WORDS, *_FRACTION_OF],
    "loan_week": ["वीक", "week"],
}
DIGIT_STARTS = ("within", "day_slash")


def _span(first: dt.date, last: dt.date) -> cal.Value:
    return cal.span(cal.day(first), cal.day(last))


def window(m: re.Match, ctx: Ctx):
    """ "अगले तीन दिनों": the three days after the anchor; "पिछले दो महीनों": the two months
    before the anchor's month — the whole units next to the anchor, as a range."""
    if not ctx.style.periods:
        return None  # the news guide counts no durations
    n, unit = number_value(m["wn_n"]), UNITS[m["wn_u"]][0]
    step = PERIOD_PREFIX.get(m["wn_pre"], -1)
    if not 2 <= n <= 100 or unit not in ("day", "week", "month", "year"):
        return None
    near, far = (1, n) if step > 0 else (-n, -1)
    a, b = cal.shift(ctx.anchor, unit, near), cal.shift(ctx.anchor, unit, far)
    return piece(m, cal.span(a, b), n=n, unit=unit)


def within(m: re.Match, ctx: Ctx):
    """ "10 दिन के अंदर", "एक हफ्ते के भीतर": from the anchor to the day the count ends."""
    if not ctx.style.periods:
        return None
    n, unit = number_value(m["wi_n"]), UNITS[m["wi_u"]][0]
    if not 1 <= n <= 100 or unit not in ("day", "week", "month", "year"):
        return None
    return piece(m, _span(ctx.anchor, cal.day_shift(ctx.anchor, unit, n).date_from), n=n, unit=unit)


def fraction_count(m: re.Match) -> float | None:
    if m["fr_w"]:
        return _FRACTION_WORDS[m["fr_w"]]
    whole = number_value(m["fr_n"]) if m["fr_n"] else 1
    return whole + _FRACTION_OF[m["fr_of"]] if whole >= 1 else None


def fraction(m: re.Match, ctx: Ctx):
    """ "डेढ़ महीने बाद" → a day (1 month + 15 days); "ढाई साल पहले" → a month (30 months)."""
    q, unit = fraction_count(m), UNITS[m["fr_u"]][0]
    if q is None or unit == "day":
        return None  # "डेढ़ दिन" is a span of hours, not a calendar day
    sign = 1 if m["fr_dir"] in ("बाद", "पश्चात") else -1
    if sign > 0 and not ctx.style.requests and explicit_tense(ctx.text, m.end()) != FUTURE:
        return None  # news: "डेढ़ साल बाद फिर उड़ानें शुरू कर रही है" is a gap, not a date
    if unit == "week":
        d = ctx.anchor + dt.timedelta(days=sign * round(q * 7))
        return piece(m, cal.day(d) if ctx.style.offsets_as_days else cal.week(d))
    months = q * (12 if unit == "year" else 1)
    whole = int(months)
    y, mon = cal.add_months(ctx.anchor, sign * whole)
    d = dt.date(y, mon, min(ctx.anchor.day, calendar.monthrange(y, mon)[1]))
    d += dt.timedelta(days=sign * round((months - whole) * 30))
    if unit == "year":  # a year and a half is known to the month, not the day
        return piece(m, cal.month(d.year, d.month) if ctx.style.periods else cal.year(d.year))
    return piece(m, cal.day(d) if ctx.style.offsets_as_days else cal.month(d.year, d.month))


def day_slash(m: re.Match, ctx: Ctx):
    """ "15/08 को": day/month in the Indian order, the year from the anchor and the tense."""
    if not ctx.style.periods:
        return None  # news: "3/4" is a score or a fraction as often as a date
    dom, mon = int(m["ds_d"]), int(m["ds_m"])
    if not (1 <= mon <= 12 and 1 <= dom <= calendar.monthrange(2024, mon)[1]):
        return None
    d = cal.infer_year(mon, dom, ctx.anchor, ctx.tense(m.end()))
    return piece(m, cal.day(d)) if d else None


def loan_week(m: re.Match, ctx: Ctx):
    """ "वीक 35": ISO week 35 of the anchor's year."""
    n, y = int(m["lw_n"]), ctx.anchor.year
    if not 1 <= n <= dt.date(y, 12, 28).isocalendar().week:
        return None
    return piece(m, cal.week(dt.date.fromisocalendar(y, n, 1)))


RESOLVERS = {
    "window": window,
    "within": within,
    "fraction": fraction,
    "day_slash": day_slash,
    "loan_week": loan_week,
}
