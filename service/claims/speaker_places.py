"""Which speaker a place cue belongs to: the names a speaker goes by, a जहां-clause after a venue."""

from __future__ import annotations

import re
from typing import Any


def aliases(ent) -> list[str]:
    """The names a speaker goes by in the text: the key, surname, first name, a long role."""
    keys = {ent.key}
    if ent.key:
        keys.add(ent.key.split()[-1])
        if ent.kind == "person":
            keys.add(ent.key.split()[0])
    if ent.role_key and len(ent.role_key.split()) >= 2:
        keys.add(ent.role_key)
    return [k for k in keys if len(k) >= 3]


# "X कॉलेज का स्टेडियम, जहां मोदी छात्रों को संबोधित कर रहे थे": the venue of a speech told after it.
_WHERE_REL = re.compile(r"(?:\s+(?:का|की|के)\s+\S+(?:\s+\S+)?)?\s*,?\s+जहां\s")
_ADDRESS = re.compile(r"संबोधित|भाषण|बोल\s+रह|बात\s+कर|संवाद|कह\s+रह|कहा|कही|बताया")


def addressed_there(f: str, e: int, sent_end: int, entities) -> Any:
    """The speaker who spoke at the venue ending at ``e``, when a जहां-clause after it says so."""
    rel = _WHERE_REL.match(f, e)
    if rel is None or not _ADDRESS.search(f, rel.end(), sent_end):
        return None
    return first_named(f[rel.end() : sent_end], entities)


def first_named(text: str, entities, within: int | None = None) -> Any:
    """The entity whose name occurs first in ``text`` (in its first ``within`` characters)."""
    head = text if within is None else text[:within]
    found = [(head.find(alias), ent) for ent in entities for alias in aliases(ent) if alias in head]
    return min(found, key=lambda x: x[0])[1] if found else None


_ONLY_WHEN = re.compile(r"\s*(?:(?:को|सुबह|शाम|रात|दोपहर|करीब|बजे|\d+|,)\s*)*")


def _undated(text: str, at: int, dates) -> str:
    """``text`` (starting at ``at``) with its date expressions blanked."""
    for ds, de in dates:
        if at <= ds < at + len(text):
            text = text[: ds - at] + " " * (min(de, at + len(text)) - ds) + text[de - at :]
    return text


def only_when(before: str, at: int, dates) -> bool:
    """Whether ``before`` (starting at ``at``) holds only a date and times of day ("सोमवार शाम")."""
    return _ONLY_WHEN.fullmatch(_undated(before, at, dates)) is not None
