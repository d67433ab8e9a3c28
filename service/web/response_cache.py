"""An in-process cache of finished read responses, valid while the database has not changed.

A hot URL (the dashboard's default view, a prime minister's timeline) is answered from memory:
its compressed body, ETag and headers, keyed by the canonical query and the headers the body
varies on. Every lookup first reads the database's change token (``store.changes``: SQLite's
``PRAGMA data_version`` on a probe connection, PostgreSQL's ``pg_current_snapshot()``), so a
write anywhere, by any process, makes every older entry unreachable on the next request: nothing
is served stale, and there is no expiry to tune. The token is read before the view runs its
queries, so an entry is never older than the token it is filed under. Bounded by
``TATHYA_RESPONSE_CACHE_MB`` per worker process (least recently used go first; 0: off).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from flask import Flask, Response, g, request

# What a body varies on besides the query (Flask-Compress's coding; claims negotiate exports).
VARY = ("Accept", "Accept-Encoding")
KEPT_HEADERS = ("Content-Type", "Content-Encoding", "ETag", "Vary", "Cache-Control")
ENTRY_OVERHEAD = 512  # key, headers and bookkeeping per entry, counted against the bound


class ResponseCache:
    """LRU of (status 200) response bodies and headers under one change token, thread-safe."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.token: object = None
        self._entries: OrderedDict[tuple, tuple[bytes, list]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, token: object, key: tuple) -> tuple[bytes, list] | None:
        with self._lock:
            if token != self.token:
                self._entries.clear()  # the data changed: every entry is older than it
                self.size, self.token = 0, token
                return None
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, token: object, key: tuple, body: bytes, headers: list) -> None:
        cost = len(body) + ENTRY_OVERHEAD
        if cost > self.max_bytes // 8:
            return  # one large answer must not push out many small ones
        with self._lock:
            if token != self.token or key in self._entries:
                return
            self._entries[key] = (body, headers)
            self.size += cost
            while self.size > self.max_bytes:
                _, (old, _) = self._entries.popitem(last=False)
                self.size -= len(old) + ENTRY_OVERHEAD


def _key() -> tuple:
    args = tuple(sorted(request.args.items(multi=True), key=lambda kv: kv[0]))
    return (request.path, args, *(request.headers.get(name, "") for name in VARY))


def init_app(app: Flask, *, endpoints: frozenset[str], token: Callable[[], object] | None) -> None:
    """Cache the GETs of ``endpoints`` (reads whose body is a function of the query string and
    the stored data only) under the change token ``token()`` reads (None: no cache).

    Call after every request check is registered (auth, limits, strict query strings: a cached
    answer skips only the view) and before compression and ETags (after_request hooks run in
    reverse: the store sees the finished body)."""
    megabytes = float(app.config.get("TATHYA_RESPONSE_CACHE_MB", 0) or 0)
    source = token if megabytes > 0 else None
    if source is None:
        app.extensions["tathya_response_cache"] = None
        return
    cache = app.extensions["tathya_response_cache"] = ResponseCache(int(megabytes * 1024 * 1024))

    @app.before_request
    def _answer_cached():
        if request.method != "GET" or request.endpoint not in endpoints:
            return None
        token, key = source(), _key()
        entry = cache.get(token, key)
        if entry is None:
            g.response_cache = (token, key)
            return None
        body, headers = entry
        return Response(body, headers=headers)

    @app.after_request
    def _store(response: Response) -> Response:
        pending = g.pop("response_cache", None)
        if pending is not None and response.status_code == 200 and not response.is_streamed:
            headers = [(name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers]
            cache.put(*pending, response.get_data(), headers)
        return response
