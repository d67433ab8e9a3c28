"""Read queries shared by the API views."""

from __future__ import annotations

from peewee import JOIN

from .models import Claim, Entity
from .serialize import claim_dict

Speaker = Entity.alias("speaker")
Place = Entity.alias("place")


def claims_with_entities():
    """A claim query with speaker and place joined in: one SQL query, no N+1."""
    return (
        Claim.select(Claim, Speaker, Place)
        .join_from(Claim, Speaker, JOIN.LEFT_OUTER, on=(Claim.speaker == Speaker.id), attr="speaker_row")
        .join_from(Claim, Place, JOIN.LEFT_OUTER, on=(Claim.place == Place.id), attr="place_row")
    )


def claim_payload(claim: Claim) -> dict:
    return claim_dict(claim, speaker=_row(claim, "speaker_row"), place=_row(claim, "place_row"))


def claims_of_article(article_id: int) -> list[dict]:
    query = claims_with_entities().where(Claim.article == article_id).order_by(Claim.start, Claim.id)
    return [claim_payload(c) for c in query]


def _row(claim: Claim, attr: str) -> Entity | None:
    row = getattr(claim, attr, None)
    return row if row is not None and row.id is not None else None
