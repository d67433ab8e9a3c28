"""The one peewee database proxy, bound at start-up from DATABASE_URL."""

from __future__ import annotations

from pathlib import Path

import peewee
from playhouse.db_url import connect

database = peewee.DatabaseProxy()

# WAL lets readers run beside the single writer; the busy timeout makes writers queue
# instead of failing with "database is locked"; NORMAL sync is durable in WAL mode.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "cache_size": -32 * 1024,
    "busy_timeout": 30_000,
}


def open_database(url: str) -> peewee.Database:
    """Create (not yet connect) the database object for ``url`` and bind the proxy to it."""
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = connect(url, pragmas=SQLITE_PRAGMAS, timeout=30)
    else:
        db = connect(url)
    database.initialize(db)
    return db


def is_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def write_transaction():
    """A transaction that takes the write lock up front on SQLite.

    A deferred SQLite transaction that reads first and writes later can fail to upgrade its
    lock under concurrency; IMMEDIATE queues on the busy timeout instead.
    """
    if is_sqlite():
        return database.obj.atomic("IMMEDIATE")
    return database.atomic()
