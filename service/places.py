"""Find gazetteer places (cities, countries, continents) in Hindi text, with exact source offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service import gazetteer
from service.gazetteer import Place, fold_word, name_key

__all__ = ["Place", "PlaceMention", "find_places", "get_place", "lookup_place", "warm"]

# A Devanagari word: letters and marks (not danda ।॥, not digits, not ॰), possibly with zero-width
# joiners inside (नई दिल्‍ली). Maximal runs, so a match can never start or end inside a word:
# "भोपालवासी" does not contain भोपाल, and attached suffixes are not stripped (documented limit);
# Hindi postpositions are separate words (दिल्ली में, भोपाल के), so names before them match.
_WORD = re.compile(
    r"[\u0900-\u0963\u0971-\u097f]+(?:[\u200b-\u200d\u2060\ufeff]+[\u0900-\u0963\u0971-\u097f]+)*"
)
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


def find_places(text: str) -> list[PlaceMention]:
    """All place mentions in ``text``, left to right, longest name first, non-overlapping."""
    by_first = gazetteer.get().by_first
    out: list[PlaceMention] = []
    resume = 0  # words before this offset were consumed by a multi-word match
    for m in _WORD.finditer(text):
        cands = by_first.get(fold_word(m.group()))
        if cands is None or m.start() < resume:
            continue
        for key, place in cands:  # longest first
            stop = _match_rest(text, m.end(), key)
            if stop >= 0:
                if place is not None:
                    out.append(PlaceMention(m.start(), stop, text[m.start() : stop], place))
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
