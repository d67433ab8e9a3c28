"""The browser dashboard: `GET /` and its static assets (HTML, CSS, ES modules, the world map).

A plain Flask blueprint (like the docs), so it stays out of the OpenAPI document: it is a
client of the public `/v1/...` API, not part of it.

Assets are served under a content-hashed prefix, `/ui/<version>/...`: the page links
`/ui/<version>/js/app.js`, and the modules' relative imports inherit the prefix, so every asset
can be cached for a year (`immutable`) and a deploy changes every URL at once. The page
itself is `no-cache` (revalidated by ETag), so a browser always learns the current version.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, request, send_from_directory

blp = Blueprint("dashboard", __name__)

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
ASSET_MAX_AGE = 365 * 24 * 3600
STALE_MAX_AGE = 300  # an asset asked for under an old version: served, cached briefly
VERSION_MARK = "__UI_VERSION__"


@cache
def asset_version() -> str:
    """A hash of every file under static/: changes whenever any asset does."""
    digest = hashlib.sha256()
    for path in sorted(p for p in STATIC_DIR.rglob("*") if p.is_file()):
        digest.update(path.relative_to(STATIC_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@cache
def _index_html() -> str:
    return (STATIC_DIR / "index.html").read_text(encoding="utf-8").replace(VERSION_MARK, asset_version())


def _fresh_in_debug() -> None:
    """`flask run --debug` picks up edited assets without a restart."""
    if current_app.debug:
        asset_version.cache_clear()
        _index_html.cache_clear()


@blp.get("/")
def index():
    _fresh_in_debug()
    response = Response(_index_html(), mimetype="text/html")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
    response.add_etag()
    return response.make_conditional(request)


@blp.get("/ui/<version>/<path:filename>")
def asset(version: str, filename: str):
    if filename == "index.html":
        abort(404)
    _fresh_in_debug()
    current = version == asset_version()
    response = send_from_directory(
        STATIC_DIR, filename, max_age=ASSET_MAX_AGE if current else STALE_MAX_AGE, conditional=True
    )
    if current:
        response.headers["Cache-Control"] = f"public, max-age={ASSET_MAX_AGE}, immutable"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
