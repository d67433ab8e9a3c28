"""Domain errors any layer may raise; ``web.errors`` maps each to one HTTP status, in one place."""

from __future__ import annotations


class NotFound(LookupError):
    """No stored record with that id; the message names the kind and id (a 404)."""

    def __init__(self, kind: str, record_id: int) -> None:
        super().__init__(f"No {kind} with id {record_id}.")


class EditError(ValueError):
    """A field refers to something that does not exist or cannot be applied; ``field`` names it (a 422)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class StaleVersion(Exception):
    """If-Match named a version of the record that is no longer current (a 412)."""

    def __init__(self, kind: str, record_id: int) -> None:
        super().__init__(f"The {kind} {record_id} changed since that version: GET it again and retry.")


def beyond_calendar(exc: Exception) -> bool:
    """Whether ``exc`` is datetime's complaint about leaving years 1..9999 (date arithmetic at
    the calendar's edges: year 1 minus a day, 9999-12-31 plus one), not some other error."""
    return isinstance(exc, OverflowError) or (isinstance(exc, ValueError) and "out of range" in str(exc))
