"""The outbox: events written in the change's own transaction, fanned out to deliveries, read by the stream."""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from dataclasses import dataclass

from service.store import claim_query, sql
from service.store.claim_filter import ClaimFilter, Where, compile_filter, statement
from service.store.db import database, is_sqlite, write_transaction
from service.store.models import utcnow
from service.store.push_models import Subscription

# Serializes outbox writers on PostgreSQL from their insert to their commit, so that event ids
# become visible in id order: a stream resuming "after id N" can then never skip an event whose
# transaction committed late (sequence values are handed out before commit). SQLite writers are
# serialized anyway. Taken at the end of the change's transaction, so it is held only briefly.
_OUTBOX_LOCK = 0x7461_7468  # "tath"
_COLUMNS = ("type", "claim_id", "payload", "created_at", "fanned_out")


def record(kind: str, claims: list[dict]) -> None:
    """Write one ``kind`` event per claim (API dicts); call inside the change's write transaction."""
    if not claims:
        return
    if not is_sqlite():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_OUTBOX_LOCK,))
    now = sql.iso(utcnow())
    rows = [
        (kind, c["id"], json.dumps(c, ensure_ascii=False, separators=(",", ":"), default=str), now, False)
        for c in claims
    ]
    sql.insert_rows("outbox_event", _COLUMNS, rows)


def story_grown(claim_id: int) -> None:
    """A claim joined an existing story: one ``story.grown`` event carrying that claim (its
    ``story_id`` the story it joined); call inside the transaction that linked it."""
    record("story.grown", [claim_query.claim_by_id(claim_id)])


def latest_id() -> int:
    return sql.one('SELECT MAX("id") FROM "outbox_event"')[0] or 0


def subscription_filter(stored: dict) -> ClaimFilter:
    """The ClaimFilter of a stored subscription (dates kept as ISO text in JSON)."""
    values = dict(stored)
    for name in ("from_", "to"):
        if values.get(name):
            values[name] = dt.date.fromisoformat(values[name])
    return ClaimFilter(**values)


def matching(flt: ClaimFilter, claim_ids: list[int]) -> set[int]:
    """Which of ``claim_ids`` match ``flt``, by the one claim-query compiler."""
    return _matching(compile_filter(flt) if claim_ids else None, claim_ids)


def _matching(where: Where | None, claim_ids: list[int]) -> set[int]:
    if not claim_ids or where is None:
        return set()
    text, params = statement('SELECT "t1"."id" FROM "claim" AS "t1"', where, ids=sorted(set(claim_ids)))
    return {row[0] for row in database.execute_sql(text, params)}


# What a compiled filter depends on besides the subscription: the entities and aliases a speaker
# or place name resolves to, and the place roll-up. Rows there are only added (or, for a merged
# place, moved with new rows added), so their largest ids move whenever a resolution can change.
_ENTITY_TOKEN = (
    'SELECT (SELECT MAX("id") FROM "entity"), (SELECT MAX("id") FROM "entity_alias"), '
    '(SELECT MAX("id") FROM "place_within")'
)


class CompiledFilters:
    """Each subscription's filter compiled once: ``compile_filter`` resolves speaker and place
    names to entity ids (two or three queries per filter), which fan-out would otherwise repeat
    for every subscription in every cycle. An entry is compiled again when its subscription's
    filter changes, when entities, aliases or the place roll-up grew (one probe per cycle of
    three primary-key maxima), and at the latest after ``max_age`` seconds. One per worker: a
    cache belongs to one database."""

    def __init__(self, *, max_age: float = 60.0) -> None:
        self.max_age = max_age
        self.compiles = 0  # how many filters were compiled (tests read it)
        self._token: tuple | None = None
        self._since = 0.0
        self._entries: dict[int, tuple[str, Where | None]] = {}

    def refresh(self) -> None:
        """Start of a fan-out: forget every entry when what they resolved may have changed."""
        token = tuple(sql.one(_ENTITY_TOKEN))
        now = time.monotonic()
        if token != self._token or now - self._since > self.max_age:
            self._entries.clear()
            self._token, self._since = token, now

    def where(self, sub) -> Where | None:
        """The compiled filter of subscription ``sub`` (None: nothing can match it)."""
        stored = json.dumps(sub.filter, sort_keys=True, ensure_ascii=False)
        entry = self._entries.get(sub.id)
        if entry is None or entry[0] != stored:
            self.compiles += 1
            entry = (stored, compile_filter(subscription_filter(sub.filter)))
            self._entries[sub.id] = entry
        return entry[1]

    def keep(self, subscription_ids: set[int]) -> None:
        """Drop the entries of deleted subscriptions."""
        for gone in self._entries.keys() - subscription_ids:
            del self._entries[gone]


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    type: str
    claim_id: int | None
    payload: str
    created_at: object


def events_after(
    after: int, *, types: tuple[str, ...], flt: ClaimFilter, limit: int = 200
) -> tuple[list[Event], int]:
    """(events after id ``after`` of ``types`` whose claim matches ``flt``, the last id looked at)."""
    rows = sql.execute(
        'SELECT "id", "type", "claim_id", "payload", "created_at" FROM "outbox_event" '
        'WHERE "id" > ? ORDER BY "id" LIMIT ?',
        (after, limit),
    ).fetchall()
    if not rows:
        return [], after
    events = [Event(*row) for row in rows if row[1] in types]
    wanted = matching(flt, [e.claim_id for e in events if e.claim_id is not None])
    return [e for e in events if e.claim_id in wanted], rows[-1][0]


def fan_out(*, horizon: float, now: float, batch: int = 200, filters: CompiledFilters | None = None) -> int:
    """Create the deliveries of up to ``batch`` new events (one per matching subscription).

    PostgreSQL: one transaction, the events taken FOR UPDATE SKIP LOCKED, so workers running side
    by side fan out disjoint batches. SQLite: the filters are matched before the write lock is
    taken (every ingest queues behind it), and inside it only events still not fanned out are
    written. ``filters``: the worker's compiled filters (a fresh cache when None). Returns how
    many events were handled.
    """
    filters = filters if filters is not None else CompiledFilters()
    if is_sqlite():
        rows = _unfanned(batch, lock="")
        if not rows:
            return 0
        planned = _plan(rows, horizon=horizon, now=now, filters=filters)
        with write_transaction():
            marks = ", ".join("?" * len(rows))
            still = {
                r[0]
                for r in sql.execute(
                    f'SELECT "id" FROM "outbox_event" WHERE "fanned_out" = ? AND "id" IN ({marks})',
                    [False, *(r[0] for r in rows)],
                )
            }
            _write([d for d in planned if d[2] in still], sorted(still))
        return len(rows)
    with write_transaction():
        rows = _unfanned(batch, lock=" FOR UPDATE SKIP LOCKED")
        if rows:
            _write(_plan(rows, horizon=horizon, now=now, filters=filters), [r[0] for r in rows])
    return len(rows)


def _unfanned(batch: int, *, lock: str) -> list[tuple]:
    return sql.execute(
        f'SELECT "id", "type", "claim_id" FROM "outbox_event" WHERE "fanned_out" = ? ORDER BY "id" LIMIT ?{lock}',
        (False, batch),
    ).fetchall()


def _plan(rows: list[tuple], *, horizon: float, now: float, filters: CompiledFilters) -> list[tuple]:
    """Delivery rows for the events ``rows`` (id, type, claim id): one per matching subscription."""
    deliveries = []
    created = sql.iso(utcnow())
    subscriptions = list(Subscription.select())
    filters.refresh()
    filters.keep({sub.id for sub in subscriptions})
    for sub in subscriptions:
        events = [r for r in rows if r[1] in sub.events and r[0] > sub.after_event]
        claim_ids = [r[2] for r in events if r[2] is not None]
        wanted = _matching(filters.where(sub), claim_ids) if claim_ids else set()
        deliveries += [
            (uuid.uuid4().hex, sub.id, r[0], "pending", 0, now, now + horizon, created)
            for r in events
            if r[2] in wanted
        ]
    return deliveries


def _write(deliveries: list[tuple], event_ids: list[int]) -> None:
    for start in range(0, len(deliveries), 200):
        sql.insert_ignore("delivery", _DELIVERY_COLUMNS, deliveries[start : start + 200])
    if event_ids:
        sql.execute(
            f'UPDATE "outbox_event" SET "fanned_out" = ? WHERE "id" IN ({", ".join("?" * len(event_ids))})',
            [True, *event_ids],
        )


_DELIVERY_COLUMNS = (
    "uid", "subscription_id", "event_id", "status", "attempts", "due_at", "horizon_at", "created_at",
)  # fmt: skip


def prune(*, before, batch: int = 500) -> int:
    """Delete up to ``batch`` events created before ``before`` (a datetime) whose deliveries are
    all settled (delivered or failed), with those deliveries and their attempts; returns how many.

    One short write transaction per call (the worker calls again while batches come back full).
    Events not yet fanned out, events with a pending delivery and the newest event stay (ids must
    keep growing: SQLite would hand out the largest id again once it is gone).
    """
    lock = "" if is_sqlite() else " FOR UPDATE SKIP LOCKED"
    with write_transaction():
        ids = [
            row[0]
            for row in sql.execute(
                'SELECT e."id" FROM "outbox_event" AS e WHERE e."fanned_out" = ? AND e."created_at" < ? '
                'AND e."id" < (SELECT MAX("id") FROM "outbox_event") AND NOT EXISTS '
                '(SELECT 1 FROM "delivery" AS d WHERE d."event_id" = e."id" AND d."status" = ?) '
                f'ORDER BY e."id" LIMIT ?{lock}',
                (True, sql.iso(before), "pending", batch),
            )
        ]
        if ids:
            marks = ", ".join("?" * len(ids))
            sql.execute(
                'DELETE FROM "delivery_attempt" WHERE "delivery_id" IN '
                f'(SELECT "id" FROM "delivery" WHERE "event_id" IN ({marks}))',
                ids,
            )
            sql.execute(f'DELETE FROM "delivery" WHERE "event_id" IN ({marks})', ids)
            sql.execute(f'DELETE FROM "outbox_event" WHERE "id" IN ({marks})', ids)
    return len(ids)
