"""API-key authentication for writes, request ids, and the order of the request checks."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import uuid

from flask import Flask, current_app, g, request
from flask_smorest import abort

from service.web import bodies
from service.web.auth_limit import FailedAuthLimiter

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# OpenAPI security of a read that needs a key too (resources that belong to one).
BEARER_READ = [{"bearerAuth": []}]
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def key_id(key: str, secret: str | None = None) -> str:
    """A stable, non-secret identifier of an API key for logs and history.

    An HMAC under the deployment's secret, not a bare hash: a public prefix of SHA-256(key)
    let a weak key be found offline in milliseconds.
    """
    secret = secret if secret is not None else current_app.config["TATHYA_SECRET_KEY"]
    return "key-" + hmac.new(secret.encode(), key.encode(), hashlib.sha256).hexdigest()[:12]


def _check_api_key() -> None:
    """Writes need a known key. A read may send one: it is then checked the same way, so that
    the rate limit counts a keyed client's reads under its key id (a wrong key on a read is a
    401, not a silent anonymous read: otherwise the limiter's headers would tell keys apart)."""
    keys: list[str] = current_app.config.get("TATHYA_API_KEYS") or []
    g.key_id = None
    if not keys:
        return
    if request.method not in WRITE_METHODS and "Authorization" not in request.headers:
        return
    _authenticate(keys)


def require_key() -> str:
    """The id of the request's API key, for resources that belong to a key (reads too): 401
    without a valid one, 403 when the deployment has no keys (nobody could own the resource)."""
    keys: list[str] = current_app.config.get("TATHYA_API_KEYS") or []
    if not keys:
        abort(403, message="This resource belongs to an API key: the deployment sets none (TATHYA_API_KEYS).")
    if g.get("key_id") is None:
        _authenticate(keys)
    return g.key_id


def _authenticate(keys: list[str]) -> None:
    # Before comparing keys: a client guessing keys is stopped even on the attempt that would match.
    failures: FailedAuthLimiter = current_app.extensions["tathya_auth_failures"]
    client = request.remote_addr or "unknown"
    if wait := failures.retry_after(client):
        abort(
            429, message="Too many failed authentications: retry later.", headers={"Retry-After": str(wait)}
        )
    header = request.headers.get("Authorization", "")
    scheme, _, presented = header.partition(" ")
    presented = presented.strip()
    matched = None
    if scheme.lower() == "bearer" and presented:
        for key in keys:  # compare with every key, each in constant time
            if hmac.compare_digest(presented.encode(), key.encode()):
                matched = key
    if matched is None:
        failures.failed(client)
        message = "Writes need 'Authorization: Bearer <api key>'."
        if request.method not in WRITE_METHODS:
            message = "Unknown API key: send a key from TATHYA_API_KEYS, or no Authorization header."
        abort(401, message=message, headers={"WWW-Authenticate": 'Bearer realm="tathya"'})
    g.key_id = key_id(matched)


# A JSON "\u0000" escape: preceded by an even number of backslashes (an odd run escapes itself).
_JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
_TEXT_TYPES = ("application/json", "text/plain")


def _reject_nul() -> None:
    """422 for U+0000 anywhere in the query or a text/JSON body: PostgreSQL text cannot hold it.

    Checked once here, before any view, so that no endpoint can pass it to the database (500).
    """
    for name, value in request.args.items(multi=True):
        if "\x00" in value or "\x00" in name:
            abort(422, message="NUL characters are not allowed.", errors={"query": {name: [_NUL]}})
    mimetype = request.mimetype
    if mimetype in _TEXT_TYPES or mimetype.endswith("+json"):
        body = request.get_data(cache=True)  # bounded by MAX_CONTENT_LENGTH (413 before reading)
        if b"\x00" in body or (b"\\u0000" in body and _JSON_NUL.search(body)):
            location = "body" if mimetype == "text/plain" else "json"
            abort(422, message="NUL characters are not allowed.", errors={location: [_NUL]})
        if mimetype != "text/plain" and _SURROGATE_ESCAPE.search(body) and _has_lone_surrogate(body):
            # "\ud800" alone decodes to a string that cannot be encoded (hashed, stored): 500.
            abort(422, message="Unpaired surrogate escapes are not Unicode text.", errors={"json": [_LONE]})


_NUL = "Must not contain NUL (U+0000) characters."
_LONE = "Must not contain an unpaired UTF-16 surrogate escape (\\ud800-\\udfff)."
# A JSON surrogate escape; a pair (an emoji sent as "\ud83d\ude00") is fine, a lone half is not.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _has_lone_surrogate(body: bytes) -> bool:
    try:
        data = json.loads(body)
    except ValueError:
        return False  # malformed JSON: the body parser answers 400
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _assign_request_id() -> None:
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex


def _echo_request_id(response):
    response.headers["X-Request-ID"] = g.get("request_id", "")
    return response


def init_app(app: Flask) -> None:
    """Request hooks in the order they must run: an id first (every error carries it), the size
    cap before anything reads the body, auth before any validation answer, the JSON shape before
    anything parses it."""
    bodies.init_app(app)
    app.extensions["tathya_auth_failures"] = FailedAuthLimiter(app.config["TATHYA_AUTH_FAILURES"])
    app.before_request(_assign_request_id)
    app.before_request(bodies.refuse_oversized)
    app.before_request(_check_api_key)
    app.before_request(bodies.require_json)
    app.before_request(bodies.check_json_shape)
    app.before_request(_reject_nul)
    app.after_request(_echo_request_id)
