"""The claim-query compiler's runs: one page, every row, a count, one claim, one article's claims."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from service.errors import NotFound
from service.store import search
from service.store.claim_filter import ClaimFilter, Where, compile_filter, from_split, span_floor, statement
from service.store.claim_rows import ClaimRow, claim_json, head, iso, keyset_of, read
from service.store.db import database, is_sqlite
from service.store.entities import attach_place_aliases
from service.store.models import MAX_ID, Claim, ClaimHistory, get
from service.store.verdicts import inherit_reviews

CHUNK = 1000


@dataclass(slots=True)
class Page:
    """One page of rows in key order, the keyset of the next page, and the total when counted."""

    rows: list[ClaimRow]
    next_key: list | None = None
    total: int | None = None

    @property
    def claims(self) -> list[dict]:
        return inherit_reviews([claim_json(r) for r in self.rows])


def page_sql(f: ClaimFilter, *, order: str, limit: int, after: list | None = None) -> tuple | None:
    """(sql, params) of the plain page query of ``f`` (no per-row token check); None when
    nothing can match. What a page runs unless ``q`` is a common word on SQLite."""
    where = compile_filter(f)
    return None if where is None else statement(head(), where, order=order, after=after, limit=limit)


def count(f: ClaimFilter) -> int:
    """How many claims match ``f`` (exact)."""
    where = compile_filter(f)
    if where is None:
        return 0
    text, params = statement('SELECT COUNT(1) FROM "claim" AS "t1"', where)
    return database.execute_sql(text, params).fetchone()[0]


def page(f: ClaimFilter, *, order: str, limit: int, after: list | None = None, total: bool = False) -> Page:
    """Up to ``limit`` claims in (sort_date, id) ``order`` after the keyset ``after``."""
    rows = _rows(f, order=order, want=limit + 1, after=after)
    if rows is None:
        return Page([], None, 0 if total else None)
    next_key = keyset_of(rows[limit - 1]) if len(rows) > limit else None
    return Page(rows[:limit], next_key, count(f) if total else None)


def _rows(f: ClaimFilter, *, order: str, want: int, after: list | None) -> list[ClaimRow] | None:
    words = _by_rank(f)
    if words is not None:
        return _ranked(f, words, order=order, after=after, want=want)
    if f.from_ is None:
        where = compile_filter(f, prefilter=True)
        return None if where is None else _fetch(where, order=order, after=after, want=want)
    where = compile_filter(replace(f, from_=None), prefilter=True)
    if where is None:
        return None
    # Two index range reads, merged: the claims starting in range, and those spanning into it.
    rows = [
        row
        for part in from_split(where, f.from_)
        for row in _fetch(part, order=order, after=after, want=want)
    ]
    rows.sort(key=lambda r: (iso(r.sort_date), r.id), reverse=order != "asc")
    return rows[:want]


def _fetch(where: Where, *, order: str, after: list | None, want: int) -> list[ClaimRow]:
    if where.verify:
        return _scan(where, order=order, after=after, want=want)
    return read(*statement(head(), where, order=order, after=after, limit=want))


def _scan(where: Where, *, order: str, after: list | None, want: int) -> list[ClaimRow]:
    """Up to ``want`` full rows in key order that pass the exact token check.

    The scan reads three columns only; full rows are fetched for the winners in one query.
    """
    narrow = 'SELECT "t1"."id", "t1"."sort_date", "t1"."search_text" FROM "claim" AS "t1"'
    chosen: list[int] = []
    batch = max(8 * want, 400)
    while len(chosen) < want:
        rows = database.execute_sql(
            *statement(narrow, where, order=order, after=after, limit=batch)
        ).fetchall()
        chosen += [r[0] for r in rows if search.matches(r[2], where.verify)]
        if len(rows) < batch:
            break
        after = [iso(rows[-1][1]), rows[-1][0]]
    chosen = chosen[:want]
    if not chosen:
        return []
    return read(*statement(head(), Where(), ids=chosen, order=order))


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
    others = compile_filter(replace(f, q=None))
    if others is None:
        return None
    low = high = None
    if f.from_:
        low = search.day_key(span_floor(f.from_))
    if f.to:
        high = search.day_key(f.to) + search.ID_MASK
    if after is not None:
        mark = search.day_key(dt.date.fromisoformat(after[0])) + int(after[1])
        if order == "asc":
            low = mark + 1 if low is None else max(low, mark + 1)
        else:  # a row-value comparison with a NULL sort_date is never true: undated rows end paging
            high = mark - 1 if high is None else min(high, mark - 1)
            low = 0 if low is None else max(low, 0)
    out: list[ClaimRow] = []
    batch = want if not others.parts else max(2 * want, 100)
    while len(out) < want:
        keys = search.ordered_ids(words, order=order, low=low, high=high, limit=batch)
        if keys:
            out += read(*statement(head(), others, ids=[k[1] for k in keys], order=order))
        if len(keys) < batch:
            break
        if order == "asc":
            low = keys[-1][0] + 1
        else:
            high = keys[-1][0] - 1
        batch = min(batch * 2, 5000)
    return out[:want]


def iter_claims(f: ClaimFilter, *, order: str, after: list | None = None, limit: int | None = None):
    """Every matching claim (at most ``limit``) as API dicts, fetched in keyset chunks: constant
    memory on both databases, and no transaction held open while a slow client reads."""
    where = compile_filter(f, prefilter=True)
    if where is None:
        return
    left = limit
    while left is None or left > 0:
        size = CHUNK if left is None or where.verify else min(CHUNK, left)
        rows = read(*statement(head(), where, order=order, after=after, limit=size))
        chunk = [row for row in rows if not where.verify or search.matches(row.search_text, where.verify)]
        for claim in inherit_reviews([claim_json(row) for row in chunk]):
            yield claim
            if left is not None:
                left -= 1
                if not left:
                    return
        if len(rows) < size:
            return
        after = keyset_of(rows[-1])


def claims_of_article(article_id: int) -> list[dict]:
    """An article's claims in text order, with every spelling of their places."""
    text = f'{head()} WHERE ("t1"."article_id" = {database.param}) ORDER BY "t1"."start", "t1"."id"'
    return attach_place_aliases(inherit_reviews([claim_json(r) for r in read(text, [article_id])]))


def claim_by_id(claim_id: int) -> dict:
    """One claim as the API's Claim; ``NotFound`` when there is none."""
    rows = read(*statement(head(), Where(), ids=[claim_id])) if 0 < claim_id < MAX_ID else []
    if not rows:
        raise NotFound("claim", claim_id)
    return inherit_reviews([claim_json(rows[0])])[0]


def claim_history(claim_id: int) -> list[dict]:
    """Every change to a claim, oldest first; ``NotFound`` when there is no such claim."""
    get(Claim, claim_id)
    rows = ClaimHistory.select().where(ClaimHistory.claim == claim_id).order_by(ClaimHistory.id)
    return [{"changed_at": h.changed_at.isoformat(), "changes": h.changes, "key_id": h.key_id} for h in rows]
