"""Claim patterns over folded text: ने + reporting verb, का कहना है, के मुताबिक, passive agents, bylines."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from service import claim_lexicon as lx
from service.sentences import Sentence
from service.speakers import PRONOUNS, SKIP_PRONOUNS, Entity, EntityBook, np_before, split_role_name

_B, _A = lx.NOT_BEFORE, lx.NOT_AFTER
NE_RE = re.compile(_B + r"(?:ने|उन्होंने|इन्होंने|उसने|इसने|मैंने|हमने|आपने|जिन्होंने|जिसने|किसने|सबने)" + _A)
_KI_RE = re.compile(r"\s*,?\s*कि" + _A)
_OPEN_QUOTE = re.compile(r"\s*[,:\-–—]?\s*(“|‘|''|\"|')")
_COMMA_CONTENT = re.compile(
    r"\s*[,:]\s*(?!(?:जो|जिसे|जिसके|जिससे|जिन्हें|जिसमें|लेकिन|मगर|और|तो|जबकि|तथा)" + _A + r")\S"
)
_NO_INLINE = re.compile(r"\s*(?:और|तथा|एवं|व|लेकिन|मगर|जबकि|तो|,|था|थे|थी|है|हैं|गया|गई|जा|कि)" + _A)
_PRE_QUOTE = re.compile(r"[”’\"']\s*,\s*$")
_ANAPH_EDGE = re.compile(
    r"^(?:यह|ये)\s+(?:बात|बातें)" + _A + r"|(?:इसकी|इसके|इस\s+बात\s+की|इस\s+संबंध\s+में|इस\s+बारे\s+में|यह|ये)$"
)
_ANAPHORIC = re.compile(
    r"^(?:(?:यह|ये|इसकी|इसके|इस|उस|इन|ऐसा)(?:\s+(?:बात|बातें|बारे|संबंध|बात\s+की|में|भी|ही|जानकारी))*)?$"
)
_INFO_ANAPH = re.compile(_B + r"(?:यह|ये|इसकी|इस\s+बात\s+की)\s+जानकारी\s")
_DI_RE = re.compile(_B + r"(?:दी|दे\s+दी|दिया)" + _A)
_DASH_BYLINE = re.compile(r"(?<!\S)[-–—]\s*([^\s\-–—][^।.!?\n\-–—]{1,80})$")
_NOT_SPEAKER = frozenset("आंकड़ों आंकड़े आंकडों नियम नियमों अधिनियम धर्म कानून परंपरा हिसाब योजना".split())
_DATE_LEAD = re.compile(r"\s*(?:को|में|से)?\s*")
_CLOSE = {"“": "”", "‘": "’"}
_TOK_SPLIT = re.compile(r"[\s\"'“”‘’(),;:।.!?\-–—]+")

_CONTINUE = re.compile(
    r"^\s*(?:(?:साथ\s+ही|इसके\s+साथ\s+ही|इसके\s+अलावा|आगे|फिर|यह\s+भी|और|उन्होंने\s+यह\s+भी)\s*,?\s*)+$"
)
_STATEMENT_OF = re.compile(_B + r"(?:का|की)\s+(?:बयान|प्रतिक्रिया)" + _A)
_QCHARS = "\"'“”‘’"
_CONJ = re.compile(r"(?:और|तथा|एवं|व)\s+")


@dataclass(slots=True)
class Context:
    f: str
    sents: list[Sentence]
    dates: list[tuple[int, int]]
    places: list[tuple[int, int]]
    text: str = ""
    fmap: list[int] = field(default_factory=list)
    antecedent: list[Entity | None] = field(default_factory=list)

    def src(self, fs: int, fe: int) -> str:
        """Source text of a folded span (names keep their original spelling)."""
        if not self.text or fe <= fs:
            return self.f[fs:fe]
        return self.text[self.fmap[fs] : self.fmap[fe - 1] + 1]


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


def _verb_matches(f: str, s: int, e: int, st: str, toks: set[str]) -> list[re.Match[str]]:
    """Reporting-verb matches in a sentence, tried only where a verb's first word occurs (speed)."""
    firsts = toks & lx.FIRST_WORDS
    if not firsts:
        return []
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


def _chain(*its):
    for it in its:
        yield from it


def _last(it):
    found = None
    for found in it:  # noqa: B007 - we want the last match
        pass
    return found


def _trim(f: str, s: int, e: int) -> tuple[int, int]:
    while s < e and f[s] in " \t,;:–—-":
        s += 1
    while e > s and f[e - 1] in " \t,;:":
        e -= 1
    return s, e


def _quote_end(f: str, qs: int, mark: str, hi: int) -> int:
    """End (exclusive, after the closing mark) of a quotation opened by ``mark`` at ``qs``."""
    if mark in _CLOSE:
        k = f.find(_CLOSE[mark], qs + 1, hi)
        return k + 1 if k >= 0 else hi
    m = re.compile(r"''|\"|'(?![\w\u0900-\u097f])").search(f, qs + len(mark), hi)
    return m.end() if m else hi


def _speaker(
    ctx: Context,
    book: EntityBook,
    f: str,
    lo: int,
    marker_start: int,
    marker: str,
    blocked: tuple[tuple[int, int], ...],
) -> tuple[Entity, str | None, int, bool] | None:
    """(entity, role, NP start, via pronoun) for the speaker whose marker starts at ``marker_start``."""
    if marker in SKIP_PRONOUNS:
        return None
    if marker in PRONOUNS or marker in ("उन्होंने", "इन्होंने", "उसने", "इसने"):
        ent = book.pronoun()
        return (ent, None, marker_start, True) if ent else None
    np = np_before(f, marker_start, lo, blocked=blocked)
    if np is None:
        return None
    pairs = [(t.strip(_QCHARS), sp) for t, sp in zip(np.tokens, np.spans, strict=True)]
    pairs = [(t, sp) for t, sp in pairs if t]
    if len(pairs) == 1 and pairs[0][0] in PRONOUNS:
        ent = book.pronoun()
        return (ent, None, np.start, True) if ent else None
    while pairs and pairs[0][0] in ("के", "की", "का"):
        pairs = pairs[1:]
    if not pairs or pairs[-1][0] in _NOT_SPEAKER:
        return None
    bare = [t for t, _ in pairs]
    words = [ctx.src(*sp).strip(_QCHARS) for _, sp in pairs]
    source_np = " ".join(words)
    generic = None
    if len(bare) == 1 or (len(bare) >= 3 and bare[-2] in ("के", "की", "का")):
        generic = book.generic_org(bare[-1])
    if generic is not None:
        generic.aliases.add(source_np)
        return generic, None, np.start, False
    parts = split_role_name(words, bare)
    if any(ps <= np.start and np.end <= pe for ps, pe in ctx.places):
        parts = type(parts)(None, source_np, "organization", ())
    ent = book.resolve(parts, " ".join(bare), source_np)
    return ent, parts.role, np.start, False


def _content_after(f: str, v_end: int, e: int, verb: lx.Verb) -> tuple[int, int, str] | None:
    """(start, end, quote_type) of content that follows the verb, if any."""
    m = _KI_RE.match(f, v_end, e)
    if m:
        s, t = _trim(f, m.end(), e)
        return (s, t, "indirect") if t > s else None
    m = _OPEN_QUOTE.match(f, v_end, e)
    if m:
        qe = _quote_end(f, m.start(1), m.group(1), e)
        return m.start(1), qe, "direct"
    m = _COMMA_CONTENT.match(f, v_end, e)
    if m:
        s, t = _trim(f, m.end() - 1, e)
        return (s, t, "direct") if t > s else None
    if verb.inline and not _NO_INLINE.match(f, v_end, e):
        s, t = _trim(f, v_end, e)
        if len(f[s:t].split()) >= 3:
            return s, t, "indirect"
    return None


def find_raw_claims(ctx: Context) -> list[RawClaim]:
    """Claims in text order; also fills ``ctx.antecedent`` (pronoun antecedent per sentence)."""
    f, book = ctx.f, EntityBook()
    out: list[RawClaim] = []
    all_dates = sorted(ctx.dates)
    date_starts = [d[0] for d in all_dates]
    for si, sent in enumerate(ctx.sents):
        s, e = sent.start, sent.end
        # Only this sentence's dates: they block speaker NPs; the article's full list made this quadratic.
        dates = tuple(all_dates[bisect.bisect_left(date_starts, s) : bisect.bisect_left(date_starts, e)])
        ctx.antecedent.append(book.last[-1] if book.last else None)
        if f[e - 1] == "?" and len(f[s:e].split()) < 15:
            continue  # headline questions ("रूसी विदेश मंत्री ने क्या दी चेतावनी?")
        consumed: list[tuple[int, int]] = []
        n0 = len(out)

        def add(ent, role, lemma, vclass, content, qtype, span, region, pre, conf, excluded=(), si=si):
            out.append(
                RawClaim(ent, role, lemma, vclass, content, qtype, span, region, si, pre, conf, excluded)
            )

        # X का कहना है कि … / उनका कहना है कि …
        st = f[s:e]
        toks = set(_TOK_SPLIT.split(st))
        has_gen = not lx.GENITIVE_NOUNS.isdisjoint(toks)
        gen_iter = (
            _chain(lx.GENITIVE_RE.finditer(f, s, e), lx.GENITIVE_PRONOUN_RE.finditer(f, s, e))
            if has_gen
            else ()
        )
        for m in gen_iter:
            marker = m.group("pron") if "pron" in m.groupdict() and m.group("pron") else "का"
            sp = _speaker(ctx, book, f, s, m.start(), "उन्होंने" if marker != "का" else "का", dates)
            if sp is None:
                continue
            ent, role, np_s, _ = sp
            c = _content_after(f, m.end(), e, lx.Verb("", "", "clause", inline=True))
            if c is None:
                continue
            lemma, vclass = lx.GENITIVE_LEMMA[m.group("noun")]
            add(ent, role, lemma, vclass, c[:2], c[2], (np_s, c[1]), (s, m.end()), (s, np_s), 0.8)
            consumed.append((c[0], e))
        # “यह जानकारी X ने दी” — the content is the previous sentence.
        m = _INFO_ANAPH.search(f, s, e) if "जानकारी" in toks else None
        if m and si > 0 and ctx.sents[si - 1].paragraph == sent.paragraph:
            ne = NE_RE.search(f, m.end(), e)
            di = _DI_RE.search(f, ne.end(), e) if ne else None
            if ne and di:
                sp = _speaker(ctx, book, f, m.end(), ne.start(), ne.group(), dates)
                if sp is not None:
                    prev = ctx.sents[si - 1]
                    add(
                        sp[0],
                        sp[1],
                        "जानकारी दी",
                        "statement",
                        (prev.start, prev.end),
                        "indirect",
                        (prev.start, e),
                        (s, e),
                        (s, sp[2]),
                        0.6,
                    )
                    consumed.append((s, e))
        # X ने … <reporting verb> …
        last_verb_end: dict[int, int] = {}
        for m in _verb_matches(f, s, e, st, toks):
            if any(cs <= m.start() < ce for cs, ce in consumed):
                continue
            verb = lx.verb_of(m)
            passive = lx.PASSIVE_AFTER.match(f, m.end())
            ne = _last(NE_RE.finditer(f, s, m.start()))
            if ne is not None and any(cs <= ne.start() < ce for cs, ce in consumed):
                ne = None
            pre_quote = None
            if ne is not None:
                sp = _speaker(ctx, book, f, s, ne.start(), ne.group(), dates + tuple(consumed))
                if sp is None:
                    continue
                ent, role, np_s, via_pronoun = sp
                conf = 0.85 - (0.1 if via_pronoun else 0.0)
                pq = _PRE_QUOTE.search(f, s, np_s)
                if pq and f[s] in "“‘\"'":
                    pre_quote = _trim(f, s, pq.start() + 1)
                obj_start = max(ne.end(), last_verb_end.get(ne.start(), 0))
            elif passive:
                ag = _last(lx.AGENT_RE.finditer(f, s, m.start()))
                if ag is None:
                    continue  # passive without a named agent: not a claim (documented choice)
                sp = _speaker(ctx, book, f, s, ag.start(), "द्वारा", dates)
                if sp is None:
                    continue
                ent, role, np_s, _ = sp
                conf = 0.6
                obj_start = ag.end()
            elif _CONTINUE.match(f[s : m.start()]) and out and out[-1].sentence >= si - 2:
                # Subject carried over from the previous claim: "साथ ही मांग की है कि …".
                if _content_after(f, m.end(), e, verb) is None:
                    continue
                ent, role, np_s, conf, obj_start = out[-1].entity, None, s, 0.6, m.start()
            else:
                continue
            v_end = m.end() + (passive.end() - m.end() if passive else 0)
            if ne is not None:
                last_verb_end[ne.start()] = m.end()
            lemma = lx.lemma_of(m)
            if pre_quote is not None:
                content, qtype = pre_quote, "direct"
                region, excluded = (pre_quote[1], m.end()), (pre_quote,)
            else:
                c = _content_after(f, v_end, e, verb)
                if c is not None:
                    content, qtype = c[:2], c[2]
                    region, excluded = (s, m.start()), ()
                elif verb.content == "object":
                    os_, oe = _trim(f, obj_start, m.start())
                    os_ = _skip_dates(f, os_, oe, dates)
                    cj = _CONJ.match(f, os_, oe)
                    os_ = cj.end() if cj else os_
                    obj = f[os_:oe]
                    if len(obj.split()) < 2 or _ANAPHORIC.match(obj) or _ANAPH_EDGE.search(obj) or passive:
                        continue
                    content, qtype = (os_, oe), "indirect"
                    region, excluded = (s, m.end()), ()
                    conf -= 0.1
                else:
                    continue
            span = (min(np_s, content[0]), max(content[1], m.end()))
            add(ent, role, lemma, verb.verb_class, content, qtype, span, region, (s, np_s), conf, excluded)
            if content[0] >= m.start():
                consumed.append((content[0], e))
        # X के मुताबिक/अनुसार … (attribution; does not consume, a nested ने-claim may follow)
        has_attr = "मुताबिक" in toks or "अनुसार" in toks
        for m in lx.ATTRIBUTION_RE.finditer(f, s, e) if has_attr else ():
            if any(cs <= m.start() < ce for cs, ce in consumed):
                continue
            sp = _speaker(ctx, book, f, s, m.start(), "के", dates)
            if sp is None:
                continue
            cs_, ce_ = _trim(f, m.end(), e)
            if len(f[cs_:ce_].split()) < 3:
                continue
            verb = "के " + m.group("marker")
            add(
                sp[0],
                sp[1],
                verb,
                "attribution",
                (cs_, ce_),
                "indirect",
                (sp[2], ce_),
                (s, m.start()),
                (s, sp[2]),
                0.5,
            )
        # Register other ने-subjects so that later pronouns resolve to them.
        if len(out) == n0:
            has_st = "बयान" in toks or "प्रतिक्रिया" in toks
            for sm in _STATEMENT_OF.finditer(f, s, e) if has_st else ():  # "X का बयान" introduces X
                _speaker(ctx, book, f, s, sm.start(), "का", dates)
            for ne in NE_RE.finditer(f, s, e):
                if ne.group() == "ने" and not any(cs <= ne.start() < ce for cs, ce in consumed):
                    np = np_before(f, ne.start(), s, blocked=dates)
                    if np is not None and len(np.tokens) <= 8:
                        _speaker(ctx, book, f, s, ne.start(), "ने", dates)
                elif ne.group() in PRONOUNS:
                    book.pronoun()
    _bylines(ctx, book, out)
    out.sort(key=lambda c: (c.span[0], c.span[1]))
    return out


def _skip_dates(f: str, s: int, e: int, dates: tuple[tuple[int, int], ...]) -> int:
    """Drop a leading date phrase ("शनिवार (12 जुलाई) को") from object content."""
    for ds, de in dates:
        if ds == s and de < e:
            m = _DATE_LEAD.match(f, de, e)
            return m.end() if m else de
    return s


def _bylines(ctx: Context, book: EntityBook, out: list[RawClaim]) -> None:
    """Quote boxes that end with "-नाम, पद": the paragraph is the named person's direct quote."""
    f = ctx.f
    paras: dict[int, list[int]] = {}
    for i, snt in enumerate(ctx.sents):
        paras.setdefault(snt.paragraph, []).append(i)
    for idxs in paras.values():
        first, last = ctx.sents[idxs[0]], ctx.sents[idxs[-1]]
        m = _DASH_BYLINE.search(f, last.start, last.end)
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
        cs, ce = _trim(f, first.start, m.start())
        out.append(
            RawClaim(
                ent,
                role,
                "कहा",
                "statement",
                (cs, ce),
                "direct",
                (first.start, last.end),
                (m.start(), m.end()),
                idxs[-1],
                (m.start(), m.start()),
                0.6,
            )
        )
