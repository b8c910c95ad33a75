#!/usr/bin/env python3
"""Validate tests/data/sets_annotations.csv against the corpus sample and the conventions of
tests/data/sets_annotations.md. Prints one line per problem (file, line, field) and exits 1 if any.

Usage: python3 tests/data/check_sets_annotations.py [annotations.csv]

The articles are read from the corpus sample the file's name names: sets_annotations.csv reads
tests/data/corpus/{fr,en}.jsonl, sets_NAME.csv the articles tests/data/corpus/heldout_ids.csv
lists for NAME, from the shared corpus beside the repository (../shared/corpus).
"""
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared" / "corpus"
sys.dont_write_bytecode = True  # leave no __pycache__ next to the scripts
sys.path.insert(0, str(ROOT / "scripts"))
from sample_heldout import sample_lines  # noqa: E402
HEADER = ["lang", "article_id", "quote", "occurrence", "kind", "stated", "group", "restriction",
          "coverage", "members", "status", "parent_quote", "note"]
KINDS = {"count", "list", "group", "anaphora", "union", "none"}
COVERAGES = {"complete", "partial", "none"}
STATUSES = {"consistent", "partial", "inconsistent", "unverifiable"}
RESTRICTIONS = {"in", "not_in"}
STATUS_BY_COVERAGE = {"complete": {"consistent", "inconsistent"}, "partial": {"partial"},
                      "none": {"unverifiable"}}
GROUPS = {"EU", "NATO", "OECD", "EURO", "SCHENGEN", "EEA", "COE", "G7", "G8", "G20", "ASEAN",
          "MERCOSUR", "AU", "COMMONWEALTH", "UN", "OPEC", "WTO", "UNSC", "ECOWAS", "G5_SAHEL", "GCC", "P5",
          "ARAB_LEAGUE", "BRICS", "OIF", "OSCE", "EFTA", "CIS", "WARSAW_PACT", "COMECON", "BALTIC",
          "NORDIC", "BENELUX", "VISEGRAD", "MAGHREB", "GULF"}


def corpus_prefix(path):
    """'' for sets_annotations.csv, 'NAME_' for sets_NAME.csv."""
    stem = path.stem
    return "" if stem == "sets_annotations" else stem.removeprefix("sets_") + "_"


def load_texts(prefix):
    """The sample's articles: committed (the first sample) or listed in
    tests/data/corpus/heldout_ids.csv and read from ../shared/corpus."""
    texts = {}
    for lang in ("fr", "en"):
        lines = sample_lines(SHARED, DATA / "corpus", prefix.removesuffix("_"), lang)
        if lines is None:
            sys.exit(f"{SHARED}: the shared corpus is not there (sample {prefix or 'first'})")
        for line in lines:
            art = json.loads(line)
            texts[(lang, art["id"])] = art["text"]
    return texts


def load_iso3():
    with open(ROOT / "input" / "countries.csv", encoding="utf-8", newline="") as fh:
        return {row["alpha3"] for row in csv.DictReader(fh)}


def nth_find(text, quote, n):
    """Start of the n-th (1-based) occurrence of quote in text, or -1."""
    pos = -1
    for _ in range(n):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return -1
    return pos


def check_row(row, texts, iso3, quotes_by_article):
    """Problems of one row, as (field, message) pairs."""
    errs = []
    lang, aid, quote, kind = row["lang"], row["article_id"], row["quote"], row["kind"]
    text = texts.get((lang, aid))
    if text is None:
        return [("article_id", f"{lang}/{aid} is not in the corpus sample")]
    if not quote or quote != quote.strip():
        errs.append(("quote", "empty, or leading/trailing space"))
    if "\n" in quote:
        errs.append(("quote", "contains a line break"))
    if not re.fullmatch(r"[1-9][0-9]*", row["occurrence"]):
        errs.append(("occurrence", f"not a positive integer: {row['occurrence']!r}"))
    elif nth_find(text, quote, int(row["occurrence"])) < 0:
        errs.append(("quote", f"{quote!r} has no occurrence {row['occurrence']} in {aid}"))
    if kind not in KINDS:
        errs.append(("kind", f"unknown kind {kind!r}"))
    stated, cov, status, members = row["stated"], row["coverage"], row["status"], row["members"]
    groups = [g for g in row["group"].split(";") if g]
    if stated and not re.fullmatch(r"[1-9][0-9]*", stated):
        errs.append(("stated", f"not a positive integer: {stated!r}"))
    for g in groups:
        if g not in GROUPS:
            errs.append(("group", f"unknown group code {g!r}"))
    if row["restriction"] and row["restriction"] not in RESTRICTIONS:
        errs.append(("restriction", f"unknown restriction {row['restriction']!r}"))
    if bool(row["restriction"]) != bool(groups):
        errs.append(("restriction", "a restriction goes with a group and only with one"))
    codes = [m for m in members.split(";")] if members else []
    for code in codes:
        if code.startswith("@"):
            if code[1:] not in GROUPS:
                errs.append(("members", f"unknown group {code!r}"))
        elif not re.fullmatch(r"[A-Z]{3}", code) or code not in iso3:
            errs.append(("members", f"{code!r} is not an ISO 3166-1 alpha-3 code of input/countries.csv"))
    if len(codes) != len(set(codes)):
        errs.append(("members", "a code appears twice"))
    if kind == "none":
        for field in ("stated", "group", "restriction", "coverage", "members", "status", "parent_quote"):
            if row[field]:
                errs.append((field, "must be empty for kind none"))
        return errs
    if cov not in COVERAGES:
        errs.append(("coverage", f"unknown coverage {cov!r}"))
    if status and status not in STATUSES:
        errs.append(("status", f"unknown status {status!r}"))
    if bool(stated) != bool(status):
        errs.append(("status", "a status goes with a stated number and only with one"))
    if kind == "count" and not stated:
        errs.append(("stated", "a count states a number"))
    if (cov == "none") != (not codes):
        errs.append(("coverage", "coverage none if and only if no member is identified"))
    if status and cov in STATUS_BY_COVERAGE and status not in STATUS_BY_COVERAGE[cov]:
        errs.append(("status", f"status {status!r} does not go with coverage {cov!r}"))
    if status in ("consistent", "inconsistent") and stated and not any(c.startswith("@") for c in codes):
        same = len(codes) == int(stated)
        if same != (status == "consistent"):
            errs.append(("status", f"{len(codes)} members listed vs {stated} stated: not {status}"))
    if status == "partial" and stated and len(codes) > int(stated):
        errs.append(("status", "partial coverage names at most the stated number"))
    parent = row["parent_quote"]
    if parent and parent not in quotes_by_article.get((lang, aid), set()):
        errs.append(("parent_quote", f"{parent!r} is not the quote of another row of {aid}"))
    return errs


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA / "sets_annotations.csv"
    texts, iso3 = load_texts(corpus_prefix(path)), load_iso3()
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != HEADER:
            print(f"{path}:1: header is {header}, expected {HEADER}")
            return 1
        raw = list(enumerate(reader, start=2))
    problems, rows = 0, []
    for lineno, fields in raw:
        if len(fields) != len(HEADER):
            print(f"{path}:{lineno}: {len(fields)} fields, expected {len(HEADER)}")
            problems += 1
            continue
        rows.append((lineno, dict(zip(HEADER, fields))))
    quotes = {}
    for _, row in rows:
        quotes.setdefault((row["lang"], row["article_id"]), set()).add(row["quote"])
    seen = set()
    for lineno, row in rows:
        key = (row["lang"], row["article_id"], row["quote"], row["occurrence"])
        if key in seen:
            print(f"{path}:{lineno}: quote: duplicate row for {key}")
            problems += 1
        seen.add(key)
        for field, msg in check_row(row, texts, iso3, quotes):
            print(f"{path}:{lineno}: {field}: {msg}")
            problems += 1
    kinds = {}
    for _, row in rows:
        kinds[(row["lang"], row["kind"])] = kinds.get((row["lang"], row["kind"]), 0) + 1
    print(f"{len(rows)} rows; " + ", ".join(f"{k[0]}/{k[1]}={v}" for k, v in sorted(kinds.items())))
    if problems:
        print(f"{problems} problem(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
