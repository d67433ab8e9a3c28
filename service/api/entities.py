"""Entities: people, organizations and places, with aliases, claim counts and merges."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from service import edit as claim_edit
from service.api.claim_schemas import EntityDetailSchema, EntityPageSchema, EntityQuerySchema, MergeInSchema
from service.api.claims import NOT_MODIFIED
from service.store import entities
from service.store.models import Entity, get
from service.store.serialize import entity_dict
from service.web.cursors import decode_id, encode_cursor
from service.web.errors import documents_errors, json_response

blp = Blueprint("entities", __name__, url_prefix="/v1/entities", description="Speakers and places")


@blp.route("")
class Entities(MethodView):
    @blp.arguments(EntityQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, EntityPageSchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 400, 422)
    @blp.doc(operationId="listEntities")
    def get(self, limit, cursor, kind=None, q=None):
        """List entities by id; `q` matches any name or alias (spelling-variant tolerant)"""
        after = decode_id("entities", cursor)
        rows, last_id = entities.list_entities(limit=limit, after=after, kind=kind, q=q)
        next_cursor = encode_cursor("entities", [last_id]) if last_id is not None else None
        return json_response({"items": [entity_dict(e) for e in rows], "next_cursor": next_cursor})


@blp.route("/<int:entity_id>")
class EntityById(MethodView):
    @blp.response(200, EntityDetailSchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 404)
    @blp.doc(operationId="getEntity")
    def get(self, entity_id):
        """One entity: aliases, claim count, first and last claim date, coordinates"""
        return json_response(entities.entity_detail(get(Entity, entity_id)))


@blp.route("/<int:entity_id>/merge")
class EntityMerge(MethodView):
    @blp.arguments(MergeInSchema())
    @blp.response(200, EntityDetailSchema, description="The entity merged into")
    @documents_errors(blp, 400, 401, 404, 413, 415, 422)
    @blp.doc(operationId="mergeEntity")
    def post(self, data, entity_id):
        """Merge this (duplicate) entity into `into`: its aliases, claims and mentions move"""
        target = claim_edit.merge_entities(entity_id, into=data["into"])
        return json_response(entities.entity_detail(target))
