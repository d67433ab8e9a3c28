"""Closed sets in responses are declared as enums in the spec, and what the service answers stays
inside them (origin, granularity, date source; verb_class is open-ended and documented so)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from service.api.schemas import GRANULARITIES, ORIGINS
from service.dates.resolver import GENERAL, NEWS, resolve_dates
from tests.claim_helpers import make_claim
from tests.factories import SEED_TEXT

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
CASES = sorted((ROOT / "tests" / "dates" / "cases").glob("*.yaml"))


def schema_enum(component: str, prop: str) -> list[str]:
    return SPEC["components"]["schemas"][component]["properties"][prop]["enum"]


@pytest.mark.parametrize(
    ("component", "prop", "values"),
    [
        ("Claim", "origin", ORIGINS),
        ("Claim", "quote_type", ["direct", "indirect"]),
        ("ClaimDate", "granularity", GRANULARITIES),
        ("ClaimDate", "source", ["explicit", "inherited", "anchor", "manual"]),
        ("DateMention", "granularity", GRANULARITIES),
    ],
)
def test_closed_response_fields_are_enums_in_the_spec(component, prop, values):
    assert schema_enum(component, prop) == values


def test_verb_class_is_documented_as_open_ended():
    verb_class = SPEC["components"]["schemas"]["Claim"]["properties"]["verb_class"]
    assert "enum" not in verb_class and "not a closed enum" in verb_class["description"]


def test_the_granularity_enum_is_what_the_date_grammar_gives():
    """Every date of every case table, in both styles: no granularity outside the enum, none unused."""
    seen = set()
    for path in CASES:
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            ref = case.get("ref") or dt.date(2026, 3, 20)
            ref = ref if isinstance(ref, dt.date) else dt.date.fromisoformat(str(ref))
            for style in (GENERAL, NEWS):
                seen |= {d.granularity for d in resolve_dates(case["text"], ref, style=style)}
    assert seen == set(GRANULARITIES)


def test_answers_stay_inside_the_enums(client):
    article = client.post("/v1/articles", json={"text": SEED_TEXT, "published_at": "2025-07-12"}).json
    make_claim(client, date={"value": "2025-07"})
    make_claim(client, date={"value": "2025"})
    assert {d["granularity"] for d in article["dates"]} <= set(GRANULARITIES)
    claims = client.get("/v1/claims?limit=500").json["items"]
    assert {c["origin"] for c in claims} == set(ORIGINS)
    assert {c["date"]["granularity"] for c in claims if c["date"]} <= set(GRANULARITIES)
