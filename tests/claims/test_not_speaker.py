"""No claim: noun phrases that cite figures or rules (in any spelling), expressive acts without content."""

import datetime as dt

import pytest

from service.pipeline import extract

DAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    "text",
    [
        "ताजा आंकड़ों के मुताबिक शहर में बीस नए मरीज मिले हैं।",
        "ताजा आंकडों के मुताबिक शहर में बीस नए मरीज मिले हैं।",
        "नए नियमों के अनुसार दुकानें रात दस बजे बंद होंगी।",
        "सरकारी योजना के मुताबिक हर गांव में सड़क बनेगी।",
        "कार्यक्रम में पहुंचे नर्सों ने भी उनकी सराहना की।",  # a particle and a pronoun are no content
        "संगठन ने अपने बयान में चेतावनी दी।",  # where it was said is no content
    ],
    ids=["figures-nukta", "figures-plain", "rules", "scheme", "praise-of-a-pronoun-only", "where-only"],
)
def test_no_claim_from_figures_or_rules(text):
    assert extract(text, published=DAY, today=DAY).claims == []
