"""Full-text search over claim.search_text: SQLite FTS5 or PostgreSQL tsvector, one API."""

from __future__ import annotations

import re

from peewee import SQL, Expression, NodeList, fn

from .db import database, is_sqlite
from .hindi import fold
from .models import Claim

# Devanagari letters and signs (danda excluded) plus word characters: one search token.
# Same token classes as the FTS5 tokenizer below (L*, N*, M*; underscore separates).
_TOKEN = re.compile(r"(?:[^\W_]|[\u0900-\u0963\u0966-\u097f])+")
MAX_TOKENS = 12
# Below this many matches, materialize the matching ids; above, walk the date index instead.
RARE_LIMIT = 2000

_FTS_DDL = [
    # External content: the text lives once, in claim.search_text; M* keeps matras inside words.
    "CREATE VIRTUAL TABLE IF NOT EXISTS claim_fts USING fts5(search_text, content='claim', "
    "content_rowid='id', tokenize=\"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")",
]
_TRIGGERS = {
    "claim_fts_ai": "AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "claim_fts_ad": "AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "claim_fts_au": "AFTER UPDATE OF search_text ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO claim_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
}
_PG_INDEX = (
    "CREATE INDEX IF NOT EXISTS claim_search_gin ON claim USING gin (to_tsvector('simple', search_text))"
)


def install() -> None:
    """Create the full-text objects (idempotent); called after the tables exist."""
    if is_sqlite():
        exists = database.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'claim_fts'").fetchone()
        for ddl in _FTS_DDL:
            database.execute_sql(ddl)
        create_triggers()
        if not exists:
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
    if is_sqlite():
        database.execute_sql("INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')")


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
    """The matching claim ids when there are fewer than RARE_LIMIT of them, else None (SQLite)."""
    if tuple(words) in _COMMON:
        return None
    cursor = database.execute_sql(
        "SELECT rowid FROM claim_fts WHERE claim_fts MATCH ? LIMIT ?", (fts_query(words), RARE_LIMIT + 1)
    )
    ids = [row[0] for row in cursor]
    if len(ids) <= RARE_LIMIT:
        return ids
    if len(_COMMON) < 10_000:
        _COMMON.add(tuple(words))
    return None


def prefilter(words: list[str]) -> Expression:
    """A cheap superset of the matches: each folded token occurs in search_text (instr/strpos)."""
    find = fn.instr if is_sqlite() else fn.strpos
    conds = [find(Claim.search_text, w) > 0 for w in words]
    out = conds[0]
    for cond in conds[1:]:
        out &= cond
    return out


def matches(search_text: str, words: list[str]) -> bool:
    """The exact token test for a row the prefilter let through."""
    have = set(_TOKEN.findall(search_text or ""))
    return all(w in have for w in words)


def condition(words: list[str]) -> Expression:
    """A WHERE condition on Claim matching every token.

    SQLite: a rare term becomes ``id IN (ids)`` (few rows to sort); a common one becomes a
    correlated FTS probe so the planner can walk the (…, sort_date, id) index and stop after
    one page — materializing 100k+ matches and sorting them would cost tens of ms.
    """
    if not words:
        return SQL("1 = 1")
    if is_sqlite():
        ids = rare_ids(words)
        if ids is not None:
            return Claim.id.in_(ids) if ids else SQL("1 = 0")
        probe = SQL(
            "EXISTS (SELECT 1 FROM claim_fts WHERE claim_fts MATCH ? AND claim_fts.rowid =",
            (fts_query(words),),
        )
        return NodeList((probe, Claim.id, SQL(")")))
    simple = SQL("'simple'")
    return Expression(
        fn.to_tsvector(simple, Claim.search_text), "@@", fn.plainto_tsquery(simple, " ".join(words))
    )
