"""Failed authentications counted per client address: past the limit, 429 before keys are compared."""

from __future__ import annotations

import threading
import time
from collections import deque

# A client may get this many 401s in WINDOW seconds; the next attempts are 429 until the oldest
# failure leaves the window (a key cannot be guessed at request speed).
MAX_FAILURES = 20
WINDOW = 60.0
# Bound on the addresses remembered: past it, the stalest are forgotten (memory stays bounded).
MAX_CLIENTS = 10_000


class FailedAuthLimiter:
    """Sliding-window count of failed authentications per client (per worker process)."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW) -> None:
        self.max_failures, self.window = max_failures, window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, client: str, now: float | None = None) -> int:
        """Seconds until ``client`` may try again (0: it may try now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._failures.get(client)
            if not times:
                return 0
            while times and now - times[0] >= self.window:
                times.popleft()
            if len(times) < self.max_failures:
                return 0
            return max(1, int(times[0] + self.window - now + 0.999))

    def failed(self, client: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            if client not in self._failures and len(self._failures) >= MAX_CLIENTS:
                stalest = min(self._failures, key=lambda c: self._failures[c][-1] if self._failures[c] else 0)
                del self._failures[stalest]
            self._failures.setdefault(client, deque(maxlen=self.max_failures)).append(now)
