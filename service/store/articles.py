"""The articles repository: an article with its date mentions and claims, in one transaction."""

from __future__ import annotations

import functools
import operator

import peewee as pw

from service.store import claim_query, outbox, serialize, sql, story_links
from service.store.db import write_transaction
from service.store.entities import EntityResolver
from service.store.models import Article, Claim, ClaimMention, DateMention, find, get, utcnow
from service.text.hindi import fold, spellings


def find_existing(*, url: str | None, digest: str) -> Article | None:
    """The stored article with this url or this content hash, if any."""
    row = sql.one('SELECT "id" FROM "article" WHERE "content_hash" = ? OR "url" = ? LIMIT 1', (digest, url))
    return Article.get_by_id(row[0]) if row else None


def list_articles(
    *, limit: int, after: list | None = None, from_=None, to=None, q: str | None = None
) -> tuple[list[Article], list | None]:
    """(up to ``limit`` articles, newest anchor date first, next keyset [iso anchor, id])."""
    query = Article.select().order_by(Article.anchor_date.desc(), Article.id.desc())
    if from_:
        query = query.where(Article.anchor_date >= from_)
    if to:
        query = query.where(Article.anchor_date <= to)
    if q:
        # Texts are stored as sent: match every spelling (peewee escapes LIKE wildcards).
        matches = [Article.title.contains(s) | Article.text.contains(s) for s in sorted(spellings(q))]
        query = query.where(functools.reduce(operator.or_, matches))
    if after is not None:
        anchor, last_id = after
        query = query.where(
            (Article.anchor_date < anchor) | ((Article.anchor_date == anchor) & (Article.id < last_id))
        )
    rows = list(query.limit(limit + 1))
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], [last.anchor_date.isoformat(), last.id]


def delete_article(article_id: int, *, unlink=None) -> None:
    """Delete an article with its date mentions and claims; ``NotFound`` when there is none.

    ``unlink(story_ids)`` runs in the same transaction with the stories its claims were in.
    """
    with write_transaction():
        article = get(Article, article_id)
        story_ids = story_links.stories_of_article(article.id)
        article.delete_instance(recursive=True, delete_nullable=True)
        if unlink is not None:
            unlink(story_ids)


def article_dict(a: Article, *, dates: list | None = None, claims: list[dict] | None = None) -> dict:
    """The full Article of DESIGN.md: summary, text, dates and claims.

    ``dates`` (domain mentions) and ``claims`` (API dicts) may be passed in when they are
    at hand (just ingested); otherwise they are read (two queries).
    """
    out = serialize.article_summary(a)
    out["text"] = a.text
    out["body_end"] = a.body_end
    if dates is None:
        dates = DateMention.select().where(DateMention.article == a.id).order_by(DateMention.start)
    out["dates"] = [serialize.date_mention_dict(m) for m in dates]
    out["claims"] = claim_query.claims_of_article(a.id) if claims is None else claims
    return out


def article_url(article_id: int | None) -> str | None:
    """The url of a stored article (None without one)."""
    article = find(Article, article_id) if article_id else None
    return article.url if article else None


def insert_article(
    article: Article, *, dates: list, drafts: list, link=None
) -> tuple[Article, list[dict] | None]:
    """Insert an unsaved ``article`` with its date mentions and claims in one write transaction.

    Returns (the new article, its claims as API dicts), or (the stored article, None) when its
    url or content hash is already known: checked again inside the transaction, and a
    unique-index conflict with a concurrent identical insert resolves to the stored article.
    ``link(article, claims)`` runs in the same transaction after the claims are inserted (stories);
    the ids it returns (claims that joined an existing story) get ``story.grown`` events.
    """
    try:
        with write_transaction():
            existing = find_existing(url=article.url, digest=article.content_hash)
            if existing:
                return existing, None
            article.id = sql.insert_rows(
                "article", _ARTICLE_COLUMNS, [_db_row(article, _ARTICLE_COLUMNS)], returning_id=True
            )[0]
            save_dates(article, dates)
            grown: set[int] = set()
            claims = save_claims(article, drafts, link=link, grown=grown)
            outbox.record("claim.created", claims)  # same transaction: no event without its claims
            outbox.record("story.grown", [c for c in claims if c["id"] in grown])
    except pw.IntegrityError:
        existing = find_existing(url=article.url, digest=article.content_hash)
        if existing is None:
            raise
        return existing, None
    return article, claims


def save_dates(article: Article, dates: list) -> None:
    """Insert the date mentions of ``article`` (inside the caller's transaction), one multi-row
    INSERT: peewee spends more time building an INSERT than SQLite running it."""
    fields = DateMention._meta.columns
    rows = [
        tuple(
            article.id
            if column == "article_id"
            else _db_value(fields[column], getattr(m, fields[column].name))
            for column in _DATE_COLUMNS
        )
        for m in dates
    ]
    sql.insert_rows(DateMention._meta.table_name, _DATE_COLUMNS, rows)


def _db_value(field, value):
    """A value in its database form: ISO text for dates (read back alike on both backends)."""
    if isinstance(field, pw.DateField | pw.DateTimeField):
        return sql.iso(value)
    return field.db_value(list(value) if isinstance(value, tuple) else value)


def save_claims(article: Article, drafts, *, link=None, grown: set[int] | None = None) -> list[dict]:
    """Insert extracted claims (then ``link`` them, see ``insert_article``; the ids it returns,
    claims that joined an existing story, go into ``grown``); returns them as API dicts."""
    inserted = insert_claims(article, drafts, resolver=EntityResolver())
    if not inserted:
        return []
    if link is not None:
        joined = link(article, [claim for claim, _, _ in inserted])
        if grown is not None and joined:
            grown |= joined
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
                speaker_resolved_from=draft.speaker_resolved_from if speaker else None,
                speaker_mention_start=draft.speaker_mention_start if speaker else None,
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
                place_text=written_place(draft.place, draft.place_text) if place else None,
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
    sql.insert_rows(ClaimMention._meta.table_name, _MENTION_COLUMNS, mention_rows)
    return [(claim, speaker, place) for claim, (speaker, place) in zip(claims, entities, strict=True)]


def written_place(place, as_written: str | None) -> str:
    """The place's name as the article writes it: its spelling there (वॉनसान for geonames' वोनसान,
    कोलकाता for कलकत्ता), unless that is a bare back-reference (कोर्ट for the हाई कोर्ट named before),
    which names it less than the antecedent the extractor read it from."""
    if as_written and len(as_written.split()) >= len(place.name.split()):
        return as_written.strip()
    return place.name


def _columns(model) -> tuple[str, ...]:
    return tuple(field.column_name for name, field in model._meta.fields.items() if name != "id")


def _db_row(instance, columns: tuple[str, ...]) -> tuple:
    """The row of an unsaved model instance, each value converted by its field (JSON, dates)."""
    fields = type(instance)._meta.columns
    return tuple(fields[column].db_value(instance.__data__.get(fields[column].name)) for column in columns)


_ARTICLE_COLUMNS = _columns(Article)
_CLAIM_COLUMNS = _columns(Claim)
_DATE_COLUMNS = _columns(DateMention)
_MENTION_COLUMNS = _columns(ClaimMention)  # the rows below are built in this order
assert _MENTION_COLUMNS == ("claim_id", "entity_id", "start", "end"), _MENTION_COLUMNS


def claim_search_text(quote: str, speaker: str | None, role: str | None) -> str:
    """The folded text full-text search runs on: quote, speaker and role."""
    return fold(" ".join(part for part in (quote, speaker, role) if part))
