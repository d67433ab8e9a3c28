"""Storing an article with everything extracted from it, in one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

import peewee as pw

from . import pipeline
from .db import write_transaction
from .entities import resolve_entity, resolve_place
from .hindi import fold, nfc, normalize_for_hash
from .models import Article, Claim, ClaimMention, DateMention, utcnow
from .rawdump import split_dump

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class NewArticle:
    """A validated article submission."""

    text: str
    url: str | None = None
    title: str | None = None
    published_at: dt.datetime | None = None  # offset-aware or naive, as the client sent it
    source: str | None = None
    language: str = "hi"


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_for_hash(text).encode()).hexdigest()


def find_existing(*, url: str | None, digest: str) -> Article | None:
    condition = Article.content_hash == digest
    if url:
        condition |= Article.url == url
    return Article.select().where(condition).first()


def ingest_article(submission: NewArticle, *, today: dt.date | None = None) -> tuple[Article, bool]:
    """Store ``submission`` unless it is already known; returns (article, created).

    Extraction runs before the write transaction so the write lock is held only for the
    inserts; the existence check is repeated inside it, and a unique-index conflict with a
    concurrent identical POST resolves to the stored article.
    """
    text = nfc(submission.text)
    layout = split_dump(text)
    url = submission.url or layout.url
    digest = content_hash(text)
    existing = find_existing(url=url, digest=digest)
    if existing:
        return existing, False
    published = submission.published_at.date() if submission.published_at else None
    extraction = pipeline.extract(
        text[: layout.body_end], published=published, today=today or dt.date.today()
    )
    try:
        with write_transaction():
            existing = find_existing(url=url, digest=digest)
            if existing:
                return existing, False
            article = Article.create(
                url=url,
                content_hash=digest,
                title=submission.title,
                text=text,
                body_end=layout.body_end,
                language=submission.language or "hi",
                source=submission.source,
                published_at=submission.published_at.isoformat() if submission.published_at else None,
                anchor_date=extraction.anchor.value,
                anchor_source=extraction.anchor.source,
                extractor_version=pipeline.EXTRACTOR_VERSION,
                extraction_error=extraction.error,
            )
            save_extraction(article, extraction)
    except pw.IntegrityError:
        existing = find_existing(url=url, digest=digest)
        if existing is None:
            raise
        return existing, False
    if extraction.error:
        log.error("extraction failed for article %s: %s", article.id, extraction.error)
    return article, True


def save_extraction(article: Article, extraction: pipeline.Extraction) -> None:
    """Insert the date mentions and claims of ``article`` (inside the caller's transaction)."""
    if extraction.dates:
        DateMention.insert_many(
            [
                {
                    "article": article.id,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "value": m.value,
                    "granularity": m.granularity,
                    "date_from": m.date_from,
                    "date_to": m.date_to,
                    "warnings": list(m.warnings),
                }
                for m in extraction.dates
            ]
        ).execute()
    for draft in extraction.claims:
        save_claim_draft(article, draft)


def save_claim_draft(article: Article, draft) -> Claim:
    speaker = None
    if draft.speaker_name:
        speaker = resolve_entity(
            kind=draft.speaker_kind, name=draft.speaker_name, aliases=draft.speaker_aliases
        )
    place = resolve_place(draft.place, as_written=draft.place_text) if draft.place else None
    date = draft.date
    claim = Claim.create(
        article=article.id,
        speaker=speaker,
        speaker_role=draft.speaker_role,
        verb=draft.verb,
        verb_class=draft.verb_class,
        quote=draft.quote,
        quote_type=draft.quote_type,
        start=draft.start,
        end=draft.end,
        date_value=date.value if date else None,
        date_granularity=date.granularity if date else None,
        date_from=date.date_from if date else None,
        date_to=date.date_to if date else None,
        date_source=date.source if date else None,
        sort_date=(date.date_from or date.date_to)
        if date and (date.date_from or date.date_to)
        else article.anchor_date,
        place=place,
        origin="extracted",
        confidence=draft.confidence,
        search_text=claim_search_text(draft.quote, draft.speaker_name, draft.speaker_role),
        created_at=utcnow(),
        updated_at=utcnow(),
    )
    mention_rows = []
    for mention in getattr(draft, "mentions", ()) or ():
        entity = resolve_place(mention.place, as_written=mention.text)
        mention_rows.append(
            {"claim": claim.id, "entity": entity.id, "start": mention.start, "end": mention.end}
        )
    if mention_rows:
        ClaimMention.insert_many(mention_rows).execute()
    return claim


def claim_search_text(quote: str, speaker: str | None, role: str | None) -> str:
    """The folded text full-text search runs on: quote, speaker and role."""
    return fold(" ".join(part for part in (quote, speaker, role) if part))
