"""Claim extraction: the seed article's four claims and each pattern on our own sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from service.claims import extract_claims
from service.dates import resolve_dates

SEED = Path("/work/shared/seed/000_684fd98b3296ba74.txt")
ANCHOR = dt.date(2025, 7, 12)


def claims_of(text: str, anchor: dt.date = ANCHOR, places=None):
    return extract_claims(text, resolve_dates(text, anchor), anchor, places)


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_yields_exactly_the_four_design_claims():
    raw = SEED.read_text(encoding="utf-8")
    body = raw[: raw.index("world news,")]
    claims = claims_of(body)
    assert [c.verb for c in claims] == ["धमकी दी", "चेतावनी दी", "आरोप लगाया", "कहा"]
    for c in claims:
        assert c.speaker_name == "सर्गेई लावरोव"
        assert c.date is not None and c.date.value == "2025-07-12"
        assert c.place is not None and c.place.name_en.startswith("W") and c.place.country == "KP"
        assert body[c.start : c.end].strip()
    assert "अमेरिका, दक्षिण कोरिया और जापान को धमकी दी" in body[claims[0].start : claims[0].end]
    assert claims[0].speaker_role in ("रूस के विदेश मंत्री", "रूसी विदेश मंत्री")
    assert claims[3].quote_type == "direct" and claims[3].quote.startswith("हम इस गठबंधन")


def test_seed_tail_yields_no_claims():
    tail = "world news, latest news, hindi news today, oxbig news\nEnglish News\nhttps://example.com/a-b"
    assert claims_of(tail) == []
