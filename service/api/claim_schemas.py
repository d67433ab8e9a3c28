"""marshmallow schemas of the query API: claims, timeline, entities, stats, edits."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.api.schemas import RATINGS, ClaimSchema, PageQuerySchema

ENTITY_KINDS = ["person", "place", "organization"]
GROUPS = ["day", "week", "month"]


class ClaimFilterSchema(ma.Schema):
    speaker = fields.String(
        load_default=None,
        validate=validate.Length(min=1, max=200),
        metadata={"description": "entity id or name"},
    )
    place = fields.String(
        load_default=None,
        validate=validate.Length(min=1, max=200),
        metadata={
            "description": "entity id, gazetteer id (geonames:…, cldr:KP, local:…, venue:…) or name; "
            "also the claims made at places inside it unless include_within=false"
        },
    )
    include_within = fields.Boolean(
        load_default=True,
        metadata={"description": "with place: include claims at places inside it (a city's venues)"},
    )
    country = fields.String(load_default=None, validate=validate.Regexp(r"^[A-Za-z]{2}$"))
    verb_class = fields.String(load_default=None, validate=validate.Length(min=1, max=32))
    from_ = fields.Date(data_key="from", load_default=None, metadata={"description": "interval overlaps ≥"})
    to = fields.Date(load_default=None, metadata={"description": "interval overlaps ≤"})
    q = fields.String(load_default=None, validate=validate.Length(min=1, max=200))
    article = fields.Integer(load_default=None, validate=validate.Range(min=1, max=2**62))
    origin = fields.String(load_default=None, validate=validate.OneOf(["extracted", "manual"]))
    rating = fields.String(load_default=None, validate=validate.OneOf(RATINGS))
    min_confidence = fields.Float(
        load_default=None,
        validate=validate.Range(min=0, max=1),
        metadata={"description": "confidence ≥ (0..1)"},
    )


COLLAPSE = fields.String(
    load_default="none",
    validate=validate.OneOf(["none", "story"]),
    metadata={
        "description": "story: the claims of one story on this page are one entry (its first), "
        "with `story` (reports, outlets, first seen) of the whole story; a later page may show "
        "the story again"
    },
)


class ClaimQuerySchema(ClaimFilterSchema):
    order = fields.String(load_default="desc", validate=validate.OneOf(["asc", "desc"]))
    collapse = COLLAPSE
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = fields.String(load_default=None, validate=validate.Length(max=500))
    count = fields.Boolean(load_default=False, metadata={"description": "add `total` (costs a COUNT)"})
    # ndjson and csv stay accepted for the clients that used them, but the spec lists only json:
    # a generated client must not call an operation whose answer it would parse as JSON.
    format = fields.String(
        load_default=None,
        validate=validate.OneOf(["json", "ndjson", "csv"]),
        metadata={
            "description": "deprecated: for CSV and NDJSON use exportClaimsCsv / exportClaimsNdjson "
            "(GET /v1/claims.csv, /v1/claims.ndjson); the old format=csv|ndjson still answers them",
            "deprecated": True,
            "enum": ["json"],
        },
    )


class ExportQuerySchema(ClaimFilterSchema):
    order = fields.String(load_default="desc", validate=validate.OneOf(["asc", "desc"]))
    limit = fields.Integer(
        load_default=None,
        validate=validate.Range(min=1, max=10_000_000),
        metadata={"description": "at most this many claims (default: every match)"},
    )


class ClaimPageSchema(ma.Schema):
    items = fields.List(fields.Nested(ClaimSchema), required=True)
    next_cursor = fields.String(required=True, allow_none=True)
    total = fields.Integer(metadata={"description": "only with count=true"})


class ClaimGetQuerySchema(ma.Schema):
    format = fields.String(load_default=None, validate=validate.OneOf(["json", "jsonld"]))


class DateInSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    value = fields.String(
        required=True,
        validate=validate.Regexp(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$"),
        metadata={"description": "2025-07-12, 2025-W28, 2025-07 or 2025"},
    )


class ReviewInSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    rating = fields.String(required=True, validate=validate.OneOf(RATINGS))
    explanation = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=5000))
    url = fields.Url(load_default=None, allow_none=True, schemes={"http", "https"})
    reviewed_at = fields.DateTime(load_default=None, allow_none=True)


_ref = {"description": "entity id (integer) or a name"}


class ClaimPatchSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    speaker = fields.Raw(allow_none=True, metadata=_ref)
    speaker_role = fields.String(allow_none=True, validate=validate.Length(max=300))
    verb = fields.String(validate=validate.Length(min=1, max=100))
    verb_class = fields.String(validate=validate.Length(min=1, max=32))
    quote = fields.String(validate=validate.Length(min=1, max=20_000))
    quote_type = fields.String(validate=validate.OneOf(["direct", "indirect"]))
    date = fields.Nested(DateInSchema, allow_none=True)
    place = fields.Raw(allow_none=True, metadata=_ref)
    review = fields.Nested(ReviewInSchema, allow_none=True)


class ClaimInSchema(ClaimPatchSchema):
    speaker = fields.Raw(required=True, allow_none=False, metadata=_ref)
    verb = fields.String(load_default="कहा", validate=validate.Length(min=1, max=100))
    verb_class = fields.String(load_default="statement", validate=validate.Length(min=1, max=32))
    quote = fields.String(required=True, validate=validate.Length(min=1, max=20_000))
    quote_type = fields.String(load_default="direct", validate=validate.OneOf(["direct", "indirect"]))
    article_id = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1))


class HistorySchema(ma.Schema):
    changed_at = fields.String(required=True)
    changes = fields.Dict(required=True, metadata={"description": "{field: [old, new]}"})
    key_id = fields.String(required=True, allow_none=True)


class HistoryListSchema(ma.Schema):
    items = fields.List(fields.Nested(HistorySchema), required=True)


class TimelineQuerySchema(ClaimFilterSchema):
    group = fields.String(load_default="day", validate=validate.OneOf(GROUPS))
    collapse = COLLAPSE
    order = fields.String(load_default="asc", validate=validate.OneOf(["asc", "desc"]))
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))
    cursor = fields.String(load_default=None, validate=validate.Length(max=500))


class EventSchema(ma.Schema):
    date = fields.String(required=True, metadata={"description": "2025-07-12, 2025-W28, 2025-07 or 2025"})
    granularity = fields.String(required=True)
    claims = fields.List(fields.Nested(ClaimSchema), required=True)


class TimelineSchema(ma.Schema):
    events = fields.List(fields.Nested(EventSchema), required=True)
    next_cursor = fields.String(required=True, allow_none=True)


class StatsQuerySchema(ClaimFilterSchema):
    group = fields.String(load_default="month", validate=validate.OneOf(GROUPS))


class BucketSchema(ma.Schema):
    bucket = fields.String(required=True)
    count = fields.Integer(required=True)
    by_verb_class = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)


class StatsSchema(ma.Schema):
    group = fields.String(required=True)
    total = fields.Integer(required=True)
    buckets = fields.List(fields.Nested(BucketSchema), required=True)


class EntityQuerySchema(PageQuerySchema):
    kind = fields.String(load_default=None, validate=validate.OneOf(ENTITY_KINDS))
    q = fields.String(load_default=None, validate=validate.Length(min=1, max=200))


class EntitySchema(ma.Schema):
    id = fields.Integer(required=True)
    kind = fields.String(required=True)
    name = fields.String(required=True)
    country = fields.String(required=True, allow_none=True)
    lat = fields.Float(required=True, allow_none=True)
    lon = fields.Float(required=True, allow_none=True)
    gazetteer_id = fields.String(required=True, allow_none=True)


class EntityDetailSchema(EntitySchema):
    aliases = fields.List(fields.String(), required=True)
    claim_count = fields.Integer(required=True)
    first_claim_date = fields.String(required=True, allow_none=True)
    last_claim_date = fields.String(required=True, allow_none=True)


class EntityPageSchema(ma.Schema):
    items = fields.List(fields.Nested(EntitySchema), required=True)
    next_cursor = fields.String(required=True, allow_none=True)


class MergeInSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    into = fields.Integer(required=True, validate=validate.Range(min=1, max=2**62))


class GeoJsonSchema(ma.Schema):
    type = fields.String(required=True)
    features = fields.List(fields.Dict(), required=True)
