"""Claim filters and keyset paging shared by the claims list, timeline, stats and exports."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace

from peewee import JOIN, SQL, Tuple

from service.places.finder import lookup_place
from service.store import search
from service.store.db import database, is_sqlite
from service.store.models import Claim, Entity, EntityAlias
from service.store.queries import Place, Speaker, attach_place_aliases
from service.text.hindi import fold

MAX_ID = 2**62
# Lower bound on sort_date implied by `from`: claim intervals are at most a year long (day, week,
# month, year values), so the (…, sort_date, id) indexes can be range-scanned from `from - 366 d`.
MAX_SPAN = dt.timedelta(days=366)
CHUNK = 1000


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """The filters every claim query accepts (all optional)."""

    speaker: str | None = None
    place: str | None = None
    country: str | None = None
    verb_class: str | None = None
    from_: dt.date | None = None
    to: dt.date | None = None
    q: str | None = None
    article: int | None = None
    origin: str | None = None
    rating: str | None = None


FILTER_FIELDS = tuple(ClaimFilter.__slots__)


def _as_id(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() and int(value) < MAX_ID else None


def _ids_by_key(kinds: tuple[str, ...], key: str) -> set[int]:
    direct = Entity.select(Entity.id).where(Entity.kind.in_(kinds) & (Entity.key == key))
    aliased = (
        EntityAlias.select(EntityAlias.entity)
        .join(Entity)
        .where(Entity.kind.in_(kinds) & (EntityAlias.key == key))
    )
    return {row.id for row in direct} | {row.entity_id for row in aliased}


def speaker_ids(value: str) -> set[int]:
    """Entity ids a speaker filter means: an id, or every entity with that name or alias (folded)."""
    as_id = _as_id(value)
    if as_id is not None:
        return {as_id}
    return _ids_by_key(("person", "organization"), fold(value))


def place_ids(value: str) -> set[int]:
    """Place entity ids for an id, a gazetteer id (``geonames:…``, ``cldr:KP``, ``local:…``), a
    stored name/alias, or a gazetteer name (any spelling)."""
    as_id = _as_id(value)
    if as_id is not None:
        return {as_id}
    if ":" in value:  # entity pages show gazetteer_id; local places have no other stable id
        by_source = Entity.select(Entity.id).where(
            (Entity.kind == "place") & (Entity.gazetteer_id == value.strip())
        )
        if ids := {e.id for e in by_source}:
            return ids
    ids = _ids_by_key(("place",), fold(value))
    place = lookup_place(value)
    if place is not None:
        ids |= {e.id for e in Entity.select(Entity.id).where(Entity.gazetteer_id == place.id)}
    return ids


def conditions(f: ClaimFilter, *, verify: list | None = None) -> list | None:
    """WHERE conditions for ``f``; None when nothing can match (an unknown speaker or place).

    With ``verify`` (a list, paged reads on SQLite), a common full-text word becomes a cheap
    substring prefilter and its tokens are appended to ``verify`` for an exact check per row:
    walking the date index with an FTS probe per row cost ~3 ms per 10 rows at 1M claims.
    """
    out = []
    if f.speaker:
        ids = speaker_ids(f.speaker)
        if not ids:
            return None
        # One id compares with `=` so the (speaker, sort_date, id) index also yields the order.
        out.append(Claim.speaker == next(iter(ids)) if len(ids) == 1 else Claim.speaker.in_(sorted(ids)))
    if f.place:
        ids = place_ids(f.place)
        if not ids:
            return None
        out.append(Claim.place == next(iter(ids)) if len(ids) == 1 else Claim.place.in_(sorted(ids)))
    if f.country:
        places = Entity.select(Entity.id).where(
            (Entity.kind == "place") & (Entity.country == f.country.upper())
        )
        out.append(Claim.place.in_(places))
    for column, value in (("verb_class", f.verb_class), ("origin", f.origin), ("review_rating", f.rating)):
        if value:
            out.append(getattr(Claim, column) == value)
    if f.article:
        out.append(Claim.article == f.article)
    if f.to:
        out.append(Claim.sort_date <= f.to)
    if f.from_:
        out.append(Claim.sort_date >= max(f.from_, dt.date.min + MAX_SPAN) - MAX_SPAN)  # no underflow
        out.append((Claim.date_to >= f.from_) | (Claim.date_to.is_null() & (Claim.sort_date >= f.from_)))
    if f.q:
        words = search.tokens(f.q)
        if not words:
            return None
        if verify is not None and is_sqlite() and search.rare_ids(words) is None:
            out.append(search.prefilter(words))
            verify.extend(words)
        else:
            out.append(search.condition(words))
    return out


# The columns a Claim's JSON needs, read as raw DB-API rows: building peewee model instances
# (and parsing every date and timestamp through strptime) cost ~1 ms per row at 50 rows a page.
COLUMNS = (
    Claim.id, Claim.article, Claim.speaker_role, Claim.verb, Claim.verb_class, Claim.quote,
    Claim.quote_type, Claim.start, Claim.end, Claim.date_value, Claim.date_granularity,
    Claim.date_from, Claim.date_to, Claim.date_source, Claim.sort_date, Claim.origin,
    Claim.confidence, Claim.review_rating, Claim.review_explanation, Claim.review_url,
    Claim.reviewed_at, Claim.manual_fields, Speaker.id, Speaker.name, Place.id, Place.name,
    Place.country, Place.lat, Place.lon, Claim.search_text,
)  # fmt: skip


def _joined(*selection):
    return (
        Claim.select(*selection)
        .join_from(Claim, Speaker, JOIN.LEFT_OUTER, on=(Claim.speaker == Speaker.id))
        .join_from(Claim, Place, JOIN.LEFT_OUTER, on=(Claim.place == Place.id))
    )


_SELECTION: dict[type, SQL] = {}


def _selection() -> SQL:
    """The 30-column SELECT list rendered once per backend: peewee spent ~2 ms a request on it."""
    backend = type(database.obj)
    if backend not in _SELECTION:
        text = _joined(*COLUMNS).sql()[0]
        _SELECTION[backend] = SQL(text[len("SELECT ") : text.index(" FROM ")])
    return _SELECTION[backend]


_HEAD: dict[type, str] = {}


def _head() -> str:
    """``SELECT <COLUMNS> FROM claim t1 LEFT JOIN speaker LEFT JOIN place``, rendered once per backend."""
    backend = type(database.obj)
    if backend not in _HEAD:
        _HEAD[backend] = _joined(_selection()).sql()[0]
    return _HEAD[backend]


def _plain_sql(f: ClaimFilter, *, order: str, after: list | None, limit: int) -> tuple | None:
    """The page query of a filter without ``q`` or ``country`` as (sql, params), written by hand:
    rebuilding it with peewee took ~14 % of a worker's time. Same SQL as ``conditions`` +
    ``ordered``; ``()`` when nothing can match; None for filters this does not handle."""
    if f.q or f.country:
        return None
    mark = database.param
    where: list[str] = []
    params: list = []
    for column, value, lookup in (
        ("speaker_id", f.speaker, speaker_ids),
        ("place_id", f.place, place_ids),
    ):
        if value:
            ids = lookup(value)
            if not ids:
                return ()
            if len(ids) == 1:
                where.append(f'("t1"."{column}" = {mark})')
            else:
                where.append(f'("t1"."{column}" IN ({", ".join([mark] * len(ids))}))')
            params += sorted(ids)
    for column, value in (("verb_class", f.verb_class), ("origin", f.origin), ("review_rating", f.rating)):
        if value:
            where.append(f'("t1"."{column}" = {mark})')
            params.append(value)
    if f.article:
        where.append(f'("t1"."article_id" = {mark})')
        params.append(f.article)
    to_db = Claim.sort_date.db_value
    if f.to:
        where.append(f'("t1"."sort_date" <= {mark})')
        params.append(to_db(f.to))
    if f.from_:
        where.append(f'("t1"."sort_date" >= {mark})')
        params.append(to_db(max(f.from_, dt.date.min + MAX_SPAN) - MAX_SPAN))
        where.append(
            f'(("t1"."date_to" >= {mark}) OR (("t1"."date_to" IS NULL) AND ("t1"."sort_date" >= {mark})))'
        )
        params += [Claim.date_to.db_value(f.from_), to_db(f.from_)]
    if after is not None:
        op = ">" if order == "asc" else "<"
        where.append(f'(("t1"."sort_date", "t1"."id") {op} ({mark}, {mark}))')
        params += [to_db(dt.date.fromisoformat(after[0])), int(after[1])]
    sql = _head()
    if where:
        sql += " WHERE " + " AND ".join(where)
    direction = "" if order == "asc" else " DESC"
    sql += f' ORDER BY "t1"."sort_date"{direction}, "t1"."id"{direction} LIMIT {mark}'
    params.append(limit)
    return sql, params


def filtered(conds: list):
    """The one-join claim query (speaker and place joined: no N+1) restricted by ``conds``."""
    query = _joined(_selection())
    return query.where(*conds) if conds else query


def _iso(value) -> str | None:
    if value is None or isinstance(value, str):
        return value.replace(" ", "T") if isinstance(value, str) and len(value) > 10 else value
    return value.isoformat()


def row_json(r: tuple) -> dict:
    """A raw row of ``COLUMNS`` as the API's Claim (same shape as ``claim_json``)."""
    date = None
    if r[9]:
        date = {
            "value": r[9],
            "granularity": r[10],
            "date_from": _iso(r[11]),
            "date_to": _iso(r[12]),
            "source": r[13],
        }
    review = None
    if r[17]:
        review = {"rating": r[17], "explanation": r[18], "url": r[19], "reviewed_at": _iso(r[20])}
    return {
        "id": r[0],
        "speaker": {"id": r[22], "name": r[23], "role": r[2]} if r[22] is not None else None,
        "verb": r[3],
        "verb_class": r[4],
        "quote": r[5],
        "quote_type": r[6],
        "start": r[7],
        "end": r[8],
        "date": date,
        "place": {"id": r[24], "name": r[25], "country": r[26], "lat": r[27], "lon": r[28]}
        if r[24] is not None
        else None,
        "article_id": r[1],
        "origin": r[15],
        "confidence": r[16],
        "review": review,
        "manual_fields": json.loads(r[21]) if r[21] and r[21] != "[]" else [],
    }


def fetch(query) -> list[tuple]:
    return database.execute_sql(*query.sql()).fetchall()


def ordered(query, *, order: str, after: list | None = None):
    """Order by (sort_date, id) and continue after the keyset ``after`` ([iso date, id])."""
    key = Tuple(Claim.sort_date, Claim.id)
    if after is not None:
        mark = Tuple(Claim.sort_date.to_value(dt.date.fromisoformat(after[0])), int(after[1]))
        query = query.where(key > mark if order == "asc" else key < mark)
    if order == "asc":
        return query.order_by(Claim.sort_date, Claim.id)
    return query.order_by(Claim.sort_date.desc(), Claim.id.desc())


def keyset_of(row: tuple) -> list:
    return [_iso(row[14]), row[0]]


def claims_of_article(article_id: int) -> list[dict]:
    """An article's claims in text order, with every spelling of their places."""
    sql = f'{_head()} WHERE ("t1"."article_id" = {database.param}) ORDER BY "t1"."start", "t1"."id"'
    return attach_place_aliases([row_json(r) for r in database.execute_sql(sql, [article_id]).fetchall()])


def claim_by_id(claim_id: int) -> dict | None:
    rows = fetch(filtered([Claim.id == claim_id])) if 0 < claim_id < MAX_ID else []
    return row_json(rows[0]) if rows else None


@dataclass(slots=True)
class Page:
    claims: list[dict]
    sort_dates: list[str] = field(default_factory=list)  # each claim's place on the timeline
    next_key: list | None = None
    total: int | None = None
    rows: list[tuple] | None = None  # with ``raw=True``: the raw rows instead of ``claims``


_TEXT: dict[tuple, str] = {}


def claim_text(row: tuple) -> str:
    """``row_json(row)`` encoded as the API encodes it (``errors.json_response``), memoized by
    row value: encoding the ~35 KB page was the largest single cost of a worker under load."""
    try:
        text = _TEXT.get(row)
    except TypeError:  # an unhashable value (a decoded JSON column): no memo
        return dumps(row_json(row))
    if text is None:
        if len(_TEXT) >= 4096:
            _TEXT.clear()
        text = _TEXT[row] = dumps(row_json(row))
    return text


# One encoder: json.dumps with options builds a new JSONEncoder on every call.
dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _scan(conds: list, *, order: str, after: list | None, want: int, verify: list[str]) -> list[tuple]:
    """Up to ``want`` full rows in key order that pass the exact token check.

    The scan reads three columns only; full rows are fetched for the winners in one query.
    """
    narrow = Claim.select(Claim.id, Claim.sort_date, Claim.search_text).where(*conds)
    chosen: list[int] = []
    batch = max(8 * want, 400)
    while len(chosen) < want:
        rows = fetch(ordered(narrow, order=order, after=after).limit(batch))
        chosen += [r[0] for r in rows if search.matches(r[2], verify)]
        if len(rows) < batch:
            break
        after = [_iso(rows[-1][1]), rows[-1][0]]
    chosen = chosen[:want]
    if not chosen:
        return []
    return fetch(ordered(filtered([Claim.id.in_(chosen)]), order=order))


def _by_rank(f: ClaimFilter) -> list[str] | None:
    """The tokens of a common ``q`` when FTS5 rowid order should drive the page (SQLite), else None.

    Filters with their own (…, sort_date, id) index (speaker, place, article) keep the index walk.
    """
    if not f.q or f.speaker or f.place or f.article or not is_sqlite():
        return None
    words = search.tokens(f.q)
    if not words or search.rare_ids(words) is not None:
        return None
    return words


def _ranked(f: ClaimFilter, words: list[str], *, order: str, after: list | None, want: int):
    """Up to ``want`` full rows in key order: FTS5 yields matching claims by (sort_date, id)
    rowid; the other filters are checked on each batch (None when nothing can match)."""
    others = conditions(replace(f, q=None))
    if others is None:
        return None
    low = high = None
    if f.from_:
        low = search.day_key(max(f.from_, dt.date.min + MAX_SPAN) - MAX_SPAN)
    if f.to:
        high = search.day_key(f.to) + search.ID_MASK
    if after is not None:
        mark = search.day_key(dt.date.fromisoformat(after[0])) + int(after[1])
        if order == "asc":
            low = mark + 1 if low is None else max(low, mark + 1)
        else:  # a row-value comparison with a NULL sort_date is never true: undated rows end paging
            high = mark - 1 if high is None else min(high, mark - 1)
            low = 0 if low is None else max(low, 0)
    out: list[tuple] = []
    batch = want if not others else max(2 * want, 100)
    while len(out) < want:
        keys = search.ordered_ids(words, order=order, low=low, high=high, limit=batch)
        if keys:
            ids = [k[1] for k in keys]
            if others:
                out += fetch(ordered(filtered([*others, Claim.id.in_(ids)]), order=order))
            else:  # the common case (q alone), written by hand like ``_plain_sql``
                direction = "" if order == "asc" else " DESC"
                marks = ", ".join([database.param] * len(ids))
                sql = (
                    f'{_head()} WHERE ("t1"."id" IN ({marks})) '
                    f'ORDER BY "t1"."sort_date"{direction}, "t1"."id"{direction}'
                )
                out += database.execute_sql(sql, ids).fetchall()
        if len(keys) < batch:
            break
        if order == "asc":
            low = keys[-1][0] + 1
        else:
            high = keys[-1][0] - 1
        batch = min(batch * 2, 5000)
    return out[:want]


def page(
    f: ClaimFilter,
    *,
    order: str,
    limit: int,
    after: list | None = None,
    count: bool = False,
    raw: bool = False,
) -> Page:
    """One page of claims as API dicts (``raw``: as rows) plus the keyset of the next page."""
    rows, total = _page_rows(f, order=order, limit=limit + 1, after=after, count=count)
    next_key = keyset_of(rows[limit - 1]) if len(rows) > limit else None
    rows = rows[:limit]
    claims = [] if raw else [row_json(r) for r in rows]
    return Page(claims, [_iso(r[14]) for r in rows], next_key, total, rows if raw else None)


def _page_rows(f: ClaimFilter, *, order: str, limit: int, after: list | None, count: bool):
    """(up to ``limit`` rows, total when ``count``)."""
    plain = None if count else _plain_sql(f, order=order, after=after, limit=limit)
    if plain == ():
        return [], None
    if plain is not None:
        return database.execute_sql(*plain).fetchall(), None
    words = _by_rank(f)
    if words is not None:
        rows = _ranked(f, words, order=order, after=after, want=limit)
        if rows is None:
            return [], 0 if count else None
        total = Claim.select().where(*conditions(f)).count() if count else None
        return rows, total
    verify: list[str] = []
    conds = conditions(f, verify=verify)
    if conds is None:
        return [], 0 if count else None
    base = filtered(conds)
    if verify:
        rows = _scan(conds, order=order, after=after, want=limit, verify=verify)
    else:
        rows = fetch(ordered(base, order=order, after=after).limit(limit))
    total = None
    if count:
        exact = conditions(f) if verify else conds
        total = (Claim.select().where(*exact) if exact else Claim.select()).count()
    return rows, total


def iter_claims(f: ClaimFilter, *, order: str, after: list | None = None):
    """Every matching claim as API dicts, fetched in keyset chunks: constant memory on both databases."""
    verify: list[str] = []
    conds = conditions(f, verify=verify)
    if conds is None:
        return
    while True:
        rows = fetch(ordered(filtered(conds), order=order, after=after).limit(CHUNK))
        for row in rows:
            if not verify or search.matches(row[29], verify):
                yield row_json(row)
        if len(rows) < CHUNK:
            return
        after = keyset_of(rows[-1])
