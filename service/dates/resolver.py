"""Hindi date expressions resolved onto the timeline: mentions with TIMEX3 values and intervals.

Conventions (see also service.date_rules for the grammar):

* Values follow TIMEX3: ``2025-07-11`` (day), ``2025-W28`` (ISO week), ``2025-07`` (month),
  ``2025`` (year), ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF`` (granularity ``vague``).
* Every mention carries the closed interval ``date_from..date_to``. Vague references are open:
  PAST_REF is ``None..anchor``, PRESENT_REF is ``anchor..anchor``, FUTURE_REF is ``anchor..None``.
* A day range ("11 से 13 जुलाई", "11-13 जुलाई") is ONE mention whose value is the first day,
  whose interval spans the whole range, with the warning ``"range"``.
* A weekday with its date ("शनिवार (12 जुलाई, 2025)") is one mention; when the weekday does
  not fit the date the date wins and the warning ``"weekday_mismatch"`` is added.
* Undated days (weekdays, कल, "12 जुलाई") are placed by the tense of their clause: past → the
  latest such day on or before the anchor, future → the next on or after; news defaults to past.
* An impossible day ("30 फरवरी 2025") falls back to its month with the warning ``"invalid_day"``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from service.dates import calendar as cal
from service.dates.lexicon import (
    DAY_RE,
    MONTH_RE,
    PERIOD_PREFIX,
    PERIOD_WORDS,
    UNITS,
    VAGUE,
    YEAR_RE,
    Folded,
    fold_once,
    month_number,
    number_value,
    weekday_number,
)
from service.dates.rules import candidates, clause_tense, event_relative, explicit_tense, plausible_year

PAST, FUTURE = cal.PAST, cal.FUTURE


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a text; ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    value: str  # TIMEX3: 2025-07-11, 2025-W28, 2025-07, 2025, PAST_REF, PRESENT_REF, FUTURE_REF
    granularity: str  # day | week | month | year | vague
    date_from: dt.date | None
    date_to: dt.date | None
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Anchor:
    """The reference date of an article and where it came from."""

    value: dt.date
    source: str  # published_at | dateline | text | ingested


_INNER_DMY = re.compile(f"(?P<d>{DAY_RE})\\s*-?\\s*(?P<m>{MONTH_RE})\\.?(?:\\s*,?\\s*(?P<y>{YEAR_RE}))?")
_INNER_NUM = re.compile(r"(?P<a>\d{1,4})[./-](?P<b>\d{1,2})[./-](?P<c>\d{1,4})")
_VAGUE_KEYS = [(re.compile(k), ref) for k, ref in VAGUE.items()]
_IDIOM = re.compile(r"दो जून की रोटी|\S+ मार्च (?:निकाल|में)")
_LATIN_MONTH = re.compile(r"[a-z]")
_EVERY = re.compile(r"(?:प्रति|प्रत्येक|हर)\s+$")
_GAP = re.compile(r"\s+(?:भी|फिर|दोबारा)(?![\u0900-\u097f])")
# "<day> तक … स्थगित/निलंबित/बढ़ा …" in the same clause: a deadline ahead, whatever the tense.
_UNTIL_LATER = re.compile(
    r"\s*तक\s+(?:[^।?!\n]{0,60}?\s)?(?:स्थगित|निलंबित|टाल|टला|टली|टले|बढ़ा|बढा|बढ़ाया|बढाया|बढ़ाई|बढाई"
    r"|रद्द|रद|लागू|प्रभावी|बंद\s+रह)"
)
_PREFIX_TENSE = {"आगामी": FUTURE, "अगले": FUTURE, "आने वाले": FUTURE, "बीते": PAST, "पिछले": PAST, "गत": PAST}


def _numeric(expr: str) -> dt.date | None:
    m = _INNER_NUM.search(expr)
    if not m:
        return None
    a, b, c = (int(x) for x in m.groups())
    # Indian order DD/MM/YYYY (or DD/MM/YY); a leading 4-digit group is ISO YYYY-MM-DD.
    if a > 31:
        return cal.safe_date(a, b, c)
    return cal.safe_date(c + 2000 if c < 100 else c, b, a)


def _day_month(
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


def _weekday_with_date(m: re.Match, anchor: dt.date, tense: str) -> tuple[cal.Value | None, tuple]:
    g = m.groupdict()  # the part's own groups only: subset patterns lack the others
    inner = g.get("wd_in") or g.get("wd_in2") or g.get("wd_in3") or g.get("dw_in")
    wd = weekday_number(g.get("wd_w") or g.get("dw_w"))
    if (got := _numeric(inner)) is not None:
        value, warns = cal.day(got), ()
    else:
        im = _INNER_DMY.search(inner)
        if im is None:
            return None, ()
        value, warns = _day_month(im["d"], im["m"], im["y"], anchor, tense)
    if value is not None and value.granularity == "day" and value.date_from.weekday() != wd:
        warns = (*warns, "weekday_mismatch")
    return value, warns


def _resolve(m: re.Match, text: str, anchor: dt.date, last: cal.Value | None):
    """(value, warnings, span group) for one candidate match, or None when it is not a date."""
    kind = m.lastgroup
    tense = clause_tense(text, m.end())
    if kind in ("wd_date", "date_wd"):
        return (*_weekday_with_date(m, anchor, tense), kind)
    if kind == "numeric":
        got = _numeric(m.group())
        return (cal.day(got), (), kind) if got else None
    if kind == "range":
        first, _ = _day_month(m["rg_d1"], m["rg_m"], m["rg_y"], anchor, tense)
        d1, d2 = number_value(m["rg_d1"]), number_value(m["rg_d2"])
        if first is None or first.granularity != "day" or not d1 < d2 <= 31:
            return None
        last_day = cal.safe_date(first.date_from.year, first.date_from.month, d2)
        return (cal.date_range(first.date_from, last_day), ("range",), kind) if last_day else None
    if kind == "dmy":
        if _IDIOM.match(text, m.start("dm_d")):
            return None
        if not m["dm_y"] and _UNTIL_LATER.match(text, m.end()):
            tense = FUTURE  # "18 अक्तूबर तक स्थगित": postponed until a day that is still to come
        value, warns = _day_month(
            m["dm_d"], m["dm_m"], m["dm_y"], anchor, _PREFIX_TENSE.get(m["dm_pre"], tense)
        )
        return (value, warns, kind) if value else None
    if kind == "en_mdy":
        got = cal.parse_latin(m.group(), anchor, tense)
        return (cal.day(got), (), kind) if got else None
    if kind == "my":
        return cal.month(int(m["my_y"]), month_number(m["my_m"])), (), kind
    if kind == "month":
        value = _month_alone(m, text, anchor)
        return (value, (), kind) if value else None
    if kind == "rel_unit":
        return _relative_unit(m, text, anchor, last, tense)
    if kind == "period":
        return cal.shift(anchor, PERIOD_WORDS[m["pe_u"]], PERIOD_PREFIX[m["pe_pre"]]), (), kind
    if kind == "vague":
        ref = next(r for rx, r in _VAGUE_KEYS if rx.fullmatch(m["vg"]))
        return cal.vague(ref, anchor), (), kind
    if kind == "wd":
        if _EVERY.search(text, max(0, m.start() - 10), m.start()):
            return None  # "प्रति शनिवार": a recurring day, not a date
        return _bare_weekday(m, anchor, tense), (), kind
    if kind == "week_wd":
        monday = anchor - dt.timedelta(days=anchor.weekday())
        step = {"पिछले": -7, "बीते": -7, "गत": -7, "अगले": 7, "आगामी": 7}.get(m["ww_pre"], 0)
        return cal.day(monday + dt.timedelta(days=step + weekday_number(m["ww_w"]))), (), kind
    if kind == "deictic":
        return _deictic(m, anchor, tense), (), kind
    if kind == "year":
        has_context = bool(m["yr_pre"] or m["yr_post"])
        if not plausible_year(text, m.start("yr"), m.end("yr"), has_context=has_context):
            return None
        return cal.year(int(m["yr"])), (), "yr"
    return None


def _relative_unit(m: re.Match, text: str, anchor: dt.date, last: cal.Value | None, tense: str):
    n = number_value(m["ru_n"])
    unit = UNITS[m["ru_u"]][0]
    if not 1 <= n <= 100:
        return None
    sign = 1 if m["ru_dir"] == "बाद" else -1
    said = explicit_tense(text, m.end())
    gap = _GAP.match(text, m.end())
    if sign > 0 and gap and (gap.group().strip() == "भी" or said is None):
        return None  # "छह साल बाद भी", "तीन साल बाद फिर शुरू": a gap, not a point in time
    relation = event_relative(text, m.start())
    if relation is None and sign > 0 and said == PAST:
        relation = "anaphor"  # "2011 में ... और दो साल बाद साझेदार बने": after the narrated event
    if relation is None:
        return cal.shift(anchor, unit, sign * n), (), "rel_unit"
    base = last if last is not None and last.granularity != "vague" else cal.day(anchor)
    if relation == "anaphor":
        return cal.shift_from(base, unit, sign * n), ("event_relative",), "rel_unit"
    # "<event> के दो दिन बाद <main clause>": the main clause happens at the discourse time.
    return base, ("event_relative",), "rel_unit"


_MARCH_BEFORE = re.compile(r"(?:कैंडल|केंडल|पैदल|फ्लैग|लांग|लोंग|शांति|मौन|आक्रोश|विरोध|न्याय|तिरंगा|मशाल|रोड|पथ)\s*$")


def _month_alone(m: re.Match, text: str, anchor: dt.date) -> cal.Value | None:
    """A month without a day: its year from the prefix (इसी वर्ष, पिछले साल, अगले …), else the
    occurrence nearest the anchor, unless the clause's tense points the other way.

    "मई के अंत तक बढ़ा दिया गया" (in April) is next May although the clause is past: a past
    cue picks the past month only up to 9 months back; a future cue always looks ahead.
    """
    mon = month_number(m["mo_m"])
    if mon == 3 and _MARCH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "कैंडल मार्च": a procession
    pre, y = m["mo_pre"], anchor.year
    back, ahead = (anchor.month - mon) % 12, (mon - anchor.month) % 12
    if pre in ("इसी", "इस"):
        return cal.month(y, mon)
    if pre in ("पिछले", "बीते", "गत"):
        if m["mo_yr"]:  # पिछले साल अप्रैल
            return cal.month(y - 1, mon)
        return cal.month(y if mon < anchor.month else y - 1, mon)
    if pre in ("अगले", "आगामी"):
        if m["mo_yr"]:
            return cal.month(y + 1, mon)
        return cal.month(y if mon > anchor.month else y + 1, mon)
    if back == 0:
        return cal.month(y, mon)
    tense = explicit_tense(text, m.end())
    future = tense == FUTURE or (tense != PAST and ahead < back) or (tense == PAST and back > 9)
    return cal.month(y + (mon < anchor.month), mon) if future else cal.month(y - (mon > anchor.month), mon)


def _bare_weekday(m: re.Match, anchor: dt.date, tense: str) -> cal.Value:
    wd = weekday_number(m["wk_w"])
    pre = m["wk_pre"]
    if pre in ("बीते", "पिछले", "गत"):
        return cal.day(cal.weekday_near(wd, anchor - dt.timedelta(days=1), PAST))
    if pre in ("अगले", "आगामी", "आने वाले"):
        return cal.day(cal.weekday_near(wd, anchor + dt.timedelta(days=1), FUTURE))
    return cal.day(cal.weekday_near(wd, anchor, tense))


def _deictic(m: re.Match, anchor: dt.date, tense: str) -> cal.Value:
    if m["dx_prev"]:
        return cal.day(anchor - dt.timedelta(days=1))
    word = m["dx_w"]
    step = {"आज": 0, "कल": 1}.get(word, 2)
    return cal.day(anchor + dt.timedelta(days=step if tense == FUTURE else -step))


def resolve_dates(text: str, anchor: dt.date) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``anchor``, in text order."""
    folded = fold_once(text)
    out: list[DateMention] = []
    last: cal.Value | None = None
    for m in candidates(folded.text):
        got = _resolve(m, folded.text, anchor, last)
        if got is None:
            continue
        value, warns, group = got
        if value is None:
            continue
        s = folded.src(m.start(group if group in ("yr", "rel_unit") else 0))
        e = folded.src_end(m.end(group if group == "yr" else 0))
        out.append(DateMention(text[s:e], s, e, *value, warnings=tuple(warns)))
        last = value
    return out


_DATELINE = re.compile(
    f"^\\s*(?:[^\\s,।:()0-9]+\\s*){{1,3}},\\s*(?P<d>{DAY_RE})\\s*(?P<m>{MONTH_RE})\\.?"
    f"(?:\\s*,?\\s*(?P<y>{YEAR_RE}))?\\s*(?:\\(|।|:|-|–|—|\\n|$)"
)


def dateline(text: str, *, reference: dt.date) -> dt.date | None:
    """Date of a wire-service opening ("नई दिल्ली, तीन मई (भाषा)"), year nearest the reference."""
    # Scraped articles sometimes carry a headline line above the dateline.
    head = Folded(text[:300]).text.split("\n", 2)
    m = next((m for line in head[:2] if (m := _DATELINE.match(line))), None)
    if not m:
        return None
    value, _ = _day_month(m["d"], m["m"], m["y"], reference, PAST)
    return value.date_from if value is not None and value.granularity == "day" else None


def choose_anchor(text: str, *, published: dt.date | None, today: dt.date) -> Anchor:
    """Dateline, else publication date, else the first fully dated mention, else today."""
    if (d := dateline(text, reference=published or today)) is not None:
        return Anchor(d, "dateline")
    if published is not None:
        return Anchor(published, "published_at")
    for mention in resolve_dates(text, today):
        if mention.granularity == "day" and re.search(YEAR_RE, Folded(mention.text).text):
            return Anchor(mention.date_from, "text")
    return Anchor(today, "ingested")
