"""Places with claim counts as a GeoJSON FeatureCollection, for maps."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.claim_schemas import ClaimFilterSchema, GeoJsonSchema
from service.api.claims import NOT_MODIFIED, filter_from
from service.store import timeline
from service.web.errors import documents_errors, json_response

blp = Blueprint("places_geo", __name__, url_prefix="/v1", description="Maps")


@blp.route("/places.geojson")
class PlacesGeo(MethodView):
    @blp.arguments(ClaimFilterSchema(), location="query", as_kwargs=True)
    @blp.response(200, GeoJsonSchema, content_type="application/geo+json")
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 422)
    @blp.doc(operationId="getPlacesGeoJson")
    def get(self, **args):
        """Places with claim counts (GeoJSON); same filters as /v1/claims"""
        features = timeline.place_features(filter_from(args))
        response = json_response({"type": "FeatureCollection", "features": features})
        response.mimetype = "application/geo+json"
        return response
