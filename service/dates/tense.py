"""Clause tense on folded text: future (incl. requests and imperatives) or past, else a default."""

from __future__ import annotations

import re

from service.dates.lexicon import B, E, alt
from service.dates.words import NOT_PERFECTIVES

PAST, FUTURE = "past", "future"

# Tense cues, scanned left to right after a mention; the first cue decides its clause.
# The future-suffix branch starts only at a word start: a match from inside a word also matches
# from its start (which search reaches first), and trying every inner position was quadratic.
_FUTURE = (
    f"(?<!\\S)[^\\s]*(?:[ेए]ं?ग[ाीे]ं?|[ूऊ]ंग[ाी]|ओगे|ोगे){E}|{B}हो(?:गा|गी|ंगे|ंगी){E}|प्रस्तावित|आगामी"
    "|होना है|होनी है|होने वाल|जाना है|करना है|(?:देना|देने|देनी|लेना|लेने|लेनी|करने|करनी|भेजनी|भेजना) (?:है|हैं)"
    "|रखना है|वाला है|वाली है|वाले हैं|संभावना है"
    # a possibility ("बुधवार से खुल सकते हैं") still lies ahead
    "|सकता है|सकती है|सकते हैं|सकती हैं"
)
# requests and imperatives ("याद दिलाओ", "बुक करो", "भेज दीजिए", "मिलते हैं"): an assistant's
# user asks about what is still to come
_IMPERATIVE = (
    f"{B}(?:करो|रखो|भेजो|बताओ|दिलाओ|लाओ|चलो|जाओ|आओ|देखो|मिलो|सुनो|बनाओ|लगाओ|बुलाओ"
    "|करें|रखें|दें|भेजें|बताएं|बताएँ|लाएं|चलें|मिलें|लें|देखें|बनाएं|लगाएं|बुलाएं|आएं|जाएं"
    "|करिए|कीजिए|कीजिये|दीजिए|दीजिये|रखिए|भेजिए|बताइए|बताइये|चलिए|मिलिए|लीजिए|आइए|लगाइए"
    f"|मिलते हैं|चलते हैं|होगा क्या|है क्या){E}"
)
_PAST = (
    f"{B}(?:था|थी|थे|थीं|गया|गई|गए|गयी|गये|गईं|हुआ|हुई|हुए|हुईं|कहा|चुकी|चुके|चुकीं|दी|ली|ने"
    # "चुका देना" is to pay off; "किराया", "सगाई है" are nouns that look like perfectives
    f"|चुका(?!\\s+(?:दे|दें|दो|देने|देना))|किए|किये|कीं"
    # "-िया" is a perfective only on the one-syllable roots (किया, दिया, लिया …); longer words
    # ending so are nouns (बिटिया, गुझिया, दुनिया, मीडिया)
    f"|[कदलपजस]ि(?:या|ये|यी)"
    f"|(?!{alt(NOT_PERFECTIVES)}{E})[^\\s]+(?:ाया|ाये|ायी|ाई है|ाई थी)){E}"
)
_AUX_FUTURE = re.compile(r"\s+(?:जाए|जाये|जा|हो|रहे|दे|ले)\S*(?:गा|गी|गे)(?!\S)|\s+जान[ाी] है")
_TENSE = re.compile(f"(?P<fut>{_FUTURE})|(?P<past>{_PAST})")
# an assistant's user: imperatives and polite requests are future too (news quotes "ताकि लोग … मिलें"
# use the same forms as subjunctives, so articles do not read them)
_TENSE_REQUESTS = re.compile(f"(?P<fut>{_FUTURE}|{_IMPERATIVE})|(?P<past>{_PAST})")
# A clause-final infinitive is a request ("कल सुबह याद दिलाना"); a present copula with no past
# cue before it ("शुक्रवार को छुट्टी है?") speaks of a day still ahead.
_REQUEST_END = re.compile(f"{B}\\S+(?:ना|नी){E}\\s*$")
_PRESENT = re.compile(f"{B}(?:है|हैं|हो|रहेगा|रहेगी){E}")
# Past cues an assistant's user gives without an auxiliary: an ergative subject ("हमने … देखा",
# "किसने जीता?") or a clause-final perfective verb ("दिल्ली पहुंचे।", "बिक्री कम रही।").
_NEED = re.compile(f"{B}(?:चाहिए|चाहिये){E}")
_ERGATIVE = re.compile(f"{B}(?:मैंने|हमने|तुमने|आपने|उसने|उन्होंने|इन्होंने|किसने|जिसने|सबने){E}")
_PERFECTIVE_END = re.compile(
    f"{B}(?!(?:बजे|पहले|सवेरे|जल्दी|वाले|वाली|वाला|लिए|भी|ही|अभी|यही|वही|कभी|सभी){E})\\S+(?:[ाीे]|ीं|ए|ई|आ){E}\\s*$"
)
# A clause ends at sentence punctuation, a line break or a complementizer that starts a new clause.
_RELATIVE_LEAD = re.compile(r"\s*(?:को|में|पर)?\s*जो\s")
_CLAUSE_END = re.compile(r"[।?!\n|]|\.(?:\s|$)|[“”\"‘’']|\sकि\s|\sजो\s|\sलेकिन\s|\sताकि\s|\sजबकि\s")


def clause_tense(
    folded: str, end: int, *, window: int = 160, default: str = PAST, requests: bool = False
) -> str:
    """'future' when the clause after ``end`` carries a future cue before any past cue; else
    ``default`` (news narrates the past, an assistant's user mostly asks about the future)."""
    return explicit_tense(folded, end, window=window, requests=requests) or default


def explicit_tense(folded: str, end: int, *, window: int = 160, requests: bool = False) -> str | None:
    """The tense cue of the clause after ``end``, or None when the clause has none.

    ``requests``: also read a present copula or a clause-final infinitive as future — right for
    an assistant's user ("शुक्रवार को छुट्टी है?"), wrong for news ("गुरुवार के 2.4 प्रतिशत … कम है").
    """
    chunk = folded[end : end + window]
    # "परसों जो पार्सल आया था": a relative clause right after the mention is the mention's event
    lead = _RELATIVE_LEAD.match(chunk)
    stop = _CLAUSE_END.search(chunk, lead.end() if lead else 0)
    if stop:
        chunk = chunk[: stop.start()]
    m = (_TENSE_REQUESTS if requests else _TENSE).search(chunk)
    if m is None:
        if not requests:
            return None
        if _NEED.search(chunk):  # "मुझे शुक्रवार तक जवाब चाहिए": a need lies ahead
            return FUTURE
        if _ERGATIVE.search(chunk):
            return PAST
        if _REQUEST_END.search(chunk) or _PRESENT.search(chunk):
            return FUTURE
        return PAST if _PERFECTIVE_END.search(chunk) else None
    # "घोषित किया जाएगा": a participle before a future auxiliary is a passive future.
    if m.lastgroup == "past" and _AUX_FUTURE.match(chunk, m.end()):
        return FUTURE
    return FUTURE if m.lastgroup == "fut" else PAST
