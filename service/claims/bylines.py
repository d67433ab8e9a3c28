"""Signed paragraphs: quote boxes ending "-नाम, पद", and wire items ending ": <source>"."""

from __future__ import annotations

import re

from service.claims.content import Context, RawClaim, trim
from service.claims.speaker_book import EntityBook
from service.claims.speakers import ORG_HEADS, is_role_word, split_role_name

_DASH_BYLINE = re.compile(r"(?<!\S)[-–—]\s*([^\s\-–—][^।.!?\n\-–—]{1,80})$")


# Wire and live-update items: "… 558 हो गए हैं: उत्तर प्रदेश स्वास्थ्य विभाग #COVID19".
_COLON_SOURCE = re.compile(r"\s*:\s*([^\s:।.!?\n#][^:।!?\n#]{1,70}?)\s*(?:#\S+\s*)*$")
_MIN_ITEM_WORDS = 5


def bylines(ctx: Context, book: EntityBook, out: list[RawClaim]) -> None:
    """Signed paragraphs: quote boxes ("-नाम, पद") and items attributed after a final colon."""
    f = ctx.f
    paras: dict[int, list[int]] = {}
    for i, snt in enumerate(ctx.sents):
        paras.setdefault(snt.paragraph, []).append(i)
    for idxs in paras.values():
        first, lst = ctx.sents[idxs[0]], ctx.sents[idxs[-1]]
        if ":" in f[lst.start : lst.end]:
            _colon_source(ctx, book, out, idxs)
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


def _colon_source(ctx: Context, book: EntityBook, out: list[RawClaim], idxs: list[int]) -> None:
    """A paragraph ending ": <source>": the source (an organization, or a role with a name) said it."""
    f = ctx.f
    first, lst = ctx.sents[idxs[0]], ctx.sents[idxs[-1]]
    m = _COLON_SOURCE.search(f, lst.start, lst.end)
    if m is None:
        return
    who = m.group(1).split(",")[0].strip()  # "स्वास्थ्य अधिकारी, पुणे": the rest is a qualifier
    words = who.split()
    if not 1 <= len(words) <= 6:
        return
    heads = [w for w in words if w in ORG_HEADS or is_role_word(w)]
    if not heads:
        return  # "इसे भी पढ़ें: <headline>" and other labels name no source
    cs, ce = trim(f, first.start, m.start())
    if len(f[cs:ce].split()) < _MIN_ITEM_WORDS:
        return
    src_words = ctx.src(m.start(1), m.start(1) + len(who)).split()
    parts = split_role_name(src_words, words)
    ent = book.resolve(parts, who, " ".join(src_words))
    region = (m.start(1), m.start(1) + len(who))
    out.append(
        RawClaim(ent, parts.role, "कहा", "statement", (cs, ce), "indirect", (first.start, region[1]),
                 region, idxs[-1], region, 0.5)
    )  # fmt: skip
