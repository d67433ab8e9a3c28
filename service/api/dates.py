"""Date resolution: Hindi date expressions in any text, against a reference date."""

from __future__ import annotations

import datetime as dt

from flask_smorest import Blueprint

from service.api.schemas import ResolveDatesInSchema, ResolveDatesOutSchema
from service.dates import resolver as dates
from service.store.serialize import date_mention_dict
from service.web.errors import documents_errors, json_response

blp = Blueprint("dates", __name__, url_prefix="/v1/dates", description="Hindi date resolution")


@blp.route("/resolve", methods=["POST"])
@blp.arguments(ResolveDatesInSchema())
@blp.response(200, ResolveDatesOutSchema)
@documents_errors(blp, 400, 401, 413, 415)
def resolve(args):
    """Resolve every Hindi date expression in a text"""
    reference = args.get("reference_date") or dt.date.today()
    found = dates.resolve_dates(args["text"], reference, style=dates.STYLES[args["style"]])
    return json_response(
        {"reference_date": reference.isoformat(), "dates": [date_mention_dict(m) for m in found]}
    )
