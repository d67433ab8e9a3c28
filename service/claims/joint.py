"""Joint statements: "X, Y और Z ने कहा" is one claim per named speaker (the guide's rule)."""

from __future__ import annotations

import re

from service.claims.content import Context, speaker
from service.claims.speaker_book import Entity, EntityBook
from service.claims.speakers import ORG_HEADS

# What joins two speaker noun phrases inside one ने-subject.
_JOINER = re.compile(r"\s*,\s*|\s+(?:और|एवं|तथा|व)\s+")
# A quotation or a sentence end before the comma: "“…।”, महापौर X ने कहा" has one speaker.
_NOT_A_NAME = re.compile(r"[।.!?\"“”‘’'()]")
_COMMA_BEFORE = re.compile(r"\s*,\s*$")
_MAX_SPEAKERS = 6


def joint_speakers(
    ctx: Context, book: EntityBook, s: int, np_start: int, ne_start: int, main: tuple, dates
) -> list[tuple[Entity, str | None, int]]:
    """Every speaker of a coordinated ने-subject, first to last, as (entity, role, NP start);
    ``[main]`` when the subject names one speaker. "सड़क परिवहन और राजमार्ग मंत्रालय" is one
    organization: a conjunction before a final organization head does not split."""
    f = ctx.f
    # The NP finder stops at a comma: "X, Y, Z ने" starts further left than the NP it found.
    for _ in range(_MAX_SPEAKERS):
        comma = _COMMA_BEFORE.search(f, max(s, np_start - 4), np_start)
        got = speaker(ctx, book, s, comma.start(), "ने", dates) if comma and comma.start() > s else None
        if got is None or got[3] or got[2] >= comma.start() or _NOT_A_NAME.search(f, got[2], comma.start()):
            break
        np_start = got[2]
    cuts = list(_JOINER.finditer(f, np_start, ne_start))
    if not cuts or len(cuts) >= _MAX_SPEAKERS:
        return [main]
    bounds = [np_start] + [c.end() for c in cuts]
    ends = [c.start() for c in cuts] + [ne_start]
    segments = [f[a:b].split() for a, b in zip(bounds, ends, strict=True)]
    if any(not seg for seg in segments):
        return [main]
    if segments[-1][-1] in ORG_HEADS and not any(w in ORG_HEADS for seg in segments[:-1] for w in seg):
        return [main]
    out = []
    for lo, hi in zip(bounds, ends, strict=True):
        got = speaker(ctx, book, lo, hi, "ने", dates)
        if got is None or got[3] or got[2] < lo:
            return [main]
        out.append((got[0], got[1], got[2]))
    book.pronoun_target(out[-1][0])
    return out
