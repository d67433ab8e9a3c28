"""Misspelled pronouns (service/claims/data/pronoun_spellings.tsv) resolve like the pronoun, offsets kept."""

import datetime as dt

import pytest

from service.claims import respell
from service.pipeline import extract

DAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize("variant", ["उन्होने", "उन्हों ने", "उन्होंन", "उनहोंने", "उन्होनें", "उन्‍होने"])
def test_misspelled_unhone_is_the_pronoun(variant):
    text = f"जिला कलेक्टर सुमन वर्मा ने बैठक ली। {variant} कहा कि लोग नदी किनारे न जाएं।"
    claims = extract(text, published=DAY, today=DAY).claims
    assert [(c.speaker_name, c.speaker_resolved_from) for c in claims] == [("सुमन वर्मा", "pronoun")]
    c = claims[0]
    assert text[c.speaker_mention_start :].startswith(variant)  # the offset is the source's
    assert "लोग नदी किनारे न जाएं" in c.quote and c.quote in text


def test_respell_keeps_every_other_character_and_its_offset():
    folded = "तब उन्होने कहा"
    fmap = list(range(len(folded) + 1))
    out, omap = respell.respell(folded, fmap)
    assert out == "तब उन्होंने कहा"
    assert len(omap) == len(out) + 1 and omap == sorted(omap)
    assert omap[out.index("कहा")] == folded.index("कहा")


def test_a_longer_word_is_not_respelled():
    assert not respell.has_misspelling("उन्होंनेभी उन्होंने")
