"""paysage on Spark: the per-article tables computed where the data is, with ``mapInArrow``.

Each executor runs :func:`paysage.analyse` on its Arrow batches (the package must be installed
on the executors, e.g. ``pip install ./python`` in their image or a ``spark.archives``
virtualenv; nothing else is shipped: the reference data is built into the package). The
run-level tables are Spark aggregations of the per-article ones::

    from paysage import spark as ps

    articles = spark.read.json("corpus/*.jsonl")          # id, date, lang, text, ...
    tables = ps.analyse(articles)                        # {"articles": DataFrame, "mentions": ...}
    tables["members"].groupBy("iso3").count().show()
    ps.country_mentions(tables["mentions"]).show()
    ps.run_breakdown(tables["breakdown"], tables.get("sets")).show()

One pass over the articles feeds every table: the batches' tables travel as one DataFrame with a
``table`` column and one struct column per table, persisted, then split.

Within Spark, ids are checked for duplicates within each Arrow batch only (use
``dropDuplicates(["id"])`` first for a global check), and a reject's ``line`` is its row in its
batch (its ``article_id`` names it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Sequence

import pyarrow as pa

import paysage

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame

__all__ = ["analyse", "country_mentions", "run_breakdown", "spark_schema"]


def _spark_type(t: pa.DataType) -> Any:
    from pyspark.sql import types as T

    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return T.StringType()
    if pa.types.is_int64(t):
        return T.LongType()
    if pa.types.is_float64(t):
        return T.DoubleType()
    if pa.types.is_boolean(t):
        return T.BooleanType()
    if pa.types.is_date32(t):
        return T.DateType()
    raise TypeError(f"no Spark type for Arrow {t}")


def _table_schemas(**options: Any) -> dict[str, pa.Schema]:
    """Each per-article table's Arrow schema, as :func:`paysage.analyse` returns it."""
    empty = pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())})
    return {name: t.schema for name, t in paysage.analyse(empty, threads=1, **options).items()}


def _plain(schema: pa.Schema) -> pa.StructType:
    """The struct type of a table's row, with Spark's Arrow string type (not views)."""
    plain = (pa.types.is_large_string, pa.types.is_string_view)
    fields = [pa.field(f.name, pa.string() if any(p(f.type) for p in plain) else f.type) for f in schema]
    return pa.struct(fields)


def spark_schema(schemas: dict[str, pa.Schema]) -> Any:
    """The Spark schema of the combined DataFrame: ``table`` and one struct column per table."""
    from pyspark.sql import types as T

    fields = [T.StructField("table", T.StringType(), False)]
    for name, schema in schemas.items():
        inner = [T.StructField(f.name, _spark_type(f.type), True) for f in schema]
        fields.append(T.StructField(name, T.StructType(inner), True))
    return T.StructType(fields)


def analyse(
    articles: "DataFrame",
    id: str = "id",
    text: str = "text",
    date: str = "date",
    lang: str = "lang",
    as_of: paysage.DateLike = None,
    groups: str | Sequence[str] | None = None,
    reference: str | None = None,
) -> dict[str, "DataFrame"]:
    """The per-article tables of a Spark DataFrame of articles, as Spark DataFrames.

    Arguments as :func:`paysage.analyse` (``reference``: a folder present on every executor).
    The tables have the command's columns; their rows come in no particular order. The combined
    DataFrame they are selected from is persisted (call ``unpersist()`` on any of them's source,
    ``tables["articles"].sparkSession.catalog.clearCache()``, when done)."""
    from pyspark.sql import functions as F

    options: dict[str, Any] = {"as_of": as_of, "groups": groups, "reference": reference}
    schemas = _table_schemas(**options)
    names = list(schemas)
    structs = {n: _plain(s) for n, s in schemas.items()}
    columns = {"id": id, "text": text, "date": date, "lang": lang}

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            tables = paysage.analyse(batch, threads=1, **columns, **options)
            for name in names:
                t = tables[name]
                n = t.num_rows
                if n == 0:
                    continue
                arrays = [pa.array([name] * n, pa.string())]
                for other in names:
                    if other == name:
                        cols = [c.combine_chunks().cast(f.type) for c, f in zip(t.columns, structs[name])]
                        arrays.append(pa.StructArray.from_arrays(cols, fields=list(structs[name])))
                    else:
                        arrays.append(pa.nulls(n, structs[other]))
                yield pa.RecordBatch.from_arrays(arrays, names=["table", *names])

    wanted = [c for c in (id, text, date, lang, "source", "title") if c in articles.columns]
    combined = articles.select(*wanted).mapInArrow(run, spark_schema(schemas)).persist()
    return {n: combined.filter(F.col("table") == n).select(f"{n}.*") for n in names}


def country_mentions(mentions: "DataFrame") -> "DataFrame":
    """The run-level ``country_mentions`` table from ``mentions``: per country, its mentions
    (kind ``country``) and the articles with one; by mentions (descending), then iso3."""
    from pyspark.sql import functions as F

    return (
        mentions.filter(F.col("kind") == "country")
        .groupBy("iso3")
        .agg(F.count(F.lit(1)).alias("mentions"), F.countDistinct("article_id").alias("articles"))
        .orderBy(F.col("mentions").desc(), F.col("iso3").asc())
    )


def run_breakdown(breakdown: "DataFrame", sets: "DataFrame | None" = None) -> "DataFrame":
    """The run-level ``run_breakdown`` table from ``breakdown``: per dimension and value, the
    member rows, their share of the dimension, and the articles with one. Where the breakdown is
    per set (a ``set_id`` column), only the top-level sets count (those of ``sets`` with no
    ``parent_set_id``), so that a nested set's members are not counted twice."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    if "set_id" in breakdown.columns:
        if sets is None:
            raise ValueError("run_breakdown: pass the `sets` table too (only top-level sets are counted)")
        top = sets.filter(F.col("parent_set_id").isNull()).select("article_id", "set_id")
        breakdown = breakdown.join(top, ["article_id", "set_id"], "left_semi")
    counts = breakdown.groupBy("dimension", "value").agg(
        F.sum("members").alias("members"), F.countDistinct("article_id").alias("articles")
    )
    total = F.sum("members").over(Window.partitionBy("dimension"))
    return counts.select(
        "dimension",
        "value",
        "members",
        (F.col("members").cast("double") / total.cast("double")).alias("share"),
        "articles",
    ).orderBy(F.col("dimension").asc(), F.col("value").asc_nulls_last())

