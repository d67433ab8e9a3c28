"""The date word lists (service/dates/data/*.tsv): one value per folded word, complete where
they must be, every festival known to the holidays package, every word a trigger of its rule."""

from __future__ import annotations

import pytest

from service.dates import events, periods, rules, words
from service.text.hindi import fold


@pytest.mark.parametrize("name", sorted(p.name for p in words.DATA.glob("*.tsv")))
def test_each_folded_word_has_one_value(name):
    seen: dict[str, str] = {}
    for line in (words.DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, value = line.split("\t")
        assert word == word.strip() and value == value.strip(), line
        key = fold(word)
        assert seen.setdefault(key, value) == value, f"{word}: {value} vs {seen[key]}"


def test_number_words_cover_1_to_99():
    assert set(words.NUMBER_WORDS.values()) == set(range(1, 100))


def test_every_festival_is_dated_by_the_holidays_package():
    for english in set(words.HOLIDAY_WORDS.values()):
        assert any(events.festival_day(english, y) for y in range(2024, 2029)), english


def test_every_start_word_of_a_family_triggers_its_rule():
    for family in (periods, events):
        for rule, start_words in family.STARTS.items():
            for w in start_words:
                assert rule in rules._STARTS[w], (rule, w)


def test_seasons_and_ordinals_are_in_their_code_sets():
    assert set(words.SEASON_WORDS.values()) <= {"WI", "SP", "SU", "FA", "MO"}
    assert set(words.ORDINAL_WORDS.values()) <= {-1, *range(1, 11)}


def test_not_perfectives_are_folded_unique_and_look_like_perfectives():
    lines = [w for w in (words.DATA / "not_perfectives.txt").read_text(encoding="utf-8").splitlines()]
    listed = [fold(w) for w in lines if w.strip() and not w.startswith("#")]
    assert len(listed) == len(set(listed)) == len(words.NOT_PERFECTIVES)
    assert all(w.endswith(("ाया", "ाई")) for w in listed), [
        w for w in listed if not w.endswith(("ाया", "ाई"))
    ]


def test_festival_nouns_are_folded_and_unique():
    assert len(words.FESTIVAL_NOUNS) == len(set(words.FESTIVAL_NOUNS)) > 5
    assert all(w == fold(w) for w in words.FESTIVAL_NOUNS)
