"""Request bodies: read whole under a hard cap whatever the framing, then checked before any view.

The cap is enforced on the bytes actually received, not on the Content-Length header alone: a
chunked body has none, and werkzeug would otherwise stop reading at the cap and hand the view a
silently truncated body (a cut article stored with 201, or a UTF-8 sequence cut in half).
"""

from __future__ import annotations

import functools
import io
import re

from flask import Flask, abort, current_app, request
from flask_smorest import abort as api_abort
from webargs.flaskparser import is_json_request

TOO_LARGE = "tathya.body_too_large"
# Nesting deeper than this is no API body: it is a parser attack (RecursionError at ~1,000).
MAX_JSON_DEPTH = 32
# Python refuses to parse integers over 4,300 digits (ValueError); no API number comes close.
MAX_NUMBER_DIGITS = 40
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class CappedBody:
    """WSGI middleware: reads the request body (at most ``cap`` bytes) before the app sees it.

    Over the cap, the rest is left unread and the request is flagged; ``refuse_oversized``
    answers 413 in the JSON error shape before any view runs, so nothing is written.
    """

    def __init__(self, wsgi_app, cap: int) -> None:
        self.wsgi_app, self.cap = wsgi_app, cap

    def __call__(self, environ, start_response):
        declared = environ.get("CONTENT_LENGTH", "").strip()
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if declared.isascii() and declared.isdigit() and int(declared) > self.cap:
            environ[TOO_LARGE] = True  # refused on the header alone: nothing is read
        elif (declared.isascii() and declared.isdigit() and int(declared) > 0) or chunked:
            body = _read_at_most(environ["wsgi.input"], self.cap + 1, None if chunked else int(declared))
            if len(body) > self.cap:
                environ[TOO_LARGE] = True
                body = b""
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            environ.pop("HTTP_TRANSFER_ENCODING", None)
            environ.pop("wsgi.input_terminated", None)
        return self.wsgi_app(environ, start_response)


def _read_at_most(stream, limit: int, declared: int | None) -> bytes:
    # With a Content-Length, never ask for more than it: some servers block on a read past it.
    want = limit if declared is None else min(limit, declared)
    parts, got = [], 0
    while got < want:
        chunk = stream.read(min(65536, want - got))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def refuse_oversized() -> None:
    if request.environ.get(TOO_LARGE):
        abort(413)


_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")
_LONG_NUMBER = re.compile(rb"\d{%d,}" % (MAX_NUMBER_DIGITS + 1))


def json_shape_error(body: bytes) -> str | None:
    """Why a JSON body is refused before parsing (too deep, a number too long), or None."""
    structure = _STRING.sub(b'""', body)  # brackets and digits inside strings do not count
    if structure.count(b"[") + structure.count(b"{") > MAX_JSON_DEPTH:
        depth = 0
        for match in _BRACKET.finditer(structure):
            depth += 1 if match.group() in (b"[", b"{") else -1
            if depth > MAX_JSON_DEPTH:
                return f"JSON nested deeper than {MAX_JSON_DEPTH} levels."
    if _LONG_NUMBER.search(structure):
        return f"JSON numbers have at most {MAX_NUMBER_DIGITS} digits."
    return None


def check_json_shape() -> None:
    """422 for a JSON body nested too deep or with a huge number (they raise inside the parser)."""
    if request.method in _BODY_METHODS and is_json_request(request):
        problem = json_shape_error(request.get_data(cache=True))
        if problem:
            api_abort(422, message=problem, errors={"json": [problem]})


@functools.cache
def _takes_json_body(endpoint: str, method: str) -> bool:
    """Whether the view declares a JSON body schema (``blp.arguments`` with the json location)."""
    view = current_app.view_functions.get(endpoint)
    handler = getattr(getattr(view, "view_class", None), method.lower(), view)
    params = getattr(handler, "_apidoc", {}).get("arguments", {}).get("parameters", [])
    return any(p.get("location", "json") == "json" for p in params)


def require_json() -> None:
    """415 when a JSON operation gets another body type, or none.

    webargs reads a text/plain or form body as "no fields given": a PATCH then answered 200 and
    changed nothing.
    """
    if request.method not in _BODY_METHODS or request.endpoint is None or is_json_request(request):
        return
    if _takes_json_body(request.endpoint, request.method):
        api_abort(
            415,
            message="Send the body as application/json.",
            errors={"headers": {"Content-Type": [f"Unsupported: {request.mimetype or 'missing'}"]}},
        )


def init_app(app: Flask) -> None:
    """Wrap the WSGI app; the request hooks are registered, in order, by ``security.init_app``."""
    app.wsgi_app = CappedBody(app.wsgi_app, app.config["MAX_CONTENT_LENGTH"])
