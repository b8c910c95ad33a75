//! End to end on the seed article: the real binary, the shipped input, every table.

mod common;
use common::*;
use polars::prelude::*;
use std::collections::BTreeSet;

/// The distinct countries of an article's top-level sets.
fn member_set(out: &std::path::Path, article: &str) -> BTreeSet<String> {
    let sets = rows_where(&parquet(out, "sets"), "article_id", article);
    let top: BTreeSet<i64> = ints(&sets, "set_id")
        .into_iter()
        .zip(ints(&sets, "parent_set_id"))
        .filter(|(_, p)| p.is_none())
        .map(|(id, _)| id.unwrap())
        .collect();
    let m = rows_where(&parquet(out, "members"), "article_id", article);
    strings(&m, "iso3")
        .into_iter()
        .zip(ints(&m, "set_id"))
        .filter(|(_, s)| top.contains(&s.unwrap()))
        .map(|(c, _)| c.unwrap())
        .collect()
}

/// The rows of one set.
fn in_set(df: &DataFrame, set_id: i64) -> DataFrame {
    let mask = df.column("set_id").unwrap().i64().unwrap().equal(set_id);
    df.filter(&mask).unwrap()
}

/// The sets of the seed article: (quote, kind, stated, parent, listed, status).
type SetLine = (String, String, Option<i64>, Option<i64>, i64, Option<String>);

fn set_lines(out: &std::path::Path) -> Vec<SetLine> {
    let s = parquet(out, "sets");
    let q = strings(&s, "quote");
    let k = strings(&s, "kind");
    let st = ints(&s, "stated");
    let p = ints(&s, "parent_set_id");
    let l = ints(&s, "listed");
    let status = strings(&s, "status");
    (0..s.height())
        .map(|i| {
            (
                q[i].clone().unwrap(),
                k[i].clone().unwrap(),
                st[i],
                p[i],
                l[i].unwrap(),
                status[i].clone(),
            )
        })
        .collect()
}

fn line(
    quote: &str,
    kind: &str,
    stated: Option<i64>,
    parent: Option<i64>,
    listed: i64,
    status: Option<&str>,
) -> SetLine {
    (
        quote.into(),
        kind.into(),
        stated,
        parent,
        listed,
        status.map(str::to_string),
    )
}

const UNION: &str = "27 Etats membres de l'Union européenne (UE) et 21 Etats non UE";

/// The list of the 21 non-EU states, a set inside "21 Etats non UE".
const LIST21: &str = "Albanie, l'Australie, le Cambodge, la Croatie, les Etats-Unis, la Georgie, le Ghana, \
                      le Japon, la Moldavie, le Monténégro, la Nouvelle-Zélande, le Nigeria, la Norvège, \
                      les Philippines, la Serbie, la Corée du Sud, la Suisse, la Thaïlande, la Turquie, \
                      l'Ukraine et le Vietnam";

#[test]
fn seed_article_has_48_members_27_eu_21_not() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(dir.path(), &[]);
    // One top-level set of 48 (the first "48 pays"), which the union of the
    // 27 EU states and the 21 listed non-EU states makes; the second "48
    // pays" takes up the same count; the list of the 21 is a set of its own
    // inside "21 Etats non UE".
    let c = Some("consistent");
    assert_eq!(
        set_lines(&out),
        [
            line("48 pays", "count", Some(48), None, 48, c),
            line("48 pays", "count", Some(48), Some(1), 48, c),
            line(UNION, "union", None, Some(1), 48, None),
            line(
                "27 Etats membres de l'Union européenne",
                "count",
                Some(27),
                Some(3),
                27,
                c
            ),
            line("21 Etats non UE", "count", Some(21), Some(3), 21, c),
            line(LIST21, "list", None, Some(5), 21, None),
        ]
    );
    let sets = parquet(&out, "sets");
    assert_eq!(strings(&sets, "coverage"), vec![Some("complete".to_string()); 6]);
    assert_eq!(
        strings(&sets, "restriction")[3..],
        [Some("in".into()), Some("not_in".into()), None]
    );
    assert_eq!(
        strings(&sets, "group")[3..],
        [Some("EU".into()), Some("EU".into()), None]
    );

    let members = in_set(&parquet(&out, "members"), 1);
    assert_eq!(members.height(), 48);
    let iso3: BTreeSet<_> = strings(&members, "iso3").into_iter().flatten().collect();
    assert!(iso3.contains("GBR"), "the UK was an EU member in 2012");
    let hrv = rows_where(&members, "iso3", "HRV");
    assert_eq!(strings(&hrv, "basis"), [Some("list".to_string())]);
    let eu: Vec<_> = members
        .column("eu_member")
        .unwrap()
        .bool()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(eu.iter().filter(|v| **v == Some(true)).count(), 27);
    assert_eq!(eu.iter().filter(|v| **v == Some(false)).count(), 21);
    let not_eu = in_set(&parquet(&out, "members"), 5);
    assert_eq!(not_eu.height(), 21);

    let top = in_set(&parquet(&out, "breakdown"), 1);
    let b = rows_where(&top, "dimension", "eu_member");
    assert_eq!(strings(&b, "value"), [Some("false".into()), Some("true".into())]);
    assert_eq!(ints(&b, "members"), [Some(21), Some(27)]);
    let shares: Vec<f64> = b
        .column("share")
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .flatten()
        .collect();
    assert!((shares[1] - 27.0 / 48.0).abs() < 1e-12);
    let regions = rows_where(&top, "dimension", "m49_region");
    assert_eq!(ints(&regions, "members").iter().flatten().sum::<i64>(), 48);
    // The run-level breakdown counts the top-level set only.
    let run = rows_where(&parquet(&out, "run_breakdown"), "dimension", "eu_member");
    assert_eq!(ints(&run, "members"), [Some(21), Some(27)]);

    let articles = parquet(&out, "articles");
    assert_eq!(ints(&articles, "members"), [Some(48)]);
    assert_eq!(ints(&articles, "sets"), [Some(6)]);
    assert_eq!(articles.column("date").unwrap().dtype(), &DataType::Date);
}

#[test]
fn seed_article_mentions_are_found_and_slice_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(dir.path(), &[]);
    let m = parquet(&out, "mentions");
    let surfaces = strings(&m, "surface");
    let iso3 = strings(&m, "iso3");
    let pairs: Vec<(String, Option<String>)> = surfaces.into_iter().flatten().zip(iso3).collect();
    let count = |s: &str| pairs.iter().filter(|(x, _)| x == s).count();
    assert_eq!(count("Etats-Unis"), 2);
    let code_of = |s: &str| pairs.iter().find(|(x, _)| x == s).and_then(|(_, c)| c.clone());
    assert_eq!(code_of("Royaume Uni").as_deref(), Some("GBR"));
    assert_eq!(code_of("Georgie").as_deref(), Some("GEO"));
    assert_eq!(code_of("Corée du Sud").as_deref(), Some("KOR"));
    // Countries only: "Nations Unies" is a group mention (the UN), "Bruxelles" nothing.
    assert!(pairs
        .iter()
        .filter(|(_, iso3)| iso3.is_some())
        .all(|(s, _)| !s.contains("Nations") && !s.contains("Unies") && s != "Bruxelles"));

    // Offsets are code points: text[start:end] == surface.
    let text: Vec<char> = std::fs::read_to_string(root().join("input/articles/alliance-2012-12-05-fr.txt"))
        .unwrap()
        .chars()
        .collect();
    for ((s, e), surf) in ints(&m, "start")
        .into_iter()
        .zip(ints(&m, "end"))
        .zip(strings(&m, "surface"))
    {
        let (s, e) = (s.unwrap() as usize, e.unwrap() as usize);
        assert_eq!(text[s..e].iter().collect::<String>(), surf.unwrap());
    }
    // "Nations Unies" is the UN (a group), never the United States.
    let groups = rows_where(&m, "kind", "group");
    assert_eq!(
        strings(&groups, "group"),
        ["UN", "EU", "EU", "EU"].map(|g| Some(g.to_string()))
    );
}

#[test]
fn as_of_2021_reads_memberships_at_that_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(dir.path(), &["--as-of", "2021-06-01"]);
    let iso3 = member_set(&out, "alliance-2012-12-05-fr");
    assert_eq!(iso3.len(), 47);
    assert!(!iso3.contains("GBR"), "the UK left the EU on 2020-01-31");
    // Croatia, listed among the 21 "non UE", joined the EU in 2013: it is
    // in the EU's 27 now, and the "21 Etats non UE" are 20.
    let members = in_set(&parquet(&out, "members"), 1);
    let hrv = rows_where(&members, "iso3", "HRV");
    assert_eq!(strings(&hrv, "basis"), [Some("group:EU".to_string())]);
    let (i, c) = (Some("inconsistent"), Some("consistent"));
    assert_eq!(
        set_lines(&out),
        [
            line("48 pays", "count", Some(48), None, 47, i),
            line("48 pays", "count", Some(48), Some(1), 47, i),
            line(UNION, "union", None, Some(1), 47, None),
            line(
                "27 Etats membres de l'Union européenne",
                "count",
                Some(27),
                Some(3),
                27,
                c
            ),
            line("21 Etats non UE", "count", Some(21), Some(3), 20, i),
            line(LIST21, "list", None, Some(5), 21, None),
        ]
    );
}

#[test]
fn english_rendering_gives_the_same_members_and_breakdowns() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = root().join("tests/fixtures");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for f in ["alliance-2012-12-05-en.txt", "alliance-2012-12-05-en.json"] {
        std::fs::copy(fixtures.join(f), articles.join(f)).unwrap();
    }
    let out = run_ok(
        dir.path(),
        &[
            "--articles",
            "input/articles",
            "--articles",
            articles.to_str().unwrap(),
        ],
    );
    let fr = member_set(&out, "alliance-2012-12-05-fr");
    let en = member_set(&out, "alliance-2012-12-05-en");
    assert_eq!(fr.len(), 48);
    assert_eq!(fr, en);
    let b = parquet(&out, "breakdown");
    let pick = |id: &str| {
        let d = rows_where(&b, "article_id", id);
        (
            strings(&d, "dimension"),
            strings(&d, "value"),
            ints(&d, "members"),
        )
    };
    assert_eq!(pick("alliance-2012-12-05-fr"), pick("alliance-2012-12-05-en"));
    let sets = rows_where(&parquet(&out, "sets"), "article_id", "alliance-2012-12-05-en");
    assert_eq!(
        ints(&sets, "stated"),
        [Some(48), Some(48), None, Some(27), Some(21), None]
    );
    assert_eq!(
        ints(&sets, "parent_set_id"),
        [None, Some(1), Some(1), Some(3), Some(3), Some(5)]
    );
    assert!(strings(&sets, "status")
        .iter()
        .flatten()
        .all(|s| s == "consistent"));
}

#[test]
fn parquet_and_csv_hold_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(dir.path(), &[]);
    for table in paysage::tables::TABLES {
        let p = parquet(&out, table);
        let c = csv_as(&out, table, p.schema().clone());
        assert!(p.equals_missing(&c), "{table}: parquet\n{p}\ncsv\n{c}");
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["tables"]["members"], 48 + 48 + 48 + 27 + 21 + 21);
    assert_eq!(manifest["schema_version"], paysage::SCHEMA_VERSION);
    let inputs = manifest["inputs"].as_array().unwrap();
    assert!(inputs
        .iter()
        .any(|i| i["path"].as_str().unwrap().ends_with("countries.csv")
            && i["sha256"].as_str().unwrap().len() == 64));
}
