"""Database faults (unreachable, restarting, locked, full, read-only) as 503 with Retry-After."""

from __future__ import annotations

import logging
import sqlite3

import peewee

log = logging.getLogger(__name__)

# Seconds a client should wait before retrying: a PostgreSQL restart or a lock takes about this.
RETRY_AFTER = "5"
FAULT_CLASSES = (peewee.OperationalError, peewee.InterfaceError, peewee.InternalError)
# sqlite3.OperationalError also reports SQL mistakes ("no such column"): those stay 500s.
_SQLITE_FAULTS = ("locked", "busy", "disk", "full", "readonly", "read-only", "unable to open", "i/o error")


def is_database_fault(exc: BaseException) -> bool:
    """Whether ``exc`` says the database is unavailable (retry later), not that a query is wrong."""
    if not isinstance(exc, FAULT_CLASSES):
        return False
    original = getattr(exc, "orig", None)  # the driver's exception, which peewee wraps
    message = str(original if original is not None else exc).lower()
    if isinstance(original, sqlite3.Error):
        return any(fragment in message for fragment in _SQLITE_FAULTS)
    if isinstance(exc, peewee.InternalError):
        return "read-only" in message  # a standby, or default_transaction_read_only
    return True  # psycopg2's OperationalError/InterfaceError: the connection, never the SQL
