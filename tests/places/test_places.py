"""Tests for gazetteer-backed place finding in Hindi text."""

import pytest

from service.places.finder import find_places, get_place, lookup_place

ZWJ = "\u200d"


def names(text):
    return [(m.text, m.place.id) for m in find_places(text)]


@pytest.mark.parametrize(
    "text, surface, place_id",
    [
        ("प्रतिनिधिमंडल कल वॉनसान बंदरगाह गया।", "वॉनसान", "geonames:1866923"),
        ("प्रतिनिधिमंडल कल वोनसान बंदरगाह गया।", "वोनसान", "geonames:1866923"),
        (f"मंत्री नई दिल्{ZWJ}ली में बोले", f"नई दिल्{ZWJ}ली", "geonames:1261481"),
        ("मंत्री नई दिल्ली में बोले", "नई दिल्ली", "geonames:1261481"),
        ("वे दिल्ली लौटे", "दिल्ली", "geonames:1273294"),
        ("इंदौर में बारिश हुई", "इंदौर", "geonames:1269743"),
        ("इन्दौर में बारिश हुई", "इन्दौर", "geonames:1269743"),
        ("भोपाल के पास", "भोपाल", "geonames:1275841"),
        ("उज्जैन के महाकाल", "उज्जैन", "geonames:1253914"),
        ("मुंबई की लोकल", "मुंबई", "geonames:1275339"),
        ("मुँबई की लोकल", "मुँबई", "geonames:1275339"),
        ("उत्तर कोरिया ने परीक्षण किया", "उत्तर कोरिया", "cldr:KP"),
        ("उत्तरी कोरिया ने परीक्षण किया", "उत्तरी कोरिया", "cldr:KP"),
        ("दक्षिण कोरिया ने विरोध किया", "दक्षिण कोरिया", "cldr:KR"),
        ("अमेरिका और जापान", "अमेरिका", "cldr:US"),
        ("फ़्रांस की राजधानी", "फ़्रांस", "cldr:FR"),
        ("फ्रांस की राजधानी", "फ्रांस", "cldr:FR"),
        ("पाकिस्तान के कराची शहर", "पाकिस्तान", "cldr:PK"),
        ("यूरोप के कई देश", "यूरोप", "geonames:6255148"),
        ("ग़ाज़ीपुर की मंडी", "ग़ाज़ीपुर", "geonames:1271306"),  # nukta; Indian homonym over Gazipur BD
        ("रतलाम स्टेशन पर", "रतलाम", "geonames:1258342"),  # alias: geonames has no Devanagari name
        ("गुवाहाटी, असम", "गुवाहाटी", "geonames:1271476"),
        ("नयी दिल्ली, प्रधानमंत्री ने कहा", "नयी दिल्ली", "geonames:1261481"),  # final यी = ई
    ],
)
def test_finds_place_with_offsets(text, surface, place_id):
    found = find_places(text)
    assert found, text
    m = found[0]
    assert m.text == surface
    assert text[m.start : m.end] == m.text
    assert m.place.id == place_id


def test_seed_style_sentence():
    text = "विदेश मंत्री उत्तरी कोरिया के पूर्वी वॉनसान शहर पहुंचे"
    found = find_places(text)
    assert [m.place.id for m in found] == ["cldr:KP", "geonames:1866923"]
    wonsan = found[1].place
    assert wonsan.kind == "city" and wonsan.country == "KP"
    assert wonsan.lat == pytest.approx(39.15, abs=0.05) and wonsan.lon == pytest.approx(127.44, abs=0.05)
    assert found[0].place.kind == "country"


def test_longest_match_wins_and_no_overlap():
    found = find_places("दक्षिण कोरिया और नई दिल्ली")
    assert [m.text for m in found] == ["दक्षिण कोरिया", "नई दिल्ली"]


@pytest.mark.parametrize(
    "text",
    [
        "भोपालवासियों ने स्वागत किया",  # city inside a longer word
        "रूसी विदेश मंत्री ने कहा",  # demonym, not the country
        "अमेरिकी सेना लौटी",
        "बस स्टैंड पर पुलिस तैनात रही",  # common words that are tiny place names
        "राजा ने मोहन को गोला दिया",
        "वह कल घर गया",
        "सरकार ने कोटा बढ़ाया",
        "सागर जैसा विशाल दिल",
        "कोरोना का नया मोबाइल ऐप",  # foreign towns (Corona, Mobile) that are loanwords
        "उसकी भावना सफेद कागज पर",
        "गुजरात और बिहार के मजदूर",  # states are not places here, and not the city Gujrat (PK)
        "जम्मू कश्मीर में बर्फ",  # the UT swallows the longer name; no Jammu city
    ],
)
def test_no_false_matches(text):
    assert names(text) == []


def test_homonym_prefers_most_populous():
    # हैदराबाद: Hyderabad (India) is far bigger than Hyderabad (Pakistan).
    (m,) = find_places("हैदराबाद में सम्मेलन")
    assert m.place.country == "IN"


def test_words_separated_by_punctuation_are_not_one_name():
    assert [m.text for m in find_places("उत्तर। कोरिया")] == []


def test_lookup_and_get():
    p = lookup_place("वॉनसान")
    assert p is not None and p.id == "geonames:1866923"
    assert lookup_place(" उत्तरी  कोरिया ").id == "cldr:KP"
    assert lookup_place("कोई अनजानी जगह") is None
    assert get_place("cldr:JP").name == "जापान"
    assert get_place("geonames:1866923").name_en == "Wŏnsan"
    assert get_place("nope:1") is None
    assert lookup_place("cldr:KP").country == "KP"


def test_country_has_coordinates():
    kp = get_place("cldr:KP")
    assert kp.lat == pytest.approx(39.0, abs=1.0) and kp.lon == pytest.approx(125.7, abs=1.0)


def test_hyphen_and_comma_lists_split_into_places():
    text = "इंदौर-देवास मार्ग और भोपाल, उज्जैन तक"
    found = find_places(text)
    assert [m.text for m in found] == ["इंदौर", "देवास", "भोपाल", "उज्जैन"]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_offsets_survive_zero_width_and_nukta_in_long_text():
    text = "पहली पंक्ति।\nदूसरी में नई दिल्\u200dली और फ़्रांस, फिर वॉनसान।"
    found = find_places(text)
    assert [m.place.id for m in found] == ["geonames:1261481", "cldr:FR", "geonames:1866923"]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_display_name_is_stable_per_place():
    a = find_places("वॉनसान")[0].place
    b = find_places("वोनसान")[0].place
    assert a == b and a.name == "वोनसान"
    assert get_place("cldr:US").name == "अमेरिका"


def test_state_name_is_not_a_place():
    assert lookup_place("गुजरात") is None


def test_lookup_tolerates_joiners_and_final_yi():
    for name in ("नई दिल्\u200dली", "नयी दिल्ली", "नई दिल्ली"):
        assert lookup_place(name).id == "geonames:1261481", name
