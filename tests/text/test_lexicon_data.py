"""Data integrity of every word list under service/*/data (as dateparser checks its language data)."""

from collections import Counter
from pathlib import Path

import pytest

from service.text.hindi import fold
from service.text.lexicon import read_words, word_set

SERVICE = Path(__file__).resolve().parents[2] / "service"
LISTS = sorted(SERVICE.glob("*/data/*.txt"))
TABLES = sorted(SERVICE.glob("*/data/*.tsv"))


def _rel(p: Path) -> str:
    return str(p.relative_to(SERVICE))


def test_there_are_word_lists():
    assert LISTS and TABLES


@pytest.mark.parametrize("path", LISTS, ids=_rel)
def test_word_list_is_written_folded_without_duplicates(path):
    raw = [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    raw = [w for w in raw if w]
    assert raw, "empty list"
    unfolded = [w for w in raw if fold(w) != w]
    assert unfolded == [], f"not in folded form (it could never match folded text): {unfolded}"
    dupes = [w for w, n in Counter(read_words(path)).items() if n > 1]
    assert dupes == []


@pytest.mark.parametrize("path", TABLES, ids=_rel)
def test_table_rows_have_the_header_columns(path):
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    widths = Counter(len(x.split("\t")) for x in lines)
    assert len(widths) == 1 or path.name == "reporting_verbs.tsv", widths


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("role_heads.txt", "generic_subjects.txt"),  # a role names a speaker; a generic word does not
        ("role_heads.txt", "document_nouns.txt"),  # a person is not a document
        ("generic_subjects.txt", "document_nouns.txt"),
    ],
)
def test_claim_word_classes_do_not_overlap(a, b):
    assert word_set("claims", a) & word_set("claims", b) == frozenset()
