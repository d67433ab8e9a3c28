"""marshmallow schemas of stories: the list query, a story, related claims, a same/not-same decision."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.api.claim_schemas import ClaimFilterSchema
from service.api.schemas import ClaimSchema, ReviewSchema


class StoryQuerySchema(ClaimFilterSchema):
    order = fields.String(
        load_default="first_seen",
        validate=validate.OneOf(["first_seen", "size", "latest"]),
        metadata={"description": "newest first by first report, largest first, or latest report first"},
    )
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = fields.String(load_default=None, validate=validate.Length(max=500))


class StorySpeakerSchema(ma.Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)


class StorySummarySchema(ma.Schema):
    id = fields.Integer(required=True)
    speaker = fields.Nested(StorySpeakerSchema, required=True, allow_none=True)
    canonical_quote = fields.String(
        required=True, allow_none=True, metadata={"description": "the first report's wording"}
    )
    first_seen = fields.String(required=True, metadata={"description": "day of the first report (ISO)"})
    last_seen = fields.String(required=True, metadata={"description": "day of the latest report (ISO)"})
    size = fields.Integer(required=True, metadata={"description": "reports (claims) in the story"})
    first_claim_id = fields.Integer(required=True, allow_none=True)


class StoryPageSchema(ma.Schema):
    items = fields.List(fields.Nested(StorySummarySchema), required=True)
    next_cursor = fields.String(required=True, allow_none=True)


class ReportArticleSchema(ma.Schema):
    id = fields.Integer(required=True)
    url = fields.String(required=True, allow_none=True)
    title = fields.String(required=True, allow_none=True)
    source = fields.String(required=True, allow_none=True)
    host = fields.String(required=True, allow_none=True)
    anchor_date = fields.String(required=True)
    published_at = fields.String(required=True, allow_none=True)


class ReportSchema(ma.Schema):
    claim = fields.Nested(ClaimSchema, required=True)
    article = fields.Nested(ReportArticleSchema, required=True, allow_none=True)


class StoryReviewSchema(ReviewSchema):
    claim_id = fields.Integer(required=True, metadata={"description": "the claim that carries the verdict"})


class StorySchema(StorySummarySchema):
    first_report = fields.Nested(ReportSchema, required=True, allow_none=True)
    reports = fields.List(
        fields.Nested(ReportSchema), required=True, metadata={"description": "in date order"}
    )
    outlets = fields.List(
        fields.String(), required=True, metadata={"description": "distinct sources or hosts"}
    )
    places = fields.List(fields.String(), required=True)
    review = fields.Nested(StoryReviewSchema, required=True, allow_none=True)


class SimilarSchema(ma.Schema):
    claim = fields.Nested(ClaimSchema, required=True)
    score = fields.Float(required=True, metadata={"description": "similarity 0..1 (Dice of n-grams)"})


class RelatedSchema(ma.Schema):
    story_id = fields.Integer(required=True, allow_none=True)
    same_story = fields.List(fields.Nested(ClaimSchema), required=True)
    earlier_similar = fields.List(
        fields.Nested(SimilarSchema),
        required=True,
        metadata={"description": "the speaker's earlier similar statements"},
    )


class StoryDecisionInSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    story_id = fields.Integer(
        load_default=None,
        allow_none=True,
        validate=validate.Range(min=1, max=2**62),
        metadata={"description": "the story decided about (default: the claim's own)"},
    )
    same = fields.Boolean(
        required=True, metadata={"description": "true: it belongs there; false: it does not"}
    )
