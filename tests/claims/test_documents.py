"""Documents as speakers (cases in cases/documents.yaml)."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from service.pipeline import extract

DAY = dt.date(2026, 3, 10)
CASES = yaml.safe_load((Path(__file__).parent / "cases" / "documents.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["id"] for c in CASES["cases"]])
def test_document_speaker(case):
    claims = extract(case["text"], published=DAY, today=DAY).claims
    if case["speaker"] is None:
        assert claims == []
        return
    got = [(c.speaker_name, c.quote) for c in claims]
    assert any(case["speaker"] in (name or "") and case["quote"] in quote for name, quote in got), got
