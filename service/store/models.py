"""peewee models: articles, their date mentions, entities and claims."""

from __future__ import annotations

import datetime as dt
import json

import peewee as pw

from service.errors import NotFound
from service.store.db import database

# Ids are 64-bit on both backends; a larger path or query value names nothing (and must not
# reach the driver, which would overflow).
MAX_ID = 2**62


def find(model, record_id: int):
    """The ``model`` row with this id, or None (an id out of range included)."""
    return model.get_or_none(model.id == record_id) if 0 < record_id < MAX_ID else None


def get(model, record_id: int):
    """The ``model`` row with this id; ``NotFound`` otherwise."""
    found = find(model, record_id)
    if found is None:
        raise NotFound(model.__name__.lower(), record_id)
    return found


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class JSONField(pw.TextField):
    """JSON stored as text: portable across SQLite and PostgreSQL."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    """The schema version applied to this database (see ``service.schema``)."""

    version = pw.IntegerField()
    applied_at = pw.DateTimeField(default=utcnow)


class Article(BaseModel):
    url = pw.TextField(null=True, unique=True)
    content_hash = pw.CharField(max_length=64, unique=True)
    title = pw.TextField(null=True)
    text = pw.TextField()
    # Offset where raw-dump boilerplate (keyword line, category, source URL) starts;
    # nothing is ever extracted from text[body_end:].
    body_end = pw.IntegerField()
    language = pw.CharField(max_length=16, default="hi")
    source = pw.TextField(null=True)
    published_at = pw.TextField(null=True)  # ISO 8601 as given (offset kept)
    anchor_date = pw.DateField(index=True)
    anchor_source = pw.CharField(max_length=16)
    ingested_at = pw.DateTimeField(default=utcnow)
    extractor_version = pw.CharField(max_length=32)
    extraction_error = pw.TextField(null=True)


class DateMention(BaseModel):
    article = pw.ForeignKeyField(Article, backref="date_mentions", on_delete="CASCADE")
    start = pw.IntegerField()
    end = pw.IntegerField()
    text = pw.TextField()
    value = pw.CharField(max_length=32)
    granularity = pw.CharField(max_length=16)
    date_from = pw.DateField(null=True)
    date_to = pw.DateField(null=True)
    warnings = JSONField(default=list)


class Entity(BaseModel):
    kind = pw.CharField(max_length=16)  # person | place | organization
    name = pw.TextField()
    key = pw.TextField()  # folded name: one entity per (kind, key)
    country = pw.CharField(max_length=2, null=True)
    lat = pw.FloatField(null=True)
    lon = pw.FloatField(null=True)
    gazetteer_id = pw.TextField(null=True)
    created_at = pw.DateTimeField(default=utcnow)
    # Places only: venue | locality | city | district | state | country | region; the enclosing
    # places nearest first as [{id, name, kind}] (a read cache of PlaceWithin, None until known),
    # and the enclosing place whose coordinates a venue or locality borrows.
    place_kind = pw.CharField(max_length=16, null=True)
    within = JSONField(null=True)
    coordinates_from = pw.ForeignKeyField("self", null=True, backref="lending", on_delete="SET NULL")

    class Meta:
        indexes = ((("kind", "key"), True),)


class PlaceWithin(BaseModel):
    """One enclosing place of a place (every level, not just the parent): the roll-up table."""

    place = pw.ForeignKeyField(Entity, backref="enclosures", on_delete="CASCADE")
    enclosing = pw.ForeignKeyField(Entity, backref="enclosed", on_delete="CASCADE")
    depth = pw.IntegerField()  # 1 = the nearest enclosing place

    class Meta:
        # (enclosing, place) answers "every place inside X" from the index alone.
        indexes = ((("place", "enclosing"), True), (("enclosing", "place"), False))


class EntityAlias(BaseModel):
    entity = pw.ForeignKeyField(Entity, backref="aliases", on_delete="CASCADE")
    alias = pw.TextField()
    key = pw.TextField(index=True)  # folded alias, what lookups compare

    class Meta:
        # Distinct written forms are kept even when they fold alike (नई दिल्ली / नई दिल्‍ली):
        # clients highlight and match the spelling an article actually used.
        indexes = ((("entity", "alias"), True),)


class Story(BaseModel):
    """Claims that report one statement of one speaker (service.stories decides which)."""

    speaker = pw.ForeignKeyField(Entity, null=True, backref="stories", on_delete="SET NULL")
    # The earliest report: its claim, and the day it was reported (the article's anchor date).
    first_claim = pw.IntegerField(null=True)
    first_seen = pw.DateField()
    last_seen = pw.DateField()  # the latest report: "latest activity"
    size = pw.IntegerField(default=1)
    created_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = (
            (("first_seen", "id"), False),
            (("last_seen", "id"), False),
            (("size", "id"), False),
            (("speaker", "first_seen"), False),
        )


class Claim(BaseModel):
    article = pw.ForeignKeyField(Article, backref="claims", null=True, on_delete="CASCADE")
    speaker = pw.ForeignKeyField(Entity, null=True, backref="claims", on_delete="SET NULL")
    speaker_role = pw.TextField(null=True)
    # How the speaker was found (name | pronoun | continuation | document | manual) and the
    # source offset of the mention it was resolved from.
    speaker_resolved_from = pw.CharField(max_length=16, null=True)
    speaker_mention_start = pw.IntegerField(null=True)
    verb = pw.TextField()
    verb_class = pw.CharField(max_length=32)
    quote = pw.TextField()
    quote_type = pw.CharField(max_length=16)
    start = pw.IntegerField(null=True)
    end = pw.IntegerField(null=True)
    date_value = pw.CharField(max_length=32, null=True)
    date_granularity = pw.CharField(max_length=16, null=True)
    date_from = pw.DateField(null=True)
    date_to = pw.DateField(null=True)
    date_source = pw.CharField(max_length=16, null=True)
    # The claim's position on the timeline: date_from, or the article anchor for open intervals.
    sort_date = pw.DateField(null=True)
    place = pw.ForeignKeyField(Entity, null=True, backref="claims_here", on_delete="SET NULL")
    place_text = pw.TextField(null=True)  # the place as this article writes it (वॉनसान, कोर्ट …)
    origin = pw.CharField(max_length=16, default="extracted")
    confidence = pw.FloatField(default=1.0)
    review_rating = pw.CharField(max_length=16, null=True)
    review_explanation = pw.TextField(null=True)
    review_url = pw.TextField(null=True)
    reviewed_at = pw.DateTimeField(null=True)
    manual_fields = JSONField(default=list)
    search_text = pw.TextField(default="")
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow)
    # The story this claim reports, and its content tokens as service.stories matches them.
    # Its (story_id, sort_date, id) index is made by migrations.story_index, not declared here:
    # migration v4 creates the declared indexes before v5 adds the column.
    story = pw.ForeignKeyField(Story, null=True, backref="claims", on_delete="SET NULL", index=False)
    match_key = pw.TextField(null=True)
    # 1 when the claim is one of the story's samples near its date (what matching compares,
    # service.store.story_links); NULL otherwise. Its partial indexes come from migrations too.
    story_rep = pw.SmallIntegerField(null=True)

    class Meta:
        indexes = (
            (("speaker", "sort_date", "id"), False),
            # Stats per speaker: a covering index streams GROUP BY (sort_date, verb_class);
            # on 1M claims, 66k rows of one speaker went from a temp B-tree (~500 ms) to ~60 ms.
            (("speaker", "sort_date", "verb_class"), False),
            (("place", "sort_date", "id"), False),
            (("sort_date", "id"), False),
        )


# Claims spanning days (weeks, months, years): the few rows before ``from`` that still overlap
# it. Read on their own, the ``from`` bound of a page is a plain range on (…, sort_date, id),
# instead of reading up to a year of a speaker's claims before ``from`` and dropping most.
_SPANS = Claim.date_to > Claim.sort_date
for _name, _fields in (
    ("claim_speaker_spans", (Claim.speaker, Claim.sort_date, Claim.date_to)),
    ("claim_place_spans", (Claim.place, Claim.sort_date, Claim.date_to)),
    ("claim_spans", (Claim.sort_date, Claim.date_to)),
):
    Claim.add_index(Claim.index(*_fields, name=_name, where=_SPANS))


class ClaimMention(BaseModel):
    """An entity (usually a place) mentioned inside a claim's content."""

    claim = pw.ForeignKeyField(Claim, backref="mentions", on_delete="CASCADE")
    entity = pw.ForeignKeyField(Entity, backref="mentioned_in", on_delete="CASCADE")
    start = pw.IntegerField(null=True)
    end = pw.IntegerField(null=True)


class StoryDecision(BaseModel):
    """A fact-checker's "same / not same": the claim belongs (or not) to the story; kept as history."""

    claim = pw.ForeignKeyField(Claim, backref="story_decisions", on_delete="CASCADE")
    story = pw.IntegerField()  # the story named (not a key: a story may later be emptied)
    same = pw.BooleanField()
    decided_at = pw.DateTimeField(default=utcnow)
    key_id = pw.CharField(max_length=32, null=True)


class ClaimHistory(BaseModel):
    claim = pw.ForeignKeyField(Claim, backref="history", on_delete="CASCADE")
    changed_at = pw.DateTimeField(default=utcnow)
    changes = JSONField()  # {field: [old, new]}
    key_id = pw.CharField(max_length=32, null=True)


ALL_MODELS = [
    SchemaVersion, Article, DateMention, Entity, EntityAlias, PlaceWithin, Story, Claim, ClaimMention,
    ClaimHistory, StoryDecision,
]  # fmt: skip
