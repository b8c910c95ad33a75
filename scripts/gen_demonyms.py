#!/usr/bin/env python3
"""Writes input/demonyms.csv: the adjectives, capitals and metonyms that name a country in prose
("les présidents français et américain", "Pékin et Tokyo", "la Maison Blanche"), which an anaphora such as
"les deux pays" may point at. Read from the npm package world-countries (mledoze/countries,
ODbL 1.0), which carries English and French demonyms and English capital names (the French
names of capitals that differ are listed here, FRENCH_CAPITALS):

    (mkdir -p /tmp/wc && cd /tmp/wc && npm install world-countries@5.1.0)
    python3 scripts/gen_demonyms.py /tmp/wc/node_modules/world-countries/countries.json > input/demonyms.csv

A form shared by several entries names the one UN member among them ("American": the United
States, not the Northern Mariana Islands); shared by two members ("Congolese", "guinéen") or by
none, it is left out. French
adjectives get their plural forms (+s, -al -> -aux); the package gives masculine and feminine.
"""
import csv
import json
import sys
from collections import defaultdict


def french_forms(word):
    out = {word}
    if word.endswith(("s", "x")):
        return out
    if word.endswith("al"):
        out.add(word[:-2] + "aux")
    else:
        out.add(word + "s")
    return out


# French names of capitals where French prose differs from the package's (English or
# local) one, single words only (the resolver reads one word at a time): "Pékin et Tokyo".
FRENCH_CAPITALS = {
    "Alger": "DZA", "Athènes": "GRC", "Bagdad": "IRQ", "Bakou": "AZE", "Pékin": "CHN",
    "Beyrouth": "LBN", "Berne": "CHE", "Bichkek": "KGZ", "Bruxelles": "BEL", "Bucarest": "ROU",
    "Copenhague": "DNK", "Damas": "SYR", "Dacca": "BGD", "Douchanbé": "TJK", "Djakarta": "IDN",
    "Kaboul": "AFG", "Katmandou": "NPL", "Kiev": "UKR", "Lisbonne": "PRT", "Londres": "GBR",
    "Manille": "PHL", "Mogadiscio": "SOM", "Moscou": "RUS", "Mascate": "OMN", "Nicosie": "CYP",
    "Riyad": "SAU", "Tachkent": "UZB", "Tbilissi": "GEO", "Téhéran": "IRN", "Varsovie": "POL",
    "Erevan": "ARM",
}
FRENCH_SOURCE = "French exonym of the capital (own knowledge)"

# Capitals that news writes shorter than the package ("Washington" for "Washington D.C."), in
# every language.
SHORT_CAPITALS = {"Washington": "USA"}
SHORT_SOURCE = "the capital's short name (own knowledge)"

# Demonyms the package lacks that news writes often ("the Saudi leader", "les autorités
# émiraties"); French ones as masculine and feminine singular, plurals derived.
EXTRA_DEMONYMS = {
    "en": {"Saudi": "SAU", "Philippine": "PHL", "Zairean": "COD", "Kampuchean": "KHM"},
    "fr": {
        "émirati": "ARE", "émiratie": "ARE", "zaïrois": "COD", "zaïroise": "COD",
        "qatari": "QAT", "qatarie": "QAT", "bahreïni": "BHR", "bahreïnie": "BHR",
        "ouest-allemand": "DEU", "ouest-allemande": "DEU",
    },
}
EXTRA_SOURCE = "demonym (own knowledge)"

# Metonyms: the seat of a state's power, or a common by-name, written for the state ("la Maison
# Blanche a répondu", "the Kremlin said", "l'Hexagone", "l'Etat hébreu"), one or two words (the resolver also reads two words joined by a space or
# a hyphen). Unlike a capital, one is written after an article. Left out: the names that also
# name a town's building or a firm ("Quirinal", "Bank of ..." of three words).
METONYMS = {
    "fr": {
        "Maison Blanche": "USA", "Maison-Blanche": "USA", "Kremlin": "RUS", "Elysée": "FRA",
        "Élysée": "FRA", "Matignon": "FRA", "Quai d'Orsay": "FRA", "Downing Street": "GBR",
        "Pentagone": "USA", "Zhongnanhai": "CHN", "Hexagone": "FRA", "Etat hébreu": "ISR",
        "État hébreu": "ISR",
    },
    "en": {
        "White House": "USA", "Kremlin": "RUS", "Pentagon": "USA", "Downing Street": "GBR",
        "Elysee": "FRA", "Bundesbank": "DEU", "Federal Reserve": "USA", "Zhongnanhai": "CHN",
    },
}
METONYM_SOURCE = "metonym: the seat of the state's power or a by-name (own knowledge)"

# Combining forms, the first half of a compound adjective that names two countries ("la
# relation franco-américaine", "les tensions irano-américaines", "Sino-Soviet talks"): the
# resolver reads a word at a time, so the first half names its country as a demonym does.
# Left out: forms that are also common words or names in the corpus ("anglo-saxon", "indo-
# européen", "serbo-croate", Colombo).
COMBINING_FORMS = {
    "fr": {
        "algéro": "DZA", "américano": "USA", "argentino": "ARG", "arméno": "ARM", "austro": "AUT",
        "belgo": "BEL", "canado": "CAN", "croato": "HRV", "cubano": "CUB", "égypto": "EGY",
        "franco": "FRA", "germano": "DEU", "gréco": "GRC", "helvético": "CHE", "hispano": "ESP",
        "irako": "IRQ", "irano": "IRN", "israélo": "ISR", "italo": "ITA", "libano": "LBN",
        "luso": "PRT", "maroco": "MAR", "mexicano": "MEX", "nippo": "JPN", "pakistano": "PAK",
        "polono": "POL", "qataro": "QAT", "russo": "RUS", "saoudo": "SAU", "sino": "CHN",
        "syro": "SYR", "tuniso": "TUN", "turco": "TUR", "vénézuélo": "VEN",
    },
    "en": {
        "Austro": "AUT", "Franco": "FRA", "Greco": "GRC", "Italo": "ITA", "Nippo": "JPN",
        "Russo": "RUS", "Sino": "CHN", "Turco": "TUR",
    },
}
COMBINING_SOURCE = "combining form of the demonym (own knowledge)"


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    forms = defaultdict(set)  # (lang, kind, form) -> codes
    members = {("XKX" if c["cca3"] == "UNK" else c["cca3"]) for c in data if c.get("unMember")}
    for c in data:
        code = c["cca3"]
        if code == "UNK":
            code = "XKX"
        dem = c.get("demonyms") or {}
        for g in ("m", "f"):
            en = (dem.get("eng") or {}).get(g)
            if en:
                forms[("en", "demonym", en)].add(code)
            fr = (dem.get("fra") or {}).get(g)
            if fr:
                for f in french_forms(fr.lower()):
                    forms[("fr", "demonym", f)].add(code)
        for cap in c.get("capital") or []:
            forms[("mul", "capital", cap)].add(code)
    # The forms written here, not read from the package: (lang, kind, form -> code, source).
    own = [("fr", "capital", FRENCH_CAPITALS, FRENCH_SOURCE), ("mul", "capital", SHORT_CAPITALS, SHORT_SOURCE)]
    own += [(lang, "metonym", table, METONYM_SOURCE) for lang, table in METONYMS.items()]
    extra = {
        lang: {f: code for form, code in table.items() for f in (french_forms(form) if lang == "fr" else {form})}
        for lang, table in EXTRA_DEMONYMS.items()
    }
    own += [(lang, "demonym", table, EXTRA_SOURCE) for lang, table in extra.items()]
    own += [(lang, "demonym", table, COMBINING_SOURCE) for lang, table in COMBINING_FORMS.items()]
    sources = {}
    for lang, kind, table, source in own:
        for form, code in table.items():
            forms[(lang, kind, form)].add(code)
            sources[(lang, kind, form)] = source
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["lang", "word", "kind", "code", "source"])
    for (lang, kind, form), codes in sorted(forms.items()):
        if len(codes) > 1:
            codes = codes & members
        if len(codes) != 1 or len(form) < 4:
            continue
        source = sources.get((lang, kind, form), "world-countries 5.1.0 (mledoze/countries, ODbL 1.0)")
        w.writerow([lang, form, kind, next(iter(codes)), source])


if __name__ == "__main__":
    main()
