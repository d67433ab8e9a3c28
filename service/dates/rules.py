"""The compiled Hindi date grammar (candidate finder) and the clause-tense detector, on folded text."""

from __future__ import annotations

import re

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
_DMY = f"{DAY_RE}{_S}-?{_S}{MONTH_RE}\\.?{E}(?:{_S},?{_S}{YEAR_RE})?"
_NUMERIC = (
    r"(?<![\d./-])(?:[0-3]?\d(?:/[01]?\d/|\.[01]?\d\.|-[01]?\d-)(?:19|20)\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d"
    # datelines abbreviate the year: "इंदौर 3/8/25" (slashes only: 3.8.25 reads as a version)
    r"|[0-3]?\d/[01]?\d/\d\d(?!/))"
    r"(?![\d])"
)
# A month on its own ("जनवरी में", "फरवरी महीने", "इसी वर्ष अप्रैल"): full Hindi names only, and
# only before a postposition or punctuation ("अगस्त क्रांति" is a name, "मार्च निकाला" a march).
_FULL_MONTH = alt([w for ws in MONTHS.values() for w in ws if not w.endswith("\\.")])
_MONTH_ALONE = (
    f"(?:{B}(?P<mo_pre>इसी|इस|पिछले|बीते|गत|अगले|आगामी)(?:{_S1}(?P<mo_yr>साल|वर्ष))?{_S1})?"
    f"{B}(?P<mo_m>{_FULL_MONTH})(?:{_S1}(?:महीने|महीना|माह))?{E}"
    f"(?={_S}(?:(?:में|से|तक|के|की|का|को|और|व|तथा|एवं|या){E}|[,।)]|$))"
)
_EN_MDY = f"{B}{MONTH_RE}{_S1}[0-3]?\\d(?:st|nd|rd|th)?,{_S}{YEAR_RE}"
_DAY_PARTS = "(?:सुबह|दोपहर|शाम|रात|देर रात|देर शाम|तड़के|तडके)"
_NUM = f"(?:\\d{{1,3}}|{NUMWORD_RE}(?:{_S1}दर्जन)?|दर्जन|एक{_S1}दर्जन)"

_PARTS = [
    # weekday with its date in brackets or after a comma: one mention, checked for agreement
    ("wd_date", f"{B}(?P<wd_w>{WEEKDAY_RE}){_S}(?:\\({_S}(?P<wd_in>{_DMY}|{_NUMERIC}){_S}\\)"
     f"|,{_S}(?P<wd_in2>{_DMY}|{_NUMERIC})|{_S1}(?P<wd_in3>{_DMY}))"),
    ("date_wd", f"(?P<dw_in>{_DMY}){_S},{_S}(?P<dw_w>{WEEKDAY_RE}){E}"),
    ("numeric", _NUMERIC),
    # 11 से 13 जुलाई / 11-13 जुलाई: one mention, value of the first day, interval over the range
    ("range", f"(?P<rg_d1>{DAY_RE}){_S}(?:-|–|से|व|और){_S}(?P<rg_d2>{DAY_RE}){_S1}(?P<rg_m>{MONTH_RE})"
     f"\\.?{E}(?:{_S},?{_S}(?P<rg_y>{YEAR_RE}))?"),
    ("dmy", f"(?:(?P<dm_pre>आगामी|अगले|आने वाले|बीते|पिछले|गत){_S1})?(?P<dm_d>{DAY_RE}){_S}-?{_S}"
     f"(?P<dm_m>{MONTH_RE})\\.?{E}(?:{_S},?{_S}(?P<dm_y>{YEAR_RE}))?"),
    ("en_mdy", _EN_MDY),
    ("my", f"{B}(?P<my_m>{MONTH_RE})\\.?{_S},?{_S}(?P<my_y>{YEAR_RE})"),
    ("month", _MONTH_ALONE),
    ("rel_unit", f"(?P<ru_n>{_NUM}){_S1}(?P<ru_u>{UNIT_RE}){_S1}(?P<ru_dir>पहले|बाद|पूर्व){E}"),
    # "पिछले हफ्ते मंगलवार": a weekday of a named week, one mention (before "period" claims the week)
    ("week_wd", f"{B}(?P<ww_pre>पिछले|बीते|गत|अगले|आगामी|इस|इसी){_S1}(?:हफ्ते|सप्ताह){_S1}(?:के{_S1})?"
     f"(?P<ww_w>{WEEKDAY_RE}){E}"),
    ("period", f"{B}(?P<pe_pre>{PREFIX_RE}){_S1}(?P<pe_u>{PERIOD_RE}){E}(?!{_S}\\d)"),
    ("vague", f"{B}(?P<vg>{'|'.join(VAGUE)}){E}"),
    ("wd", f"{B}(?:(?P<wk_pre>{alt(('बीते', 'पिछले', 'गत', 'अगले', 'आगामी', 'आने वाले', 'इस', 'इसी'))}){_S1})?"
     f"(?P<wk_w>{WEEKDAY_RE}){E}"),
    ("deictic", f"{B}(?:(?P<dx_w>आज|कल(?!{_S}-)|परसों|परसो)(?:{_S1}{_DAY_PARTS})?"
     f"|(?P<dx_prev>बीते दिन|बीती रात|पिछली रात|बीते रोज)){E}"),
    ("year", f"(?:{B}(?P<yr_pre>सन|साल|वर्ष|ईस्वी|ईसवी){_S1})?(?P<yr>{YEAR_RE})"
     f"(?P<yr_post>{_S1}(?:में|से|तक|का|की|के|को|वाले|वाली|ई\\.|ईस्वी){E})?"),
]  # fmt: skip

CANDIDATES = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _PARTS))

# Every candidate starts at a digit run or at one of the words below; each start word can only
# begin some grammar parts. Trying just those parts, just there, keeps a 2 KB article well under
# a millisecond: Python's regex engine would otherwise try every alternative at every character.
_DIGIT_PARTS = ("date_wd", "numeric", "range", "dmy", "rel_unit", "year")
_MONTH_WORDS = [
    *(w.removesuffix("\\.") for ws in MONTHS.values() for w in ws),
    *EN_MONTHS.split("|"),
]
_STARTS: dict[str, set[str]] = {}
for _words, _parts in (
    ([w for ws in WEEKDAYS.values() for w in ws], ("wd_date", "wd")),
    (NUMBER_WORDS, ("date_wd", "range", "dmy", "rel_unit")),
    (["दर्जन"], ("rel_unit",)),
    (_MONTH_WORDS, ("en_mdy", "my", "month")),
    (["इसी", "इस", "पिछले", "बीते", "गत", "अगले", "आगामी"], ("month",)),
    (["आगामी", "अगले", "आने", "बीते", "पिछले", "गत"], ("dmy",)),
    ([w.split()[0] for w in PERIOD_PREFIX], ("period",)),
    (
        [re.match(r"[^\s(?|]+", k.removeprefix("(?:").removeprefix("(?<!के )(?<!की )")).group() for k in VAGUE]
        + ["अब", "अभी", "अबतक", "अभीतक", "आजकल", "बीते", "पिछले", "वर्तमान", "मौजूदा"],
        ("vague",),
    ),
    (["बीते", "पिछले", "गत", "अगले", "आगामी", "आने", "इस", "इसी"], ("wd",)),
    (["बीते", "पिछले", "गत", "अगले", "आगामी", "इस", "इसी"], ("week_wd",)),
    (["आज", "कल", "परसों", "परसो", "बीते", "बीती", "पिछली"], ("deictic",)),
    (["सन", "साल", "वर्ष", "ईस्वी", "ईसवी"], ("year",)),
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


# Tense cues, scanned left to right after a mention; the first cue decides its clause.
# The future-suffix branch starts only at a word start: a match from inside a word also matches
# from its start (which search reaches first), and trying every inner position was quadratic.
_FUTURE = (
    f"(?<!\\S)[^\\s]*(?:[ेए]ं?ग[ाीे]ं?|[ूऊ]ंग[ाी]|ओगे|ोगे){E}|{B}हो(?:गा|गी|ंगे|ंगी){E}|प्रस्तावित|आगामी"
    "|होना है|होनी है|होने वाल|जाना है|करना है"
    "|रखना है|वाला है|वाली है|वाले हैं|संभावना है"
    # a possibility ("बुधवार से खुल सकते हैं") still lies ahead
    "|सकता है|सकती है|सकते हैं|सकती हैं"
)
_PAST = (
    f"{B}(?:था|थी|थे|थीं|गया|गई|गए|गयी|गये|गईं|हुआ|हुई|हुए|हुईं|कहा|चुका|चुकी|चुके|चुकीं|दी|ली|ने"
    f"|किए|किये|कीं|[^\\s]+(?:ाया|िया|ाये|िये|ायी|ाई है|ाई थी)){E}"
)
_AUX_FUTURE = re.compile(r"\s+(?:जाए|जाये|जा|हो|रहे|दे|ले)\S*(?:गा|गी|गे)(?!\S)|\s+जान[ाी] है")
_TENSE = re.compile(f"(?P<fut>{_FUTURE})|(?P<past>{_PAST})")
# A clause ends at sentence punctuation, a line break or a complementizer that starts a new clause.
_CLAUSE_END = re.compile(r"[।?!\n|]|\.(?:\s|$)|[“”\"‘’']|\sकि\s|\sजो\s|\sलेकिन\s|\sताकि\s|\sजबकि\s")

PAST, FUTURE = "past", "future"


def clause_tense(folded: str, end: int, *, window: int = 160) -> str:
    """'future' when the clause after ``end`` carries a future cue before any past cue; else 'past'.

    News narrates the past, so an undecided clause counts as past.
    """
    return explicit_tense(folded, end, window=window) or PAST


def explicit_tense(folded: str, end: int, *, window: int = 160) -> str | None:
    """The tense cue of the clause after ``end``, or None when the clause has none."""
    chunk = folded[end : end + window]
    stop = _CLAUSE_END.search(chunk)
    if stop:
        chunk = chunk[: stop.start()]
    m = _TENSE.search(chunk)
    if m is None:
        return None
    # "घोषित किया जाएगा": a participle before a future auxiliary is a passive future.
    if m.lastgroup == "past" and _AUX_FUTURE.match(chunk, m.end()):
        return FUTURE
    return FUTURE if m.lastgroup == "fut" else PAST


_EVENT_BEFORE = re.compile(r"(?:^|\s)(?P<pro>इस|उस|जिस)?(?:के|से)\s*$")


def event_relative(folded: str, start: int) -> str | None:
    """'anaphor' for "इसके दो दिन बाद", 'event' for "<event> के दो दिन बाद", else None."""
    m = _EVENT_BEFORE.search(folded[max(0, start - 8) : start])
    if not m:
        return None
    return "anaphor" if m.group("pro") else "event"


_COUNT_AFTER_YEAR = re.compile(
    r"\s*(?:के|का)\s+दशक|\s*(?:से|के)\s+(?:अधिक|ज्यादा|कम|ऊपर|पार|करीब|आसपास|नीचे)|\s*(?:-|–)\s*\d|\s*(?:रुपये|रुपए|रु\.|लोग|लोगों|मामले|मामलों|करोड़|करोड|लाख|हजार|किलो|मीटर|किमी|%|प्रतिशत)"
)
_COUNT_BEFORE_YEAR = re.compile(
    r"(?:कुल|लगभग|करीब|रुपये|रुपए|₹|rs\.?|संख्या|नंबर|नम्बर|क्रमांक|कोविड|covid|धारा|अंक|-)\s*$"
)


def plausible_year(folded: str, start: int, end: int, *, has_context: bool) -> bool:
    """A bare 4-digit number is a year only with year-ish context and no count/money reading."""
    if not has_context:
        return False
    if _COUNT_AFTER_YEAR.match(folded, end):
        return False
    return not _COUNT_BEFORE_YEAR.search(folded[max(0, start - 12) : start])
