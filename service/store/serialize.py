"""Plain-dict views of stored rows, shaped as the API's schemas (lean: no schema dump; no reads)."""

from __future__ import annotations

from service.store.models import Article, DateMention, Entity


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


def entity_dict(e: Entity) -> dict:
    return {
        "id": e.id,
        "kind": e.kind,
        "name": e.name,
        "country": e.country,
        "lat": e.lat,
        "lon": e.lon,
        "gazetteer_id": e.gazetteer_id,
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
