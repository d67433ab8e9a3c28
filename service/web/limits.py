"""Optional per-client rate limit (flask-limiter): 429 with Retry-After in the one error shape."""

from __future__ import annotations

import logging
import os

from flask import Flask, g, request
from flask_limiter import Limiter
from limits import parse_many

log = logging.getLogger(__name__)

# Not rate limited: probes and the documentation must answer even to a throttled client, and
# the dashboard's page and assets (a dozen files per load) must not use up the API budget.
EXEMPT_PREFIXES = ("/healthz", "/openapi", "/docs", "/ui/")


def client_key() -> str:
    """Who a limit applies to: the API key's id when the request carried a valid key, else the IP.

    ``g.key_id`` is set by the auth check, which runs before the limiter; the key itself is never
    used (it would end up in the limiter's storage).
    """
    key = g.get("key_id")
    return key if key else f"ip:{request.remote_addr or 'unknown'}"


def _exempt() -> bool:
    return request.path == "/" or request.path.startswith(EXEMPT_PREFIXES)


def init_app(app: Flask) -> Limiter | None:
    """Enable the limiter when ``TATHYA_RATE_LIMIT`` (e.g. ``"60/minute"``) is set."""
    spec = app.config.get("TATHYA_RATE_LIMIT", os.environ.get("TATHYA_RATE_LIMIT", "")).strip()
    if not spec:
        return None
    parse_many(spec)  # a typo fails at start-up, not on the first request

    @app.after_request
    def _retry_after_only_on_429(response):
        # Runs after the limiter's header injection (after_request runs in reverse order); a 503
        # keeps the Retry-After its handler set (the database is coming back).
        if response.status_code not in (429, 503):
            response.headers.pop("Retry-After", None)
        return response

    limiter = Limiter(
        client_key,
        app=app,
        default_limits=[spec],
        default_limits_exempt_when=_exempt,
        storage_uri=os.environ.get("TATHYA_RATE_LIMIT_STORAGE") or "memory://",
        headers_enabled=True,
        strategy="fixed-window",
    )
    app.extensions["tathya_limiter"] = limiter
    return limiter
