"""Datelines ("नई दिल्ली:", "प्रतिनिधि, इंदौर।") and the country an article's local places lie in."""

from __future__ import annotations

import re
from typing import Any

from service.claims.rules import Context
from service.places.hierarchy import in_country

_DATELINE_BEFORE = re.compile(r"^[^।.!?:]{0,40},\s*$|^\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{0,20}\))?\s*(?:[,:।ः]|$)")  # ः: a visarga typed for ":"


def datelines(ctx: Context, places: list[tuple[int, int, Any]]) -> list[tuple[int, Any]]:
    """(position, place) of datelines: a city at a paragraph start ("नई दिल्ली:", "प्रतिनिधि, इंदौर।")."""
    f = ctx.f
    starts: dict[int, int] = {}
    for snt in ctx.sents:
        starts.setdefault(snt.paragraph, snt.start)
    out = []
    for para, ps in starts.items():
        if para > 4:
            break
        for s, e, pm in places:
            if s < ps or s > ps + 45 or pm.place.kind == "country":
                continue
            line_end = f.find("\n", e)
            line_end = len(f) if line_end < 0 else line_end
            if _DATELINE_BEFORE.match(f[ps:s]) and _DATELINE_AFTER.match(f[e:line_end]):
                out.append((s, (in_country(pm.place), (pm.start, pm.end))))
                break
    return out


def context_country(datelines: list[tuple[int, Any]], places: list[tuple[int, int, Any]]) -> str:
    """Country for local places: the dateline's, else the one country all gazetteer places share, else ""."""
    if datelines:
        return datelines[0][1][0].country
    countries = {pm.place.country for _, _, pm in places if pm.place.kind != "region" and pm.place.country}
    return countries.pop() if len(countries) == 1 else ""
