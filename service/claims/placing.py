"""Where a claim was made: venues, in-clause "X में" cues, the speaker's movement cues, datelines."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from service.claims.datelines import context_country
from service.claims.datelines import datelines as find_datelines
from service.claims.lexicon import NOT_AFTER
from service.claims.rules import Context, RawClaim
from service.claims.speaker_places import addressed_there, aliases, first_named, only_when
from service.places import gazetteer
from service.places.hierarchy import enclosing_before, in_country, local_kind, place_within
from service.places.local import find_local_places, local_place
from service.places.setting import find_setting
from service.places.venues import SPEECH_EVENT_RE, find_venues, venue_place
from service.text.hindi import source_end

_UNIT = r"(?:\s+(?:शहर|जिले|जिला|नगर|गांव|राज्य|प्रांत|प्रदेश))?"
# "X पहुंचे", "X के दौरे पर", "X में आयोजित", "X चला गया": the subject was at X.
_MOVE = re.compile(
    _UNIT + r"\s*(?:के\s+(?:दौरे|यात्रा|प्रवास)\s+पर|में\s+आयोजित|में\s+(?:एक\s+)?(?:सभा|रैली|कार्यक्रम|बैठक|"
    r"प्रेस\s+कोन्फ्रेंस|पत्रकार\s+वार्ता)|पहुंच|चला\s+गया|चली\s+गई|चले\s+गए|गए\s+थे|लौट)"
)
_IN = re.compile(_UNIT + r"\s+में" + NOT_AFTER)
# Local places (service.local_places): "<Name> थाना क्षेत्र में", "थाने (जा) पहुंचे", "X पर धरना".
_LOCAL_MOVE = re.compile(
    r"(?:\s+क्षेत्र)?\s*(?:के\s+(?:दौरे|प्रवास)\s+पर|में\s+आयोजित|में\s+(?:एक\s+)?(?:सभा|रैली|कार्यक्रम|"
    r"बैठक|जनसभा|पत्रकार\s+वार्ता)|(?:जा\s+)?पहुंच|का\s+घेराव|(?:पर|के\s+(?:बाहर|सामने))\s+(?:धरना|प्रदर्शन))"
)
_LOCAL_IN = re.compile(r"(?:\s+क्षेत्र)?\s+में" + NOT_AFTER)
_NEVER = re.compile(r"(?!)")
_RANK = {"city": 0, "locality": 0, "venue": 0, "district": 0, "region": 1, "country": 2}
_SUBJ_PRONOUN = re.compile(r"^\s*(?:वह|वे|उन्होंने|उसने|यहां)" + NOT_AFTER)
# "यहां" in the claim's own clause: the dateline city ("उन्होंने यहां पत्रकारों से कहा").
_HERE = re.compile(r"(?<![\u0900-\u097f])यहां" + NOT_AFTER)
_AGENT = re.compile(r"\s+ने" + NOT_AFTER)
# Houses whose seat a dateline does not give: "पटना, 3 मई। … लोकसभा में" was said in New Delhi.
_NO_DATELINE_SEAT = frozenset({"legislature", "assembly"})
# A bare head means the last named one of its class ("लोकसभा … सदन में", "… इंदौर खंडपीठ … हाई कोर्ट ने").
_GENERIC = {"सदन": "legislature", "कोर्ट": "court", "अदालत": "court", "न्यायालय": "court"}
_HIGH = re.compile(r"हाई\s*कोर्ट|हाइकोर्ट|उच्च\s+न्यायालय|खंडपीठ|युगलपीठ")


_ADMIN_HEADS = ("जिला", "तहसील", "ब्लॉक", "गांव", "कस्बा", "नगर")


def _src(ctx: Context, a0: int, a1: int) -> tuple[int, int]:
    return (ctx.fmap[a0], source_end(ctx.text, ctx.fmap[a1 - 1] + 1)) if ctx.text else (a0, a1)


class _Enclosure:
    """The enclosing place of a venue or locality: one the text names at it, else the dateline city,
    else the country of the article's places."""

    def __init__(self, ctx: Context, places, datelines, country: str) -> None:
        self.f = ctx.f
        self.gaz = [(s, e, pm.place) for s, e, pm in places]
        self.dateline = datelines[0][1][0] if datelines else None
        self.country = gazetteer.get().by_id.get(f"cldr:{country}") if country else None

    def __call__(self, place, s: int, e: int, seat_from_dateline: bool = True):
        named = enclosing_before(self.f, s, e, self.gaz)
        fallback = self.dateline if seat_from_dateline else None
        return place_within(place, named or fallback or self.country)


def _local_places(ctx: Context, places: list[tuple[int, int, Any]], country: str, where: _Enclosure) -> list:
    """(start, end, Place, source span of the named phrase) of local places, folded offsets."""
    gaz_starts = {s for s, _, _ in places}
    out = []
    dropped: set[tuple[int, int]] = set()
    for m in find_local_places(ctx.f, country, {e for _, e, _ in places}):
        # "इंदौर जिले": the gazetteer city (with coordinates) stays the place, as before.
        if m.antecedent in dropped or (
            m.named and m.start in gaz_starts and m.place.name.endswith(_ADMIN_HEADS)
        ):
            dropped.add(m.antecedent)
            continue
        src = _src(ctx, *m.antecedent)
        place = m.place
        if ctx.text:  # the folded text lost nukta/ॉ: name the place in the article's spelling
            words = ctx.text[src[0] : src[1]].split()
            place = replace(place, name=" ".join([*words[:-1], place.name.split()[-1]]))
        place = local_kind(place)
        out.append((m.start, m.end, where(place, *m.antecedent, place.kind != "district"), src))
    return out


def _venues(ctx: Context, places, taken: list[tuple[int, int]], where: _Enclosure) -> list[tuple]:
    """(start, end, Place, source span, in-clause cue, klass) of venues; a bare "सदन" is the house
    named last before it ("लोकसभा … सदन में")."""
    out: list[tuple] = []
    last: dict[str, Any] = {}  # class -> the last specific venue of it
    for v in find_venues(ctx.f, {e for _, e, _ in places}):
        if any(a < v.end and v.start < b for a, b in taken):
            continue
        src = _src(ctx, v.start, v.end)
        high = _HIGH.fullmatch(v.head.text) and _HIGH.search(getattr(last.get("court"), "name", ""))
        generic = not v.named and (v.head.text in _GENERIC or bool(high))
        if generic and v.head.klass in last:
            out.append((v.start, v.end, last[v.head.klass], src, _LOCAL_IN, v.head.klass))
            continue
        name = " ".join((ctx.text[src[0] : src[1]] if ctx.text else ctx.f[v.start : v.end]).split())
        seat = v.head.klass not in _NO_DATELINE_SEAT
        place = where(venue_place(name, v.head), v.start, v.end, seat)
        place = _venue_id(place) if place.within else place
        if not generic:
            last[v.head.klass] = place
        cue = _LOCAL_IN if v.named or v.head.bare else _NEVER
        out.append((v.start, v.end, place, src, cue, v.head.klass))
    return out


def _outside(pos: int, spans) -> bool:
    return not any(a <= pos < b for a, b in spans)


def assign_places(ctx: Context, raws: list[RawClaim], places: list[tuple[int, int, Any]]) -> list[Any]:
    """Per claim: (Place, source span of the mention that placed it), or (None, None).

    Places are gazetteer places, local places (``service.places.local``) and venues
    (``service.places.venues``). Order: a court that is the speaker ("हाईकोर्ट ने कहा"); a venue in the
    claim's clause ("उन्होंने सदन में कहा", "प्रेस क्लब में पत्रकारों से बात करते हुए"); an "X में" cue
    before the speaker (the last one); "यहां" in the clause (the dateline city); the speaker's cues
    ("X पहुंचे", "X में आयोजित सभा को संबोधित करते हुए", and the places of the speaker's earlier claims:
    a place holds for the run of statements that follows it), nearest and finest; then the dateline.
    """
    f = ctx.f
    contents = [r.content for r in raws]
    datelines = find_datelines(ctx, places)
    cands = [(s, e, in_country(pm.place), (pm.start, pm.end), _IN, _MOVE, "") for s, e, pm in places]
    if raws:
        country = context_country(datelines, places)
        where = _Enclosure(ctx, places, datelines, country)
        local = _local_places(ctx, places, country, where)
        cands += [(s, e, pl, at, _LOCAL_IN, _LOCAL_MOVE, "") for s, e, pl, at in local]
        venues = _venues(ctx, places, [(s, e) for s, e, _, _ in local], where)
        cands += [(s, e, pl, at, cue, SPEECH_EVENT_RE, k) for s, e, pl, at, cue, k in venues]
        cands.sort(key=lambda c: c[0])
    # Movement cues, attributed to the entity named (or pronoun-referred) before the cue in its sentence.
    cues: dict[int, list[tuple[int, Any]]] = {}
    occasion: list[tuple[int, Any]] = []
    forward_only: set[int] = set()
    entities = {id(r.entity): r.entity for r in raws}
    claim_sents = {r.sentence for r in raws}
    si = 0
    for s, e, place, at, _in, move, klass in cands:
        while si < len(ctx.sents) and ctx.sents[si].end <= s:
            si += 1
        if si >= len(ctx.sents) or any(cs <= s < ce for cs, ce in contents):
            continue
        # "X ने … एम.वाय. हॉस्पिटल परिसर में श्रमदान किया": where X was, for X's statements after
        # not a court: the accused and the police are "कोर्ट में पेश", they make no statement there
        activity = place.kind in _FINE and klass != "court" and si not in claim_sents
        activity = activity and bool(_in.match(f, e) or _VISIT.match(f, e)) and not _LIVES.match(f, e)
        snt = ctx.sents[si]
        if klass and (who := addressed_there(f, e, snt.end, entities.values())) is not None:
            cues.setdefault(id(who), []).append((s, (place, at)))
            continue
        if not (move.match(f, e) or SPEECH_EVENT_RE.match(f, e) or activity):
            continue
        before = f[snt.start : s]
        who, where_at = None, -1
        for ent in entities.values():
            for alias in aliases(ent):
                k = before.rfind(alias)
                if k > where_at:
                    who, where_at = ent, k
        if who is None and _SUBJ_PRONOUN.match(before) and ctx.antecedent[si] is not None:
            who = ctx.antecedent[si]
        if who is None:
            # "X जिले में एक सभा को संबोधित करते हुए ममता ने कहा": the speaker named after the cue.
            who = next((r.entity for r in raws if r.pre_speaker[0] <= s and e <= r.pre_speaker[1]), None)
        if who is None and activity and only_when(before, snt.start, ctx.dates):
            # "(सोमवार को) X चौक में मुकीम स्कूटर लेकर आया": the subject right after the place;
            # where X was then holds for what X says after, not before
            who = first_named(f[e : snt.end], entities.values(), within=24)
            if who is not None and not (move.match(f, e) or SPEECH_EVENT_RE.match(f, e)):
                forward_only.add(s)
        if who is not None:
            cues.setdefault(id(who), []).append((s, (place, at)))
        elif place.kind == "venue" and (move.match(f, e) or SPEECH_EVENT_RE.match(f, e)):
            # "… द्वारा स्थानीय X सभागार में संगोष्ठी आयोजित की गई": the occasion's venue, for the
            # article's statements that name no place of their own.
            occasion.append((s, (place, at)))
    explicit: list[Any] = []
    shared: list[tuple[int, Any]] = []
    for r in raws:
        lo, hi = r.pre_speaker
        end = r.span[1]
        here = None
        for s, e, place, at, _in, _move, _k in cands:
            if lo <= s and e <= hi and _in.match(f, e) and place.kind != "country":
                here = (place, at)
        # After the speaker, outside the content: a venue ("ने सदन में कहा"), a speech event, a court speaker.
        for s, e, place, at, _in, _move, klass in cands:
            if s < hi or e > end or not _outside(s, [r.content]):
                continue
            if klass == "court" and _AGENT.match(f, e) and s - hi <= 40:
                here = (place, at)
                break
            if (klass and _in.match(f, e)) or SPEECH_EVENT_RE.match(f, e):
                here = (place, at)
            elif not klass and place.kind != "country" and _said_there(f, _in.match(f, e), r.date_region[1]):
                here = (place, at)  # "X ने शुक्रवार को जिनेवा में कहा कि …"
        setting = _setting(ctx, r, cands, where) if raws else None
        if setting is not None and (here is None or here[0].kind in _COARSE):
            here = setting
        if here is None and datelines and _HERE.search(f[lo:end]) and _here_outside(f, lo, end, r.content):
            before = [p for s, p in datelines if s <= r.span[0]]
            here = before[-1] if before else datelines[0][1]
        explicit.append(here)
        if here is not None:
            cues.setdefault(id(r.entity), []).append((r.span[0], here))
            if here[0].kind not in _COARSE:
                shared.append((r.span[0], here))
    out: list[Any] = []
    for r, here in zip(raws, explicit, strict=True):
        pos = r.span[0]
        opts = [c for c in cues.get(id(r.entity), ()) if c[0] <= pos or c[0] not in forward_only]
        if here is None and opts:
            here = min(opts, key=lambda c: (_RANK.get(c[1][0].kind, 3), c[0] > pos, abs(c[0] - pos)))[1]
        if here is None and occasion:
            pos = r.span[0]
            here = min(occasion, key=lambda c: abs(c[0] - pos))[1]
        if here is None:
            # The occasion another speaker's statement was placed at, shortly before: a press
            # conference in Sydney holds for the officials who speak after the first one.
            pos = r.span[0]
            near = [c for c in shared if pos - _RUN_CHARS <= c[0] <= pos]
            here = near[-1][1] if near else None
        if here is None and datelines:
            before = [p for s, p in datelines if s <= r.span[0]]
            here = before[-1] if before else datelines[0][1]
        out.append(here if here is not None else (None, None))
    return out


_RUN_CHARS = 600


_COARSE = frozenset({"city", "district", "state", "region", "country"})
_FINE = frozenset({"venue", "locality"})
# "X (एलएनजेपी) का दौरा किया", "X परिसर में": a visit or the grounds of a venue
_LIVES = re.compile(r"\s+में\s+(?:रह|निवास|बस)")  # where someone lives is not where they spoke
_VISIT = re.compile(
    r"\s*(?:\([^)]{0,30}\)\s*)?(?:(?:का|की)\s+(?:दौरा|निरीक्षण|उद्घाटन|शुभारंभ|लोकार्पण)|(?:परिसर|कैंपस|प्रांगण)\s+में)"
)
# A reporting verb ending a frame ("'…' उन्होंने राजवाड़ा चौक पर कहा"): the setting stands before it.
_VERB_TAIL = re.compile(
    r"\s+(?:कहा|कही|कहीं|कहे|बताया|बताई|बताईं|बताए|बोले|बोला|बोली|बोलीं|पूछा|लिखा)"
    r"(?:\s+(?:है|हैं|था|थे|थी|थीं|गया|गई|गए))*\s*$"
)


def _setting(ctx: Context, r: RawClaim, cands, where: _Enclosure):
    """(Place, source span) of the setting phrase in the claim's frame (``service.places.setting``):
    between the speaker and the verb, else before the speaker; a candidate place it ends with
    (gazetteer city, venue, local place) keeps its data."""
    f = ctx.f
    skip = [*ctx.dates, r.content, *r.excluded]
    lo, hi = r.pre_speaker[1], r.date_region[1]
    if r.date_region[0] >= r.content[1]:  # the quotation comes first: the frame is after it
        lo = r.date_region[0]
        tail = _VERB_TAIL.search(f, lo, hi)
        hi = tail.start() if tail else hi
    found = find_setting(f, lo, hi, before_verb=True, skip=skip) if hi > lo else None
    if found is None:
        found = find_setting(f, r.pre_speaker[0], r.pre_speaker[1], before_verb=False, skip=skip)
    if found is None:
        return None
    for s, e, place, at, *_ in cands:
        if e == found.end and s >= found.start - 1:
            return (place, at) if place.kind != "country" else None
    src = _src(ctx, found.start, found.end)
    name = " ".join((ctx.text[src[0] : src[1]] if ctx.text else f[found.start : found.end]).split())
    place = replace(local_place(name), kind=found.kind)
    if found.kind == "city":  # a town the gazetteer lacks: no enclosing place we could trust
        return place, src
    place = where(place, found.start, found.end)
    return (_venue_id(place) if found.kind == "venue" and place.within else place), src


def _venue_id(place):
    """A venue's id names its enclosing place: "venue:<name>@geonames:…" (two halls of one name differ)."""
    key = place.id.split(":", 1)[1].split("@")[0]
    return replace(place, id=f"venue:{key}@{place.within[0].id}")


def _here_outside(f: str, lo: int, end: int, content: tuple[int, int]) -> bool:
    """ "यहां" in the clause ``f[lo:end]`` but not inside the claim's content."""
    return any(_outside(lo + m.start(), [content]) for m in _HERE.finditer(f[lo:end]))


def _said_there(f: str, cue, verb_at: int) -> bool:
    """ "CITY में" right before the reporting verb ("… ने जिनेवा में कहा"): where it was said."""
    return cue is not None and 0 <= verb_at - cue.end() <= 16 and "," not in f[cue.end() : verb_at]
