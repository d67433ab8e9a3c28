"""Full-text search over claim.search_text: SQLite FTS5 or PostgreSQL tsvector, one API."""

from __future__ import annotations

import datetime as dt
import re

from service.store.db import database, is_sqlite
from service.text.hindi import fold

# Devanagari letters and signs (danda excluded) plus word characters: one search token.
# Same token classes as the FTS5 tokenizer below (L*, N*, M*; underscore separates).
_TOKEN = re.compile(r"(?:[^\W_]|[\u0900-\u0963\u0966-\u097f])+")
MAX_TOKENS = 12
# Below this many matches, materialize the matching ids; above, walk the date index instead.
RARE_LIMIT = 2000

# The FTS rowid is the claim's place in (sort_date, id) order, not its id: day number << 40 | id
# (no date: day -1, first in ascending order as in SQLite). A common word is then answered by
# FTS5 itself walking its doclist by rowid, newest or oldest first, and stopping after one page:
# ~0.3 ms at 1M claims where the date-index walk checking every row's text took ~18 ms.
# Contentless (content=''): the text lives once, in claim.search_text; M* keeps matras inside words.
KEY_BITS = 40  # claim ids below 2**40
ID_MASK = (1 << KEY_BITS) - 1
_DAY0 = 1721425  # julianday('0001-01-01') rounded down: day 0


def key_sql(sort_date: str, claim_id: str) -> str:
    """SQLite expression of the FTS rowid of a claim from its sort_date and id columns."""
    return f"((ifnull(CAST(julianday({sort_date}) AS INTEGER) - {_DAY0}, -1) << {KEY_BITS}) + {claim_id})"


def day_key(day: dt.date | None) -> int:
    """The smallest FTS rowid on ``day`` (None: claims without a date)."""
    return (day.toordinal() - 1 if day is not None else -1) << KEY_BITS


_FTS_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS claim_fts USING fts5(search_text, content='', "
    "tokenize=\"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")",
]
_NEW, _OLD = key_sql("new.sort_date", "new.id"), key_sql("old.sort_date", "old.id")
_TRIGGERS = {
    "claim_fts_ai": "AFTER INSERT ON claim BEGIN "
    f"INSERT INTO claim_fts(rowid, search_text) VALUES ({_NEW}, new.search_text); END",
    "claim_fts_ad": "AFTER DELETE ON claim BEGIN "
    f"INSERT INTO claim_fts(claim_fts, rowid, search_text) VALUES ('delete', {_OLD}, old.search_text); END",
    "claim_fts_au": "AFTER UPDATE OF search_text, sort_date ON claim BEGIN "
    f"INSERT INTO claim_fts(claim_fts, rowid, search_text) VALUES ('delete', {_OLD}, old.search_text); "
    f"INSERT INTO claim_fts(rowid, search_text) VALUES ({_NEW}, new.search_text); END",
}
_PG_INDEX = (
    "CREATE INDEX IF NOT EXISTS claim_search_gin ON claim USING gin (to_tsvector('simple', search_text))"
)


def install() -> None:
    """Create the full-text objects (idempotent); called after the tables exist.

    An index from before the (sort_date, id) rowids (external content keyed by id) is replaced.
    """
    if is_sqlite():
        row = database.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'claim_fts'").fetchone()
        if row is not None and "content=''" not in row[0]:
            drop_triggers()
            database.execute_sql("DROP TABLE claim_fts")
            row = None
        for ddl in _FTS_DDL:
            database.execute_sql(ddl)
        create_triggers()
        if row is None:
            rebuild()  # claims stored before the index existed
    else:
        database.execute_sql(_PG_INDEX)


def create_triggers() -> None:
    if is_sqlite():
        for name, body in _TRIGGERS.items():
            database.execute_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def drop_triggers() -> None:
    """For bulk loads: drop the sync triggers, load, then ``rebuild()`` and ``create_triggers()``."""
    if is_sqlite():
        for name in _TRIGGERS:
            database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")


def rebuild() -> None:
    """Reindex every claim (~20 s at 1M claims)."""
    if is_sqlite():
        database.execute_sql("INSERT INTO claim_fts(claim_fts) VALUES ('delete-all')")
        database.execute_sql(
            "INSERT INTO claim_fts(rowid, search_text) "
            f"SELECT {key_sql('sort_date', 'id')}, search_text FROM claim"
        )


def tokens(q: str) -> list[str]:
    """Folded search tokens of a user query; user syntax (quotes, operators) is never passed on."""
    return _TOKEN.findall(fold(q))[:MAX_TOKENS]


def fts_query(words: list[str]) -> str:
    """An FTS5 query ANDing each token as a quoted string: no user operator survives."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


# Word sets seen to be common. Claims are rarely deleted, so a common word stays common; and both
# paths give exact results, so a stale entry costs speed, never correctness.
_COMMON: set[tuple[str, ...]] = set()


def rare_ids(words: list[str]) -> list[int] | None:
    """The matching claim ids when there are fewer than RARE_LIMIT of them, else None."""
    if tuple(words) in _COMMON:
        return None
    if is_sqlite():
        sql = f"SELECT rowid & {ID_MASK} FROM claim_fts WHERE claim_fts MATCH ? LIMIT ?"
        params = (fts_query(words), RARE_LIMIT + 1)
    else:  # a GIN bitmap scan: cheap for a rare word set
        sql = (
            "SELECT id FROM claim WHERE to_tsvector('simple', search_text) @@ "
            "plainto_tsquery('simple', %s) LIMIT %s"
        )
        params = (" ".join(words), RARE_LIMIT + 1)
    ids = [row[0] for row in database.execute_sql(sql, params)]
    if len(ids) <= RARE_LIMIT:
        return ids
    if len(_COMMON) < 10_000:
        _COMMON.add(tuple(words))
    return None


def prefilter_sql(words: list[str]) -> tuple:
    """(sql, *params): a cheap superset of the matches, each folded token occurring in
    search_text (instr/strpos)."""
    find = "instr" if is_sqlite() else "strpos"
    mark = database.param
    part = " AND ".join(f'({find}("t1"."search_text", {mark}) > 0)' for _ in words)
    return (f"({part})", *words)


def ordered_ids(
    words: list[str], *, order: str, low: int | None, high: int | None, limit: int
) -> list[tuple[int, int]]:
    """(FTS rowid, claim id) of up to ``limit`` claims matching every token, in (sort_date, id)
    ``order``, with rowids in [low, high] (SQLite; FTS5 walks its doclist and stops early)."""
    where, params = ["claim_fts MATCH ?"], [fts_query(words)]
    if low is not None:
        where.append("rowid >= ?")
        params.append(low)
    if high is not None:
        where.append("rowid <= ?")
        params.append(high)
    sql = (
        f"SELECT rowid, rowid & {ID_MASK} FROM claim_fts WHERE {' AND '.join(where)} "
        f"ORDER BY rowid {'ASC' if order == 'asc' else 'DESC'} LIMIT ?"
    )
    return database.execute_sql(sql, (*params, limit)).fetchall()


def matches(search_text: str, words: list[str]) -> bool:
    """The exact token test for a row the prefilter let through."""
    have = set(_TOKEN.findall(search_text or ""))
    return all(w in have for w in words)


def condition_sql(words: list[str]) -> tuple:
    """(sql, *params): a condition on ``claim AS t1`` matching every token.

    A rare word set becomes ``id IN (ids)`` (few rows to sort) on both backends. A common one:
    SQLite, a correlated FTS probe so the planner can walk the (…, sort_date, id) index and stop
    after one page — materializing 100k+ matches and sorting them would cost tens of ms;
    PostgreSQL, the same walk (EXPLAIN ANALYZE at 1M claims: Index Scan Backward on
    claim_sort_date_id) with a substring test before ``to_tsvector``: 0.9 ms instead of 7.7 ms,
    as the tokenizer then runs on candidate rows only. Rare sets must not take that walk: an
    absent word made PostgreSQL scan the whole index (8 s at 1M claims).
    """
    if not words:
        return ("(1 = 1)",)
    mark = database.param
    ids = rare_ids(words)
    if ids is not None:
        return (f'("t1"."id" IN ({", ".join([mark] * len(ids))}))', *ids) if ids else ("(1 = 0)",)
    if is_sqlite():
        key = key_sql('"t1"."sort_date"', '"t1"."id"')
        probe = f"EXISTS (SELECT 1 FROM claim_fts WHERE claim_fts MATCH {mark} AND claim_fts.rowid = {key})"
        return (probe, fts_query(words))
    substrings, *params = prefilter_sql(words)
    match = f"(to_tsvector('simple', \"t1\".\"search_text\") @@ plainto_tsquery('simple', {mark}))"
    return (f"({substrings} AND {match})", *params, " ".join(words))
