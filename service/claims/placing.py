"""Where a claim was made: in-clause "X में" cues, the speaker's movement cues, article datelines."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from service.claims.lexicon import NOT_AFTER
from service.claims.rules import Context, RawClaim
from service.places.local import find_local_places
from service.text.hindi import source_end

_UNIT = r"(?:\s+(?:शहर|जिले|जिला|नगर|गांव|राज्य|प्रांत|प्रदेश))?"
# "X पहुंचे", "X के दौरे पर", "X में आयोजित", "X चला गया": the subject was at X.
_MOVE = re.compile(
    _UNIT + r"\s*(?:के\s+(?:दौरे|यात्रा|प्रवास)\s+पर|में\s+आयोजित|में\s+(?:एक\s+)?(?:सभा|रैली|कार्यक्रम|बैठक|"
    r"प्रेस\s+कोन्फ्रेंस|पत्रकार\s+वार्ता)|पहुंच|चला\s+गया|चली\s+गई|चले\s+गए|गए\s+थे|लौट)"
)
_IN = re.compile(_UNIT + r"\s+में" + NOT_AFTER)
_DATELINE_BEFORE = re.compile(r"^[^।.!?:]{0,40},\s*$|^\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{0,20}\))?\s*(?:[,:।]|$)")
# Local places (service.local_places): "<Name> थाना क्षेत्र में", "थाने (जा) पहुंचे", "X पर धरना".
_LOCAL_MOVE = re.compile(
    r"(?:\s+क्षेत्र)?\s*(?:के\s+(?:दौरे|प्रवास)\s+पर|में\s+आयोजित|में\s+(?:एक\s+)?(?:सभा|रैली|कार्यक्रम|"
    r"बैठक|जनसभा|पत्रकार\s+वार्ता)|(?:जा\s+)?पहुंच|का\s+घेराव|(?:पर|के\s+(?:बाहर|सामने))\s+(?:धरना|प्रदर्शन))"
)
_LOCAL_IN = re.compile(r"(?:\s+क्षेत्र)?\s+में" + NOT_AFTER)
_RANK = {"city": 0, "locality": 0, "region": 1, "country": 2}
_SUBJ_PRONOUN = re.compile(r"^\s*(?:वह|वे|उन्होंने|उसने|यहां)" + NOT_AFTER)


def _datelines(ctx: Context, places: list[tuple[int, int, Any]]) -> list[tuple[int, Any]]:
    """(position, place) of datelines: a city at a paragraph start ("नई दिल्ली:", "प्रतिनिधि, इंदौर।")."""
    f = ctx.f
    starts: dict[int, int] = {}
    for snt in ctx.sents:
        starts.setdefault(snt.paragraph, snt.start)
    out = []
    for para, ps in starts.items():
        if para > 4:
            break
        for s, e, pm in places:
            if s < ps or s > ps + 45 or pm.place.kind == "country":
                continue
            line_end = f.find("\n", e)
            line_end = len(f) if line_end < 0 else line_end
            if _DATELINE_BEFORE.match(f[ps:s]) and _DATELINE_AFTER.match(f[e:line_end]):
                out.append((s, (pm.place, (pm.start, pm.end))))
                break
    return out


def _aliases(ent) -> list[str]:
    keys = {ent.key}
    if ent.key:
        keys.add(ent.key.split()[-1])
        if ent.kind == "person":
            keys.add(ent.key.split()[0])
    if ent.role_key and len(ent.role_key.split()) >= 2:
        keys.add(ent.role_key)
    return [k for k in keys if len(k) >= 3]


_ADMIN_HEADS = ("जिला", "तहसील", "ब्लॉक", "गांव", "कस्बा", "नगर")


def _context_country(datelines: list[tuple[int, Any]], places: list[tuple[int, int, Any]]) -> str:
    """Country for local places: the dateline's, else the one country all gazetteer places share, else ""."""
    if datelines:
        return datelines[0][1][0].country
    countries = {pm.place.country for _, _, pm in places if pm.place.kind != "region" and pm.place.country}
    return countries.pop() if len(countries) == 1 else ""


def _local_places(ctx: Context, places: list[tuple[int, int, Any]], country: str) -> list[tuple]:
    """(start, end, Place, source span of the named phrase) of local places, folded offsets."""
    gaz_starts = {s for s, _, _ in places}
    out = []
    dropped: set[tuple[int, int]] = set()
    fmap = ctx.fmap
    for m in find_local_places(ctx.f, country, {e for _, e, _ in places}):
        # "इंदौर जिले": the gazetteer city (with coordinates) stays the place, as before.
        if m.antecedent in dropped or (
            m.named and m.start in gaz_starts and m.place.name.endswith(_ADMIN_HEADS)
        ):
            dropped.add(m.antecedent)
            continue
        a0, a1 = m.antecedent
        src = (fmap[a0], source_end(ctx.text, fmap[a1 - 1] + 1)) if ctx.text else (a0, a1)
        place = m.place
        if ctx.text:  # the folded text lost nukta/ॉ: name the place in the article's spelling
            words = ctx.text[src[0] : src[1]].split()
            place = replace(place, name=" ".join([*words[:-1], place.name.split()[-1]]))
        out.append((m.start, m.end, place, src))
    return out


def assign_places(ctx: Context, raws: list[RawClaim], places: list[tuple[int, int, Any]]) -> list[Any]:
    """Per claim: (Place, source span of the mention that placed it), or (None, None).

    Places are gazetteer places and local places (``service.local_places``: "<Name> जिले", "<Name> थाना",
    a bare "थाने" after a named station). Order: an "X में" cue before the speaker in the claim's clause
    (the last one), then the speaker's movement cues ("X पहुंचे", "थाने जा पहुंचे", nearest, preferring
    cities and localities), then the article's dateline.
    """
    f = ctx.f
    contents = [r.content for r in raws]
    datelines = _datelines(ctx, places)
    cands = [(s, e, pm.place, (pm.start, pm.end), _IN, _MOVE) for s, e, pm in places]
    if raws:
        local = _local_places(ctx, places, _context_country(datelines, places))
        if local:
            cands += [(s, e, pl, at, _LOCAL_IN, _LOCAL_MOVE) for s, e, pl, at in local]
            cands.sort(key=lambda c: c[0])
    # Movement cues, attributed to the entity named (or pronoun-referred) before the cue in its sentence.
    cues: dict[int, list[tuple[int, Any]]] = {}
    entities = {id(r.entity): r.entity for r in raws}
    si = 0
    for s, e, place, at, _in, move in cands:
        while si < len(ctx.sents) and ctx.sents[si].end <= s:
            si += 1
        if si >= len(ctx.sents) or any(cs <= s < ce for cs, ce in contents):
            continue
        if not move.match(f, e):
            continue
        snt = ctx.sents[si]
        before = f[snt.start : s]
        who, where_at = None, -1
        for ent in entities.values():
            for alias in _aliases(ent):
                k = before.rfind(alias)
                if k > where_at:
                    who, where_at = ent, k
        if who is None and _SUBJ_PRONOUN.match(before) and ctx.antecedent[si] is not None:
            who = ctx.antecedent[si]
        if who is None:
            # "X जिले में एक सभा को संबोधित करते हुए ममता ने कहा": the speaker named after the cue.
            who = next((r.entity for r in raws if r.pre_speaker[0] <= s and e <= r.pre_speaker[1]), None)
        if who is not None:
            cues.setdefault(id(who), []).append((s, (place, at)))
    out: list[Any] = []
    for r in raws:
        lo, hi = r.pre_speaker
        here = None
        for s, e, place, at, _in, _move in cands:
            if lo <= s and e <= hi and _in.match(f, e) and place.kind != "country":
                here = (place, at)
        if here is None and id(r.entity) in cues:
            pos = r.span[0]
            here = min(
                cues[id(r.entity)], key=lambda c: (_RANK.get(c[1][0].kind, 3), c[0] > pos, abs(c[0] - pos))
            )[1]
        if here is None and datelines:
            before = [p for s, p in datelines if s <= r.span[0]]
            here = before[-1] if before else datelines[0][1]
        out.append(here if here is not None else (None, None))
    return out
