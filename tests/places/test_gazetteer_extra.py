"""The derived gazetteer data (data/gazetteer_extra.tsv): licence, counts, folding, coordinates, use."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from service.places import gazetteer, gazetteer_extra
from service.places.finder import find_places
from service.places.gazetteer import fold_word, name_key
from service.places.lexicon import NOT_PLACES, STOPLIST

CASES = Path(__file__).with_name("cases")
# India's bounding box (mainland plus Andaman & Nicobar and Lakshadweep), degrees.
INDIA_LAT = (6.0, 37.5)
INDIA_LON = (68.0, 97.5)
ROWS = gazetteer_extra.load()


def cases(name: str) -> list:
    rows = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return [pytest.param(row, id=row["id"]) for row in rows]


@pytest.mark.parametrize("case", cases("gazetteer_extra.yaml"))
def test_extra_names_are_found_as_places(case):
    found = [[m.text, m.place.id] for m in find_places(case["text"])]
    assert found == case["want"]


def test_licence_is_recorded():
    header = gazetteer_extra.licence()
    for needed in ("ISC", "CC BY 4.0", "Unicode", "GeoNames", "scripts/build_gazetteer_extra.py"):
        assert needed in header


def test_counts():
    by_source = {s: [r for r in ROWS if r.source == s] for s in ("district", "cldr-zone")}
    assert len(by_source["district"]) >= 500
    assert len(by_source["cldr-zone"]) >= 250
    assert {r.source for r in ROWS} == set(by_source)
    assert len({r.state for r in by_source["district"]}) >= 30  # every state and most UTs


def test_every_name_is_devanagari_and_indexed_folded():
    gz = gazetteer.get()
    for row in ROWS:
        assert name_key(row.hindi), row
    for key in gz.by_key:
        assert all(fold_word(w) == w for w in key), key
    # Every unambiguous name is indexed, unless it is a stoplisted word (आनंद) or the plausibility rules
    # reject it (short names of small towns: थिंपू, स्टैनली); most reach their own town (a few keep an
    # earlier meaning).
    kept = gazetteer_extra.unambiguous(name_key)
    words = {name_key(w) for w in STOPLIST + NOT_PLACES}
    own = 0
    for key, row in kept:
        place = gz.by_key.get(key)
        if place is None and key not in words:
            assert not gazetteer._plausible(key, gazetteer._city(row.as_geonames())), row
        own += place is not None and place.geonameid == row.geonameid
    assert own >= 0.8 * len(kept)


def test_indian_entries_lie_inside_india():
    for row in ROWS:
        if row.country == "IN":
            assert INDIA_LAT[0] <= row.lat <= INDIA_LAT[1] and INDIA_LON[0] <= row.lon <= INDIA_LON[1], row
    assert all(r.country == "IN" and r.state for r in ROWS if r.source == "district")


def test_a_name_for_two_towns_is_left_out():
    aurangabad = [r for r in ROWS if r.hindi == "औरंगाबाद"]
    assert {r.state for r in aurangabad} == {"Bihar", "Maharashtra"}
    assert all(k != name_key("औरंगाबाद") for k, _ in gazetteer_extra.unambiguous(name_key))


def test_everyday_words_are_left_out():
    kept = {k for k, _ in gazetteer_extra.unambiguous(name_key)}
    assert name_key("बस्ती") not in kept
    assert any(r.hindi == "बस्ती" for r in ROWS)  # in the data, dropped at load
