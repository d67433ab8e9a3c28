"""Hindi date expressions resolved onto the timeline: mentions with TIMEX3 values and intervals.

Conventions (see also service.date_rules for the grammar):

* Values follow TIMEX3: ``2025-07-11`` (day), ``2025-W28`` (ISO week), ``2025-07`` (month),
  ``2025`` (year), ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF`` (granularity ``vague``).
* Every mention carries the closed interval ``date_from..date_to``. Vague references are open:
  PAST_REF is ``None..anchor``, PRESENT_REF is ``anchor..anchor``, FUTURE_REF is ``anchor..None``.
* A day range ("11 से 13 जुलाई", "11-13 जुलाई") in news is ONE mention, its full last day ("13 जुलाई"),
  as the annotation guide tags it, with the warning ``"range"`` (GENERAL: "A/B" over the range).
* A weekday with its date ("शनिवार (12 जुलाई, 2025)") is one mention; when the weekday does
  not fit the date the date wins and the warning ``"weekday_mismatch"`` is added.
* Undated days (weekdays, कल, "12 जुलाई") are placed by the tense of their clause: past → the
  latest such day on or before the anchor, future → the next on or after; news defaults to past.
* An impossible day ("30 फरवरी 2025") falls back to its month with the warning ``"invalid_day"``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from service.dates import atoms, events, periods, relative, windows
from service.dates import calendar as cal
from service.dates.compose import finish, push
from service.dates.context import GENERAL, NEWS, STYLES, Ctx, Piece, Style
from service.dates.lexicon import DAY_RE, MONTH_RE, YEAR_RE, Folded, fold_once
from service.dates.rules import candidates

PAST, FUTURE = cal.PAST, cal.FUTURE
__all__ = ["GENERAL", "NEWS", "STYLES", "Anchor", "DateMention", "Style", "choose_anchor", "resolve_dates"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a text; ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    value: str  # TIMEX3: 2025-07-11, 2025-W28, 2026-W13-WE, 2025-07, 2026-Q2, 2026-H1, 2025, 2024-04/2025-03 (fiscal year),
    # 198 (decade), 20 (century), 2010-WI, ranges "A/B", PAST_REF / PRESENT_REF / FUTURE_REF, SET
    granularity: (
        str  # day|week|weekend|month|quarter|half|year|fiscal_year|season|decade|century|range|vague|set
    )
    date_from: dt.date | None
    date_to: dt.date | None
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Anchor:
    """The reference date of an article and where it came from."""

    value: dt.date
    source: str  # published_at | dateline | text | ingested


# Each grammar part (rules.py) resolves through one function of its rule family.
RESOLVERS = {
    "wd_date": atoms.weekday_with_date, "date_wd": atoms.weekday_with_date, "numeric": atoms.numeric,
    "range": atoms.day_range, "dmy": atoms.dmy, "en_mdy": atoms.en_mdy, "my": atoms.month_year,
    "month": atoms.month_alone, "year": atoms.year,
    "rel_unit": relative.rel_unit, "period": relative.period, "vague": relative.vague,
    "wd": relative.weekday, "week_wd": relative.week_weekday, "deictic": relative.deictic,
    **periods.RESOLVERS, **events.RESOLVERS, **windows.RESOLVERS,
}  # fmt: skip


def resolve_pieces(folded: str, anchor: dt.date, style: Style = NEWS) -> list[Piece]:
    """Atoms in text order, then combined; ``last`` tracks the event date for anaphora."""
    ctx = Ctx(folded, anchor, style)
    pieces: list[Piece] = []
    for m in candidates(folded):
        got = RESOLVERS[m.lastgroup](m, ctx)
        if got is None:
            continue
        push(pieces, got, ctx)  # combined at once, so that anaphora see "2019 की दिवाली" whole
        last = pieces[-1]
        if (
            last.value.date_from is not None
            and last.value.granularity not in ("vague", "set")
            and not last.weak
        ):
            ctx.last, ctx.last_end = last.value, last.end
    return finish(pieces, ctx)


def resolve_dates(text: str, anchor: dt.date, *, style: Style = NEWS) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``anchor``, in text order.

    ``style`` NEWS follows the news annotation guide (article extraction); GENERAL the TIMEX3
    conventions for everyday sentences (the /v1/dates/resolve default).
    """
    folded = fold_once(text)
    out: list[DateMention] = []
    for p in resolve_pieces(folded.text, anchor, style):
        s, e = folded.src(p.start), folded.src_end(p.end)
        out.append(DateMention(text[s:e], s, e, *p.value, warnings=p.warnings))
    return out


_DATELINE = re.compile(
    f"^\\s*(?:[^\\s,।:()0-9]+\\s*){{1,3}},\\s*(?P<d>{DAY_RE})\\s*(?P<m>{MONTH_RE})\\.?"
    f"(?:\\s*,?\\s*(?P<y>{YEAR_RE}))?\\s*(?:\\(|।|:|-|–|—|\\n|$)"
)


def dateline(text: str, *, reference: dt.date) -> dt.date | None:
    """Date of a wire-service opening ("नई दिल्ली, तीन मई (भाषा)"), year nearest the reference."""
    # Scraped articles sometimes carry a headline line above the dateline.
    head = Folded(text[:300]).text.split("\n", 2)
    m = next((m for line in head[:2] if (m := _DATELINE.match(line))), None)
    if not m:
        return None
    value, _ = atoms.day_month(m["d"], m["m"], m["y"], reference, PAST)
    return value.date_from if value is not None and value.granularity == "day" else None


def choose_anchor(text: str, *, published: dt.date | None, today: dt.date) -> Anchor:
    """Dateline, else publication date, else the first fully dated mention, else today."""
    if (d := dateline(text, reference=published or today)) is not None:
        return Anchor(d, "dateline")
    if published is not None:
        return Anchor(published, "published_at")
    for mention in resolve_dates(text, today):
        if mention.granularity == "day" and re.search(YEAR_RE, Folded(mention.text).text):
            return Anchor(mention.date_from, "text")
    return Anchor(today, "ingested")
