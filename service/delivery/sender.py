"""One webhook attempt: the signed body and headers, a bounded POST, and what came back."""

from __future__ import annotations

import email.utils
import hashlib
import hmac
import http.client
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

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


class Connections:
    """Idle keep-alive connections by target (scheme, host, port), shared by the sending threads.

    http.client, not requests: a POST costs ~0.4 ms of CPU instead of ~1.6 ms (the worker runs on
    the cores that serve ingest). A connection is kept only when the receiver keeps it open and
    its answer was read whole within RESPONSE_PREFIX; the worker closes the idle ones after each
    cycle, so none outlives a batch.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.idle: dict[tuple, list[http.client.HTTPConnection]] = {}
        self.tls = ssl.create_default_context()

    def take(self, parts, timeout: tuple[float, float]) -> tuple[http.client.HTTPConnection, bool]:
        """An idle connection to ``parts``' target (reused: True) or a new one, connected."""
        with self.lock:
            kept = self.idle.get((parts.scheme, parts.hostname, parts.port))
            if kept:
                return kept.pop(), True
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if parts.scheme == "https":
            conn = http.client.HTTPSConnection(parts.hostname, port, timeout=timeout[0], context=self.tls)
        else:
            conn = http.client.HTTPConnection(parts.hostname, port, timeout=timeout[0])
        try:
            conn.connect()
            conn.sock.settimeout(timeout[1])  # connected under the connect timeout, then the read one
        except BaseException:
            conn.close()
            raise
        return conn, False

    def give_back(self, parts, conn: http.client.HTTPConnection) -> None:
        with self.lock:
            self.idle.setdefault((parts.scheme, parts.hostname, parts.port), []).append(conn)

    def close(self) -> None:
        with self.lock:
            kept, self.idle = self.idle, {}
        for conns in kept.values():
            for conn in conns:
                conn.close()


# A kept-alive connection the receiver closed meanwhile fails before any answer: sent again once
# on a new connection (at least once: a receiver de-duplicates on X-Tathya-Delivery).
_STALE = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


def _post(
    connections: Connections, parts, body: bytes, headers: dict, timeout
) -> tuple[int, str | None, bytes]:
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    for attempt in (1, 2):
        conn, reused = connections.take(parts, timeout)
        try:
            conn.request("POST", target, body=body, headers=headers)
            resp = conn.getresponse()
        except _STALE:
            conn.close()
            if reused and attempt == 1:
                continue
            raise
        except BaseException:
            conn.close()
            raise
        try:
            prefix = resp.read(RESPONSE_PREFIX)
            whole = resp.isclosed()  # the body ended within the prefix
            wait = resp.getheader("Retry-After")
        except BaseException:
            conn.close()
            raise
        if whole and not resp.will_close:
            connections.give_back(parts, conn)
        else:
            conn.close()  # the rest of a long answer is not read, so the connection is not reused
        return resp.status, wait, prefix
    raise AssertionError("unreachable")


def send(
    connections: Connections,
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
        code, wait, prefix = _post(connections, urlsplit(url), body, sent, timeout)
    except (http.client.HTTPException, OSError, ValueError) as exc:
        return Attempt(None, f"{type(exc).__name__}: {exc}"[:300], _ms(start), None, None)
    return Attempt(
        code, None, _ms(start), prefix.decode("utf-8", "replace"), retry_after(wait, now=time.time())
    )


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000
