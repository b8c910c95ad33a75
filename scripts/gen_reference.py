#!/usr/bin/env python3
"""Regenerate the reference data under input/ from registry packages.

Sources (all from package registries, pinned):
  * ISO 3166-1 and 3166-3 codes, ISO English names and their Debian iso-codes
    translations: PyPI package `pycountry` (carries Debian's iso-codes data).
  * CLDR territory names (short, alt-short, alt-variant) in en, fr, de, es, it, pt, nl: npm
    package `cldr-localenames-full`.
  * UN M49 regions and sub-regions: CLDR `territoryContainment` (npm `cldr-core`),
    which encodes the UN M49 hierarchy; names of the M49 areas as the UN writes them.

Writes:
  input/countries.csv          one row per ISO 3166-1 entry (249 rows), plus Kosovo
                               (user-assigned XK / XKX, iso_status user-assigned)
  input/names/generated.csv    every name these sources give, per language

Hand-curated names (prose variants, ambiguous names, negatives) live in
input/names/curated.csv and are not touched by this script.

Usage:
  python3 -m venv .venv-ref && .venv-ref/bin/pip install pycountry==26.2.16
  (cd /tmp/cldr && npm install cldr-localenames-full@48.2.0 cldr-core@48.2.0)
  .venv-ref/bin/python scripts/gen_reference.py --cldr /tmp/cldr/node_modules
"""
import argparse
import csv
import gettext
import json
import os
import re
import unicodedata

LANGS = ["en", "fr", "de", "es", "it", "pt", "nl"]

# UN M49 area names (https://unstats.un.org/unsd/methodology/m49/), English.
M49_NAMES = {
    "002": "Africa", "019": "Americas", "142": "Asia", "150": "Europe", "009": "Oceania",
    "015": "Northern Africa", "202": "Sub-Saharan Africa",
    "419": "Latin America and the Caribbean", "021": "Northern America",
    "143": "Central Asia", "030": "Eastern Asia", "035": "South-eastern Asia",
    "034": "Southern Asia", "145": "Western Asia",
    "151": "Eastern Europe", "154": "Northern Europe", "039": "Southern Europe",
    "155": "Western Europe",
    "053": "Australia and New Zealand", "054": "Melanesia", "057": "Micronesia",
    "061": "Polynesia",
}
# M49 intermediate regions that CLDR lists directly under a region, mapped to the
# M49 sub-region that holds them.
INTERMEDIATE_TO_SUB = {
    "011": "202", "014": "202", "017": "202", "018": "202",  # Western/Eastern/Middle/Southern Africa
    "005": "419", "013": "419", "029": "419",                # South America, Central America, Caribbean
}
REGIONS = {"002", "019", "142", "150", "009"}

# Parenthesised parts that are not names on their own ("Congo (Republic)").
GENERIC_INNER = {"republic", "república", "republik", "demokratische republik", "république"}


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[’'ʼ‘`]", "'", s)
    s = re.sub(r"[-‐‑‒–—\s]+", " ", s)
    return s.strip()


def m49(cldr, alpha2):
    parent = {}
    for area, v in cldr.items():
        if "-status-" in area or v.get("_grouping"):
            continue
        for child in v["_contains"]:
            parent.setdefault(child, area)
    chain, cur = [], alpha2
    while cur in parent:
        cur = parent[cur]
        chain.append(cur)
    region = next((a for a in chain if a in REGIONS), "")
    sub = next((a for a in chain if a not in REGIONS), "")
    sub = INTERMEDIATE_TO_SUB.get(sub, sub)
    if "QO" in chain:  # Outlying Oceania: M49 gives Antarctica no region
        region, sub = "", ""
    return region, sub


def variants(name):
    """A name as given, plus the forms prose uses: 'Korea, Republic of' ->
    'Republic of Korea' and 'Korea'; 'Myanmar (Burma)' -> 'Myanmar', 'Burma'."""
    out = [name]
    m = re.match(r"^(.*?)\s*\((.*)\)$", name)
    if m:
        out.append(m.group(1))
        if m.group(2).lower() not in GENERIC_INNER:
            out.append(m.group(2))
    if ", " in name and "(" not in name:
        head, tail = name.split(", ", 1)
        if tail.lower() not in {"the", "la", "le", "les", "el", "die", "das", "der"}:
            joiner = "" if tail.endswith("'") or tail.endswith("’") else " "
            inverted = f"{tail}{joiner}{head}"
            out.append(inverted)
            # "The Democratic Republic of the Congo": prose drops or re-cases the article.
            for art in ("The ", "the "):
                if inverted.startswith(art):
                    out.append(inverted[len(art):])
        # "Korea, Republic of" -> "Korea", but not "Salomon, Îles" -> "Salomon" nor
        # "Christmas, Île" -> "Christmas": an island group's name alone is a word or a
        # surname, not how prose names the territory.
        if not re.match(r"(?i)^(îles?|iles?|islands?|inseln?|islas?)\b", tail):
            out.append(head)
    # CLDR's English short names abbreviate: "St. Kitts & Nevis".
    out += [v.replace(" & ", " and ").replace("St. ", "Saint ") for v in out if " & " in v or "St. " in v]
    return [v.strip() for v in out if v.strip()]


def is_abbreviation(name):
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cldr", required=True, help="node_modules folder with cldr-localenames-full and cldr-core")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "input"))
    args = ap.parse_args()
    import pycountry

    cont = json.load(open(os.path.join(args.cldr, "cldr-core/supplemental/territoryContainment.json")))
    cont = cont["supplemental"]["territoryContainment"]
    cldr_names = {}
    for lang in LANGS:
        p = os.path.join(args.cldr, f"cldr-localenames-full/main/{lang}/territories.json")
        cldr_names[lang] = json.load(open(p))["main"][lang]["localeDisplayNames"]["territories"]
    iso_tr = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=lang == "en")
        for lang in LANGS
    }

    countries = sorted(pycountry.countries, key=lambda c: c.alpha_2)
    assert len(countries) == 249, len(countries)
    # Kosovo: recognised by prose and by CLDR (XK), not in ISO 3166-1; it uses
    # the user-assigned codes XK / XKX and has no numeric code.
    kosovo = argparse.Namespace(alpha_2="XK", alpha_3="XKX", numeric="", name="Kosovo", user_assigned=True)
    countries.append(kosovo)
    with open(os.path.join(args.out, "countries.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["alpha2", "alpha3", "numeric", "name_en", "name_fr", "m49_region_code", "m49_region",
                    "m49_subregion_code", "m49_subregion", "iso_status"])
        for c in countries:
            region, sub = m49(cont, c.alpha_2)
            w.writerow([c.alpha_2, c.alpha_3, c.numeric, cldr_names["en"][c.alpha_2],
                        cldr_names["fr"][c.alpha_2].replace("’", "'"), region, M49_NAMES.get(region, ""), sub,
                        M49_NAMES.get(sub, ""),
                        "user-assigned" if getattr(c, "user_assigned", False) else "official"])

    # name rows: (lang, name) -> set of alpha3, with sources
    rows = {}

    def add(lang, name, alpha3, source, primary):
        name = name.replace("’", "'").strip()
        key = (lang, fold(name) if not is_abbreviation(name) else name)
        entry = rows.setdefault(key, {"name": name, "codes": set(), "primary": set(), "sources": set()})
        entry["codes"].add(alpha3)
        if primary:
            entry["primary"].add(alpha3)
        entry["sources"].add(source)

    for c in countries:
        for lang in LANGS:
            tr = iso_tr[lang].gettext
            for attr, src in (("name", "iso3166"), ("official_name", "iso3166-official"), ("common_name", "iso3166-common")):
                val = getattr(c, attr, None)
                if val:
                    if getattr(c, "user_assigned", False):
                        continue  # not in iso-codes: CLDR names only
                    for i, v in enumerate(variants(tr(val))):
                        add(lang, v, c.alpha_3, src, i == 0)
            t = cldr_names[lang]
            for key, val in t.items():
                base = key.split("-alt-")[0]
                if base == c.alpha_2:
                    for i, v in enumerate(variants(val)):
                        add(lang, v, c.alpha_3, "cldr" if key == base else "cldr-" + key.split("-alt-")[1], i == 0)

    # German prose writes the genitive with -s ("Deutschlands Wirtschaft", "Frankreichs
    # Präsident"): every German short name that can take it gets that form too.
    for (lang, key), e in list(rows.items()):
        name = e["name"]
        if lang == "de" and " " not in name and name[-1] not in "sßxz" and "cldr" in e["sources"]:
            for code in e["codes"]:
                add("de", name + "s", code, "derived-genitive", False)

    with open(os.path.join(args.out, "names", "generated.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["lang", "name", "kind", "code", "case", "source"])
        for (lang, _), e in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[1]["name"].lower(), kv[1]["name"])):
            codes = sorted(e["codes"])
            # A part cut out of another entry's name ("China" in "Hong Kong (China)")
            # yields to the one entry whose whole name it is.
            if len(codes) > 1 and len(e["primary"]) == 1:
                codes = sorted(e["primary"])
            kind = "country" if len(codes) == 1 else "ambiguous"
            case = "exact" if is_abbreviation(e["name"]) else "proper"
            w.writerow([lang, e["name"], kind, ";".join(codes), case, ";".join(sorted(e["sources"]))])


if __name__ == "__main__":
    main()
