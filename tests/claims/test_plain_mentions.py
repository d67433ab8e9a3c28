"""Plain-register mentions (service/claims/plain_mentions.py): who is named, and who is not."""

import pytest

from service.claims import plain_mentions as pm
from service.claims.speaker_book import Entity
from service.text.hindi import fold


def _names(text: str) -> list[str]:
    f = fold(text)
    return [" ".join(w for w, _ in m.names) for m in pm.scan(f, 0, len(f), lambda a, b: f[a:b])]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("आरोपित सुरेश पटेल से पूछताछ जारी है।", ["सुरेश पटेल"]),
        ("पीड़िता कविता ने थाने में आवेदन दिया।", ["कविता"]),
        ("आरोपी राजू उर्फ राजकुमार फरार है।", ["राजू"]),
        ("मृतक के भाई मोहन लाल और पिता किशन लाल ने शव पहचाना।", ["मोहन लाल", "किशन लाल"]),
        ("मृतक के पिता किशन लाल पहुंचे।", []),  # no case marker after the words: no proof of a name
        ("22 वर्षीय अंकिता, जो कॉलेज में पढ़ती है, घर नहीं लौटी।", ["अंकिता"]),
        ("पुलिस ने शाम को इमरान शेख को गिरफ्तार किया।", ["इमरान शेख"]),
        ("पुलिस ने रात में संदिग्ध युवक को हिरासत में लिया।", []),  # a role, no name
        ("आरोपित जबरदस्ती शादी करना चाहता था।", []),  # a plain noun does not vouch for a name
        ("युवती घर से बाजार गई थी।", []),  # one word before से is no name
        ("महिला अपने बच्चे के साथ पहुंची।", []),
        ("पुलिस ने तीनों को गिरफ्तार कर लिया।", []),
    ],
)
def test_scan_names_plain_people_only(text, names):
    assert _names(text) == names


def test_a_date_before_an_arrest_is_not_a_name():
    f = fold("पुलिस ने बुधवार को पकड़ा।")
    start = f.index("बुधवार")
    dates = ((start, start + len("बुधवार")),)
    assert pm.scan(f, 0, len(f), lambda a, b: f[a:b], dates) == []


@pytest.mark.parametrize(
    ("role_key", "key", "kind", "official"),
    [
        ("एसपी", "विनीत जैन", "person", True),
        ("", "डो. रमेश", "person", True),  # an honorific
        ("", "पुलिस", "organization", True),
        ("आरोपित", "मुकीम खान", "person", False),
        ("किसान", "रामप्रसाद", "person", False),
        ("", "रामदीन", "person", False),  # a bare name: nothing says office
    ],
)
def test_official_means_office_honorific_or_organization(role_key, key, kind, official):
    ent = Entity(key, role_key or None, kind, set(), key, role_key)
    assert pm.official(ent) is official
