"""The one asked answers: "X से (जब …) पूछा/बात की … तो (उन्होंने) बताया …" — the speaker is X."""

from __future__ import annotations

import re

from service.claims.lexicon import NOT_AFTER
from service.claims.speakers import PRONOUNS

# The question or conversation ending right before the answering pronoun: a verb of asking,
# its auxiliaries, an optional कि-question, and the तो/पर that opens the answer.
_ASKED_TAIL = re.compile(
    r"\s(?:पूछा|पूछे|पूछी|पूछने|पूछताछ|बात|बातचीत|चर्चा|सवाल|संपर्क)\S*"
    r"(?:\s+(?:की|किया|किए|किये|गया|गई|गयी|गए|गये|जाने|करने|होने|हुई|हुआ|था|थी|थे|है"
    r"|कि\s+[^,।?]{1,90}\??))*"
    r"\s*,?\s+(?:तो|पर|जिसमें|जिस\s+पर|जिसपर)\s*,?\s*$"
)
# Words ending in से: the postposition itself or a pronoun fused with it (उनसे); कैसे, जैसे, ऐसे
# and the like are other words.
_SE_WORD = re.compile(r"(?<!\S)(\S*)से" + NOT_AFTER)
_PRONOUN_FROM = frozenset("उन इन उस इस आप".split())
# The one asked starts after the asker or the जब that opens the clause ("जब बीबीसी ने X से बात की").
_ASKER = re.compile(r"(?<!\S)(?:ने|जब)(?=\s)|,")
_REACH = 70
# Where a question's कि-clause ends: the answer opens with तो/पर and its speaker ("पूछा कि पैसा
# कहां है तो उसने कहा …"); the answer is a claim of its own, not part of the question.
_ANSWER = re.compile(
    r"\s*,?\s+(?:तो|पर)\s*,?\s+(?:" + "|".join(sorted(PRONOUNS, key=len, reverse=True)) + r")" + NOT_AFTER
)


def asked(f: str, lo: int, at: int) -> tuple[int, int] | None:
    """(start, se) of the person asked — the words from ``start`` up to the "से" at ``se`` — when
    the pronoun at ``at`` answers a question put to someone named in this sentence; None otherwise
    (also when the one asked is a pronoun: "जब उनसे पूछा गया तो उन्होंने …" keeps the running
    antecedent)."""
    m = _ASKED_TAIL.search(f, lo, at)
    if m is None:
        return None
    # The last से before the asking: "दिल्ली से लौटे मंत्री से पूछा" asks the minister.
    froms = [
        w
        for w in _SE_WORD.finditer(f, max(lo, m.start() - _REACH), m.start() + 1)
        if w.group(1) in ("", *_PRONOUN_FROM)
    ]
    if not froms or froms[-1].group(1):
        return None
    se = froms[-1].start()
    start = lo
    for k in _ASKER.finditer(f, lo, se):
        start = k.end()
    return (start, se) if f[start:se].strip() else None


def question_end(f: str, s: int, e: int) -> int:
    """End of a question put in ``f[s:e]``: before the answer, if one follows in the sentence."""
    m = _ANSWER.search(f, s, e)
    return m.start() if m else e
