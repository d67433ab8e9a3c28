"""Named-period atoms: fiscal years, decades, centuries, seasons, ordinal units (दसवां सप्ताह,
दूसरी तिमाही), "N तारीख", month-first and month-year numerals, and years spelled in words."""

from __future__ import annotations

import datetime as dt
import re

from service.dates import calendar as cal
from service.dates.atoms import day_month, piece
from service.dates.context import Ctx
from service.dates.lexicon import (
    DAY_RE,
    MONTH_RE,
    NUMWORD_RE,
    PERIOD_PREFIX,
    PREFIX_RE,
    S1,
    WEEKDAY_RE,
    B,
    E,
    S,
    alt,
    month_number,
    number_value,
    weekday_number,
)
from service.dates.tense import FUTURE
from service.dates.words import NUMBER_WORDS, ORDINAL_WORDS, SEASON_WORDS
from service.dates.yearctx import plausible_year

_ORD_SUFFIX = "(?:वां|वीं|वें|वा|वी|वे)"
ORD_RE = f"(?:{alt(map(re.escape, ORDINAL_WORDS))}|{NUMWORD_RE}{_ORD_SUFFIX}|\\d{{1,2}}(?:{_ORD_SUFFIX}|st|nd|rd|th))"
# "पहले" is also "before" ("उससे पहले सोमवार को"): an ordinal only after के ("महीने के पहले सोमवार").
_ORD_CLEAR = f"(?:(?<=\\sके ){alt(map(re.escape, ORDINAL_WORDS))}|(?!पहले{E}){ORD_RE})"
ORD_WORDS = [*ORDINAL_WORDS, *(w + s for w in NUMBER_WORDS for s in ("वां", "वीं", "वें", "वा", "वी", "वे"))]
_ORD_UNITS = {
    **dict.fromkeys(("सप्ताह", "हफ्ते", "हफ्ता"), "week"),
    **dict.fromkeys(("तिमाही",), "quarter"),
    **dict.fromkeys(("छमाही",), "half"),
    **dict.fromkeys(("महीने", "महीना", "माह"), "month"),
    **dict.fromkeys(("दिन",), "day"),
    **dict.fromkeys(("दशक",), "decade"),
    **dict.fromkeys(("पखवाडे", "पखवाडा", "पखवारे", "पखवारा"), "fortnight"),
}
_ORD_UNIT_RE = alt(_ORD_UNITS)
_SEASON_RE = alt(map(re.escape, SEASON_WORDS))
_YEAR4 = "(?:19|20)\\d\\d"
_HUNDREDS = alt(w for w, n in NUMBER_WORDS.items() if 11 <= n <= 20)


def ordinal_value(word: str) -> int:
    """Position of an ordinal word (आखिरी = -1): दसवां → 10, 12वें → 12, तीसरी → 3."""
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    return number_value(re.sub(f"{_ORD_SUFFIX}$", "", word))


PATTERNS = [
    ("fiscal", f"{B}(?:(?P<fy_pre>{PREFIX_RE}){S1})?(?:वित्त(?:ीय)?{S1}वर्ष|वित्तवर्ष|एफवाई|fy){S}"
     f"(?P<fy_y>{_YEAR4}){S}[-–/]{S}(?P<fy_y2>\\d\\d(?:\\d\\d)?)(?!\\d)"),
    ("fiscal_bare", f"(?<![\\d./-])(?P<fb_y>{_YEAR4})[-–](?P<fb_y2>\\d\\d)(?![\\d./-])"),
    ("decade", f"(?:(?P<dc_y>(?:1[0-9]|20)\\d0)(?:s|{S}(?:के|का|की){S1}दशक|{S1}दशक)"
     f"|{B}(?P<dc_w>{NUMWORD_RE}){S1}(?:के|का|की){S1}दशक){E}"),
    ("century", f"{B}(?:(?P<ce_o>{ORD_RE})|(?P<ce_pre>{PREFIX_RE})){S1}(?:सदी|शताब्दी|सेंचुरी){E}"),
    ("season", f"{B}(?:(?P<se_pre>{PREFIX_RE}|इन|पिछली|अगली){S1})?(?P<se_w>{_SEASON_RE})"
     f"(?:{S1}(?:का|के|की){S1}(?:मौसम|ऋतु)|{S1}(?:के\\s+)?(?:मौसम|ऋतु))?{E}"),
    ("ord_range", f"{B}(?P<or_a>{ORD_RE}){S}(?:से|-|–){S}(?P<or_b>{ORD_RE}){S1}(?P<or_u>{_ORD_UNIT_RE}){E}"),
    ("ord_wd", f"{B}(?P<ow_o>{_ORD_CLEAR}){S1}(?P<ow_w>{WEEKDAY_RE}){E}"),
    ("ord_unit", f"{B}(?P<ou_o>{_ORD_CLEAR}){S1}(?P<ou_u>{_ORD_UNIT_RE}){E}"),
    ("bare_period", f"{B}(?P<bp_u>महीने|साल|वर्ष|हफ्ते|सप्ताह|वित्त(?:ीय)?{S1}वर्ष){E}(?={S1}(?:का|की|के){S1}"
     f"(?:आखिर|आखिरी|अंत|अंतिम|शुरुआत|शुरुआती|शुरू|प्रारंभ|मध्य|बीच|{ORD_RE}))"),
    ("tarikh", f"(?:(?P<tk_d>{DAY_RE})(?:{S}(?:से|-|–){S}(?P<tk_d2>{DAY_RE}))?|{B}(?P<tk_o>{ORD_RE}))"
     f"{S}(?:तारीख|तारिख|तरीख){E}"),
    # "मई-15", "जून-22": a month and a two-digit year (a day is written "सितं. 5", "मई 15")
    ("month_yy", f"{B}(?P<my2_m>{MONTH_RE})-(?P<my2_y>\\d\\d)(?![\\d.:/])"),
    ("month_day", f"{B}(?P<md_m>{MONTH_RE})\\.?{S}-?{S}(?P<md_d>[0-3]?\\d)(?![\\d.:/])"
     f"(?:{S},?{S}(?P<md_y>{_YEAR4})(?!\\d))?(?={S}(?:को|से|तक|के|की|का|,|।|\\)|$))"),
    ("month_num", f"(?<![\\d./-])(?P<mn_m>0?[1-9]|1[0-2])[-/](?P<mn_y>{_YEAR4})(?![\\d./-])"),
    ("spelled_year", f"(?:{B}(?P<sy_pre>सन|साल|वर्ष|ईस्वी){S1})?{B}(?:(?P<sy_h>{_HUNDREDS}){S1}सौ"
     f"(?:{S1}(?P<sy_t>{NUMWORD_RE}))?|(?P<sy_k>दो){S1}हजार(?:{S1}(?P<sy_k2>{NUMWORD_RE}))?){E}"),
]  # fmt: skip

# Start words (besides digits) of each rule: derived from the same lists the patterns use.
STARTS = {
    "fiscal": [w.split()[0] for w in PERIOD_PREFIX] + ["वित्त", "वित्तीय", "वित्तवर्ष", "एफवाई", "fy"],
    "decade": list(NUMBER_WORDS),
    "century": [*ORD_WORDS, *(w.split()[0] for w in PERIOD_PREFIX)],
    "season": [w.split()[0] for w in PERIOD_PREFIX] + ["इन", *SEASON_WORDS],
    "ord_range": ORD_WORDS,
    "ord_wd": ORD_WORDS,
    "ord_unit": ORD_WORDS,
    "bare_period": ["महीने", "साल", "वर्ष", "हफ्ते", "सप्ताह", "वित्त", "वित्तीय"],
    "tarikh": [*NUMBER_WORDS, *ORD_WORDS],
    "spelled_year": [
        "सन",
        "साल",
        "वर्ष",
        "ईस्वी",
        "दो",
        *(w for w, n in NUMBER_WORDS.items() if 11 <= n <= 20),
    ],
}
DIGIT_STARTS = ("fiscal_bare", "decade", "century", "ord_range", "ord_wd", "ord_unit", "tarikh", "month_num")
MONTH_STARTS = ("month_yy", "month_day")


def fiscal(m: re.Match, ctx: Ctx):
    if not ctx.style.periods:
        return None  # the news guide counts days, weeks, months and years only
    y, y2 = int(m["fy_y"]), int(m["fy_y2"])
    if y2 % 100 != (y + 1) % 100:
        return None
    return piece(m, cal.fiscal_year(y), year=y)


def fiscal_bare(m: re.Match, ctx: Ctx):
    y, y2 = int(m["fb_y"]), int(m["fb_y2"])
    if not ctx.style.ranges or y2 != (y + 1) % 100:
        return None  # news: "2019-20" is a season, a range or a fiscal year; leave it
    return piece(m, cal.fiscal_year(y), year=y)


def decade(m: re.Match, ctx: Ctx):
    if not ctx.style.periods:
        return None  # the news guide counts no decades ("1930 के दशक की मंदी" is an era)
    if m["dc_y"]:
        return piece(m, cal.decade(int(m["dc_y"])))
    n = NUMBER_WORDS[m["dc_w"]]
    return piece(m, cal.decade(1900 + n)) if n % 10 == 0 and n >= 10 else None


def century(m: re.Match, ctx: Ctx):
    if not ctx.style.periods:
        return None
    if m["ce_pre"]:  # "पिछली सदी": the century before the anchor's
        n = (ctx.anchor.year // 100) + 1 + PERIOD_PREFIX[m["ce_pre"]]
    else:
        n = ordinal_value(m["ce_o"])
    return piece(m, cal.century(n)) if 1 <= n <= 22 else None


def season(m: re.Match, ctx: Ctx):
    if not ctx.style.periods:
        return None  # news: "2012 की गर्मियों" stays the year 2012
    code, pre = SEASON_WORDS[m["se_w"]], m["se_pre"]
    step = {"इन": 0, "पिछली": -1, "अगली": 1}.get(pre, PERIOD_PREFIX.get(pre))
    got = season_near(code, ctx.anchor, step, ctx.tense(m.end()))
    # "गर्मी तेजी से बढ़ेगी" is the heat, "सर्दियों में" the season
    weak = step is None and not _SEASON_AS_TIME.match(ctx.text, m.end())
    return None if got is None else _weak(piece(m, got, code=code), weak)


_SEASON_AS_TIME = re.compile(f"{S1}(?:में|से{S1}पहले|के{S1}बाद|तक|के{S1}दौरान|की{S1}छुट्टि){E}")


def season_near(code: str, anchor: dt.date, step: int | None, tense: str) -> cal.Value:
    """This (step 0), the next (1) or the previous (-1) such season; None: by the clause tense."""
    seasons = [cal.season(y, code) for y in range(anchor.year - 2, anchor.year + 2)]
    current = [s for s in seasons if s.date_from <= anchor <= s.date_to]
    if step == 0 and not current and tense != FUTURE:  # "इस मानसून में … दर्ज की गई": the one just past
        return [s for s in seasons if s.date_to < anchor][-1]
    if step == 0 or (step is None and current):
        return current[0] if current else next(s for s in seasons if s.date_from > anchor)
    if step == 1 or (step is None and tense == FUTURE):
        return next(s for s in seasons if s.date_from > anchor)
    return [s for s in seasons if s.date_to < anchor][-1]


def _weak(p, weak: bool):
    if p is not None:
        p.weak = weak
    return p


def ord_unit(m: re.Match, ctx: Ctx):
    n, unit = ordinal_value(m["ou_o"]), _ORD_UNITS[m["ou_u"]]
    value = of_year(ctx.anchor.year, unit, n)
    # news counts no ordinal weeks or quarters; "पहला दिन" is a day only of a named period
    weak = unit == "day" or value is None or not ctx.style.periods
    return _weak(piece(m, value or cal.year(ctx.anchor.year), ord=n, unit=unit), weak)


def of_year(y: int, unit: str, n: int) -> cal.Value | None:
    """The n-th (or last, n = -1) week, month, quarter or half of year ``y``."""
    count = {"week": dt.date(y, 12, 28).isocalendar().week, "month": 12, "quarter": 4, "half": 2}.get(unit)
    if count is None or not (1 <= n <= count or n == -1):
        return None
    n = count if n == -1 else n
    if unit == "week":
        return cal.week(dt.date.fromisocalendar(y, n, 1))
    return {"month": cal.month, "quarter": cal.quarter, "half": cal.half}[unit](y, n)


def ord_range(m: re.Match, ctx: Ctx):
    a, b, unit = ordinal_value(m["or_a"]), ordinal_value(m["or_b"]), _ORD_UNITS[m["or_u"]]
    first, last = of_year(ctx.anchor.year, unit, a), of_year(ctx.anchor.year, unit, b)
    if first is None or last is None or a >= b:
        return None
    return piece(m, cal.span(first, last), ords=(a, b), unit=unit)


def ord_wd(m: re.Match, ctx: Ctx):
    n, wd = ordinal_value(m["ow_o"]), weekday_number(m["ow_w"])
    value = nth_weekday(cal.month(ctx.anchor.year, ctx.anchor.month), wd, n)
    return piece(m, value, ord=n, weekday=wd) if value else None


def nth_weekday(period: cal.Value, wd: int, n: int) -> cal.Value | None:
    days = [
        period.date_from + dt.timedelta(days=i) for i in range((period.date_to - period.date_from).days + 1)
    ]
    hits = [d for d in days if d.weekday() == wd]
    if n == -1 and hits:
        return cal.day(hits[-1])
    return cal.day(hits[n - 1]) if 1 <= n <= len(hits) else None


def bare_period(m: re.Match, ctx: Ctx):
    word = m["bp_u"]
    unit = (
        "fiscal_year"
        if word.startswith("वित्त")
        else {"महीने": "month", "साल": "year", "वर्ष": "year"}.get(word, "week")
    )
    return _weak(piece(m, cal.shift(ctx.anchor, unit, 0), unit=unit), True)


def tarikh(m: re.Match, ctx: Ctx):
    """ "12 तारीख": this month's 12th unless the clause points past it, then the adjacent month's;
    "1 से 5 तारीख" a range; "पहली/आखिरी तारीख" the first/last day."""
    anchor = ctx.anchor
    dom = ordinal_value(m["tk_o"]) if m["tk_o"] else number_value(m["tk_d"])
    dom2 = number_value(m["tk_d2"]) if m["tk_d2"] else None
    if not (1 <= dom <= 31 or dom == -1) or (dom2 is not None and not dom < dom2 <= 31):
        return None
    future = ctx.tense(m.end()) == FUTURE
    for step in (0, 1, 2) if future else (0, -1, -2):
        y, mon = cal.add_months(anchor, step)
        value = day_of_month(cal.month(y, mon), dom, dom2)
        if value is not None and (value.date_to >= anchor if future else value.date_from <= anchor):
            # news annotates no day without its month: "26 तारीख" only inside "इस महीने की 26 तारीख"
            return _weak(piece(m, value, dom=dom, dom2=dom2), not ctx.style.periods)
    return None


def day_of_month(month: cal.Value, dom: int, dom2: int | None = None) -> cal.Value | None:
    """Day ``dom`` (-1: the last) of a month, or the range ``dom``..``dom2``."""
    y, mon = month.date_from.year, month.date_from.month
    first = month.date_to if dom == -1 else cal.safe_date(y, mon, dom)
    if first is None:
        return None
    if dom2 is None:
        return cal.day(first)
    last = cal.safe_date(y, mon, dom2)
    return cal.span(cal.day(first), cal.day(last)) if last else None


def month_day(m: re.Match, ctx: Ctx):
    value, warns = day_month(m["md_d"], m["md_m"], m["md_y"], ctx.anchor, ctx.tense(m.end()))
    return piece(m, value, warns)


def month_yy(m: re.Match, ctx: Ctx):
    mon = month_number(m["my2_m"])
    return piece(m, cal.month(2000 + int(m["my2_y"]), mon), mon=mon)


def month_num(m: re.Match, ctx: Ctx):
    mon = int(m["mn_m"])
    return piece(m, cal.month(int(m["mn_y"]), mon), mon=mon)


def spelled_year(m: re.Match, ctx: Ctx):
    if m["sy_h"]:
        tail = m["sy_t"]
        y = NUMBER_WORDS[m["sy_h"]] * 100 + (NUMBER_WORDS[tail] if tail else 0)
    else:
        tail = m["sy_k2"]
        y = 2000 + (NUMBER_WORDS[tail] if tail else 0)
    if not m["sy_pre"] and (
        tail is None or not plausible_year(ctx.text, m.start(), m.end(), has_context=True)
    ):
        return None  # "दो हजार लोग", "उन्नीस सौ रुपये": counts
    return piece(m, cal.year(y), year=y)


RESOLVERS = {
    "fiscal": fiscal, "fiscal_bare": fiscal_bare, "decade": decade, "century": century, "season": season,
    "ord_range": ord_range, "ord_wd": ord_wd, "ord_unit": ord_unit, "bare_period": bare_period,
    "tarikh": tarikh, "month_day": month_day, "month_yy": month_yy, "month_num": month_num, "spelled_year": spelled_year,
}  # fmt: skip
