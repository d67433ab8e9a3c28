"""The committed openapi.yaml is what the code generates, is valid, and the docs work offline."""

from __future__ import annotations

from pathlib import Path

import yaml
from openapi_spec_validator import validate

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"


def test_committed_spec_matches_generated(app):
    generated = app.extensions["tathya_api"].spec.to_dict()
    committed = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    assert committed == generated, "openapi.yaml is stale: run `make openapi` and commit it"


def test_spec_is_valid_openapi():
    validate(yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8")))


def test_spec_served_as_yaml(client):
    resp = client.get("/openapi.yaml")
    assert resp.status_code == 200
    assert yaml.safe_load(resp.get_data(as_text=True))["info"]["title"] == "Tathya"


def test_docs_render_from_local_assets(client):
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in html
    assert "http://" not in html and "https://" not in html
    asset = client.get("/docs/assets/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.data) > 100_000
    asset.close()


def test_every_error_response_uses_the_error_schema(app):
    spec = app.extensions["tathya_api"].spec.to_dict()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    ref = response.get("$ref", "")
                    target = spec["components"]["responses"][ref.rsplit("/", 1)[-1]] if ref else response
                    schema = target["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Error"}, (path, method, status)
