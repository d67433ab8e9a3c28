"""Readiness: the service answers and its database can be read and written (503 otherwise)."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service.api.schemas import HealthSchema
from service.store.db import check_writable, database
from service.store.migrations import current_version
from service.web.errors import documents_errors
from service.web.faults import RETRY_AFTER

blp = Blueprint("health", __name__, description="Service health")


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    @documents_errors(blp, 503)
    @blp.doc(operationId="getHealth")
    def get(self):
        """Readiness: the database answers and can take a write (503 with Retry-After otherwise)"""
        try:
            database.execute_sql("SELECT 1")
            version = current_version()
            check_writable()
        except Exception:  # any database failure means "not ready"
            abort(503, message="Database unavailable.", headers={"Retry-After": RETRY_AFTER})
        return {"status": "ok", "database": "ok", "schema_version": version}
