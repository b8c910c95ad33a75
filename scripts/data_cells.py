#!/usr/bin/env python3
"""Write tests/data/data_cells.csv: country names as data sources write them in a
table cell, one row per (source, name), with the ISO alpha-3 code the source
gives the name. `tests/names.rs` checks that `lookup` (data-cell mode) gets at
least 99% of each source right.

Sources (each row's `source` column says which):
  * iso_en, iso_en_official, iso_en_common, iso_fr, iso_es: ISO 3166-1 English
    short, official and common names, and the Debian iso-codes French and Spanish
    translations of the short names ("Bolivie, État plurinational de"), from the
    PyPI package `pycountry` (26.2.16).
  * coco_short, coco_official: the short and official names of the PyPI package
    `country_converter` (1.3.2, its country_data.tsv).
  * un_en, un_fr, un_es (UNTERM short names: "Bolivia (Plurinational State of)",
    "Égypte (l')", "Afganistán (el)"), un_formal_en/fr/es (UNTERM formal names),
    m49_en/fr/es (UN M49 names), iso4217 (the ISO 4217 table's upper-case
    country names), from data/country-codes.csv of the public repository
    datasets/country-codes (commit caa72d1e0e5af8876c170bb36a9e4d64a01bba88),
    passed with --country-codes.
  * wb_short, wb_table, wb_long: the World Bank's WDI country table
    (WDICountry.csv: "Korea, Rep.", "Congo, Dem. Rep.", "Hong Kong SAR, China"),
    as kept in the public repository iglesdavid-ds/data-science-WDI-analysis
    (commit 16eb93ca94cc16d3292908adcacd4dc9d3366ac1), passed with --wdi;
    aggregates (regions, income groups) and the Channel Islands are left out.

GENC and ECB lists have no registry package nor a public copy found: not here.

A name is kept once per source; names that name no ISO 3166-1 entry in the
source (aggregates) are left out. Usage:

  python3 -m venv /tmp/v && /tmp/v/bin/pip install pycountry==26.2.16 country_converter==1.3.2
  /tmp/v/bin/python scripts/data_cells.py --country-codes country-codes.csv --wdi WDICountry.csv

`--compare PAYSAGE` also prints, per source, the share country_converter and
the `paysage lookup` binary at PAYSAGE get right (a local comparison: CI does
not depend on country_converter).
"""

import argparse
import csv
import gettext
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "data", "data_cells.csv")


def pycountry_rows():
    import pycountry

    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    es = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    for c in pycountry.countries:
        yield "iso_en", "en", c.name, c.alpha_3
        if getattr(c, "official_name", None):
            yield "iso_en_official", "en", c.official_name, c.alpha_3
        if getattr(c, "common_name", None):
            yield "iso_en_common", "en", c.common_name, c.alpha_3
        yield "iso_fr", "fr", fr.gettext(c.name), c.alpha_3
        yield "iso_es", "es", es.gettext(c.name), c.alpha_3


def coco_rows(iso3s):
    import country_converter

    path = os.path.join(os.path.dirname(country_converter.__file__), "country_data.tsv")
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["ISO3"] not in iso3s:
                continue  # obsolete entries (Netherlands Antilles)
            yield "coco_short", "en", r["name_short"], r["ISO3"]
            yield "coco_official", "en", r["name_official"], r["ISO3"]


def country_codes_rows(path):
    cols = [
        ("un_en", "en", "UNTERM English Short"),
        ("un_fr", "fr", "UNTERM French Short"),
        ("un_es", "es", "UNTERM Spanish Short"),
        ("un_formal_en", "en", "UNTERM English Formal"),
        ("un_formal_fr", "fr", "UNTERM French Formal"),
        ("un_formal_es", "es", "UNTERM Spanish Formal"),
        ("m49_en", "en", "official_name_en"),
        ("m49_fr", "fr", "official_name_fr"),
        ("m49_es", "es", "official_name_es"),
        ("iso4217", "en", "ISO4217-currency_country_name"),
    ]
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso3 = r["ISO3166-1-Alpha-3"]
            if not iso3:
                continue
            for source, lang, col in cols:
                if r[col]:
                    yield source, lang, r[col], iso3


def wdi_rows(path, iso3s):
    with open(path, encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            code = r["Country Code"]
            # The World Bank's own code for Kosovo.
            iso3 = "XKX" if code == "XKX" else code
            if iso3 not in iso3s or not r["Region"]:
                continue
            for source, col in [("wb_short", "Short Name"), ("wb_table", "Table Name"), ("wb_long", "Long Name")]:
                yield source, "en", r[col], iso3


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--country-codes", required=True)
    ap.add_argument("--wdi", required=True)
    ap.add_argument("--compare", metavar="PAYSAGE", help="paysage binary: print per-source figures")
    a = ap.parse_args()
    with open(os.path.join(HERE, "..", "input", "countries.csv"), encoding="utf-8") as f:
        iso3s = {r["alpha3"] for r in csv.DictReader(f)}
    rows, seen = [], set()
    for gen in [pycountry_rows(), coco_rows(iso3s), country_codes_rows(a.country_codes), wdi_rows(a.wdi, iso3s)]:
        for source, lang, name, iso3 in gen:
            name = " ".join(name.split())
            if iso3 not in iso3s or (source, name) in seen:
                continue
            seen.add((source, name))
            rows.append((source, lang, name, iso3))
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "lang", "name", "expected"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {os.path.relpath(OUT)}", file=sys.stderr)
    if a.compare:
        compare(rows, a.compare)


def compare(rows, paysage):
    import logging

    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.CRITICAL)
    cc = coco.CountryConverter()
    names = [r[2] for r in rows]
    got_coco = cc.convert(names, to="ISO3", not_found=None)
    out = subprocess.run(
        [paysage, "lookup", "--to", "iso3"], input="\n".join(names) + "\n", capture_output=True, text=True, check=True
    ).stdout.split("\n")
    per = {}
    for (source, _, _, want), c, p in zip(rows, got_coco, out):
        s = per.setdefault(source, [0, 0, 0])
        s[0] += 1
        s[1] += c == want
        s[2] += p == want
    tot = [0, 0, 0]
    print(f"{'source':16} {'names':>5} {'coco':>7} {'paysage':>7}")
    for source, (n, c, p) in per.items():
        print(f"{source:16} {n:5} {100 * c / n:6.1f}% {100 * p / n:6.1f}%")
        tot = [tot[0] + n, tot[1] + c, tot[2] + p]
    print(f"{'all':16} {tot[0]:5} {100 * tot[1] / tot[0]:6.1f}% {100 * tot[2] / tot[0]:6.1f}%")


if __name__ == "__main__":
    main()
