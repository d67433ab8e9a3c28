"""Claim patterns without a reporting-verb phrase of their own: genitive statements (X का कहना है),
anaphoric reports (यह जानकारी X ने दी, ये बातें X ने कहीं) and attributions (X के मुताबिक)."""

from __future__ import annotations

import re

from service.claims import lexicon as lx
from service.claims.content import NE_RE, Context, RawClaim, Sent, content_after, inside, last, speaker, trim
from service.claims.speaker_book import EntityBook
from service.claims.speakers import PRONOUNS
from service.claims.subjects import GENERIC_SUBJECTS

_QUOTE_MARK = re.compile('[“”"]')

_B, _A = lx.NOT_BEFORE, lx.NOT_AFTER
# "यह जानकारी X ने दी", "इसकी पुष्टि X ने की", "यह जानकारी X की ओर से दी गई", "इसकी पुष्टि X
# द्वारा की गई": the fact reported just before, and its source (active or passive agent).
_INFO_ANAPH = re.compile(_B + r"(?:यह|ये|इसकी|इस\s+बात\s+की)\s+(?P<noun>जानकारी|सूचना|पुष्टि)\s")
_INFO_VERB = {
    "जानकारी": re.compile(_B + r"(?:दी|दे\s+दी|दिया)" + _A),
    "सूचना": re.compile(_B + r"(?:दी|दे\s+दी|दिया)" + _A),
    "पुष्टि": re.compile(_B + r"(?:की|कर\s+दी|हुई)" + _A),
}
_KI_RE = re.compile(_B + "कि" + _A)
_INFO_REACH = 120  # characters from the noun to the end of its verb
_INFO_LEMMA = {"जानकारी": "जानकारी दी", "सूचना": "सूचना दी", "पुष्टि": "पुष्टि की"}
_CLAUSE_VERB = lx.Verb("", "", "clause", inline=True)


def _as_marker(pron: str) -> str:
    """The pronoun as a speaker marker: उसका/उसे (non-honorific) stay singular, उनका/उन्हें not."""
    if pron in PRONOUNS:
        return pron
    return "उसका" if pron.startswith(("उस", "इस")) else "उन्होंने"


def genitive(ctx: Context, book: EntityBook, out: list[RawClaim], sn: Sent) -> None:
    """X का कहना है कि … / उनका कहना है कि …"""
    f, s, e = ctx.f, sn.s, sn.e
    for rx in (lx.GENITIVE_RE, lx.GENITIVE_PRONOUN_RE, lx.DATIVE_RE, lx.DATIVE_PRONOUN_RE):
        dative = rx in (lx.DATIVE_RE, lx.DATIVE_PRONOUN_RE)
        for m in rx.finditer(f, s, e):
            if dative and len(_QUOTE_MARK.findall(f, s, m.start())) % 2:
                continue  # "… 'सभी को लगता है कि …'": inside someone's quotation
            pron = m.groupdict().get("pron")
            # the pronoun itself: उसका (non-honorific) may mean someone उनका would not
            sp = speaker(ctx, book, s, m.start(), _as_marker(pron) if pron else "का", sn.dates)
            if sp is None or (
                dative and sp[0].key.split()[-1:] and sp[0].key.split()[-1] in GENERIC_SUBJECTS
            ):
                continue
            ent, role, np_s, _ = sp
            c = content_after(f, m.end(), e, _CLAUSE_VERB)
            if c is None:
                continue
            lemma, vclass = lx.GENITIVE_LEMMA[m.group("noun").split()[0]]
            out.append(
                RawClaim(
                    ent, role, lemma, vclass, c[:2], c[2], (np_s, c[1]), (s, m.end()), sn.si, (s, np_s), 0.8
                )
            )
            out[-1].resolved_from, out[-1].mention = ("pronoun" if pron else "name"), np_s
            sn.consumed.append((c[0], e))


def info_anaphora(ctx: Context, book: EntityBook, out: list[RawClaim], sn: Sent) -> None:
    """“यह जानकारी X ने दी”: the content is the previous sentence of the paragraph."""
    f, s, e, si = ctx.f, sn.s, sn.e, sn.si
    m = _INFO_ANAPH.search(f, s, e)
    if not (m and si > 0 and ctx.sents[si - 1].paragraph == ctx.sents[si].paragraph):
        return
    # the source is named before any कि-clause, and the verb follows it closely
    # ("… ने इसकी पुष्टि करते हुए कहा कि … की ओर से …" is another construction)
    stop = min(e, m.end() + _INFO_REACH)
    ki = _KI_RE.search(f, m.end(), stop)
    stop = ki.start() if ki else stop
    noun, lo = m.group("noun"), m.end()
    agent = NE_RE.search(f, lo, stop) or lx.AGENT_RE.search(f, lo, stop)
    if agent is None and noun == "सूचना" and _INFO_VERB[noun].match(f, m.end(), stop):
        # "X ने इस बात की सूचना दी" (सूचना दी takes no object content in the verb table), of
        # a sentence that is no claim already
        if out and out[-1].sentence == si - 1:
            return
        agent, lo = last(NE_RE.finditer(f, s, m.start())), s
    if agent is None or not _INFO_VERB[noun].search(f, agent.end(), stop):
        return
    marker = agent.group() if agent.group() == "ने" else "द्वारा"
    sp = speaker(ctx, book, lo, agent.start(), marker, sn.dates)
    if sp is None:
        return
    prev = ctx.sents[si - 1]
    span = (prev.start, prev.end)
    out.append(
        RawClaim(
            sp[0],
            sp[1],
            _INFO_LEMMA[noun],
            "statement",
            span,
            "indirect",
            (prev.start, e),
            (s, e),
            si,
            (s, sp[2]),
            0.6,
        )
    )
    sn.consumed.append((s, e))


_SAID_ANAPH = re.compile(r"(?:यह|ये)\s+(?:बात|बातें)\s")
_SAID_VERB = re.compile(_B + r"(?:कही|कहीं|कहा|कहे|बताई|बताईं)" + _A)
# How many earlier sentences "ये बातें X ने कहीं" may refer back to.
_SAID_BACK = 4


def said_anaphora(ctx: Context, book: EntityBook, out: list[RawClaim], sn: Sent) -> None:
    """“ये बातें X ने … में कहीं”: the content is what came just before — the earlier sentences
    of this paragraph, or the previous paragraph when this sentence opens its own."""
    f, s, e, si = ctx.f, sn.s, sn.e, sn.si
    m = _SAID_ANAPH.match(f, s, e)
    if m is None or si == 0:
        return
    ne = NE_RE.search(f, m.end(), e)
    verb = _SAID_VERB.search(f, ne.end(), e) if ne and ne.group() == "ने" else None
    if verb is None:
        return
    sp = speaker(ctx, book, m.end(), ne.start(), "ने", sn.dates)
    if sp is None:
        return
    sents, para = ctx.sents, ctx.sents[si].paragraph
    if sents[si - 1].paragraph != para:
        para = sents[si - 1].paragraph  # the sentence opens its paragraph: the previous one
    first = si - 1
    while first > 0 and si - first < _SAID_BACK and sents[first - 1].paragraph == para:
        first -= 1
    span = (sents[first].start, sents[si - 1].end)
    out.append(
        RawClaim(sp[0], sp[1], "कहा", "statement", span, "indirect", (span[0], e), (s, e), si, (s, e), 0.6)
    )
    sn.consumed.append((s, e))


def attribution(ctx: Context, book: EntityBook, out: list[RawClaim], sn: Sent) -> None:
    """X के मुताबिक/अनुसार … (does not consume: a nested ने-claim may follow)."""
    f, s, e = ctx.f, sn.s, sn.e
    for m in lx.ATTRIBUTION_RE.finditer(f, s, e):
        if inside(m.start(), sn.consumed):
            continue
        sp = speaker(ctx, book, s, m.start(), "के", sn.dates)
        if sp is None:
            continue
        cs_, ce_ = trim(f, m.end(), e)
        if len(f[cs_:ce_].split()) < 3:
            continue
        verb = "के " + m.group("marker")
        span = (sp[2], ce_)
        out.append(
            RawClaim(
                sp[0],
                sp[1],
                verb,
                "attribution",
                (cs_, ce_),
                "indirect",
                span,
                (s, m.start()),
                sn.si,
                (s, sp[2]),
                0.5,
            )
        )
