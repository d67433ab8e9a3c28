"""The database's change token: equal on two reads only when no write was committed between them."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable

from service.store.db import database, is_sqlite


class _SqliteToken:
    """``PRAGMA data_version`` of a probe connection that never writes: it changes whenever any
    other connection, of any process, commits. Opened per process (never across fork), shared by
    the worker's threads under a lock (a pragma takes microseconds)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._pid: int | None = None
        self._con: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def __call__(self) -> object:
        with self._lock:
            if self._pid != os.getpid() or self._con is None:
                self._con = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
                self._pid = os.getpid()
            return self._con.execute("PRAGMA data_version").fetchone()[0]


def _pg_token() -> object:
    # Moves whenever a transaction that wrote completes (xmax, or the in-progress list, changes);
    # server-wide, so other databases' writes move it too: never stale, sometimes early.
    return database.execute_sql("SELECT pg_current_snapshot()::text").fetchone()[0]


def token_source() -> Callable[[], object] | None:
    """A function reading the open database's change token; None for an in-memory SQLite
    database (no second connection sees it)."""
    if not is_sqlite():
        return _pg_token
    path = database.obj.database
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return _SqliteToken(path)
