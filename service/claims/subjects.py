"""Subjects of reporting verbs that take no ने (imperfective कहते हैं, intransitive बोले)."""

from __future__ import annotations

import re

from service.claims.content import Context, speaker
from service.claims.plain_mentions import PLAIN_ROLES
from service.claims.speaker_book import EntityBook
from service.claims.speakers import _STOP, HONORIFICS, is_role_word
from service.places.setting import PLACE_HEADS
from service.text.lexicon import word_set

# Generic subjects ("लोग कहते हैं कि …") report hearsay, not an identifiable speaker.
GENERIC_SUBJECTS = word_set("claims", "generic_subjects.txt")
_POSTPOSITIONS = frozenset("का की के को से में पर ने".split())
# Particles and adverbs between a subject and its verb: "X भी कहते हैं", "X तो यहां तक कहते हैं".
_TRAILING_PARTICLE = re.compile(
    # particles, and the speech verb's own object ("X यह कहते हुए दिखे कि …", "X ऐसा मानते हैं")
    r"\s+(?:भी|ही|तो|यह\s+भी|यही|यह|ये|ऐसा|यहां\s+तक|लगातार|हमेशा|अक्सर|बार-बार|साफ|खुलकर|आगे)\s*$"
)

_LEAD = re.compile(
    r"(?:(?:वहीं|वही|इधर|उधर|हालांकि|लेकिन|मगर|परंतु|पर|साथ\s+ही|इस\s+पर|इसके\s+बाद|अब|फिर|और)\s*,?\s+)*"
)
_SUBJECT_PRONOUNS = frozenset(["वह", "वे", "वो"])
_CLAUSE_JOIN = re.compile(r"(?:\s(?:लेकिन|मगर|परंतु|पर|और|जबकि|तो)|,)\s+")


def last_clause_start(f: str, s: int, e: int) -> int | None:
    """Start of the last coordinated clause in ``f[s:e]``, if one begins after a conjunction."""
    found = None
    for m in _CLAUSE_JOIN.finditer(f, s, e):
        found = m.end()
    return found


# After a subject NP: a case marker or a genitive makes it no subject ("पटवारी के समर्थक …").
_NOT_SUBJECT_NEXT = frozenset("का की के को से में पर ने तक द्वारा".split())


def direct_subject(ctx: Context, book: EntityBook, s: int, verb_start: int, dates=()) -> tuple | None:
    """(entity, NP start) of the subject of a verb that takes no ने (कहते हैं, बोले): a pronoun
    (वह, वे), a person or organization this article already named ("पटवारी" after "जीतू पटवारी
    ने"), else the noun phrase right before the verb ("प्रोफेसर रमेश कहते हैं कि …")."""
    f = ctx.f
    p = _LEAD.match(f, s, verb_start).end()
    # "X इस शोध को रोमांचकारी बताते हैं लेकिन वह ये भी कहते हैं, …": the verb's own clause
    clause = last_clause_start(f, p, verb_start)
    if (
        clause is not None
        and f[clause:verb_start].split()[:1]
        and f[clause:verb_start].split()[0] in _SUBJECT_PRONOUNS
    ):
        p = clause
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
    got = _new_subject(ctx, book, s, verb_start, dates)
    if got is None and (end := initial_person(ctx, s, verb_start)) is not None:
        # "प्रधानमंत्री नरेन्द्र मोदी कई मौकों पर कह चुके हैं": adverbials between subject and verb
        found = speaker(ctx, book, s, end, "ने", dates)
        got = (found[0], found[2]) if found is not None and not found[3] else None
    return got


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
    if f[max(s, np_start - 4) : np_start].strip() == "को":
        return None  # "X इस शोध को रोमांचकारी बताते हैं": a complement, not the subject
    words = f[np_start:end].split()
    if via_pronoun or not words or len(words) > 7 or words[-1] in GENERIC_SUBJECTS:
        return None
    if words[-1][-1] in ",;:" or words[0] in _POSTPOSITIONS:
        return None  # a headline fragment ("… का औचक निरीक्षण, कहा- …"), not a subject
    return ent, np_start


_CASE_NEXT = frozenset("का की के को से में पर ने तक द्वारा".split())
_NAME_WORDS = 2  # after a role or honorific, a person's name is most often two words


_DATE_CASE = re.compile(r"\s*(?:को|में|से)?\s*,?\s*")
# A relative participle describing the subject ("शुक्राणुओं पर शोध करने वाले डॉक्टर X …",
# "गांव में रहने वाली शिक्षिका X …"): the subject NP starts after it.
_PARTICIPLE_LEAD = re.compile(r"(?:\S+\s+){0,6}?\S+(?:ने|ते)\s+(?:वाले|वाली|वाला)\s+")


def _after_lead(ctx: Context, s: int, e: int) -> int:
    """Where the subject can start: after discourse words (वहीं, इधर) and a date ("बुधवार को")."""
    p = _LEAD.match(ctx.f, s, e).end()
    for ds, de in ctx.dates:
        if ds == p and de < e:
            p = _LEAD.match(ctx.f, _DATE_CASE.match(ctx.f, de, e).end(), e).end()
            break
    participle = _PARTICIPLE_LEAD.match(ctx.f, p, e)
    return participle.end() if participle else p


# "प्रोफेसर X की राय भी यही है": the holder of an opinion is the topic a later उनका कहना means.
_OPINION_NOUNS = frozenset("राय सोच मत विचार मानना तर्क".split())


def _opinion_of(rest: list[str]) -> bool:
    return len(rest) > 1 and rest[0] in ("का", "की") and rest[1] in _OPINION_NOUNS


def _vouched(lead: list[str]) -> bool:
    """An honorific or an office ("विधायक", "कलेक्टर") before the name words makes them a name; a
    plain noun does not ("आरोपित जबरदस्ती शादी करना चाहता था": no one named जबरदस्ती)."""
    return any(w in HONORIFICS or (is_role_word(w) and w not in PLAIN_ROLES) for w in lead)


def initial_person(ctx: Context, s: int, e: int, *, need_honorific: bool = False) -> int | None:
    """End of a role-anchored person NP that opens the sentence in the direct case ("डीन डॉ.
    अरविंद घनघोरिया वार्ड में पहुंचे", "प्रधानमंत्री नरेन्द्र मोदी कई मौकों पर कह चुके हैं"):
    role words and/or an honorific, then up to two name words not followed by a case marker."""
    f = ctx.f
    p = _after_lead(ctx, s, e)
    toks = list(re.finditer(r"\S+", f[p:e]))[:14]
    words = [t.group().strip(",;:") for t in toks]
    k = 0
    # "एमवाय अस्पताल अधीक्षक डॉ. X …": an institution's words before the role and an honorific
    pre = next((i for i in range(1, 4) if i + 1 < len(words) and is_role_word(words[i])), 0)
    if pre and words[pre + 1] in HONORIFICS and not any(w in _STOP or w in _CASE_NEXT for w in words[:pre]):
        k = pre
    # "ओपन यूनिवर्सिटी के डॉक्टर महेश आनंद …": an institution's genitive before the role
    # (institution names run long: "लंदन स्कूल ऑफ़ हाइजीन एंड ट्रॉपिकल मेडिसिन के प्रोफ़ेसर X")
    gen = next((i for i, w in enumerate(words[:9]) if w in ("के", "की") and i + 1 < len(words)), None)
    if gen is not None and (is_role_word(words[gen + 1]) or words[gen + 1] in HONORIFICS):
        k = gen + 1
    start = k
    while k < len(words) and (is_role_word(words[k]) or words[k] in HONORIFICS):
        k += 1
    if k == start or (need_honorific and not _vouched(words[start:k])):
        return None
    n = 0
    while k + n < len(words) and n < _NAME_WORDS:
        w = words[k + n]
        if w in _STOP or w in _CASE_NEXT or w in HONORIFICS or is_role_word(w) or any(c.isdigit() for c in w):
            break
        if w in PLACE_HEADS:  # "निगमायुक्त राजमोहल्ला चौराहा …": the places visited, no name
            return None
        n += 1
        if toks[k + n - 1].group()[-1] in ",;:":
            break
    if n == 0 or (k + n < len(words) and words[k + n] in _CASE_NEXT and not _opinion_of(words[k + n :])):
        return None
    if (
        need_honorific
        and not any(w in HONORIFICS for w in words[start:k])
        and toks[k + n - 1].group()[-1] in ",;:"
    ):
        return None  # "शिक्षिका ऑस्टियोजेनेसिस इम्परफेक्टा, …": an apposition, not a name
    end = p + toks[k + n - 1].start() + len(toks[k + n - 1].group().rstrip(",;:"))
    name_start = p + toks[k].start()  # an institution's place before the role is no objection
    if any(ps < end and name_start < pe for ps, pe in ctx.places):
        return None  # "कलेक्टर इंदौर …": a place, not a name
    return end
