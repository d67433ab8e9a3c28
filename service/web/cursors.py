"""Opaque, signed keyset-pagination cursors."""

from __future__ import annotations

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
