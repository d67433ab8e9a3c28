"""Date resolution: Hindi date expressions in any text, against a reference date."""

from __future__ import annotations

import datetime as dt

from flask_smorest import Blueprint

from .. import dates
from ..errors import documents_errors, json_response
from ..schemas import ResolveDatesInSchema, ResolveDatesOutSchema
from ..serialize import date_mention_dict

blp = Blueprint("dates", __name__, url_prefix="/v1/dates", description="Hindi date resolution")


@blp.route("/resolve", methods=["POST"])
@blp.arguments(ResolveDatesInSchema())
@blp.response(200, ResolveDatesOutSchema)
@documents_errors(blp, 400, 401, 413, 415)
def resolve(args):
    """Resolve every Hindi date expression in a text"""
    reference = args.get("reference_date") or dt.date.today()
    found = dates.resolve_dates(args["text"], reference)
    return json_response(
        {"reference_date": reference.isoformat(), "dates": [date_mention_dict(m) for m in found]}
    )
