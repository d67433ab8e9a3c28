"""Venue recognition and the place hierarchy on our own sentences (cases in cases/*.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from service.places import gazetteer
from service.places.finder import find_places
from service.places.hierarchy import enclosing_before, local_kind, place_within
from service.places.local import local_place
from service.places.venues import HEADS, NOT_AFTER, SPEECH_EVENT_RE, find_venues, venue_place
from service.text.hindi import fold

CASES = Path(__file__).with_name("cases")


def cases(name: str) -> list:
    rows = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return [pytest.param(row, id=row["id"]) for row in rows]


@pytest.mark.parametrize("case", cases("venues.yaml"))
def test_venue_phrases(case):
    for text in (case["text"], fold(case["text"])):  # raw and folded text alike
        got = [[text[v.start : v.end], v.head.klass, v.named] for v in find_venues(text)]
        assert got == [[fold(n) if text != case["text"] else n, k, named] for n, k, named in case["want"]]


@pytest.mark.parametrize("case", cases("speech_events.yaml"))
def test_speech_event_cues(case):
    assert bool(SPEECH_EVENT_RE.match(fold("X" + case["text"]), 1)) == case["want"]


def test_head_lists_are_folded_keys_without_overlap():
    assert all(k == fold(k) for k in HEADS) and all(w == fold(w) for w in NOT_AFTER)
    assert not set(HEADS) & NOT_AFTER


def test_venue_takes_coordinates_and_country_from_its_city():
    indore = gazetteer.get().by_id["geonames:1269743"]
    place = place_within(venue_place("प्रेस क्लब", HEADS["प्रेस क्लब"]), indore)
    assert (place.kind, place.country, place.lat, place.lon) == ("venue", "IN", indore.lat, indore.lon)
    assert place.coordinates_from == indore.id
    assert [p.id for p in place.within] == [indore.id, "cldr:IN"]


def test_a_country_gives_no_coordinates():
    india = gazetteer.get().by_id["cldr:IN"]
    place = place_within(venue_place("लोकसभा", HEADS["लोकसभा"]), india)
    assert place.country == "IN" and place.lat is None and place.coordinates_from is None


@pytest.mark.parametrize(
    ("text", "phrase", "want"),
    [
        ("इंदौर के रवींद्र नाट्य गृह में", "रवींद्र नाट्य गृह", "इंदौर"),
        ("भोपाल जिले के सूखी सेवनिया गांव में", "सूखी सेवनिया गांव", "भोपाल"),
        ("इंदौर हाईकोर्ट ने कहा", "इंदौर हाईकोर्ट", "इंदौर"),
        ("इंदौर में बारिश हुई और रवींद्र नाट्य गृह में", "रवींद्र नाट्य गृह", None),
    ],
)
def test_enclosing_place_named_at_the_phrase(text, phrase, want):
    gaz = [(m.start, m.end, m.place) for m in find_places(text)]
    s = text.index(phrase)
    got = enclosing_before(text, s, s + len(phrase), gaz)
    assert (got.name if got else None) == want


@pytest.mark.parametrize(
    ("name", "kind"),
    [("रामगढ़ थाना", "venue"), ("सीहोर जिला", "district"), ("पटेल कॉलोनी", "locality")],
)
def test_local_place_kind_from_its_head(name, kind):
    assert local_kind(local_place(name, "IN")).kind == kind
