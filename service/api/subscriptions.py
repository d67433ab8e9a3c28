"""Subscriptions: signed webhooks for matching claims, their deliveries, redelivery (per API key)."""

from __future__ import annotations

import secrets

from flask import current_app, url_for
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service.api.claims import filter_from
from service.api.subscription_schemas import (
    DeliveryListSchema,
    DeliveryQuerySchema,
    DeliverySchema,
    NewSubscriptionSchema,
    SubscriptionInSchema,
    SubscriptionListSchema,
    SubscriptionSchema,
)
from service.delivery.targets import TargetRefused, check_target
from service.store import subscriptions as subs
from service.web.errors import documents_errors, json_response
from service.web.security import BEARER_READ, require_key

blp = Blueprint(
    "subscriptions", __name__, url_prefix="/v1/subscriptions", description="Push: signed webhooks"
)


@blp.route("")
class Subscriptions(MethodView):
    @blp.response(200, SubscriptionListSchema)
    @blp.doc(security=BEARER_READ)
    @documents_errors(blp, 401, 403)
    @blp.doc(operationId="listSubscriptions")
    def get(self):
        """The subscriptions of the API key (secrets are not shown again)"""
        return json_response({"items": [subs.subscription_dict(s) for s in subs.list_owned(require_key())]})

    @blp.arguments(SubscriptionInSchema())
    @blp.response(201, NewSubscriptionSchema, description="Created; the secret is shown only here")
    @documents_errors(blp, 400, 401, 403, 413, 415, 422)
    @blp.doc(operationId="createSubscription")
    def post(self, data):
        """Subscribe a URL to claim events matching the /v1/claims filters"""
        owner = require_key()
        try:
            check_target(data["url"], allow_private=current_app.config["TATHYA_WEBHOOK_ALLOW_PRIVATE"])
        except TargetRefused as exc:
            abort(422, message=str(exc), errors={"json": {"url": [str(exc)]}})
        sub = subs.create(
            key_id=owner,
            url=data["url"],
            flt=filter_from(data["filter"]),
            events=data["events"],
            secret=data["secret"] or secrets.token_urlsafe(32),
        )
        headers = {"Location": url_for("subscriptions.SubscriptionById", subscription_id=sub.id)}
        return json_response(subs.subscription_dict(sub, secret=True), 201, headers)


@blp.route("/<int:subscription_id>")
class SubscriptionById(MethodView):
    @blp.response(200, SubscriptionSchema)
    @blp.doc(security=BEARER_READ)
    @documents_errors(blp, 401, 403, 404)
    @blp.doc(operationId="getSubscription")
    def get(self, subscription_id):
        """One subscription of the API key"""
        return json_response(subs.subscription_dict(subs.owned(subscription_id, require_key())))

    @blp.response(204)
    @documents_errors(blp, 401, 403, 404)
    @blp.doc(operationId="deleteSubscription")
    def delete(self, subscription_id):
        """Delete a subscription and its deliveries"""
        subs.delete(subscription_id, require_key())
        return "", 204


@blp.route("/<int:subscription_id>/deliveries")
class Deliveries(MethodView):
    @blp.arguments(DeliveryQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, DeliveryListSchema)
    @blp.doc(security=BEARER_READ)
    @documents_errors(blp, 401, 403, 404, 422)
    @blp.doc(operationId="listDeliveries")
    def get(self, subscription_id, limit, status=None):
        """Latest deliveries, newest first: attempts, status codes, latency"""
        items = subs.deliveries(subscription_id, require_key(), limit=limit, status=status)
        return json_response({"items": items})


@blp.route("/<int:subscription_id>/deliveries/<string:delivery_id>/redeliver")
class Redeliver(MethodView):
    @blp.response(202, DeliverySchema, description="Queued again (same delivery id, fresh horizon)")
    @documents_errors(blp, 401, 403, 404)
    @blp.doc(operationId="redeliver")
    def post(self, subscription_id, delivery_id):
        """Send a delivery again (after a failure, or when the receiver lost it)"""
        horizon = float(current_app.config["TATHYA_WEBHOOK_HORIZON"])
        body = subs.redeliver(subscription_id, delivery_id, require_key(), horizon=horizon)
        return json_response(body, 202)
