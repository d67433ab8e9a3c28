"""Stories: the claims that report one statement, listed and one by one."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.claims import NOT_MODIFIED, filter_from
from service.api.story_schemas import StoryPageSchema, StoryQuerySchema, StorySchema
from service.store import stories
from service.web.cursors import decode_cursor, encode_cursor
from service.web.errors import CursorError, documents_errors, json_response

blp = Blueprint(
    "stories", __name__, url_prefix="/v1/stories", description="One statement, every report of it"
)


def _keyset(order: str, cursor: str | None) -> list | None:
    if not cursor:
        return None
    values = decode_cursor(f"stories:{order}", cursor)
    if len(values) != 2 or not isinstance(values[1], int) or not isinstance(values[0], int | str):
        raise CursorError("Invalid cursor.")
    return values


@blp.route("")
class Stories(MethodView):
    @blp.arguments(StoryQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, StoryPageSchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 400, 422)
    @blp.doc(operationId="listStories")
    def get(self, order, limit, cursor, **args):
        """List stories (a story matches when one of its claims matches the filters)"""
        items, next_key = stories.list_stories(
            filter_from(args), order=order, limit=limit, after=_keyset(order, cursor)
        )
        next_cursor = encode_cursor(f"stories:{order}", next_key) if next_key else None
        return json_response({"items": items, "next_cursor": next_cursor})


@blp.route("/<int:story_id>")
class StoryById(MethodView):
    @blp.response(200, StorySchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 404)
    @blp.doc(operationId="getStory")
    def get(self, story_id):
        """One story: canonical wording, speaker, first report, every report in date order, outlets, verdict"""
        return json_response(stories.story_detail(story_id))
