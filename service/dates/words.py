"""Date word lists from service/dates/data/*.tsv, folded once at import (number words, ordinals,
festivals, seasons)."""

from __future__ import annotations

from pathlib import Path

from service.text.hindi import fold

DATA = Path(__file__).resolve().parent / "data"


def load_tsv(name: str) -> dict[str, str]:
    """``word → value`` of a two-column list; '#' lines are comments; words are folded."""
    table: dict[str, str] = {}
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, value = line.split("\t")
        table[fold(word)] = value.strip()
    return table


def load_list(name: str) -> list[str]:
    """Folded words of a one-column list; '#' lines are comments."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [fold(w.strip()) for w in lines if w.strip() and not w.startswith("#")]


NUMBER_WORDS: dict[str, int] = {w: int(v) for w, v in load_tsv("numbers.tsv").items()}
ORDINAL_WORDS: dict[str, int] = {w: int(v) for w, v in load_tsv("ordinals.tsv").items()}
HOLIDAY_WORDS: dict[str, str] = load_tsv("holidays.tsv")
SEASON_WORDS: dict[str, str] = load_tsv("seasons.tsv")
NOT_PERFECTIVES: list[str] = load_list("not_perfectives.txt")
FESTIVAL_NOUNS: list[str] = load_list("festival_nouns.txt")
