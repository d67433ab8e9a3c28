"""Local place phrases (districts, police stations, colonies …) on our own sentences."""

from __future__ import annotations

import pytest

from service.places.local import find_local_places, local_place


def names(text: str) -> list[tuple[str, bool]]:
    return [(m.place.name, m.named) for m in find_local_places(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("उत्तर बस्तर जिले में किसानों की बैठक हुई।", [("उत्तर बस्तर जिला", True)]),
        ("रामगढ़ थाना क्षेत्र में चोरी हुई।", [("रामगढ़ थाना", True)]),
        ("शिवाजी नगर थाने में रिपोर्ट लिखाई गई।", [("शिवाजी नगर थाना", True)]),
        ("लोग पटेल कॉलोनी में जमा हुए।", [("पटेल कॉलोनी", True)]),
        ("सोनपुर कस्बे में मेला लगा।", [("सोनपुर कस्बा", True)]),
        ("गोपाल चौराहे पर जाम लगा।", [("गोपाल चौराहा", True)]),
        ("मरीज को सुखदेव अस्पताल ले जाया गया।", [("सुखदेव अस्पताल", True)]),
    ],
)
def test_named_phrases_with_oblique_heads_normalised(text, want):
    assert names(text) == want


def test_written_form_and_id():
    (m,) = find_local_places("घटना के बाद लोग रामगढ़ थाने पहुंचे।", country="IN")
    assert m.text == "रामगढ़ थाने" and m.place.name == "रामगढ़ थाना"
    assert m.place.id == "local:रामगढ थाना"  # folded: nukta dropped
    assert (m.place.kind, m.place.country, m.place.lat, m.place.lon) == ("locality", "IN", None, None)
    assert local_place("पटेल कॉलोनी").id == local_place("पटेल कोलोनी").id


def test_bare_head_refers_back_to_named_station():
    text = "रामगढ़ थाना क्षेत्र में एक दुकान लूटी गई। शाम को व्यापारियों ने थाने पहुंचकर प्रदर्शन किया।"
    assert names(text) == [("रामगढ़ थाना", True), ("रामगढ़ थाना", False)]
    ref = find_local_places(text)[1]
    assert text[ref.start : ref.end] == "थाने" and text[slice(*ref.antecedent)] == "रामगढ़ थाना"


@pytest.mark.parametrize(
    "text",
    [
        "जिले में कई लोग बीमार हैं।",  # bare head, nothing to refer to
        "थाने में शिकायत दी गई।",
        "नगर निगम ने सफाई अभियान चलाया।",  # organisation
        "रामपुर नगर निगम की बैठक हुई।",
        "थाना प्रभारी सुनील ने बताया कि जांच जारी है।",  # role
        "सोनपुर थाना प्रभारी ने कहा कि जांच होगी।",
        "सुरेश नगर ने कहा कि वह चुनाव लड़ेंगे।",  # a person surnamed नगर
        "अमित नगरकर ने भाषण दिया।",
        "शेयर बाजार में आज तेजी रही।",
        "सभी जिलों में अलर्ट है।",  # plural
        "मरीज को निजी अस्पताल ले जाया गया।",  # no name
        "वह चुनावी मैदान में उतरे।",
        "उन्हें अस्पताल भेजा गया।",
        "जिलाधिकारी ने आदेश दिया।",
    ],
)
def test_negatives(text):
    assert find_local_places(text) == []


def test_bare_head_with_other_modifier_is_not_the_named_place():
    text = "रामगढ़ थाना क्षेत्र में चोरी हुई। आरोपी दूसरे थाने में पकड़ा गया।"
    assert names(text) == [("रामगढ़ थाना", True)]


def test_known_gazetteer_end_cuts_the_name():
    text = "मुंबई तिलक नगर में पानी भरा।"
    (m,) = find_local_places(text, known={len("मुंबई")})
    assert m.place.name == "तिलक नगर"
