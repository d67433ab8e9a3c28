"""Local places no city/country gazetteer holds: "<Name> जिले", "<Name> थाना क्षेत्र", "<Name> नगर", ….

A local place phrase is 1–3 name words followed by a head noun that marks a locality or an
institution used as a place (जिला, थाना, तहसील, ब्लॉक, गांव, कस्बा, नगर, कॉलोनी, मोहल्ला, बस्ती,
चौराहा, चौक, बाजार, मैदान, कलेक्ट्रेट, अस्पताल). Devanagari has no capital letters, so a name word is
any Devanagari word that is not a function word, verb form, quantifier or generic modifier
(``_NOT_NAME``); the name stops at the first such word, at punctuation or at a number.

Rejected: a head followed by a role/organisation word ("थाना प्रभारी", "नगर निगम", "जिला अध्यक्ष") or
by the agent marker ने ("सुरेश नगर ने कहा" is a person, "अस्पताल ने बताया" an organisation).

A bare singular head ("थाने में", "जिले के") refers back to the latest *named* place with the same
head earlier in the text ("आजाद नगर थाना क्षेत्र … शव थाने में रखा"); without such an antecedent, or
with a non-coreferent modifier ("दूसरे थाने", "निजी अस्पताल"), it is no place.

Works on raw or ``hindi.fold``-ed text (patterns accept both spellings); offsets are in the text given.
No Flask, no gazetteer load: one regex scan per article plus a few word look-ups per head found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.places.gazetteer import Place, fold_word
from service.text.lexicon import data_path, read_words

__all__ = ["LocalMention", "find_local_places", "local_place", "name_words"]

_L = "\u0900-\u0963\u0971-\u097f"  # Devanagari letters and marks (no danda, no digits)
_LETTERS = frozenset(chr(c) for c in [*range(0x0900, 0x0964), *range(0x0971, 0x0980)])

# Canonical (direct-case) head -> written forms, raw and folded (ॉ/ो, with/without nukta, ँ/ं).
# Plurals (थानों, जिलों) are not heads. Found with str.find (a regex alternation cost 3x the budget).
# Each form is a stem plus the vowel signs that may end it ("" = the stem is the whole word).
_HEADS: dict[str, tuple[tuple[str, str], ...]] = {
    "जिला": (("जिल", "ाे"),),
    "थाना": (("थान", "ाे"),),
    "तहसील": (("तहसील", ""),),
    "ब्लॉक": (("ब्ल", "ॉोा"),),  # ब्लॉक ब्लोक ब्लाक: the "क" is checked below
    "गांव": (("गांव", ""), ("गाँव", "")),
    "कस्बा": (("कस्ब", "ाे"), ("क\u093cस्ब", "ाे"), ("\u0958स्ब", "ाे")),
    "नगर": (("नगर", ""),),
    "कॉलोनी": (("कॉलोनी", ""), ("कोलोनी", ""), ("कालोनी", "")),
    "मोहल्ला": (("मोहल्ल", "ाे"),),
    "बस्ती": (("बस्ती", ""),),
    "चौराहा": (("चौराह", "ाे"),),
    "चौक": (("चौक", ""),),
    "बाजार": (("बाजार", ""), ("बाज\u093cार", ""), ("बा\u095bार", "")),
    "मैदान": (("मैदान", ""),),
    "कलेक्ट्रेट": (("कलेक्ट्रेट", ""), ("कलेक्टोरेट", ""), ("कलेक्टरेट", "")),
    "अस्पताल": (("अस्पताल", ""),),
}
_FORMS = tuple(
    (stem, ends, (2 if canon == "ब्लॉक" else 1) if ends else 0, canon)
    for canon, forms in _HEADS.items()
    for stem, ends in forms
)
# Heads that may end a name inside a longer phrase ("आजाद नगर थाना", "सदर बाजार चौराहा").
_INNER = frozenset({"नगर", "कॉलोनी", "मोहल्ला", "बस्ती", "चौराहा", "चौक", "बाजार", "मैदान"})
_INNER_KEYS = frozenset(
    fold_word(w)
    for w in ("नगर", "कॉलोनी", "कालोनी", "मोहल्ला", "बस्ती", "चौराहा", "चौराहे", "चौक", "बाजार", "मैदान")
)
# Heads that are ordinary common nouns when bare: never a back-reference.
_NO_BARE = frozenset({"नगर", "बाजार", "मैदान", "चौक", "बस्ती"})
# A name word, or an abbreviation of two or more dotted initials ("एम.वाय.", "एम. वाय.").
_WORD = f"(?:[{_L}]{{1,3}}\\.(?: ?[{_L}]{{1,3}}\\.)+|[{_L}]+)"
_WORD_RE = re.compile(_WORD)
_TAIL_RE = re.compile(f"(?:{_WORD} ){{1,4}}$")
# After the head: role/organisation words make the phrase a title or a body, not a place.
_AFTER_BAD = re.compile(
    r"\s*-?\s*(?:ने|प्रभारी|इंचार्ज|अध्यक्ष|उपाध्यक्ष|प्रशासन|पंचायत|प्रधान|प्रमुख|निगम|पालिका|परिषद|"
    r"कलेक्टर|मजिस्ट्रेट|अधिकारी|अधीक्षक|प्रबंधन|टीआ[इई]|प्रवक्ता|सचिव|मंत्री|स्टाफ|कर्मचारी|संघ|"
    r"समिति|कमेटी|स्तर|स्तरीय|विकास|न्यायालय|अदालत|कोर्ट|पुलिस|बल|इकाई|कार्यालय|मुख्यालय|"
    r"निर्वाचन|शिक्षा|सहकारी|बैंक|बोर्ड|सभा|सेवा|सीमा|भाजपा|कांग्रेस)(?![" + _L + "])"
)
_AREA = re.compile(r"\s+क्षेत्र(?![" + _L + "])")

# Words that are never part of a place name (folded spellings).
_NOT_NAME = frozenset(fold_word(w) for w in read_words(data_path("places", "not_name_words.txt")))
# A modifier that makes a bare head a *different* place ("दूसरे थाने", "निजी अस्पताल").
_NOT_SAME = frozenset(fold_word(w) for w in read_words(data_path("places", "not_same_modifiers.txt")))


# Plural oblique nouns (लोगों), oblique infinitives and participles (रखने, चलते, पोतकर): not names.
_NOT_NAME_END = re.compile("(?:ों|ने|ते|[क-ह]कर)$")


@dataclass(frozen=True, slots=True)
class LocalMention:
    start: int  # span of the phrase in the scanned text (name + head; a bare reference: the head)
    end: int
    text: str  # as written
    place: Place
    named: bool  # False: a bare head resolved to an earlier named place
    antecedent: tuple[int, int]  # span of the named phrase the place was read from (itself if named)


def local_place(name: str, country: str = "") -> Place:
    """The ``Place`` of a local place with canonical ``name`` (id ``local:<folded name>``, no coordinates)."""
    key = " ".join(fold_word(w) for w in _WORD_RE.findall(name))
    return Place(
        id="local:" + key,
        name=name,
        name_en="",
        kind="locality",
        country=country,
        lat=None,
        lon=None,
        population=0,
        geonameid=None,
    )


def name_words(text: str, s: int) -> list[tuple[int, int, str]]:
    """Name words right before position ``s`` (text order), stopping at non-name words."""
    m = _TAIL_RE.search(text, max(0, s - 80), s)
    if m is None:
        return []
    words = [(w.start(), w.end(), w.group()) for w in _WORD_RE.finditer(text, m.start(), s)]
    out: list[tuple[int, int, str]] = []
    nxt = s
    for ws, we, w in reversed(words):
        k = fold_word(w)
        if k in _NOT_NAME or len(k) < 2 or len(out) == 3 or text[we:nxt] != " " or _NOT_NAME_END.search(k):
            break
        out.append((ws, we, w))
        nxt = ws
    out.reverse()
    return out


def find_local_places(
    text: str, country: str = "", known: frozenset[int] | set[int] = frozenset()
) -> list[LocalMention]:
    """Named local place phrases and bare heads that refer back to one, in text order, no overlaps.

    ``known``: end offsets of gazetteer mentions; a name never extends back over one that does not
    touch the head ("मुंबई तिलक नगर" -> तिलक नगर; "इंदौर जिले" stays whole).
    """
    hits = []
    n = len(text)
    for stem, ends, extra, canon in _FORMS:
        i = text.find(stem)
        while i >= 0:
            j = i + len(stem)
            if extra:
                if text[j : j + 1] not in ends or (extra == 2 and text[j + 1 : j + 2] != "क"):
                    i = text.find(stem, j)
                    continue
                j += extra
            if (i == 0 or text[i - 1] not in _LETTERS) and (j == n or text[j] not in _LETTERS):
                hits.append((i, j, canon))
            i = text.find(stem, j)
    if not hits:
        return []
    hits.sort()
    out: list[LocalMention] = []
    named: dict[str, LocalMention] = {}  # canonical head -> latest named mention
    taken_to = -1
    for i, (s, e, h) in enumerate(hits):
        if s < taken_to:
            continue
        head = h
        # "आजाद नगर थाना": an inner head directly followed by another head belongs to the longer phrase.
        if head in _INNER and i + 1 < len(hits) and hits[i + 1][0] == e + 1 and text[e] == " ":
            continue
        if _AFTER_BAD.match(text, e):
            continue
        words = name_words(text, s)
        # Inner heads may sit inside the name, but a name needs a real word before them.
        if known:
            cut = [i for i, w in enumerate(words[:-1]) if w[1] in known]
            if cut:
                words = words[cut[-1] + 1 :]
        while words and fold_word(words[0][2]) in _INNER_KEYS:
            words.pop(0)
        area = _AREA.match(text, e)
        end = area.end() if area else e
        if words:
            if words[0][0] < taken_to:
                continue
            start = words[0][0]
            canonical = " ".join(w for _, _, w in words) + " " + head
            mention = LocalMention(start, e, text[start:e], local_place(canonical, country), True, (start, e))
            named[head] = mention
            out.append(mention)
            taken_to = end
            continue
        if head in _NO_BARE:
            continue
        ref = named.get(head)
        if ref is None:
            continue
        prev = _WORD_RE.findall(text, max(0, s - 20), s)
        if prev and fold_word(prev[-1]) in _NOT_SAME:
            continue
        out.append(LocalMention(s, e, text[s:e], ref.place, False, ref.antecedent))
        taken_to = end
    return out
