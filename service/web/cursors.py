"""Opaque, signed keyset-pagination cursors, every decoded value checked before it reaches SQL."""

from __future__ import annotations

import datetime as dt
import functools

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

# Ids are positive and below this (the store's MAX_ID): a cursor can never carry an id that
# overflows an SQL integer.
MAX_CURSOR_ID = 2**62


class CursorError(ValueError):
    """The cursor was not issued by this endpoint (tampered, truncated, foreign or out of range)."""


def _serializer(kind: str) -> URLSafeSerializer:
    # The per-deployment secret: a cursor cannot be forged without it (the old constant was public).
    return _serializer_for(current_app.config["TATHYA_SECRET_KEY"], kind)


@functools.lru_cache(maxsize=64)
def _serializer_for(secret: str, kind: str) -> URLSafeSerializer:
    # Built once per (secret, kind): each page's cursor otherwise derived the signing key again.
    return URLSafeSerializer(secret, salt=f"cursor:{kind}")


def encode_cursor(kind: str, values: list) -> str:
    return _serializer(kind).dumps(values)


def decode_cursor(kind: str, token: str) -> list:
    try:
        values = _serializer(kind).loads(token)
    except BadSignature as exc:
        raise CursorError("Invalid cursor: pass next_cursor from the previous page unchanged.") from exc
    if not isinstance(values, list):
        raise CursorError("Invalid cursor.")
    return values


def _valid_id(value) -> bool:
    return type(value) is int and 0 <= value < MAX_CURSOR_ID


def _valid_date(value) -> bool:
    if type(value) is not str or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def decode_keyset(kind: str, token: str | None) -> list | None:
    """The [iso date, id] keyset inside a cursor (None without one); CursorError when invalid."""
    if not token:
        return None
    values = decode_cursor(kind, token)
    if len(values) != 2 or not _valid_date(values[0]) or not _valid_id(values[1]):
        raise CursorError("Invalid cursor.")
    return values


def decode_id(kind: str, token: str | None) -> int | None:
    """The last id inside an id-ordered cursor (None without one); CursorError when invalid."""
    if not token:
        return None
    values = decode_cursor(kind, token)
    if len(values) != 1 or not _valid_id(values[0]):
        raise CursorError("Invalid cursor.")
    return values[0]
