"""Hindi date vocabulary (folded spellings) and the regex fragments the date grammar is built from."""

from __future__ import annotations

import re
from bisect import bisect_right

from service.dates.words import NUMBER_WORDS, load_tsv
from service.text.hindi import ZERO_WIDTH, fold_with_map


# Word lists are data (service/dates/data/*.tsv), folded at load; the regex fragments below are
# built from them.
def _grouped(name: str) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for form, value in load_tsv(name).items():
        out.setdefault(int(value), []).append(form)
    return {k: tuple(v) for k, v in out.items()}


MONTHS: dict[int, tuple[str, ...]] = _grouped("months.tsv")
EN_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
WEEKDAYS: dict[int, tuple[str, ...]] = _grouped("weekdays.tsv")
# Units of relative expressions: name → (kind, multiplier).
UNITS: dict[str, tuple[str, int]] = {form: (kind, 1) for form, kind in load_tsv("units.tsv").items()}
# Month/week/year words that follow पिछले/इस/अगले (named relative periods).
PERIOD_WORDS: dict[str, str] = load_tsv("period_words.tsv")
PERIOD_PREFIX: dict[str, int] = {form: int(v) for form, v in load_tsv("period_prefixes.tsv").items()}
# Order matters: the first alternative that matches wins.
VAGUE: dict[str, str] = {
    "आज के (?:समय|दौर|जमाने|युग) में": "PRESENT_REF",
    "हाल के (?:सालों|वर्षों|दिनों|महीनों|समय)(?: में)?": "PAST_REF",
    "हाल (?:ही )?में": "PAST_REF",
    "(?:पिछले|बीते) दिनों": "PAST_REF",
    "अतीत(?= में)": "PAST_REF",
    "(?<!के )(?<!की )पूर्व में(?! ही)": "PAST_REF",
    "इस (?:वक्त|समय)": "PRESENT_REF",
    "इन दिनों": "PRESENT_REF",
    "(?:अब|अभी) ?तक": "PRESENT_REF",
    "आज ?-?कल": "PRESENT_REF",
    "अभी(?! ?भी)(?! ?तक)(?!-)": "PRESENT_REF",
    "फिलहाल": "PRESENT_REF",
    "(?:वर्तमान|मौजूदा)(?: समय)?(?= में)": "PRESENT_REF",
    "(?:निकट |नजदीकी )?भविष्य(?= में)": "FUTURE_REF",
    "आने वाले (?:दिनों|समय|सालों|वर्षों)(?= में)": "FUTURE_REF",
    "(?:बहुत )?जल्द(?: ही)?": "FUTURE_REF",
    "पिछले कुछ (?:सालों|वर्षों|दिनों|महीनों|हफ्तों)": "PAST_REF",
    "(?:बरसों|दशकों|सदियों) (?:पहले|पूर्व)": "PAST_REF",
}
# Vague words the news guide does not annotate: dates only in the GENERAL style.
GENERAL_ONLY_VAGUE = (
    # bare "अभी" is mostly "still/just" in news prose ("अभी किसी के हताहत होने की खबर नहीं"), and the
    # news guide does not annotate it
    "अभी(?! ?भी)(?! ?तक)(?!-)",
    "(?:बहुत )?जल्द(?: ही)?",
    "(?:बरसों|दशकों|सदियों) (?:पहले|पूर्व)",
    "पिछले कुछ (?:सालों|वर्षों|दिनों|महीनों|हफ्तों)",
)

# Devanagari letters and signs (not the danda punctuation) plus ASCII word characters: what a
# word boundary must not touch. Python's \b treats combining vowel signs as non-word characters.
LETTER = "\u0900-\u0963\u0971-\u097fa-z0-9_"
B = f"(?<![{LETTER}])"
S = r"[ \t\u00a0]*"  # spaces inside one expression; a line break ends it
S1 = r"[ \t\u00a0]+"
E = f"(?![{LETTER}])"


def alt(words) -> str:
    """Regex alternation, longest first so that no spelling shadows a longer one."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


def _plain(words) -> list[str]:
    return [re.escape(w) for w in words]


MONTH_RE = alt([w for ws in MONTHS.values() for w in ws] + EN_MONTHS.split("|"))
WEEKDAY_RE = alt(_plain(w for ws in WEEKDAYS.values() for w in ws))
NUMWORD_RE = alt(_plain(NUMBER_WORDS))
DAY_RE = f"(?:(?<![\\d.,/:])[0-3]?\\d(?!\\d)(?:st|nd|rd|th)?|{B}{NUMWORD_RE})"
YEAR_RE = "(?<![\\d.,/:])(?:19|20)\\d\\d(?![\\d])"
UNIT_RE = alt(_plain(UNITS))
PERIOD_RE = alt(_plain(PERIOD_WORDS))
PREFIX_RE = alt(_plain(PERIOD_PREFIX))

_MONTH_LOOKUP = [
    (re.compile(w + ("" if w.endswith("]") else "$")), m) for m, ws in MONTHS.items() for w in ws
]
_EN = {name: i % 12 + 1 for i, name in enumerate(EN_MONTHS.split("|")[:12])}
_EN.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9})
_EN.update({"oct": 10, "nov": 11, "dec": 12})
_WEEKDAY_LOOKUP = {w: i for i, ws in WEEKDAYS.items() for w in ws}


def month_number(word: str) -> int:
    """Month 1–12 for a folded month word matched by MONTH_RE."""
    word = word.strip()
    if word.rstrip(".") in _EN:
        return _EN[word.rstrip(".")]
    for rx, m in _MONTH_LOOKUP:
        if rx.match(word):
            return m
    raise KeyError(word)


def weekday_number(word: str) -> int:
    """Monday=0 … Sunday=6 for a folded weekday word."""
    return _WEEKDAY_LOOKUP[word]


def number_value(word: str) -> int:
    """Integer value of digits or a Hindi number word (दर्जन counts 12, सौ a hundred)."""
    word = word.strip().removesuffix("st").removesuffix("nd").removesuffix("rd").removesuffix("th")
    if word.isdigit():
        return int(word)
    words = word.split()
    if "सौ" in words:  # "दो सौ", "एक सौ बीस"
        k = words.index("सौ")
        head = NUMBER_WORDS[" ".join(words[:k])] if k else 1
        tail = NUMBER_WORDS[" ".join(words[k + 1 :])] if words[k + 1 :] else 0
        return 100 * head + tail
    if word.endswith("दर्जन"):
        head = word[: -len("दर्जन")].strip()
        return 12 * (NUMBER_WORDS.get(head, 1) if head else 1)
    return NUMBER_WORDS[word]


# Folding as a translate table derived from fold_with_map, so both always agree; deleted
# characters (nukta, zero-width) are the only ones that shift offsets.
def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    chars = [chr(c) for c in range(0x0900, 0x0980)] + list(ZERO_WIDTH) + [chr(c) for c in range(65, 91)]
    for ch in chars:
        folded = fold_with_map(ch)[0]
        if folded != ch and len(folded) <= 1:
            table[ord(ch)] = folded
    return table


_FOLD_TABLE = {chr(k): v for k, v in _build_fold_table().items()}
# Substituting only the few foldable characters is several times faster than str.translate.
_FOLDABLE = re.compile("[" + re.escape("".join(_FOLD_TABLE)) + "]")
_DELETED = re.compile("[" + "".join(k for k, v in _FOLD_TABLE.items() if v == "") + "]")


class Folded:
    """Folded text plus a cheap map from folded offsets back to source offsets."""

    __slots__ = ("text", "_shift")

    def __init__(self, source: str):
        self.text = _FOLDABLE.sub(lambda m: _FOLD_TABLE[m.group()], source)
        # Folded index where each deleted source char would have sat; sorted by construction.
        self._shift = [m.start() - k for k, m in enumerate(_DELETED.finditer(source))]

    def src(self, i: int) -> int:
        """Source index of folded index ``i`` (start offsets)."""
        return i + bisect_right(self._shift, i) if self._shift else i

    def src_end(self, j: int) -> int:
        """Source end offset for a folded end ``j`` (keeps a trailing nukta inside the span)."""
        if not self._shift or j == 0:
            return j
        return self.src(j - 1) + 1 + (bisect_right(self._shift, j) - bisect_right(self._shift, j - 1))


_last_folded: tuple[str, Folded] | None = None


def fold_once(source: str) -> Folded:
    """``Folded(source)``, reused while the same text object is processed: ingestion folds one
    article for dates and again for claims, and the fold is a large share of their cost."""
    global _last_folded
    last = _last_folded  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is source:
        return last[1]
    folded = Folded(source)
    _last_folded = (source, folded)
    return folded
