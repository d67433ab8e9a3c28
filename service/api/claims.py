"""Claims: filtered list with keyset paging and exports, one claim, manual claims, corrections."""

from __future__ import annotations

from dataclasses import replace

from flask import current_app, g, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service import edit as claim_edit
from service import linking
from service.api.claim_schemas import (
    ClaimGetQuerySchema,
    ClaimInSchema,
    ClaimPageSchema,
    ClaimPatchSchema,
    ClaimQuerySchema,
    HistoryListSchema,
)
from service.api.schemas import ClaimSchema
from service.api.story_schemas import RelatedSchema, StoryDecisionInSchema
from service.places.finder import lookup_place
from service.store import claim_query, stories
from service.store.articles import article_url
from service.store.claim_filter import FILTER_FIELDS, ClaimFilter, as_id
from service.store.claim_rows import json_body
from service.web import export
from service.web.cursors import decode_keyset, encode_cursor
from service.web.errors import documents_errors, json_response
from service.web.public_url import external_url, publisher
from service.web.streaming import streamed

blp = Blueprint("claims", __name__, url_prefix="/v1/claims", description="Who said what, when and where")

JSONLD_DOC = {
    "responses": {
        200: {
            "content": {
                "application/ld+json": {
                    "schema": {
                        "type": "object",
                        "description": "schema.org ClaimReview (claimReviewed, reviewRating, url, author: "
                        "TATHYA_PUBLISHER, datePublished, itemReviewed: Claim) for a reviewed claim; a "
                        "schema.org Claim (text, author, appearance, firstAppearance) otherwise. URLs are "
                        "under TATHYA_PUBLIC_URL, or a host of TATHYA_TRUSTED_HOSTS (else 400).",
                    }
                }
            }
        }
    },
}
IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": False,
    "schema": {"type": "string"},
    "description": "the ETag of a GET: 412 when the claim changed since (428 without it when required)",
}
NOT_MODIFIED = {"description": "Not Modified (If-None-Match matched the ETag)"}
_ACCEPT = {"application/x-ndjson": "ndjson", "application/ndjson": "ndjson", "text/csv": "csv"}


def filter_from(args: dict) -> ClaimFilter:
    """The claim filter of a request's arguments; a place name is resolved through the gazetteer
    here, so that the store never reads it."""
    flt = ClaimFilter(**{k: args.get(k) for k in FILTER_FIELDS})
    if flt.place and as_id(flt.place) is None:
        place = lookup_place(flt.place)
        if place is not None:
            flt = replace(flt, place_gazetteer_id=place.id)
    return flt


def _if_match():
    """The If-Match test for the claim's current version (None without the header); 428 when
    the deployment requires one (TATHYA_REQUIRE_IF_MATCH)."""
    if "If-Match" not in request.headers:
        if current_app.config.get("TATHYA_REQUIRE_IF_MATCH"):
            abort(428, message="Send If-Match with the ETag of the claim you corrected.")
        return None
    tags = request.if_match
    # A compressed GET names its coding in the ETag ("v:gzip", Flask-Compress): the same version.
    versions = {tag.split(":", 1)[0] for tag in tags.as_set() if tag}
    return lambda version: tags.star_tag or version in versions


def negotiated(explicit: str | None, choices: dict[str, str]) -> str:
    if explicit:
        return explicit
    best = request.accept_mimetypes.best_match(["application/json", *choices])
    return choices.get(best or "", "json")


@blp.route("")
class Claims(MethodView):
    @blp.arguments(ClaimQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, ClaimPageSchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 400, 422, 429)
    @blp.doc(operationId="listClaims")
    def get(self, order, limit, cursor, count, collapse, format=None, **args):
        """List claims: filters, date order, keyset cursor (CSV and NDJSON: exportClaimsCsv/Ndjson)"""
        kind = f"claims:{order}"
        after = decode_keyset(kind, cursor)
        flt = filter_from(args)
        fmt = negotiated(format, _ACCEPT)
        if fmt != "json":  # the exports' old spelling (exports.py): limit only when given
            cap = limit if "limit" in request.args else None
            lines = export.ndjson_lines if fmt == "ndjson" else export.csv_lines
            return streamed(lines(claim_query.iter_claims(flt, order=order, after=after, limit=cap)), fmt)
        page = claim_query.page(flt, order=order, limit=limit, after=after, total=count)
        claims = stories.collapse(page.claims) if collapse == "story" else page.claims
        next_cursor = encode_cursor(kind, page.next_key) if page.next_key else None
        payload = {"items": claims, "next_cursor": next_cursor}
        if count:
            payload["total"] = page.total
        return current_app.response_class(json_body(payload), mimetype="application/json")

    @blp.arguments(ClaimInSchema())
    @blp.response(201, ClaimSchema, description="Stored; Location names the new claim")
    @documents_errors(blp, 400, 401, 413, 415, 422)
    @blp.doc(operationId="createClaim")
    def post(self, data):
        """Add a manual claim (speaker and place by id or name)"""
        claim = claim_edit.create_claim(data, key_id=g.get("key_id"))
        headers = {"Location": url_for("claims.ClaimById", claim_id=claim.id)}
        return json_response(claim_query.claim_by_id(claim.id), 201, headers)


@blp.route("/<int:claim_id>")
class ClaimById(MethodView):
    @blp.arguments(ClaimGetQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, ClaimSchema)
    @blp.doc(**JSONLD_DOC)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 404, 422)
    @blp.doc(operationId="getClaim")
    def get(self, claim_id, format=None):
        """Get one claim (JSON; application/ld+json: a schema.org ClaimReview when reviewed, else a Claim)"""
        claim = claim_query.claim_by_id(claim_id)
        if negotiated(format, {"application/ld+json": "jsonld"}) != "jsonld":
            # A strong ETag, the claim's version: what PATCH's If-Match compares with.
            return json_response(claim, headers={"ETag": f'"{claim_edit.claim_version(claim)}"'})
        claim_url = external_url(url_for("claims.ClaimById", claim_id=claim_id))
        body = export.claim_jsonld(
            claim,
            article_url=article_url(claim["article_id"]),
            claim_url=claim_url,
            publisher=publisher(),
            appearances=stories.appearances(claim["story_id"]) if claim["story_id"] else None,
        )
        response = json_response(body)
        response.mimetype = "application/ld+json"
        return response

    @blp.arguments(ClaimPatchSchema())
    @blp.response(200, ClaimSchema)
    @blp.doc(parameters=[IF_MATCH])
    @documents_errors(blp, 400, 401, 404, 412, 413, 415, 422, 428)
    @blp.doc(operationId="patchClaim")
    def patch(self, data, claim_id):
        """Correct a claim (speaker, quote, date, place, verdict…); the change is kept in history"""
        claim_edit.update_claim(claim_id, data, key_id=g.get("key_id"), if_match=_if_match())
        claim = claim_query.claim_by_id(claim_id)
        return json_response(claim, headers={"ETag": f'"{claim_edit.claim_version(claim)}"'})


@blp.route("/<int:claim_id>/history")
class ClaimHistoryView(MethodView):
    @blp.response(200, HistoryListSchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 404)
    @blp.doc(operationId="listClaimHistory")
    def get(self, claim_id):
        """Every change to a claim: when, which fields (old → new), by which API key"""
        return json_response({"items": claim_query.claim_history(claim_id)})


@blp.route("/<int:claim_id>/related")
class ClaimRelated(MethodView):
    @blp.response(200, RelatedSchema)
    @blp.alt_response(304, **NOT_MODIFIED)
    @documents_errors(blp, 404)
    @blp.doc(operationId="listRelatedClaims")
    def get(self, claim_id):
        """The other reports of a claim's story, and the speaker's earlier similar statements"""
        return json_response(linking.related(claim_id))


@blp.route("/<int:claim_id>/story")
class ClaimStoryDecision(MethodView):
    @blp.arguments(StoryDecisionInSchema())
    @blp.response(200, ClaimSchema)
    @documents_errors(blp, 400, 401, 404, 413, 415, 422)
    @blp.doc(operationId="decideClaimStory")
    def post(self, data, claim_id):
        """A fact-checker's same / not same: overrides matching, kept in the claim's history"""
        linking.decide(claim_id, story_id=data["story_id"], same=data["same"], key_id=g.get("key_id"))
        return json_response(claim_query.claim_by_id(claim_id))
