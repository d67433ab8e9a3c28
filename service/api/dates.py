"""Date resolution: Hindi date expressions in any text, against a reference date."""

from __future__ import annotations

import datetime as dt

from flask_smorest import Blueprint, abort

from service.api.schemas import ResolveDatesInSchema, ResolveDatesOutSchema
from service.dates import resolver as dates
from service.errors import beyond_calendar
from service.store.serialize import date_mention_dict
from service.web.errors import documents_errors, json_response

blp = Blueprint("dates", __name__, url_prefix="/v1/dates", description="Hindi date resolution")


@blp.route("/resolve", methods=["POST"])
@blp.arguments(ResolveDatesInSchema())
@blp.response(200, ResolveDatesOutSchema)
@documents_errors(blp, 400, 401, 413, 415, 422)
@blp.doc(operationId="resolveDates")
def resolve(args):
    """Resolve every Hindi date expression in a text"""
    reference = args.get("reference_date") or dt.date.today()
    try:
        found = dates.resolve_dates(args["text"], reference, style=dates.STYLES[args["style"]])
    except (OverflowError, ValueError) as exc:
        if not beyond_calendar(exc):
            raise
        message = "An expression resolves outside years 1..9999 from this reference_date."
        abort(422, message=message, errors={"json": {"reference_date": [message]}})
    return json_response(
        {"reference_date": reference.isoformat(), "dates": [date_mention_dict(m) for m in found]}
    )
