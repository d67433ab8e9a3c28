"""HTTP niceties for dashboards: weak ETags with 304s, Cache-Control, and CORS."""

from __future__ import annotations

from flask import Flask, current_app, request

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


def init_app(app: Flask) -> None:
    app.after_request(_after)
