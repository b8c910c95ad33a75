"""The Spark recipe (docs/spark.md) in a real PySpark local[2] session: the per-article tables
from `paysage.spark.analyse` (mapInArrow on the executors) and the run-level tables from its
Spark aggregations equal the command's on the same articles, row for row.

Run by .ci/run (Java 17, `pyspark` from PyPI in the CI virtualenv).
"""
import os
import sys

import pyarrow as pa
import pytest

from conftest import ROOT, assert_same_table, cli_tables


CORPUS = ROOT / "tests" / "data" / "corpus"


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The executors' Python is this one: the one the wheel is installed in.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("paysage-test")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "100")
        .getOrCreate()
    )
    yield session
    session.stop()


def articles_schema():
    from pyspark.sql import types as T

    return T.StructType([T.StructField(c, T.StringType()) for c in ("id", "date", "lang", "source", "title", "text")])


def to_arrow(df, like: pa.Schema) -> pa.Table:
    """A Spark DataFrame's rows as a pyarrow Table of the command's schema."""
    assert df.columns == like.names
    rows = [r.asDict() for r in df.collect()]
    return pa.Table.from_pylist(rows, schema=like)


def test_spark_tables_equal_the_commands(spark, tmp_path):
    from paysage import spark as ps

    files = sorted(str(p) for p in CORPUS.glob("*.jsonl"))
    theirs = cli_tables(tmp_path / "out", *[a for f in files for a in ("--articles", f)])
    articles = spark.read.schema(articles_schema()).json(files).repartition(3)
    tables = ps.analyse(articles)  # the built-in reference data: nothing shipped
    per_article = {k: v for k, v in theirs.items() if k not in ("country_mentions", "run_breakdown")}
    assert sorted(tables) == sorted(per_article)
    for name, expected in per_article.items():
        got = to_arrow(tables[name], expected.schema)
        assert_same_table(name, got, expected, sort=True)
    run_level = {
        "country_mentions": ps.country_mentions(tables["mentions"]),
        "run_breakdown": ps.run_breakdown(tables["breakdown"], tables.get("sets")),
    }
    for name, df in run_level.items():
        assert_same_table(name, to_arrow(df, theirs[name].schema), theirs[name])
    lines = sum(1 for f in files for line in open(f, encoding="utf-8") if line.strip())
    assert theirs["articles"].num_rows == lines  # every sample article, both samples
