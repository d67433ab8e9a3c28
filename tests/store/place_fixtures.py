"""Extractor places and claim drafts built by hand, to store claims without running the extractor."""

from __future__ import annotations

import datetime as dt

from service.claims.extract import ClaimDraft
from service.ingest import content_hash
from service.places.gazetteer import Place
from service.store import articles
from service.store.models import Article, utcnow


def place(pid, name, kind, *, country="IN", lat=None, lon=None, within=(), coordinates_from=None) -> Place:
    return Place(
        id=pid,
        name=name,
        name_en="",
        kind=kind,
        country=country,
        lat=lat,
        lon=lon,
        population=0,
        geonameid=None,
        within=tuple(within),
        coordinates_from=coordinates_from,
    )


INDIA = place("cldr:IN", "भारत", "country")
INDORE = place("geonames:1269743", "इंदौर", "city", lat=22.72, lon=75.86, within=[INDIA])
BHOPAL = place("geonames:1275841", "भोपाल", "city", lat=23.25, lon=77.40, within=[INDIA])


def inside(pid: str, name: str, kind: str, city: Place) -> Place:
    """A venue or locality inside ``city``, with the city's coordinates (as the extractor makes it)."""
    return place(pid, name, kind, lat=city.lat, lon=city.lon, within=[city, INDIA], coordinates_from=city.id)


THEATRE = inside("venue:रवींद्र नाट्य गृह@geonames:1269743", "रवींद्र नाट्य गृह", "venue", INDORE)
COLONY = inside("local:सहकार नगर", "सहकार नगर", "locality", INDORE)
INDORE_COURT = inside("venue:हाई कोर्ट@geonames:1269743", "हाई कोर्ट", "venue", INDORE)
BHOPAL_COURT = inside("venue:हाई कोर्ट@geonames:1275841", "हाई कोर्ट", "venue", BHOPAL)


def draft(
    quote: str, at: Place | None, *, written=None, confidence=0.8, resolved="name", mention=0
) -> ClaimDraft:
    return ClaimDraft(
        speaker_name="सुनीता वर्मा",
        speaker_role="महापौर",
        speaker_kind="person",
        speaker_aliases=(),
        verb="कहा",
        verb_class="statement",
        quote=quote,
        quote_type="indirect",
        start=mention,
        end=mention + 10,
        date=None,
        place=at,
        confidence=confidence,
        place_text=written,
        speaker_resolved_from=resolved,
        speaker_mention_start=mention,
    )


def store(drafts: list[ClaimDraft], *, text: str = "एक लेख") -> list[dict]:
    """Store one article with these claim drafts; its claims as the API serves them."""
    article = Article(
        url=None,
        content_hash=content_hash(text + str(len(drafts)) + drafts[0].quote),
        title=None,
        text=text,
        body_end=len(text),
        language="hi",
        source=None,
        published_at=None,
        anchor_date=dt.date(2025, 7, 12),
        anchor_source="ingested",
        ingested_at=utcnow(),
        extractor_version="test",
        extraction_error=None,
    )
    return articles.insert_article(article, dates=[], drafts=drafts)[1]
