"""Hindi news sentence splitter that keeps multi-sentence quotations in one unit."""

from __future__ import annotations

import re
from typing import NamedTuple

# Danda, double danda, ? and ! always end a sentence outside quotes; "." only when it is not an
# abbreviation or a decimal point (Hindi web text often uses "." as danda).
_HARD_TERMS = frozenset("।॥?!")
_TERM_RUN = _HARD_TERMS | frozenset(".”’\"'")  # what may trail a terminator in the same sentence
_QUOTE_CHARS = frozenset("“”‘’\"'")
# What may close a quotation opened by each mark: news text mixes curly and ASCII marks
# (‘…' and “…"), and '' stands for a double quote.
_DOUBLE = ("”", '"', "''")
_SINGLE = ("’", "'")
_ALL_CLOSERS = (*_DOUBLE, *_SINGLE)
_CLOSERS_OF = {"“": _DOUBLE, '"': _DOUBLE, "''": _DOUBLE, "‘": _SINGLE, "'": _SINGLE, "”": (), "’": ()}
# Folded (ॉ→ो) short forms that take a period without ending a sentence.
_ABBREVS = frozenset(
    "डो डा प्रो मो सं कं लि रु क्र स्व श्री पं ले जन कर्न ज मि मिसेज मिस्टर dr mr mrs ms st no vs etc jr sr".split()
)


# Latin letter names written in Devanagari (folded ॉ→ो): initials such as "वी. नारायणसामी",
# "एम. के. स्टालिन". None of them ends a Hindi sentence.
_INITIALS = frozenset(
    "ए बी सी डी ई एफ जी एच आई आय जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू डबल्यू एक्स वाई वाय जेड".split()
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
    if token in _INITIALS:
        k = i + 1
        while k < n and text[k] == " ":
            k += 1
        if k < n and _is_letter(text[k]):
            return False  # an initial before the rest of the name
    # Initials: a single letter (ए. के. सिंह, A. K.) or a consonant plus nothing else.
    return not (len(token) == 1 and _is_letter(token))


def _opens(text: str, i: int, length: int) -> bool:
    """Whether the quotation mark at ``i`` can open a quotation: curly openers always; an ASCII
    mark only before a word (an apostrophe inside a word, don't, or after one is no opener)."""
    ch = text[i]
    if ch in "”’":
        return False
    if ch in "“‘":
        return True
    nxt = text[i + length] if i + length < len(text) else " "
    if nxt.isspace() or nxt in "।॥?!.,;:)":
        return False
    prev = text[i - 1] if i else " "
    return not (ch == "'" and length == 1 and _is_letter(prev))


# Far longer than any real sentence (news sentences run to a few hundred characters).
MAX_SENTENCE_CHARS = 1500


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; quotes are never cut, lines always are."""
    out: list[Sentence] = []
    n = len(text)
    start = 0
    para = 0
    closers: tuple[str, ...] = ()  # what ends the open quotation, if one is open
    line_end = -1
    last_close: dict[str, int] = {}

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
            closers = ()
            para += 1
            start = i + 1
            i += 1
            continue
        close_at = -1
        qs = i
        if ch in _QUOTE_CHARS:
            length = 2 if text.startswith("''", i) else 1
            if closers:
                if any(text.startswith(c, i) for c in closers):
                    closers = ()
                    close_at = i + length
            elif _opens(text, i, length):
                if line_end < i:
                    line_end = text.find("\n", i)
                    line_end = n if line_end < 0 else line_end
                    # Where each closing mark last occurs in this paragraph: one scan per line,
                    # not one per opening mark (a line of stray marks was quadratic).
                    last_close = {c: text.rfind(c, i, line_end) for c in _ALL_CLOSERS}
                wanted = _CLOSERS_OF[text[i : i + length]]
                # An opening mark whose closing mark never comes in this paragraph is a stray
                # (" 'मन की बात कार्यक्रम में"): it must not hold the following sentences together.
                if any(last_close[c] >= i + length for c in wanted):
                    closers = wanted
            i += length - 1
        elif (ch in _HARD_TERMS or (ch == "." and _period_ends(text, i))) and not closers:
            j = i + 1
            while j < n and text[j] in _TERM_RUN:
                j += 1
            emit(start, j)
            start = j
            i = j
            continue
        if close_at > 0:
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
