"""The OpenAPI document as YAML and the offline assets of the interactive docs."""

from __future__ import annotations

from pathlib import Path

import swagger_ui_bundle
from flask import Blueprint, Response, current_app, send_from_directory

blp = Blueprint("docs", __name__)

SWAGGER_ASSETS = Path(swagger_ui_bundle.swagger_ui_path)


@blp.get("/openapi.yaml")
def openapi_yaml():
    return Response(current_app.extensions["tathya_api"].spec.to_yaml(), mimetype="application/yaml")


@blp.get("/docs/assets/<path:filename>")
def swagger_asset(filename: str):
    return send_from_directory(SWAGGER_ASSETS, filename, max_age=86400)
