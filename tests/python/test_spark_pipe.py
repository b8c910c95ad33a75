"""The README's PySpark recipe, as written, in a real local[2] session: `rdd.pipe` (a command
string, which PySpark splits with shlex) with the binary's absolute path, an explicit environment, `checkCode=True` and `--rejects-as-rows`, so that
a bad line becomes a row and a broken command fails the job. Also: a dataset folder read as one
table by polars, DuckDB and Spark through the hive glob.

Run by .ci/run with PAYSAGE_BIN set to the release binary (default: target/release/paysage under
CARGO_TARGET_DIR or the repository).
"""
import json
import os
import pathlib
import shlex
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BIN = pathlib.Path(os.environ.get("PAYSAGE_BIN", TARGET / "release" / "paysage")).resolve()
SAMPLE = ROOT / "tests" / "data" / "corpus" / "en.jsonl"

pyspark = pytest.importorskip("pyspark")
from pyspark.sql import SparkSession  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    assert BIN.exists(), f"{BIN}: build it first (cargo build --release)"
    s = (SparkSession.builder.master("local[2]").appName("paysage-pipe-test")
         .config("spark.ui.enabled", "false").getOrCreate())
    yield s
    s.stop()


def direct_extract(lines):
    out = subprocess.run([str(BIN), "extract", "--rejects-as-rows"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True, cwd="/")
    return [json.loads(l) for l in out.stdout.splitlines()]


def test_the_readme_pipe_recipe_gives_what_extract_gives(spark, tmp_path):
    lines = SAMPLE.read_text().splitlines()[:120]
    lines.insert(50, "not json")  # one bad line must not fail the job
    src = tmp_path / "corpus.jsonl"
    src.write_text("\n".join(lines) + "\n")
    rows = (spark.sparkContext.textFile(str(src), minPartitions=2)
            .pipe(f"{shlex.quote(str(BIN))} extract --rejects-as-rows", env={"PATH": "/usr/bin:/bin"},
                  checkCode=True)
            .map(json.loads)
            .collect())
    mentions = [r for r in rows if "reject" not in r]
    rejects = [r["reject"] for r in rows if "reject" in r]
    assert len(rejects) == 1 and "not a JSON article" in rejects[0]["reason"]
    want = [r for r in direct_extract(lines) if "reject" not in r]
    key = lambda r: (r["article_id"], r["start"])  # noqa: E731
    assert sorted(mentions, key=key) == sorted(want, key=key)
    assert len(mentions) > 100


def test_a_broken_command_fails_the_job_instead_of_an_empty_result(spark, tmp_path):
    src = tmp_path / "one.jsonl"
    src.write_text(SAMPLE.read_text().splitlines()[0] + "\n")
    missing = shlex.quote(str(tmp_path / "missing"))
    rdd = spark.sparkContext.textFile(str(src)).pipe(
        f"{shlex.quote(str(BIN))} extract --input {missing}", env={"PATH": "/usr/bin:/bin"},
        checkCode=True)
    with pytest.raises(Exception) as e:
        rdd.collect()
    assert "PIPE_FUNCTION_EXITED" in str(e.value) and "exited with error code 2" in str(e.value)


def test_a_dataset_reads_as_one_table_in_polars_duckdb_and_spark(spark, tmp_path):
    import duckdb
    import polars as pl
    lines = SAMPLE.read_text().splitlines()[:90]
    ds = tmp_path / "ds"
    for day in range(3):
        f = tmp_path / f"day-{day}.jsonl"
        f.write_text("\n".join(lines[day * 30:(day + 1) * 30]) + "\n")
        subprocess.run([str(BIN), "run", "--dataset", str(ds), "--articles", str(f)], check=True,
                       cwd="/", capture_output=True)
    glob = f"{ds}/articles/**/*.parquet"
    p = pl.read_parquet(glob, hive_partitioning=True)
    assert p.height == 90 and p["run_id"].n_unique() == 3
    assert (p["run_id"] == p["run"]).all()
    d = duckdb.sql(f"select count(*), count(distinct run) from read_parquet('{glob}', hive_partitioning = true)").fetchall()[0]
    assert d == (90, 3)
    s = spark.read.parquet(str(ds / "articles"))
    assert s.count() == 90
    ledger = [json.loads(l) for l in (ds / "ledger.jsonl").read_text().splitlines()]
    assert [m["articles"] for m in ledger] == [30, 30, 30]
