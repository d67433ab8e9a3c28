"""Opaque, signed keyset-pagination cursors."""

from __future__ import annotations

import datetime as dt

from itsdangerous import BadSignature, URLSafeSerializer

# Cursors are not secrets; the signature only makes tampered or foreign cursors detectable.
_DEFAULT_SECRET = "tathya-cursor-v1"


class CursorError(ValueError):
    """The cursor was not issued by this endpoint (tampered, truncated or foreign)."""


def encode_cursor(kind: str, values: list, *, secret: str = _DEFAULT_SECRET) -> str:
    return URLSafeSerializer(secret, salt=f"cursor:{kind}").dumps(values)


def decode_cursor(kind: str, token: str, *, secret: str = _DEFAULT_SECRET) -> list:
    try:
        values = URLSafeSerializer(secret, salt=f"cursor:{kind}").loads(token)
    except BadSignature as exc:
        raise CursorError("Invalid cursor: pass next_cursor from the previous page unchanged.") from exc
    if not isinstance(values, list):
        raise CursorError("Invalid cursor.")
    return values


def _decode_shaped(kind: str, token: str, *types: type) -> list:
    values = decode_cursor(kind, token)
    if len(values) != len(types) or not all(isinstance(v, t) for v, t in zip(values, types, strict=True)):
        raise CursorError("Invalid cursor.")
    return values


def decode_keyset(kind: str, token: str | None) -> list | None:
    """The [iso date, id] keyset inside a cursor (None without one); CursorError when invalid."""
    if not token:
        return None
    values = _decode_shaped(kind, token, str, int)
    try:
        dt.date.fromisoformat(values[0])
    except ValueError as exc:
        raise CursorError("Invalid cursor.") from exc
    return values


def decode_id(kind: str, token: str | None) -> int | None:
    """The last id inside an id-ordered cursor (None without one); CursorError when invalid."""
    return _decode_shaped(kind, token, int)[0] if token else None
