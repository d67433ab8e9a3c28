"""The setting of a statement: the place phrase right before "में/पर" in its frame ("… ने राजवाड़ा चौक पर कहा").

A statement's frame (the words between its speaker and its reporting verb, or before its speaker in
the same clause) names where it was made with a locative phrase: "<name words> <head> में|पर", where
the head is a place noun from ``data/setting_heads.tsv`` (चौक, रोड, पार्क, स्टेशन, आवास, होटल …),
and the name words are the local-place notion of a name (``local.name_words``). Right before the
verb, before a listener ("पत्रकारों से", "मीडिया से बातचीत में"), a name without a head is the
setting too ("… ने शुक्रवार को लियोन में कहा"): a city the gazetteer does not hold. Words of
``data/setting_not_places.txt`` (media, documents, topics: "बयान में", "मामले पर") are never settings.

Works on ``hindi.fold``-ed text; offsets are in the text given. No gazetteer load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.places.gazetteer import fold_word
from service.places.local import name_words
from service.text.lexicon import data_path, read_rows, read_words

__all__ = ["Setting", "find_setting"]

_L = "\u0900-\u0963\u0971-\u097f"
_HEADS: dict[tuple[str, ...], tuple[str, bool]] = {
    tuple(fold_word(w) for w in head.split()): (kind, bare == "yes")
    for head, kind, bare in read_rows(data_path("places", "setting_heads.tsv"))
}
_MAX_HEAD = max(len(k) for k in _HEADS)
PLACE_HEADS = frozenset(k[-1] for k in _HEADS)  # last words of place names (चौराहा, रोड, वार्ड …)
_NOT_SETTING = frozenset(fold_word(w) for w in read_words(data_path("places", "setting_not_places.txt")))
# A bare head needs a determiner that makes it definite: "अपने आवास पर", "पार्टी के कार्यालय में".
_BARE_BEFORE = frozenset(fold_word(w) for w in ("अपने", "अपनी", "उनके", "उनकी", "के", "की", "सरकारी", "स्थानीय"))
_LOCATIVE = re.compile(f"(?<![{_L}])(?:में|पर)(?![{_L}])")
# What may stand between the setting and the verb: a listener, a way of speaking (folded text).
_LISTENER = re.compile(
    rf"^\s*(?:(?:[{_L}]+\s+){{0,2}}(?:से|को)(?:\s+(?:बातचीत|बात|चर्चा)\s+(?:में|करते\s+हुए|के\s+दौरान)"
    rf"|\s+संबोधित\s+करते\s+हुए)?)?\s*(?:भी\s+)?$"
)
_WORD = re.compile(f"[{_L}]+")


@dataclass(frozen=True, slots=True)
class Setting:
    start: int  # the place phrase (name words + head), without the postposition
    end: int
    kind: str  # venue | locality | city (a headless name: a town the gazetteer lacks)
    named: bool  # name words precede the head (or a headless name)


def _head_at(words: list[re.Match[str]]) -> tuple[int, str, bool] | None:
    """(number of words, kind, bare) of the longest place head ending the word list."""
    keys = [fold_word(w.group()) for w in words[-_MAX_HEAD:]]
    for n in range(min(_MAX_HEAD, len(keys)), 0, -1):
        hit = _HEADS.get(tuple(keys[-n:]))
        if hit:
            return n, hit[0], hit[1]
    return None


def _phrase(f: str, lo: int, at: int, *, headless: bool) -> Setting | None:
    """The setting phrase ending right before the postposition at ``at`` (text between lo and at)."""
    words = list(_WORD.finditer(f, max(lo, at - 120), at))
    if not words or f[words[-1].end() : at] != " ":
        return None
    if fold_word(words[-1].group()) in _NOT_SETTING:
        return None
    head = _head_at(words)
    if head is not None:
        n, kind, bare = head
        head_start = words[-n].start()
        names = [w for w in name_words(f, head_start) if w[0] >= lo]
        names = [w for w in names if fold_word(w[2]) not in _NOT_SETTING]
        if names:
            return Setting(names[0][0], words[-1].end(), kind, True)
        before = words[-n - 1].group() if len(words) > n else ""
        if bare and fold_word(before) in _BARE_BEFORE:
            return Setting(head_start, words[-1].end(), kind, False)
        return None
    if not headless:
        return None
    names = [w for w in name_words(f, at) if w[0] >= lo]
    if not names or len(names) > 2 or any(fold_word(w[2]) in _NOT_SETTING for w in names):
        return None
    return Setting(names[0][0], names[-1][1], "city", True)


def find_setting(f: str, lo: int, hi: int, *, before_verb: bool, skip=()) -> Setting | None:
    """The last setting phrase in ``f[lo:hi]``, none inside a ``skip`` span (dates, the content).

    ``before_verb``: ``hi`` is the reporting verb, so a headless name right before it (a listener
    may come between) is a setting; otherwise only phrases with a place head count.
    """
    found = None
    for m in _LOCATIVE.finditer(f, lo, hi):
        if any(a <= m.start() < b for a, b in skip):
            continue
        # A headless name needs "में" and a listener after it ("लियोन में संवाददाताओं से कहा"): bare
        # "X में कहा" is as often a study, a letter or a topic as a town.
        listener = _LISTENER.match(f[m.end() : hi]) if before_verb else None
        headless = listener is not None and bool(listener.group().strip()) and m.group() == "में"
        got = _phrase(f, lo, m.start(), headless=headless)
        if got is not None and not any(a < got.end and got.start < b for a, b in skip):
            found = got
    return found
