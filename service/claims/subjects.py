"""Subjects of reporting verbs that take no ने (imperfective कहते हैं, intransitive बोले)."""

from __future__ import annotations

import re

from service.claims.content import Context, speaker
from service.claims.speaker_book import EntityBook
from service.text.lexicon import word_set

# Generic subjects ("लोग कहते हैं कि …") report hearsay, not an identifiable speaker.
GENERIC_SUBJECTS = word_set("claims", "generic_subjects.txt")
_POSTPOSITIONS = frozenset("का की के को से में पर ने".split())
# Particles and adverbs between a subject and its verb: "X भी कहते हैं", "X तो यहां तक कहते हैं".
_TRAILING_PARTICLE = re.compile(
    r"\s+(?:भी|ही|तो|यह\s+भी|यही|यहां\s+तक|लगातार|हमेशा|अक्सर|बार-बार|साफ|खुलकर|आगे)\s*$"
)

_LEAD = re.compile(
    r"(?:(?:वहीं|वही|इधर|उधर|हालांकि|लेकिन|मगर|परंतु|साथ\s+ही|इस\s+पर|इसके\s+बाद|अब|फिर|और)\s*,?\s+)*"
)
_SUBJECT_PRONOUNS = frozenset(["वह", "वे", "वो"])
# After a subject NP: a case marker or a genitive makes it no subject ("पटवारी के समर्थक …").
_NOT_SUBJECT_NEXT = frozenset("का की के को से में पर ने तक द्वारा".split())


def direct_subject(ctx: Context, book: EntityBook, s: int, verb_start: int, dates=()) -> tuple | None:
    """(entity, NP start) of the subject of a verb that takes no ने (कहते हैं, बोले): a pronoun
    (वह, वे), a person or organization this article already named ("पटवारी" after "जीतू पटवारी
    ने"), else the noun phrase right before the verb ("प्रोफेसर रमेश कहते हैं कि …")."""
    f = ctx.f
    p = _LEAD.match(f, s, verb_start).end()
    words = f[p:verb_start].split()
    if not words:
        return None
    if words[0] in _SUBJECT_PRONOUNS:
        ent = book.pronoun()
        return (ent, p) if ent is not None else None
    for k in range(min(4, len(words) - 1), 0, -1):
        if words[k] in _NOT_SUBJECT_NEXT:
            continue
        key = " ".join(words[:k])
        for ent in reversed(book.last):
            if ent.key and (
                ent.key == key or (k == 1 and ent.kind == "person" and ent.key.split()[-1] == key)
            ):
                book.pronoun_target(ent)
                return ent, p
    return _new_subject(ctx, book, s, verb_start, dates)


def _new_subject(ctx: Context, book: EntityBook, s: int, verb_start: int, dates) -> tuple | None:
    """A first mention as subject: the NP that ends right before the verb (after particles such
    as भी/तो/यहां तक), named (not generic: लोग, सब), and registered for later pronouns."""
    f = ctx.f
    end = verb_start
    while True:
        m = _TRAILING_PARTICLE.search(f, s, end)
        if m is None:
            break
        end = m.start()
    found = speaker(ctx, book, s, end, "ने", dates)
    if found is None:
        return None
    ent, _role, np_start, via_pronoun = found
    words = f[np_start:end].split()
    if via_pronoun or not words or len(words) > 7 or words[-1] in GENERIC_SUBJECTS:
        return None
    if words[-1][-1] in ",;:" or words[0] in _POSTPOSITIONS:
        return None  # a headline fragment ("… का औचक निरीक्षण, कहा- …"), not a subject
    return ent, np_start
