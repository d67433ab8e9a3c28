"""Event-bound atoms: festivals (dated by the `holidays` package), anaphora to the last event
date (उसी दिन, अगले दिन), recurrences (हर सोमवार → SET) and vague counts (कुछ दिन पहले)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import warnings

from service.dates import calendar as cal
from service.dates.atoms import piece
from service.dates.context import Ctx
from service.dates.lexicon import S1, UNIT_RE, WEEKDAY_RE, B, E, S, alt
from service.dates.tense import FUTURE
from service.dates.words import FESTIVAL_NOUNS, HOLIDAY_WORDS

_HOLIDAY_RE = alt(map(re.escape, HOLIDAY_WORDS))
_COMPOUND = alt(FESTIVAL_NOUNS)  # "दिवाली बोनस": a thing named after the festival
_NUM = r"(?:\d{1,3}|एक|दो|तीन|चार|पांच|छह|सात|आठ|नौ|दस)"
# Daily habits ("हर दिन", "रोजाना", "प्रतिदिन") are not dated at all (negatives table).
_EVERY_UNITS = "(?:सप्ताह|हफ्ते|महीने|माह|साल|वर्ष|वीकेंड|सप्ताहांत|तिमाही)"
_HOLIDAY_PRE = {
    "इस": 0,
    "इसी": 0,
    "अगली": 1,
    "अगले": 1,
    "आगामी": 1,
    "पिछली": -1,
    "पिछले": -1,
    "बीती": -1,
    "गत": -1,
}

PATTERNS = [
    ("holiday", f"{B}(?:(?P<ho_pre>{alt(_HOLIDAY_PRE)}){S1})?(?P<ho_n>{_HOLIDAY_RE}){E}(?!{S1}{_COMPOUND}{E})"
     f"(?:{S},?{S}(?P<ho_y>(?:19|20)\\d\\d)(?!\\d))?"),
    ("anaphor", f"{B}(?:(?P<an_p>उसी|उस){S1}(?P<an_u>दिन|रोज|हफ्ते|सप्ताह|महीने|साल|वर्ष)|इसी{S1}(?P<an_i>दिन)"
     f"|(?P<an_n>अगले|अगली|पिछले|पिछली){S1}(?P<an_d>दिन|रोज|सुबह)){E}"),
    ("recurrence", f"{B}(?:(?:हर|प्रत्येक|प्रति){S1}(?:एक{S1})?(?:{WEEKDAY_RE}|{_EVERY_UNITS})"
     f"|प्रतिवर्ष|प्रतिमाह){E}"),
    ("vague_count", f"(?:{B}(?P<vc_q>कुछ|कई|चंद|थोडे|अनेक){S1}(?P<vc_u>{UNIT_RE}|समय|अरसे|अरसा)"
     f"|(?P<vc_n>{_NUM}){S1}(?P<vc_u2>{UNIT_RE}){S1}से{S1}(?:ज्यादा|अधिक))"
     f"{S1}(?P<vc_d>पहले|बाद|पूर्व){E}"),
]  # fmt: skip
STARTS = {
    "holiday": [*_HOLIDAY_PRE, *(w.split()[0].split("-")[0] for w in HOLIDAY_WORDS)],
    "anaphor": ["उसी", "उस", "इसी", "अगले", "अगली", "पिछले", "पिछली"],
    "recurrence": ["हर", "प्रत्येक", "प्रति", "प्रतिवर्ष", "प्रतिमाह"],
    "vague_count": [
        "कुछ",
        "कई",
        "चंद",
        "थोडे",
        "अनेक",
        "एक",
        "दो",
        "तीन",
        "चार",
        "पांच",
        "छह",
        "सात",
        "आठ",
        "नौ",
        "दस",
    ],
}
DIGIT_STARTS = ("vague_count",)


@functools.lru_cache(maxsize=256)
def _festivals(year: int, categories: tuple[str, ...]) -> tuple[tuple[dt.date, str], ...]:
    import holidays

    with warnings.catch_warnings():  # years outside the lunar tables warn and are estimated
        warnings.simplefilter("ignore")
        return tuple(sorted(holidays.India(years=year, categories=categories).items()))


def observance_day(rule: str, year: int) -> dt.date | None:
    """ "=MM-DD" a fixed day, "=N:W:M" the N-th weekday W of month M (मदर्स डे = 2:6:5)."""
    if ":" in rule:
        n, wd, mon = (int(x) for x in rule[1:].split(":"))
        first = dt.date(year, mon, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    return cal.safe_date(year, int(rule[1:3]), int(rule[4:6]))


def festival_day(english: str, year: int) -> dt.date | None:
    """The day ``holidays.India`` gives the festival in ``year``: public holidays first, then the
    optional ones; an exact name before a longer one ("Dussehra" before "Dussehra (Saptami)").
    Observances the package lacks are rules in the festival table ("=02-14")."""
    if english.startswith("="):
        return observance_day(english, year)
    for categories in (("public",), ("public", "optional", "government")):
        days = [
            (d, n.strip().removesuffix(" (estimated)"))
            for d, ns in _festivals(year, categories)
            for n in ns.split(";")
        ]
        for exact in (True, False):
            for d, name in days:
                if name == english if exact else name.startswith(english):
                    return d
    return None


def holiday(m: re.Match, ctx: Ctx):
    english, anchor = HOLIDAY_WORDS[m["ho_n"]], ctx.anchor
    if m["ho_y"]:
        d = festival_day(english, int(m["ho_y"]))
        return piece(m, cal.day(d), festival=english) if d else None
    step = _HOLIDAY_PRE.get(m["ho_pre"])
    if not ctx.style.bare_festivals:
        return None  # news: a festival name is a topic, not a date, unless a year pins it
    days = [d for y in range(anchor.year - 4, anchor.year + 5) if (d := festival_day(english, y))]
    if step == 0:
        got = [d for d in days if d.year == anchor.year]
    elif step == 1 or (step is None and ctx.tense(m.end()) == FUTURE):
        got = [d for d in days if (d > anchor if step else d >= anchor)]
    else:
        got = [d for d in days if (d < anchor if step else d <= anchor)][-1:]
    if not got:
        return None
    if english == "=01-01" and _NEW_YEAR_AS_YEAR.match(ctx.text, m.end()):
        return piece(m, cal.year(got[0].year), festival=english)  # "नए साल में": the coming year
    return piece(m, cal.day(got[0]), festival=english)


_NEW_YEAR_AS_YEAR = re.compile(f"{S1}(?:में|की{S1}शुरुआत|के{S1}शुरू|के{S1}आखिर|के{S1}अंत){E}")


def anaphor(m: re.Match, ctx: Ctx):
    """ "उसी दिन", "उस हफ्ते": the last event's period; "अगले दिन": the day after it (or the anchor)."""
    if not ctx.style.periods:
        return None  # not in the news guide's list; consumed so that "अगले दिन" is no period
    last = ctx.last if ctx.last is not None and ctx.last.date_from is not None else None
    if m["an_n"]:
        base = last.date_to if last is not None and last.granularity == "day" else ctx.anchor
        step = 1 if m["an_n"].startswith("अगल") else -1
        return piece(m, cal.day(base + dt.timedelta(days=step)), ("event_relative",), step=step)
    if last is None:
        return None
    word = m["an_u"] or m["an_i"]
    unit = {"दिन": "day", "रोज": "day", "हफ्ते": "week", "सप्ताह": "week", "महीने": "month"}.get(word, "year")
    d = last.date_from
    value = {"day": cal.day, "week": cal.week, "month": lambda x: cal.month(x.year, x.month)}.get(
        unit, lambda x: cal.year(x.year)
    )(d)
    return piece(m, value, ("event_relative",))


def recurrence(m: re.Match, ctx: Ctx):
    # Consumed either way, so that "हर सोमवार" never becomes a day.
    return piece(m, cal.recurrence()) if ctx.style.sets else None


def vague_count(m: re.Match, ctx: Ctx):
    if not ctx.style.periods:
        return None  # the news guide counts "N दिन पहले", not "कुछ दिन पहले"
    ref = "FUTURE_REF" if m["vc_d"] == "बाद" else "PAST_REF"
    return piece(m, cal.vague(ref, ctx.anchor))


RESOLVERS = {"holiday": holiday, "anaphor": anaphor, "recurrence": recurrence, "vague_count": vague_count}
