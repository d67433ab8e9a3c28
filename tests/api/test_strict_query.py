"""Issue 20: an unknown query parameter is a 400 naming it; every operation has an operationId;
writes declare bearer security."""

from __future__ import annotations

import re

import pytest

from tests.api.test_errors import assert_error
from tests.claim_helpers import make_claim

# (path, the misspelt parameter, the parameter it should point to, or None when nothing is close)
TYPOS = {
    "claims-article-id": ("/v1/claims", "article_id", "article"),
    "claims-speeker": ("/v1/claims", "speeker", "speaker"),
    "claims-limt": ("/v1/claims", "limt", "limit"),
    "claim-formt": ("/v1/claims/{claim}", "formt", "format"),
    "timeline-grup": ("/v1/timeline", "grup", "group"),
    "stats-nothing-close": ("/v1/stats/claims", "zzz", None),
    "entities-knd": ("/v1/entities", "knd", "kind"),
    "articles-page": ("/v1/articles", "page", None),
    "history-takes-none": ("/v1/claims/{claim}/history", "limit", None),
    "health-takes-none": ("/healthz", "verbose", None),
}


@pytest.mark.parametrize(("path", "name", "suggestion"), TYPOS.values(), ids=TYPOS.keys())
def test_unknown_query_parameter_is_400_naming_it(client, path, name, suggestion):
    claim = make_claim(client)
    resp = client.get(path.format(claim=claim["id"]) + f"?{name}=1")
    body = assert_error(resp, 400)
    assert name in body["message"]
    (message,) = body["errors"]["query"][name]
    if suggestion:
        assert f"Did you mean `{suggestion}`?" in message
    else:
        assert "Did you mean" not in message


def test_typo_no_longer_answers_every_claim(client):
    make_claim(client)
    assert client.get("/v1/claims?article_id=1").status_code == 400
    assert client.get("/v1/claims?article=1").status_code == 200


def test_every_unknown_parameter_is_named(client):
    body = assert_error(client.get("/v1/claims?speeker=x&limit=5&colour=red"), 400)
    assert set(body["errors"]["query"]) == {"speeker", "colour"}


def test_documented_parameters_still_pass_on_every_read(client, app):
    claim = make_claim(client)
    spec = app.extensions["tathya_api"].spec.to_dict()
    for path, operations in spec["paths"].items():
        if "get" not in operations or ("{" in path and "{claim_id}" not in path):
            continue
        names = [p["name"] for p in operations["get"].get("parameters", []) if p["in"] == "query"]
        if "limit" in names:
            url = path.replace("{claim_id}", str(claim["id"])) + "?limit=2"
            assert client.get(url).status_code == 200, url


def test_writes_keep_their_own_validation(client):
    # Only reads are checked here: a write's query string is not part of its contract.
    assert client.post("/v1/claims?note=x", json={"speaker": "अनीता राव", "quote": "बात"}).status_code == 201


def test_every_operation_has_a_unique_readable_operation_id(app):
    spec = app.extensions["tathya_api"].spec.to_dict()
    ids = [
        operation.get("operationId")
        for operations in spec["paths"].values()
        for method, operation in operations.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]
    assert all(ids) and len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]+(?:[A-Z][a-z]+)*", op) for op in ids), ids
    assert {"listClaims", "getClaim", "patchClaim", "createArticle", "listTimeline", "resolveDates"} <= set(
        ids
    )


def test_writes_declare_bearer_security_and_reads_do_not(app):
    """Reads are open, except of resources that belong to an API key (subscriptions)."""
    spec = app.extensions["tathya_api"].spec.to_dict()
    scheme = spec["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method in {"post", "put", "patch", "delete"}:
                assert operation["security"] == [{"bearerAuth": []}], (path, method)
                assert "401" in operation["responses"], (path, method)
            elif method == "get" and path.startswith("/v1/subscriptions"):
                assert operation["security"] == [{"bearerAuth": []}], path
                assert "401" in operation["responses"], path
            elif method == "get":
                assert "security" not in operation, path
                assert "400" in operation["responses"], path


@pytest.mark.parametrize("field", ["speaker", "date", "place", "review"])
def test_nullable_nested_objects_reference_their_model(app, field):
    claim = app.extensions["tathya_api"].spec.to_dict()["components"]["schemas"]["Claim"]
    prop = claim["properties"][field]
    assert prop["nullable"] is True and len(prop["allOf"]) == 1, prop
    assert prop["allOf"][0]["$ref"].startswith("#/components/schemas/")
    assert "anyOf" not in prop


def test_optional_query_parameters_are_not_nullable(app):
    spec = app.extensions["tathya_api"].spec.to_dict()
    for path, operations in spec["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if parameter["in"] == "query":
                    schema = parameter["schema"]
                    assert "nullable" not in schema and schema.get("default", "") is not None, (
                        path,
                        parameter,
                    )
                    assert None not in schema.get("enum", []), (path, parameter)
