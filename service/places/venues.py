"""Venues and institutions where statements are made: "लोकसभा", "दिल्ली हाईकोर्ट", "बालिका हाईस्कूल".

A venue phrase is a head from ``data/venue_heads.tsv`` (a house, a court, a hall, a school …), with
up to three name words before it (``local.name_words``: the same notion of a name as local places).
Heads marked ``bare`` are venues on their own (``सदन``, ``अदालत``); the others need a name word, or a
speech-event cue after them (``data/speech_events.tsv``: "स्कूल में आयोजित", "होटल में पत्रकारों से"),
which the claim placer checks. A word from ``data/venue_not_after.txt`` right after the head makes
the phrase a title or a body ("विधानसभा अध्यक्ष", "अस्पताल प्रबंधन"): no venue.

Works on raw or ``hindi.fold``-ed text (the heads are matched in both spellings); offsets are in the
text given. A venue takes its coordinates and country from the nearest enclosing gazetteer place
(``enclosed``), and says so in ``coordinates_from``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from service.places.gazetteer import Place, fold_word
from service.places.local import name_words
from service.text.hindi import fold
from service.text.lexicon import read_rows

__all__ = ["SPEECH_EVENT_RE", "VenueMention", "enclosed", "find_venues", "venue_place"]

_DATA = Path(__file__).with_name("data")
_L = "\u0900-\u0963\u0971-\u097f"


def _rows(name: str) -> list[list[str]]:
    return read_rows(_DATA / name)


def _pattern(phrase: str) -> str:
    """Regex for a phrase in raw and folded spelling; its words may be separated by any whitespace.
    A leading "…" lets up to four words come first ("में गुप्तचर विभाग द्वारा आयोजित")."""
    gap = ""
    if phrase.startswith("…"):
        phrase, gap = phrase[1:], r"(?:[^\s।.!?]+\s+){0,4}?"
    forms = sorted({phrase.strip(), fold(phrase)}, key=len, reverse=True)
    return gap + "(?:" + "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms) + ")"


@dataclass(frozen=True, slots=True)
class Head:
    text: str  # as in the data file
    klass: str  # legislature | assembly | court | office | school | hospital | hall | ground | temple
    bare: bool


HEADS: dict[str, Head] = {}
for _text, _klass, _bare in _rows("venue_heads.tsv"):
    HEADS[fold(_text)] = Head(_text, _klass, _bare == "yes")
NOT_AFTER = frozenset(fold(r[0]) for r in _rows("venue_not_after.txt"))


# Longest head first, so "हाई कोर्ट" wins over "कोर्ट" and "संयुक्त राष्ट्र महासभा" over "महासभा".
def _head_index() -> dict[str, list[tuple[re.Pattern[str], Head]]]:
    """First word (raw and folded spelling) -> [(pattern of the whole head, Head)], longest first.

    Heads are found with ``str.find`` on their first word and then matched whole: one regex
    alternation of all heads scanned every position of the article and cost half the claim budget.
    """
    index: dict[str, list[tuple[re.Pattern[str], Head]]] = {}
    for head in sorted(HEADS.values(), key=lambda h: len(h.text), reverse=True):
        for form in {head.text, fold(head.text)}:
            words = form.split()
            pattern = re.compile(r"\s+".join(re.escape(w) for w in words) + f"(?![{_L}])")
            index.setdefault(words[0], []).append((pattern, head))
    return index


_HEAD_INDEX = _head_index()
_LETTER_SET = frozenset(chr(c) for c in [*range(0x0900, 0x0964), *range(0x0971, 0x0980)])


def _heads(text: str) -> list[tuple[int, int, Head]]:
    """(start, end, Head) of every head occurrence, longest at a start, none inside an earlier one."""
    hits = []
    for first, patterns in _HEAD_INDEX.items():
        i = text.find(first)
        while i >= 0:
            if i == 0 or text[i - 1] not in _LETTER_SET:
                for pattern, head in patterns:
                    m = pattern.match(text, i)
                    if m:
                        hits.append((i, -m.end(), head))
                        break
            i = text.find(first, i + 1)
    hits.sort(key=lambda h: (h[0], h[1]))
    out: list[tuple[int, int, Head]] = []
    for s, neg_end, head in hits:
        if out and s < out[-1][1]:
            continue
        out.append((s, -neg_end, head))
    return out


_NEXT_WORD = re.compile(f"[\\s-]*([{_L}]+)")


def _speech_events() -> re.Pattern[str]:
    by_case: dict[str, list[str]] = {}
    for case, phrase in _rows("speech_events.tsv"):
        by_case.setdefault(case, []).append(phrase)
    alts = [
        f"(?:{_pattern(case)})\\s+(?:"
        + "|".join(_pattern(p) for p in sorted(ps, key=len, reverse=True))
        + ")"
        for case, ps in by_case.items()
    ]
    # An abbreviation in brackets may come first: "… अस्पताल (एलएनजेपी) का दौरा किया".
    return re.compile(r"(?:\s+क्षेत्र)?(?:\s*\([^()]{1,30}\))?\s*(?:" + "|".join(alts) + f")(?![{_L}])")


# After a place name: a speech-event cue ("… में पत्रकारों से", "… को संबोधित करते हुए").
SPEECH_EVENT_RE = _speech_events()


@dataclass(frozen=True, slots=True)
class VenueMention:
    start: int  # the whole phrase (name words + head) in the scanned text
    end: int
    head_start: int
    head: Head
    named: bool  # name words precede the head


_PART_OF = re.compile(r"\s+((?:का|की|के)\s+(?:\S+\s+){0,2})?")


def find_venues(text: str, known: frozenset[int] | set[int] = frozenset()) -> list[VenueMention]:
    """Venue phrases in text order, no overlaps. ``known``: end offsets of gazetteer mentions.

    A gazetteer name touching the head stays in the venue's name ("दिल्ली हाईकोर्ट"); one further
    back ends it ("इंदौर रवींद्र नाट्य गृह" -> रवींद्र नाट्य गृह).
    """
    out: list[VenueMention] = []
    for hs, he, head in _heads(text):
        nxt = _NEXT_WORD.match(text, he)
        if nxt and fold_word(nxt.group(1)) in NOT_AFTER:
            continue
        words = name_words(text, hs)
        cut = [i for i, w in enumerate(words[:-1]) if w[1] in known]
        if cut:
            words = words[cut[-1] + 1 :]
        start = words[0][0] if words else hs
        part = _PART_OF.fullmatch(text, out[-1].end, hs) if out and out[-1].named else None
        if part and (head.klass in ("hall", "ground") or not part.group(1)):
            # "देवी अहिल्या विश्वविद्यालय सभागृह", "एसआरसीसी कॉलेज का स्पोर्ट्स स्टेडियम": a hall or
            # ground of a named institution, one venue
            out[-1] = VenueMention(out[-1].start, he, hs, head, True)
            continue
        if out and start < out[-1].end:
            start = max(hs, out[-1].end)
            words = [w for w in words if w[0] >= start]
        out.append(VenueMention(start, he, hs, head, bool(words)))
    return out


def venue_place(name: str, head: Head, enclosing: Place | None = None) -> Place:
    """The ``Place`` of a venue named ``name`` (as written), inside ``enclosing`` when known."""
    key = " ".join(fold_word(w) for w in re.findall(f"[{_L}]+", name))
    place = Place(
        id="venue:" + key + (f"@{enclosing.id}" if enclosing else ""),
        name=name,
        name_en="",
        kind="venue",
        country="",
        lat=None,
        lon=None,
        population=0,
        geonameid=None,
    )
    return enclosed(place, enclosing) if enclosing else place


def enclosed(place: Place, enclosing: Place, country: Place | None = None) -> Place:
    """``place`` inside ``enclosing``: the hierarchy nearest first, the country from it, coordinates from
    the nearest enclosing city (a country's point is its capital: no coordinates rather than a guess)."""
    within = (enclosing, *enclosing.within)
    if country is not None and country.id not in {p.id for p in within}:
        within = (*within, country)
    source = next((p for p in within if p.lat is not None and p.kind not in ("country", "region")), None)
    if place.lat is not None or source is None:
        return replace(place, within=within, country=place.country or enclosing.country)
    return replace(
        place,
        within=within,
        country=place.country or source.country,
        lat=source.lat,
        lon=source.lon,
        coordinates_from=source.id,
    )
