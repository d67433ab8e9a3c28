"""Context tests on folded text: is a 4-digit number a year, is "दो दिन बाद" relative to an event."""

from __future__ import annotations

import re

_EVENT_BEFORE = re.compile(r"(?:^|\s)(?P<pro>इस|उस|जिस)?(?:के|से)\s*$")


def event_relative(folded: str, start: int) -> str | None:
    """'anaphor' for "इसके दो दिन बाद", 'event' for "<event> के दो दिन बाद", else None."""
    m = _EVENT_BEFORE.search(folded[max(0, start - 8) : start])
    if not m:
        return None
    return "anaphor" if m.group("pro") else "event"


_COUNT_AFTER_YEAR = re.compile(
    r"\s*(?:के|का)\s+दशक|\s*(?:से|के)\s+(?:अधिक|ज्यादा|कम|ऊपर|पार|करीब|आसपास|नीचे)|\s*(?:-|–)\s*\d|\s*(?:रुपये|रुपए|रु\.|लोग|लोगों|मामले|मामलों|करोड़|करोड|लाख|हजार|किलो|मीटर|किमी|%|प्रतिशत)"
)
_COUNT_BEFORE_YEAR = re.compile(
    r"(?:कुल|लगभग|करीब|रुपये|रुपए|₹|rs\.?|संख्या|नंबर|नम्बर|क्रमांक|कोविड|covid|धारा|अंक|-)\s*$"
)


def plausible_year(folded: str, start: int, end: int, *, has_context: bool) -> bool:
    """A bare 4-digit number is a year only with year-ish context and no count/money reading."""
    if not has_context:
        return False
    if _COUNT_AFTER_YEAR.match(folded, end):
        return False
    return not _COUNT_BEFORE_YEAR.search(folded[max(0, start - 12) : start])
