"""A claim's date is when it was said, not a deadline or period its content talks about."""

import datetime as dt

import pytest

from service.pipeline import extract

DAY = dt.date(2025, 9, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a deadline after the article is no statement date: the anchor is
        ("हाईकोर्ट ने नगर निगम से 20 सितंबर तक जवाब मांगा है।", "2025-09-10"),
        # a month the content is about is no statement date
        ("मंत्री ने कहा कि पिछले साल मार्च में योजना शुरू हुई थी।", "2025-09-10"),
        ("सांसद ने पिछले साल अप्रैल में हुए घोटाले की जांच की मांग की।", "2025-09-10"),
        # a day in the clause before the verb still dates the claim
        ("कलेक्टर ने सोमवार को कहा कि स्कूल खुलेंगे।", "2025-09-08"),
        # the occasion's day, its को glued to the next word, dates the statement after it
        ("संघ ने मंगलवार कोएक बैठक बुलाई।\nअध्यक्ष ने कहा कि हड़ताल जारी रहेगी।", "2025-09-09"),
    ],
    ids=["deadline", "month-in-said-content", "month-in-object", "weekday-before-verb", "glued-ko-event-day"],
)
def test_claim_date(text, want):
    claims = extract(text, published=DAY, today=DAY).claims
    assert [c.date.value for c in claims] == [want]


def test_others_at_a_dated_occasion_spoke_that_day():
    # the press conference was on Monday: the secretary who spoke there too spoke on Monday,
    # while a day before a plain statement is no occasion for the next speaker
    text = (
        "रांची। सोमवार को होटल सिटी पैलेस में आयोजित प्रेस वार्ता में मोर्चा अध्यक्ष रमेश उरांव ने कहा कि "
        "बालू की कमी है।\n\nप्रेस वार्ता में मौजूद महासचिव अनिल महतो ने बताया कि खनन जारी है।"
    )
    claims = extract(text, published=DAY, today=DAY).claims
    assert [(c.speaker_name, c.date.value) for c in claims] == [
        ("रमेश उरांव", "2025-09-08"),
        ("अनिल महतो", "2025-09-08"),
    ]
    plain = "रांची। मोर्चा अध्यक्ष रमेश उरांव ने सोमवार को कहा कि बालू की कमी है।\n\nमहासचिव अनिल महतो ने बताया कि खनन जारी है।"
    assert [c.date.value for c in extract(plain, published=DAY, today=DAY).claims] == [
        "2025-09-08",
        "2025-09-10",
    ]
