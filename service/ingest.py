"""The ingest use case: dedupe, truncation policy, extraction, then one store call."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

from service import linking, pipeline
from service.store import articles
from service.store.models import Article, utcnow
from service.text.hindi import nfc
from service.text.rawdump import split_dump

log = logging.getLogger(__name__)

# Real news articles are far shorter (the eval corpus: at most ~17,000 characters).
MAX_EXTRACT_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class NewArticle:
    """A validated article submission."""

    text: str
    url: str | None = None
    title: str | None = None
    published_at: dt.datetime | None = None  # offset-aware or naive, as the client sent it
    source: str | None = None
    language: str = "hi"


@dataclass(frozen=True, slots=True)
class IngestResult:
    """The stored article; for a new one, also what was extracted (to answer without a read-back)."""

    article: Article
    created: bool
    dates: list | None = None
    claims: list[dict] | None = None


def content_hash(text: str) -> str:
    """Identity of an article's text: the same under any Unicode normalization and spacing."""
    return hashlib.sha256(" ".join(nfc(text).split()).encode()).hexdigest()


def ingest_article(submission: NewArticle, *, today: dt.date | None = None) -> IngestResult:
    """Store ``submission`` unless it is already known.

    Extraction runs before the write transaction so the write lock is held only for the
    inserts; ``articles.insert_article`` repeats the existence check inside it.
    """
    # Stored as sent: every offset we return must slice the client's own text. Identity (the
    # dedupe hash) ignores how it was normalized (NFC, or क़…य़ precomposed) and spaced.
    text = submission.text
    layout = split_dump(text)
    url = submission.url or layout.url
    digest = content_hash(text)
    existing = articles.find_existing(url=url, digest=digest)
    if existing:
        return IngestResult(existing, created=False)
    published = submission.published_at.date() if submission.published_at else None
    body = text[: layout.body_end]
    # Extraction time grows with length (and faster than linearly on some inputs): a long text
    # is stored whole, but dates and claims come from its first MAX_EXTRACT_CHARS only.
    extraction = pipeline.extract(
        body[:MAX_EXTRACT_CHARS], published=published, today=today or dt.date.today()
    )
    if len(body) > MAX_EXTRACT_CHARS and not extraction.error:
        extraction.error = (
            f"truncated: extracted from the first {MAX_EXTRACT_CHARS} of {len(body)} characters"
        )
    article = Article(
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
        ingested_at=utcnow(),
        extractor_version=pipeline.EXTRACTOR_VERSION,
        extraction_error=extraction.error,
    )
    # Matching runs in the article's transaction: a new report is in its story once stored.
    stored, claims = articles.insert_article(
        article, dates=extraction.dates, drafts=extraction.claims, link=linking.link_new_claims
    )
    if claims is None:
        return IngestResult(stored, created=False)
    if extraction.error:
        log.error("extraction failed for article %s: %s", stored.id, extraction.error)
    return IngestResult(stored, created=True, dates=extraction.dates, claims=claims)
