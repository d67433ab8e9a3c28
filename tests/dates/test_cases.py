"""The date grammar on its case tables (tests/dates/cases/*.yaml, one file per rule family).

Each case: a sentence, its reference date and every date expression in it with its TIMEX3 value
and interval; resolved in the GENERAL style (what POST /v1/dates/resolve does by default).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from service.dates.resolver import GENERAL, resolve_dates

CASES = Path(__file__).parent / "cases"


def load_cases() -> list:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        known = {c["id"]: c["reason"] for c in doc.get("known_failures", [])}
        for case in doc["cases"]:
            marks = [pytest.mark.xfail(reason=known[case["id"]], strict=True)] if case["id"] in known else []
            params.append(pytest.param(case, id=f"{doc['family']}/{case['id']}", marks=marks))
    return params


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def check(case: dict) -> list[str]:
    """Problems with our output on one case (empty when it passes)."""
    ref = case["ref"] if isinstance(case["ref"], dt.date) else dt.date.fromisoformat(str(case["ref"]))
    got = resolve_dates(case["text"], ref, style=GENERAL)
    problems = []
    for want in case["dates"]:
        hit = next((m for m in got if m.text == want["expr"]), None)
        if hit is None:
            overlapping = [m.text for m in got if want["expr"] in m.text or m.text in want["expr"]]
            problems.append(
                f"missing {want['expr']!r} (got {[m.text for m in got]}, overlapping {overlapping})"
            )
            continue
        got.remove(hit)
        if hit.value != str(want["value"]):
            problems.append(f"{want['expr']!r}: value {hit.value} != {want['value']}")
        elif want.get("from") is not None and (_iso(hit.date_from), _iso(hit.date_to)) != (
            str(want["from"]),
            str(want["to"]),
        ):
            problems.append(
                f"{want['expr']!r}: interval {hit.date_from}..{hit.date_to} != {want['from']}..{want['to']}"
            )
    problems += [f"extra {m.text!r} -> {m.value}" for m in got]
    return problems


@pytest.mark.parametrize("case", load_cases())
def test_case(case):
    assert check(case) == []
