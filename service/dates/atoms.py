"""Absolute date atoms: numeric dates, day + month (+ year), day ranges, month alone, years."""

from __future__ import annotations

import datetime as dt
import re

from service.dates import calendar as cal
from service.dates.context import Ctx, Piece
from service.dates.lexicon import DAY_RE, MONTH_RE, PERIOD_PREFIX, month_number, number_value, weekday_number
from service.dates.tense import FUTURE, PAST, explicit_tense
from service.dates.yearctx import plausible_year

_INNER_DMY = re.compile(
    f"(?P<d>{DAY_RE})\\s*-?\\s*(?P<m>{MONTH_RE})\\.?(?:\\s*,?\\s*(?P<y>(?:19|20)\\d\\d(?!\\d)))?"
)
_INNER_NUM = re.compile(r"(?P<a>\d{1,4})[./-](?P<b>\d{1,2})[./-](?P<c>\d{1,4})")
_IDIOM = re.compile(r"दो जून की रोटी|\S+ मार्च (?:निकाल|में)")
_LATIN_MONTH = re.compile(r"[a-z]")
# "<day> तक … स्थगित/निलंबित/बढ़ा …" in the same clause: a deadline ahead, whatever the tense.
_UNTIL_LATER = re.compile(
    r"\s*तक\s+(?:[^।?!\n]{0,60}?\s)?(?:स्थगित|निलंबित|टाल|टला|टली|टले|बढ़ा|बढा|बढ़ाया|बढाया|बढ़ाई|बढाई"
    r"|रद्द|रद|लागू|प्रभावी|बंद\s+रह)"
)
PREFIX_TENSE = {"आगामी": FUTURE, "अगले": FUTURE, "आने वाले": FUTURE, "बीते": PAST, "पिछले": PAST, "गत": PAST}
_DASH_MONTH = re.compile(r"\s*[-–]")
_MARCH_BEFORE = re.compile(r"(?:कैंडल|केंडल|पैदल|फ्लैग|लांग|लोंग|शांति|मौन|आक्रोश|विरोध|न्याय|तिरंगा|मशाल|रोड|पथ)\s*$")


def piece(m: re.Match, value, warns=(), group=0, **parts) -> Piece | None:
    if value is None:
        return None
    return Piece(m.start(group), m.end(group), value, m.lastgroup, tuple(warns), parts)


def numeric_date(expr: str) -> dt.date | None:
    m = _INNER_NUM.search(expr)
    if not m:
        return None
    a, b, c = (int(x) for x in m.groups())
    # Indian order DD/MM/YYYY (or DD/MM/YY); a leading 4-digit group is ISO YYYY-MM-DD.
    if a > 31:
        return cal.safe_date(a, b, c)
    return cal.safe_date(c + 2000 if c < 100 else c, b, a)


def day_month(
    d_word: str, m_word: str, y_word: str | None, anchor: dt.date, tense: str
) -> tuple[cal.Value | None, tuple[str, ...]]:
    """Value for day + month (+ year); an impossible day falls back to the month with a warning."""
    dom, mon = number_value(d_word), month_number(m_word)
    if not 1 <= dom <= 31:
        return None, ()
    if _LATIN_MONTH.search(m_word):
        got = cal.parse_latin(f"{dom} {m_word} {y_word or ''}".strip(), anchor, tense)
        if got:
            return cal.day(got), ()
    y = int(y_word) if y_word else cal.infer_year(mon, min(dom, 28), anchor, tense).year
    d = cal.safe_date(y, mon, dom)
    if d is None:
        return cal.month(y, mon), ("invalid_day",)
    return cal.day(d), ()


def weekday_with_date(m: re.Match, ctx: Ctx):
    g = m.groupdict()  # the part's own groups only: subset patterns lack the others
    inner = g.get("wd_in") or g.get("wd_in2") or g.get("wd_in3") or g.get("dw_in")
    wd = weekday_number(g.get("wd_w") or g.get("dw_w"))
    if (got := numeric_date(inner)) is not None:
        value, warns = cal.day(got), ()
    else:
        im = _INNER_DMY.search(inner)
        if im is None:
            return None
        value, warns = day_month(im["d"], im["m"], im["y"], ctx.anchor, ctx.tense(m.end()))
    if value is not None and value.granularity == "day" and value.date_from.weekday() != wd:
        warns = (*warns, "weekday_mismatch")
    return piece(m, value, warns)


def numeric(m: re.Match, ctx: Ctx):
    got = numeric_date(m.group())
    return piece(m, cal.day(got)) if got else None


def day_range(m: re.Match, ctx: Ctx):
    """ "11 से 13 जुलाई", "4 और 5 जून": news tags the last day ("13 जुलाई"), general gives "A/B"."""
    first, _ = day_month(m["rg_d1"], m["rg_m"], m["rg_y"], ctx.anchor, ctx.tense(m.end()))
    d1, d2 = number_value(m["rg_d1"]), number_value(m["rg_d2"])
    if first is None or first.granularity != "day" or not d1 < d2 <= 31:
        return None
    last_day = cal.safe_date(first.date_from.year, first.date_from.month, d2)
    if last_day is None:
        return None
    if ctx.style.ranges:
        return piece(m, cal.span(first, cal.day(last_day)))
    # news annotates the full expression only: "17 से 31 मार्च" is "31 मार्च" (the guide's rule)
    return Piece(m.start("rg_d2"), m.end(), cal.day(last_day), m.lastgroup, ("range",), {})


def dmy(m: re.Match, ctx: Ctx):
    if _IDIOM.match(ctx.text, m.start("dm_d")):
        return None
    tense = ctx.tense(m.end())
    if not m["dm_y"] and _UNTIL_LATER.match(ctx.text, m.end()):
        tense = FUTURE  # "18 अक्तूबर तक स्थगित": postponed until a day that is still to come
    tense = PREFIX_TENSE.get(m["dm_pre"], tense)
    value, warns = day_month(m["dm_d"], m["dm_m"], m["dm_y"], ctx.anchor, tense)
    if value is not None and ctx.style.strict_weekday and not m["dm_y"]:
        if value.granularity == "day":
            value = _first_on_side(value.date_from.month, value.date_from.day, ctx.anchor, tense)
        elif warns == ("invalid_day",):  # "29 फरवरी" without a year: the next (last) leap day
            value, warns = (
                _first_on_side(month_number(m["dm_m"]), number_value(m["dm_d"]), ctx.anchor, tense),
                (),
            )
    if m["dm_y"]:
        return piece(m, value, warns)
    # No year of its own: a year just before it gives one ("पिछले साल 26 मई", "2019 में 5 मार्च").
    return piece(m, value, warns, dom=number_value(m["dm_d"]), mon=month_number(m["dm_m"]))


def _first_on_side(mon: int, dom: int, anchor: dt.date, tense: str) -> cal.Value | None:
    """General style: the first such day on or after the anchor (future), else the last on or before."""
    years = (
        range(anchor.year, anchor.year + 9) if tense == FUTURE else range(anchor.year, anchor.year - 9, -1)
    )
    for y in years:
        c = cal.safe_date(y, mon, dom)
        if c is not None and (c >= anchor if tense == FUTURE else c <= anchor):
            return cal.day(c)
    return None


def en_mdy(m: re.Match, ctx: Ctx):
    got = cal.parse_latin(m.group(), ctx.anchor, ctx.tense(m.end()))
    return piece(m, cal.day(got)) if got else None


def month_year(m: re.Match, ctx: Ctx):
    mon = month_number(m["my_m"])
    return piece(m, cal.month(int(m["my_y"]), mon), mon=mon)


def month_alone(m: re.Match, ctx: Ctx):
    """A month without a day: its year from the prefix (इसी वर्ष, पिछले साल, अगले …), else the
    occurrence nearest the anchor, unless the clause's tense points the other way.

    "मई के अंत तक बढ़ा दिया गया" (in April) is next May although the clause is past: a past
    cue picks the past month only up to 9 months back; a future cue always looks ahead.
    """
    text, anchor = ctx.text, ctx.anchor
    mon = month_number(m["mo_m"])
    if mon == 3 and _MARCH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "कैंडल मार्च": a procession
    if not ctx.style.ranges and _DASH_MONTH.match(text, m.end()):
        # news annotates "अक्टूबर-नवंबर" by its last month only ("अगले साल मई-जून": the year)
        if m["mo_pre"] and m["mo_yr"]:
            year = cal.shift(anchor, "year", PERIOD_PREFIX.get(m["mo_pre"], 0))
            return Piece(m.start(), m.end("mo_yr"), year, "period", (), {"unit": "year"})
        return None
    pre, y = m["mo_pre"], anchor.year
    back, ahead = (anchor.month - mon) % 12, (mon - anchor.month) % 12
    if pre in ("इसी", "इस"):
        value = cal.month(y, mon)
    elif pre in ("पिछले", "बीते", "गत"):
        value = cal.month(y - 1 if m["mo_yr"] or mon >= anchor.month else y, mon)
    elif pre in ("अगले", "आगामी"):
        value = cal.month(y + 1 if m["mo_yr"] or mon <= anchor.month else y, mon)
    elif back == 0:
        value = cal.month(y, mon)
    else:
        tense = explicit_tense(text, m.end(), requests=ctx.style.requests)
        if tense is None and ctx.style.strict_weekday:
            tense = ctx.style.default_tense
        future = tense == FUTURE or (tense != PAST and ahead < back) or (tense == PAST and back > 9)
        value = (
            cal.month(y + (mon < anchor.month), mon) if future else cal.month(y - (mon > anchor.month), mon)
        )
    return piece(m, value, mon=mon, year_given=bool(pre))


_FY_TAIL = re.compile(r"[-–](\d\d)(?![\d./-])")


def year(m: re.Match, ctx: Ctx):
    has_context = bool(m["yr_pre"] or m["yr_post"])
    y = int(m["yr"])
    fy = _FY_TAIL.match(ctx.text, m.end("yr"))
    if fy and ctx.style.ranges and int(fy[1]) == (y + 1) % 100:  # "वर्ष 2030-31": a fiscal year
        return Piece(m.start(), fy.end(), cal.fiscal_year(y), "fiscal", (), {"year": y})
    if not plausible_year(ctx.text, m.start("yr"), m.end("yr"), has_context=has_context):
        return None
    era = (m["yr_post"] or "").strip().startswith("ई")
    if y < 1900 and not (m["yr_pre"] or era):
        return None  # "1857 में" needs सन/साल before it (or ई. after): a bare 1xxx is more often a count
    got = piece(m, cal.year(y), group="yr", year=y)
    if ctx.style.periods:  # TIMEX3 extent: "साल 1857", "सन् 1947" (news annotates the digits)
        got.start = m.start()
    return got
