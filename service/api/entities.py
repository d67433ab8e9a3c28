"""Entities: people, organizations and places, with aliases, claim counts and merges."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort
from peewee import fn

from service import edit as claim_edit
from service.api.claim_schemas import EntityDetailSchema, EntityPageSchema, EntityQuerySchema, MergeInSchema
from service.api.claims import NOT_MODIFIED
from service.store.models import Claim, Entity, EntityAlias
from service.text.hindi import fold
from service.web.cursors import CursorError, decode_cursor, encode_cursor
from service.web.errors import documents_errors, json_response

blp = Blueprint("entities", __name__, url_prefix="/v1/entities", description="Speakers and places")


def entity_dict(e: Entity) -> dict:
    return {
        "id": e.id,
        "kind": e.kind,
        "name": e.name,
        "country": e.country,
        "lat": e.lat,
        "lon": e.lon,
        "gazetteer_id": e.gazetteer_id,
    }


def entity_detail(e: Entity) -> dict:
    # Speakers and places use their own (…, sort_date, id) index: count, min and max read no rows.
    column = Claim.place if e.kind == "place" else Claim.speaker
    count, first, last = (
        Claim.select(fn.COUNT(Claim.id), fn.MIN(Claim.sort_date), fn.MAX(Claim.sort_date))
        .where(column == e.id)
        .tuples()
        .get()
    )
    aliases = EntityAlias.select(EntityAlias.alias).where(EntityAlias.entity == e.id).order_by(EntityAlias.id)
    return entity_dict(e) | {
        "aliases": [a.alias for a in aliases],
        "claim_count": count,
        "first_claim_date": str(first) if first else None,
        "last_claim_date": str(last) if last else None,
    }


def _get_or_404(entity_id: int) -> Entity:
    entity = Entity.get_or_none(Entity.id == entity_id) if 0 < entity_id < 2**62 else None
    if entity is None:
        abort(404, message=f"No entity with id {entity_id}.")
    return entity


@blp.route("")
class Entities(MethodView):
    @blp.arguments(EntityQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, EntityPageSchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 400, 422)
    def get(self, limit, cursor, kind=None, q=None):
        """List entities by id; `q` matches any name or alias (spelling-variant tolerant)"""
        query = Entity.select().order_by(Entity.id)
        if kind:
            query = query.where(Entity.kind == kind)
        if q:
            matching = EntityAlias.select(EntityAlias.entity).where(EntityAlias.key.contains(fold(q)))
            query = query.where(Entity.key.contains(fold(q)) | Entity.id.in_(matching))
        if cursor:
            try:
                (last_id,) = decode_cursor("entities", cursor)
                query = query.where(Entity.id > int(last_id))
            except (CursorError, ValueError, TypeError):
                abort(400, message="Invalid cursor.", errors={"query": {"cursor": ["Invalid cursor."]}})
        rows = list(query.limit(limit + 1))
        next_cursor = encode_cursor("entities", [rows[limit - 1].id]) if len(rows) > limit else None
        return json_response({"items": [entity_dict(e) for e in rows[:limit]], "next_cursor": next_cursor})


@blp.route("/<int:entity_id>")
class EntityById(MethodView):
    @blp.response(200, EntityDetailSchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 404)
    def get(self, entity_id):
        """One entity: aliases, claim count, first and last claim date, coordinates"""
        return json_response(entity_detail(_get_or_404(entity_id)))


@blp.route("/<int:entity_id>/merge")
class EntityMerge(MethodView):
    @blp.arguments(MergeInSchema())
    @blp.response(200, EntityDetailSchema, description="The entity merged into")
    @documents_errors(blp, 400, 401, 404, 422)
    def post(self, data, entity_id):
        """Merge this (duplicate) entity into `into`: its aliases, claims and mentions move"""
        _get_or_404(entity_id)
        try:
            target = claim_edit.merge_entities(entity_id, into=data["into"])
        except claim_edit.EditError as exc:
            abort(422, message=str(exc), errors={"json": {exc.field: [str(exc)]}})
        except LookupError:
            abort(404, message=f"No entity with id {entity_id}.")
        return json_response(entity_detail(target))
