"""Where a venue or locality lies: the enclosing place the text gives, nearest first, with coordinates."""

from __future__ import annotations

import re
from dataclasses import replace

from service.places import gazetteer
from service.places.gazetteer import Place
from service.places.venues import enclosed

__all__ = ["LOCAL_KINDS", "enclosing_before", "in_country", "local_kind", "place_within"]

# Between an enclosing place and the place inside it: "इंदौर के", "सीहोर जिले के", "भोपाल स्थित",
# "दिल्ली की", "मुंबई," — and nothing ("दिल्ली हाईकोर्ट": the name touches the head).
_INSIDE_GAP = re.compile(
    r"^(?:\s+(?:जिले|जिला|शहर|नगर|राज्य|प्रदेश|प्रांत|तहसील))?"
    r"(?:\s+(?:के|की|का|में|स्थित)|\s*,)?\s+$|^\s*$"
)
_GAP_MAX = 24

# The local-place head (service.places.local) -> the place kind it names.
LOCAL_KINDS = {
    "जिला": "district",
    "तहसील": "district",
    "थाना": "venue",
    "अस्पताल": "venue",
    "कलेक्ट्रेट": "venue",
    "मैदान": "venue",
}


def local_kind(place: Place) -> Place:
    """A local place with its kind from its head: "रामगढ़ थाना" is a venue, "सीहोर जिला" a district."""
    head = place.name.split()[-1] if place.name else ""
    kind = LOCAL_KINDS.get(head, "locality")
    return place if kind == place.kind else replace(place, kind=kind)


def in_country(place: Place) -> Place:
    """A gazetteer city with its country as ``within`` (unchanged when already set or no country)."""
    if place.kind != "city" or place.within or not place.country:
        return place
    country = gazetteer.get().by_id.get(f"cldr:{place.country}")
    return replace(place, within=(country,)) if country is not None else place


def enclosing_before(text: str, start: int, end: int, gaz: list[tuple[int, int, Place]]) -> Place | None:
    """The gazetteer place that the phrase ``text[start:end]`` names as its enclosure: one inside the
    phrase ("दिल्ली हाईकोर्ट"), else one right before it ("इंदौर के रवींद्र नाट्य गृह", "सीहोर जिले के
    बिलकिसगंज गांव"). ``gaz``: (start, end, Place) sorted by start."""
    inside = [p for s, e, p in gaz if start <= s and e <= end and p.kind in ("city", "country")]
    if inside:
        return inside[-1]
    best = None
    for _s, e, p in gaz:
        if e > start:
            break
        if start - e <= _GAP_MAX and p.kind in ("city", "country") and _INSIDE_GAP.match(text[e:start]):
            best = p
    return best


def place_within(place: Place, enclosing: Place | None) -> Place:
    """``place`` inside ``enclosing`` (a gazetteer city or country), with its country appended."""
    if enclosing is None:
        return place
    enclosing = in_country(enclosing)
    return enclosed(place, enclosing)
