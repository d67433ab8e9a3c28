"""Claim exports: NDJSON and CSV line generators, and schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

CSV_COLUMNS = [
    "id",
    "article_id",
    "speaker_id",
    "speaker",
    "speaker_role",
    "verb",
    "verb_class",
    "quote",
    "quote_type",
    "start",
    "end",
    "date_value",
    "date_granularity",
    "date_from",
    "date_to",
    "date_source",
    "place_id",
    "place",
    "country",
    "lat",
    "lon",
    "origin",
    "confidence",
    "rating",
]
MEDIA_TYPES = {
    "ndjson": "application/x-ndjson",
    "text": "text/plain; charset=utf-8",  # NDJSON lines for a client that asked for text
    "csv": "text/csv; charset=utf-8",
}
# schema.org ratingValue on a 1..5 scale for our verdict names (alternateName keeps the name).
RATING_VALUES = {"false": 1, "misleading": 2, "half-true": 3, "mostly-true": 4, "true": 5}


def ndjson_lines(claims: Iterable[dict]) -> Iterator[str]:
    for claim in claims:
        yield json.dumps(claim, ensure_ascii=False, separators=(",", ":")) + "\n"


def csv_row(c: dict) -> list:
    speaker, place, date, review = c["speaker"] or {}, c["place"] or {}, c["date"] or {}, c["review"] or {}
    return [
        c["id"],
        c["article_id"],
        speaker.get("id"),
        speaker.get("name"),
        speaker.get("role"),
        c["verb"],
        c["verb_class"],
        c["quote"],
        c["quote_type"],
        c["start"],
        c["end"],
        date.get("value"),
        date.get("granularity"),
        date.get("date_from"),
        date.get("date_to"),
        date.get("source"),
        place.get("id"),
        place.get("name"),
        place.get("country"),
        place.get("lat"),
        place.get("lon"),
        c["origin"],
        c["confidence"],
        review.get("rating"),
    ]


# A spreadsheet runs a cell starting with one of these as a formula (=HYPERLINK(…), +cmd|…).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(value):
    """A text cell a spreadsheet will show, not run: a formula start gets a leading apostrophe
    (the OWASP advice); numbers, negative coordinates included, are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(claims: Iterable[dict]) -> Iterator[str]:
    """A header, then one CSV record per claim (RFC 4180 quoting, newlines inside quotes kept)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for claim in claims:
        writer.writerow([defused(value) for value in csv_row(claim)])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def claim_jsonld(
    c: dict, *, article_url: str | None, claim_url: str, publisher: dict, appearances: list[str] | None = None
) -> dict:
    """A claim as schema.org JSON-LD: a reviewed claim is a ClaimReview (Google's required
    claimReviewed, reviewRating, url; recommended author, datePublished, itemReviewed); an
    unreviewed one is only a Claim — without a verdict it is no review. ``appearances``: the
    article urls of every report of the claim's story, first report first."""
    item = _claim_item(c, article_url, appearances or [])
    review = c["review"]
    if not review:
        return {
            "@context": "https://schema.org",
            "@id": claim_url,
            "url": claim_url,
            **item,
            "inLanguage": "hi",
        }
    rating = {"@type": "Rating", "alternateName": review["rating"]}
    if review["rating"] in RATING_VALUES:  # "unverifiable" has no place on the scale
        rating |= {"ratingValue": RATING_VALUES[review["rating"]], "bestRating": 5, "worstRating": 1}
    out: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": claim_url,
        # Google: the page of the fact check; ours when the review names none.
        "url": review["url"] or claim_url,
        "claimReviewed": c["quote"],
        "author": {"@type": "Organization", **publisher},
        "reviewRating": rating,
        "itemReviewed": item,
        "inLanguage": "hi",
    }
    if review["explanation"]:
        out["reviewBody"] = review["explanation"]
    if review["reviewed_at"]:
        out["datePublished"] = review["reviewed_at"]
    return out


def _claim_item(c: dict, article_url: str | None, appearances: list[str]) -> dict:
    """The schema.org Claim: text, author, when (datePublished), where, and where it appeared."""
    date = c["date"] or {}
    item: dict = {"@type": "Claim", "text": c["quote"]}
    if c["speaker"]:
        item["author"] = {"@type": "Person", "name": c["speaker"]["name"]}
        if c["speaker"]["role"]:
            item["author"]["jobTitle"] = c["speaker"]["role"]
    if date.get("date_from"):
        item["datePublished"] = date["value"] if date.get("granularity") == "day" else date["date_from"]
    if c["place"]:
        place = {"@type": "Place", "name": c["place"]["name"]}
        if c["place"]["lat"] is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": c["place"]["lat"],
                "longitude": c["place"]["lon"],
            }
        if c["place"]["country"]:
            place["address"] = {"@type": "PostalAddress", "addressCountry": c["place"]["country"]}
        item["spatialCoverage"] = place
    urls = list(dict.fromkeys(appearances)) or ([article_url] if article_url else [])
    if urls:
        # Every report of the statement (its story's articles), or the one article it is from.
        works = [{"@type": "CreativeWork", "url": url} for url in urls]
        item["appearance"] = works if len(works) > 1 else works[0]
        item["firstAppearance"] = works[0]
    return item
