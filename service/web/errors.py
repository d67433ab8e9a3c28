"""The one JSON error shape for every 4xx and 5xx response, and the one map of domain errors."""

from __future__ import annotations

import functools
import http
import json
import logging

import marshmallow as ma
from flask import g
from flask_smorest import Api, abort
from marshmallow import fields
from werkzeug.exceptions import HTTPException

from service.errors import EditError, NotFound, StaleVersion
from service.web.cursors import CursorError
from service.web.faults import FAULT_CLASSES, RETRY_AFTER, is_database_fault
from service.web.strict_spec import (
    BEARER,
    BEARER_SCHEME,
    OperationRulesPlugin,
    mark_parameters,
    nullable_enum_as_component,
    nullable_nested_as_all_of,
    reject_unknown_query,
)


class ErrorSchema(ma.Schema):
    """The one error shape of every 4xx and 5xx response."""

    code = fields.Integer(required=True, metadata={"description": "HTTP status code"})
    status = fields.String(required=True, metadata={"description": "HTTP status name"})
    message = fields.String(metadata={"description": "What went wrong, for humans"})
    errors = fields.Dict(
        metadata={"description": "Field-level messages by location: {json: {field: [message]}}"}
    )
    request_id = fields.String(metadata={"description": "Echo of X-Request-ID, for support"})


log = logging.getLogger(__name__)

INVALID_CURSOR = "Invalid cursor."
# Domain error → (status, its payload): views let these propagate; nothing else maps them.
DOMAIN_ERRORS = {
    NotFound: lambda exc: (404, {"message": str(exc)}),
    StaleVersion: lambda exc: (412, {"message": str(exc), "errors": {"headers": {"If-Match": [str(exc)]}}}),
    EditError: lambda exc: (422, {"message": str(exc), "errors": {"json": {exc.field: [str(exc)]}}}),
    CursorError: lambda exc: (
        400,
        {"message": INVALID_CURSOR, "errors": {"query": {"cursor": [INVALID_CURSOR]}}},
    ),
}


class TathyaApi(Api):
    """flask-smorest Api whose errors all carry ``{code, status, message, errors?, request_id}``."""

    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error):
        payload, code, headers = super().handle_http_exception(error)
        if "message" not in payload:
            # 5xx descriptions never include exception text, so nothing internal leaks.
            payload["message"] = error.description or http.HTTPStatus(code).phrase
        payload["request_id"] = g.get("request_id", "")
        headers = dict(headers or {})
        if code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            headers["Allow"] = ", ".join(error.valid_methods)
        return payload, code, headers

    def init_app(self, app, *args, spec_kwargs=None, **kwargs):
        spec_kwargs = {"extra_plugins": [OperationRulesPlugin()], **(spec_kwargs or {})}
        super().init_app(app, *args, spec_kwargs=spec_kwargs, **kwargs)
        self.spec.components.security_scheme(BEARER, BEARER_SCHEME)
        self.ma_plugin.converter.add_attribute_function(nullable_nested_as_all_of)
        self.ma_plugin.converter.add_attribute_function(nullable_enum_as_component)
        mark_parameters(self.ma_plugin.converter)
        app.before_request(reject_unknown_query)
        for error_class, to_http in DOMAIN_ERRORS.items():
            app.register_error_handler(error_class, functools.partial(self._domain_error, to_http))
        for error_class in FAULT_CLASSES:
            app.register_error_handler(error_class, self._database_fault)

    def _database_fault(self, exc):
        if not is_database_fault(exc):
            raise exc  # a wrong query is a bug: the 500 handler answers and logs it
        log.warning("database unavailable: %s", exc)
        try:
            abort(503, message="Database unavailable: retry shortly.", headers={"Retry-After": RETRY_AFTER})
        except HTTPException as error:
            return self.handle_http_exception(error)

    def _domain_error(self, to_http, exc):
        code, data = to_http(exc)
        try:
            abort(code, **data)
        except HTTPException as error:
            return self.handle_http_exception(error)


def documents_errors(blp, *codes: int):
    """Decorator documenting the error responses an operation can return."""

    def decorator(func):
        for code in codes:
            func = blp.alt_response(code, response=http.HTTPStatus(code).name)(func)
        return func

    return decorator


@functools.cache
def status_name(code: int) -> str:
    return http.HTTPStatus(code).phrase


def json_response(payload, status: int = 200, headers: dict | None = None):
    """A JSON response from an already API-shaped dict.

    Views build lean dicts (``service.serialize``) and skip the marshmallow dump: the
    schemas still document the shape, and the contract tests check the two agree. The body is
    compact UTF-8 (no ``\\uXXXX`` escapes: Devanagari text is half the bytes) in insertion
    order, encoded once: unsorted, unescaped encoding took ~15 % of a worker under load.
    """
    from flask import current_app

    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=current_app.json.default)
    response = current_app.response_class((text + "\n").encode(), mimetype="application/json")
    response.status_code = status
    if headers:
        response.headers.update(headers)
    return response
