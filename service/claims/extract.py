"""Rule-based Hindi claim extraction: who said what (reporting verb + content), when and where."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from service.claims import placing as claim_places
from service.claims import respell
from service.claims import rules as claim_rules
from service.claims.rules import RawClaim
from service.dates.lexicon import fold_once
from service.dates.resolver import DateMention
from service.text.hindi import fold_with_map, source_end
from service.text.sentences import split_sentences

try:  # the places module is optional at import time (adapter: claims without places still work)
    from service.places.finder import Place, PlaceMention, find_places
except ImportError:  # pragma: no cover
    Place = PlaceMention = object  # type: ignore[misc,assignment]
    find_places = None  # type: ignore[assignment]

__all__ = ["ClaimDate", "ClaimDraft", "extract_claims"]


@dataclass(frozen=True, slots=True)
class ClaimDate:
    """When a claim was made; ``source`` says how we know (explicit | inherited | anchor)."""

    value: str
    granularity: str
    date_from: dt.date | None
    date_to: dt.date | None
    source: str


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """One extracted claim; ``text[start:end]`` is the clause with speaker, verb and content."""

    speaker_name: str | None
    speaker_role: str | None
    speaker_kind: str
    speaker_aliases: tuple[str, ...]
    verb: str
    verb_class: str
    quote: str
    quote_type: str
    start: int
    end: int
    date: ClaimDate | None
    place: Place | None
    mentions: tuple[PlaceMention, ...] = field(default=())
    confidence: float = 0.5
    place_text: str | None = None  # the place as written in the article (e.g. नई दिल्‍ली), an alias
    # How the speaker was found (name | pronoun | continuation | document) and the source offset
    # of the mention it was resolved from, so that a reader can check it.
    speaker_resolved_from: str = "name"
    speaker_mention_start: int | None = None


class _ShiftMap:
    """Folded offset -> source offset when the fold only deleted characters (nukta, zero-width)."""

    __slots__ = ("shift",)

    def __init__(self, shift: list[int]) -> None:
        # Folded index at which each deleted source char would have sat (sorted by construction).
        self.shift = shift

    def __getitem__(self, i: int) -> int:
        return i + bisect.bisect_right(self.shift, i)


class _ShiftInverse:
    """Source offset -> folded offset (first folded char at or after it)."""

    __slots__ = ("drops",)

    def __init__(self, drops: list[int]) -> None:
        self.drops = drops

    def __getitem__(self, i: int) -> int:
        return i - bisect.bisect_left(self.drops, i)


def _fold(text: str) -> tuple[str, object | None, object | None]:
    """Folded text, its offset map and inverse map (None, None when every char stayed in place)."""
    # The date resolver's fold (same table, derived from fold_with_map) of this very text is usually
    # still cached; claims additionally lower-case non-ASCII letters.
    base = fold_once(text)
    folded = base.text.lower()
    if respell.has_misspelling(folded):  # rare: the list map, rebuilt around the corrected words
        folded, fmap = respell.respell(*fold_with_map(text))
        return folded, fmap, _Inverse(fmap)
    if len(folded) != len(base.text):
        folded, fmap = fold_with_map(text)
        return folded, fmap, _Inverse(fmap)
    shift = base._shift
    if not shift:
        return folded, None, None
    # A per-character list map costs more than the rest of the fold; deletions map by bisection.
    return folded, _ShiftMap(shift), _ShiftInverse([d + k for k, d in enumerate(shift)])


_QUOTE_TRIM = " \t\n,;:।.-–—\"'“”‘’"


class _Identity:
    def __getitem__(self, i: int) -> int:
        return i


class _Inverse:
    """Source offset → folded offset (first folded char at or after it)."""

    def __init__(self, fmap: list[int]) -> None:
        self.fmap = fmap

    def __getitem__(self, i: int) -> int:
        return bisect.bisect_left(self.fmap, i)


def _to_src(text: str, fmap, fs: int, fe: int) -> tuple[int, int]:
    if fe <= fs:
        return fmap[fs], fmap[fs]
    return fmap[fs], source_end(text, fmap[fe - 1] + 1)


# How far before the anchor a narrated day may lie to be the article's event ("रविवार को … आयोजन
# किया गया" in Monday's paper): older days are background, not the occasion of the statements.
_EVENT_WINDOW = dt.timedelta(days=7)

# The day an event happened on: "रविवार को …", "सोमवार रात …" ("रविवार से" only starts a period).
# "शुक्रवार कोएक सम्मेलन": scraped text loses the space after को before a word that opens with a vowel
_EVENT_DAY = re.compile(r"\s*(?:को(?=[\u0905-\u0914])|(?:को|सुबह|दोपहर|शाम|रात|देर)(?![\u0900-\u097f]))")


_OCCASION = re.compile(r"(?:प्रेस|पत्रकार)\s+(?:वार्ता|कॉन्फ्रेंस|कांफ्रेंस)|संवाददाता\s+सम्मेलन|बैठक|जनसभा|रैली")


def _date(d, source: str) -> ClaimDate:
    return ClaimDate(d.value, d.granularity, d.date_from, d.date_to, source)


class _ClaimDater:
    """When each claim was made, for the claims of one article in text order.

    Explicit date in the claim's own clause, else the speaker's previous dated claim, else the
    paragraph's event day, else the article's event day, else the anchor. Every look-up is a
    bisection over indexes built once, so an article with thousands of claims and dates stays
    linear (a nested scan took minutes on a 100 KB list of wire items).
    """

    def __init__(self, f: str, dates_f, busy: list[tuple[int, int]], anchor: dt.date, said=()) -> None:
        self.dates_f, self.anchor = dates_f, anchor
        self.starts = [s for s, _e, _d in dates_f]
        busy_starts = [b[0] for b in busy]
        said = sorted(said)
        said_starts = [b[0] for b in said]

        def claim_free(pos: int) -> bool:
            i = bisect.bisect_right(busy_starts, pos) - 1
            if i < 0 or pos >= busy[i][1]:
                return True
            # "सोमवार को … प्रेस वार्ता में X ने कहा": the occasion's day, for all who spoke there
            k = bisect.bisect_right(said_starts, pos) - 1
            return k >= 0 and pos < said[k][1]

        # Only days of claim-free sentences are event context: a date in another claim's clause
        # is that claim's date, not the paragraph's.
        self.free = [
            (s, d)
            for s, e, d in dates_f
            if d.granularity == "day" and claim_free(s) and _EVENT_DAY.match(f, e)
        ]
        self.free_starts = [s for s, _d in self.free]
        self.window = [(s, d) for s, d in self.free if anchor - _EVENT_WINDOW <= d.date_from <= anchor]
        self.window_starts = [s for s, _d in self.window]
        self.last_dated: dict[int, ClaimDate] = {}  # speaker entity (by id()) -> its last dated claim

    def date(self, c: RawClaim, para_start: int) -> ClaimDate:
        got = self._explicit(c) or self.last_dated.get(id(c.entity)) or self._event(c, para_start)
        if got.source != "anchor":
            self.last_dated[id(c.entity)] = _date(got, "inherited")
        return got

    def _explicit(self, c: RawClaim) -> ClaimDate | None:
        lo, hi = c.date_region
        best = None
        cs, ce = c.content
        # Object content (आरोप लगाया, मांग की) sits between the speaker and the verb: a month or
        # year there dates what the object is about ("पिछले साल अप्रैल में हुए घोटाले की …").
        object_from = c.pre_speaker[1] if ce <= hi else ce
        for k in range(bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)):
            s, e, d = self.dates_f[k]
            if e > hi or d.granularity == "vague" or any(qs <= s < qe for qs, qe in c.excluded):
                continue
            # A statement is not made after the article: a later date is a deadline or a plan
            # ("15 सितंबर तक रिपोर्ट मांगी"); a month or year inside the content is what it is about.
            if (d.date_from and d.date_from > self.anchor) or (
                d.granularity != "day" and (cs <= s < ce or object_from <= s < ce)
            ):
                continue
            best = d
        return _date(best, "explicit") if best is not None else None

    def _event(self, c: RawClaim, para_start: int) -> ClaimDate:
        at = c.span[0]
        k = bisect.bisect_left(self.free_starts, at) - 1
        if k >= 0 and self.free_starts[k] >= para_start:
            return _date(self.free[k][1], "inherited")  # this paragraph's event day
        # The article's event day: the nearest before the claim, else the first after it (a lead
        # paragraph summarises the event that the body then dates), within a week of the anchor.
        k = bisect.bisect_left(self.window_starts, at)
        if k > 0:
            return _date(self.window[k - 1][1], "inherited")
        if k < len(self.window):
            return _date(self.window[k][1], "inherited")
        return ClaimDate(self.anchor.isoformat(), "day", self.anchor, self.anchor, "anchor")


def extract_claims(
    text: str, dates: list[DateMention], anchor: dt.date, places: list[PlaceMention] | None = None
) -> list[ClaimDraft]:
    """All claims in an article body, in text order, with speaker, verb, content, date and place."""
    if not text or not text.strip():
        return []
    if places is None:
        places = find_places(text) if find_places is not None else []
    f, fmap, inv = _fold(text)
    if fmap is None:
        fmap = inv = _Identity()
    dates_f = sorted((inv[d.start], inv[d.end], d) for d in dates if 0 <= d.start < d.end <= len(text))
    places_f = [(inv[p.start], inv[p.end], p) for p in places if 0 <= p.start < p.end <= len(text)]
    sents = split_sentences(f)
    ctx = claim_rules.Context(
        f, sents, [(s, e) for s, e, _ in dates_f], [(s, e) for s, e, _ in places_f], text=text, fmap=fmap
    )
    raws = claim_rules.find_raw_claims(ctx)
    sent_para = []
    para_first: dict[int, int] = {}
    for s in sents:
        para_first.setdefault(s.paragraph, s.start)
        sent_para.append((para_first[s.paragraph], s.start, s.end))
    busy = sorted({sent_para[r.sentence][1:3] for r in raws})
    occasions = {r.pre_speaker for r in raws if _OCCASION.search(f, *r.pre_speaker)}
    dater = _ClaimDater(f, dates_f, busy, anchor, said=occasions)
    for c in raws:
        c.date = dater.date(c, sent_para[c.sentence][0])
    where = claim_places.assign_places(ctx, raws, places_f)
    out: list[ClaimDraft] = []
    seen: set[tuple[str, str, str]] = set()
    for c, (place, place_at) in zip(raws, where, strict=True):
        qs, qe = c.content
        q_src = _to_src(text, fmap, qs, qe)
        quote = " ".join(text[q_src[0] : q_src[1]].split()).strip(_QUOTE_TRIM)
        ent = c.entity
        key = (ent.key, c.lemma, " ".join(f[qs:qe].split()).strip(_QUOTE_TRIM))
        if key in seen:  # raw dumps repeat whole paragraphs
            continue
        seen.add(key)
        start, end = _to_src(text, fmap, *c.span)
        mentions = tuple(p for s, e, p in places_f if s >= qs and e <= qe)
        out.append(
            ClaimDraft(
                speaker_name=ent.name,
                speaker_role=c.role or ent.role,
                speaker_kind=ent.kind,
                speaker_aliases=ent.all_aliases(),
                verb=c.lemma,
                verb_class=c.verb_class,
                quote=quote,
                quote_type=c.quote_type,
                start=start,
                end=end,
                date=c.date,
                place=place,
                mentions=mentions,
                confidence=round(c.confidence, 2),
                place_text=text[place_at[0] : place_at[1]] if place_at else None,
                speaker_resolved_from=c.resolved_from,
                speaker_mention_start=_to_src(text, fmap, c.mention, c.mention + 1)[0]
                if c.mention >= 0
                else None,
            )
        )
    return out
