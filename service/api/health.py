"""Liveness and readiness: the service answers and its database does too."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service.api.schemas import HealthSchema
from service.store.db import database
from service.store.migrations import current_version
from service.web.errors import documents_errors

blp = Blueprint("health", __name__, description="Service health")


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    @documents_errors(blp, 503)
    def get(self):
        """Check the service and its database"""
        try:
            database.execute_sql("SELECT 1")
            version = current_version()
        except Exception:  # any database failure means "not ready"
            abort(503, message="Database unavailable.")
        return {"status": "ok", "database": "ok", "schema_version": version}
