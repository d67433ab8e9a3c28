"""The delivery worker: fan new outbox events out to subscriptions, send what is due, schedule retries."""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from service.delivery import sender
from service.store import deliveries, outbox
from service.store.db import database
from service.store.models import utcnow

log = logging.getLogger(__name__)
_RNG = random.Random()


@dataclass(frozen=True, slots=True)
class Settings:
    """Delivery settings (app config TATHYA_WEBHOOK_*; see README)."""

    horizon: float = 3 * 24 * 3600.0  # give up this long after the event (or a redelivery)
    backoff: float = 10.0  # first retry after about this many seconds, doubling
    backoff_cap: float = 3600.0
    connect_timeout: float = 3.0
    read_timeout: float = 5.0
    allow_private: bool = False
    concurrency: int = 4  # sends in flight at once
    batch: int = 50
    poll: float = 0.25  # idle wait between looks at the queue
    retention: float = 14 * 24 * 3600.0  # settled events (and their deliveries) kept this long
    prune_every: float = 60.0  # seconds between prunes while no backlog of old events is left
    prune_batch: int = 500  # events deleted per prune transaction

    @property
    def lease(self) -> float:
        # Longer than any one send can take: a delivery is only taken again when its worker died.
        return self.connect_timeout + self.read_timeout + 10.0

    @classmethod
    def from_config(cls, config) -> Settings:
        d = cls()  # the defaults (with slots, class attributes are descriptors, not values)
        return cls(
            horizon=float(config.get("TATHYA_WEBHOOK_HORIZON", d.horizon)),
            backoff=float(config.get("TATHYA_WEBHOOK_BACKOFF", d.backoff)),
            backoff_cap=float(config.get("TATHYA_WEBHOOK_BACKOFF_CAP", d.backoff_cap)),
            connect_timeout=float(config.get("TATHYA_WEBHOOK_CONNECT_TIMEOUT", d.connect_timeout)),
            read_timeout=float(config.get("TATHYA_WEBHOOK_READ_TIMEOUT", d.read_timeout)),
            allow_private=bool(config.get("TATHYA_WEBHOOK_ALLOW_PRIVATE", False)),
            concurrency=int(config.get("TATHYA_WEBHOOK_CONCURRENCY", d.concurrency)),
            retention=float(config.get("TATHYA_OUTBOX_RETENTION", d.retention)),
        )


def backoff_delay(attempt: int, settings: Settings, *, rng: random.Random = _RNG) -> float:
    """Delay after the ``attempt``-th failure: exponential, capped, with equal jitter (half fixed,
    half random), so that receivers coming back up are not hit by every retry at once."""
    full = min(settings.backoff_cap, settings.backoff * 2 ** (attempt - 1))
    return full / 2 + rng.uniform(0, full / 2)


def outcome(due: deliveries.Due, result: sender.Attempt, settings: Settings, *, now: float):
    """(status, next due time) after ``result``: delivered, a retry, or failed past the horizon."""
    if result.ok:
        return "delivered", None
    if not result.retryable:
        return "failed", None
    delay = backoff_delay(due.attempts + 1, settings)
    if result.retry_after is not None:
        delay = max(delay, result.retry_after)  # the receiver said when; never sooner
    if now + delay > due.horizon_at:
        return "failed", None
    return "pending", now + delay


class Worker:
    """One worker; ``cycle()`` does one round (tests call it), ``run()`` loops until stopped."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.connections = sender.Connections()  # no proxy from the environment: none is read
        self.pool = ThreadPoolExecutor(max_workers=settings.concurrency, thread_name_prefix="deliver")
        self.next_prune = 0.0  # time.monotonic() of the next prune
        self.filters = outbox.CompiledFilters()  # the subscriptions' filters, compiled once

    def prune(self) -> int:
        """Every ``prune_every`` seconds, delete one batch of settled events older than the
        retention; a full batch means more are waiting, so the next cycle prunes again."""
        s = self.settings
        if time.monotonic() < self.next_prune:
            return 0
        before = utcnow() - dt.timedelta(seconds=s.retention)
        pruned = outbox.prune(before=before, batch=s.prune_batch)
        if pruned < s.prune_batch:
            self.next_prune = time.monotonic() + s.prune_every
        return pruned

    def _send(self, due: deliveries.Due) -> sender.Attempt:
        body = sender.body_of(
            event_id=due.event_id,
            event_type=due.event_type,
            created_at=due.event_created_at,
            subscription_id=due.subscription_id,
            payload=due.payload,
        )
        s = self.settings
        return sender.send(
            self.connections,
            url=due.url,
            body=body,
            headers={"X-Tathya-Event": due.event_type, "X-Tathya-Delivery": due.uid},
            secret=due.secret,
            timeout=(s.connect_timeout, s.read_timeout),
            allow_private=s.allow_private,
        )

    def cycle(self) -> int:
        """Fan out new events, send one batch of due deliveries, prune old events now and then;
        returns how much was done."""
        s = self.settings
        done = outbox.fan_out(horizon=s.horizon, now=time.time(), filters=self.filters) + self.prune()
        batch = deliveries.take_due(now=time.time(), lease=s.lease, limit=s.batch)
        # Sends run in threads (one slow receiver does not hold the others); results are
        # recorded on this thread, which owns the database connection.
        results = []
        for due, result in zip(batch, self.pool.map(self._send, batch), strict=True):
            status, next_due = outcome(due, result, s, now=time.time())
            results.append(
                deliveries.Result(
                    due,
                    status_code=result.status_code,
                    error=result.error,
                    latency_ms=result.latency_ms,
                    response=result.response,
                    outcome=status,
                    next_due=next_due,
                )
            )
        self.connections.close()  # kept alive within a batch, not across idle waits
        deliveries.record_attempts(results)
        return done + len(batch)

    def run(self, stop: threading.Event, *, parent: int | None = None) -> None:
        """Work until ``stop`` is set (or the ``parent`` process is gone); errors are logged and retried."""
        while not stop.is_set():
            if parent is not None and os.getppid() != parent:
                log.warning("delivery worker: parent %s is gone, exiting", parent)
                return
            try:
                with database.connection_context():
                    busy = self.cycle()
            except Exception:  # a database outage must not end the worker: it retries
                log.exception("delivery cycle failed")
                busy = 0
                stop.wait(2.0)
            if busy < self.settings.batch:
                # No backlog: wait, so that the next cycle's fixed cost (three short write
                # transactions, a filter query per subscription) is shared by a poll's worth of
                # events instead of being paid for each event as it trickles in.
                stop.wait(self.settings.poll)
