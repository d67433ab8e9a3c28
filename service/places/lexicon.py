"""Place-name tables for the gazetteer: thresholds here; stoplist and Hindi aliases as data files."""

from pathlib import Path

from service.text.lexicon import read_rows, read_words

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

_DATA = Path(__file__).resolve().parent / "data"


# Word lists as data (service/places/data): everyday words that are also city names, Indian
# states (not places here), newsroom country forms CLDR lacks, everyday city spellings.
STOPLIST = tuple(read_words(_DATA / "stoplist.txt"))
NOT_PLACES = tuple(read_words(_DATA / "not_places.txt"))
COUNTRY_ALIASES = {alias: iso for alias, iso in read_rows(_DATA / "country_aliases.tsv")}
# Countries whose newsroom alias (above) is the display name instead of the CLDR name.
PREFERRED_ALIAS = frozenset({"US", "GB"})

CITY_ALIASES = {row[0]: int(row[1]) for row in read_rows(_DATA / "city_aliases.tsv")}
