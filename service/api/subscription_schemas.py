"""marshmallow schemas of subscriptions, deliveries and the event stream."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.api.claim_schemas import ClaimFilterSchema
from service.store.push_models import EVENT_TYPES


class SubscriptionInSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    url = fields.String(
        required=True,
        validate=validate.Length(min=8, max=2000),
        metadata={"description": "http(s) URL that receives each event as a signed POST"},
    )
    filter = fields.Nested(
        ClaimFilterSchema,
        load_default=dict,
        metadata={"description": "the filters of GET /v1/claims: only matching claims are sent"},
    )
    events = fields.List(
        fields.String(validate=validate.OneOf(EVENT_TYPES)),
        load_default=lambda: ["claim.created"],
        validate=validate.Length(min=1, max=len(EVENT_TYPES)),
    )
    secret = fields.String(
        load_default=None,
        validate=validate.Length(min=16, max=200),
        metadata={"description": "HMAC key for X-Tathya-Signature-256; generated when not given"},
    )


class SubscriptionSchema(ma.Schema):
    id = fields.Integer(required=True)
    url = fields.String(required=True)
    filter = fields.Dict(required=True, metadata={"description": "the filters set, as given"})
    events = fields.List(fields.String(), required=True)
    created_at = fields.String(required=True)


class NewSubscriptionSchema(SubscriptionSchema):
    secret = fields.String(required=True, metadata={"description": "shown only in this response"})


class SubscriptionListSchema(ma.Schema):
    items = fields.List(fields.Nested(SubscriptionSchema), required=True)


class AttemptSchema(ma.Schema):
    number = fields.Integer(required=True)
    at = fields.String(required=True)
    status_code = fields.Integer(required=True, allow_none=True)
    error = fields.String(required=True, allow_none=True)
    latency_ms = fields.Float(required=True)
    response = fields.String(required=True, allow_none=True, metadata={"description": "first 512 bytes"})


class DeliverySchema(ma.Schema):
    id = fields.String(required=True, metadata={"description": "X-Tathya-Delivery: the same on every retry"})
    event_id = fields.Integer(required=True)
    status = fields.String(required=True, validate=validate.OneOf(["pending", "delivered", "failed"]))
    created_at = fields.String(required=True)
    delivered_at = fields.String(required=True, allow_none=True)
    next_attempt_at = fields.String(required=True, allow_none=True)
    attempts = fields.List(fields.Nested(AttemptSchema), required=True)


class DeliveryListSchema(ma.Schema):
    items = fields.List(fields.Nested(DeliverySchema), required=True)


class DeliveryQuerySchema(ma.Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    status = fields.String(load_default=None, validate=validate.OneOf(["pending", "delivered", "failed"]))


class StreamQuerySchema(ClaimFilterSchema):
    events = fields.String(
        load_default=",".join(EVENT_TYPES[:2]),
        validate=validate.Regexp(
            r"^(claim\.created|claim\.updated|story\.grown)(,(claim\.created|claim\.updated|story\.grown))*$"
        ),
        metadata={"description": "comma-separated event types"},
    )
    last_event_id = fields.Integer(
        load_default=None,
        validate=validate.Range(min=0, max=2**62),
        metadata={"description": "resume after this event (as the Last-Event-ID header)"},
    )
