"""Storing an article with everything extracted from it, in one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

import peewee as pw

from . import pipeline
from .db import write_transaction
from .entities import EntityResolver
from .hindi import fold, nfc, normalize_for_hash
from .models import Article, Claim, ClaimMention, DateMention, utcnow
from .rawdump import split_dump
from .serialize import claim_dict

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


@dataclass(frozen=True, slots=True)
class IngestResult:
    """The stored article; for a new one, also what was extracted (to answer without a read-back)."""

    article: Article
    created: bool
    dates: list | None = None
    claims: list[dict] | None = None


def ingest_article(submission: NewArticle, *, today: dt.date | None = None) -> IngestResult:
    """Store ``submission`` unless it is already known.

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
        return IngestResult(existing, created=False)
    published = submission.published_at.date() if submission.published_at else None
    extraction = pipeline.extract(
        text[: layout.body_end], published=published, today=today or dt.date.today()
    )
    try:
        with write_transaction():
            existing = find_existing(url=url, digest=digest)
            if existing:
                return IngestResult(existing, created=False)
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
            claims = save_extraction(article, extraction)
    except pw.IntegrityError:
        existing = find_existing(url=url, digest=digest)
        if existing is None:
            raise
        return IngestResult(existing, created=False)
    if extraction.error:
        log.error("extraction failed for article %s: %s", article.id, extraction.error)
    return IngestResult(article, created=True, dates=extraction.dates, claims=claims)


def save_extraction(article: Article, extraction: pipeline.Extraction) -> list[dict]:
    """Insert the date mentions and claims of ``article`` (inside the caller's transaction).

    Returns the claims as API dicts, so the response needs no read-back. Claims go in with
    one multi-row INSERT: peewee spends more time building an INSERT than SQLite running it.
    """
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
    return save_claims(article, extraction.claims)


def save_claims(article: Article, drafts) -> list[dict]:
    """Insert extracted claims with their speakers, places and mentioned places."""
    if not drafts:
        return []
    resolver = EntityResolver()
    now = utcnow()
    claims, entities = [], []
    for draft in drafts:
        speaker = None
        if draft.speaker_name:
            speaker = resolver.speaker(
                kind=draft.speaker_kind, name=draft.speaker_name, aliases=draft.speaker_aliases
            )
        place = resolver.place(draft.place, as_written=draft.place_text) if draft.place else None
        date = draft.date
        interval_start = (date.date_from or date.date_to) if date else None
        claims.append(
            Claim(
                article=article.id,
                speaker=speaker.id if speaker else None,
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
                sort_date=interval_start or article.anchor_date,
                place=place.id if place else None,
                origin="extracted",
                confidence=draft.confidence,
                manual_fields=[],
                search_text=claim_search_text(draft.quote, draft.speaker_name, draft.speaker_role),
                created_at=now,
                updated_at=now,
            )
        )
        entities.append((speaker, place))
    rows = [{field: claim.__data__.get(field) for field in _CLAIM_COLUMNS} for claim in claims]
    ids = [row[0] for row in Claim.insert_many(rows).returning(Claim.id).tuples().execute()]
    mention_rows = []
    for claim, claim_id, draft in zip(claims, ids, drafts, strict=True):
        claim.id = claim_id
        for mention in draft.mentions:
            entity = resolver.place(mention.place, as_written=mention.text)
            mention_rows.append(
                {"claim": claim_id, "entity": entity.id, "start": mention.start, "end": mention.end}
            )
    if mention_rows:
        ClaimMention.insert_many(mention_rows).execute()
    return [claim_dict(c, speaker=s, place=p) for c, (s, p) in zip(claims, entities, strict=True)]


_CLAIM_COLUMNS = [name for name in Claim._meta.fields if name != "id"]


def claim_search_text(quote: str, speaker: str | None, role: str | None) -> str:
    """The folded text full-text search runs on: quote, speaker and role."""
    return fold(" ".join(part for part in (quote, speaker, role) if part))
