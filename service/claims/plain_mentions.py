"""Plain-register people (an accused, a victim, a patient) as antecedents of the singular उसने/उसका/वह."""

from __future__ import annotations

import re
from typing import NamedTuple

from service.claims.speaker_book import Entity, EntityBook
from service.claims.speakers import _STOP, HONORIFICS, ORG_HEADS, SpeakerParts, is_role_word
from service.text.hindi import fold
from service.text.lexicon import word_set

PLAIN_ROLES = word_set("claims", "plain_roles.txt")
FAMILY_NAMES = word_set("claims", "family_names.txt")
# What may follow a person's name: a case marker, a coordination, an alias or an address.
_AFTER_NAME = frozenset("ने से को का की के और तथा उर्फ निवासी द्वारा पुत्र".split())
_NOT_NAME = (
    _STOP
    | _AFTER_NAME
    | PLAIN_ROLES
    | HONORIFICS
    | ORG_HEADS
    | frozenset("यह ये वह वे वो इस उस अपने अपनी अपना उसके उसकी उसका उनके उनकी उनका एक कोई भी ही तो जो जिस".split())
)
_WORD = re.compile(r"\S+")
# "… मुकीम खान को गिरफ्तार किया": whoever is arrested or detained is an accused from then on.
_ARREST = frozenset("गिरफ्तार हिरासत रिमांड जेल पकडा पकड पकडकर दबोचा दबोच".split())
_ACCUSED = ("आरोपित", "आरोपित")
_OF_KIN = frozenset("पुत्र पुत्री पिता पति पत्नी बेटा बेटी".split())
_EDGE = "\"'“”‘’()[],.;:!?।-–—"
_AGE = re.compile(r"^\d+$")
# How far back (folded characters) a plain mention stays the antecedent of a singular pronoun.
_REACH = 600
_KEEP = 8


class Mention(NamedTuple):
    """A plain person in the text: role words and name words as (source, folded) pairs, and where."""

    start: int
    roles: tuple[tuple[str, str], ...]
    names: tuple[tuple[str, str], ...]


def _name_like(word: str) -> bool:
    return (
        len(word) >= 2
        and not word.endswith("ों")
        and "(" not in word
        and word not in _NOT_NAME
        and not any(c.isdigit() for c in word)
        and (not is_role_word(word))
    )


def scan(f: str, s: int, e: int, src, dates=()) -> list[Mention]:
    """Plain mentions of one sentence (folded text ``f[s:e]``; ``src(fs, fe)`` gives source words):
    "आरोपित <name>", "<age> वर्षीय <name>", followed by a case marker, उर्फ, निवासी or a comma.
    Without ने/उर्फ/निवासी/a comma/an arrest after it, a name needs two words, and before a
    genitive a family name as its last ("युवती घर से लौटी" names nobody)."""
    toks = [
        (
            m.start(),
            m.end(),
            "" if any(ds < m.end() and m.start() < de for ds, de in dates) else m.group().strip(_EDGE),
        )
        for m in _WORD.finditer(f, s, e)
    ]  # a date word ("बुधवार को पकड़ा") is no name: blanked
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        j = _after_introducer(toks, i)
        if j is None:
            if toks[i][2] == "को" and i + 1 < len(toks) and toks[i + 1][2] in _ARREST:
                out.extend(_arrested(toks, i, src))
            i += 1
            continue
        roles = tuple((src(a, b).strip(_EDGE), w) for a, b, w in toks[i:j] if w in PLAIN_ROLES)
        names: list[tuple[int, int, str]] = []
        k = j
        while k < len(toks) and len(names) < 3 and _name_like(toks[k][2]):
            names.append(toks[k])
            comma = f[toks[k][1] - 1] == ","
            k += 1
            if comma:
                break
        aged = _AGE.match(toks[i][2]) is not None
        if aged and names:  # "30 वर्षीय सावित्री मथुरा …": the age vouches for the next word
            names = names[: 2 if len(names) > 1 and names[1][2] in FAMILY_NAMES else 1]
        while names and not aged and not _ends_name(f, toks, j + len(names), names):
            names.pop()
        if names:
            out.append(Mention(toks[i][0], roles, tuple((src(a, b).strip(_EDGE), w) for a, b, w in names)))
            i = j + len(names)
        else:
            i = j
    return out


def _arrested(toks, ko: int, src) -> list[Mention]:
    """The person before "को गिरफ्तार/हिरासत/पकड़ा" (up to three name words), as an accused."""
    k = ko
    while k > 0 and ko - k < 3 and _name_like(toks[k - 1][2]):
        k -= 1
    if k == ko or (k > 0 and toks[k - 1][2] in PLAIN_ROLES):
        return []  # nobody named, or "आरोपित <name> को …", which the forward scan takes
    names = tuple((src(a, b).strip(_EDGE), w) for a, b, w in toks[k:ko])
    return [Mention(toks[k][0], (_ACCUSED,), names)]


def _ends_name(f: str, toks, after: int, names) -> bool:
    """Whether the name words end where a name can: before a case marker, उर्फ, निवासी or a comma."""
    nxt = toks[after][2] if after < len(toks) else ""
    comma = f[names[-1][1] - 1] == ","
    if not (comma or nxt in _AFTER_NAME):
        return False
    arrest = nxt == "को" and after + 1 < len(toks) and toks[after + 1][2] in _ARREST
    if comma or arrest or nxt in ("ने", "उर्फ", "निवासी"):
        return True
    if len(names) < 2:
        return False
    # before a genitive two words are often a noun phrase ("भाई गोविंद जमानत की कोशिश"): there
    # the last must be a family name ("युवती प्रिया शर्मा की शिकायत")
    return nxt not in ("का", "की", "के") or names[-1][2] in FAMILY_NAMES


def _after_introducer(toks, i: int) -> int | None:
    """Index just past a plain introducer starting at token ``i`` (role words, or an age), else None."""
    w = toks[i][2]
    if w in _OF_KIN and i > 0 and _name_like(toks[i - 1][2]):
        return None  # "रोशन पुत्र केदार वर्मा": केदार is named as रोशन's father, not introduced
    if w in PLAIN_ROLES:
        j = i + 1
        while j < len(toks) and toks[j][2] in PLAIN_ROLES and j - i < 3:
            j += 1
        return j
    if _AGE.match(w) and i + 1 < len(toks) and toks[i + 1][2] in ("वर्षीय", "वर्षीया", "साला"):
        j = i + 2
        while j < len(toks) and toks[j][2] in PLAIN_ROLES and j - i < 4:
            j += 1  # "30 वर्षीय युवक राजेश ने": the role words, then the name
        return j
    return None


def register(book: EntityBook, mentions: list[Mention], at: int, f: str, s: int) -> None:
    """Enter plain mentions (and a sentence opened by a plain person's known name) in the book,
    without making them the subject an honorific उन्होंने means: the book's order is restored."""
    order = list(book.last)
    for m in mentions:
        if _next_word(f, m) == "ने":
            continue  # a ने-subject: the claim rules register it, with its whole role
        known = _known(book, m)
        if known is not None:  # a plain mention links; it never renames ("भाई गोविंद जमानत की …")
            _remember(book, m.start, known)
            continue
        role = " ".join(w for w, _ in m.roles) or None
        name = " ".join(w for w, _ in m.names)
        folded = " ".join([*(w for _, w in m.roles), *(w for _, w in m.names)])
        ent = book.resolve(SpeakerParts(role, name, "person", ()), folded, f"{role} {name}" if role else name)
        _remember(book, m.start, ent)
    first = _WORD.match(f, s)
    if first and not mentions:
        word = first.group().strip(_EDGE)
        for _, ent in reversed(book.plain):
            if len(word) >= 3 and (word in ent.key.split() or word in ent.role_key.split()):
                # "मुकीम स्कूटर लेकर आया", "आरोपित … चाहता था": the topic is the same person
                _remember(book, at, ent)
                break
    book.last[:] = order


def _next_word(f: str, m: Mention) -> str:
    """The word after the mention's name."""
    end = f.find(m.names[-1][1], m.start) + len(m.names[-1][1])
    nxt = _WORD.search(f, end)
    return nxt.group().strip(_EDGE) if nxt else ""


def _known(book: EntityBook, m: Mention) -> Entity | None:
    """A person of the book whose name shares the mention's first name word."""
    first = m.names[0][1]
    for ent in reversed(book.entities):
        if ent.kind == "person" and first in ent.key.split():
            return ent
    return None


def _remember(book: EntityBook, at: int, ent: Entity) -> None:
    book.plain[:] = [(p, e) for p, e in book.plain if e is not ent][-(_KEEP - 1) :]
    book.plain.append((at, ent))


def official(ent: Entity) -> bool:
    """An organization, an honorific or an office-holder: news calls them उन्होंने, not उसने."""
    if ent.kind != "person":
        return True
    words = f"{ent.role_key} {ent.key}".split() + [fold(a).split()[0] for a in ent.aliases if a.strip()]
    if any(w in HONORIFICS for w in words):
        return True
    roles = [w for w in ent.role_key.split() if is_role_word(w)]
    return bool(roles) and not any(w in PLAIN_ROLES for w in roles)


def plain_antecedent(book: EntityBook, at: int) -> Entity | None:
    """The latest plain mention before ``at`` and within reach, if any."""
    for pos, ent in reversed(book.plain):
        if pos < at and at - pos <= _REACH:
            return ent
    return None
