"""Subscriptions repository: create, read, delete (per API key), their deliveries, redelivery."""

from __future__ import annotations

import datetime as dt
import time

from service.errors import NotFound
from service.store import outbox
from service.store.claim_filter import FILTER_FIELDS
from service.store.db import write_transaction
from service.store.models import MAX_ID, utcnow
from service.store.push_models import Delivery, DeliveryAttempt, Subscription


def _stored_filter(flt) -> dict:
    """A ClaimFilter as JSON: set fields only, dates as ISO text."""
    out = {}
    for name in (*FILTER_FIELDS, "place_gazetteer_id"):
        value = getattr(flt, name)
        if value is None or (name == "include_within" and value is True):
            continue
        out[name] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def subscription_dict(sub: Subscription, *, secret: bool = False) -> dict:
    shown = {("from" if k == "from_" else k): v for k, v in sub.filter.items() if k != "place_gazetteer_id"}
    out = {
        "id": sub.id,
        "url": sub.url,
        "filter": shown,
        "events": sub.events,
        "created_at": sub.created_at.isoformat(),
    }
    if secret:
        out["secret"] = sub.secret
    return out


def create(*, key_id: str, url: str, flt, events: list[str], secret: str) -> Subscription:
    """Store a subscription; it receives the events recorded after this moment."""
    with write_transaction():
        return Subscription.create(
            key_id=key_id,
            url=url,
            secret=secret,
            filter=_stored_filter(flt),
            events=sorted(set(events)),
            after_event=outbox.latest_id(),
            created_at=utcnow(),
        )


def owned(subscription_id: int, key_id: str) -> Subscription:
    """The subscription with this id belonging to ``key_id``; ``NotFound`` otherwise (another
    key's subscription is not revealed to exist)."""
    sub = None
    if 0 < subscription_id < MAX_ID:
        sub = Subscription.get_or_none((Subscription.id == subscription_id) & (Subscription.key_id == key_id))
    if sub is None:
        raise NotFound("subscription", subscription_id)
    return sub


def list_owned(key_id: str) -> list[Subscription]:
    return list(Subscription.select().where(Subscription.key_id == key_id).order_by(Subscription.id))


def delete(subscription_id: int, key_id: str) -> None:
    with write_transaction():
        owned(subscription_id, key_id).delete_instance(recursive=True)


def _epoch_iso(value: float | None) -> str | None:
    if value is None:
        return None
    return dt.datetime.fromtimestamp(value, dt.UTC).replace(tzinfo=None, microsecond=0).isoformat()


def delivery_dict(d: Delivery, attempts: list[DeliveryAttempt]) -> dict:
    return {
        "id": d.uid,
        "event_id": d.event_id,
        "status": d.status,
        "created_at": d.created_at.isoformat(),
        "delivered_at": d.delivered_at.isoformat() if d.delivered_at else None,
        "next_attempt_at": _epoch_iso(d.due_at) if d.status == "pending" else None,
        "attempts": [
            {
                "number": a.number,
                "at": a.at.isoformat(),
                "status_code": a.status_code,
                "error": a.error,
                "latency_ms": round(a.latency_ms, 1),
                "response": a.response,
            }
            for a in attempts
        ],
    }


def deliveries(subscription_id: int, key_id: str, *, limit: int, status: str | None = None) -> list[dict]:
    """The subscription's latest deliveries, newest first, each with its attempts."""
    sub = owned(subscription_id, key_id)
    query = Delivery.select().where(Delivery.subscription == sub.id)
    if status:
        query = query.where(Delivery.status == status)
    rows = list(query.order_by(Delivery.id.desc()).limit(limit))
    by_delivery: dict[int, list] = {d.id: [] for d in rows}
    if rows:
        attempts = DeliveryAttempt.select().where(DeliveryAttempt.delivery.in_(list(by_delivery)))
        for a in attempts.order_by(DeliveryAttempt.id):
            by_delivery[a.delivery_id].append(a)
    return [delivery_dict(d, by_delivery[d.id]) for d in rows]


def redeliver(subscription_id: int, uid: str, key_id: str, *, horizon: float) -> dict:
    """Queue a delivery again, now, with a fresh horizon; the same delivery id is sent."""
    with write_transaction():
        sub = owned(subscription_id, key_id)
        d = Delivery.get_or_none((Delivery.subscription == sub.id) & (Delivery.uid == uid))
        if d is None:
            raise NotFound("delivery", uid)
        now = time.time()
        d.status, d.due_at, d.horizon_at = "pending", now, now + horizon
        d.save(only=[Delivery.status, Delivery.due_at, Delivery.horizon_at])
    return delivery_dict(d, list(d.attempt_rows.order_by(DeliveryAttempt.id)))
