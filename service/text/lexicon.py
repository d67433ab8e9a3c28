"""Word lists as data: each package's data/*.txt files, loaded and folded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from service.text.hindi import fold

_SERVICE = Path(__file__).resolve().parents[1]


def data_path(package: str, name: str) -> Path:
    """Where ``service/<package>/data/<name>`` lives."""
    return _SERVICE / package / "data" / name


def read_words(path: Path) -> list[str]:
    """Entries of a word list: one per line (a line may hold a phrase), # starts a comment."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(fold(entry))
    return out


def read_rows(path: Path) -> list[list[str]]:
    """Rows of a tab-separated table, as written (not folded); lines starting with # are comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@cache
def word_set(package: str, name: str) -> frozenset[str]:
    """A word list of ``service/<package>/data/<name>`` as a folded set."""
    return frozenset(read_words(data_path(package, name)))
