"""The compiled Hindi date grammar: every rule family's pattern in one candidate finder, on folded text."""

from __future__ import annotations

import re

from service.dates import events, periods, windows
from service.dates.lexicon import (
    DAY_RE,
    EN_MONTHS,
    LETTER,
    MONTH_RE,
    MONTHS,
    NUMBER_WORDS,
    NUMWORD_RE,
    PERIOD_PREFIX,
    PERIOD_RE,
    PREFIX_RE,
    UNIT_RE,
    VAGUE,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    B,
    E,
    alt,
)
from service.text.hindi import first_char_alternation

_S = r"[ \t\u00a0]*"  # spaces inside one expression; a line break ends it
_S1 = r"[ \t\u00a0]+"
# after a month a year may follow a comma without a space ("8 मार्च,2019")
_YEAR_TAIL = r"(?:19|20)\d\d(?!\d)"
_DMY = f"{DAY_RE}{_S}-?{_S}{MONTH_RE}[.॰]?{E}(?:{_S},?{_S}{_YEAR_TAIL})?"
_NUMERIC = (
    r"(?<![\d./-])(?:[0-3]?\d(?:/[01]?\d/|\.[01]?\d\.|-[01]?\d-)(?:19|20)\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d"
    # datelines abbreviate the year: "इंदौर 3/8/25" (slashes only: 3.8.25 reads as a version)
    r"|[0-3]?\d/[01]?\d/\d\d(?!/)|[0-3]?\d-[01]?\d-\d\d(?![-\d]))"
    r"(?![\d])"
)
# A month on its own ("जनवरी में", "फरवरी महीने", "इसी वर्ष अप्रैल"): full Hindi names only, and
# only before a postposition or punctuation ("अगस्त क्रांति" is a name, "मार्च निकाला" a march).
_FULL_MONTH = alt([w for ws in MONTHS.values() for w in ws if not w.endswith("]")])
_MONTH_ALONE = (
    f"(?:{B}(?P<mo_pre>इसी|इस|पिछले|बीते|गत|अगले|आगामी)(?:{_S1}(?P<mo_yr>साल|वर्ष))?{_S1})?"
    f"{B}(?P<mo_m>{_FULL_MONTH})(?:{_S1}(?:महीने|महीना|माह))?{E}"
    f"(?={_S}(?:(?:में|से|तक|के|की|का|को|और|व|तथा|एवं|या){E}|[,।)?]|[-–]{_S}{_FULL_MONTH}|$))"
)
_EN_MDY = f"{B}{MONTH_RE}{_S1}[0-3]?\\d(?:st|nd|rd|th)?,{_S}{YEAR_RE}"
_DAY_PARTS = "(?:सुबह|दोपहर|शाम|रात|देर रात|देर शाम|तड़के|तडके)"
# "सौ", "दो सौ", "एक सौ बीस": hundreds before the plain number words (they would match "दो" alone)
_HUNDREDS = f"(?:(?:{NUMWORD_RE}){_S1})?सौ(?:{_S1}(?:{NUMWORD_RE}))?"
_NUM = f"(?:\\d{{1,3}}|{_HUNDREDS}|{NUMWORD_RE}(?:{_S1}दर्जन)?|दर्जन|एक{_S1}दर्जन)"

# New rule families first: where two parts match at one start, the first listed wins, and the
# families are the longer, composite readings ("1980 का दशक" before the year "1980").
_FAMILY_PARTS = [
    *windows.PATTERNS,
    *events.PATTERNS,
    *(p for p in periods.PATTERNS if p[0] not in periods.MONTH_STARTS),
]
_PARTS = [
    *_FAMILY_PARTS,
    # weekday with its date in brackets or after a comma: one mention, checked for agreement
    ("wd_date", f"{B}(?P<wd_w>{WEEKDAY_RE}){_S}(?:\\({_S}(?P<wd_in>{_DMY}|{_NUMERIC}){_S}\\)"
     f"|,{_S}(?P<wd_in2>{_DMY}|{_NUMERIC})|{_S1}(?P<wd_in3>{_DMY}))"),
    ("date_wd", f"(?P<dw_in>{_DMY}){_S},{_S}(?P<dw_w>{WEEKDAY_RE}){E}"),
    ("numeric", _NUMERIC),
    # 11 से 13 जुलाई / 11-13 जुलाई: one mention, value of the first day, interval over the range
    ("range", f"(?P<rg_d1>{DAY_RE}){_S}(?:-|–|से|व|और){_S}(?P<rg_d2>{DAY_RE}){_S1}(?P<rg_m>{MONTH_RE})"
     f"[.॰]?{E}(?:{_S},?{_S}(?P<rg_y>{_YEAR_TAIL}))?"),
    ("dmy", f"(?:(?P<dm_pre>आगामी|अगले|आने वाले|बीते|पिछले|गत){_S1})?(?P<dm_d>{DAY_RE}){_S}-?{_S}"
     f"(?P<dm_m>{MONTH_RE})[.॰]?{E}(?:{_S},?{_S}(?P<dm_y>{_YEAR_TAIL}))?"),
    ("en_mdy", _EN_MDY),
    ("my", f"{B}(?P<my_m>{MONTH_RE})[.॰]?{_S}[,-]?{_S}(?P<my_y>{_YEAR_TAIL})"),
    *(p for p in periods.PATTERNS if p[0] in periods.MONTH_STARTS),
    ("month", _MONTH_ALONE),
    ("rel_unit", f"(?P<ru_n>{_NUM}){_S1}(?P<ru_u>{UNIT_RE}){_S1}(?P<ru_dir>पहले|बाद|पूर्व|पश्चात){E}"),
    # "पिछले हफ्ते मंगलवार": a weekday of a named week, one mention (before "period" claims the week)
    ("week_wd", f"{B}(?P<ww_pre>पिछले|बीते|गत|अगले|आगामी|इस|इसी){_S1}(?:हफ्ते|सप्ताह){_S1}(?:के{_S1})?"
     f"(?P<ww_w>{WEEKDAY_RE}){E}"),
    # not before a year ("इस साल 2024 में" is the year); before a day it composes ("पिछले साल 26 मई")
    ("period", f"{B}(?P<pe_pre>{PREFIX_RE}){_S1}(?P<pe_u>{PERIOD_RE}){E}(?!{_S}\\d{{4}})"),
    ("vague", f"{B}(?P<vg>{'|'.join(VAGUE)}){E}"),
    ("wd", f"{B}(?:(?P<wk_pre>{alt(('बीते', 'पिछले', 'पिछला', 'गत', 'अगले', 'अगला', 'आगामी', 'आने वाले', 'इस', 'इसी'))}){_S1})?"
     f"(?P<wk_w>{WEEKDAY_RE}){E}"),
    ("deictic", f"{B}(?:(?P<dx_w>आज|कल(?!{_S}-)|परसों|परसो|नरसों)(?:{_S1}{_DAY_PARTS})?"
     f"|(?P<dx_prev>बीते दिन|बीती रात|पिछली रात|बीते रोज)"
     f"|(?P<dx_now>अब|अभी)(?={_S1}से{_S1}(?:ठीक{_S1})?{_NUM}{_S1}{UNIT_RE})){E}"),
    ("year", f"(?:{B}(?P<yr_pre>सन्|सन|साल|वर्ष|ईस्वी|ईसवी){_S1})?(?P<yr>{YEAR_RE}|(?<![\\d.,/:])1[0-8]\\d\\d(?!\\d))"
     f"(?P<yr_post>{_S1}(?:में|से|तक|का|की|के|को|वाले|वाली|ई\\.|ईस्वी){E})?"),
]  # fmt: skip

CANDIDATES = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _PARTS))

# Every candidate starts at a digit run or at one of the words below; each start word can only
# begin some grammar parts. Trying just those parts, just there, keeps a 2 KB article well under
# a millisecond: Python's regex engine would otherwise try every alternative at every character.
_DIGIT_PARTS = (
    "date_wd",
    "numeric",
    "range",
    "dmy",
    "rel_unit",
    "year",
    *periods.DIGIT_STARTS,
    *events.DIGIT_STARTS,
    *windows.DIGIT_STARTS,
)
_MONTH_WORDS = [
    *(w.removesuffix("[.॰]") for ws in MONTHS.values() for w in ws),
    *EN_MONTHS.split("|"),
]
_STARTS: dict[str, set[str]] = {}
for _words, _parts in (
    ([w for ws in WEEKDAYS.values() for w in ws], ("wd_date", "wd")),
    (NUMBER_WORDS, ("date_wd", "range", "dmy", "rel_unit")),
    (["दर्जन", "सौ"], ("rel_unit",)),
    (_MONTH_WORDS, ("en_mdy", "my", "month", *periods.MONTH_STARTS)),
    *((words, (name,)) for family in (periods, events, windows) for name, words in family.STARTS.items()),
    (["इसी", "इस", "पिछले", "बीते", "गत", "अगले", "आगामी"], ("month",)),
    (["आगामी", "अगले", "आने", "बीते", "पिछले", "गत"], ("dmy",)),
    ([w.split()[0] for w in PERIOD_PREFIX], ("period",)),
    (
        [re.match(r"[^\s(?|]+", k.removeprefix("(?:").removeprefix("(?<!के )(?<!की )")).group() for k in VAGUE]
        + ["अब", "अभी", "अबतक", "अभीतक", "आजकल", "बीते", "पिछले", "वर्तमान", "मौजूदा", "भविष्य", "जल्द", "बहुत"]
        + ["बरसों", "दशकों", "सदियों"],
        ("vague",),
    ),
    (["बीते", "पिछले", "पिछला", "गत", "अगले", "अगला", "आगामी", "आने", "इस", "इसी"], ("wd",)),
    (["बीते", "पिछले", "गत", "अगले", "आगामी", "इस", "इसी"], ("week_wd",)),
    (["आज", "कल", "परसों", "परसो", "नरसों", "बीते", "बीती", "पिछली", "अब", "अभी"], ("deictic",)),
    (["सन", "सन्", "साल", "वर्ष", "ईस्वी", "ईसवी"], ("year",)),
):
    for _w in _words:
        _STARTS.setdefault(_w, set()).update(_parts)
_ORDER = [name for name, _ in _PARTS]
_SUBSETS: dict[frozenset, re.Pattern] = {}


def _subset(parts) -> re.Pattern:
    key = frozenset(parts)
    if key not in _SUBSETS:
        _SUBSETS[key] = re.compile("|".join(f"(?P<{n}>{rx})" for n, rx in _PARTS if n in key))
    return _SUBSETS[key]


_BY_WORD = {w: _subset(parts).match for w, parts in _STARTS.items()}
_BY_DIGIT = _subset(_DIGIT_PARTS).match


# Digits glued to Latin letters ("covid2019") never start a date; glued to Devanagari they do,
# since scraped text often loses the space ("है।10 साल पहले").
# Every branch starts with a character class, so the regex engine skips the letters inside words
# in C instead of trying the whole alternation at every position: a start word is found through
# the non-letter before it (group "w"), a word at offset 0 by TRIGGER_AT0.
_START_WORDS = first_char_alternation(_STARTS)
TRIGGER = re.compile(f"[0-9](?<![0-9a-z_].)[0-9]*|[^{LETTER}](?P<w>{_START_WORDS}){E}")
TRIGGER_AT0 = re.compile(f"(?:{_START_WORDS}){E}")


def _triggers(folded: str):
    """(start, word) of every digit run and start word, in text order."""
    m = TRIGGER_AT0.match(folded)
    if m is not None:
        yield 0, m.group()
    for tok in TRIGGER.finditer(folded):
        word = tok.group("w")
        if word is None:
            yield tok.start(), tok.group()
        else:
            yield tok.start("w"), word


def candidates(folded: str):
    """Grammar matches in text order, tried only where a start word begins."""
    end = 0
    for start, word in _triggers(folded):
        if start < end:
            continue
        m = (_BY_DIGIT if word[0].isdigit() else _BY_WORD[word])(folded, start)
        if m is not None:
            end = m.end()
            yield m
