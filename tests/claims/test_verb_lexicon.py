"""The reporting-verb table (service/claims/data/reporting_verbs.tsv): integrity, examples, extension."""

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections import Counter

import pytest

from service.claims import lexicon as lx
from service.pipeline import extract
from service.text.hindi import fold

DAY = dt.date(2026, 3, 10)


def _lemmas(text: str) -> list[str]:
    return [c.verb for c in extract(text, published=DAY, today=DAY).claims]


def test_every_form_is_written_folded():
    for row in lx.VERB_TABLE:
        for form in row.forms:
            assert fold(form) == form, f"{form!r} is not in folded form ({fold(form)!r})"


def test_no_form_is_listed_twice_with_the_same_light_verb():
    seen = Counter((form, row.light) for row in lx.VERB_TABLE for form in row.forms)
    assert [k for k, n in seen.items() if n > 1] == []


def test_first_words_cover_every_form():
    for row in lx.VERB_TABLE:
        for form in row.forms:
            assert form.split()[0] in lx.FIRST_WORDS


def test_every_entry_has_an_example_of_its_own():
    assert all(row.example for row in lx.VERB_TABLE)
    examples = Counter(row.example for row in lx.VERB_TABLE)
    assert [e for e, n in examples.items() if n > 1] == []


@pytest.mark.parametrize(
    "row", lx.VERB_TABLE, ids=[f"line{i:02d}-{r.verb.verb_class}" for i, r in enumerate(lx.VERB_TABLE)]
)
def test_example_yields_a_claim_with_the_entry_lemma(row):
    lemmas = _lemmas(row.example)
    want = re.compile(re.escape(row.verb.lemma).replace(re.escape("{noun}"), r"\S+") + "$")
    assert any(want.match(v) for v in lemmas), lemmas


def test_a_new_reporting_verb_is_one_line_in_one_data_file(tmp_path):
    """An entry the shipped table lacks (a made-up light-verb noun) works once its line is added."""
    sentence = "मंत्री ने सदन में गिरती कीमतों पर फिक्रमंदी जाहिर की।"
    line = "फिक्रमंदी\tJATA\tफिक्रमंदी जताई\tstatement\tobject\t\t" + sentence + "\n"
    (tmp_path / "reporting_verbs_local.tsv").write_text("forms\n" + line, encoding="utf-8")
    code = (
        "import datetime as dt, json, sys; from service.pipeline import extract; "
        "d = dt.date(2026, 3, 10); "
        "print(json.dumps([c.quote for c in extract(sys.argv[1], published=d, today=d).claims]))"
    )

    def quotes(env_extra: dict) -> list[str]:
        env = {**os.environ, **env_extra}
        out = subprocess.run([sys.executable, "-c", code, sentence], env=env, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    before = quotes({"TATHYA_LEXICON_DIR": ""})
    after = quotes({"TATHYA_LEXICON_DIR": str(tmp_path)})
    assert not any("गिरती कीमतों" in q for q in before)
    assert any("गिरती कीमतों" in q for q in after), after


def test_a_bad_row_is_refused(tmp_path):
    path = tmp_path / "reporting_verbs_bad.tsv"
    path.write_text("forms\nचिंता\tNOPE\tचिंता\tstatement\tobject\t\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad row"):
        lx.read_verb_table(path)
