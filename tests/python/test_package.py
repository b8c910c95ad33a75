"""The Python package (`pip install ./python`) against the `paysage` command: every per-article
table equal to the command's Parquet file (columns, Arrow types, rows in order) on the seed
article and on the corpus sample, from pandas, polars and pyarrow; bad input as an exception or a
reject row with the command's reason; lookup and groups as the command prints them.

Run by .ci/run after `pip install ./python` and `cargo build --release`.
"""
import csv
import datetime as dt
import io
import json

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.json as pj
import pytest

import paysage
from conftest import ROOT, assert_same_table, cli, cli_tables

CORPUS = ROOT / "tests" / "data" / "corpus"
SEED = ROOT / "input" / "articles"
REF = ROOT / "input"  # the shipped data, layered over the built-in copy: the same data


@pytest.fixture(scope="module")
def corpus_cli(tmp_path_factory):
    out = {}
    for lang in ("fr", "en"):
        out[lang] = cli_tables(tmp_path_factory.mktemp(lang), "--articles", str(CORPUS / f"{lang}.jsonl"))
    return out


def per_article(cli_tables):
    """The command's per-article tables (the run-level ones are aggregations)."""
    return {k: v for k, v in cli_tables.items() if k not in ("country_mentions", "run_breakdown")}


def check_all(ours, theirs):
    theirs = per_article(theirs)
    assert sorted(ours) == sorted(theirs), "not the command's set of per-article tables"
    for name in theirs:
        if name == "rejects":
            continue  # `file` names the input: compared where there are rejects, below
        assert_same_table(name, ours[name], theirs[name])
    assert ours["rejects"].num_rows == theirs["rejects"].num_rows


def seed_frame():
    rows = []
    for meta in sorted(SEED.glob("*.json")):
        m = json.loads(meta.read_text())
        text = meta.with_suffix(".txt").read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        rows.append({**m, "text": text})
    return pd.DataFrame(rows)


def test_seed_article_tables_equal_the_commands(tmp_path):
    theirs = cli_tables(tmp_path / "out", "--input", str(REF))
    check_all(paysage.analyse(seed_frame()), theirs)  # the built-in reference data
    check_all(paysage.analyse(seed_frame(), reference=REF), theirs)


def test_own_names_and_groups_layer_over_the_built_in_data(tmp_path):
    mine = tmp_path / "mine"
    (mine / "names").mkdir(parents=True)
    (mine / "groups").mkdir()
    (mine / "names" / "zz_mine.csv").write_text("lang,name,kind,code,case\nfr,Hexagone,country,FRA,proper\n")
    (mine / "groups" / "club.csv").write_text(
        "group,iso3,joined,left,source\nCLUB,FRA,2000-01-01,,test\nCLUB,DEU,2000-01-01,,test\n"
    )
    assert paysage.lookup(["Hexagone", "Allemagne"], lang="fr", reference=mine) == ["FRA", "DEU"]
    assert paysage.lookup(["Hexagone"], lang="fr") == [None]
    assert paysage.groups("club", as_of="2024-01-01", reference=mine).column("iso3").to_pylist() == ["DEU", "FRA"]
    assert "CLUB" in paysage.group_codes(reference=mine) and "CLUB" not in paysage.group_codes()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("reader", ["polars", "pandas", "pyarrow"])
def test_corpus_sample_tables_equal_the_commands(corpus_cli, lang, reader):
    path = CORPUS / f"{lang}.jsonl"
    if reader == "polars":
        frame = pl.read_ndjson(path)
    elif reader == "pandas":
        frame = pd.read_json(path, lines=True, dtype=False)
    else:
        frame = pj.read_json(path)  # infers `date` as a timestamp: read as its day
    check_all(paysage.analyse(frame, reference=REF, threads=1), corpus_cli[lang])


def test_threads_do_not_change_the_tables():
    frame = pl.read_ndjson(CORPUS / "fr.jsonl")
    one = paysage.analyse(frame, reference=REF, threads=1)
    many = paysage.analyse(frame, reference=REF)
    assert all(one[n].equals(many[n]) for n in one)


def test_other_column_names_and_date_types():
    frame = pl.read_ndjson(CORPUS / "fr.jsonl").head(40)
    base = paysage.analyse(frame, reference=REF)
    renamed = frame.rename({"id": "doc", "text": "body", "date": "published"}).with_columns(
        pl.col("published").str.to_date()
    )
    got = paysage.analyse(renamed, id="doc", text="body", date="published", reference=REF)
    for name in base:
        assert got[name].equals(base[name]), name
    ints = frame.with_columns(pl.int_range(pl.len()).alias("id"))
    got = paysage.analyse(ints, reference=REF)
    assert got["articles"].column("article_id").to_pylist() == [str(i) for i in range(40)]


BAD = [
    {"id": "ok", "date": "2012-12-05", "lang": "fr", "text": "la France et l'Allemagne"},
    {"id": "nulltext", "date": "2012-12-05", "lang": "fr", "text": None},
    {"id": "empty", "date": None, "lang": "fr", "text": "   "},
    {"id": "baddate", "date": "05/12/2012", "lang": "fr", "text": "la France"},
    {"id": "feb30", "date": "2012-02-30", "lang": "fr", "text": "la France"},
    {"id": None, "date": None, "lang": "fr", "text": "la France"},
    {"id": "ok", "date": None, "lang": "fr", "text": "l'Italie"},
    {"id": "timed", "date": "1987-02-26T15:01:01", "lang": "en", "text": "France"},
]


def test_bad_rows_are_rejects_with_the_commands_reasons(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in BAD))
    theirs = cli_tables(tmp_path / "out", "--articles", str(path))["rejects"]
    for frame in (pl.DataFrame(BAD), pd.DataFrame(BAD), pa.Table.from_pylist(BAD)):
        ours = paysage.analyse(frame, reference=REF)
        keep = ["line", "article_id", "reason"]
        assert ours["rejects"].select(keep).to_pylist() == theirs.select(keep).to_pylist()
        assert ours["articles"].column("article_id").to_pylist() == ["ok", "timed"]
        assert ours["rejects"].column("file").to_pylist() == ["<articles>"] * theirs.num_rows


def test_bad_input_raises_clear_exceptions():
    good = pl.DataFrame({"id": ["a"], "text": ["la France"]})
    with pytest.raises(ValueError, match=r"no `id` or no `text` column \(columns: doc, text\)"):
        paysage.analyse(good.rename({"id": "doc"}), reference=REF)
    with pytest.raises(ValueError, match="no `published` column"):
        paysage.analyse(good, date="published", reference=REF)
    with pytest.raises(TypeError, match=r"column `text` \(text\) is int64: it must hold strings"):
        paysage.analyse(pl.DataFrame({"id": ["a"], "text": [1]}), reference=REF)
    with pytest.raises(TypeError, match=r"column `id` \(id\) is double: it must hold strings or integers"):
        paysage.analyse(pd.DataFrame({"id": [1.5], "text": ["x"]}), reference=REF)
    with pytest.raises(TypeError, match=r"column `date` \(date\) is int32"):
        paysage.analyse(good.with_columns(date=pl.lit(3)), reference=REF)
    with pytest.raises(TypeError, match="a pandas or polars DataFrame or a pyarrow Table"):
        paysage.analyse([{"id": "a", "text": "x"}], reference=REF)
    with pytest.raises(ValueError, match=r"as_of `2024-13-01` is not a date \(YYYY-MM-DD\)"):
        paysage.analyse(good, as_of="2024-13-01", reference=REF)
    with pytest.raises(ValueError, match=r"unknown group `atlantis` \(known: .*nato"):
        paysage.analyse(good, groups=["eu", "atlantis"], reference=REF)
    with pytest.raises(FileNotFoundError, match="reference folder not found"):
        paysage.analyse(good, reference=ROOT / "no-such-folder")
    with pytest.raises(ValueError, match="threads"):
        paysage.analyse(good, threads=0, reference=REF)


def test_as_of_and_groups_are_the_commands(tmp_path):
    path = CORPUS / "fr.jsonl"
    theirs = cli_tables(tmp_path / "out", "--articles", str(path), "--as-of", "2004-01-01", "--groups", "eu,nato")
    ours = paysage.analyse(pl.read_ndjson(path), as_of=dt.date(2004, 1, 1), groups="eu,nato", reference=REF)
    check_all(ours, theirs)


def test_invalid_reference_data_is_a_value_error_naming_the_file(tmp_path):
    import shutil

    ref = tmp_path / "ref"
    shutil.copytree(REF, ref, ignore=shutil.ignore_patterns("articles"))
    groups = ref / "groups.csv"
    groups.write_text(groups.read_text() + "EU,XXX,2000-01-01,,test\n")
    with pytest.raises(ValueError, match=r"reference data is invalid: .*groups.csv:\d+: field `iso3`: unknown country code `XXX`") as e:
        paysage.lookup(["France"], reference=ref)
    assert str(ref / "groups.csv") in str(e.value)


NAMES = ["aux Etats Unis", "Allemagne", "l'Albanie", "Congo", "Atlantis", "FRA", "250", "Kosovo",
         "Royaume-Uni", "Union européenne", "URSS", "", "Côte d'Ivoire", "Macédoine du Nord"]


@pytest.mark.parametrize("to", paysage.LOOKUP_COLUMNS)
def test_lookup_equals_the_command(to):
    done = cli("lookup", "--input", str(REF), "--lang", "fr", "--to", to, *NAMES)
    expected = [v or None for v in done.stdout.split("\n")[: len(NAMES)]]
    assert paysage.lookup(NAMES, lang="fr", to=to, reference=REF) == expected


def test_lookup_keeps_the_kind_and_index_of_a_series():
    names = ["France", None, "Chine", "France", float("nan")]
    s = pd.Series(names, index=[10, 11, 12, 13, 14], name="pays")
    out = paysage.lookup(s, reference=REF)
    assert isinstance(out, pd.Series) and list(out.index) == [10, 11, 12, 13, 14] and out.name == "pays"
    assert [v if isinstance(v, str) else None for v in out] == ["FRA", None, "CHN", "FRA", None]
    p = paysage.lookup(pl.Series("pays", names[:4]), to="iso2", reference=REF)
    assert isinstance(p, pl.Series) and p.name == "pays" and p.dtype == pl.String
    assert p.to_list() == ["FR", None, "CN", "FR"]
    a = paysage.lookup(pa.chunked_array([["France"], ["Japon", None]]), reference=REF)
    assert a.to_pylist() == ["FRA", "JPN", None]
    assert paysage.lookup(iter(["Japon"]), reference=REF) == ["JPN"]
    assert paysage.lookup([], reference=REF) == []


def test_lookup_bad_arguments():
    with pytest.raises(ValueError, match="to=`iso4`: not a lookup column"):
        paysage.lookup(["France"], to="iso4", reference=REF)
    with pytest.raises(ValueError, match=r"lang=`xx`: no names for this language \(have: .*fr"):
        paysage.lookup(["France"], lang="xx", reference=REF)
    with pytest.raises(TypeError, match="not one str"):
        paysage.lookup("France", reference=REF)


def test_groups_equal_the_command():
    done = cli("groups", "--input", str(REF), "--as-of", "2024-06-01", "nato", "eu")
    expected = list(csv.DictReader(io.StringIO(done.stdout)))
    table = paysage.groups(["nato", "eu"], as_of="2024-06-01", reference=REF)
    assert table.column_names == list(expected[0].keys())
    assert table.schema.field("joined").type == pa.date32() and table.schema.field("suspended").type == pa.bool_()
    got = [
        {k: ("" if v is None else str(v).lower() if isinstance(v, bool) else str(v)) for k, v in row.items()}
        for row in table.to_pylist()
    ]
    assert got == expected
    assert "NATO" in paysage.group_codes(reference=REF) and "fr" in paysage.languages(reference=REF)


def test_groups_bad_arguments():
    with pytest.raises(ValueError, match=r"unknown group `atlantis`"):
        paysage.groups("atlantis", reference=REF)
    with pytest.raises(ValueError, match="is not a date"):
        paysage.groups("eu", as_of="yesterday", reference=REF)
