"""Raw article dumps: find the trailing boilerplate (keywords, category, source URL)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
_SENTENCE_END = re.compile(r"[।.?!:\"”’)]\s*$")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")


@dataclass(frozen=True, slots=True)
class DumpLayout:
    """Where the article body ends and what the tail told us."""

    body_end: int
    url: str | None


def _is_keyword_line(line: str) -> bool:
    """A comma-separated list of short tags, as scrapers append after the body."""
    items = [item.strip() for item in line.split(",") if item.strip()]
    # Three Hindi items are as likely a byline ("नाम, पद, संस्था") as tags: ask for more.
    needed = 5 if _DEVANAGARI.search(line) else 3
    return (
        len(items) >= needed
        and all(len(item.split()) <= 6 for item in items)
        and not _SENTENCE_END.search(line)
    )


def _is_short_label(line: str) -> bool:
    """A category label such as 'English News' or 'विश्व': few words, no sentence punctuation."""
    return len(line) <= 40 and len(line.split()) <= 4 and not _SENTENCE_END.search(line)


def split_dump(text: str) -> DumpLayout:
    """Locate the boilerplate tail of a raw dump; ``text[:body_end]`` is the article body.

    The tail is only recognized when it carries a source URL line or a keyword line, so a
    normal article that merely ends with a short line keeps all of its text.
    """
    lines = text.splitlines(keepends=True)
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    url = None
    saw_marker = False
    tail_start = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if not line:
            tail_start = index
            continue
        match = _URL_LINE.match(line)
        if match and url is None:
            url, saw_marker = match.group(1), True
        elif _is_keyword_line(line):
            saw_marker = True
        elif not (_is_short_label(line) and (saw_marker or not _DEVANAGARI.search(line))):
            break
        tail_start = index
    if not saw_marker or tail_start == 0:
        return DumpLayout(body_end=len(text.rstrip()), url=None)
    body_end = len(text[: offsets[tail_start]].rstrip())
    return DumpLayout(body_end=body_end, url=url)
