"""Read queries shared by the API views."""

from __future__ import annotations

from service.store import sql
from service.store.models import Entity, EntityAlias

Speaker = Entity.alias("speaker")
Place = Entity.alias("place")


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
