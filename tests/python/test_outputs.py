"""Python round trip on the job's outputs: pandas, polars and pyarrow read every
Parquet table and find the same rows and types as the CSV; and the example
notebook runs headless against them.

Run by .ci/run after `cargo run --release`:
    PAYSAGE_OUTPUT=output pytest -q tests/python
"""
import json
import os
import pathlib

import nbformat
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = pathlib.Path(os.environ.get("PAYSAGE_OUTPUT", ROOT / "output")).resolve()
TABLES = ["articles", "mentions", "sets", "members", "memberships", "breakdown", "run_breakdown",
          "country_mentions", "rejects"]
EXPECTED = {  # what a notebook gets with no casting
    "articles": {"date": pl.Date, "chars": pl.Int64, "members": pl.Int64, "lang_detected": pl.Boolean},
    "members": {"iso_numeric": pl.String, "eu_member": pl.Boolean},
    "breakdown": {"members": pl.Int64, "share": pl.Float64},
    "sets": {"set_id": pl.Int64, "parent_set_id": pl.Int64, "stated": pl.Int64, "listed": pl.Int64},
    "mentions": {"start": pl.Int64, "end": pl.Int64},
}


@pytest.mark.parametrize("table", TABLES)
def test_parquet_and_csv_agree_in_every_reader(table):
    parquet = OUT / f"{table}.parquet"
    csv = OUT / f"{table}.csv"
    p = pl.read_parquet(parquet)
    c = pl.read_csv(csv, schema=p.schema)
    assert p.equals(c), f"{table}: polars reads different rows from Parquet and CSV"
    for col, dtype in EXPECTED.get(table, {}).items():
        assert p.schema[col] == dtype, f"{table}.{col} is {p.schema[col]}"
    a = pq.read_table(parquet)
    assert a.num_rows == p.height and a.column_names == p.columns
    d = pd.read_parquet(parquet)
    assert list(d.columns) == p.columns and len(d) == p.height
    if table == "members" and p.height:
        assert d["iso_numeric"].iloc[0].startswith("0") or d["iso_numeric"].str.len().eq(3).all()
    if table == "articles" and p.height:
        assert str(a.schema.field("date").type) == "date32[day]"


def test_manifest_counts_match_the_tables():
    m = json.loads((OUT / "manifest.json").read_text())
    for t in TABLES:
        assert m["tables"][t] == pl.read_parquet(OUT / f"{t}.parquet").height


def test_notebook_runs_headless(tmp_path):
    nb = nbformat.read(ROOT / "notebooks" / "membership.ipynb", as_version=4)
    # The kernel runs in tmp_path: hand it absolute folders.
    os.environ["PAYSAGE_OUTPUT"] = str(OUT)
    corpus = os.environ.get("PAYSAGE_CORPUS_OUTPUT")
    if corpus:
        os.environ["PAYSAGE_CORPUS_OUTPUT"] = str(pathlib.Path(corpus).resolve())
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = "".join(
        o.get("text", "") + json.dumps(o.get("data", {}))
        for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs
    )
    assert "list" in outputs and "group:EU" in outputs
    assert (tmp_path / "breakdowns.png").exists() and (tmp_path / "top_countries.png").exists()
