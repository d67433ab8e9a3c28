"""Server-sent events: the outbox's claim events for browsers, resumable with Last-Event-ID."""

from __future__ import annotations

import time

from flask import Response, current_app, request, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.claims import filter_from
from service.api.subscription_schemas import StreamQuerySchema
from service.store import outbox
from service.store.push_models import EVENT_TYPES
from service.web.errors import documents_errors

blp = Blueprint("stream", __name__, url_prefix="/v1/stream", description="Push: signed webhooks")

POLL = 0.5  # seconds between looks at the outbox while idle
HEARTBEAT = 15.0  # a comment line this often keeps proxies from closing an idle stream
SSE_DOC = {
    "responses": {
        200: {
            "description": "text/event-stream: `id` (the event id), `event` (its type), `data` (the event JSON)",
            "content": {
                "text/event-stream": {
                    "schema": {
                        "type": "object",
                        "description": "one server-sent event",
                        "properties": {
                            "id": {"type": "string", "description": "the event id (resume after it)"},
                            "event": {"type": "string", "enum": list(EVENT_TYPES)},
                            "data": {"type": "string", "description": "{id, type, created_at, claim}"},
                        },
                    }
                }
            },
        }
    }
}


def _resume_from(query_value: int | None) -> int | None:
    header = request.headers.get("Last-Event-ID", "").strip()
    if header.isascii() and header.isdigit() and len(header) < 19:
        return int(header)
    return query_value


def _frames(flt, types: tuple[str, ...], after: int, seconds: float):
    """Frames until ``seconds`` have passed: events as they land in the outbox, heartbeats between."""
    # An id without data sets the browser's resume point (EventSource.lastEventId) without an
    # event: a reconnect then resumes here even when no event has arrived yet.
    yield f"retry: 2000\nid: {after}\n\n"
    deadline = time.monotonic() + seconds
    beat = time.monotonic() + HEARTBEAT
    while True:
        events, after = outbox.events_after(after, types=types, flt=flt)
        for e in events:
            created = e.created_at.isoformat() if hasattr(e.created_at, "isoformat") else str(e.created_at)
            data = f'{{"id":{e.id},"type":"{e.type}","created_at":"{created.replace(" ", "T")}","claim":{e.payload}}}'
            yield f"id: {e.id}\nevent: {e.type}\ndata: {data}\n\n"
        if events:
            continue  # a backlog is sent without pausing
        now = time.monotonic()
        if now >= deadline:
            return
        if now >= beat:
            yield f"id: {after}\n\n"  # keep-alive, and past events the filter left out
            beat = now + HEARTBEAT
        time.sleep(min(POLL, max(0.0, deadline - now)))


@blp.route("")
class Stream(MethodView):
    @blp.arguments(StreamQuerySchema(), location="query", as_kwargs=True)
    @blp.doc(**SSE_DOC)
    @documents_errors(blp, 422)
    @blp.doc(operationId="streamEvents")
    def get(self, events, last_event_id=None, **args):
        """Claim events as server-sent events (the /v1/claims filters); resume with Last-Event-ID"""
        resume = _resume_from(last_event_id)
        after = outbox.latest_id() if resume is None else resume
        seconds = float(current_app.config["TATHYA_STREAM_SECONDS"])
        body = _frames(filter_from(args), tuple(events.split(",")), after, seconds)
        response = Response(stream_with_context(body), mimetype="text/event-stream")
        # Not cached, not buffered by nginx (deploy/nginx.conf): each frame goes out as it is written.
        response.headers["Cache-Control"] = "no-cache"
        response.headers["X-Accel-Buffering"] = "no"
        return response
