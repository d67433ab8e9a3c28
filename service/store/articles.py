"""Storing an article with everything extracted from it, in one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

import peewee as pw

from service import pipeline
from service.store import claim_query, sql
from service.store.db import write_transaction
from service.store.entities import EntityResolver
from service.store.models import Article, Claim, ClaimMention, DateMention, utcnow
from service.text.hindi import fold, nfc
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


def content_hash(text: str) -> str:
    """Identity of an article's text: the same under any Unicode normalization and spacing."""
    return hashlib.sha256(" ".join(nfc(text).split()).encode()).hexdigest()


def find_existing(*, url: str | None, digest: str) -> Article | None:
    row = sql.one('SELECT "id" FROM "article" WHERE "content_hash" = ? OR "url" = ? LIMIT 1', (digest, url))
    return Article.get_by_id(row[0]) if row else None


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
    # Stored as sent: every offset we return must slice the client's own text. Identity (the
    # dedupe hash) ignores how it was normalized (NFC, or क़…य़ precomposed) and spaced.
    text = submission.text
    layout = split_dump(text)
    url = submission.url or layout.url
    digest = content_hash(text)
    existing = find_existing(url=url, digest=digest)
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
    try:
        with write_transaction():
            existing = find_existing(url=url, digest=digest)
            if existing:
                return IngestResult(existing, created=False)
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
            article.id = sql.insert_rows(
                "article", _ARTICLE_COLUMNS, [_db_row(article, _ARTICLE_COLUMNS)], returning_id=True
            )[0]
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

    Returns the claims as API dicts (read back in the same transaction). Claims go in with
    one multi-row INSERT: peewee spends more time building an INSERT than SQLite running it.
    """
    sql.insert_rows(
        DateMention._meta.table_name,
        ("article_id", "start", "end", "text", "value", "granularity", "date_from", "date_to", "warnings"),
        [
            (
                article.id,
                m.start,
                m.end,
                m.text,
                m.value,
                m.granularity,
                sql.iso(m.date_from),
                sql.iso(m.date_to),
                sql.as_json(list(m.warnings)),
            )
            for m in extraction.dates
        ],
    )
    return save_claims(article, extraction.claims)


def save_claims(article: Article, drafts) -> list[dict]:
    """Insert extracted claims; returns them as API dicts."""
    if not insert_claims(article, drafts, resolver=EntityResolver()):
        return []
    # Read back through the one claim serializer (a new article has no other claims).
    return claim_query.claims_of_article(article.id)


def save_claim_draft(article: Article, draft, *, resolver: EntityResolver) -> Claim:
    """Insert one extracted claim (reprocessing matches claims one by one)."""
    return insert_claims(article, [draft], resolver=resolver)[0][0]


def insert_claims(article: Article, drafts, *, resolver: EntityResolver) -> list[tuple]:
    """Insert claims with their speakers, places and mentioned places in a few statements.

    Returns (claim, speaker entity, place entity) per draft, the claims with their new ids.
    """
    if not drafts:
        return []
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
    ids = sql.insert_rows(
        "claim", _CLAIM_COLUMNS, [_db_row(claim, _CLAIM_COLUMNS) for claim in claims], returning_id=True
    )
    mention_rows = []
    for claim, claim_id, draft in zip(claims, ids, drafts, strict=True):
        claim.id = claim_id
        for mention in draft.mentions:
            entity = resolver.place(mention.place, as_written=mention.text)
            mention_rows.append((claim_id, entity.id, mention.start, mention.end))
    sql.insert_rows(ClaimMention._meta.table_name, ("claim_id", "entity_id", "start", "end"), mention_rows)
    return [(claim, speaker, place) for claim, (speaker, place) in zip(claims, entities, strict=True)]


def _columns(model) -> tuple[str, ...]:
    return tuple(field.column_name for name, field in model._meta.fields.items() if name != "id")


def _db_row(instance, columns: tuple[str, ...]) -> tuple:
    """The row of an unsaved model instance, each value converted by its field (JSON, dates)."""
    fields = type(instance)._meta.columns
    return tuple(fields[column].db_value(instance.__data__.get(fields[column].name)) for column in columns)


_ARTICLE_COLUMNS = _columns(Article)
_CLAIM_COLUMNS = _columns(Claim)


def claim_search_text(quote: str, speaker: str | None, role: str | None) -> str:
    """The folded text full-text search runs on: quote, speaker and role."""
    return fold(" ".join(part for part in (quote, speaker, role) if part))
