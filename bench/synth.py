"""Synthetic claims for benchmarks: speakers with aliases, gazetteer places, ten years of dates.

    DATABASE_URL=sqlite:///bench/out/synth.db .venv/bin/python bench/synth.py --claims N --seed S [--skew zipf]

``--skew zipf`` (default) is real news: speakers' and places' claim counts Zipf-distributed (the
busiest speaker and the busiest place each have ~5 % of all claims) and dates denser in recent
years (each year ~25 % more than the one before); ``--skew uniform`` spreads all three evenly.

Adds N claims (and their articles and entities) to the database DATABASE_URL names (created
and migrated when new); prints the timings of each phase.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.places import gazetteer  # noqa: E402
from service.store import day_counts, search, sql  # noqa: E402
from service.store.db import database, is_sqlite, open_database  # noqa: E402
from service.store.migrations import migrate_database  # noqa: E402
from service.store.models import Article, Claim, Entity, EntityAlias  # noqa: E402
from service.text.hindi import fold  # noqa: E402

FIRST = (
    "राहुल सुनीता अमित प्रिया विजय अनीता संजय कविता मनोज रेखा अजय पूजा सुरेश नेहा रमेश सीमा अशोक ममता दिनेश उषा".split()
)
LAST = "शर्मा वर्मा यादव सिंह गुप्ता मिश्रा पांडे चौहान तिवारी जोशी पटेल राव मेहता कुमार दुबे".split()
ROLES = ["मुख्यमंत्री", "विदेश मंत्री", "जिला कलेक्टर", "महापौर", "थाना प्रभारी", "सांसद", "विधायक", "प्रवक्ता"]
VERBS = [
    ("कहा", "statement"),
    ("चेतावनी दी", "warning"),
    ("आरोप लगाया", "accusation"),
    ("घोषणा की", "announcement"),
    ("इनकार किया", "denial"),
    ("अपील की", "appeal"),
    ("मांग की", "demand"),
    ("धमकी दी", "threat"),
]
SUBJECTS = ["सरकार", "नगर निगम", "पुलिस", "विपक्ष", "किसान", "स्कूल", "अस्पताल", "बिजली कंपनी", "गठबंधन", "सेना"]
OBJECTS = ["सड़कों", "पानी", "बजट", "चुनाव", "सुरक्षा", "महंगाई", "बारिश", "व्यापार", "शिक्षा", "स्वास्थ्य"]
PREDICATES = ["पर जल्द फैसला लेगी", "के लिए काम करेगी", "की जांच करेगी", "को लेकर गंभीर है", "में सुधार करेगी"]
START = dt.date(2016, 1, 1)
DAYS = 3652
TOP_SHARE = 0.05  # the busiest speaker's (and place's) share of all claims under --skew zipf
YEARLY_GROWTH = 1.25  # claims per year grow this much a year under --skew zipf
CLAIM_COLUMNS = (
    "article_id speaker_id speaker_role verb verb_class quote quote_type start end date_value "
    "date_granularity date_from date_to date_source sort_date place_id origin confidence "
    "manual_fields search_text created_at updated_at"
).split()


def _speakers(rng: random.Random, n: int) -> list[tuple[str, list[str]]]:
    names = sorted({f"{f} {m} {s}" for f in FIRST for m in ("", "कुमार ", "देवी ") for s in LAST})
    rng.shuffle(names)
    return [(" ".join(name.split()), [name.split()[-1], f"{rng.choice(ROLES)} {name}"]) for name in names[:n]]


def _insert_entities(rng: random.Random, n_speakers: int, n_places: int) -> tuple[list[int], list[int]]:
    speakers, taken = [], {(e.kind, e.key) for e in Entity.select(Entity.kind, Entity.key)}
    for name, aliases in _speakers(rng, n_speakers):
        if ("person", fold(name)) in taken:
            continue
        entity = Entity.create(kind="person", name=name, key=fold(name))
        rows = [(entity.id, a, fold(a)) for a in [name, *aliases]]
        sql.insert_ignore(EntityAlias._meta.table_name, ("entity_id", "alias", "key"), rows)
        speakers.append(entity.id)
    cities = sorted(
        (p for p in gazetteer.get().by_id.values() if p.kind == "city" and p.name),
        key=lambda p: (-p.population, p.id),
    )[:n_places]
    places = []
    for p in cities:
        if ("place", fold(p.name)) in taken:
            continue
        taken.add(("place", fold(p.name)))
        entity = Entity.create(
            kind="place",
            name=p.name,
            key=fold(p.name),
            country=p.country,
            lat=p.lat,
            lon=p.lon,
            gazetteer_id=p.id,
        )
        sql.insert_ignore(
            EntityAlias._meta.table_name, ("entity_id", "alias", "key"), [(entity.id, p.name, fold(p.name))]
        )
        places.append(entity.id)
    # A second run on the same database quotes the people and places the first one made.
    speakers = speakers or [e.id for e in Entity.select(Entity.id).where(Entity.kind == "person")]
    places = places or [e.id for e in Entity.select(Entity.id).where(Entity.kind == "place")]
    return speakers, places


def zipf_weights(n: int, top_share: float = TOP_SHARE) -> list[float]:
    """Weights 1/rank**s for ``n`` ranks, s chosen (bisection) so that rank 1 has ``top_share``."""
    if n * top_share <= 1:
        return [1.0] * n
    low, high = 0.0, 4.0
    for _ in range(60):
        s = (low + high) / 2
        share = 1 / sum(1 / (rank + 1) ** s for rank in range(n))
        low, high = (s, high) if share < top_share else (low, s)
    return [1 / (rank + 1) ** s for rank in range(n)]


def anchor(article: int, skew: str) -> dt.date:
    """The anchor date of the ``article``-th synthetic article: spread over ten years, evenly or
    (zipf) growing ``YEARLY_GROWTH`` a year: the inverse of an exponential density's CDF."""
    u = ((article * 7919) % DAYS + 0.5) / DAYS
    if skew == "zipf":
        k = math.log(YEARLY_GROWTH) * DAYS / 365.25
        u = math.log1p(u * math.expm1(k)) / k
    return START + dt.timedelta(days=min(int(u * DAYS), DAYS - 1))


def _date(rng: random.Random, anchor: dt.date) -> tuple:
    """(value, granularity, from, to, source) — mostly days, some weeks, months and years."""
    r = rng.random()
    if r < 0.85:
        return anchor.isoformat(), "day", anchor, anchor, "explicit"
    if r < 0.9:
        iso = anchor.isocalendar()
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return f"{iso.year}-W{iso.week:02d}", "week", monday, monday + dt.timedelta(days=6), "explicit"
    if r < 0.97:
        first = anchor.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first.strftime("%Y-%m"), "month", first, last, "explicit"
    return str(anchor.year), "year", dt.date(anchor.year, 1, 1), dt.date(anchor.year, 12, 31), "anchor"


def _claim_rows(
    rng, *, n: int, first_article: int, speakers: list[int], places: list[int], names: dict, skew: str
):
    now = sql.iso(dt.datetime(2026, 1, 1))
    quotes = [(s, o, p) for s in SUBJECTS for o in OBJECTS for p in PREDICATES]
    folded = {q: fold(" ".join(q)) for q in quotes}
    # Zipf: a few people (a prime minister, a chief minister) and places are quoted far more
    # often than most; uniform: every speaker and place alike.
    flat = skew != "zipf"
    who = rng.choices(speakers, weights=[1.0] * len(speakers) if flat else zipf_weights(len(speakers)), k=n)
    where = rng.choices(places, weights=[1.0] * len(places) if flat else zipf_weights(len(places)), k=n)
    for i in range(n):
        article = first_article + i // 10
        value, granularity, d_from, d_to, source = _date(rng, anchor(article, skew))
        verb, verb_class = rng.choice(VERBS)
        quote = rng.choice(quotes)
        speaker = who[i]
        yield (
            article, speaker, None, verb, verb_class, " ".join(quote), "indirect", 0, 40, value, granularity,
            d_from.isoformat(), d_to.isoformat(), source, d_from.isoformat(),
            where[i] if rng.random() < 0.7 else None, "extracted", 0.8, "[]",
            f"{folded[quote]} {names[speaker]}", now, now,
        )  # fmt: skip


def _drop_claim_indexes() -> None:
    for index in database.get_indexes("claim"):
        if not index.name.endswith(("_pkey", "autoindex")) and not index.name.startswith("sqlite_"):
            database.execute_sql(f'DROP INDEX IF EXISTS "{index.name}"')


def synthesize(*, claims: int, seed: int, skew: str = "zipf", progress=None) -> dict:
    """Add ``claims`` synthetic claims (and their articles and entities); returns timings."""
    rng = random.Random(seed)
    timings = {}
    t0 = time.perf_counter()
    with database.atomic():
        speakers, places = _insert_entities(
            rng, max(10, min(claims // 1000, 900)), min(300, max(5, claims // 500))
        )
        names = {
            e.id: fold(e.name) for e in Entity.select(Entity.id, Entity.name).where(Entity.id.in_(speakers))
        }
        first_article = (Article.select(Article.id).order_by(Article.id.desc()).scalar() or 0) + 1
        n_articles = (claims + 9) // 10
        articles = [
            (
                f"https://synth.example/{seed}/{i}",
                hashlib.sha256(f"synth:{seed}:{i}".encode()).hexdigest(),
                f"संश्लेषित खबर {i}",
                "संश्लेषित लेख",
                12,
                anchor(first_article + i, skew).isoformat(),
            )
            for i in range(n_articles)
        ]
        sql.insert_rows(
            "article",
            ("url", "content_hash", "title", "text", "body_end", "anchor_date", "anchor_source",
             "language", "ingested_at", "extractor_version"),
            [(*a, "text", "hi", sql.iso(dt.datetime(2026, 1, 1)), "synth") for a in articles],
        )  # fmt: skip
        search.drop_triggers()
        day_counts.drop_triggers()
        _drop_claim_indexes()
        timings["entities_articles_s"] = time.perf_counter() - t0
        rows = _claim_rows(
            rng,
            n=claims,
            first_article=first_article,
            speakers=speakers,
            places=places,
            names=names,
            skew=skew,
        )
        batch: list[tuple] = []
        for done, row in enumerate(rows, 1):
            batch.append(row)
            if len(batch) == 20_000:
                sql.insert_rows("claim", tuple(CLAIM_COLUMNS), batch)
                batch.clear()
                if progress:
                    progress(done)
        sql.insert_rows("claim", tuple(CLAIM_COLUMNS), batch)
        timings["claims_s"] = time.perf_counter() - t0
        Claim._schema.create_indexes(safe=True)
        EntityAlias._schema.create_indexes(safe=True)
        timings["indexes_s"] = time.perf_counter() - t0
        search.rebuild()
        search.install()
        timings["fulltext_s"] = time.perf_counter() - t0
        day_counts.rebuild()
        day_counts.create_triggers()
        timings["counts_s"] = time.perf_counter() - t0
    database.execute_sql("ANALYZE" if is_sqlite() else "ANALYZE claim")
    if is_sqlite():  # fold the bulk load's WAL into the main file: readers skip a 500 MB WAL index
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    timings["total_s"] = time.perf_counter() - t0
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000, help="claims to add (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--skew", choices=("zipf", "uniform"), default="zipf", help="default zipf")
    args = parser.parse_args()
    if not 1 <= args.claims <= 50_000_000:
        parser.error("--claims must be between 1 and 50000000")
    url = os.environ.get("DATABASE_URL")
    if not url:
        parser.error("set DATABASE_URL (e.g. sqlite:///bench/out/synth.db)")
    open_database(url)
    with database.connection_context():
        migrate_database()
        timings = synthesize(
            claims=args.claims,
            seed=args.seed,
            skew=args.skew,
            progress=lambda n: print(f"  {n:,} claims", file=sys.stderr),
        )
    print(" ".join(f"{k}={v:.1f}" for k, v in timings.items()))


if __name__ == "__main__":
    main()
