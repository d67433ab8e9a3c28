"""HTTP niceties for dashboards: weak ETags with 304s, Cache-Control, CORS and compression."""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from flask_compress import Compress

CACHE_CONTROL = "public, max-age=30"
ALLOW_METHODS = "GET, HEAD, POST, PATCH, DELETE, OPTIONS"
ALLOW_HEADERS = "Authorization, Content-Type, Accept, If-Match, If-None-Match, X-Request-ID"
EXPOSE_HEADERS = "ETag, Location, X-Request-ID"


def _cors(response):
    origins: list[str] = current_app.config.get("TATHYA_CORS_ORIGINS") or []
    origin = request.headers.get("Origin")
    response.vary.add("Origin")
    if not origin or not origins or not ("*" in origins or origin in origins):
        return
    response.headers["Access-Control-Allow-Origin"] = "*" if "*" in origins else origin
    response.headers["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        response.headers["Access-Control-Allow-Methods"] = ALLOW_METHODS
        response.headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS
        response.headers["Access-Control-Max-Age"] = "600"


def _after(response):
    _cors(response)
    # Browsers must not sniff a JSON or CSV body into HTML or script.
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    cacheable = (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.is_streamed
        and request.path.startswith("/v1/")
    )
    if cacheable:
        # A hash of the body is enough: lists are small pages, and a 304 saves the transfer.
        response.headers.setdefault("Cache-Control", CACHE_CONTROL)
        response.vary.add("Accept")
        response.add_etag(weak=True)
        response = response.make_conditional(request)
    return response


# A 50-claim page is ~31 KB of JSON, ~3 KB compressed: what a phone on a slow network waits for.
COMPRESSION = {
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    # gzip 3 / brotli 2: 0.10 ms for a 50-claim page where 6 / 4 took 0.27 / 0.23 ms, ~3.3 KB
    # instead of ~3.0 KB (bench/query.py prints the bytes).
    "COMPRESS_LEVEL": 3,
    "COMPRESS_BR_LEVEL": 2,
    "COMPRESS_ALGORITHM_STREAMING": ["br"],  # exports (gzip does not stream in Flask-Compress)
    "COMPRESS_MIMETYPES": [
        "application/json", "application/ld+json", "application/geo+json", "application/x-ndjson",
        "text/csv", "text/html", "text/css", "text/javascript", "application/yaml", "image/svg+xml",
    ],
}  # fmt: skip


def init_app(app: Flask) -> None:
    for key, value in COMPRESSION.items():
        app.config.setdefault(key, value)
    # Registered first, so it runs last (Flask calls after_request handlers in reverse): it
    # compresses the final body, adds Vary: Accept-Encoding, and marks a strong ETag with the
    # coding ("v:gzip"); weak ETags (the body hash below) stay, the content being the same.
    Compress(app)
    app.after_request(_after)
    app.after_request(_buffer_static_file)


def _buffer_static_file(response: Response) -> Response:
    """Read a file response (dashboard assets, API docs) into memory before compression:
    Flask-Compress's streaming path never closes the file it iterates (a ResourceWarning per
    request). Our files are small; generated streams (exports) are no file and stay streamed."""
    if response.direct_passthrough and request.method != "HEAD":
        response.direct_passthrough = False
        response.make_sequence()  # closes the file when the response is closed
    return response
