"""Misspelled pronouns (उन्होने, उन्हों ने) read as the pronoun they are, offsets kept."""

from __future__ import annotations

import re

from service.text.lexicon import data_path, read_rows

_SPELLINGS = {
    variant: pronoun for variant, pronoun in read_rows(data_path("claims", "pronoun_spellings.tsv"))
}
# Longest first, whole words only ("उन्होंन" never matches inside "उन्होंने").
_VARIANT_RE = re.compile(
    r"(?<![\u0900-\u097f])(?:"
    + "|".join(re.escape(v) for v in sorted(_SPELLINGS, key=len, reverse=True))
    + r")(?![\u0900-\u097f])"
)


def has_misspelling(folded: str) -> bool:
    return _VARIANT_RE.search(folded) is not None


def respell(folded: str, fmap: list[int]) -> tuple[str, list[int]]:
    """``folded`` with each misspelled pronoun replaced, and ``fmap`` (folded index -> source index,
    one entry past the end) rebuilt: a replacement's characters map into the variant's source span."""
    out: list[str] = []
    omap: list[int] = []
    last = 0
    for m in _VARIANT_RE.finditer(folded):
        out.append(folded[last : m.start()])
        omap.extend(fmap[last : m.start()])
        canonical = _SPELLINGS[m.group()]
        span = fmap[m.start() : m.end()]
        out.append(canonical)
        omap.extend(span[min(k, len(span) - 1)] for k in range(len(canonical)))
        last = m.end()
    out.append(folded[last:])
    omap.extend(fmap[last:])
    return "".join(out), omap
