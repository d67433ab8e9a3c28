"""The story use cases: link new claims to their story, manual same / not-same, related claims."""

from __future__ import annotations

from service.errors import EditError
from service.store import outbox, stories, story_links
from service.store.db import write_transaction
from service.stories import match

_SAMPLING = {"per_story": match.PER_STORY, "window_days": match.WINDOW_DAYS}


def link_claim(
    *,
    claim_id: int,
    quote: str,
    speaker_id: int | None,
    day,
    reported,
    article_id: int | None,
    new: bool = False,
    previous: int | None = None,
    grown: set[int] | None = None,
) -> int | None:
    """Put one stored claim into the story of its most similar candidate, or a new story.

    Runs in the caller's write transaction (ingest: the article's). A claim without a speaker
    is in no story: "the same statement" needs the same speaker. ``new``: just inserted, so no
    fact-checker has refused it a story yet. Joining an existing story other than ``previous``
    (the claim's story before a relink) is a ``story.grown`` event, written here or, with
    ``grown``, left to the caller (the claim's id added to it).
    """
    if speaker_id is None:
        return None
    key = match.key(quote)
    found = None
    if day is not None:
        rows = story_links.candidates(
            speaker_id=speaker_id,
            day=day,
            window_days=match.WINDOW_DAYS,
            limit=match.MAX_CANDIDATES,
            exclude=claim_id,
            article_id=article_id,
        )
        if rows:
            refused = frozenset() if new else story_links.refused_stories(claim_id)
            found = match.best_match(key, rows, refused=refused)
    story_id = story_links.join(
        claim_id=claim_id,
        match_key=key,
        story_id=found.story_id if found else None,
        speaker_id=speaker_id,
        reported=reported or day,
        day=day,
        **_SAMPLING,
    )
    if found and found.story_id != previous:
        if grown is None:
            outbox.story_grown(claim_id)
        else:
            grown.add(claim_id)
    return story_id


def link_new_claims(article, claims) -> set[int]:
    """``articles.insert_article``'s hook: link each of a new article's claims (same transaction);
    returns the ids of those that joined an existing story (its ``story.grown`` events, written
    with the article's ``claim.created`` ones from the claims it reads back anyway)."""
    grown: set[int] = set()
    for claim in claims:
        link_claim(
            claim_id=claim.id,
            quote=claim.quote,
            speaker_id=claim.speaker_id,
            day=claim.sort_date,
            reported=article.anchor_date,
            article_id=article.id,
            new=True,
            grown=grown,
        )
    return grown


def relink(claim_id: int) -> None:
    """After an edit or a re-extraction: match the claim again unless a fact-checker placed it."""
    facts = story_links.claim_facts(claim_id)
    if "story" in facts.manual_fields:
        return
    story_links.leave(claim_id, **_SAMPLING)
    link_claim(
        claim_id=claim_id,
        quote=facts.quote,
        speaker_id=facts.speaker_id,
        day=facts.day,
        reported=facts.reported,
        article_id=facts.article_id,
        previous=facts.story_id,
    )


def refresh(story_ids) -> None:
    """Recount stories whose claims went away (reprocess, deletes) and choose their samples again."""
    story_links.refresh(story_ids, **_SAMPLING)


def decide(claim_id: int, *, story_id: int | None, same: bool, key_id: str | None) -> None:
    """A fact-checker's decision, which overrides the machine and is kept in the claim's history.

    ``same=True``: the claim belongs to ``story_id``. ``same=False``: it does not (it leaves it
    for a story of its own, and matching never puts it back there).
    """
    with write_transaction():
        facts = story_links.claim_facts(claim_id)
        current = facts.story_id
        target = story_id if story_id is not None else current
        if not story_links.story_exists(target):
            raise EditError("story_id", f"No story with id {target}.")
        if same and current != target:
            new = target
        elif not same and current == target:
            new = None  # a story of its own, below
        else:
            new = current
        if new != current or new is None:
            story_links.leave(claim_id, **_SAMPLING)
            new = story_links.join(
                claim_id=claim_id,
                match_key=facts.match_key or match.key(facts.quote),
                story_id=new,
                speaker_id=facts.speaker_id,
                reported=facts.reported,
                day=facts.day,
                **_SAMPLING,
            )
        story_links.record_decision(facts, story_id=target, same=same, key_id=key_id, moved=(current, new))
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
