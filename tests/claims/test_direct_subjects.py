"""Speaker/quote case tables: say-verbs without ने (cases/direct_subjects.yaml), genitive
statements (cases/genitive.yaml), other constructions (cases/constructions.yaml), pronoun
antecedents (cases/plain_pronouns.yaml), answers to a question (cases/addressee.yaml) and direct-case
topics (cases/direct_case_topics.yaml)."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from service.pipeline import extract

DAY = dt.date(2026, 3, 10)
CASES = {"cases": []}
for name in (
    "direct_subjects.yaml",
    "genitive.yaml",
    "constructions.yaml",
    "plain_pronouns.yaml",
    "addressee.yaml",
    "direct_case_topics.yaml",
    "fact_sources.yaml",
):
    table = yaml.safe_load((Path(__file__).parent / "cases" / name).read_text(encoding="utf-8"))
    CASES["cases"] += [{**c, "id": f"{table['family']}/{c['id']}"} for c in table["cases"]]


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["id"] for c in CASES["cases"]])
def test_direct_subject(case):
    claims = extract(case["text"], published=DAY, today=DAY).claims
    if case["speaker"] is None:
        assert claims == []
        return
    got = [(c.speaker_name, c.quote) for c in claims]
    assert any(name == case["speaker"] and case["quote"] in quote for name, quote in got), got
    if "absent" in case:  # the claim must stop before this phrase
        assert not any(name == case["speaker"] and case["absent"] in quote for name, quote in got), got
