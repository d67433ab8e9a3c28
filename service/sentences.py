"""Hindi news sentence splitter that keeps multi-sentence quotations in one unit."""

from __future__ import annotations

import re
from typing import NamedTuple

# Danda, double danda, ? and ! always end a sentence outside quotes; "." only when it is not an
# abbreviation or a decimal point (Hindi web text often uses "." as danda).
_HARD_TERMS = frozenset("।॥?!")
_TERM_RUN = _HARD_TERMS | frozenset(".”’\"'")  # what may trail a terminator in the same sentence
_CLOSERS = {"”": "“", "’": "‘"}
_OPENERS = frozenset("“‘")
# Folded (ॉ→ो) short forms that take a period without ending a sentence.
_ABBREVS = frozenset(
    "डो डा प्रो मो सं कं लि रु क्र स्व श्री पं ले जन कर्न ज मि मिसेज मिस्टर dr mr mrs ms st no vs etc jr sr".split()
)


_SPECIAL = re.compile("[\n।॥?!.“”‘’\"']")


class Sentence(NamedTuple):
    """A sentence span ``text[start:end]`` (whitespace-trimmed) and its paragraph (line) index."""

    # A named tuple: articles have dozens of sentences and a frozen dataclass is slow to build.
    start: int
    end: int
    paragraph: int


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or "\u0900" <= ch <= "\u0963" or "\u0971" <= ch <= "\u097f"


def _period_ends(text: str, i: int) -> bool:
    """Whether the '.' at ``i`` ends a sentence."""
    n = len(text)
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < n else " "
    if prev.isdigit() and nxt.isdigit():
        return False  # 20.57%
    if prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha():
        return False  # domain names, e.g. abplive.com
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in ".(\"'“‘":
        j -= 1
    token = text[j:i].lower().replace("\u0949", "\u094b")
    if not token:
        return True
    if token in _ABBREVS:
        return False
    # Initials: a single letter (ए. के. सिंह, A. K.) or a consonant plus nothing else.
    return not (len(token) == 1 and _is_letter(token))


def _is_ascii_quote(text: str, i: int) -> tuple[bool, int]:
    """(is a quotation mark, its length) for an ASCII ' or " at ``i``; '' counts as one mark."""
    ch = text[i]
    if ch == '"':
        return True, 1
    if text.startswith("''", i):
        return True, 2
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    # An apostrophe inside a word (don't) is not a quotation mark.
    return not (_is_letter(prev) and _is_letter(nxt)), 1


# Far longer than any real sentence (news sentences run to a few hundred characters).
MAX_SENTENCE_CHARS = 1500


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; quotes are never cut, lines always are."""
    out: list[Sentence] = []
    n = len(text)
    start = 0
    para = 0
    depth = 0
    ascii_open = False

    def emit(s: int, e: int) -> None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        # Claim rules look back over their sentence, so an endless "sentence" (scraped text
        # without punctuation) would cost quadratic time: cut it at whitespace instead.
        while e - s > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", s, s + MAX_SENTENCE_CHARS)
            cut = cut if cut > s else s + MAX_SENTENCE_CHARS
            out.append(Sentence(s, cut, para))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append(Sentence(s, e, para))

    i = 0
    while True:
        # Jump straight to the next character that can matter (speed: this runs on every article).
        hit = _SPECIAL.search(text, i)
        if hit is None:
            break
        i = hit.start()
        ch = text[i]
        if ch == "\n":
            emit(start, i)
            depth, ascii_open = 0, False
            para += 1
            start = i + 1
            i += 1
            continue
        close_at = -1
        qs = i
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            if depth:
                depth -= 1
                close_at = i + 1
        elif ch in "\"'":
            is_quote, length = _is_ascii_quote(text, i)
            if is_quote:
                ascii_open = not ascii_open
                if not ascii_open:
                    close_at = i + length
                i += length - 1
        elif (ch in _HARD_TERMS or (ch == "." and _period_ends(text, i))) and not depth and not ascii_open:
            j = i + 1
            while j < n and text[j] in _TERM_RUN:
                j += 1
            emit(start, j)
            start = j
            i = j
            continue
        if close_at > 0 and not depth and not ascii_open:
            # A quote that ends with a terminator ends the sentence, unless the attribution follows
            # (“…।”, उन्होंने कहा).
            k = qs - 1
            # Only the few marks before the closing quote matter; scanning further back made a
            # long run of quote characters quadratic.
            floor = max(start, qs - 16)
            while k > floor and text[k] in "”’\"' ":
                k -= 1
            m = close_at
            while m < n and text[m] in " \t":
                m += 1
            if (
                k >= start
                and (text[k] in _HARD_TERMS or text[k] == ".")
                and (m >= n or text[m] not in ",-–—")
            ):
                emit(start, close_at)
                start = close_at
        i += 1
    emit(start, n)
    return out
