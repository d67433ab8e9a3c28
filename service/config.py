"""Configuration read from the environment, with safe defaults."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

INSTANCE_DIR = Path(os.environ.get("TATHYA_INSTANCE_DIR", Path.cwd() / "instance"))


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def _list_env(name: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, "").split(",") if part.strip()]


SECRET_FILE = "secret_key"


def instance_secret(directory: Path) -> str:
    """The deployment's secret from ``directory/secret_key``, created (0600) on first start.

    Created with O_EXCL, so workers started together agree on one secret: the loser reads the
    winner's file.
    """
    path = Path(directory) / SECRET_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # the creator may not have written it yet
            if secret := path.read_text(encoding="ascii").strip():
                return secret
            time.sleep(0.01)
        raise RuntimeError(f"{path} is empty: delete it or set TATHYA_SECRET_KEY") from None
    secret = secrets.token_urlsafe(32)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secret + "\n")
    return secret


class Config:
    """Production defaults; every value can be overridden by an environment variable."""

    def __init__(self) -> None:
        self.DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{INSTANCE_DIR / 'tathya.db'}"
        self.PORT = _int_env("PORT", 8000)
        self.MAX_CONTENT_LENGTH = _int_env("MAX_CONTENT_LENGTH", 2 * 1024 * 1024)
        self.TATHYA_API_KEYS = _list_env("TATHYA_API_KEYS")
        # Signs cursors and derives API key ids; generated into the instance folder when unset.
        self.TATHYA_SECRET_KEY = os.environ.get("TATHYA_SECRET_KEY", "").strip() or None
        self.TATHYA_INSTANCE_DIR = str(INSTANCE_DIR)
        # PATCH without If-Match answers 428 (clients must say which version they corrected).
        self.TATHYA_REQUIRE_IF_MATCH = os.environ.get("TATHYA_REQUIRE_IF_MATCH", "") not in ("", "0")
        # Failed authentications a client address may make per minute before it gets 429.
        self.TATHYA_AUTH_FAILURES = _int_env("TATHYA_AUTH_FAILURES", 20)
        # Full exports (CSV, NDJSON) streaming at once on this host; more get 429 with Retry-After.
        self.TATHYA_EXPORT_CONCURRENCY = _int_env("TATHYA_EXPORT_CONCURRENCY", 2)
        # Base of the absolute URLs in JSON-LD (https://tathya.example); unset, the request's host
        # is used only when it is one of TATHYA_TRUSTED_HOSTS.
        self.TATHYA_PUBLIC_URL = os.environ.get("TATHYA_PUBLIC_URL", "").strip() or None
        self.TATHYA_TRUSTED_HOSTS = _list_env("TATHYA_TRUSTED_HOSTS") or ["localhost", "127.0.0.1", "::1"]
        # ClaimReview's author: who publishes the fact checks.
        self.TATHYA_PUBLISHER = os.environ.get("TATHYA_PUBLISHER", "").strip() or "Tathya"
        self.TATHYA_PUBLISHER_URL = os.environ.get("TATHYA_PUBLISHER_URL", "").strip() or None
        self.TATHYA_CORS_ORIGINS = _list_env("TATHYA_CORS_ORIGINS")
        self.TATHYA_WARM_GAZETTEER = os.environ.get("TATHYA_WARM_GAZETTEER", "1") != "0"
        # Webhooks: targets on loopback/private networks are refused unless this is set.
        self.TATHYA_WEBHOOK_ALLOW_PRIVATE = os.environ.get("TATHYA_WEBHOOK_ALLOW_PRIVATE", "") not in (
            "",
            "0",
        )
        # Seconds after an event (or a redelivery) when retries stop and the delivery is failed.
        self.TATHYA_WEBHOOK_HORIZON = _int_env("TATHYA_WEBHOOK_HORIZON", 3 * 24 * 3600)
        # First retry after about this many seconds, doubling up to the cap (with jitter).
        self.TATHYA_WEBHOOK_BACKOFF = float(os.environ.get("TATHYA_WEBHOOK_BACKOFF", "") or 10)
        self.TATHYA_WEBHOOK_BACKOFF_CAP = _int_env("TATHYA_WEBHOOK_BACKOFF_CAP", 3600)
        self.TATHYA_WEBHOOK_CONNECT_TIMEOUT = float(os.environ.get("TATHYA_WEBHOOK_CONNECT_TIMEOUT", "") or 3)
        self.TATHYA_WEBHOOK_READ_TIMEOUT = float(os.environ.get("TATHYA_WEBHOOK_READ_TIMEOUT", "") or 5)
        # Settled events (all deliveries delivered or failed) older than this many seconds are
        # pruned by the worker with their deliveries; also how far back a stream can resume.
        self.TATHYA_OUTBOX_RETENTION = _int_env("TATHYA_OUTBOX_RETENTION", 14 * 24 * 3600)
        # The worker started beside gunicorn lowers its priority by this much (0-19).
        self.TATHYA_DELIVERY_NICE = _int_env("TATHYA_DELIVERY_NICE", 19)
        # A /v1/stream connection ends after this many seconds (the browser reconnects with
        # Last-Event-ID): each open stream holds one gunicorn thread.
        self.TATHYA_STREAM_SECONDS = float(os.environ.get("TATHYA_STREAM_SECONDS", "") or 55)
        # Megabytes of finished read responses each worker keeps, valid until the next write
        # anywhere (web/response_cache.py); 0 turns the cache off.
        self.TATHYA_RESPONSE_CACHE_MB = float(os.environ.get("TATHYA_RESPONSE_CACHE_MB", "") or 16)
        self.TESTING = False
        self.JSON_SORT_KEYS = False
        self.API_TITLE = "Tathya"
        self.API_VERSION = "v1"
        self.OPENAPI_VERSION = "3.0.3"
        self.OPENAPI_URL_PREFIX = "/"
        self.OPENAPI_JSON_PATH = "openapi.json"
        self.OPENAPI_SWAGGER_UI_PATH = "/docs"
        # Served from the installed swagger-ui-bundle package: the docs work with no internet.
        self.OPENAPI_SWAGGER_UI_URL = "/docs/assets/"
        self.API_SPEC_OPTIONS = {
            "info": {
                "description": "Fact-tracking for Hindi news: who said what, when and where.",
                "license": {"name": "MIT"},
            },
        }

    def as_dict(self) -> dict:
        return {key: value for key, value in vars(self).items() if key.isupper()}
