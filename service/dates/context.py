"""What every date rule sees: the folded text, the anchor, the resolution style and the last
event date; and the Piece a rule produces (a resolved span, before combinators merge pieces)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from service.dates import calendar as cal
from service.dates.tense import PAST, clause_tense


@dataclass(frozen=True, slots=True)
class Style:
    """Conventions that differ between news annotation and general TIMEX3 resolution.

    NEWS follows the eval annotation guide (a weekday on or before/after the anchor, "दो सप्ताह
    बाद" is a week, a range is its first day, festivals/recurrences are not dates). GENERAL
    follows TIMEX3 for assistant-style text: undecided clauses are future, "N units बाद" is a
    day, a weekday is strictly before/after the anchor, ranges are "A/B", SET for recurrences.
    """

    name: str
    default_tense: str
    offsets_as_days: bool
    strict_weekday: bool
    ranges: bool
    sets: bool
    bare_festivals: bool
    requests: bool  # a present copula or a clause-final infinitive marks a request (future)
    # kinds the news guide does not annotate are dates: decades, centuries, parts of periods
    # ("महीने के आखिर में"), ordinal weeks, vague counts, anaphora (उसी दिन), a bare "12 तारीख"
    periods: bool


NEWS = Style("news", PAST, False, False, False, False, False, False, False)
GENERAL = Style("general", "future", True, True, True, True, True, True, True)
STYLES = {s.name: s for s in (NEWS, GENERAL)}


@dataclass(slots=True)
class Ctx:
    """Resolution state while one text is scanned left to right."""

    text: str
    anchor: dt.date
    style: Style = NEWS
    last: cal.Value | None = None  # the last dated event (anaphora: उसी दिन, अगले दिन)
    last_end: int = -1

    def tense(self, end: int) -> str:
        return clause_tense(self.text, end, default=self.style.default_tense, requests=self.style.requests)


@dataclass(slots=True)
class Piece:
    """A resolved span in folded offsets; ``parts`` lets a combinator re-resolve it in a period."""

    start: int
    end: int
    value: cal.Value
    kind: str
    warnings: tuple[str, ...] = ()
    parts: dict = field(default_factory=dict)
    weak: bool = False  # only a date inside a combination ("महीने" in "महीने के आखिर में")
