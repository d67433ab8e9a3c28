"""Claim extraction: the seed article's four claims and each pattern on our own sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from service.claims.extract import extract_claims
from service.dates.resolver import resolve_dates

SEED = Path("/work/shared/seed/000_684fd98b3296ba74.txt")
ANCHOR = dt.date(2025, 7, 12)


def claims_of(text: str, anchor: dt.date = ANCHOR, places=None):
    return extract_claims(text, resolve_dates(text, anchor), anchor, places)


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_yields_exactly_the_four_design_claims():
    raw = SEED.read_text(encoding="utf-8")
    body = raw[: raw.index("world news,")]
    claims = claims_of(body)
    assert [c.verb for c in claims] == ["धमकी दी", "चेतावनी दी", "आरोप लगाया", "कहा"]
    for c in claims:
        assert c.speaker_name == "सर्गेई लावरोव"
        assert c.date is not None and c.date.value == "2025-07-12"
        assert c.place is not None and c.place.name_en.startswith("W") and c.place.country == "KP"
        assert body[c.start : c.end].strip()
    assert "अमेरिका, दक्षिण कोरिया और जापान को धमकी दी" in body[claims[0].start : claims[0].end]
    assert claims[0].speaker_role in ("रूस के विदेश मंत्री", "रूसी विदेश मंत्री")
    assert claims[3].quote_type == "direct" and claims[3].quote.startswith("हम इस गठबंधन")


def test_seed_tail_yields_no_claims():
    tail = "world news, latest news, hindi news today, oxbig news\nEnglish News\nhttps://example.com/a-b"
    assert claims_of(tail) == []


D = dt.date(2024, 3, 6)  # a Wednesday


def one(text: str, anchor: dt.date = D, places=None):
    claims = claims_of(text, anchor, places)
    assert len(claims) == 1, claims
    return claims[0]


def test_ne_kaha_ki_indirect():
    c = one("जिला कलेक्टर अनीता राव ने कहा कि स्कूल सोमवार से खुलेंगे।")
    assert (c.speaker_name, c.speaker_role, c.verb, c.verb_class) == (
        "अनीता राव",
        "जिला कलेक्टर",
        "कहा",
        "statement",
    )
    assert c.quote == "स्कूल सोमवार से खुलेंगे" and c.quote_type == "indirect"


def test_ne_kaha_direct_quote_and_quote_first_order():
    text = "कोच ने कहा, “टीम तैयार है। हम जीतेंगे।” मैच कल है।"
    c = one(text)
    assert c.quote_type == "direct" and c.quote == "टीम तैयार है। हम जीतेंगे" and c.speaker_name == "कोच"
    text2 = "“सड़क इसी महीने बनेगी।”, महापौर सुनीता शर्मा ने कहा।"
    c2 = one(text2)
    assert c2.speaker_name == "सुनीता शर्मा" and c2.quote == "सड़क इसी महीने बनेगी" and c2.quote_type == "direct"
    assert text2[c2.start : c2.end].startswith("“सड़क")


def test_ke_mutabik_is_attribution():
    c = one("थाना प्रभारी मनोज वर्मा के मुताबिक आरोपी फरार है और तलाश जारी है।")
    assert c.verb == "के मुताबिक" and c.verb_class == "attribution" and c.speaker_name == "मनोज वर्मा"
    assert one("बिजली कंपनी के अनुसार, कटौती दो घंटे रहेगी।").verb == "के अनुसार"


def test_ka_kahna_hai_and_pronoun():
    text = "किसान संघ के अध्यक्ष रामपाल यादव ने मंडी का दौरा किया। उनका कहना है कि खरीद धीमी है।"
    c = one(text)
    assert c.speaker_name == "रामपाल यादव" and c.verb == "कहा" and c.quote == "खरीद धीमी है"


def test_object_content_for_warning_accusation_threat():
    text = "विपक्ष के नेता ने सरकार पर किसानों की अनदेखी करने का आरोप लगाया।"
    c = one(text)
    assert c.verb == "आरोप लगाया" and c.verb_class == "accusation"
    assert c.quote == "सरकार पर किसानों की अनदेखी करने का"
    assert "आरोप लगाया" in text[c.start : c.end]
    w = one("मौसम विभाग ने अगले दो दिन भारी बारिश की चेतावनी दी है।")
    assert w.verb == "चेतावनी दी" and w.speaker_kind == "organization"
    t = one("बदमाशों ने दुकानदार को जान से मारने की धमकी दी।")
    assert t.verb == "धमकी दी" and t.verb_class == "threat"


def test_two_verbs_share_one_subject():
    claims = claims_of("ग्रामीणों ने सड़क की मांग की और अफसरों पर लापरवाही का आरोप लगाया।")
    assert [c.verb for c in claims] == ["मांग की", "आरोप लगाया"]
    assert claims[1].quote == "अफसरों पर लापरवाही का"


def test_passive_without_agent_is_no_claim_and_with_agent_is():
    assert claims_of("बताया गया कि पुल की मरम्मत अगले माह होगी।") == []
    assert claims_of("बैठक में कहा गया कि नियम सख्त होंगे।") == []
    c = one("नगर निगम द्वारा जारी बयान में कहा गया है कि पानी की आपूर्ति बाधित रहेगी।")
    assert c.speaker_name == "नगर निगम" and c.quote == "पानी की आपूर्ति बाधित रहेगी"


def test_pronoun_resolution_to_last_person_subject():
    text = (
        "राज्य के शिक्षा मंत्री विनोद पाठक ने स्कूल का निरीक्षण किया। "
        "नगर निगम ने भी टीम भेजी। उन्होंने बताया कि नए कमरे बनेंगे।"
    )
    c = one(text)
    assert c.speaker_name == "विनोद पाठक" and c.verb == "बताया"


def test_bare_role_and_surname_refer_to_named_speaker():
    text = (
        "वित्त मंत्री कविता मेहता ने कहा कि घाटा घटेगा। "
        "वित्त मंत्री ने कहा कि कर नहीं बढ़ेंगे। मेहता ने बताया कि बजट मार्च में आएगा।"
    )
    claims = claims_of(text, D)
    assert [c.speaker_name for c in claims] == ["कविता मेहता"] * 3


def test_denial_announcement_demand_confirmation_instruction_written():
    cases = {
        "पुलिस ने आरोपों से इनकार कर दिया।": ("इनकार किया", "denial"),
        "सरकार ने नई योजना की घोषणा की।": ("घोषणा की", "announcement"),
        "कंपनी ने वेतन बढ़ाने का ऐलान किया है।": ("ऐलान किया", "announcement"),
        "व्यापारियों ने टैक्स घटाने की मांग की।": ("मांग की", "demand"),
        "प्रशासन ने लोगों से घरों में रहने की अपील की।": ("अपील की", "appeal"),
        "अस्पताल ने दो नए मरीजों की पुष्टि की।": ("पुष्टि की", "confirmation"),
        "कलेक्टर ने अफसरों को सर्वे करने के निर्देश दिए।": ("निर्देश दिए", "instruction"),
        "सांसद ने ट्वीट किया कि रेल लाइन मंजूर हो गई है।": ("ट्वीट किया", "written"),
        "संघ ने प्रस्ताव को खारिज कर दिया।": ("खारिज किया", "denial"),
        "विधायक ने सड़क निर्माण में देरी पर चिंता जताई।": ("चिंता जताई", "statement"),
    }
    for text, (verb, cls) in cases.items():
        c = one(text)
        assert (c.verb, c.verb_class) == (verb, cls), text


def test_dates_explicit_inherited_anchor():
    text = (
        "सांसद प्रिया सिंह ने सोमवार को कहा कि पुल बनेगा।\n"
        "प्रिया सिंह ने बताया कि काम मई में शुरू होगा।\n"
        "व्यापार मंडल ने कहा कि दुकानें खुली रहेंगी।"
    )
    a, b, c = claims_of(text, D)
    assert (a.date.value, a.date.source) == ("2024-03-04", "explicit")
    assert (b.date.value, b.date.source) == ("2024-03-04", "inherited")
    assert (c.date.value, c.date.source) == ("2024-03-06", "anchor")


def test_date_in_content_is_not_the_claim_date():
    c = one("मंत्री ने कहा कि मेला 20 अप्रैल को लगेगा।")
    assert c.date.source == "anchor"


def test_event_context_date_in_same_paragraph():
    text = "सोमवार को अदालत में सुनवाई हुई। अदालत ने कहा कि रिपोर्ट पेश की जाए।"
    c = one(text)
    assert (c.date.value, c.date.source) == ("2024-03-04", "inherited")


def test_place_from_dateline_and_in_clause_and_content_mentions():
    text = "भोपाल, 5 मार्च। मुख्यमंत्री ने कहा कि दिल्ली से मदद मिलेगी।"
    c = one(text)
    assert c.place is not None and c.place.name_en == "Bhopal"
    assert [m.place.name_en for m in c.mentions] == ["New Delhi"] or [m.text for m in c.mentions] == ["दिल्ली"]
    c2 = one("जयपुर में आयोजित सभा में नेता ने कहा कि चुनाव जीतेंगे।")
    assert c2.place is not None and c2.place.name_en == "Jaipur"


def test_place_from_speaker_travel_cue():
    text = (
        "विदेश मंत्री अनिल शर्मा ने व्यापार बढ़ाने का आश्वासन दिया। अनिल शर्मा मंगलवार को टोक्यो पहुंचे, जहां उनका स्वागत हुआ।"
    )
    c = one(text)
    assert c.place is not None and c.place.name_en == "Tokyo"


def test_quote_box_byline():
    text = "फैसला ऐतिहासिक है। इससे हजारों लोगों को राहत मिलेगी। -सुरेश मीणा, वरिष्ठ अधिवक्ता"
    c = one(text)
    assert c.speaker_name == "सुरेश मीणा" and c.speaker_role == "वरिष्ठ अधिवक्ता"


def test_no_claims_from_plain_narration_and_never_crash():
    assert claims_of("बारिश से कई सड़कें बंद रहीं। लोग घरों में रहे।") == []
    for junk in ["", " ", "ने", "ने कहा", "“", "कहा कि", "के मुताबिक", "\n\n।।"]:
        claims_of(junk)


def test_addressee_only_object_is_not_content():
    assert claims_of("नेता ने अधिकारियों को भी धमकाया।", D) == []
    assert claims_of("किसान ने तहसीलदार को शिकायत की।", D) == []


def test_generic_org_skips_plural_antecedent():
    text = (
        "विश्व खाद्य संगठन ने कहा कि अनाज महंगा होगा। कुछ देशों की सरकारों ने निर्यात रोकने का "
        "सुझाव दिया है। संस्था ने कहा कि इससे भूख बढ़ेगी।"
    )
    last = claims_of(text, D)[-1]
    assert last.quote == "इससे भूख बढ़ेगी" and last.speaker_name == "विश्व खाद्य संगठन"


def test_subject_nested_in_attribution_is_a_pronoun_antecedent():
    text = "मैनेजर के मुताबिक राकेश ने कंपनी से इस्तीफा दे दिया है। उसने कहा कि वह नई नौकरी करेगा।"
    said = [c for c in claims_of(text, D) if c.verb == "कहा"]
    assert len(said) == 1 and said[0].speaker_name == "राकेश"


def test_carried_over_subject_across_a_paragraph():
    text = (
        "विधायक सुरेश पटेल ने कहा कि सड़क जल्द बनेगी। क्या यह लापरवाही नहीं है? गांव के लोग परेशान हैं। "
        "बारिश में रास्ता बंद हो जाता है।\nसाथ ही मांग की है कि पुल की मरम्मत भी हो।"
    )
    demand = [c for c in claims_of(text, D) if c.verb == "मांग की"]
    assert len(demand) == 1 and demand[0].speaker_name == "सुरेश पटेल"
    assert demand[0].quote == "पुल की मरम्मत भी हो"


def test_motion_verb_subject_is_a_pronoun_antecedent_and_placed():
    c = one("रमेश सोमवार को दिल्ली चला गया। उसने कहा कि वह जल्द लौटेगा।")
    assert c.speaker_name == "रमेश" and c.quote == "वह जल्द लौटेगा"
    assert c.place is not None and c.place_text == "दिल्ली"


def test_motion_subject_must_be_sentence_initial_direct_case():
    text = "बारिश होने से वे देर से घर लौटे। उन्होंने कहा कि सड़क खराब है।"
    assert all(c.speaker_name != "बारिश होने" for c in claims_of(text, D))


def test_information_given_to_a_long_recipient():
    c = one("परिवार ने घटना की जानकारी जिला किसान संघ के प्रदेश अध्यक्ष रामलाल वर्मा को दी।")
    assert (c.speaker_name, c.verb) == ("परिवार", "जानकारी दी")


def test_claim_nested_in_a_run_on_clause():
    text = (
        "कंपनी के प्रवक्ता ने बुधवार को कहा कि नया संयंत्र अगले साल शुरू होगा और निदेशक ने कहा कि "
        "इसमें पांच सौ लोगों को रोजगार मिलेगा।"
    )
    outer, inner = claims_of(text, D)
    assert outer.speaker_role == "कंपनी के प्रवक्ता"
    assert inner.speaker_role == "निदेशक" and inner.quote == "इसमें पांच सौ लोगों को रोजगार मिलेगा"
    # The inner report shares the outer claim's date, not "अगले साल" from the outer content.
    assert inner.date is not None and inner.date.value == outer.date.value == "2024-03-06"


def test_nested_claim_needs_its_own_named_subject_and_ki():
    text = "मंत्री ने कहा कि उन्होंने कहा था कि सड़क बनेगी।"
    assert len(claims_of(text, D)) == 1


def test_local_district_before_speaker_is_the_claim_place():
    text = "नई दिल्ली: उत्तर बस्तर जिले में एक सभा को संबोधित करते हुए मंत्री अनीता राव ने कहा कि सड़कें बनेंगी।"
    c = one(text)
    assert c.place is not None and c.place.name == "उत्तर बस्तर जिला" and c.place.kind == "district"
    assert c.place.lat is None and c.place.country == "IN" and c.place_text == "उत्तर बस्तर जिले"


def test_rally_place_carries_to_the_speakers_earlier_claim():
    text = (
        "मंत्री अनीता राव ने बुधवार को कहा कि सड़कें बनेंगी।\n"
        "उत्तर बस्तर जिले में एक सभा को संबोधित करते हुए अनीता राव ने कहा कि स्कूल खुलेंगे।"
    )
    claims = claims_of(text, D)
    assert [c.place.name if c.place else None for c in claims] == ["उत्तर बस्तर जिला"] * 2


def test_generic_station_resolves_to_named_one_via_travel_cue():
    text = (
        "रामगढ़ थाना क्षेत्र में एक युवक की हत्या हो गई।\n"
        "शाम को ग्रामीणों ने थाने पहुंचकर कहा कि आरोपियों को तुरंत गिरफ्तार किया जाए।"
    )
    c = one(text)
    assert c.place is not None and c.place.name == "रामगढ़ थाना"
    assert c.place_text == "रामगढ़ थाना"  # the named phrase, never the bare "थाने"


def test_role_and_bare_head_give_no_local_place():
    c = one("थाना प्रभारी सुनील वर्मा ने कहा कि जिले में कई लोग बीमार हैं।")
    assert c.place is None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("नगर आयुक्त ने ठेकेदार को निर्देश दिए हैं कि वह काम तुरंत रोक दे।", "वह काम तुरंत रोक दे"),
        ("विधायक सुरेश पटेल ने आरोप लगाया है कि बिजली कटौती बढ़ गई है।", "बिजली कटौती बढ़ गई है"),
        ("प्राचार्य ने बताया था कि परीक्षा टल सकती है।", "परीक्षा टल सकती है"),
    ],
)
def test_auxiliary_after_the_verb_keeps_the_ki_clause(text, quote):
    """हैं/है/था after the verb is a whole word: "है" must not stop inside "हैं"."""
    assert one(text).quote == quote


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        ("रेलवे के एक बयान में कहा गया है कि सभी ट्रेनें समय पर चलेंगी।", "रेलवे", "सभी ट्रेनें समय पर चलेंगी"),
        (
            "मंत्रालय के बयान में मंत्री सुधा यादव के हवाले से कहा गया, 'अस्पतालों में दवाएं पर्याप्त हैं।'",
            "सुधा यादव",
            "अस्पतालों में दवाएं पर्याप्त हैं",
        ),
    ],
)
def test_passive_with_a_named_statement_source(text, speaker, quote):
    c = one(text)
    assert (c.speaker_name, c.quote, c.verb) == (speaker, quote, "कहा")


def test_passive_with_an_unnamed_statement_is_no_claim():
    assert claims_of("बयान में कहा गया कि स्कूल बंद रहेंगे।", D) == []


def test_news_and_reply_verbs():
    c = one("नगर निगम ने सोमवार को खुशखबरी दी कि शहर में पानी की आपूर्ति दोगुनी होगी।")
    assert (c.verb, c.verb_class, c.quote) == ("खुशखबरी दी", "announcement", "शहर में पानी की आपूर्ति दोगुनी होगी")
    assert claims_of("मंत्री राकेश जैन ने पत्रकारों के सवालों का जवाब दिया।", D) == []  # no content
    assert one("मंत्री राकेश जैन ने जवाब दिया कि जांच जारी है।").verb == "जवाब दिया"


def test_information_verbs_without_a_clause_have_no_content():
    assert claims_of("दो जिलों ने सोमवार को अपने पहले मामलों की सूचना दी।", D) == []
    assert one("थाना प्रभारी अजय सिंह ने सूचना दी कि शव मिल गया है।").quote == "शव मिल गया है"


def test_lead_paragraph_claim_takes_the_event_day_the_body_gives():
    text = (
        "महापौर सुधीर जैन ने कहा कि शहर को कचरा मुक्त बनाया जाएगा।\n"
        "इंदौर। सोमवार को कॉलोनी में स्वच्छता उत्सव आयोजित किया गया।\n"
        "पार्षद रीना शर्मा ने बताया कि पौधे लगाए गए हैं।"
    )
    lead, later = claims_of(text, D)  # D is Wednesday 2024-03-06
    assert (lead.date.value, lead.date.source) == ("2024-03-04", "inherited")
    assert (later.date.value, later.date.source) == ("2024-03-04", "inherited")


def test_an_old_day_is_background_not_the_event():
    text = "12 जनवरी को हादसा हुआ था।\nमंत्री सुनील वर्मा ने कहा कि दोषियों पर कार्रवाई होगी।"
    c = one(text)
    assert (c.date.value, c.date.source) == ("2024-03-06", "anchor")


def test_these_words_said_by_x_refer_to_the_previous_paragraph():
    text = (
        "देश को आत्मनिर्भर बनना है। हमें तकनीक में आगे रहना होगा।\n"
        "ये बातें रक्षा मंत्री अजय वर्मा ने महू में कार्यक्रम में कहीं। कार्यक्रम में अधिकारी शामिल हुए।"
    )
    c = one(text)
    assert (c.speaker_name, c.speaker_role, c.verb) == ("अजय वर्मा", "रक्षा मंत्री", "कहा")
    assert c.quote == "देश को आत्मनिर्भर बनना है। हमें तकनीक में आगे रहना होगा"
    assert claims_of("ये बातें कई लोगों ने सुनीं।", D) == []


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        (
            "कांग्रेस नेता जीतू पटवारी ने सरकार पर निशाना साधा। पटवारी लगातार कह रहे हैं कि सड़कें खराब हैं।",
            "जीतू पटवारी",
            "सड़कें खराब हैं",
        ),
        (
            "डॉ. सुनीता राव ने अस्पताल का दौरा किया। वे कहती हैं कि दवाएं समय पर मिलनी चाहिए।",
            "सुनीता राव",
            "दवाएं समय पर मिलनी चाहिए",
        ),
        ("प्राचार्य अनिल जैन का कहना है कि जांच होगी। वह कह चुके हैं कि दोषी बचेंगे नहीं।", "अनिल जैन", "दोषी बचेंगे नहीं"),
    ],
)
def test_imperfective_say_verbs_take_the_sentence_subject(text, speaker, quote):
    last = claims_of(text, D)[-1]
    assert (last.speaker_name, last.verb, last.quote) == (speaker, "कहा", quote)


@pytest.mark.parametrize(
    "text",
    [
        "लोग कहते हैं कि यहां भूत रहता है।",  # nobody named
        "वे कहते हैं कि बारिश होगी।",  # a pronoun with no antecedent
    ],
)
def test_imperfective_say_verbs_need_an_identifiable_subject(text):
    assert claims_of(text, D) == []


def test_object_fronted_before_the_speaker():
    c = one("स्कूल की फीस घटाने के आदेश में बदलाव करने से हाई कोर्ट ने इनकार कर दिया है।")
    assert (c.speaker_name, c.verb, c.quote) == (
        "हाई कोर्ट",
        "इनकार किया",
        "स्कूल की फीस घटाने के आदेश में बदलाव करने",
    )
    # a source is not an object, and an anaphoric object is no content
    assert claims_of("प्रशासन के हवाले से एजेंसी ने इसकी जानकारी दी।", D) == []
    assert claims_of("दिल्ली से लौटे मंत्री अमित शाह ने यह घोषणा की।", D) == []


def test_a_passive_participle_after_a_ne_subject_is_no_report():
    assert claims_of("मंत्री सुरेश जैन ने मेहमानों को संघ पर लिखी गई एक पुस्तक भेंट की।", D) == []
    c = one("समिति ने रिपोर्ट पेश की, जिसमें कहा गया है कि पुल कमजोर है।")
    assert (c.speaker_name, c.quote) == ("समिति", "पुल कमजोर है")


def test_these_words_inside_the_object_are_no_new_content():
    text = "संगठन ने कहा कि टीका सुरक्षित है।\nदरअसल, संगठन ने शनिवार को जारी अपने बयान में यह बातें कही हैं।"
    assert [c.quote for c in claims_of(text, D)] == ["टीका सुरक्षित है"]


def test_a_bare_role_in_the_lead_is_named_by_a_later_sentence():
    text = (
        "सरकारी स्कूल की शिक्षिका ने राष्ट्रपति से इच्छा मृत्यु की मांग की है।\n"
        "शिक्षिका सुधा वर्मा ने कहा कि वह बच्चों को पढ़ाती रहेंगी।"
    )
    first, second = claims_of(text, D)
    assert first.speaker_name == second.speaker_name == "सुधा वर्मा"


def test_an_announcement_referring_back_takes_the_previous_sentence():
    text = "अब सफाई मित्रों को हर महीने एक हजार रुपये अधिक दिए जाएंगे। महापौर अजय जैन ने बैठक के बाद यह घोषणा की।"
    c = one(text)
    assert (c.speaker_name, c.verb, c.quote) == (
        "अजय जैन",
        "घोषणा की",
        "अब सफाई मित्रों को हर महीने एक हजार रुपये अधिक दिए जाएंगे",
    )
    # the source of a reported fact gives that fact (the guide counts जानकारी दी as reporting)
    c = one("गांव में तीन लोगों की मौत हो गई। थाना प्रभारी राकेश सिंह ने यह जानकारी दी।")
    assert (c.speaker_name, c.verb, c.quote) == ("राकेश सिंह", "जानकारी दी", "गांव में तीन लोगों की मौत हो गई")


def test_a_day_that_starts_a_period_is_no_event_day():
    text = "मंत्रालय ने कहा कि उड़ानें बंद रहेंगी। देश पहले ही सोमवार से सभी उड़ानों पर रोक लगा चुका है। प्रवक्ता ने कहा कि जहाज चलते रहेंगे।"
    last = claims_of(text, D)[-1]
    assert (last.quote, last.date.source) == ("जहाज चलते रहेंगे", "anchor")
    text = "सोमवार को कॉलोनी में उत्सव हुआ। पार्षद रीना शर्मा ने कहा कि पौधे लगाए गए हैं।"
    assert one(text).date.value == "2024-03-04"


def test_a_subject_inside_a_reported_clause_is_no_pronoun_antecedent():
    text = (
        "मंत्री अरुण यादव ने कहा कि बैठक होगी। यह भी बताया जा रहा है कि सांसद रमेश ने इस्तीफा दे दिया है। "
        "उन्होंने कहा कि जांच होगी।"
    )
    assert claims_of(text, D)[-1].speaker_name == "अरुण यादव"


def test_a_pronoun_speaker_is_not_someone_the_content_talks_about():
    text = (
        "सचिन वर्मा ने कहा कि खतरा बढ़ गया है। गोविंद ने कहा कि वह वकील करेगा। "
        "उसने यह भी कहा कि सीमा अब गोविंद से फोन पर बात कर रही है।"
    )
    assert claims_of(text, D)[-1].speaker_name == "सचिन वर्मा"
