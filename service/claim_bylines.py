"""Quote boxes signed "-नाम, पद" at the end of a paragraph: the paragraph is that person's quote."""

from __future__ import annotations

import re

from service.claim_content import Context, RawClaim, trim
from service.speaker_book import EntityBook
from service.speakers import split_role_name

_DASH_BYLINE = re.compile(r"(?<!\S)[-–—]\s*([^\s\-–—][^।.!?\n\-–—]{1,80})$")


def bylines(ctx: Context, book: EntityBook, out: list[RawClaim]) -> None:
    """Quote boxes that end with "-नाम, पद": the paragraph is the named person's direct quote."""
    f = ctx.f
    paras: dict[int, list[int]] = {}
    for i, snt in enumerate(ctx.sents):
        paras.setdefault(snt.paragraph, []).append(i)
    for idxs in paras.values():
        first, lst = ctx.sents[idxs[0]], ctx.sents[idxs[-1]]
        tail = f[lst.start : lst.end]
        if "-" not in tail and "–" not in tail and "—" not in tail:
            continue
        m = _DASH_BYLINE.search(f, lst.start, lst.end)
        if not m or m.start() <= first.start + 20:
            continue
        who = m.group(1).split(",")
        name_words = ctx.src(m.start(1), m.start(1) + len(who[0])).split()
        if not 1 <= len(name_words) <= 4:
            continue
        role = ctx.src(m.start(1) + len(who[0]) + 1, m.end(1)).strip() if len(who) > 1 else None
        parts = split_role_name(name_words, name_words)
        parts = type(parts)(role, " ".join(name_words), "person", ())
        ent = book.resolve(parts, " ".join(name_words), " ".join(name_words))
        cs, ce = trim(f, first.start, m.start())
        span, region = (first.start, lst.end), (m.start(), m.end())
        out.append(
            RawClaim(
                ent,
                role,
                "कहा",
                "statement",
                (cs, ce),
                "direct",
                span,
                region,
                idxs[-1],
                (m.start(), m.start()),
                0.6,
            )
        )
