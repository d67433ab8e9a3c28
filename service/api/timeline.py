"""Timeline: claims in date order grouped into day, week or month events."""

from __future__ import annotations

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.claim_schemas import TimelineQuerySchema, TimelineSchema
from service.api.claims import NOT_MODIFIED, filter_from
from service.store import timeline
from service.store.claim_rows import json_body
from service.web.cursors import decode_keyset, encode_cursor
from service.web.errors import documents_errors

blp = Blueprint("timeline", __name__, url_prefix="/v1/timeline", description="Claims on a timeline")


@blp.route("")
class Timeline(MethodView):
    @blp.arguments(TimelineQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, TimelineSchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 400, 422)
    @blp.doc(operationId="listTimeline")
    def get(self, group, order, limit, cursor, collapse, **args):
        """Claims in date order, grouped into events; same filters as /v1/claims"""
        kind = f"timeline:{order}"
        after = decode_keyset(kind, cursor)
        events, next_key = timeline.timeline_events(
            filter_from(args),
            group=group,
            order=order,
            limit=limit,
            after=after,
            collapse=collapse == "story",
        )
        next_cursor = encode_cursor(kind, next_key) if next_key else None
        body = json_body({"events": events, "next_cursor": next_cursor})
        return current_app.response_class(body, mimetype="application/json")
