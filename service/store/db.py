"""The one peewee database proxy, bound at start-up from DATABASE_URL."""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import threading
from pathlib import Path

import peewee
from playhouse.db_url import connect, parse
from playhouse.shortcuts import ReconnectMixin

database = peewee.DatabaseProxy()


class PostgresDatabase(ReconnectMixin, peewee.PostgresqlDatabase):
    """PostgreSQL that reconnects and retries once when the server dropped the connection.

    peewee's ReconnectMixin never retries inside a transaction (every write here runs in one),
    so only reads outside a transaction are repeated: the request that meets a connection the
    server killed (restart, failover, idle timeout) is answered instead of failing.
    """

    reconnect_errors = (
        (peewee.OperationalError, "terminat"),  # terminating connection due to administrator command
        (peewee.OperationalError, "server closed the connection"),
        (peewee.OperationalError, "connection already closed"),
        (peewee.InterfaceError, "connection already closed"),
    )


# WAL lets readers run beside the single writer; the busy timeout makes writers queue
# instead of failing with "database is locked"; NORMAL sync is durable in WAL mode.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    # Per connection, and gthread workers hold one per thread: 8 x 32 MB took a worker past
    # 300 MB under rotating reads; the OS page cache serves what this cache misses.
    "cache_size": -8 * 1024,
    "busy_timeout": 30_000,
}


def open_database(url: str) -> peewee.Database:
    """Create (not yet connect) the database object for ``url`` and bind the proxy to it."""
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = connect(url, pragmas=SQLITE_PRAGMAS, timeout=30)
    elif url.split(":", 1)[0] in ("postgres", "postgresql"):
        db = PostgresDatabase(**parse(url))
    else:
        db = connect(url)
    database.initialize(db)
    return db


def is_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


@contextlib.contextmanager
def write_transaction():
    """A transaction for writes; on SQLite, writers queue on a lock instead of polling.

    A deferred SQLite transaction that reads first and writes later can fail to upgrade its
    lock under concurrency, so the transaction is IMMEDIATE. SQLite's own busy handler
    waits by sleeping in growing steps (up to 100 ms), which wastes most of a contended
    second; an OS file lock (flock, shared by every process on the database) plus a thread
    lock hands the write lock over as soon as it is free.
    """
    if not is_sqlite():
        with database.atomic():
            yield
        return
    with _sqlite_writer_lock(), database.obj.atomic("IMMEDIATE"):
        yield


_thread_lock = threading.Lock()
# Keyed by pid too: a descriptor inherited across fork shares one lock with the parent.
_lock_files: dict[tuple[int, str], int] = {}


@contextlib.contextmanager
def _sqlite_writer_lock():
    path = database.obj.database
    if not path or path == ":memory:" or path.startswith("file:"):
        yield
        return
    with _thread_lock:
        key = (os.getpid(), path)
        fd = _lock_files.get(key)
        if fd is None:
            fd = _lock_files[key] = os.open(f"{path}-writelock", os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)


def check_writable() -> None:
    """Raise ``peewee.OperationalError`` when the database cannot take a write (readiness).

    SQLite: the file and its directory (WAL and shm files live there) must be writable, and the
    disk must take a 4 KiB page (a probe file, fsynced, removed). PostgreSQL: the session must not
    be read-only (a standby, or default_transaction_read_only).
    """
    if not is_sqlite():
        if database.execute_sql("SHOW transaction_read_only").fetchone()[0] == "on":
            raise peewee.OperationalError("database is read-only")
        return
    path = database.obj.database
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    directory = os.path.dirname(os.path.abspath(path))
    if not (os.access(path, os.W_OK) and os.access(directory, os.W_OK)):
        raise peewee.OperationalError("database file is read-only")
    try:
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".healthz-") as probe:
            probe.write(b"\0" * 4096)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        raise peewee.OperationalError(f"database disk is full or failing: {exc.strerror}") from exc
