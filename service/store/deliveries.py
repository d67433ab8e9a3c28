"""The delivery queue as the worker sees it: take due deliveries under a lease, record each attempt."""

from __future__ import annotations

from dataclasses import dataclass

from service.store import sql
from service.store.db import is_sqlite, write_transaction
from service.store.models import utcnow


@dataclass(frozen=True, slots=True)
class Due:
    """A delivery a worker holds: what to send, where, signed with which secret."""

    id: int
    uid: str
    attempts: int
    horizon_at: float
    subscription_id: int
    url: str
    secret: str
    event_id: int
    event_type: str
    payload: str
    event_created_at: object


def take_due(*, now: float, lease: float, limit: int) -> list[Due]:
    """Up to ``limit`` pending deliveries due by ``now``, leased to this worker until ``now + lease``.

    PostgreSQL: the rows are picked FOR UPDATE SKIP LOCKED, so concurrent workers take disjoint
    sets without waiting; the lease (committed before anything is sent) keeps the others off them.
    SQLite: the write transaction holds the database's one write lock.
    """
    lock = "" if is_sqlite() else " FOR UPDATE SKIP LOCKED"
    with write_transaction():
        ids = [
            row[0]
            for row in sql.execute(
                'SELECT "id" FROM "delivery" WHERE "status" = ? AND "due_at" <= ? '
                f'ORDER BY "due_at" LIMIT ?{lock}',
                ("pending", now, limit),
            )
        ]
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        sql.execute(f'UPDATE "delivery" SET "due_at" = ? WHERE "id" IN ({marks})', [now + lease, *ids])
        rows = sql.execute(
            'SELECT d."id", d."uid", d."attempts", d."horizon_at", s."id", s."url", s."secret", '
            'e."id", e."type", e."payload", e."created_at" FROM "delivery" AS d '
            'JOIN "subscription" AS s ON s."id" = d."subscription_id" '
            'JOIN "outbox_event" AS e ON e."id" = d."event_id" '
            f'WHERE d."id" IN ({marks}) ORDER BY d."due_at", d."id"',
            ids,
        ).fetchall()
    return [Due(*row) for row in rows]


@dataclass(frozen=True, slots=True)
class Result:
    """One attempt's result and the delivery's new state: ``outcome`` delivered | pending | failed."""

    due: Due
    status_code: int | None
    error: str | None
    latency_ms: float
    response: str | None
    outcome: str
    next_due: float | None


def record_attempts(results: list[Result]) -> None:
    """Store a batch of attempts and their deliveries' new states in one write transaction
    (one per batch, not per send: on SQLite every write transaction queues behind ingest's)."""
    if not results:
        return
    now = sql.iso(utcnow())
    with write_transaction():
        sql.insert_rows(
            "delivery_attempt",
            ("delivery_id", "number", "at", "status_code", "error", "latency_ms", "response"),
            [
                (r.due.id, r.due.attempts + 1, now, r.status_code, r.error, r.latency_ms, r.response)
                for r in results
            ],
        )
        for r in results:
            sql.execute(
                'UPDATE "delivery" SET "status" = ?, "attempts" = ?, "due_at" = COALESCE(?, "due_at"), '
                '"last_status" = ?, "last_error" = ?, "delivered_at" = ? WHERE "id" = ?',
                (
                    r.outcome,
                    r.due.attempts + 1,
                    r.next_due,
                    r.status_code,
                    r.error,
                    now if r.outcome == "delivered" else None,
                    r.due.id,
                ),
            )
