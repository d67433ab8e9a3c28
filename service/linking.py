"""The story use cases: link new claims to their story, manual same / not-same, related claims."""

from __future__ import annotations

from service.errors import EditError, NotFound
from service.store import outbox, stories
from service.store.db import write_transaction
from service.store.models import Claim, ClaimHistory, Story, find, utcnow
from service.stories import match


def link_claim(
    *,
    claim_id: int,
    quote: str,
    speaker_id: int | None,
    day,
    reported,
    article_id: int | None,
    previous: int | None = None,
) -> int | None:
    """Put one stored claim into the story of its most similar candidate, or a new story.

    Runs in the caller's write transaction (ingest: the article's). A claim without a speaker
    is in no story: "the same statement" needs the same speaker. Joining an existing story other
    than ``previous`` (the claim's story before a relink) is a ``story.grown`` event.
    """
    if speaker_id is None:
        return None
    key = match.key(quote)
    rows = stories.candidates(
        speaker_id=speaker_id,
        day=day,
        window_days=match.WINDOW_DAYS,
        limit=match.MAX_CANDIDATES,
        exclude=claim_id,
        article_id=article_id,
        per_story=match.PER_STORY,
    )
    found = match.best_match(
        key, [match.Candidate(*r) for r in rows], refused=stories.refused_stories(claim_id)
    )
    story_id = stories.join(
        claim_id=claim_id,
        match_key=key,
        story_id=found.story_id if found else None,
        speaker_id=speaker_id,
        reported=reported or day,
    )
    if found and found.story_id != previous:
        outbox.story_grown(claim_id)
    return story_id


def link_new_claims(article, claims) -> None:
    """``articles.insert_article``'s hook: link each of a new article's claims (same transaction)."""
    for claim in claims:
        link_claim(
            claim_id=claim.id,
            quote=claim.quote,
            speaker_id=claim.speaker_id,
            day=claim.sort_date,
            reported=article.anchor_date,
            article_id=article.id,
        )


def relink(claim: Claim) -> None:
    """After an edit or a re-extraction: match the claim again unless a fact-checker placed it."""
    if "story" in (claim.manual_fields or []):
        return
    old = claim.story_id
    Claim.update(story=None).where(Claim.id == claim.id).execute()
    stories.refresh([old])
    reported = claim.article.anchor_date if claim.article_id else claim.sort_date
    link_claim(
        claim_id=claim.id,
        quote=claim.quote,
        speaker_id=claim.speaker_id,
        day=claim.sort_date,
        reported=reported,
        article_id=claim.article_id,
        previous=old,
    )


def decide(claim_id: int, *, story_id: int | None, same: bool, key_id: str | None) -> None:
    """A fact-checker's decision, which overrides the machine and is kept in the claim's history.

    ``same=True``: the claim belongs to ``story_id``. ``same=False``: it does not (it leaves it
    for a story of its own, and matching never puts it back there).
    """
    with write_transaction():
        claim = find(Claim, claim_id)
        if claim is None:
            raise NotFound("claim", claim_id)
        current = claim.story_id
        target = story_id if story_id is not None else current
        if target is None or find(Story, target) is None:
            raise EditError("story_id", f"No story with id {target}.")
        stories.record_decision(claim_id=claim_id, story_id=target, same=same, key_id=key_id)
        if same and current != target:
            new = target
        elif not same and current == target:
            new = None  # a story of its own, below
        else:
            new = current
        if new != current or new is None:
            Claim.update(story=None).where(Claim.id == claim_id).execute()
            stories.refresh([current])
            reported = claim.article.anchor_date if claim.article_id else claim.sort_date
            new = stories.join(
                claim_id=claim_id,
                match_key=claim.match_key or match.key(claim.quote),
                story_id=new,
                speaker_id=claim.speaker_id,
                reported=reported,
            )
        manual = sorted(set(claim.manual_fields or []) | {"story"})
        Claim.update(manual_fields=manual, updated_at=utcnow()).where(Claim.id == claim_id).execute()
        ClaimHistory.create(
            claim=claim_id,
            changes={
                "story_id": [current, new],
                "story_decision": [None, {"story_id": target, "same": same}],
            },
            key_id=key_id,
            changed_at=utcnow(),
        )
        if same and new != current:
            outbox.story_grown(claim_id)  # a fact-checker put it into an existing story


def related(claim_id: int, *, limit: int = 20) -> dict:
    """The claim's story, and the same speaker's earlier similar statements (any story)."""
    me, rows = stories.earlier_candidates(claim_id, limit=match.MAX_CANDIDATES)
    mine = match.grams(me[2] or "")
    scored = []
    for claim, story, key in rows:
        if story is not None and story == me[3]:
            continue
        score = match.similarity(mine, match.grams(key))
        if score >= match.RELATED_THRESHOLD:
            scored.append((claim, score))
    scored.sort(key=lambda x: -x[1])
    return stories.related(claim_id, earlier=scored[:limit])
