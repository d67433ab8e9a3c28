"""Where a claim was made: in-clause "X में" cues, the speaker's movement cues, article datelines."""

from __future__ import annotations

import re
from typing import Any

from service.claim_lexicon import NOT_AFTER
from service.claim_rules import Context, RawClaim

_UNIT = r"(?:\s+(?:शहर|जिले|जिला|नगर|गांव|राज्य|प्रांत|प्रदेश))?"
# "X पहुंचे", "X के दौरे पर", "X में आयोजित", "X चला गया": the subject was at X.
_MOVE = re.compile(
    _UNIT + r"\s*(?:के\s+(?:दौरे|यात्रा|प्रवास)\s+पर|में\s+आयोजित|में\s+(?:एक\s+)?(?:सभा|रैली|कार्यक्रम|बैठक|"
    r"प्रेस\s+कोन्फ्रेंस|पत्रकार\s+वार्ता)|पहुंच|चला\s+गया|चली\s+गई|चले\s+गए|गए\s+थे|लौट)"
)
_IN = re.compile(_UNIT + r"\s+में" + NOT_AFTER)
_DATELINE_BEFORE = re.compile(r"^[^।.!?:]{0,40},\s*$|^\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{0,20}\))?\s*(?:[,:।]|$)")
_RANK = {"city": 0, "region": 1, "country": 2}
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


def assign_places(ctx: Context, raws: list[RawClaim], places: list[tuple[int, int, Any]]) -> list[Any]:
    """Per claim: (gazetteer Place, source span of the mention that placed it), or (None, None)."""
    f = ctx.f
    contents = [r.content for r in raws]
    # Movement cues, attributed to the entity named (or pronoun-referred) before the cue in its sentence.
    cues: dict[int, list[tuple[int, Any]]] = {}
    entities = {id(r.entity): r.entity for r in raws}
    si = 0
    for s, e, pm in places:
        while si < len(ctx.sents) and ctx.sents[si].end <= s:
            si += 1
        if si >= len(ctx.sents) or any(cs <= s < ce for cs, ce in contents):
            continue
        if not _MOVE.match(f, e):
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
        if who is not None:
            cues.setdefault(id(who), []).append((s, (pm.place, (pm.start, pm.end))))
    datelines = _datelines(ctx, places)
    out: list[Any] = []
    for r in raws:
        lo, hi = r.pre_speaker
        here = None
        for s, e, pm in places:
            if lo <= s and e <= hi and _IN.match(f, e) and pm.place.kind != "country":
                here = (pm.place, (pm.start, pm.end))
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
