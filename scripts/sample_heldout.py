#!/usr/bin/env python3
"""Draws a held-out corpus sample for blind set annotations (seeded, reproducible).

For each language: N articles drawn at random among those with a candidate set phrase (the
candidate regular expressions of scripts/sample_corpus.py), excluding every article id already in
an earlier sample (tests/data/corpus/fr.jsonl and en.jsonl, the first annotated sample, and the
held-out samples drawn before this one); then N_EXTRA more drawn by the same generator among the
candidates left (a second batch: the first N stay the same whatever N_EXTRA is; N_EXTRA = 0 gives
the first batch alone). The drawn ids are written, in article-number order, as the rows of
NAME in tests/data/corpus/heldout_ids.csv (sample, lang, id); the articles themselves stay in the
shared corpus, so that the repository holds a few hundred articles only (`sample_lines` reads
them back, byte for byte as in the shared corpus).

The samples, their seeds and the order they were drawn in are SAMPLES below; sample NAME is
annotated in tests/data/sets_NAME.csv. When the candidates left run short (the Reuters ones by
heldout13; none for heldout14 and after), a batch takes what is left.

By heldout25 no French candidate was left either (heldout25 took the last 4). From heldout25 on, a
sample draws from a wider pool: the articles that match CAND or WIDE below, a looser test for sets
without a stated count ("les pays européens", "les Vingt-Sept", "les Etats membres", "these
countries"). The samples before heldout25 keep the CAND pool, so they draw as they did.

That pool gave few sets (8 French articles of 90 had any), so from heldout27 on a candidate must
also hold an enumeration (ENUM below: two or more capitalised names joined by commas and "et" /
"ou" / "and" / "or"), a test of the text's shape that uses no country name of the project.

Only OrangeSum (CC BY-SA 4.0) and Reuters-21578 rows are drawn; the BBC stories are left out.
See tests/data/corpus/NOTICE.md.

    python3 scripts/sample_heldout.py ../shared/corpus tests/data/corpus [NAME of SAMPLES]
    python3 scripts/sample_heldout.py ../shared/corpus tests/data/corpus --lines NAME LANG
        (prints the sample's articles, one JSON line each)
"""
import csv
import gzip
import json
import random
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # leave no __pycache__ next to the scripts
sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_corpus import CAND, SOURCES  # noqa: E402  (same candidate test as the first sample)

# name -> seed, in the order drawn; each sample excludes the first sample and those before it.
SAMPLES = {"heldout": 20261201, **{f"heldout{k}": 20261200 + k for k in range(2, 29)}}
FIRST_WIDE = "heldout25"  # this sample and those after it draw from CAND or WIDE
FIRST_ENUM = "heldout27"  # this sample and those after it also need ENUM
WIDE = {
    "fr": re.compile(
        r"\b(?:les|des|ces|aux|nos|leurs|ses|plusieurs|certains|autres|nombreux|divers|diff[ée]rents)"
        r"\s+(?:\w+\s+)?(?:pays|[EÉ]tats|nations|partenaires|alli[ée]s)\b"
        r"|Vingt-(?:Sept|Huit)|[EÉ]tats[- ]membres|Union africaine|C[ée]d[ée]ao|Mercosur|Commonwealth"
        r"|Schengen|pays du Golfe|Etats baltes|\bdeux pays\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:the|these|other|several|many|some|both|all)\s+(?:\w+\s+)?"
        r"(?:countries|nations|states|allies|partners)\b|member states|Common Market|EFTA|Commonwealth"
    ),
}
_CAP = r"[A-ZÉÈ][\w'’-]+(?: [A-ZÉ][\w'’-]+)?"
_FR = r"(?:(?:l'|l’|la |le |les |du |de la |des |d'|d’|en |au |aux )?" + _CAP + ")"
_EN = r"(?:(?:the )?" + _CAP + ")"
ENUM = {
    "fr": re.compile(_FR + r"(?:, " + _FR + r")+,? (?:et|ou) " + _FR),
    "en": re.compile(_EN + r"(?:, " + _EN + r")+,? (?:and|or) " + _EN),
}
N = 40
N_EXTRA = 50  # second batch, added because 40 articles a language gave about 75 rows


IDS = "heldout_ids.csv"


def read_ids(dst: Path):
    """The rows of heldout_ids.csv as (sample, lang, id), in file order."""
    path = dst / IDS
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return [(r["sample"], r["lang"], r["id"]) for r in csv.DictReader(f)]


def existing_ids(dst: Path, lang: str, name: str):
    ids = set()
    with open(dst / f"{lang}.jsonl", encoding="utf-8") as f:
        for line in f:
            ids.add(json.loads(line)["id"])
    earlier = set(list(SAMPLES)[: list(SAMPLES).index(name)])
    ids.update(aid for sample, l, aid in read_ids(dst) if l == lang and sample in earlier)
    return ids


def sample_lines(src: Path, dst: Path, name: str, lang: str):
    """The JSON lines of sample NAME in LANG, as in the shared corpus, in article-number order:
    the committed tests/data/corpus/{NAME}_{LANG}.jsonl when there is one (the first sample),
    else the ids of heldout_ids.csv looked up in SRC/{LANG}.jsonl.gz. None without SRC."""
    committed = dst / f"{name}_{lang}.jsonl" if name else dst / f"{lang}.jsonl"
    if committed.exists():
        with open(committed, encoding="utf-8", newline="") as f:
            return f.readlines()
    wanted = [aid for sample, l, aid in read_ids(dst) if sample == name and l == lang]
    corpus = src / f"{lang}.jsonl.gz"
    if not corpus.exists():
        return None
    found = {}
    with gzip.open(corpus, "rt", encoding="utf-8", newline="") as f:
        for line in f:
            aid = json.loads(line)["id"]
            if aid in wanted:
                found[aid] = line if line.endswith("\n") else line + "\n"
    return [found[aid] for aid in wanted]


def draw(path: Path, lang: str, exclude, seed: int, wide: bool, enum: bool):
    cands = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for line in f:
            a = json.loads(line)
            if a.get("source") not in SOURCES[lang] or not a.get("text"):
                continue
            if a["id"] in exclude:
                continue
            if enum and not ENUM[lang].search(a["text"]):
                continue
            if CAND[lang].search(a["text"]) or (wide and WIDE[lang].search(a["text"])):
                cands.append((a["id"], line if line.endswith("\n") else line + "\n"))
    rng = random.Random(f"{seed}-{lang}")
    picked = rng.sample(cands, min(N, len(cands)))
    first = {aid for aid, _ in picked}
    rest = [c for c in cands if c[0] not in first]
    # The Reuters candidates run short by the thirteenth sample: take what is left.
    picked += rng.sample(rest, min(N_EXTRA, len(rest)))
    picked.sort(key=lambda p: int(p[0].rsplit("-", 1)[1]))
    return picked


def main():
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    if sys.argv[3:4] == ["--lines"]:
        lines = sample_lines(src, dst, sys.argv[4], sys.argv[5])
        if lines is None:
            sys.exit(f"{src}: the shared corpus is not there")
        sys.stdout.writelines(lines)
        return
    name = sys.argv[3] if len(sys.argv) > 3 else "heldout"
    if name not in SAMPLES:
        sys.exit(f"unknown sample {name!r}: one of {', '.join(SAMPLES)}")
    drawn = {}
    for lang in ("fr", "en"):
        exclude = existing_ids(dst, lang, name)
        order = list(SAMPLES).index
        wide, enum = order(name) >= order(FIRST_WIDE), order(name) >= order(FIRST_ENUM)
        drawn[lang] = draw(src / f"{lang}.jsonl.gz", lang, exclude, SAMPLES[name], wide, enum)
        print(lang, len(drawn[lang]), "articles")
    # NAME's rows replace those it had; the samples stay in SAMPLES order.
    rows = [r for r in read_ids(dst) if r[0] != name]
    rows += [(name, lang, aid) for lang in ("fr", "en") for aid, _ in drawn[lang]]
    rows.sort(key=lambda r: list(SAMPLES).index(r[0]))  # stable: keeps each sample's order
    with open(dst / IDS, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sample", "lang", "id"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
