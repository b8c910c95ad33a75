#!/usr/bin/env python3
"""Draws the corpus sample committed under tests/data/corpus/ (seeded, reproducible).

For each language: N_SETS articles drawn at random among those with a candidate set phrase
(a number or number word before a noun that can mean countries, "-nation", a group name, an
anaphora such as "les deux pays"), then N_PLAIN articles drawn at random among the rest, so that
the sample holds both set phrases to annotate and ordinary text. The candidate test is a crude
regular expression, independent of the job: it only decides which articles are drawn.

Only OrangeSum (CC BY-SA 4.0) and Reuters-21578 rows are drawn; the BBC stories are left out
(their copyright stays with the BBC). See tests/data/corpus/NOTICE.md.

    python3 scripts/sample_corpus.py ../shared/corpus tests/data/corpus
"""
import gzip
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261130
N_SETS = 170
N_PLAIN = 90

NUM_FR = r"(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent)"
NUM_EN = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred)"
CAND = {
    "fr": re.compile(
        NUM_FR + r"(?:\s+\w+)?\s+(?:pays|[EÉ]tats|nations|membres|partenaires|alli[ée]s|[ée]conomies|gouvernements|signataires)\b"
        r"|\b(?:UE|OTAN|OPEP|ONU|G7|G20|zone euro|Union europ[ée]enne|Conseil de s[ée]curit[ée]|Ligue arabe|Sahel|Maghreb|BRICS)\b"
        r"|\b(?:les|ces|deux)\s+(?:deux|trois|quatre)\s+pays\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        NUM_EN + r"(?:[\s-]+\w+)?[\s-]+(?:countries|nations?|states|members|partners|allies|economies|governments|signatories|member)\b"
        r"|\b(?:EC|EEC|European Community|OPEC|NATO|GATT|OECD|Group of (?:Five|Seven)|G-7|G-5|Gulf states|Security Council|COMECON|ASEAN)\b"
        r"|\b(?:both|the two|these two)\s+(?:countries|nations)\b",
    ),
}
SOURCES = {"fr": {"orangesum"}, "en": {"reuters21578"}}


def draw(path: Path, lang: str):
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a.get("source") in SOURCES[lang] and a.get("text"):
                rows.append(a)
    rng = random.Random(f"{SEED}-{lang}")
    with_sets = [a for a in rows if CAND[lang].search(a["text"])]
    ids = {a["id"] for a in with_sets}
    plain = [a for a in rows if a["id"] not in ids]
    picked = rng.sample(with_sets, N_SETS) + rng.sample(plain, N_PLAIN)
    picked.sort(key=lambda a: int(a["id"].rsplit("-", 1)[1]))
    return picked


def main():
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    dst.mkdir(parents=True, exist_ok=True)
    for lang in ("fr", "en"):
        picked = draw(src / f"{lang}.jsonl.gz", lang)
        with open(dst / f"{lang}.jsonl", "w", encoding="utf-8") as f:
            for a in picked:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        print(lang, len(picked), "articles", sum(len(a["text"]) for a in picked), "chars")


if __name__ == "__main__":
    main()
