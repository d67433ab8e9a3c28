"""A document as the speaker: "याचिका में कहा गया है कि …", "… पत्र सौंपा, जिसमें लिखा है कि …"."""

from __future__ import annotations

import re

from service.claims.content import Context, speaker
from service.claims.speaker_book import Entity, EntityBook
from service.text.lexicon import word_set

DOCUMENT_NOUNS = word_set("claims", "document_nouns.txt")
# "<document> में (भी) (यह) <verb>": the document noun is the last word before में.
_IN_DOCUMENT = re.compile(r"(?P<noun>[^\s,;:।]+)\s+में(?:\s+(?:भी|यह|ये|साफ|स्पष्ट|साफ\s+तौर\s+पर))*\s*$")
# "…, जिसमें कहा गया है": the document is named earlier in the sentence.
_RELATIVE = re.compile(r"(?:जिसमें|जिनमें)(?:\s+(?:भी|यह|ये))*\s*$")
_WORD = re.compile(r"[^\s,;:।\"“”‘’()]+")
# "याचिका में … की मांग की गई थी": the document opens the sentence, the object follows it.
_OPENS_IN_DOCUMENT = re.compile(r"\s*(?:(?:\S+\s+){0,3}?)(?P<noun>[^\s,;:।]+)\s+में(?:\s+(?:भी|यह|ये))*\s+")
# "… ने याचिका दायर की थी। इसमें कहा था कि …": इसमें points back to the last document named.
_THIS_DOCUMENT = re.compile(r"(?:इसमें|उसमें|इसमे|उसमे|जिसमें)(?:\s+(?:भी|यह|ये))*\s*$")
_LOOKBACK = 300


def document_speaker(
    ctx: Context, book: EntityBook, s: int, verb_start: int, dates
) -> tuple[Entity, str | None, int, int] | None:
    """(entity, role, NP start, content start) of the document a statement is reported from."""
    f = ctx.f
    m = _IN_DOCUMENT.search(f, s, verb_start)
    if m is not None and m.group("noun") in DOCUMENT_NOUNS:
        noun_end = m.end("noun")
    elif (rel := _RELATIVE.search(f, s, verb_start)) is not None:
        nouns = [w for w in _WORD.finditer(f, s, rel.start()) if w.group() in DOCUMENT_NOUNS]
        if not nouns:
            return None
        noun_end = nouns[-1].end()
        m = rel
    elif (this := _THIS_DOCUMENT.match(f, s, verb_start)) is not None or (
        (this := _THIS_DOCUMENT.search(f, s, verb_start)) is not None and this.start() == _lead_end(f, s)
    ):
        lo = max(0, s - _LOOKBACK)
        nouns = [w for w in _WORD.finditer(f, lo, s) if w.group() in DOCUMENT_NOUNS]
        if not nouns:
            return None
        got = speaker(ctx, book, nouns[-1].start(), nouns[-1].end(), "द्वारा", ())
        if got is None or got[3]:
            return None
        return got[0], got[1], this.start(), this.end()
    elif (op := _OPENS_IN_DOCUMENT.match(f, s, verb_start)) is not None and op.group(
        "noun"
    ) in DOCUMENT_NOUNS:
        noun_end, m = op.end("noun"), op
    else:
        return None
    got = speaker(ctx, book, s, noun_end, "द्वारा", dates)
    if got is None or got[3]:
        return None
    ent, role, np_start, _ = got
    return ent, role, np_start, m.end()


def _lead_end(f: str, s: int) -> int:
    """Where a sentence's words begin after leading spaces."""
    while s < len(f) and f[s].isspace():
        s += 1
    return s
