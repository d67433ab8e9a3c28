"""Statement settings ("… ने राजवाड़ा चौक पर कहा") on our own sentences (cases/settings.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from service.claims.extract import extract_claims
from service.dates.resolver import resolve_dates
from service.places.setting import find_setting
from service.text.hindi import fold

ANCHOR = dt.date(2025, 3, 5)
ROWS = yaml.safe_load(Path(__file__).with_name("cases").joinpath("settings.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(r, id=r["id"]) for r in ROWS])
def test_statement_setting(case):
    text = case["text"]
    claims = extract_claims(text, resolve_dates(text, ANCHOR), ANCHOR)
    assert [c.place.name if c.place else None for c in claims] == case["want"]
    if "kind" in case:
        assert claims[0].place.kind == case["kind"]


def test_a_venue_setting_lies_in_the_dateline_city_and_takes_its_coordinates():
    text = "इंदौर। विधायक ने शनिवार को राजवाड़ा चौक पर कहा कि सड़क जल्द बनेगी।"
    (c,) = extract_claims(text, resolve_dates(text, ANCHOR), ANCHOR)
    assert [p.name for p in c.place.within] == ["इंदौर", "भारत"]
    assert c.place.coordinates_from == "geonames:1269743" and c.place.lat is not None


@pytest.mark.parametrize(
    ("frame", "want"),
    [
        ("ने कल नेहरू पार्क में", "नेहरू पार्क"),
        ("ने अपने दफ्तर में", "दफ्तर"),
        ("ने दफ्तर में", None),  # a bare head needs a determiner: which office?
        ("ने बयान में", None),
        ("ने मामले में", None),
    ],
)
def test_find_setting_in_a_frame(frame, want):
    f = fold(frame + " कहा")
    got = find_setting(f, 0, len(f) - len(" कहा"), before_verb=False)
    assert (f[got.start : got.end] if got else None) == (fold(want) if want else None)


def test_setting_heads_and_not_places_do_not_overlap():
    from service.places import setting

    heads = {w for key in setting._HEADS for w in key}
    assert not heads & setting._NOT_SETTING
