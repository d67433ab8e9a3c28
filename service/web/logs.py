"""Structured JSON logs: one object per line, with the request id and an access line per request."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import time

import orjson
from flask import Flask, g, has_request_context, request

ACCESS_LOGGER = "tathya.access"
# Extra attributes a record may carry (``log.info(..., extra={...})``) that are copied to the line.
EXTRA_FIELDS = ("method", "path", "status", "duration_ms", "key_id", "article_id", "remote_addr")
_MARK = "_tathya_json_handler"
REDACTED = "[redacted]"


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON object: ts, level, logger, message, request_id and extras."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None)
        if request_id is None and has_request_context():
            request_id = g.get("request_id")
        if request_id:
            line["request_id"] = request_id
        for name in EXTRA_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                line[name] = value
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        # orjson: ~0.5 us a line where json.dumps took ~10 us (every request writes one).
        return orjson.dumps(line, default=str).decode()


class RedactSecrets(logging.Filter):
    """Replaces configured API keys in a record's text: a key must never reach a log line."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, REDACTED)
            record.msg, record.args = message, None
        return True


class _StderrHandler(logging.StreamHandler):
    """Writes to the current ``sys.stderr`` (test runners and gunicorn swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:  # StreamHandler.__init__ assigns it; the property wins
        pass


def configure(level: str | int = "INFO", secrets: list[str] | None = None) -> logging.Handler:
    """Install (once) the JSON handler on the root logger; later calls update level and secrets."""
    root = logging.getLogger()
    handler = next((h for h in root.handlers if getattr(h, _MARK, False)), None)
    if handler is None:
        handler = _StderrHandler()
        setattr(handler, _MARK, True)
        handler.setFormatter(JsonFormatter())
        root.addHandler(handler)
    for old in [f for f in handler.filters if isinstance(f, RedactSecrets)]:
        handler.removeFilter(old)
    handler.addFilter(RedactSecrets(secrets or []))
    root.setLevel(level)
    return handler


def init_app(app: Flask) -> None:
    """JSON logging for the app, and one access line per request."""
    level = app.config.get("LOG_LEVEL") or os.environ.get("LOG_LEVEL", "INFO")
    configure(level.upper(), app.config.get("TATHYA_API_KEYS") or [])
    access = logging.getLogger(ACCESS_LOGGER)

    @app.before_request
    def _start_timer():
        g.request_started = time.perf_counter()

    @app.after_request
    def _access_line(response):
        started = g.get("request_started")
        duration = round((time.perf_counter() - started) * 1000, 2) if started else None
        # The path only: query strings may carry user text, and headers (keys) are never logged.
        access.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration,
                "key_id": g.get("key_id"),
            },
        )
        return response
