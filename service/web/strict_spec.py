"""Rules every operation follows, applied once: bearer security on writes, strict query strings,
and a rendering of optional values that client generators turn into typed models."""

from __future__ import annotations

import difflib

from apispec import BasePlugin
from flask import current_app, request
from flask_smorest import abort
from flask_smorest.spec.plugins import FlaskPlugin

WRITE_METHODS = frozenset({"post", "put", "patch", "delete"})
BEARER = "bearerAuth"
BEARER_SCHEME = {
    "type": "http",
    "scheme": "bearer",
    "description": "An API key from TATHYA_API_KEYS, sent as `Authorization: Bearer <key>` on every "
    "write. A deployment without keys leaves writes open.",
}


class OperationRulesPlugin(BasePlugin):
    """Documents the rules below on every operation, so that no view can forget one: bearer
    security and its 401 on writes, the 400 for an unknown query parameter on reads."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        for method, operation in (operations or {}).items():
            for parameter in operation.get("parameters", []):
                if isinstance(parameter, dict) and parameter.get("in") == "query":
                    _not_nullable(parameter.get("schema", {}))
            if method == "get":
                operation.setdefault("responses", {}).setdefault(400, "BAD_REQUEST")
            if method in WRITE_METHODS:
                operation.setdefault("security", [{BEARER: []}])
                operation.setdefault("responses", {}).setdefault(401, "UNAUTHORIZED")


def _not_nullable(schema: dict) -> None:
    """A query parameter is optional, never null (a query string cannot say null): generators
    otherwise wrap it in a union type and an enum in one model per variant."""
    if schema.pop("nullable", False):
        if schema.get("default", ...) is None:
            del schema["default"]
        if "enum" in schema:
            schema["enum"] = [value for value in schema["enum"] if value is not None]


def nullable_nested_as_all_of(self, field, ret, **kwargs) -> dict:
    """A nullable nested object as `allOf: [$ref]` + `nullable`, not apispec's
    `anyOf: [{nullable object}, $ref]` that generators turn into an untyped dict."""
    any_of = ret.get("anyOf")
    if any_of and len(any_of) == 2 and any_of[0] == {"type": "object", "nullable": True}:
        del ret["anyOf"]
        ret["allOf"] = [any_of[1]]
        ret["nullable"] = True
    return {}


def nullable_enum_as_component(self, field, ret, **kwargs) -> dict:
    """A nullable enum of an object as `allOf: [$ref to the enum]` + `nullable`: `null` inside
    `enum` made generators emit one wrapper model per variant (`PlaceRefKindType1`,
    `…Type2Type1`), and an enum without `null` lost the nullability. The enum is named by the
    field's ``x-enum-name`` metadata, else schema + field (`ClaimFilterOrigin`). Query parameters
    keep their inline enum (they are never null: see `_not_nullable`)."""
    name = ret.pop("x-enum-name", None)
    if getattr(self, "tathya_in_parameter", False) or not field.allow_none or "enum" not in ret:
        return {}
    if not name:
        owner = type(field.parent).__name__.removesuffix("Schema")
        name = owner + "".join(part.title() for part in (field.data_key or field.name).split("_"))
    values = [value for value in ret.pop("enum") if value is not None]
    if name not in self.spec.components.schemas:
        self.spec.components.schema(name, {"type": ret.get("type", "string"), "enum": values})
    ret.pop("type", None)
    ret.pop("default", None)  # a default of null beside a $ref: generators read it as the enum's
    ret["allOf"] = [{"$ref": f"#/components/schemas/{name}"}]
    ret["nullable"] = True
    return {}


def mark_parameters(converter) -> None:
    """Let the attribute functions tell a query parameter's field from an object's property."""
    original = converter._field2parameter

    def field2parameter(field, *, name, location):
        converter.tathya_in_parameter = True
        try:
            return original(field, name=name, location=location)
        finally:
            converter.tathya_in_parameter = False

    converter._field2parameter = field2parameter


def _documented_query_names(spec: dict) -> dict[tuple[str, str], frozenset[str]]:
    """(OpenAPI path, method) → the query parameter names the spec documents for it."""
    names = {}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if isinstance(operation, dict) and "responses" in operation:
                params = operation.get("parameters", [])
                names[path, method] = frozenset(p["name"] for p in params if p.get("in") == "query")
    return names


def reject_unknown_query() -> None:
    """400 for a query parameter the operation does not document: a typo (`article_id` for
    `article`) must not silently answer with every row."""
    if not request.args or request.url_rule is None or request.method not in ("GET", "HEAD"):
        return
    api = current_app.extensions["tathya_api"]
    allowed_by_operation = current_app.extensions.get("tathya_query_names")
    if allowed_by_operation is None:  # built once, from the finished spec
        allowed_by_operation = _documented_query_names(api.spec.to_dict())
        current_app.extensions["tathya_query_names"] = allowed_by_operation
    key = (FlaskPlugin.flaskpath2openapi(request.url_rule.rule), "get")
    allowed = allowed_by_operation.get(key)
    if allowed is None:
        return  # not an API operation (dashboard, docs)
    unknown = [name for name in request.args if name not in allowed]
    if unknown:
        errors = {name: [unknown_message(name, allowed)] for name in unknown}
        abort(400, message=f"Unknown query parameter: {', '.join(unknown)}.", errors={"query": errors})


def unknown_message(name: str, allowed: frozenset[str]) -> str:
    close = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.6)
    if not close:
        # `article_id` → `article`: a known name that the unknown one starts with.
        close = sorted((known for known in allowed if name.startswith(known)), key=len, reverse=True)[:1]
    hint = f" Did you mean `{close[0]}`?" if close else ""
    known = ", ".join(sorted(allowed)) or "none"
    return f"Unknown parameter.{hint} Known: {known}."
