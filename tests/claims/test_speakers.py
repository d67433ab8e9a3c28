"""Speaker noun phrases: boundaries, role/name split and coreference inside an article."""

from __future__ import annotations

import datetime as dt

from service.claims.speaker_book import EntityBook
from service.claims.speakers import np_before, split_role_name
from service.pipeline import extract
from service.text.hindi import fold


def np_text(sentence: str) -> str:
    f = fold(sentence)
    pos = f.index(" ने ")
    np = np_before(f, pos, 0)
    assert np is not None
    return f[np.start : np.end]


def parts(np: str):
    words = np.split()
    return split_role_name(words, [fold(w) for w in words])


def test_np_stops_at_adverbials_and_connectives():
    assert np_text("बैठक के बाद जिला कलेक्टर अनीता राव ने कहा कि") == "जिला कलेक्टर अनीता राव"
    assert np_text("वहीं, राज्य के कृषि मंत्री ने बताया") == "राज्य के कृषि मंत्री"
    assert np_text("इस दौरान पार्टी अध्यक्ष ने कहा") == "पार्टी अध्यक्ष"
    assert np_text("मंगलवार को नगर निगम ने कहा") == "नगर निगम"
    assert np_text("सभा को संबोधित करते हुए सांसद ने कहा") == "सांसद"


def test_np_keeps_bracketed_abbreviation():
    assert np_text("भारतीय मौसम विभाग (आईएमडी) ने चेतावनी दी") == "भारतीय मौसम विभाग (आईएमडी)"


def test_role_name_split():
    p = parts("ब्राजील के विदेश मंत्री मौरो विएरा")
    assert (p.role, p.name, p.kind) == ("ब्राजील के विदेश मंत्री", "मौरो विएरा", "person")
    p = parts("जिला अस्पताल के अधीक्षक डॉ. नीरज जैन")
    assert p.role == "जिला अस्पताल के अधीक्षक" and p.name == "नीरज जैन"
    assert "डॉ. नीरज जैन" in p.aliases


def test_organizations_and_abbreviations():
    p = parts("भारतीय मौसम विभाग (आईएमडी)")
    assert p.kind == "organization" and p.name == "भारतीय मौसम विभाग" and "आईएमडी" in p.aliases
    assert parts("जिला प्रशासन").kind == "organization"
    assert parts("नाराज ग्रामीणों").kind == "organization"  # a group speaks collectively


def test_bare_role_and_surname_resolve_to_the_named_person():
    book = EntityBook()
    full = book.resolve(parts("राज्य के खेल मंत्री अरुण साव"), fold("राज्य के खेल मंत्री अरुण साव"), "x")
    assert book.resolve(parts("खेल मंत्री"), fold("खेल मंत्री"), "खेल मंत्री") is full
    assert book.resolve(parts("साव"), "साव", "साव") is full
    assert full.name == "अरुण साव"


def test_pronoun_prefers_recent_person_and_generic_org_refers_back():
    book = EntityBook()
    org = book.resolve(parts("केंद्रीय जल आयोग"), fold("केंद्रीय जल आयोग"), "केंद्रीय जल आयोग")
    person = book.resolve(parts("इंजीनियर रवि कुमार"), fold("इंजीनियर रवि कुमार"), "x")
    assert book.pronoun() is person
    assert book.generic_org("आयोग") is org


def test_np_stops_at_postpositions_of_concession_and_purpose():
    assert np_text("चेतावनी के बावजूद मंत्री ने कहा") == "मंत्री"
    assert np_text("जांच के लिए सचिव ने कहा") == "सचिव"


def test_np_stops_at_a_future_verb_and_adverb_but_keeps_names_like_yogi():
    assert np_text("योजना जल्द शुरू होगी और सचिव ने कहा") == "सचिव"
    assert np_text("इसपर छात्रों ने कहा") == "छात्रों"
    assert np_text("मुख्यमंत्री योगी आदित्यनाथ ने कहा") == "मुख्यमंत्री योगी आदित्यनाथ"


def test_compound_and_occupational_roles_split_from_the_name():
    cases = {
        "निगमायुक्त दिलीप कुमार यादव": ("निगमायुक्त", "दिलीप कुमार यादव"),
        "जिलाधिकारी सर्वज्ञराम मिश्र": ("जिलाधिकारी", "सर्वज्ञराम मिश्र"),
        "भारत के दूत विक्रम मिस्री": ("भारत के दूत", "विक्रम मिस्री"),
        "संघ के सरसंघचालक डॉ. मोहन भागवत": ("संघ के सरसंघचालक", "मोहन भागवत"),
        "हेलमेट विक्रेता पवन राजपूत": ("हेलमेट विक्रेता", "पवन राजपूत"),
        "महिदपुर निवासी मुकेश बाठिया": ("महिदपुर निवासी", "मुकेश बाठिया"),
    }
    for np, (role, name) in cases.items():
        p = parts(np)
        assert (p.role, p.name, p.kind) == (role, name, "person"), np


def test_resident_of_a_locality_names_the_person_before_it():
    assert (
        parts("फरियादी माया शर्मा निवासी संतबाग कालोनी").name,
        parts("दीपा परमार निवासी शांति नगर").name,
    ) == (
        "माया शर्मा",
        "दीपा परमार",
    )
    p = parts("महिदपुर सिटी निवासी मुकेश बाठिया")
    assert (p.role, p.name) == ("महिदपुर सिटी निवासी", "मुकेश बाठिया")


def test_a_wire_slug_is_never_part_of_the_speaker():
    assert np_text("अर्थ8 मारुति सुजुकी ने कहा") == "मारुति सुजुकी"
    assert np_text("डीसीपी जोन-1 विनोद मीना ने कहा") == "डीसीपी जोन-1 विनोद मीना"


def test_a_singular_pronoun_never_means_a_plural_group():
    day = dt.date(2026, 3, 10)
    text = "अधिकारियों ने कहा कि जांच होगी। पूछताछ में उसने बताया कि वह नशे में था।"
    got = [(c.speaker_name, c.quote) for c in extract(text, published=day, today=day).claims]
    assert got == [("अधिकारियों", "जांच होगी")]
    text = "अधिकारियों ने कहा कि जांच होगी। उन्होंने बताया कि रिपोर्ट जल्द आएगी।"
    got = [c.speaker_name for c in extract(text, published=day, today=day).claims]
    assert got == ["अधिकारियों", "अधिकारियों"]
