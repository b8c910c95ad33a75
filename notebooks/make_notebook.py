"""Writes notebooks/membership.ipynb from the cells below (kept as code so
that diffs stay readable). Run: python notebooks/make_notebook.py"""
import os
import nbformat as nbf

cells = [
    ("md", """# The seed article's alliance, read from paysage's outputs

This notebook reads `output/` (the job's default run: `cargo run --release`) with **polars** and
**DuckDB**: the members of the Global Alliance against Child Sexual Abuse Online with how each came
in, the EU / non-EU and UN M49 breakdowns, the claims check, and the most-mentioned countries over
a corpus run (`PAYSAGE_CORPUS_OUTPUT`, default: the same folder)."""),
    ("code", """import os, json
import polars as pl
import duckdb
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

OUT = os.environ.get("PAYSAGE_OUTPUT", "../output")
CORPUS_OUT = os.environ.get("PAYSAGE_CORPUS_OUTPUT", OUT)
manifest = json.load(open(f"{OUT}/manifest.json"))
print("schema", manifest["schema_version"], "tables", manifest["tables"])"""),
    ("md", "## Members and how they came in (polars)"),
    ("code", """members = pl.read_parquet(f"{OUT}/members.parquet")
seed = members.filter(pl.col("article_id") == "alliance-2012-12-05-fr")
print(seed.group_by("basis").len().sort("basis"))
seed.select("iso3", "name_en", "basis", "eu_member", "m49_region").sort("iso3")"""),
    ("md", "## Breakdowns (DuckDB over the Parquet files)"),
    ("code", """bd = duckdb.sql(f\"\"\"
    select dimension, value, members, share
    from read_parquet('{OUT}/breakdown.parquet')
    where article_id = 'alliance-2012-12-05-fr'
    order by dimension, members desc
\"\"\").pl()
fig, axes = plt.subplots(1, 2, figsize=(11, 3.5))
for ax, dim in zip(axes, ["eu_member", "m49_region"]):
    d = bd.filter(pl.col("dimension") == dim)
    ax.barh(d["value"].to_list(), d["members"].to_list(), color="#3b6fb6")
    ax.set_title(f"members by {dim}")
    for y, v in enumerate(d["members"].to_list()):
        ax.text(v + 0.3, y, str(v), va="center")
fig.tight_layout()
fig.savefig("breakdowns.png")
bd"""),
    ("md", "## The counts the article states, checked"),
    ("code", """claims = pl.read_parquet(f"{OUT}/claims.parquet")
claims.select("quote", "subject", "stated", "resolved", "status")"""),
    ("md", "## Most-mentioned countries over a corpus run"),
    ("code", """top = duckdb.sql(f\"\"\"
    select c.iso3, c.mentions, c.articles
    from read_parquet('{CORPUS_OUT}/country_mentions.parquet') c
    order by c.mentions desc, c.iso3 limit 15
\"\"\").pl()
fig, ax = plt.subplots(figsize=(8, 4))
ax.barh(top["iso3"].to_list()[::-1], top["mentions"].to_list()[::-1], color="#3b6fb6")
ax.set_title("country mentions")
fig.tight_layout()
fig.savefig("top_countries.png")
top"""),
]

nb = nbf.v4.new_notebook()
nb["cells"] = [nbf.v4.new_markdown_cell(s) if k == "md" else nbf.v4.new_code_cell(s) for k, s in cells]
nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, os.path.join(os.path.dirname(__file__), "membership.ipynb"))
