"""Speaker noun phrases: boundaries before ने / के मुताबिक, and the role/name split."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import NamedTuple

from service.text.lexicon import data_path, read_rows, word_set

# Folded forms throughout (ॉ→ो, no nukta): the extractor works on folded text.
_TOKEN = re.compile(r"\S+")
# Words that cannot be inside a speaker NP: postpositions that end an adverbial, participles,
# connectives, time words, verbs. Scanning back from "ने" stops at the first of them.
_STOP = word_set("claims", "np_stop_words.txt")
# Future-tense finite verbs (देगी, होगा, जाएगा) end a clause; they are never inside a speaker NP.
# (होगा is listed whole: a bare "-ोगी" ending would also cut names such as योगी.)
_FUTURE_ENDINGS = ("ेगा", "ेगी", "ेगे", "ेंगे", "ेंगी", "ोगे", "एगा", "एगी", "एंगे", "होगा", "होगी", "होंगे")
_LEADING_DROP = frozenset("एक इस उस यह वह ये वे और तथा एवं व".split())
_PUNCT_END = frozenset(",;:।!?|-–—")
_STRIP = "\"'“”‘’()[]"

_PRONOUN_ROWS = read_rows(data_path("claims", "pronouns.tsv"))
PRONOUNS = frozenset(word for word, kind in _PRONOUN_ROWS if kind == "antecedent")
SKIP_PRONOUNS = frozenset(word for word, kind in _PRONOUN_ROWS if kind == "skip")

HONORIFICS = word_set("claims", "honorifics.txt")
# Role heads: the role ends at the last of them, the name follows (रूसी विदेश मंत्री | सर्गेई लावरोव).
ROLE_HEADS = word_set("claims", "role_heads.txt")
_RESIDENT = frozenset(["निवासी", "रहवासी"])
# Last words of a locality: "माया शर्मा निवासी संतबाग कालोनी" names the person before निवासी.
_LOCALITY_ENDS = word_set("claims", "locality_ends.txt")
# Compound role words end in a role head (निगमायुक्त, संभागायुक्त, महानिदेशक, उपाधीक्षक, सरसंघचालक).
# After a consonant the vowel turns into its sign: निगम + आयुक्त = निगमायुक्त.
ROLE_SUFFIXES = (
    "आयुक्त", "ायुक्त", "निदेशक", "अधीक्षक", "ाधीक्षक", "चालक", "अधिकारी", "ाधिकारी", "निरीक्षक",
    "मंत्री", "सचिव", "अध्यक्ष", "ाध्यक्ष",
)  # fmt: skip


def is_role_word(word: str) -> bool:
    return word in ROLE_HEADS or (len(word) > 6 and word.endswith(ROLE_SUFFIXES))


ORG_HEADS = word_set("claims", "org_heads.txt")


class NounPhrase(NamedTuple):
    start: int  # folded offsets
    end: int
    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...] = ()


def _tokens_back(f: str, lo: int, pos: int):
    """Whitespace tokens of ``f[lo:pos]`` as (start, end, word), last first.

    The NP rarely spans more than a dozen words, so only the tail of a long sentence is split.
    """
    chunk = f[lo:pos]
    parts = chunk.rsplit(None, 16)
    more = len(parts) == 17
    end = len(chunk)
    for w in reversed(parts[1:] if more else parts):
        k = chunk.rfind(w, 0, end)
        yield lo + k, lo + k + len(w), w
        end = k
    if more:
        for m in reversed(list(_TOKEN.finditer(f, lo, lo + end))):
            yield m.start(), m.end(), m.group()


# News-agency slugs glued before a story ("अर्थ8 वायरस मारुति …", "वि12 कोरोना लीड …").
_SLUG = re.compile(r"[\u0900-\u097f]+\d+")


def np_before(f: str, pos: int, lo: int, *, blocked: tuple[tuple[int, int], ...] = ()) -> NounPhrase | None:
    """The speaker noun phrase that ends right before ``pos`` (the ने / के मुताबिक marker) in ``f[lo:pos]``."""
    picked: list[tuple[int, int, str]] = []
    paren = 0
    for s, e, w in _tokens_back(f, lo, pos):
        if blocked and any(bs < e and s < be for bs, be in blocked):
            break
        if paren:
            picked.append((s, e, w))
            paren -= w.count("(")
            continue
        if w.endswith(")"):
            paren += w.count(")") - w.count("(")
            picked.append((s, e, w))
            continue
        if picked and w[-1] in _PUNCT_END:
            break
        bare = w.strip(_STRIP).rstrip(",;:")
        if (
            not bare
            or bare in _STOP
            or bare[0].isdigit()
            or (bare[-1].isdigit() and _SLUG.fullmatch(bare))  # a wire slug: "अर्थ8", "वि12"
            or bare.endswith(_FUTURE_ENDINGS)
        ):
            break
        if bare in PRONOUNS or bare in SKIP_PRONOUNS:
            if not picked:
                picked.append((s, e, w))
            break
        picked.append((s, e, w))
        if len(picked) >= 12:
            break
    picked.reverse()
    while picked and picked[0][2].strip(_STRIP) in _LEADING_DROP:
        picked.pop(0)
    while picked and picked[-1][2].strip(_STRIP) in ("भी", "ही"):
        picked.pop()
    if not picked:
        return None
    return NounPhrase(
        picked[0][0], picked[-1][1], tuple(w for _, _, w in picked), tuple((a, b) for a, b, _ in picked)
    )


def strip_parens(words: list[str]) -> tuple[list[str], list[str]]:
    """Split ``words`` into words outside brackets and the bracketed abbreviations/aliases."""
    for w in words:
        if w[:1] == "(":
            break
    else:
        return list(words), []  # no bracket opens a word: the common case
    outside: list[str] = []
    inside: list[str] = []
    cur: list[str] = []
    depth = 0
    for w in words:
        if depth == 0 and w.startswith("("):
            depth = 1
            cur = [w.lstrip("(")]
            if w.endswith(")"):
                depth = 0
                inside.append(" ".join(cur).rstrip(")"))
            continue
        if depth:
            cur.append(w)
            if w.endswith(")"):
                depth = 0
                inside.append(" ".join(cur).rstrip(")"))
            continue
        outside.append(w)
    return outside, [x.strip() for x in inside if x.strip()]


@dataclass(frozen=True, slots=True)
class SpeakerParts:
    role: str | None
    name: str | None  # None: a bare role ("वित्त मंत्री") or pronoun
    kind: str
    aliases: tuple[str, ...]


_PARTS_CACHE: dict[tuple[tuple[str, ...], tuple[str, ...]], SpeakerParts] = {}


def split_role_name(words: list[str], folded: list[str]) -> SpeakerParts:
    """Split a speaker NP (source words + their folded forms) into role and name."""
    # Pure and called for every ने-subject; the same NPs recur within and across articles.
    key = (tuple(words), tuple(folded))
    parts = _PARTS_CACHE.get(key)
    if parts is None:
        if len(_PARTS_CACHE) > 50_000:
            _PARTS_CACHE.clear()
        parts = _PARTS_CACHE[key] = _split_role_name(words, folded)
    return parts


def _split_role_name(words: list[str], folded: list[str]) -> SpeakerParts:
    outside, bracket = strip_parens(words)
    f_out, _ = strip_parens(folded)
    for k, w in enumerate(f_out[1:-1], start=1):
        if w in _RESIDENT and f_out[-1].strip(_STRIP) in _LOCALITY_ENDS:
            # "<name> निवासी <locality>": the person comes first, the address is an alias.
            head = _split_role_name(outside[:k], f_out[:k])
            return dataclasses.replace(head, aliases=(*head.aliases, " ".join(outside)))
    cut = -1
    for i, w in enumerate(f_out):
        if is_role_word(w.strip(_STRIP)):
            cut = i
    head = f_out[-1].strip(_STRIP) if f_out else ""
    is_org = head in ORG_HEADS or (head.endswith("ों") and cut < len(f_out) - 1)
    aliases = [b for b in bracket if len(b.split()) <= 3]
    if is_org and cut < len(f_out) - 1:
        return SpeakerParts(None, " ".join(w.strip(_STRIP) for w in outside), "organization", tuple(aliases))
    # "डायरेक्टर जनरल ऑफ हेल्थ जेरोम": an English "of"-phrase still belongs to the role.
    while cut >= 0 and cut + 2 < len(f_out) and f_out[cut + 1] in ("ओफ", "of"):
        cut += 2
    role = " ".join(w.strip(_STRIP) for w in outside[: cut + 1]) or None
    rest = outside[cut + 1 :]
    rest_f = f_out[cut + 1 :]
    while rest_f and rest_f[0].strip(_STRIP) in HONORIFICS:
        rest, rest_f = rest[1:], rest_f[1:]
    name = " ".join(w.strip(_STRIP) for w in rest) or None
    if name and len(rest) < len(outside) - (cut + 1):
        aliases.append(" ".join(outside[cut + 1 :]))
    if role and name:
        aliases.append(f"{role} {name}")
    return SpeakerParts(role, name, "person", tuple(aliases))


__all__ = [
    "HONORIFICS",
    "ORG_HEADS",
    "PRONOUNS",
    "ROLE_HEADS",
    "SKIP_PRONOUNS",
    "NounPhrase",
    "SpeakerParts",
    "np_before",
    "split_role_name",
    "strip_parens",
]
