"""Reporting-verb lexicon for Hindi news: inflected surface patterns, canonical lemma, class."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_JATA = r"(?:जताई|जताया|जताए|जताये|जताते\s+हुए\s+कहा|व्यक्त\s+की|व्यक्त\s+किया|जाहिर\s+की|जाहिर\s+किया)"


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


# (pattern, Verb). Order matters: longer phrases first so that "चेतावनी दी" wins over nothing.
_ENTRIES: list[tuple[str, Verb]] = [
    (r"जानकारी" + _P + _DI, Verb("जानकारी दी", "statement", "object")),
    # "X ने घटना की जानकारी <recipient> को दी"; a recipient with organization, role and name is long
    (r"जानकारी(?:\s+\S+){1,12}?\s+को" + _P + _DI, Verb("जानकारी दी", "statement", "object")),
    (r"स्पष्ट" + _P + _KI, Verb("स्पष्ट किया", "statement", "object")),
    (r"(?:चेतावनी" + _P + _DI + r"|चेताया)", Verb("चेतावनी दी", "warning", "object")),
    (r"(?:धमकी" + _P + _DI + r"|धमकाया)", Verb("धमकी दी", "threat", "object")),
    (r"आरोप" + _P + _LAGA, Verb("आरोप लगाया", "accusation", "object")),
    (r"शिकायत" + _P + _KI, Verb("शिकायत की", "accusation", "object")),
    (r"दावा" + _P + _KI, Verb("दावा किया", "claim", "object")),
    (r"(?:इनकार|इंकार)" + _P + _KI, Verb("इनकार किया", "denial", "object")),
    (r"खारिज" + _P + _KI, Verb("खारिज किया", "denial", "object")),
    (r"खंडन" + _P + _KI, Verb("खंडन किया", "denial", "object")),
    (r"घोषणा" + _P + _KI, Verb("घोषणा की", "announcement", "object")),
    (r"ऐलान" + _P + _KI, Verb("ऐलान किया", "announcement", "object")),
    (r"पेशकश" + _P + _KI, Verb("पेशकश की", "announcement", "object")),
    (r"मांग" + _P + _KI, Verb("मांग की", "demand", "object")),
    (r"अपील" + _P + _KI, Verb("अपील की", "appeal", "object")),
    (r"आग्रह" + _P + _KI, Verb("आग्रह किया", "appeal", "object")),
    (r"अनुरोध" + _P + _KI, Verb("अनुरोध किया", "appeal", "object")),
    (r"आह्वान" + _P + _KI, Verb("आह्वान किया", "appeal", "object")),
    (r"सुझाव" + _P + _DI, Verb("सुझाव दिया", "appeal", "object")),
    (r"सलाह" + _P + _DI, Verb("सलाह दी", "appeal", "object")),
    (r"पुष्टि" + _P + _KI, Verb("पुष्टि की", "confirmation", "object")),
    (r"(?:स्वीकार" + _P + _KI + r"|स्वीकारा)", Verb("स्वीकार किया", "confirmation", "object")),
    (r"निर्देश" + _P + _DI, Verb("निर्देश दिए", "instruction", "object")),
    (r"आदेश" + _P + _DI, Verb("आदेश दिया", "instruction", "object")),
    (r"आश्वासन" + _P + _DI, Verb("आश्वासन दिया", "statement", "object")),
    (r"भरोसा" + _P + r"(?:दिलाया|दिया)", Verb("भरोसा दिलाया", "statement", "object")),
    (
        r"(?:चिंता|उम्मीद|आशंका|नाराजगी|आपत्ति|खुशी|दुख|आभार|विश्वास|संभावना|शोक|रोष)" + _P + _JATA,
        Verb("जताया", "statement", "object"),
    ),
    (r"जोर" + _P + _DI, Verb("जोर दिया", "statement", "object")),
    (r"खुशखबरी" + _P + _DI, Verb("खुशखबरी दी", "announcement", "object")),
    (r"तर्क" + _P + _DI, Verb("तर्क दिया", "statement", "clause")),
    # "सवालों का जवाब दिया", "मामलों की सूचना दी" have no content of their own: only a कि-clause
    # or a quote counts.
    (r"सूचना" + _P + _DI, Verb("सूचना दी", "statement", "clause")),
    (r"जवाब" + _P + _DI, Verb("जवाब दिया", "statement", "clause")),
    (r"ट्वीट" + _P + _KI, Verb("ट्वीट किया", "written", "clause", inline=True)),
    (r"पोस्ट" + _P + _KI, Verb("पोस्ट किया", "written", "clause", inline=True)),
    (r"(?:लिखा|लिखी)", Verb("लिखा", "written", "clause", inline=True)),
    (
        r"(?:कहते|कहती|कहता|कह\s+(?:रहे|रही|रहा|चुके|चुकी|चुका))(?!\s+हुए)",
        Verb("कहा", "statement", "clause", direct=True),
    ),
    (
        r"(?:बताते|बताती|बताता|बता\s+(?:रहे|रही|रहा|चुके|चुकी|चुका))(?!\s+हुए)",
        Verb("बताया", "statement", "clause", direct=True),
    ),
    (r"(?:कहा|कही|कहे)", Verb("कहा", "statement", "object", inline=True)),
    (r"(?:बताया|बताई|बताए|बताये)", Verb("बताया", "statement", "object", inline=True)),
    (r"पूछा", Verb("पूछा", "statement", "clause")),
    (r"सवाल" + _P + r"(?:किया|उठाया|दागा|खड़ा\s+किया)", Verb("सवाल उठाया", "statement", "clause")),
    (r"आश्वस्त" + _P + _KI, Verb("आश्वस्त किया", "statement", "clause")),
    (r"माना", Verb("माना", "statement", "clause")),
    (r"(?:फैसला|निर्णय)" + _P + r"(?:किया|लिया)", Verb("फैसला किया", "announcement", "clause")),
]

# Lemma for a few inflected noun+verb phrases whose lemma depends on the noun (चिंता जताई).
_JATA_NOUN = re.compile(r"^(\S+)")

# An auxiliary after the verb (दिए हैं कि): whole words only, or "है" would stop inside "हैं".
_AUX = r"(?:\s+(?:है|हैं|था|थी|थे|थीं)" + NOT_AFTER + ")?"
VERB_RE = re.compile(
    NOT_BEFORE
    + "(?:"
    + "|".join(f"(?P<v{i}>{p})" for i, (p, _) in enumerate(_ENTRIES))
    + ")"
    + NOT_AFTER
    + _AUX
)
VERBS: list[Verb] = [v for _, v in _ENTRIES]

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
    """Canonical lemma phrase of a match (the noun is kept for जताई-type phrases)."""
    verb = verb_of(match)
    if verb.lemma == "जताया":
        noun = _JATA_NOUN.match(match.group(match.lastgroup))
        return f"{noun.group(1)} जताई" if noun else "जताया"
    return verb.lemma


# "X का कहना है कि", "X का आरोप है कि", "X की मांग है कि"
GENITIVE_RE = re.compile(
    NOT_BEFORE
    + r"(?:का|की|के)\s+(?:का\s+)?(?P<noun>कहना|आरोप|दावा|मानना|मांग|शिकायत|तर्क)\s+(?:है|हैं|था|थी|थे|रहा)"
    + NOT_AFTER
)
GENITIVE_PRONOUN_RE = re.compile(
    NOT_BEFORE
    + r"(?P<pron>उनका|उसका|इनका|इसका|उनकी|उसकी|इनकी|इसकी)\s+(?P<noun>कहना|आरोप|दावा|मानना|मांग|शिकायत|तर्क)"
    + r"\s+(?:है|हैं|था|थी|थे|रहा)"
    + NOT_AFTER
)
GENITIVE_NOUNS = frozenset("कहना आरोप दावा मानना मांग शिकायत तर्क".split())
# First word of every verb phrase above: sentences without any of them skip the big regex.
FIRST_WORDS = frozenset(
    """जानकारी स्पष्ट चेतावनी चेताया धमकी धमकाया आरोप शिकायत दावा इनकार इंकार खारिज खंडन घोषणा ऐलान पेशकश
    मांग अपील आग्रह अनुरोध आह्वान सुझाव सलाह पुष्टि स्वीकार स्वीकारा निर्देश आदेश आश्वासन भरोसा चिंता उम्मीद
    आशंका नाराजगी आपत्ति खुशी दुख आभार विश्वास संभावना शोक रोष जोर ट्वीट पोस्ट लिखा लिखी कहा कही कहे बताया
    बताई बताए बताये पूछा माना फैसला निर्णय सवाल आश्वस्त सूचना खुशखबरी तर्क जवाब कहते कहती कहता कह बताते
    बताती बताता बता""".split()
)
GENITIVE_LEMMA = {
    "कहना": ("कहा", "statement"),
    "मानना": ("माना", "statement"),
    "तर्क": ("कहा", "statement"),
    "आरोप": ("आरोप लगाया", "accusation"),
    "दावा": ("दावा किया", "claim"),
    "मांग": ("मांग की", "demand"),
    "शिकायत": ("शिकायत की", "accusation"),
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
