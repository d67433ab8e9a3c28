"""Claim exports as operations of their own: CSV and NDJSON streams of every matching claim."""

from __future__ import annotations

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.claim_schemas import ExportQuerySchema
from service.api.claims import filter_from
from service.store import claim_query
from service.web import export
from service.web.errors import documents_errors
from service.web.streaming import streamed

blp = Blueprint("exports", __name__, url_prefix="/v1", description="Claims as CSV and NDJSON files")

CSV_DESCRIPTION = (
    "RFC 4180 CSV with a header row, one row per claim, newest first (order=asc for oldest). "
    "Columns: " + ", ".join(export.CSV_COLUMNS) + ". The integer columns article_id, speaker_id, "
    "start, end and place_id may be empty: read them as nullable integers (pandas `Int64`); "
    "date_value is ISO 8601 at its granularity (2025-07-12, 2025-W28, 2025-07, 2025), date_from "
    "and date_to are ISO dates. A text cell that a spreadsheet would run as a formula starts with `'`."
)
PANDAS = (
    'pandas.read_csv(url, dtype={"article_id": "Int64", "speaker_id": "Int64", "start": "Int64", '
    '"end": "Int64", "place_id": "Int64"}, parse_dates=["date_from", "date_to"])'
)


# NDJSON is text: a client that asks for text/plain (and not NDJSON) gets the same lines as
# text/plain, which generators without an NDJSON type (openapi-python-client) read as a string.
NDJSON_TYPES = ["application/x-ndjson", "text/plain"]


def _doc(media_types: list[str], description: str) -> dict:
    content = {media_type: {"schema": {"type": "string"}} for media_type in media_types}
    return {"responses": {200: {"description": description, "content": content}}}


@blp.route("/claims.csv")
class ClaimsCsv(MethodView):
    @blp.arguments(ExportQuerySchema(), location="query", as_kwargs=True)
    @blp.doc(**_doc(["text/csv"], f"{CSV_DESCRIPTION} Read with `{PANDAS}`."))
    @documents_errors(blp, 400, 422, 429)
    @blp.doc(operationId="exportClaimsCsv")
    def get(self, order, limit, **args):
        """Export claims as CSV: same filters as listClaims, every match or `limit`"""
        return streamed(
            export.csv_lines(claim_query.iter_claims(filter_from(args), order=order, limit=limit)), "csv"
        )


@blp.route("/claims.ndjson")
class ClaimsNdjson(MethodView):
    @blp.arguments(ExportQuerySchema(), location="query", as_kwargs=True)
    @blp.doc(
        **_doc(
            NDJSON_TYPES,
            "One Claim (the JSON object of getClaim) per line; `Accept: text/plain` gets the same "
            "lines as text/plain.",
        )
    )
    @documents_errors(blp, 400, 422, 429)
    @blp.doc(operationId="exportClaimsNdjson")
    def get(self, order, limit, **args):
        """Export claims as NDJSON: same filters as listClaims, every match or `limit`"""
        as_text = request.accept_mimetypes.best_match(NDJSON_TYPES) == "text/plain"
        return streamed(
            export.ndjson_lines(claim_query.iter_claims(filter_from(args), order=order, limit=limit)),
            "text" if as_text else "ndjson",
        )
