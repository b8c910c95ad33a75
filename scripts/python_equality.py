"""Equality of `paysage.analyse` with `paysage run` on whole corpora (BENCHMARKS.md, "Python
package"): every per-article table, columns, Arrow types and rows in order; rejects by line, id
and reason (their `file` names the input). Exits 1 on the first difference.

    python scripts/python_equality.py [--bin target/release/paysage] CORPUS.jsonl[.gz]...
"""
import argparse
import functools
import gzip
import io
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import polars as pl
import pyarrow.parquet as pq

import paysage

ROOT = pathlib.Path(__file__).resolve().parents[1]
RUN_LEVEL = ("country_mentions", "run_breakdown")


def read(path: str) -> pl.DataFrame:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return pl.read_ndjson(io.BytesIO(f.read()))


def compare(corpus: str, binary: str) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([binary, "run", "--articles", corpus, "--output", f"{tmp}/out"], capture_output=True)
        if done.returncode not in (0, 3):
            sys.exit(done.stderr.decode())
        theirs = {p.stem: pq.read_table(p) for p in pathlib.Path(f"{tmp}/out").glob("*.parquet")}
    frame = read(corpus)
    t = time.perf_counter()
    ours = paysage.analyse(frame)
    took = time.perf_counter() - t
    ok = sorted(ours) == sorted(k for k in theirs if k not in RUN_LEVEL)
    print(f"{corpus}: {frame.height:,} articles, paysage.analyse {took:.2f} s")
    for name, table in ours.items():
        expected = theirs.get(name)
        if expected is None:
            print(f"  {name}: not a table of the command")
            ok = False
            continue
        if name == "rejects":
            keep = ["line", "article_id", "reason"]
            same = table.select(keep).to_pylist() == expected.select(keep).to_pylist()
        else:
            same = table.schema.equals(expected.schema, check_metadata=False) and table.equals(expected)
        print(f"  {name}: {table.num_rows:,} rows, {'equal' if same else 'DIFFERENT'}")
        ok &= same
    return ok


def main():
    ap = argparse.ArgumentParser()
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    ap.add_argument("--bin", default=f"{target}/release/paysage")
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("--reference", help="a reference folder layered over the built-in data")
    args = ap.parse_args()
    if args.reference:
        for f in ("lookup", "analyse"):
            setattr(paysage, f, functools.partial(getattr(paysage, f), reference=args.reference))
    results = [compare(c, args.bin) for c in args.corpora]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
