"""Find gazetteer places (cities, countries, continents) in Hindi text, with exact source offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.places import gazetteer
from service.places.gazetteer import WORD_RE, Place, fold_word, name_key

__all__ = ["Place", "PlaceMention", "find_places", "get_place", "lookup_place", "warm"]

# Maximal Devanagari word runs (``gazetteer.WORD_RE``), so a match can never start or end inside a
# word: "भोपालवासी" does not contain भोपाल, and attached suffixes are not stripped (documented
# limit); Hindi postpositions are separate words (दिल्ली में, भोपाल के), so names before them match.
_WORD = WORD_RE
# What may separate the words of a multi-word name in the text.
_GAP = re.compile(r"[ \t\u00a0-]{1,3}")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


def warm() -> None:
    """Build the gazetteer now (call at app start so the first request does not pay ~1 s)."""
    gazetteer.get()


_LETTERS = frozenset(chr(c) for c in [*range(0x0900, 0x0964), *range(0x0971, 0x0980)])
_LETTER_CLASS = "\u0900-\u0963\u0971-\u097f"
_JOINERS = frozenset("\u200b\u200c\u200d\u2060\ufeff")
# Raw whitespace token -> the Devanagari words inside it that (folded) start a gazetteer name.
# Tokens are classified once per process, so an article costs one str.split and set operations
# (a regex findall of every word cost twice as much).
_TOKEN_HITS: dict[str, tuple[str, ...]] = {}
_TOKEN_MISS: set[str] = set()
_CACHE_LIMIT = 300_000


def _first_words(tokens: set[str], by_first: dict) -> set[str]:
    """The words (``_WORD`` runs) of ``tokens`` that may start a place name."""
    new = tokens - _TOKEN_MISS
    new.difference_update(_TOKEN_HITS)
    if new:
        if len(_TOKEN_MISS) > _CACHE_LIMIT or len(_TOKEN_HITS) > _CACHE_LIMIT:
            _TOKEN_MISS.clear()
            _TOKEN_HITS.clear()
        for tok in new:
            words = tuple(w for w in _WORD.findall(tok) if fold_word(w) in by_first)
            if words:
                _TOKEN_HITS[tok] = words
            else:
                _TOKEN_MISS.add(tok)
    out: set[str] = set()
    for tok in tokens.intersection(_TOKEN_HITS):
        out.update(_TOKEN_HITS[tok])
    return out


@lru_cache(maxsize=4096)
def _occurrences(word: str) -> re.Pattern[str]:
    """Occurrences of ``word`` not glued to letters; short words (दे, द) are substrings everywhere.

    The word comes first so the engine searches for it as a literal; the lookbehind then checks
    the character before it.
    """
    return re.compile(f"{re.escape(word)}(?<![{_LETTER_CLASS}].{{{len(word)}}})(?![{_LETTER_CLASS}])")


def _whole_word(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` is a maximal ``_WORD`` run (not the middle of a longer word)."""
    k = s - 1
    while k >= 0 and text[k] in _JOINERS:
        k -= 1
    if k >= 0 and text[k] in _LETTERS:
        return False
    k = e
    while k < len(text) and text[k] in _JOINERS:
        k += 1
    return not (k < len(text) and text[k] in _LETTERS)


def find_places(text: str) -> list[PlaceMention]:
    """All place mentions in ``text``, left to right, longest name first, non-overlapping."""
    by_first = gazetteer.get().by_first
    hits = _first_words(set(text.split()), by_first)
    if not hits:
        return []
    # Only the occurrences of candidate first words are visited (a handful per article).
    starts: list[tuple[int, str]] = []
    for w in hits:
        for m in _occurrences(w).finditer(text):
            if _whole_word(text, m.start(), m.end()):
                starts.append((m.start(), w))
    starts.sort()
    out: list[PlaceMention] = []
    resume = 0  # words before this offset were consumed by a multi-word match
    for s, w in starts:
        if s < resume:
            continue
        for key, place in by_first[fold_word(w)]:  # longest first
            stop = _match_rest(text, s + len(w), key)
            if stop >= 0:
                if place is not None:
                    out.append(PlaceMention(s, stop, text[s:stop], place))
                resume = stop
                break
    return out


def _match_rest(text: str, pos: int, key: tuple[str, ...]) -> int:
    """End offset if the words ``key[1:]`` follow ``pos`` (separated by spaces/hyphens), else -1."""
    for word in key[1:]:
        gap = _GAP.match(text, pos)
        if gap is None:
            return -1
        m = _WORD.match(text, gap.end())
        if m is None or fold_word(m.group()) != word:
            return -1
        pos = m.end()
    return pos


def lookup_place(name: str) -> Place | None:
    """Exact (folded) lookup of a place name, e.g. an API filter value; also accepts a place id."""
    key = name_key(name)
    if key is None:
        return get_place(name.strip())
    return gazetteer.get().by_key.get(key)


def get_place(place_id: str) -> Place | None:
    """The place with this id (``geonames:1879026``, ``cldr:KP``), or None."""
    return gazetteer.get().by_id.get(place_id)
