"""Claim counts per day, week or month (and per verb class) for dashboard charts."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.claim_schemas import StatsQuerySchema, StatsSchema
from service.api.claims import NOT_MODIFIED, filter_from
from service.store import timeline
from service.web.errors import documents_errors, json_response

blp = Blueprint("stats", __name__, url_prefix="/v1/stats", description="Counts for charts")


@blp.route("/claims")
class ClaimStats(MethodView):
    @blp.arguments(StatsQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, StatsSchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 422)
    @blp.doc(operationId="getClaimStats")
    def get(self, group, **args):
        """Claim counts per bucket and per verb class; same filters as /v1/claims"""
        total, buckets = timeline.claim_counts(filter_from(args), group=group)
        return json_response({"group": group, "total": total, "buckets": buckets})
