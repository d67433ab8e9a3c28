"""The place of each claim, on our own sentences (cases in cases/claim_places.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from service.claims.extract import extract_claims
from service.dates.resolver import resolve_dates

ANCHOR = dt.date(2025, 3, 5)
ROWS = yaml.safe_load(
    Path(__file__).with_name("cases").joinpath("claim_places.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", [pytest.param(r, id=r["id"]) for r in ROWS])
def test_claim_place(case):
    text = case["text"]
    claims = extract_claims(text, resolve_dates(text, ANCHOR), ANCHOR)
    assert [c.place.name if c.place else None for c in claims] == case["want"]
    if "kind" in case:
        assert claims[0].place.kind == case["kind"]


def test_court_venue_inside_the_dateline_city_has_its_coordinates():
    text = "इंदौर, 4 मार्च। हाईकोर्ट ने कहा कि सड़कें ठीक हों।"
    (c,) = extract_claims(text, resolve_dates(text, ANCHOR), ANCHOR)
    assert [p.name for p in c.place.within] == ["इंदौर", "भारत"]
    assert c.place.coordinates_from == "geonames:1269743" and c.place.lat is not None
