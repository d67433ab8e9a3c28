"""Re-run extraction on a stored article without losing manual claims or corrected fields."""

from __future__ import annotations

import datetime as dt

from service import linking, pipeline
from service.store import claim_query, outbox
from service.store.articles import claim_search_text, save_claim_draft, save_dates
from service.store.db import write_transaction
from service.store.entities import EntityResolver
from service.store.models import Article, Claim, ClaimMention, DateMention, get

# API field (as listed in Claim.manual_fields) → the columns it owns.
FIELD_COLUMNS = {
    "speaker": ("speaker", "speaker_resolved_from", "speaker_mention_start"),
    "speaker_role": ("speaker_role",),
    "verb": ("verb",),
    "verb_class": ("verb_class",),
    "quote": ("quote",),
    "quote_type": ("quote_type",),
    "date": ("date_value", "date_granularity", "date_from", "date_to", "date_source", "sort_date"),
    "place": ("place", "place_text"),
}


def _published(article: Article) -> dt.date | None:
    if not article.published_at:
        return None
    try:
        return dt.datetime.fromisoformat(article.published_at).date()
    except ValueError:
        return None


def _refresh(kept: Claim, fresh: Claim) -> None:
    """Copy the re-extracted values onto ``kept`` for every field nobody corrected by hand."""
    manual = set(kept.manual_fields or [])
    for field, columns in FIELD_COLUMNS.items():
        if field in manual:
            continue
        for column in columns:
            name = f"{column}_id" if column in ("speaker", "place") else column
            setattr(kept, name, getattr(fresh, name))
    kept.confidence = fresh.confidence
    speaker = kept.speaker.name if kept.speaker_id else None
    kept.search_text = claim_search_text(kept.quote, speaker, kept.speaker_role)
    kept.save()
    ClaimMention.delete().where(ClaimMention.claim == kept.id).execute()
    ClaimMention.update(claim=kept.id).where(ClaimMention.claim == fresh.id).execute()
    fresh.delete_instance()


def reprocess_article(article_id: int, *, today: dt.date | None = None) -> Article:
    """Replace the article's dates and extracted claims with a fresh extraction.

    A re-extracted claim at the span of a stored extracted claim is that claim: it keeps its id
    and gets the new values of every field nobody corrected by hand. Stored extracted claims not
    extracted again go, unless corrected by hand; claims with origin ``manual`` stay. Events (same
    transaction): ``claim.created`` for new claims, ``claim.updated`` for kept claims that
    changed, nothing for unchanged ones. One write transaction.
    """
    article = get(Article, article_id)
    extraction = pipeline.extract(
        article.text[: article.body_end],
        published=_published(article),
        today=today or article.ingested_at.date(),
    )
    with write_transaction():
        before = {c["id"]: c for c in claim_query.claims_of_article(article.id)}
        DateMention.delete().where(DateMention.article == article.id).execute()
        claims = list(Claim.select().where(Claim.article == article.id))
        by_span = {(c.start, c.end): c for c in claims if c.origin == "extracted"}
        article.anchor_date = extraction.anchor.value
        article.anchor_source = extraction.anchor.source
        article.extractor_version = pipeline.EXTRACTOR_VERSION
        article.extraction_error = extraction.error
        article.save()
        save_dates(article, extraction.dates)
        resolver = EntityResolver()
        created, kept = set(), set()
        for draft in extraction.claims:
            fresh = save_claim_draft(article, draft, resolver=resolver)
            match = by_span.pop((draft.start, draft.end), None)
            if match is not None:
                _refresh(match, fresh)
                kept.add(match.id)
            else:
                created.add(fresh.id)
        gone = [c for c in by_span.values() if not c.manual_fields]
        if gone:
            Claim.delete().where(Claim.id.in_([c.id for c in gone])).execute()
        linking.refresh({c.story_id for c in gone})
        # New claims and kept claims whose values changed are matched again (a fact-checker's
        # placement stays); an unchanged claim stays in its story.
        refreshed = {c["id"]: c for c in claim_query.claims_of_article(article.id)}
        changed = {i for i in kept if refreshed[i] != before[i]}
        for claim_id in sorted(created | changed):
            linking.relink(claim_id)
        after = claim_query.claims_of_article(article.id)
        outbox.record("claim.created", [c for c in after if c["id"] in created])
        outbox.record("claim.updated", [c for c in after if c["id"] in kept and c != before[c["id"]]])
    return article
