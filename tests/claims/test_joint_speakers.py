"""Joint statements yield one claim per speaker (cases in cases/joint_speakers.yaml)."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from service.pipeline import extract

DAY = dt.date(2026, 3, 10)
CASES = yaml.safe_load((Path(__file__).parent / "cases" / "joint_speakers.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["id"] for c in CASES["cases"]])
def test_joint_speakers(case):
    claims = extract(case["text"], published=DAY, today=DAY).claims
    assert [c.speaker_name for c in claims] == case["speakers"]
    assert len({c.quote for c in claims}) == 1
