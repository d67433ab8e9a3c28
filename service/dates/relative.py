"""Relative date atoms: आज/कल/परसों, weekdays, named periods (पिछले/इस/अगले …), N units बाद/पहले, vague."""

from __future__ import annotations

import datetime as dt
import re

from service.dates import calendar as cal
from service.dates.atoms import piece
from service.dates.context import Ctx
from service.dates.lexicon import (
    GENERAL_ONLY_VAGUE,
    PERIOD_PREFIX,
    PERIOD_WORDS,
    UNITS,
    VAGUE,
    number_value,
    weekday_number,
)
from service.dates.tense import FUTURE, PAST, explicit_tense
from service.dates.yearctx import event_relative

_VAGUE_KEYS = [(re.compile(k), ref, k in GENERAL_ONLY_VAGUE) for k, ref in VAGUE.items()]
_EVERY = re.compile(r"(?:प्रति|प्रत्येक|हर)\s+$")
_GAP = re.compile(r"\s+(?:भी|फिर|दोबारा)(?![\u0900-\u097f])")
_SENTENCE_END = re.compile(r"[।?!]|\.(?:\s|$)")
_PAST_PRE = ("बीते", "पिछले", "पिछला", "गत")
_NEXT_PRE = ("अगले", "अगला", "आगामी", "आने वाले")
# "बीते गुरुवार", "आने वाले रविवार": the nearest such day, not the one of the previous/next week.
_NEAREST_PRE = ("बीते", "आने वाले")


def rel_unit(m: re.Match, ctx: Ctx):
    n = number_value(m["ru_n"])
    unit = UNITS[m["ru_u"]][0]
    if not 1 <= n <= 999:  # "दो सौ साल पहले"; no count is a thousand units
        return None
    text, anchor, last = ctx.text, ctx.anchor, ctx.last
    sign = 1 if m["ru_dir"] in ("बाद", "पश्चात") else -1
    parts = {"n": n, "unit": unit, "sign": sign}
    said = explicit_tense(text, m.end())
    gap = _GAP.match(text, m.end())
    if sign > 0 and gap and (gap.group().strip() == "भी" or said is None):
        return None  # "छह साल बाद भी", "तीन साल बाद फिर शुरू": a gap, not a point in time
    shift = cal.day_shift if ctx.style.offsets_as_days else cal.shift
    relation = event_relative(text, m.start())
    if relation is None and sign > 0 and said == PAST:
        relation = "anaphor"  # "2011 में ... और दो साल बाद साझेदार बने": after the narrated event
    if relation is None and sign > 0 and _after_dated_sentence(m.start(), ctx):
        relation = "anaphor"  # "15 जून को पहुंचूंगा। दो दिन बाद लौटूंगा": after that event
    if relation is None:
        return piece(m, shift(anchor, unit, sign * n), **parts)
    base = last if last is not None and last.granularity not in ("vague", "set") else cal.day(anchor)
    if relation == "anaphor":
        if ctx.style.offsets_as_days:
            return piece(m, cal.day_shift(base.date_from, unit, sign * n), ("event_relative",), **parts)
        return piece(m, cal.shift_from(base, unit, sign * n), ("event_relative",), **parts)
    # "<event> के दो दिन बाद <main clause>": the main clause happens at the discourse time.
    return piece(m, base, ("event_relative",), **parts)


def _after_dated_sentence(start: int, ctx: Ctx) -> bool:
    """The sentence right before this one dated an event (and this one opens with the offset)."""
    if ctx.last is None or ctx.last_end < 0 or ctx.last.granularity != "day":
        return False
    between = ctx.text[ctx.last_end : start]
    ends = list(_SENTENCE_END.finditer(between))
    return len(ends) == 1 and len(between) < 160 and not between[ends[0].end() :].strip()


def period(m: re.Match, ctx: Ctx):
    unit = PERIOD_WORDS[m["pe_u"]]
    if unit in ("fiscal_year", "decade", "quarter", "half") and not ctx.style.periods:
        return None  # the news guide counts days, weeks, months and years only
    return piece(m, cal.shift(ctx.anchor, unit, PERIOD_PREFIX[m["pe_pre"]]), unit=unit)


def vague(m: re.Match, ctx: Ctx):
    start, end = m.span("vg")
    ref, general_only = next(
        (r, g) for rx, r, g in _VAGUE_KEYS if (k := rx.match(ctx.text, start)) is not None and k.end() == end
    )
    if general_only and not ctx.style.periods:
        return None
    return piece(m, cal.vague(ref, ctx.anchor))


def weekday(m: re.Match, ctx: Ctx):
    if _EVERY.search(ctx.text, max(0, m.start() - 10), m.start()):
        return None  # "प्रति शनिवार": a recurring day, not a date
    wd = weekday_number(m["wk_w"])
    pre, anchor = m["wk_pre"], ctx.anchor
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if pre in _PAST_PRE:
        if ctx.style.strict_weekday and pre not in _NEAREST_PRE:  # the Friday of the previous ISO week
            return piece(m, cal.day(monday + dt.timedelta(days=wd - 7)), weekday=wd)
        return piece(m, cal.day(cal.weekday_near(wd, anchor - dt.timedelta(days=1), PAST)), weekday=wd)
    if pre in _NEXT_PRE:
        if ctx.style.strict_weekday and pre not in _NEAREST_PRE:  # the Friday of the next ISO week
            return piece(m, cal.day(monday + dt.timedelta(days=wd + 7)), weekday=wd)
        return piece(m, cal.day(cal.weekday_near(wd, anchor + dt.timedelta(days=1), FUTURE)), weekday=wd)
    if pre in ("इस", "इसी") and ctx.style.strict_weekday:
        return piece(m, cal.day(monday + dt.timedelta(days=wd)), weekday=wd)
    tense = ctx.tense(m.end())
    if ctx.style.strict_weekday and not (tense == PAST and wd == anchor.weekday()):
        # strictly after (before) the anchor; but "सोमवार को … हुआ" said on a Monday is today
        step = dt.timedelta(days=1 if tense == FUTURE else -1)
        return piece(m, cal.day(cal.weekday_near(wd, anchor + step, tense)), weekday=wd)
    return piece(m, cal.day(cal.weekday_near(wd, anchor, tense)), weekday=wd)


def week_weekday(m: re.Match, ctx: Ctx):
    monday = ctx.anchor - dt.timedelta(days=ctx.anchor.weekday())
    step = {"पिछले": -7, "बीते": -7, "गत": -7, "अगले": 7, "आगामी": 7}.get(m["ww_pre"], 0)
    return piece(m, cal.day(monday + dt.timedelta(days=step + weekday_number(m["ww_w"]))))


def deictic(m: re.Match, ctx: Ctx):
    if m["dx_prev"]:
        return piece(m, cal.day(ctx.anchor - dt.timedelta(days=1)))
    if m["dx_now"]:  # "अब से दस दिन बाद": now, as the anchor of an offset
        return piece(m, cal.day(ctx.anchor))
    step = {"आज": 0, "कल": 1, "नरसों": 3}.get(m["dx_w"], 2)
    tense = ctx.tense(m.end())
    explicit = explicit_tense(ctx.text, m.end(), requests=ctx.style.requests) is not None
    value = cal.day(ctx.anchor + dt.timedelta(days=step if tense == FUTURE else -step))
    return piece(m, value, step=step, tense_given=explicit)
