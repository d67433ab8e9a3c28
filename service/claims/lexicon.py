"""Reporting-verb lexicon for Hindi news: inflected surface patterns, canonical lemma, class."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

# All patterns are written in *folded* form (see service.hindi.fold_with_map: no nukta, ॉ→ो,
# chandrabindu→anusvara) because the extractor matches on folded text.

# A Devanagari/latin word character; Python's \b does not treat matras as word characters.
WORD_CHARS = r"\w\u0900-\u0963\u0966-\u096f\u0971-\u097f\u200c\u200d"
NOT_BEFORE = rf"(?<![{WORD_CHARS}])"
NOT_AFTER = rf"(?![{WORD_CHARS}])"

_P = r"(?:\s+(?:भी|ही|तो))?\s+"  # emphatic particle between a noun and its light verb
_DI = r"(?:दी|दिया|दिए|दिये|दे\s+दी|दे\s+दिया|दे\s+दिए)"
_KI = r"(?:की|किया|किए|किये|कीं|कर\s+दी|कर\s+दिया|कर\s+दिए)"
_LAGA = r"(?:लगाया|लगाए|लगाये|लगाई|लगा\s+दिया)"
_JATA = (
    r"(?:जताई|जताया|जताए|जताये|जताते\s+हुए\s+कहा|व्यक्त\s+कीं|व्यक्त\s+की|व्यक्त\s+किया|व्यक्त\s+किए|जाहिर\s+की|जाहिर\s+किया"
    r"|प्रकट\s+की|प्रकट\s+किया)"
)
# Imperfective light verbs (the subject takes no ने: "वे मांग कर रहे हैं कि …").
_KI_IMPF = r"(?:करते|करती|करता|कर\s+(?:रहे|रही|रहा|चुके|चुकी|चुका))"
_DI_IMPF = r"(?:देते|देती|देता|दे\s+(?:रहे|रही|रहा|चुके|चुकी|चुका))"
_LAGA_IMPF = r"(?:लगाते|लगाती|लगाता|लगा\s+(?:रहे|रही|रहा|चुके|चुकी|चुका))"


@dataclass(frozen=True, slots=True)
class Verb:
    """One reporting verb: canonical lemma phrase, class and how it may take its content."""

    lemma: str
    verb_class: str
    # object: the words between speaker and verb are the content (आरोप लगाया, धमकी दी);
    # clause: content only from a कि-clause, a quotation or (say-verbs) the rest of the sentence.
    content: str
    inline: bool = False  # "X ने कहा <content>" without कि is accepted (Naidunia style)
    # Imperfective and चुक- forms take no ने: the speaker is the sentence's subject
    # ("पटवारी लगातार कह रहे हैं कि …", "वे कहते हैं कि …").
    direct: bool = False


_DATA = Path(__file__).resolve().parent / "data"
# What follows a noun to make a reporting verb (चेतावनी दी, घोषणा की); the TSV names them by key.
LIGHT_VERBS = {
    "DI": _P + _DI,
    "KI": _P + _KI,
    "LAGA": _P + _LAGA,
    "JATA": _P + _JATA,
    "KO_DI": r"(?:\s+\S+){1,12}?\s+को" + _P + _DI,  # "जानकारी <recipient> को दी"; recipients are long
    "DILA": _P + r"(?:दिलाया|दिया)",
    "UTHA": _P + r"(?:किया|उठाया|दागा|खड़ा\s+किया)",
    "LI": _P + r"(?:किया|लिया)",
    "JARI": _P + r"जारी" + _P + _KI,  # "चेतावनी जारी की", "बयान जारी किया"
    "RAKHA": _P + r"(?:रखा|रखी|रखे)",  # "तर्क रखा कि …"
    "PUCHH": _P + r"(?:पूछा|पूछे|पूछ\s+लिया|पूछ\s+लिए|पूछ\s+डाला|किया|किए)",  # "सवाल पूछ लिया कि"
    # "X ने यह कहते हुए आवेदन प्रस्तुत किया था कि …": the कि-clause is what the participle says
    "HUE_KI": r"\s+हुए(?:\s+[^\s,।]+){1,8}?\s+(?:किया|की|किए|किये|दिया|दी|दिए|रखा|रखी|लगाई|लगाया|सौंपा|भेजा)"
    r"(?:\s+(?:है|हैं|था|थी|थे))?(?=\s*,?\s*कि" + NOT_AFTER + ")",
    # "X (यह) कहते (हुए) नजर आ रहे हैं / दिख रहे हैं / सुनाई दे रहा है कि …": speech seen or
    # heard in a recording
    "SEEN": r"(?:\s+हुए)?\s+(?:(?:नजर|नज़र)\s+आ\S*|दिख\S*|(?:दिखाई|सुनाई)\s+(?:दे|दि)\S*)"
    r"(?:\s+(?:रहे|रही|रहा|गए|गई|गया))?",
    "KI_IMPF": _P + _KI_IMPF,
    "DI_IMPF": _P + _DI_IMPF,
    "LAGA_IMPF": _P + _LAGA_IMPF,
}
_FLAGS = frozenset(["inline", "direct", "no_participle"])


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One line of reporting_verbs.tsv: its surface forms, regex and lexicon entry."""

    forms: tuple[str, ...]
    light: str
    verb: Verb
    no_participle: bool
    example: str

    @property
    def pattern(self) -> str:
        alts = "|".join(re.escape(f).replace("\\ ", r"\s+") for f in self.forms)
        body = f"(?:{alts})" + ("" if self.light == "-" else LIGHT_VERBS[self.light])
        return body + (r"(?!\s+हुए)" if self.no_participle else "")


def read_verb_table(path: Path) -> list[VerbEntry]:
    """Rows of a reporting-verb TSV (see its header); comment lines start with #."""
    rows = []
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    for line in lines[1:]:  # the first is the column header
        forms, light, lemma, vclass, content, flags, example = (line.split("\t") + [""] * 7)[:7]
        flagset = frozenset(f for f in flags.split(",") if f)
        if (
            light not in LIGHT_VERBS
            and light != "-"
            or not flagset <= _FLAGS
            or content not in ("object", "clause")
        ):
            raise ValueError(f"{path.name}: bad row {line!r}")
        verb = Verb(lemma, vclass, content, inline="inline" in flagset, direct="direct" in flagset)
        rows.append(VerbEntry(tuple(forms.split("|")), light, verb, "no_participle" in flagset, example))
    return rows


def _verb_tables() -> list[VerbEntry]:
    """The shipped table, then any reporting_verbs*.tsv in $TATHYA_LEXICON_DIR (a local extension)."""
    rows = read_verb_table(_DATA / "reporting_verbs.tsv")
    extra = os.environ.get("TATHYA_LEXICON_DIR")
    if extra:
        for path in sorted(Path(extra).glob("reporting_verbs*.tsv")):
            rows += read_verb_table(path)
    return rows


VERB_TABLE = _verb_tables()

# An auxiliary after the verb (दिए हैं कि): whole words only, or "है" would stop inside "हैं".
_AUX = r"(?:\s+(?:है|हैं|था|थी|थे|थीं)" + NOT_AFTER + ")?"
VERB_RE = re.compile(
    NOT_BEFORE
    + "(?:"
    + "|".join(f"(?P<v{i}>{row.pattern})" for i, row in enumerate(VERB_TABLE))
    + ")"
    + NOT_AFTER
    + _AUX
)
VERBS: list[Verb] = [row.verb for row in VERB_TABLE]

# A reporting verb in the passive voice (कहा गया, बताया जा रहा है) has no speaker of its own.
PASSIVE_AFTER = re.compile(
    r"\s+(?:गया|गई|गए|गये|गयी|जा|जाता|जाती|जाते|जाना|जाएगा|जाएगी)"
    + NOT_AFTER
    + r"(?:\s+(?:है|हैं|था|थी|थे)"
    + NOT_AFTER
    + ")?"
)


def verb_of(match: re.Match[str]) -> Verb:
    """The lexicon entry for a ``VERB_RE`` match."""
    return VERBS[int(match.lastgroup[1:])]


def lemma_of(match: re.Match[str]) -> str:
    """Canonical lemma phrase of a match; a ``{noun}`` in the table's lemma is the matched noun
    (चिंता जताई, चेतावनी जारी की)."""
    lemma = verb_of(match).lemma
    if "{noun}" in lemma:
        return lemma.replace("{noun}", match.group(match.lastgroup).split()[0])
    return lemma


# "X का कहना है कि", "X का आरोप है कि", "X की मांग है कि"
# Between the genitive and its noun: a topic or a particle ("X का इस बारे में कहना था").
_GEN_GAP = r"(?:(?:इस|उस)\s+(?:बारे\s+में|मामले\s+में|संबंध\s+में|पर)\s+)?(?:(?:यह|ये)\s+)?(?:(?:भी|तो|साफ|स्पष्ट)\s+)?"  # "X का यह भी कहना है कि"
_GEN_NOUN = r"(?P<noun>कहना|आरोप|दावा|मानना|मांग|शिकायत|तर्क)\s+(?:है|हैं|था|थी|थे|रहा)"
GENITIVE_RE = re.compile(NOT_BEFORE + r"(?:का|की|के)\s+(?:का\s+)?" + _GEN_GAP + _GEN_NOUN + NOT_AFTER)
GENITIVE_PRONOUN_RE = re.compile(
    NOT_BEFORE + r"(?P<pron>उनका|उसका|इनका|इसका|उनकी|उसकी|इनकी|इसकी)\s+" + _GEN_GAP + _GEN_NOUN + NOT_AFTER
)
# "X को लगता है कि", "उन्हें उम्मीद है कि", "उन्हें मलाल है कि": the experiencer's opinion or feeling
_DAT_NOUN = r"(?P<noun>उम्मीद|आशंका|विश्वास|भरोसा|यकीन|डर|मलाल|अफसोस|खुशी|दुख|लगता|लग\s+रहा)\s+(?:है|हैं|था|थी|थे)"
DATIVE_RE = re.compile(NOT_BEFORE + r"को\s+(?:भी\s+)?(?:यह\s+)?" + _DAT_NOUN + NOT_AFTER)
DATIVE_PRONOUN_RE = re.compile(
    NOT_BEFORE + r"(?P<pron>उन्हें|उसे|इन्हें|इसे)\s+(?:भी\s+)?(?:यह\s+)?" + _DAT_NOUN + NOT_AFTER
)
_DAT_LEMMA = {
    w: ("माना", "statement") for w in "उम्मीद आशंका विश्वास भरोसा यकीन डर मलाल अफसोस खुशी दुख लगता लग".split()
}
GENITIVE_NOUNS = frozenset("कहना आरोप दावा मानना मांग शिकायत तर्क".split()) | frozenset(_DAT_LEMMA)
# First word of every verb phrase: sentences without any of them skip the big regex (derived).
FIRST_WORDS = frozenset(form.split()[0] for row in VERB_TABLE for form in row.forms)
GENITIVE_LEMMA = {
    "कहना": ("कहा", "statement"),
    "मानना": ("माना", "statement"),
    "तर्क": ("कहा", "statement"),
    "आरोप": ("आरोप लगाया", "accusation"),
    "दावा": ("दावा किया", "claim"),
    "मांग": ("मांग की", "demand"),
    "शिकायत": ("शिकायत की", "accusation"),
    **_DAT_LEMMA,
}

# "X के मुताबिक/अनुसार" attribution; "X के हवाले से" is a source, not a speaker.
ATTRIBUTION_RE = re.compile(NOT_BEFORE + r"(?:के|की)\s+(?P<marker>मुताबिक|अनुसार)" + NOT_AFTER + r",?")

# Agent markers that give a passive reporting verb its speaker (X द्वारा … कहा गया है), also the
# source of a statement (X के बयान में कहा गया, X के हवाले से कहा गया).
AGENT_RE = re.compile(
    NOT_BEFORE
    + r"(?:द्वारा|की\s+ओर\s+से|की\s+तरफ\s+से|के\s+तरफ\s+से|के\s+हवाले\s+से"
    + r"|के\s+(?:एक\s+)?(?:आधिकारिक\s+)?(?:बयान|वक्तव्य|विज्ञप्ति|प्रेस\s+विज्ञप्ति)\s+में)"
    + NOT_AFTER
)


# A sentence that carries the previous claim's subject over: "साथ ही मांग की है कि …".
CONTINUE_RE = re.compile(
    r"^\s*(?:(?:साथ\s+ही|इसके\s+साथ\s+ही|इसके\s+अलावा|आगे|फिर|यह\s+भी|ये\s+भी|और|वहीं|उन्होंने\s+यह\s+भी)\s*,?\s*)+$"
)
# A sentence that opens with its reporting verb, or with only the addressee before it, continues the
# previous sentence's speaker: "… ने कहा कि …। अधिकारियों को निर्देश दिए कि …", "… । कहा कि …".
ZERO_SUBJECT_RE = re.compile(r"^\s*(?:(?:[^\s।,]+\s+){0,7}[^\s।,]+\s+(?:को|से)(?:\s+(?:भी|ही))?\s*)?$")
