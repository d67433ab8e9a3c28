"""Writes spans.yaml: windows, fractional offsets, year-less numeric days, loan-word weeks,
observances, fiscal parts, weekdays around a day, festivals of a named year, the monsoon and
tense cues (nouns that look like perfectives, relative clauses). Values computed with datetime.

Run: python tests/dates/cases/make_span_cases.py (our own sentences; none from an eval suite).
"""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import holidays
import yaml

D = dt.date.fromisoformat
ONE = dt.timedelta(days=1)


def day(d):
    return (d.isoformat(), d.isoformat(), d.isoformat())


def rng(a, b):
    return (f"{a.isoformat()}/{b.isoformat()}", a.isoformat(), b.isoformat())


def month(y, m):
    last = calendar.monthrange(y, m)[1]
    return (f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}")


def months(y1, m1, y2, m2):
    return (f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", month(y1, m1)[1], month(y2, m2)[2])


def week(d):
    iso, mon = d.isocalendar(), d - dt.timedelta(days=d.weekday())
    return (f"{iso.year}-W{iso.week:02d}", mon.isoformat(), (mon + dt.timedelta(days=6)).isoformat())


def quarter(y, q):
    return (f"{y}-Q{q}", month(y, 3 * q - 2)[1], month(y, 3 * q)[2])


def fy(y):
    return (f"{y}-04/{y + 1}-03", f"{y}-04-01", f"{y + 1}-03-31")


def plus_months(d, n, extra_days=0):
    k = d.year * 12 + d.month - 1 + n
    y, m = k // 12, k % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1])) + dt.timedelta(days=extra_days)


def nth_weekday(y, mon, wd, n):
    first = dt.date(y, mon, 1)
    return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))


def festival(name, y):
    return next(d for d, n in sorted(holidays.India(years=y, categories=("public",)).items()) if n == name)


def weekday_before(d, wd):
    return d - dt.timedelta(days=(d.weekday() - wd) % 7 or 7)


def weekday_after(d, wd):
    return d + dt.timedelta(days=(wd - d.weekday()) % 7 or 7)


R1, R2, R3, R4, R5 = D("2027-06-09"), D("2029-11-30"), D("2031-02-14"), D("2026-12-29"), D("2030-07-31")
CASES = [
    # windows: the whole units next to the anchor
    ("agle-paanch-din", R1, "अगले पांच दिनों में रिपोर्ट भेज देना।", "अगले पांच दिनों", rng(R1 + ONE, R1 + 5 * ONE)),
    (
        "pichhle-saat-din",
        R2,
        "पिछले सात दिनों में तीन बार बिजली गई।",
        "पिछले सात दिनों",
        rng(R2 - 7 * ONE, R2 - ONE),
    ),
    (
        "agle-do-hafte",
        R1,
        "अगले दो हफ्तों में घर की पुताई करवानी है।",
        "अगले दो हफ्तों",
        (f"{week(R1 + 7 * ONE)[0]}/{week(R1 + 14 * ONE)[0]}", week(R1 + 7 * ONE)[1], week(R1 + 14 * ONE)[2]),
    ),
    (
        "aane-wale-chaar-mahine",
        R2,
        "आने वाले चार महीनों में तीन शादियां हैं।",
        "आने वाले चार महीनों",
        months(2029, 12, 2030, 3),
    ),
    (
        "beete-do-saal",
        R3,
        "बीते दो सालों में किराया दोगुना हो गया।",
        "बीते दो सालों",
        ("2029/2030", "2029-01-01", "2030-12-31"),
    ),
    ("saat-din-ke-bheetar", R4, "सात दिन के भीतर जवाब देना है।", "सात दिन के भीतर", rng(R4, R4 + 7 * ONE)),
    ("do-hafte-andar", R3, "दो हफ्ते के अंदर पासपोर्ट आ जाएगा।", "दो हफ्ते के अंदर", rng(R3, R3 + 14 * ONE)),
    ("teen-mahine-andar", R5, "तीन महीने के अंदर कर्ज चुकाना है।", "तीन महीने के अंदर", rng(R5, plus_months(R5, 3))),
    # fractional offsets: डेढ़ 1½, ढाई 2½, सवा N¼, साढ़े N½, पौने N−¼
    ("dedh-mahine-baad", R1, "डेढ़ महीने बाद नई नौकरी शुरू होगी।", "डेढ़ महीने बाद", day(plus_months(R1, 1, 15))),
    (
        "dhai-mahine-pehle",
        R3,
        "ढाई महीने पहले यह फ्रिज खरीदा था।",
        "ढाई महीने पहले",
        day(plus_months(R3, -2, -15)),
    ),
    ("sawa-mahine-baad", R2, "सवा महीने बाद भाई की शादी है।", "सवा महीने बाद", day(plus_months(R2, 1, 8))),
    (
        "saadhe-teen-saal-pehle",
        R1,
        "साढ़े तीन साल पहले हम इस शहर में आए थे।",
        "साढ़े तीन साल पहले",
        month(
            *divmod(R1.year * 12 + R1.month - 1 - 42, 12)[0:1],
            divmod(R1.year * 12 + R1.month - 1 - 42, 12)[1] + 1,
        ),
    ),
    ("dedh-saal-baad", R4, "डेढ़ साल बाद कोर्स पूरा होगा।", "डेढ़ साल बाद", month(2028, 6)),
    ("paune-do-mahine-baad", R5, "पौने दो महीने बाद परीक्षा है।", "पौने दो महीने बाद", day(plus_months(R5, 1, 22))),
    ("dedh-hafte-baad", R1, "डेढ़ हफ्ते बाद मेहमान आएंगे।", "डेढ़ हफ्ते बाद", day(R1 + 10 * ONE)),
    # day/month in the Indian order, year by tense; loan-word weeks
    ("slash-future", R2, "02/01 को गैस सिलेंडर की बुकिंग करनी है।", "02/01", day(D("2030-01-02"))),
    ("slash-past", R1, "28/05 को जो पार्सल भेजा था वह लौट आया।", "28/05", day(D("2027-05-28"))),
    ("week-loan", R3, "यह काम वीक 12 तक खत्म करना है।", "वीक 12", week(dt.date.fromisocalendar(2031, 12, 1))),
    # observances the holidays package lacks, dated by rule
    ("valentine", R4, "वैलेंटाइन डे पर उसे फूल भेजने हैं।", "वैलेंटाइन डे", day(D("2027-02-14"))),
    ("mothers-day", R3, "मदर्स डे पर मां को साड़ी देनी है।", "मदर्स डे", day(nth_weekday(2031, 5, 6, 2))),
    ("fathers-day", R1, "फादर्स डे पर पापा के साथ फिल्म देखेंगे।", "फादर्स डे", day(nth_weekday(2027, 6, 6, 3))),
    ("teachers-day", R5, "शिक्षक दिवस पर बच्चों ने कार्ड बनाए।", "शिक्षक दिवस", day(D("2029-09-05"))),
    ("new-year-day", R2, "नए साल पर पूरा परिवार मिलेगा।", "नए साल", day(D("2030-01-01"))),
    ("new-year-as-year", R5, "नए साल में नया घर लेंगे।", "नए साल", ("2031", "2031-01-01", "2031-12-31")),
    ("new-years-eve", R1, "नए साल की पूर्व संध्या पर आतिशबाजी होगी।", "नए साल की पूर्व संध्या", day(D("2027-12-31"))),
    ("childrens-day", R1, "बाल दिवस पर स्कूल में मेला लगेगा।", "बाल दिवस", day(D("2027-11-14"))),
    # parts of a fiscal year, a year's last day, a century's decade
    (
        "fy-first-quarter",
        R3,
        "वित्त वर्ष की पहली तिमाही में बिक्री घटी।",
        "वित्त वर्ष की पहली तिमाही",
        quarter(2030, 2),
    ),
    (
        "fy-last-quarter",
        R1,
        "इस वित्त वर्ष की आखिरी तिमाही में भर्ती होगी।",
        "इस वित्त वर्ष की आखिरी तिमाही",
        quarter(2028, 1),
    ),
    ("fy-year-range", R1, "वर्ष 2027-28 में नई नीति लागू होगी।", "वर्ष 2027-28", fy(2027)),
    ("fy-next", R3, "अगले वित्त वर्ष में वेतन बढ़ेगा।", "अगले वित्त वर्ष", fy(2031)),
    ("fy-last-day", R5, "वित्त वर्ष के आखिरी दिन कर जमा करना है।", "वित्त वर्ष के आखिरी दिन", day(D("2031-03-31"))),
    ("year-first-day", R2, "साल के पहले दिन मंदिर जाएंगे।", "साल के पहले दिन", day(D("2029-01-01"))),
    (
        "century-decade",
        R1,
        "19वीं सदी के आखिरी दशक में यह पुल बना।",
        "19वीं सदी के आखिरी दशक",
        ("189", "1890-01-01", "1899-12-31"),
    ),
    # a weekday strictly before/after a day; a festival in a named year
    (
        "sunday-before-holi",
        R3,
        "होली से पहले वाले रविवार को सफाई करेंगे।",
        "होली से पहले वाले रविवार",
        day(weekday_before(festival("Holi", 2031), 6)),
    ),
    (
        "monday-after-15aug",
        R1,
        "15 अगस्त के बाद वाले सोमवार को दफ्तर खुलेगा।",
        "15 अगस्त के बाद वाले सोमवार",
        day(weekday_after(D("2027-08-15"), 0)),
    ),
    (
        "next-year-diwali",
        R1,
        "अगले साल दिवाली पर नया टीवी लेंगे।",
        "अगले साल दिवाली",
        day(festival("Diwali", 2028)),
    ),
    (
        "last-year-holi",
        R3,
        "पिछले साल होली पर जो मिठाई बनी थी वह बहुत अच्छी थी।",
        "पिछले साल होली",
        day(festival("Holi", 2030)),
    ),
    # the monsoon, a season "just past", weekday synonyms
    (
        "monsoon-next",
        R3,
        "मानसून में छत टपकती है, उससे पहले मरम्मत करानी है।",
        "मानसून",
        ("2031-06/2031-09", "2031-06-01", "2031-09-30"),
    ),
    ("jume-ko", R4, "जुमे को बाजार बंद रहेगा।", "जुमे", day(weekday_after(R4, 4))),
    # tense: a noun in -ाई/-िया is no perfective; a relative clause right after the mention is its event
    ("sagai-future", R2, "12 फरवरी को भाई की सगाई है, तैयारी शुरू करो।", "12 फरवरी", day(D("2030-02-12"))),
    ("gudiya-future", R1, "शनिवार को गुड़िया का जन्मदिन है, केक मंगवाना।", "शनिवार", day(weekday_after(R1, 5))),
    ("relative-clause-past", R4, "परसों जो किताब मंगाई थी वह कहां है?", "परसों", day(R4 - 2 * ONE)),
]


def main() -> None:
    cases = [
        {"id": cid, "ref": ref.isoformat(), "text": text,
         "dates": [{"expr": expr, "value": v, "from": f, "to": t}]}
        for cid, ref, text, expr, (v, f, t) in CASES
    ]  # fmt: skip
    doc = {"family": "spans", "cases": cases}
    head = "# Generated by make_span_cases.py (own sentences; values computed with datetime).\n"
    out = Path(__file__).with_name("spans.yaml")
    out.write_text(head + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    main()
