"""Plain-dict views of stored rows, shaped as the API's schemas (lean: no schema dump)."""

from __future__ import annotations

from service.store.models import Article, DateMention


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def date_mention_dict(m: DateMention) -> dict:
    """A stored row or a domain ``service.dates.DateMention`` (same attributes) as JSON."""
    return {
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "value": m.value,
        "granularity": m.granularity,
        "date_from": _iso(m.date_from),
        "date_to": _iso(m.date_to),
        "warnings": list(m.warnings or []),
    }


def article_summary(a: Article) -> dict:
    return {
        "id": a.id,
        "url": a.url,
        "title": a.title,
        "published_at": a.published_at,
        "source": a.source,
        "language": a.language,
        "anchor": {"value": _iso(a.anchor_date), "source": a.anchor_source},
        "ingested_at": _iso(a.ingested_at),
        "extractor_version": a.extractor_version,
        "extraction_error": a.extraction_error,
    }


def article_dict(a: Article, *, dates: list | None = None, claims: list[dict] | None = None) -> dict:
    """The full Article of DESIGN.md: summary, text, dates and claims.

    ``dates`` (domain mentions) and ``claims`` (API dicts) may be passed in when they are
    at hand (just ingested); otherwise they are read (two queries).
    """
    from service.store.claim_query import (
        claims_of_article,  # local: claim_query imports queries imports serialize
    )

    out = article_summary(a)
    out["text"] = a.text
    out["body_end"] = a.body_end
    if dates is None:
        dates = DateMention.select().where(DateMention.article == a.id).order_by(DateMention.start)
    out["dates"] = [date_mention_dict(m) for m in dates]
    out["claims"] = claims_of_article(a.id) if claims is None else claims
    return out
