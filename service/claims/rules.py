"""Claim extraction over folded text: a sentence loop that runs only the patterns its words can fire."""

from __future__ import annotations

import bisect
import re

from service.claims import bylines as claim_bylines
from service.claims import lexicon as lx
from service.claims import patterns as pt
from service.claims import plain_mentions
from service.claims import statements as st
from service.claims.content import NE_RE, NE_WORDS, Context, RawClaim, Sent, cached_np, inside, speaker
from service.claims.speaker_book import EntityBook
from service.claims.speakers import PRONOUNS
from service.claims.subjects import initial_person
from service.text.hindi import first_char_alternation

__all__ = ["Context", "RawClaim", "find_raw_claims"]

_STATEMENT_OF = re.compile(lx.NOT_BEFORE + r"(?:का|की)\s+(?:बयान|प्रतिक्रिया)" + lx.NOT_AFTER)
# Intransitive motion verbs take no ने: their subject is the sentence-initial direct-case NP
# ("नेता कल पटना पहुंचे"), and a following उसने/उन्होंने usually refers back to it.
_MOTION_END = re.compile(
    r"(?:(?:चला|चली|चले)\s+(?:गया|गई|गए|गये|गयी)|पहुंच(?:ा|ी|े|ीं)|लौट(?:ा|ी|े|ीं))"
    r"(?:\s+(?:था|थी|थे|है|हैं))?\s*[।.!]*$"
)
# The subject ends at a date, a particle or a comma; a case-marked NP (… से, … को) is no subject.
_NP_END = re.compile(r"\s(?:भी|ही|तो)(?=\s)|,")
_INFO = frozenset(["जानकारी"])
_ATTR = frozenset(["मुताबिक", "अनुसार"])
_STATEMENT = frozenset(["बयान", "प्रतिक्रिया"])
# Any of these words (or a ने-marker) is needed for a sentence to matter at all.
_TRIGGERS = lx.FIRST_WORDS | lx.GENITIVE_NOUNS | _INFO | _ATTR | _STATEMENT | frozenset(NE_WORDS)
_SUBJECT_WORDS = frozenset(NE_WORDS) | _STATEMENT  # what registration looks for
# Trigger words as whole tokens (delimited by whitespace, quotes, brackets or punctuation), found
# in one pass over the article. Each match starts at the delimiter before the word: a character
# class first lets the regex engine skip the letters inside words in C.
_SEP = "\\s\"'“”‘’(),;:।.!?\\-–—"


_ALT = first_char_alternation(_TRIGGERS)
_TRIGGER_SCAN = re.compile(f"[{_SEP}](?P<w>{_ALT})(?=[{_SEP}]|$)")
_TRIGGER_AT0 = re.compile(f"(?:{_ALT})(?=[{_SEP}]|$)")


_INFO_NOUNS = frozenset(["जानकारी", "सूचना", "पुष्टि"])  # "यह जानकारी / इसकी पुष्टि X ने दी / की"


def _sentence_triggers(f: str, sents) -> list[set[str]]:
    """Per sentence, the trigger words it contains as tokens (sentences end at delimiters)."""
    out: list[set[str]] = [set() for _ in sents]
    hits = []
    m = _TRIGGER_AT0.match(f)
    if m is not None:
        hits.append((0, m.group()))
    hits.extend((m.start("w"), m.group("w")) for m in _TRIGGER_SCAN.finditer(f))
    j, n = 0, len(sents)
    for p, w in hits:
        while j < n and sents[j].end <= p:
            j += 1
        if j < n and sents[j].start <= p:
            out[j].add(w)
    return out


def find_raw_claims(ctx: Context) -> list[RawClaim]:
    """Claims in text order; also fills ``ctx.antecedent`` (pronoun antecedent per sentence)."""
    f, book = ctx.f, EntityBook()
    out: list[RawClaim] = []
    all_dates = sorted(ctx.dates)
    date_starts = [d[0] for d in all_dates]
    antecedent = ctx.antecedent
    # Every pattern (and subject registration) is keyed by one of the trigger words.
    for si, (sent, toks) in enumerate(zip(ctx.sents, _sentence_triggers(f, ctx.sents), strict=True)):
        s, e = sent.start, sent.end
        antecedent.append(book.last[-1] if book.last else None)
        sd = _sentence_dates(all_dates, date_starts, s, e)
        plain_mentions.register(book, plain_mentions.scan(f, s, e, ctx.src, sd), s, f, s)
        if not toks:
            if not _nominative(ctx, book, s, e, sd) and _MOTION_END.search(f, max(s, e - 30), e):
                _motion_subject(ctx, book, si, s, e, sd)
            continue
        if f[e - 1] == "?" and len(f[s:e].split()) < 15:
            continue  # headline questions ("रूसी विदेश मंत्री ने क्या दी चेतावनी?")
        # Only this sentence's dates: they block speaker NPs; the article's full list made this quadratic.
        dates = sd
        sn = Sent(si, s, e, dates, [])
        n0 = len(out)
        if not lx.GENITIVE_NOUNS.isdisjoint(toks):
            st.genitive(ctx, book, out, sn)
        if not _INFO_NOUNS.isdisjoint(toks):
            st.info_anaphora(ctx, book, out, sn)
        if "ने" in toks and (f.startswith("ये बात", s) or f.startswith("यह बात", s)):
            st.said_anaphora(ctx, book, out, sn)
        if _LATER_PRONOUN.search(f, s + 1, e):
            # "प्रोफेसर X इससे सहमत नहीं हैं और उन्होंने कहा …": the direct-case subject comes first
            _nominative(ctx, book, s, e, dates)
        firsts = toks & lx.FIRST_WORDS
        if firsts:
            pt.reporting_verbs(ctx, book, out, sn, firsts)
        if not _ATTR.isdisjoint(toks):
            st.attribution(ctx, book, out, sn)
        # A sentence whose only claims are attributions ("X के मुताबिक Y ने धोखा किया") still
        # introduces its ने-subject Y for later pronouns.
        if all(c.verb_class == "attribution" for c in out[n0:]):
            if not _SUBJECT_WORDS.isdisjoint(toks):
                _register(ctx, book, sn, toks)
            elif len(out) == n0:  # "डीन डॉ. X वार्ड में पहुंचे और …": the direct-case subject is the topic
                _nominative(ctx, book, s, e, dates)
    claim_bylines.bylines(ctx, book, out)
    out.sort(key=lambda c: (c.span[0], c.span[1]))
    return out


_LATER_PRONOUN = re.compile(r"(?:,|\sऔर|\sतो)\s+(?:उन्होंने|उन्होने|उनका|उनकी|उनके)" + lx.NOT_AFTER)


def _sentence_dates(all_dates, date_starts, s: int, e: int) -> tuple[tuple[int, int], ...]:
    lo = bisect.bisect_left(date_starts, s)
    return tuple(all_dates[lo : bisect.bisect_left(date_starts, e, lo)])


def _nominative(ctx: Context, book: EntityBook, s: int, e: int, dates) -> bool:
    """Register a role-anchored person opening the sentence without ने (a later उन्होंने means them)."""
    # a role alone is no proof of a name ("आरोपित जबरदस्ती शादी करना चाहता था"): an honorific
    # or a motion verb ("… वार्ड में पहुंचे") is
    motion = _MOTION_END.search(ctx.f, max(s, e - 30), e) is not None
    end = initial_person(ctx, s, e, need_honorific=not motion)
    return end is not None and speaker(ctx, book, s, end, "ने", dates) is not None


def _motion_subject(ctx: Context, book: EntityBook, si: int, s: int, e: int, dates) -> None:
    """Register the sentence-initial subject of an intransitive motion verb (it carries no ने)."""
    end = _NP_END.search(ctx.f, s, e)
    pos = end.start() if end else e
    for ds, _de in dates:
        pos = min(pos, ds)
    np = cached_np(ctx, pos, s, dates)
    if np is not None and np.start == s and len(np.tokens) <= 4:
        speaker(ctx, book, s, pos, "ने", dates)


def _register(ctx: Context, book: EntityBook, sn: pt.Sent, toks: set[str]) -> None:
    """Register the ने-subjects of a claim-free sentence so that later pronouns resolve to them."""
    f, s, e = ctx.f, sn.s, sn.e
    if not _STATEMENT.isdisjoint(toks):
        for sm in _STATEMENT_OF.finditer(f, s, e):  # "X का बयान" introduces X
            speaker(ctx, book, s, sm.start(), "का", sn.dates)
    # A subject inside a कि-clause ("… कहा कि पीएम मोदी ने … फैसला किया") is reported, not the
    # topic: a following उन्होंने still means the reporter.
    ki = f.find(" कि ", s, e)
    for ne in NE_RE.finditer(f, s, ki if ki >= 0 else e):
        if ne.group() == "ने" and not inside(ne.start(), sn.consumed):
            np = cached_np(ctx, ne.start(), s, sn.dates)
            if np is not None and len(np.tokens) <= 8:
                speaker(ctx, book, s, ne.start(), "ने", sn.dates)
        elif ne.group() in PRONOUNS:
            book.pronoun()
