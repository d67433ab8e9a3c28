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
    """Build the gazetteer now (call at app start so the first request does not pay ~0.6 s)."""
    gazetteer.get()


def find_places(text: str) -> list[PlaceMention]:
    """All place mentions in ``text``, left to right, longest name first, non-overlapping."""
    gz = gazetteer.get()
    by_first = gz.by_first
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    out: list[PlaceMention] = []
    n = len(tokens)
    i = 0
    while i < n:
        start, end, raw = tokens[i]
        cands = by_first.get(fold_word(raw))
        if cands is None:
            i += 1
            continue
        hit = None
        for key, place in cands:
            k = len(key)
            if k == 1:
                hit = (1, end, place)
                break
            if i + k > n:
                continue
            ok = True
            for j in range(1, k):
                prev_end, (s2, _, w2) = tokens[i + j - 1][1], tokens[i + j]
                if fold_word(w2) != key[j] or not _GAP.fullmatch(text, prev_end, s2):
                    ok = False
                    break
            if ok:
                hit = (k, tokens[i + k - 1][1], place)
                break
        if hit is None:
            i += 1
            continue
        k, stop, place = hit
        if place is not None:
            out.append(PlaceMention(start, stop, text[start:stop], place))
        i += k
    return out


def lookup_place(name: str) -> Place | None:
    """Exact (folded) lookup of a place name, e.g. an API filter value; also accepts a place id."""
    key = name_key(name)
    if key is None:
        return get_place(name.strip())
    return gazetteer.get().by_key.get(key)


def get_place(place_id: str) -> Place | None:
    """The place with this id (``geonames:1879026``, ``cldr:KP``), or None."""
    return gazetteer.get().by_id.get(place_id)
