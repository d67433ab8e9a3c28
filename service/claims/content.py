"""Shared claim-rule pieces: per-article context, raw claims, content spans and speaker lookup."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from service.claims import addressee, plain_mentions
from service.claims import lexicon as lx
from service.claims.speaker_book import Entity, EntityBook
from service.claims.speakers import PRONOUNS, SKIP_PRONOUNS, np_before, split_role_name
from service.text.hindi import first_char_alternation, source_end
from service.text.lexicon import word_set
from service.text.sentences import Sentence

_B, _A = lx.NOT_BEFORE, lx.NOT_AFTER
NE_WORDS = "ने उन्होंने इन्होंने उसने इसने मैंने हमने आपने जिन्होंने जिसने किसने सबने".split()


def _word_alternation(words: list[str]) -> str:
    """Whole-word alternation whose branches start with a literal character (the word-boundary
    lookbehind follows it), so the regex engine skips impossible positions in C."""
    return "(?:" + first_char_alternation(words, after_first=f"(?<![{lx.WORD_CHARS}].)") + ")" + _A


NE_RE = re.compile(_word_alternation(NE_WORDS))
# उसने, उसका, इसने, वह: singular (उन्होंने, उनका, वे are plural or honorific)
SINGULAR_PRONOUNS = frozenset(w for w in PRONOUNS if w.startswith(("उस", "इस")) or w == "वह")
# "माना की पहले …": की is a common typing of the complementizer कि, never of a light verb here
# (the verb match already took its own की) — unless a passive or another verb follows it.
_KI_RE = re.compile(r"\s*,?\s*(?:कि|की(?=\s)(?!\s+(?:गई|गयी|गए|गये|जा|जाती|जाने|है|हैं|थी|थे|थीं)" + _A + r"))" + _A)
_OPEN_QUOTE = re.compile(r"\s*[,:\-–—]?\s*(“|‘|''|\"|')")
_COMMA_CONTENT = re.compile(
    r"\s*[,:\-–—]\s*(?!(?:जो|जिसे|जिसके|जिससे|जिन्हें|जिसमें|लेकिन|मगर|और|तो|जबकि|तथा)" + _A + r")\S"
)
_NO_INLINE = re.compile(r"\s*(?:और|तथा|एवं|व|लेकिन|मगर|जबकि|तो|,|था|थे|थी|है|हैं|गया|गई|जा|कि)" + _A)
_ASCII_CLOSE = re.compile(r"''|\"|'(?![\w\u0900-\u097f])")
_DATE_LEAD = re.compile(r"\s*(?:को|में|से)?\s*")
_CLOSE = {"“": "”", "‘": "’"}
_NOT_SPEAKER = word_set("claims", "not_speaker_heads.txt")
QCHARS = "\"'“”‘’"
_GEN_POST = ("के", "की", "का")


@dataclass(slots=True)
class Context:
    f: str
    sents: list[Sentence]
    dates: list[tuple[int, int]]
    places: list[tuple[int, int]]
    text: str = ""
    fmap: Any = field(default_factory=list)
    antecedent: list[Entity | None] = field(default_factory=list)
    np_cache: dict = field(default_factory=dict)

    def src(self, fs: int, fe: int) -> str:
        """Source text of a folded span (names keep their original spelling)."""
        if not self.text or fe <= fs:
            return self.f[fs:fe]
        return self.text[self.fmap[fs] : source_end(self.text, self.fmap[fe - 1] + 1)]


@dataclass(slots=True)
class RawClaim:
    entity: Entity
    role: str | None
    lemma: str
    verb_class: str
    content: tuple[int, int]  # folded offsets
    quote_type: str
    span: tuple[int, int]
    date_region: tuple[int, int]
    sentence: int
    pre_speaker: tuple[int, int]  # where "X में" place cues of this claim may be
    confidence: float
    excluded: tuple[tuple[int, int], ...] = ()
    date: Any = None
    # How the speaker was found: name | pronoun | continuation | document, and where (folded
    # offset of the mention it was resolved from: the NP, the pronoun, the previous claim's NP).
    resolved_from: str = "name"
    mention: int = -1


@dataclass(slots=True)
class Sent:
    """Per-sentence state shared by the patterns."""

    si: int
    s: int
    e: int
    dates: tuple[tuple[int, int], ...]
    consumed: list[tuple[int, int]]


def inside(pos: int, spans) -> bool:
    for a, b in spans:
        if a <= pos < b:
            return True
    return False


def verb_matches(f: str, s: int, e: int, st: str, firsts: set[str]) -> list[re.Match[str]]:
    """Reporting-verb matches in a sentence, tried only where a verb's first word occurs (speed)."""
    cands: set[int] = set()
    for w in firsts:
        k = st.find(w)
        while k >= 0:
            cands.add(s + k)
            k = st.find(w, k + 1)
    out: list[re.Match[str]] = []
    last_end = -1
    for p in sorted(cands):
        if p < last_end:
            continue
        m = lx.VERB_RE.match(f, p, e)
        if m:
            out.append(m)
            last_end = m.end()
    return out


def last(it):
    found = None
    for found in it:  # noqa: B007 - we want the last match
        pass
    return found


def trim(f: str, s: int, e: int) -> tuple[int, int]:
    while s < e and f[s] in " \t,;:–—-":
        s += 1
    while e > s and f[e - 1] in " \t,;:":
        e -= 1
    return s, e


def quote_end(f: str, qs: int, mark: str, hi: int) -> int:
    """End (exclusive, after the closing mark) of a quotation opened by ``mark`` at ``qs``."""
    if mark in _CLOSE:
        k = f.find(_CLOSE[mark], qs + 1, hi)
        return k + 1 if k >= 0 else hi
    m = _ASCII_CLOSE.search(f, qs + len(mark), hi)
    return m.end() if m else hi


def content_after(f: str, v_end: int, e: int, verb: lx.Verb) -> tuple[int, int, str] | None:
    """(start, end, quote_type) of content that follows the verb, if any."""
    m = _KI_RE.match(f, v_end, e)
    if m:
        if verb.lemma == "पूछा":
            e = addressee.question_end(f, m.end(), e)
        s, t = trim(f, m.end(), e)
        return (s, t, "indirect") if t > s else None
    m = _OPEN_QUOTE.match(f, v_end, e)
    if m:
        return m.start(1), quote_end(f, m.start(1), m.group(1), e), "direct"
    m = _COMMA_CONTENT.match(f, v_end, e)
    if m:
        s, t = trim(f, m.end() - 1, e)
        return (s, t, "direct") if t > s else None
    if verb.inline and not _NO_INLINE.match(f, v_end, e):
        s, t = trim(f, v_end, e)
        if len(f[s:t].split()) >= 3:
            return s, t, "indirect"
    return None


def skip_dates(f: str, s: int, e: int, dates: tuple[tuple[int, int], ...]) -> int:
    """Drop a leading date phrase ("शनिवार (12 जुलाई) को") from object content."""
    for ds, de in dates:
        if ds == s and de < e:
            m = _DATE_LEAD.match(f, de, e)
            return m.end() if m else de
    return s


def cached_np(ctx: Context, pos: int, lo: int, blocked: tuple[tuple[int, int], ...]):
    """``np_before`` memoized per article: several verbs often share one ने-subject."""
    key = (pos, lo, blocked)
    np = ctx.np_cache.get(key, key)
    if np is key:
        np = ctx.np_cache[key] = np_before(ctx.f, pos, lo, blocked=blocked)
    return np


def _pronoun(book: EntityBook, pronoun: str, at: int) -> Entity | None:
    """The antecedent of a pronoun at ``at``: for the non-honorific उसने/उसका/वह, a plain person
    mentioned lately (an accused, a patient) rather than an official or organization."""
    if pronoun not in SINGULAR_PRONOUNS:
        return book.pronoun()
    ent = book.pronoun(singular=True)
    if ent is None or plain_mentions.official(ent):
        plain = plain_mentions.plain_antecedent(book, at)
        if plain is not None:
            return book.pronoun_target(plain)
    return ent


_DEMONSTRATIVES = frozenset(["इन", "उन"])


def speaker(
    ctx: Context,
    book: EntityBook,
    lo: int,
    marker_start: int,
    marker: str,
    blocked: tuple[tuple[int, int], ...],
) -> tuple[Entity, str | None, int, bool] | None:
    """(entity, role, NP start, via pronoun) for the speaker whose marker starts at ``marker_start``."""
    if marker in SKIP_PRONOUNS:
        return None
    if marker in PRONOUNS:
        asked = addressee.asked(ctx.f, lo, marker_start)
        if asked is not None and (got := speaker(ctx, book, *asked, "से", blocked)) is not None:
            return book.pronoun_target(got[0]), None, marker_start, True  # the one asked answers
        ent = _pronoun(book, marker, marker_start)
        return (ent, None, marker_start, True) if ent else None
    np = cached_np(ctx, marker_start, lo, blocked)
    if np is None:
        return None
    pairs = []
    for t, sp in zip(np.tokens, np.spans, strict=True):
        t = t.strip(QCHARS)
        if t:
            pairs.append((t, sp))
    if len(pairs) == 1 and pairs[0][0] in PRONOUNS:
        ent = _pronoun(book, pairs[0][0], np.start)
        return (ent, None, np.start, True) if ent else None
    while pairs and pairs[0][0] in _GEN_POST:
        pairs = pairs[1:]
    if not pairs or pairs[-1][0] in _NOT_SPEAKER:
        return None
    bare = [t for t, _ in pairs]
    if len(bare) == 2 and bare[0] in _DEMONSTRATIVES and bare[1].endswith("ों"):
        ent = book.demonstrative(bare[1])  # "इन मौलवियों का कहना है": a group named before
        if ent is not None:
            return ent, None, np.start, True
    words = [ctx.src(*sp).strip(QCHARS) for _, sp in pairs]
    source_np = " ".join(words)
    generic = None
    if len(bare) == 1 or (len(bare) >= 3 and bare[-2] in _GEN_POST):
        generic = book.generic_org(bare[-1])
    if generic is not None:
        generic.aliases.add(source_np)
        return generic, None, np.start, False
    parts = split_role_name(words, bare)
    if any(ps <= np.start and np.end <= pe for ps, pe in ctx.places):
        parts = type(parts)(None, source_np, "organization", ())
    ent = book.resolve(parts, " ".join(bare), source_np)
    return ent, parts.role, np.start, False


# A fronted object in the से case ("… करने से X ने इनकार किया"); "X के हवाले से" is a source.
# (की/को objects are left alone: the NP finder cannot tell "… की याचिका" from the speaker.)
_FRONTED_END = re.compile(r"(?<!हवाले)\s+से\s*,?\s*$")


def fronted_object(f: str, s: int, np_s: int, dates) -> tuple[int, int] | None:
    """The object placed before the ने-speaker, without its case marker, if it is one (3+ words)."""
    if np_s <= s:
        return None
    m = _FRONTED_END.search(f, s, np_s)
    if m is None:
        return None
    os_, oe = trim(f, s, m.start())
    os_ = skip_dates(f, os_, oe, dates)
    if any(ds < oe and de > os_ for ds, de in dates) or len(f[os_:oe].split()) < 3:
        return None
    return os_, oe
