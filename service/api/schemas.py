"""marshmallow schemas: request validation, response shapes and the OpenAPI document."""

from __future__ import annotations

import datetime as dt
import re

import marshmallow as ma
from marshmallow import fields, validate

# Timestamps more than this far in the future are typos, not news.
FUTURE_SLACK = dt.timedelta(days=2)


class FlexibleDateTime(fields.DateTime):
    """ISO 8601 date-time or plain date (``2025-07-12`` means that day at 00:00)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and len(value.strip()) == 10:
            try:
                return dt.datetime.combine(dt.date.fromisoformat(value.strip()), dt.time())
            except ValueError as exc:
                raise self.make_error("invalid", input=value, obj_type=self.OBJ_TYPE) from exc
        return super()._deserialize(value, attr, data, **kwargs)


def not_far_future(value: dt.datetime) -> None:
    now = dt.datetime.now(value.tzinfo or None) if value.tzinfo else dt.datetime.now()
    if value - now > FUTURE_SLACK:
        raise ma.ValidationError("Must not be in the future.")


def not_blank(value: str) -> None:
    if not value.strip():
        raise ma.ValidationError("Must not be blank.")


def has_letters(value: str) -> None:
    """Text with no letter at all (only punctuation, digits, symbols or invisible marks) is no article."""
    if value.strip() and not any(ch.isalpha() for ch in value):
        raise ma.ValidationError("Must contain letters (only punctuation, digits or symbols).")


# C0 controls except tab, newline and carriage return, DEL and C1 controls: scraped text carries
# them invisibly; PostgreSQL cannot store NUL at all. Zero-width joiners and bidi marks are kept
# (ZWJ/ZWNJ change how Devanagari conjuncts render).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_control_chars(value):
    return _CONTROL_CHARS.sub("", value) if isinstance(value, str) else value


# Every granularity the date grammar gives a value (tests/api/test_response_enums.py checks it on
# the grammar's case tables).
GRANULARITIES = (
    "day week weekend month quarter half year fiscal_year season decade century range vague set".split()
)
ORIGINS = ["extracted", "manual"]


class AnchorSchema(ma.Schema):
    value = fields.Date(required=True)
    source = fields.String(
        required=True, validate=validate.OneOf(["published_at", "dateline", "text", "ingested"])
    )


class DateMentionSchema(ma.Schema):
    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    value = fields.String(
        required=True,
        metadata={"description": "TIMEX3 value: 2025-07-11, 2025-W28, 2025-07, 2025, PAST_REF…"},
    )
    granularity = fields.String(
        required=True,
        validate=validate.OneOf(GRANULARITIES),
        metadata={"description": "see the README's date table"},
    )
    date_from = fields.Date(required=True, allow_none=True)
    date_to = fields.Date(required=True, allow_none=True)
    warnings = fields.List(fields.String(), required=True)


class SpeakerSchema(ma.Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    role = fields.String(required=True, allow_none=True)
    resolved_from = fields.String(
        required=True,
        allow_none=True,
        validate=validate.OneOf(["name", "pronoun", "continuation", "document", "manual"]),
        metadata={
            "description": "how the speaker was found: named, a pronoun, a continued speech, a document",
            "x-enum-name": "SpeakerResolvedFrom",
        },
    )
    mention_start = fields.Integer(
        required=True,
        allow_none=True,
        metadata={"description": "article offset of the mention the speaker was resolved from"},
    )


class ClaimDateSchema(ma.Schema):
    value = fields.String(required=True)
    granularity = fields.String(required=True, validate=validate.OneOf(GRANULARITIES))
    date_from = fields.Date(required=True, allow_none=True)
    date_to = fields.Date(required=True, allow_none=True)
    source = fields.String(
        required=True, validate=validate.OneOf(["explicit", "inherited", "anchor", "manual"])
    )


RATINGS = ["true", "mostly-true", "half-true", "misleading", "false", "unverifiable"]


class ReviewSchema(ma.Schema):
    rating = fields.String(required=True, validate=validate.OneOf(RATINGS))
    explanation = fields.String(required=True, allow_none=True)
    url = fields.String(required=True, allow_none=True)
    reviewed_at = fields.String(required=True, allow_none=True)
    inherited_from = fields.Integer(
        required=True,
        allow_none=True,
        metadata={
            "description": "The claim of the same story whose verdict this is (a claim without a "
            "verdict of its own shows its story's latest); null on a claim's own verdict."
        },
    )


PLACE_KINDS = ["venue", "locality", "city", "district", "state", "country", "region"]


class EnclosingPlaceSchema(ma.Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    kind = fields.String(
        required=True,
        allow_none=True,
        validate=validate.OneOf(PLACE_KINDS),
        metadata={"x-enum-name": "PlaceKind"},
    )


class PlaceRefSchema(ma.Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True, metadata={"description": "the place as the article writes it"})
    aliases = fields.List(fields.String(), metadata={"description": "other spellings seen in articles"})
    country = fields.String(required=True, allow_none=True)
    lat = fields.Float(required=True, allow_none=True)
    lon = fields.Float(required=True, allow_none=True)
    kind = fields.String(
        required=True,
        allow_none=True,
        validate=validate.OneOf(PLACE_KINDS),
        metadata={"x-enum-name": "PlaceKind"},
    )
    within = fields.List(
        fields.Nested(EnclosingPlaceSchema),
        required=True,
        metadata={"description": "enclosing places, nearest first"},
    )
    coordinates_from = fields.Integer(
        required=True,
        allow_none=True,
        metadata={"description": "id of the enclosing place whose coordinates a venue or locality has"},
    )


class StoryBriefSchema(ma.Schema):
    id = fields.Integer(required=True)
    size = fields.Integer(required=True, metadata={"description": "reports (claims) in the story"})
    outlets = fields.Integer(required=True, metadata={"description": "distinct outlets that reported it"})
    first_seen = fields.String(required=True, metadata={"description": "the first report's date"})


class ClaimSchema(ma.Schema):
    id = fields.Integer(required=True)
    speaker = fields.Nested(SpeakerSchema, required=True, allow_none=True)
    verb = fields.String(required=True)
    verb_class = fields.String(
        required=True,
        metadata={
            "description": "the reporting verb's class: statement, warning, threat, accusation, claim, "
            "denial, announcement, demand, appeal, confirmation, instruction, written, praise, criticism, "
            "promise — or another lowercase identifier, from a deployment's own lexicon or a correction "
            "(so not a closed enum)"
        },
    )
    quote = fields.String(required=True)
    quote_type = fields.String(required=True, validate=validate.OneOf(["direct", "indirect"]))
    start = fields.Integer(required=True, allow_none=True)
    end = fields.Integer(required=True, allow_none=True)
    date = fields.Nested(ClaimDateSchema, required=True, allow_none=True)
    place = fields.Nested(PlaceRefSchema, required=True, allow_none=True)
    article_id = fields.Integer(required=True, allow_none=True)
    story_id = fields.Integer(
        required=True, allow_none=True, metadata={"description": "the story (same statement, other reports)"}
    )
    origin = fields.String(required=True, validate=validate.OneOf(ORIGINS))
    confidence = fields.Float(required=True)
    review = fields.Nested(ReviewSchema, required=True, allow_none=True)
    story = fields.Nested(
        StoryBriefSchema, metadata={"description": "only with collapse=story, on a claim in a story"}
    )
    manual_fields = fields.List(
        fields.String(), required=True, metadata={"description": "fields a person corrected"}
    )


class ArticleInSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    text = fields.String(required=True, validate=[not_blank, has_letters])
    url = fields.Url(load_default=None, allow_none=True, schemes={"http", "https"}, require_tld=False)
    title = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=1000))
    published_at = FlexibleDateTime(load_default=None, allow_none=True, validate=not_far_future)
    source = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=1000))
    language = fields.String(load_default="hi", validate=validate.OneOf(["hi"]))

    @ma.pre_load
    def _strip_control_chars(self, data, **kwargs):
        if isinstance(data, dict):
            return {key: strip_control_chars(value) for key, value in data.items()}
        return data


class ArticleSummarySchema(ma.Schema):
    id = fields.Integer(required=True)
    url = fields.String(required=True, allow_none=True)
    title = fields.String(required=True, allow_none=True)
    published_at = fields.String(required=True, allow_none=True)
    source = fields.String(required=True, allow_none=True)
    language = fields.String(required=True)
    anchor = fields.Nested(AnchorSchema, required=True)
    ingested_at = fields.String(required=True)
    extractor_version = fields.String(required=True)
    extraction_error = fields.String(required=True, allow_none=True)


class ArticleSchema(ArticleSummarySchema):
    text = fields.String(required=True)
    body_end = fields.Integer(
        required=True, metadata={"description": "text[body_end:] is raw-dump boilerplate, never extracted"}
    )
    dates = fields.List(fields.Nested(DateMentionSchema), required=True)
    claims = fields.List(fields.Nested(ClaimSchema), required=True)


class PageQuerySchema(ma.Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    cursor = fields.String(load_default=None, metadata={"description": "next_cursor of the previous page"})


class ArticleQuerySchema(PageQuerySchema):
    from_ = fields.Date(
        data_key="from", load_default=None, metadata={"description": "anchor date ≥ (ISO date)"}
    )
    to = fields.Date(load_default=None, metadata={"description": "anchor date ≤ (ISO date)"})
    q = fields.String(load_default=None, validate=validate.Length(min=1, max=200))


class ArticlePageSchema(ma.Schema):
    items = fields.List(fields.Nested(ArticleSummarySchema), required=True)
    next_cursor = fields.String(required=True, allow_none=True)


class ResolveDatesInSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    text = fields.String(required=True, validate=[not_blank, validate.Length(max=100_000)])
    reference_date = fields.Date(load_default=None, metadata={"description": "defaults to today"})
    style = fields.String(
        load_default="general",
        validate=validate.OneOf(["general", "news"]),
        metadata={
            "description": "general (default): TIMEX3 conventions for everyday sentences — clauses without a "
            "tense cue are future, ranges are one 'A/B' value, recurrences are SET; news: the article "
            "annotation conventions used for ingested articles"
        },
    )


class ResolveDatesOutSchema(ma.Schema):
    reference_date = fields.Date(required=True)
    dates = fields.List(fields.Nested(DateMentionSchema), required=True)


class HealthSchema(ma.Schema):
    status = fields.String(required=True)
    database = fields.String(required=True)
    schema_version = fields.Integer(required=True)
