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


def nfc(text: str) -> str:
    """Unicode NFC, the form every stored text is kept in."""
    return unicodedata.normalize("NFC", text)


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


def fold(text: str) -> str:
    """Fold spelling variants (see ``fold_with_map``) and collapse whitespace."""
    return re.sub(r"\s+", " ", fold_with_map(text)[0]).strip()


def normalize_for_hash(text: str) -> str:
    """NFC with whitespace folded: two texts equal under this are the same article."""
    return re.sub(r"\s+", " ", nfc(text)).strip()
