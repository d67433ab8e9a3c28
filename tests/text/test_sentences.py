"""Hindi sentence splitting: terminators, abbreviations, decimals, lines and quotations."""

from __future__ import annotations

from service.text.sentences import split_sentences


def texts(t: str) -> list[str]:
    return [t[s.start : s.end] for s in split_sentences(t)]


def test_danda_question_exclamation_and_period():
    t = "बारिश तेज हुई। सड़कें बंद रहीं? लोग परेशान हुए! बिजली भी गई."
    assert texts(t) == ["बारिश तेज हुई।", "सड़कें बंद रहीं?", "लोग परेशान हुए!", "बिजली भी गई."]


def test_abbreviation_and_decimal_do_not_split():
    t = "प्रो. रमेश वर्मा और डॉ. सीमा ने कहा कि दर 4.75 प्रतिशत है। अगली बैठक कल होगी।"
    assert texts(t) == ["प्रो. रमेश वर्मा और डॉ. सीमा ने कहा कि दर 4.75 प्रतिशत है।", "अगली बैठक कल होगी।"]


def test_line_breaks_split_and_carry_paragraph_index():
    t = "पहला शीर्षक\nदूसरी पंक्ति का वाक्य। तीसरा वाक्य।"
    sents = split_sentences(t)
    assert [s.paragraph for s in sents] == [0, 1, 1]
    assert t[sents[0].start : sents[0].end] == "पहला शीर्षक"


def test_multi_sentence_curly_quote_stays_together():
    t = "मेयर ने कहा, “सफाई पहले होगी। फिर सड़कें बनेंगी।” इसके बाद बैठक खत्म हुई।"
    assert texts(t) == ["मेयर ने कहा, “सफाई पहले होगी। फिर सड़कें बनेंगी।”", "इसके बाद बैठक खत्म हुई।"]


def test_ascii_and_double_apostrophe_quotes():
    t = "मंत्री ने कहा, ''काम जारी है। हम तैयार हैं।\" कल फिर समीक्षा होगी।"
    assert texts(t)[0] == "मंत्री ने कहा, ''काम जारी है। हम तैयार हैं।\""
    t2 = "प्रधान ने कहा, 'गांव में पानी है। टैंकर आएंगे।' फिर वे चले गए।"
    assert len(texts(t2)) == 2


def test_quote_followed_by_attribution_is_one_sentence():
    t = "“हम पीछे नहीं हटेंगे। लड़ाई जारी रहेगी।”, किसान नेता ने कहा। सभा खत्म हुई।"
    assert texts(t)[0] == "“हम पीछे नहीं हटेंगे। लड़ाई जारी रहेगी।”, किसान नेता ने कहा।"


def test_urls_and_initials():
    t = "देखें example.com पर। ए. के. शर्मा आए।"
    assert texts(t)[0] == "देखें example.com पर।"


def test_an_endless_unpunctuated_run_is_cut_at_whitespace():
    from service.text.sentences import MAX_SENTENCE_CHARS

    text = "राम ने कहा कि " * 1000
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start] != " " and text[s.end - 1] != " " for s in sentences)
    assert sentences[-1].end == len(text.rstrip())


def test_a_stray_opening_mark_does_not_hold_sentences_together():
    text = 'मंत्री ने अपने \'मन की बात कार्यक्रम में माफी मांगी। उन्होंने कहा कि "हम जीतेंगे।" फिर सभा खत्म हुई।'
    assert texts(text) == [
        "मंत्री ने अपने 'मन की बात कार्यक्रम में माफी मांगी।",
        'उन्होंने कहा कि "हम जीतेंगे।"',
        "फिर सभा खत्म हुई।",
    ]


def test_mixed_curly_and_ascii_marks_close_each_other():
    text = "अधिकारी ने बताया, ‘दो मामले मिले हैं। एक व्यक्ति विदेश से लौटा था।' उन्होंने बताया टीम गई है।"
    assert texts(text) == [
        "अधिकारी ने बताया, ‘दो मामले मिले हैं। एक व्यक्ति विदेश से लौटा था।'",
        "उन्होंने बताया टीम गई है।",
    ]


def test_letter_names_y_and_i_as_initials_do_not_end_a_sentence():
    text = "मंत्री एम. वाय. अस्पताल पहुंचे। वहां आय. के. शर्मा भी थे।"
    assert len(split_sentences(text)) == 2
