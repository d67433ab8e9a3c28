"""Hindi text normalization shared by dates, claims, places and search."""

from __future__ import annotations

import re
import unicodedata

NUKTA = "\u093c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")

# Spelling variants Hindi newsrooms use interchangeably; each maps one code point to one
# (or zero) so that a folded string keeps a simple offset map back to the source.
_SIMPLE_FOLD = {
    "\u0949": "\u094b",  # ॉ → ो (वॉनसान / वोनसान)
    "\u0945": "\u0947",  # ॅ → े
    "\u0911": "\u0913",  # ऑ → ओ
    "\u0901": "\u0902",  # chandrabindu → anusvara
}


def first_char_alternation(words, *, after_first: str = "") -> str:
    """Regex alternation of ``words`` factored by first character, longest first.

    Every branch starts with a literal character, so the regex engine skips positions that
    cannot start a word in C instead of trying each word there (several times faster than a
    flat alternation). ``after_first`` is inserted after that character (e.g. a lookbehind).
    """
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(c) + after_first + "(?:" + "|".join(r) + ")" for c, r in by_first.items())


def nfc(text: str) -> str:
    """Unicode NFC, the form every stored text is kept in."""
    # The quick check is much cheaper than normalizing, and news text is almost always NFC.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def source_end(text: str, end: int) -> int:
    """A source end offset extended over nukta signs that folding dropped.

    NFC keeps क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ decomposed (letter + U+093C), so a name that ends in one of
    them ("तिहाड़") would otherwise lose its nukta when a folded span is mapped back.
    """
    while end < len(text) and text[end] == NUKTA:
        end += 1
    return end


def spellings(text: str) -> set[str]:
    """The ways a client may have written ``text``: NFC, and NFC with क़…य़ precomposed."""
    composed = unicodedata.normalize("NFC", text)
    return {composed, _PRECOMPOSED.sub(lambda m: _PRECOMPOSE[m.group()], composed)}


# NFC decomposes the nukta letters U+0958..U+095F (composition exclusions); many sources send
# them precomposed.
_PRECOMPOSE = {unicodedata.normalize("NFD", chr(c)): chr(c) for c in range(0x0958, 0x0960)}
_PRECOMPOSED = re.compile("|".join(_PRECOMPOSE))


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold spelling variants and return the folded text plus, per folded char, its source index.

    Folding: NFD nukta removal, ॉ→ो, ॅ→े, chandrabindu→anusvara, zero-width chars dropped,
    Devanagari digits → ASCII, lower case. ``mapping[i]`` is the index in ``text`` of folded
    character ``i``; ``mapping[len(folded)] == len(text)`` so end offsets map too.
    """
    out: list[str] = []
    mapping: list[int] = []
    for i, ch in enumerate(text):
        if ch in ZERO_WIDTH:
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        for part in decomposed:
            if part == NUKTA:
                continue
            part = _SIMPLE_FOLD.get(part, part).translate(DEVANAGARI_DIGITS).lower()
            for p in part:
                out.append(p)
                mapping.append(i)
    mapping.append(len(text))
    return "".join(out), mapping


# The same folding as ``fold_with_map`` as one translate table over NFC text: NFC leaves the
# nukta letters क़…य़ decomposed (composition exclusions), so deleting U+093C covers them;
# ऩ ऱ ऴ stay composed and are mapped to their base letters.
_FOLD_TABLE = str.maketrans(
    {
        NUKTA: None,
        "\u0929": "\u0928",
        "\u0931": "\u0930",
        "\u0934": "\u0933",
        **{ch: None for ch in ZERO_WIDTH},
        **_SIMPLE_FOLD,
        **{chr(0x0966 + d): str(d) for d in range(10)},
    }
)
_WHITESPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold spelling variants (as ``fold_with_map`` does) and collapse whitespace."""
    folded = unicodedata.normalize("NFC", text).translate(_FOLD_TABLE).lower()
    return _WHITESPACE.sub(" ", folded).strip()
