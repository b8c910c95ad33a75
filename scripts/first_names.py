#!/usr/bin/env python3
"""Write the `first_name` rows of input/grammar.csv: common given names, so that a
country name after one is read as a surname ("Chris Jordan scored twice", "Anatole
France"), even at the start of a sentence.

Source: the PyPI package `names` (0.3.0), which ships the 1990 US census lists of
first names with their frequencies (dist.male.first, dist.female.first). The most
common names are kept (the top 500 of each list); a name that is also a common
lower-case word in the corpora (`will`, `may`, `mark`, `grant`: written in lower case
at least 5 times in shared/corpus) is left out, so that a capitalised word at a
sentence start ("Will France ...") is not taken for a given name.

  python3 -m venv /tmp/v && /tmp/v/bin/pip install names==0.3.0
  /tmp/v/bin/python scripts/first_names.py [--corpus-words WORDS.txt]

WORDS.txt: one lower-case word a line (the words written in lower case at least 5
times in shared/corpus/{en,fr}.jsonl.gz; without it, the rows are written unfiltered):

  zcat ../shared/corpus/*.jsonl.gz | tr -c "A-Za-z\\n" " " | tr ' ' '\\n' \\
    | grep -E "^[a-z]+$" | sort | uniq -c | awk '$1>=5{print $2}' > WORDS.txt
"""

import argparse
import csv
import os

import names

HERE = os.path.dirname(os.path.abspath(__file__))
GRAMMAR = os.path.join(HERE, "..", "input", "grammar.csv")
TOP = 500


def top(path):
    with open(path, encoding="ascii") as f:
        return [line.split()[0].capitalize() for line in f if line.strip()][:TOP]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus-words")
    a = ap.parse_args()
    common = set()
    if a.corpus_words:
        with open(a.corpus_words, encoding="utf-8") as f:
            common = {w.strip() for w in f}
    d = os.path.dirname(names.__file__)
    first = []
    for n in top(os.path.join(d, "dist.male.first")) + top(os.path.join(d, "dist.female.first")):
        if n.lower() not in common and n not in first:
            first.append(n)
    with open(GRAMMAR, encoding="utf-8") as f:
        rows = [r for r in csv.reader(f) if len(r) < 2 or r[1] != "first_name"]
    rows += [["mul", "first_name", n, ""] for n in sorted(first)]
    with open(GRAMMAR, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    print(f"{len(first)} first names")


if __name__ == "__main__":
    main()
