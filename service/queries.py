"""Read queries shared by the API views."""

from __future__ import annotations

from peewee import JOIN

from . import sql
from .models import Claim, Entity, EntityAlias
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
    return attach_place_aliases([claim_payload(c) for c in query])


def _row(claim: Claim, attr: str) -> Entity | None:
    row = getattr(claim, attr, None)
    return row if row is not None and row.id is not None else None


def attach_place_aliases(claims: list[dict]) -> list[dict]:
    """Fill ``place.aliases`` (every spelling seen, e.g. वॉनसान beside वोनसान) with one query."""
    places = {c["place"]["id"]: c["place"] for c in claims if c.get("place")}
    if not places:
        return claims
    aliases: dict[int, list[str]] = {place_id: [] for place_id in places}
    marks = ", ".join("?" * len(places))
    rows = sql.execute(
        f'SELECT "entity_id", "alias" FROM "{EntityAlias._meta.table_name}" '
        f'WHERE "entity_id" IN ({marks}) ORDER BY "id"',
        list(places),
    )
    for entity_id, alias in rows:
        aliases[entity_id].append(alias)
    for claim in claims:
        if claim.get("place"):
            claim["place"]["aliases"] = [
                a for a in aliases[claim["place"]["id"]] if a != claim["place"]["name"]
            ]
    return claims
