"""Absolute URLs in documents that leave the service (JSON-LD): never built from an untrusted Host."""

from __future__ import annotations

from flask import current_app, request
from flask_smorest import abort
from werkzeug.sansio.utils import host_is_trusted


def external_url(path: str) -> str:
    """``path`` under TATHYA_PUBLIC_URL; without one, under the request's host when it is one of
    TATHYA_TRUSTED_HOSTS (400 otherwise). A reflected Host header in a publicly cached document
    lets anyone plant their own URLs in a shared cache."""
    base = current_app.config.get("TATHYA_PUBLIC_URL")
    if base:
        return base.rstrip("/") + path
    if not host_is_trusted(request.host, current_app.config["TATHYA_TRUSTED_HOSTS"]):
        abort(
            400,
            message="This Host is not one of TATHYA_TRUSTED_HOSTS: set TATHYA_PUBLIC_URL for absolute URLs.",
            errors={"headers": {"Host": ["Not a trusted host."]}},
        )
    return request.host_url.rstrip("/") + path


def publisher() -> dict:
    """The organization that publishes the fact checks (ClaimReview's author)."""
    return {
        "name": current_app.config["TATHYA_PUBLISHER"],
        "url": current_app.config.get("TATHYA_PUBLISHER_URL") or external_url("/"),
    }
