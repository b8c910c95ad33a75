"""Timings of the Python package (BENCHMARKS.md, "Python package"):

1. `paysage.lookup` on a list of a million names: names as a data column holds them (every name
   of input/names in its own language's spelling, in capitals and lower case too, and 10% that
   are no country), drawn at random with repeats; then a million distinct strings (the worst
   case: nothing to deduplicate).
2. `paysage.analyse` on the French corpus (read with polars beforehand, not timed) on one thread,
   beside `paysage run --threads 1` on the same file (best of 3 each).

    python scripts/python_bench.py [--bin target/release/paysage] [--corpus ../shared/corpus/fr.jsonl.gz]
"""
import argparse
import functools
import csv
import os
import pathlib
import random
import subprocess
import tempfile
import time

import polars as pl

import paysage

ROOT = pathlib.Path(__file__).resolve().parents[1]


def best(f, n=3):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t)
    return min(times), out


def lookup_bench():
    names = []
    for path in sorted((ROOT / "input" / "names").glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as f:
            names += [r["name"] for r in csv.DictReader(f)]
    pool = names + [n.upper() for n in names] + [n.lower() for n in names]
    pool += [f"Region {i}" for i in range(len(pool) // 9)]  # about 10% that match nothing
    rng = random.Random(14)
    column = [rng.choice(pool) for _ in range(1_000_000)]
    paysage.lookup(column[:1000])  # loads the engine once, outside the timing
    t, out = best(lambda: paysage.lookup(column))
    matched = sum(v is not None for v in out)
    print(f"lookup, 1,000,000 names ({len(set(column)):,} distinct, {matched:,} matched): "
          f"{t:.3f} s, {1e6 / t:,.0f} names/s")
    distinct = [f"{rng.choice(pool)} {i}" for i in range(1_000_000)]
    t, _ = best(lambda: paysage.lookup(distinct))
    print(f"lookup, 1,000,000 distinct names: {t:.3f} s, {1e6 / t:,.0f} names/s")


def analyse_bench(binary, corpus):
    frame = pl.read_ndjson(corpus)
    paysage.analyse(frame.head(10), threads=1)
    t_py, tables = best(lambda: paysage.analyse(frame, threads=1))
    print(f"paysage.analyse, {frame.height:,} articles, 1 thread: {t_py:.2f} s "
          f"({', '.join(f'{k} {v.num_rows:,}' for k, v in tables.items())})")
    with tempfile.TemporaryDirectory() as tmp:
        def run():
            subprocess.run([binary, "run", "--threads", "1", "--articles", corpus, "--output", f"{tmp}/out"],
                           check=True, capture_output=True)
        t_cli, _ = best(run)
    print(f"paysage run --threads 1 on the same file: {t_cli:.2f} s; the package takes "
          f"{100 * (t_py / t_cli - 1):+.0f}% (the command also reads, decompresses and writes Parquet + CSV)")


def main():
    ap = argparse.ArgumentParser()
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    ap.add_argument("--bin", default=f"{target}/release/paysage")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "fr.jsonl.gz"))
    ap.add_argument("--reference", help="a reference folder layered over the built-in data")
    args = ap.parse_args()
    if args.reference:
        for f in ("lookup", "analyse"):
            setattr(paysage, f, functools.partial(getattr(paysage, f), reference=args.reference))
    lookup_bench()
    analyse_bench(args.bin, args.corpus)


if __name__ == "__main__":
    main()
