"""Hand-written SQL for the ingest hot path: peewee's query builder costs more than SQLite does.

Statements are plain SQL with ``?`` placeholders, rewritten once per backend to the driver's
style; identifiers are quoted (``end`` is a keyword). Values must already be in their
database form (ISO strings for dates, JSON text for JSON fields).
"""

from __future__ import annotations

import functools
import json

from service.store.db import database

_ROW_CHUNK = 200  # rows per multi-row INSERT: well under SQLite's 32k-parameter limit


@functools.lru_cache(maxsize=512)
def _native(sql: str, param: str) -> str:
    return sql if param == "?" else sql.replace("?", param)


def execute(sql: str, params: tuple | list = ()):
    return database.execute_sql(_native(sql, database.param), params)


def one(sql: str, params: tuple | list = ()):
    return execute(sql, params).fetchone()


def insert_rows(
    table: str, columns: tuple[str, ...], rows: list[tuple], *, returning_id: bool = False
) -> list[int]:
    """Multi-row INSERT; with ``returning_id`` the new ids, in row order."""
    ids: list[int] = []
    column_list = ", ".join(f'"{c}"' for c in columns)
    row_marks = "(" + ", ".join("?" * len(columns)) + ")"
    for start in range(0, len(rows), _ROW_CHUNK):
        chunk = rows[start : start + _ROW_CHUNK]
        sql = f'INSERT INTO "{table}" ({column_list}) VALUES ' + ", ".join([row_marks] * len(chunk))
        if returning_id:
            sql += ' RETURNING "id"'
        cursor = execute(sql, [value for row in chunk for value in row])
        if returning_id:
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


def insert_ignore(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Multi-row INSERT that skips rows violating a unique index (SQLite ≥ 3.24, PostgreSQL)."""
    if not rows:
        return
    column_list = ", ".join(f'"{c}"' for c in columns)
    row_marks = "(" + ", ".join("?" * len(columns)) + ")"
    sql = f'INSERT INTO "{table}" ({column_list}) VALUES ' + ", ".join([row_marks] * len(rows))
    execute(sql + " ON CONFLICT DO NOTHING", [value for row in rows for value in row])


def iso(value) -> str | None:
    """A date or datetime in the text form peewee reads back on both backends."""
    if value is None:
        return None
    return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()


def as_json(value) -> str:
    return json.dumps(value, ensure_ascii=False)
