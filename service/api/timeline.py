"""Timeline: claims in date order grouped into day, week or month events."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from .. import timeline
from ..claim_schemas import TimelineQuerySchema, TimelineSchema
from ..cursors import encode_cursor
from ..errors import documents_errors, json_response
from .claims import NOT_MODIFIED, decode_keyset, filter_from

blp = Blueprint("timeline", __name__, url_prefix="/v1/timeline", description="Claims on a timeline")


@blp.route("")
class Timeline(MethodView):
    @blp.arguments(TimelineQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, TimelineSchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 400, 422)
    def get(self, group, order, limit, cursor, **args):
        """Claims in date order, grouped into events; same filters as /v1/claims"""
        kind = f"timeline:{order}"
        after = decode_keyset(kind, cursor)
        result = timeline.timeline(filter_from(args), group=group, order=order, limit=limit, after=after)
        next_cursor = encode_cursor(kind, result.next_key) if result.next_key else None
        return json_response({"events": result.events, "next_cursor": next_cursor})
