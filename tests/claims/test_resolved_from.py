"""Each claim says how its speaker was resolved and from which mention (cases/resolved_from.yaml)."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from service.pipeline import extract

DAY = dt.date(2026, 3, 10)
CASES = yaml.safe_load((Path(__file__).parent / "cases" / "resolved_from.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["id"] for c in CASES["cases"]])
def test_resolved_from(case):
    text = case["text"]
    claims = extract(text, published=DAY, today=DAY).claims
    got = [(c.speaker_resolved_from, c.speaker_mention_start) for c in claims]
    assert [how for how, _ in got] == [how for how, _ in case["claims"]], got
    for (_, at), (_, words) in zip(got, case["claims"], strict=True):
        assert text.startswith(words, at), (text[at : at + 20], words)
