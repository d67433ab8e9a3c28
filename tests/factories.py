"""Test data: the seed article and small article payloads."""

from __future__ import annotations

import itertools
from pathlib import Path

# The seed is copied into the repo so tests run without the shared folder.
SEED_COPY = Path(__file__).resolve().parent / "data" / "seed_article.txt"
SEED_TEXT = SEED_COPY.read_text(encoding="utf-8")
# Our own second report of the seed's Lavrov warning (another outlet's wording: आगाह किया, word
# order), published the day after: it joins the seed's story.
LAVROV_SECOND_REPORT = (
    "मॉस्को, 13 जुलाई। रूसी विदेश मंत्री सर्गेई लावरोव ने अमेरिका, जापान और दक्षिण कोरिया को उत्तर कोरिया "
    "के खिलाफ सुरक्षा गठबंधन बनाने को लेकर आगाह किया है। लावरोव ने कहा कि वे इस गठबंधन का इस्तेमाल उत्तर "
    "कोरिया और रूस के खिलाफ करने की हर कोशिश के खिलाफ चेतावनी देते हैं।"
)

_counter = itertools.count(1)


def article_payload(**overrides) -> dict:
    """A small, unique Hindi article as a JSON body."""
    n = next(_counter)
    payload = {
        "text": f"इंदौर नगर निगम ने सोमवार को {n} नई सड़कों की घोषणा की। महापौर ने कहा कि काम जल्द शुरू होगा।",
        "url": f"https://example.com/news/{n}",
        "title": f"खबर {n}",
        "published_at": "2025-07-15T09:30:00+05:30",
    }
    payload.update(overrides)
    return payload
