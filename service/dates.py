"""Hindi date expressions resolved onto the timeline (stub: the resolver lands with issue 3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a text; ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    value: str  # TIMEX3: 2025-07-11, 2025-W28, 2025-07, 2025, PAST_REF, PRESENT_REF, FUTURE_REF
    granularity: str  # day | week | month | year | vague
    date_from: dt.date | None
    date_to: dt.date | None
    warnings: tuple[str, ...] = field(default=())


def resolve_dates(text: str, anchor: dt.date) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``anchor``, in text order."""
    return []
