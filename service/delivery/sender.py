"""One webhook attempt: the signed body and headers, a bounded POST, and what came back."""

from __future__ import annotations

import email.utils
import hashlib
import hmac
import time
from dataclasses import dataclass

import requests
import urllib3

from service.delivery.targets import TargetRefused, check_target

RESPONSE_PREFIX = 512  # bytes of a receiver's answer kept for the deliveries list, no more
USER_AGENT = "Tathya-Hookshot/1"


def signature(secret: str, body: bytes) -> str:
    """``sha256=<hex HMAC of the body>``: GitHub's X-Hub-Signature-256 scheme."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def body_of(*, event_id: int, event_type: str, created_at, subscription_id: int, payload: str) -> bytes:
    """The JSON body: the same bytes on every retry (the stored claim JSON is spliced in as is)."""
    created = created_at.isoformat() if hasattr(created_at, "isoformat") else str(created_at)
    head = (
        f'{{"id":{int(event_id)},"type":"{event_type}","created_at":"{created.replace(" ", "T")}",'
        f'"subscription_id":{int(subscription_id)},"claim":'
    )
    return (head + payload + "}").encode()


@dataclass(frozen=True, slots=True)
class Attempt:
    status_code: int | None
    error: str | None
    latency_ms: float
    response: str | None
    retry_after: float | None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def retryable(self) -> bool:
        """Network errors, 5xx and 429 are retried; any other answer is final (3xx too: no redirects)."""
        if self.status_code is None:
            return self.error is not None and not self.error.startswith("refused:")
        return self.status_code >= 500 or self.status_code == 429


def retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now) if when else None


def send(
    session: requests.Session,
    *,
    url: str,
    body: bytes,
    headers: dict[str, str],
    secret: str,
    timeout: tuple[float, float],
    allow_private: bool,
) -> Attempt:
    """POST ``body`` once: no redirects, connect/read timeouts, at most RESPONSE_PREFIX bytes read."""
    start = time.perf_counter()
    try:
        check_target(url, allow_private=allow_private)
    except TargetRefused as exc:
        return Attempt(None, f"refused: {exc}", 0.0, None, None)
    sent = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Tathya-Signature-256": signature(secret, body),
        **headers,
    }
    try:
        with session.post(
            url, data=body, headers=sent, timeout=timeout, allow_redirects=False, stream=True
        ) as resp:
            prefix = resp.raw.read(RESPONSE_PREFIX, decode_content=True) or b""
            code, wait = resp.status_code, retry_after(resp.headers.get("Retry-After"), now=time.time())
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
        return Attempt(None, f"{type(exc).__name__}: {exc}"[:300], _ms(start), None, None)
    return Attempt(code, None, _ms(start), prefix.decode("utf-8", "replace"), wait)


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000
