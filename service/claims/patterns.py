"""Claim patterns for one sentence: का कहना है, यह जानकारी … दी, X ने + verb, के मुताबिक."""

from __future__ import annotations

import re

from service.claims import addressee
from service.claims import lexicon as lx
from service.claims.content import (
    NE_RE,
    Context,
    RawClaim,
    Sent,
    content_after,
    fronted_object,
    inside,
    last,
    skip_dates,
    speaker,
    trim,
    verb_matches,
)
from service.claims.documents import document_speaker
from service.claims.joint import joint_speakers
from service.claims.speaker_book import EntityBook
from service.claims.subjects import direct_subject

_B, _A = lx.NOT_BEFORE, lx.NOT_AFTER
_PRE_QUOTE = re.compile(r"(?:[,।.!?]\s*[”’\"']|[”’\"']\s*,)\s*$")
_ANAPH_EDGE = re.compile(
    r"^(?:यह|ये)\s+(?:बात|बातें)" + _A + r"|(?:इसकी|इसके|इस\s+बात\s+की|इस\s+संबंध\s+में|इस\s+बारे\s+में|यह|ये)$"
)
_ANAPHORIC = re.compile(
    r"^(?:(?:यह|ये|इसकी|इसके|इस|उस|इन|ऐसा)(?:\s+(?:बात|बातें|बारे|संबंध|बात\s+की|में|भी|ही|जानकारी))*)?$"
)
# "X ने … अपने बयान में यह बातें कहीं": the words were reported before (already claims).
_THESE_WORDS = re.compile(_B + r"(?:यह|ये)\s+(?:बात|बातें)" + _A)
# An object that is only "<someone> को (भी)" names the addressee (पीड़िता को धमकाया), not the content.
_ADDRESSEE_ONLY = re.compile(r"^(?:\S+\s+){0,3}\S+\s+को(?:\s+(?:भी|ही))?$")
# ... except where को marks the theme itself (प्रस्ताव को खारिज किया, चुनौती को स्वीकार किया).
_THEME_KO = frozenset(["denial", "confirmation"])
_CONJ = re.compile(r"(?:और|तथा|एवं|व)\s+")
# An object that is only where it was said ("X ने बयान में चेतावनी दी"): no content of its own.
# "खुद को रेलवे अफसर बताया", "अपना नाम राजू बताया": how someone presented himself, no report
_SELF_NAMING = re.compile(r"(?:(?:उसने|उन्होंने)\s+)?(?:खुद|स्वयं|अपने\s+आप)\s+को\s|अपना\s+नाम\s")
_WHERE_ONLY = re.compile(r"^(?:\S+\s+){0,2}\S+\s+में(?:\s+(?:भी|ही))?$")
_LEAD_PARTICLE = re.compile(r"(?:भी|ही|तो)\s+")
_KI_OR_QUOTE = re.compile(r"\s*(?:,?\s*कि" + _A + r"|[,:\-–—]?\s*[“‘\"'])")


def reporting_verbs(ctx: Context, book: EntityBook, out: list[RawClaim], sn: Sent, firsts: set[str]) -> None:
    """X ने … <reporting verb> …, passive with a named agent, and subject carried over (साथ ही …)."""
    f, s, e, si, dates, consumed = ctx.f, sn.s, sn.e, sn.si, sn.dates, sn.consumed
    last_verb_end: dict[int, int] = {}
    for m in verb_matches(f, s, e, f[s:e], firsts):
        if inside(m.start(), consumed):
            _nested(ctx, book, out, sn, m)
            continue
        verb = lx.verb_of(m)
        passive = lx.PASSIVE_AFTER.match(f, m.end())
        ne = last(NE_RE.finditer(f, s, m.start()))
        if ne is not None and inside(ne.start(), consumed):
            ne = None
        pre_quote, via_pronoun, how = None, False, "name"
        if ne is not None and passive and not _KI_OR_QUOTE.match(f, passive.end(), e):
            continue  # "X ने … पर लिखी गई पुस्तक भेंट की": a participle, not X's report
        if ne is not None:
            # "पुलिस ने X से पूछताछ की तो बताया कि …": the one asked answers, not the asker
            one_asked = addressee.asked(f, ne.start(), m.start())
            sp = speaker(ctx, book, *one_asked, "से", dates) if one_asked else None
            sp = sp or speaker(ctx, book, s, ne.start(), ne.group(), dates + tuple(consumed))
            if sp is None:
                continue
            ent, role, np_s, via_pronoun = sp
            conf = 0.85 - (0.1 if via_pronoun else 0.0)
            how = "pronoun" if via_pronoun else "name"
            pq = _PRE_QUOTE.search(f, s, np_s)
            if pq and f[s] in "“‘\"'":
                pre_quote = trim(f, s, pq.start() + 1)
            obj_start = max(ne.end(), last_verb_end.get(ne.start(), 0))
        elif passive:
            ag = last(lx.AGENT_RE.finditer(f, s, m.start()))
            if ag is None:
                # No agent: a document may be the speaker ("याचिका में कहा गया है"); else no claim.
                doc = document_speaker(ctx, book, s, m.start(), dates)
                if doc is None:
                    continue
                ent, role, np_s, obj_start = doc
                conf, how = 0.6, "document"
            else:
                sp = speaker(ctx, book, s, ag.start(), "द्वारा", dates)
                if sp is None:
                    continue
                ent, role, np_s, _ = sp
                conf = 0.6
                obj_start = ag.end()
        elif verb.direct:
            sp = direct_subject(ctx, book, s, m.start(), dates)
            if sp is None or content_after(f, m.end(), e, verb) is None:
                continue
            ent, role, np_s, conf, obj_start = sp[0], None, sp[1], 0.6, m.start()
        elif out and (
            (lx.CONTINUE_RE.match(f[s : m.start()]) and _near(ctx, out[-1].sentence, si))
            or (lx.ZERO_SUBJECT_RE.match(f[s : m.start()]) and _adjacent(ctx, out[-1].sentence, si))
        ):
            # Subject carried over from the previous claim: "साथ ही मांग की है कि …".
            if content_after(f, m.end(), e, verb) is None:
                continue
            ent, role, np_s, conf, obj_start = out[-1].entity, None, s, 0.6, m.start()
            how = "continuation"
        elif verb.content == "clause" or verb.inline:
            # "रिपोर्ट में कहा है कि …", "पत्र में लिखा है कि …": a document speaks in the perfect.
            doc = document_speaker(ctx, book, s, m.start(), dates)
            if doc is None or content_after(f, m.end(), e, verb) is None:
                continue
            ent, role, np_s, obj_start = doc
            conf, how = 0.6, "document"
        else:
            continue
        v_end = passive.end() if passive else m.end()
        if ne is not None:
            last_verb_end[ne.start()] = m.end()
        lemma = lx.lemma_of(m)
        if pre_quote is not None:
            content, qtype = pre_quote, "direct"
            region, excluded = (pre_quote[1], m.end()), (pre_quote,)
        else:
            c = content_after(f, v_end, e, verb)
            if c is not None:
                content, qtype = c[:2], c[2]
                region, excluded = (s, m.start()), ()
            elif verb.content == "object":
                got = _object_content(
                    ctx,
                    out,
                    sn,
                    m,
                    verb,
                    obj_start,
                    np_s,
                    has_ne=ne is not None,
                    passive=bool(passive) and how != "document",  # "याचिका में … की मांग की गई"
                )
                if got is None:
                    continue
                content, penalty = got
                qtype, region, excluded = "indirect", (s, m.end()), ()
                conf -= penalty
            else:
                continue
        if via_pronoun and _names_itself(ent, f[content[0] : content[1]]):
            # "उसने कहा कि सोनम … गोविंद से बात कर रही है": गोविंद is talked about, not talking.
            ent = book.pronoun(exclude=ent) or ent
        span = (min(np_s, content[0]), max(content[1], m.end()))
        vclass = verb.verb_class
        mention = out[-1].mention if how == "continuation" else np_s
        out.append(
            RawClaim(ent, role, lemma, vclass, content, qtype, span, region, si, (s, np_s), conf, excluded)
        )
        out[-1].resolved_from, out[-1].mention = how, mention
        if ne is not None and ne.group() == "ने" and not via_pronoun:
            speakers = joint_speakers(
                ctx, book, s, np_s, ne.start(), (ent, role, np_s), dates + tuple(consumed)
            )
            if len(speakers) > 1:
                out.pop()
                for one, one_role, one_s in speakers:
                    one_span = (min(one_s, span[0]), span[1])
                    out.append(
                        RawClaim(
                            one,
                            one_role,
                            lemma,
                            vclass,
                            content,
                            qtype,
                            one_span,
                            region,
                            si,
                            (s, one_s),
                            conf,
                            excluded,
                        )
                    )
                    out[-1].mention = one_s
        if content[0] >= m.start():
            # A question stops where its answer begins ("पूछा कि … तो उसने कहा"): a claim of its own.
            consumed.append((content[0], content[1] if verb.lemma == "पूछा" else e))


def _names_itself(ent, content: str) -> bool:
    """Whether a person's whole name occurs in ``content`` (a shared surname does not count)."""
    if ent.kind != "person" or len(ent.key) < 3:
        return False
    return re.search(_B + re.escape(ent.key) + _A, content) is not None


def _object_content(
    ctx: Context,
    out: list[RawClaim],
    sn: Sent,
    m: re.Match[str],
    verb: lx.Verb,
    obj_start: int,
    np_s: int,
    *,
    has_ne: bool,
    passive: bool,
) -> tuple[tuple[int, int], float] | None:
    """(content span, confidence penalty) of an object verb (आरोप लगाया, घोषणा की): the words
    between the speaker and the verb, a fronted से-object, or — for an anaphoric object
    ("यह घोषणा") — the claim-free sentence before; None when there is no content."""
    f, s, dates = ctx.f, sn.s, sn.dates
    os_, oe = trim(f, obj_start, m.start())
    os_ = skip_dates(f, os_, oe, dates)
    cj = _CONJ.match(f, os_, oe)
    os_ = cj.end() if cj else os_
    lead = _LEAD_PARTICLE.match(f, os_, oe)  # "X ने भी उनकी सराहना की": भी is no content
    os_ = lead.end() if lead else os_
    obj = f[os_:oe]
    if not obj.strip() and has_ne and not sn.consumed:
        # Object first: "आदेश में बदलाव करने से हाई कोर्ट ने इनकार कर दिया".
        fronted = fronted_object(f, s, np_s, dates)
        if fronted is not None:
            (os_, oe), obj = fronted, f[fronted[0] : fronted[1]]
    anaphoric = bool(
        obj.strip() and (_ANAPHORIC.match(obj) or _ANAPH_EDGE.search(obj) or _THESE_WORDS.search(obj))
    )
    if anaphoric and has_ne and not passive:
        # "X ने यह घोषणा की / यह जानकारी दी": what was announced came just before.
        prev = _unclaimed_previous(ctx, out, sn.si)
        return (prev, 0.2) if prev else None
    if (
        len(obj.split()) < 2
        or anaphoric
        or (_ADDRESSEE_ONLY.match(obj) and verb.verb_class not in _THEME_KO)
        or _WHERE_ONLY.match(obj)
        or _SELF_NAMING.match(obj)
        or passive
    ):
        return None
    return (os_, oe), 0.1


def _unclaimed_previous(ctx: Context, out: list[RawClaim], si: int) -> tuple[int, int] | None:
    """The previous sentence of the same paragraph, when no claim was read from it (an anaphor
    then refers to it; a sentence that already is a claim is not repeated)."""
    if si == 0 or ctx.sents[si - 1].paragraph != ctx.sents[si].paragraph:
        return None
    for c in reversed(out):  # claims arrive in sentence order: only the tail can be si - 1
        if c.sentence == si - 1:
            return None
        if c.sentence < si - 1:
            break
    prev = ctx.sents[si - 1]
    if NE_RE.search(ctx.f, prev.start, prev.end):
        return None  # a sentence with its own subject reports something else (or refers back itself)
    return (prev.start, prev.end) if len(ctx.f[prev.start : prev.end].split()) >= 4 else None


def _nested(ctx: Context, book: EntityBook, out: list[RawClaim], sn: Sent, m: re.Match[str]) -> None:
    """A claim reported inside another claim's clause ("… कहा कि कंपनी ने कहा कि …", run-on
    sentences without a danda): its own named ने-subject inside the clause, then कि or a quote."""
    f, e = ctx.f, sn.e
    cs = max(a for a, b in sn.consumed if a <= m.start() < b)
    ne = last(NE_RE.finditer(f, cs, m.start()))
    if ne is None or ne.group() != "ने" or not _KI_OR_QUOTE.match(f, m.end(), e):
        return
    sp = speaker(ctx, book, cs, ne.start(), "ने", sn.dates)
    if sp is None or sp[3]:
        return
    c = content_after(f, m.end(), e, lx.verb_of(m))
    if c is None:
        return
    ent, role, np_s, _ = sp
    span, pre = (np_s, max(c[1], m.end())), (cs, np_s)
    vclass = lx.verb_of(m).verb_class
    # The inner report shares the outer claim's time (dates inside the outer clause are its content).
    region = (sn.s, cs)
    for r in reversed(out):  # claims come in sentence order: this sentence's are at the end
        if r.sentence != sn.si:
            break
        if r.content[0] <= m.start() < r.content[1]:
            region = r.date_region
            break
    out.append(RawClaim(ent, role, lx.lemma_of(m), vclass, c[:2], c[2], span, region, sn.si, pre, 0.6))


_TEASER = re.compile(r"\s*(?:यह|ये|इसे|इन्हें|इसको)\s+भी\s+पढें")  # folded: no nukta


def _adjacent(ctx: Context, prev: int, si: int) -> bool:
    """The previous claim's sentence comes right before, across "यह भी पढ़ें" link lines."""
    between = range(prev + 1, si)
    return all(_TEASER.match(ctx.f, ctx.sents[k].start) for k in between)


def _near(ctx: Context, prev: int, si: int) -> bool:
    """A carried-over subject: the previous claim is close, or in this or the previous paragraph."""
    return prev >= si - 2 or ctx.sents[si].paragraph - ctx.sents[prev].paragraph <= 1
