"""peewee models of push delivery: subscriptions, the outbox of events, deliveries and their attempts."""

from __future__ import annotations

import peewee as pw

from service.store.models import BaseModel, JSONField, utcnow

EVENT_TYPES = ("claim.created", "claim.updated", "story.grown")


class Subscription(BaseModel):
    """A webhook target: who owns it (API key id), where to send, which claims and events."""

    key_id = pw.CharField(max_length=32, index=True)
    url = pw.TextField()
    # Needed in clear to sign each body (HMAC); shown to the client once, at creation.
    secret = pw.TextField()
    # The ClaimFilter fields as accepted (a place name's gazetteer id resolved at creation).
    filter = JSONField(default=dict)
    events = JSONField()
    # Events up to this id happened before the subscription existed and are not sent to it.
    after_event = pw.IntegerField(default=0)
    created_at = pw.DateTimeField(default=utcnow)


class OutboxEvent(BaseModel):
    """One event, written in the transaction of the change that caused it (the outbox pattern).

    ``payload`` is the claim's JSON at that moment; ``claim_id`` is no foreign key, so the event
    outlives a deleted claim. ``fanned_out``: deliveries were created for every subscription.
    """

    type = pw.CharField(max_length=32)
    claim_id = pw.IntegerField(null=True)
    payload = pw.TextField()
    created_at = pw.DateTimeField(default=utcnow)
    fanned_out = pw.BooleanField(default=False, index=True)


class Delivery(BaseModel):
    """One event for one subscription; ``uid`` is X-Tathya-Delivery, the same on every retry."""

    uid = pw.CharField(max_length=32, unique=True)
    subscription = pw.ForeignKeyField(Subscription, backref="deliveries", on_delete="CASCADE")
    event = pw.ForeignKeyField(OutboxEvent, backref="deliveries", on_delete="CASCADE")
    status = pw.CharField(max_length=16, default="pending")  # pending | delivered | failed
    attempts = pw.IntegerField(default=0)
    # Epoch seconds (double precision: sub-second backoff) of the next attempt; while a worker
    # sends, its lease: a worker killed mid-send leaves the delivery due again when it runs out.
    due_at = pw.DoubleField()
    horizon_at = pw.DoubleField()  # retries stop after this (epoch seconds)
    created_at = pw.DateTimeField(default=utcnow)
    delivered_at = pw.DateTimeField(null=True)
    last_status = pw.IntegerField(null=True)
    last_error = pw.TextField(null=True)

    class Meta:
        indexes = (
            (("subscription", "event"), True),
            (("status", "due_at"), False),
            (("subscription", "id"), False),
        )


class DeliveryAttempt(BaseModel):
    delivery = pw.ForeignKeyField(Delivery, backref="attempt_rows", on_delete="CASCADE")
    number = pw.IntegerField()
    at = pw.DateTimeField(default=utcnow)
    status_code = pw.IntegerField(null=True)
    error = pw.TextField(null=True)
    latency_ms = pw.DoubleField()
    response = pw.TextField(null=True)  # the first bytes of the body only (RESPONSE_PREFIX)


PUSH_MODELS = [Subscription, OutboxEvent, Delivery, DeliveryAttempt]
