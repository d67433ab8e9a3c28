"""Extraction pipeline for one article: anchor, date mentions, places and claims."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from service.claims import extract as claims
from service.dates import resolver as dates
from service.places import finder as places

# Bump when extraction output may change, so that stored articles can be reprocessed.
EXTRACTOR_VERSION = "2026.12.04.11"

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Extraction:
    """Everything the extractors found in one article body."""

    anchor: dates.Anchor
    dates: list[dates.DateMention] = field(default_factory=list)
    claims: list[claims.ClaimDraft] = field(default_factory=list)
    error: str | None = None


def extract(body: str, *, published: dt.date | None, today: dt.date) -> Extraction:
    """Run every extractor over ``body`` (the article text without raw-dump boilerplate).

    A bug in an extractor must not lose the article: the failure is reported in
    ``Extraction.error`` and the article is stored with whatever was found before it.
    """
    try:
        anchor = dates.choose_anchor(body, published=published, today=today)
    except Exception as exc:  # any extractor bug is contained, see the docstring
        log.exception("anchor selection failed")
        fallback = dates.Anchor(value=published or today, source="published_at" if published else "ingested")
        return Extraction(anchor=fallback, error=f"anchor: {type(exc).__name__}: {exc}")
    result = Extraction(anchor=anchor)
    try:
        result.dates = dates.resolve_dates(body, anchor.value)
        found_places = places.find_places(body)
        result.claims = claims.extract_claims(body, result.dates, anchor.value, found_places)
    except Exception as exc:
        log.exception("extraction failed")
        result.error = f"{type(exc).__name__}: {exc}"
        result.claims = []
    return result
