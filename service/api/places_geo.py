"""Places with claim counts as a GeoJSON FeatureCollection, for maps."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint
from peewee import fn

from service.api.claim_schemas import ClaimFilterSchema, GeoJsonSchema
from service.api.claims import NOT_MODIFIED, filter_from
from service.store import claim_query
from service.store.models import Claim, Entity
from service.web.errors import documents_errors, json_response

blp = Blueprint("places_geo", __name__, url_prefix="/v1", description="Maps")


def feature_collection(flt: claim_query.ClaimFilter) -> dict:
    conds = claim_query.conditions(flt)
    features = []
    if conds is not None:
        counts = Claim.select(Claim.place, fn.COUNT(Claim.id).alias("n")).where(
            Claim.place.is_null(False), *conds
        )
        counts = counts.group_by(Claim.place).alias("counts")
        query = (
            Entity.select(Entity, counts.c.n)
            .join(counts, on=(counts.c.place_id == Entity.id))
            .where(Entity.lat.is_null(False) & Entity.lon.is_null(False))
            .order_by(counts.c.n.desc(), Entity.id)
        )
        for e in query.objects():
            properties = {"id": e.id, "name": e.name, "country": e.country, "claim_count": e.n}
            geometry = {"type": "Point", "coordinates": [e.lon, e.lat]}
            features.append({"type": "Feature", "id": e.id, "geometry": geometry, "properties": properties})
    return {"type": "FeatureCollection", "features": features}


@blp.route("/places.geojson")
class PlacesGeo(MethodView):
    @blp.arguments(ClaimFilterSchema(), location="query", as_kwargs=True)
    @blp.response(200, GeoJsonSchema, content_type="application/geo+json")
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 422)
    def get(self, **args):
        """Places with claim counts (GeoJSON); same filters as /v1/claims"""
        response = json_response(feature_collection(filter_from(args)))
        response.mimetype = "application/geo+json"
        return response
