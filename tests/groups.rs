//! Dated memberships of every shipped group: member counts at dates where
//! the public count is well known, group phrases and their claims, user group
//! files, and the validation of group files.

mod common;
use common::*;
use paysage::reference::{parse_date, Reference};
use predicates::str::contains;

fn reference() -> Reference {
    Reference::load(root().join("input").as_path()).unwrap()
}

/// (group, date, members on that date), one row per well-known count.
const COUNTS: &[(&str, &str, usize)] = &[
    ("EU", "1958-01-01", 6),
    ("EU", "1973-01-01", 9),
    ("EU", "1995-01-01", 15),
    ("EU", "2004-05-01", 25),
    ("EU", "2013-07-01", 28),
    ("EU", "2020-01-31", 28),
    ("EU", "2020-02-01", 27),
    ("NATO", "1949-12-31", 12),
    ("NATO", "1982-12-31", 16),
    ("NATO", "2020-12-31", 30),
    ("NATO", "2024-12-31", 32),
    ("OECD", "1962-12-31", 20),
    ("OECD", "2010-12-31", 34),
    ("OECD", "2021-12-31", 38),
    ("EURO", "1999-01-01", 11),
    ("EURO", "2015-06-01", 19),
    ("EURO", "2023-06-01", 20),
    ("EURO", "2026-06-01", 21),
    ("SCHENGEN", "1995-03-26", 7),
    ("SCHENGEN", "2008-12-31", 25),
    ("SCHENGEN", "2023-06-01", 27),
    ("SCHENGEN", "2025-06-01", 29),
    ("EEA", "1994-06-01", 17),
    ("EEA", "2004-06-01", 28),
    ("EEA", "2021-06-01", 30),
    ("COE", "1949-05-05", 10),
    ("COE", "1970-06-01", 17),
    ("COE", "2021-06-01", 47),
    ("COE", "2022-03-16", 46),
    ("G7", "1976-07-01", 7),
    ("G7", "2015-06-01", 7),
    ("G7", "2025-06-01", 7),
    ("G8", "2000-06-01", 8),
    ("G8", "2014-03-23", 8),
    ("G8", "2015-06-01", 7),
    ("G20", "2000-06-01", 19),
    ("G20", "2008-11-15", 19),
    ("G20", "2024-06-01", 19),
    ("ASEAN", "1967-08-08", 5),
    ("ASEAN", "1984-06-01", 6),
    ("ASEAN", "1999-05-01", 10),
    ("ASEAN", "2025-11-01", 11),
    ("MERCOSUR", "1992-06-01", 4),
    ("MERCOSUR", "2013-06-01", 5),
    ("MERCOSUR", "2017-06-01", 4),
    ("MERCOSUR", "2024-08-01", 5),
    ("AU", "2002-07-09", 53),
    ("AU", "2012-06-01", 54),
    ("AU", "2017-02-01", 55),
    ("COMMONWEALTH", "2000-06-01", 54),
    ("COMMONWEALTH", "2010-06-01", 54),
    ("COMMONWEALTH", "2023-06-01", 56),
    ("UN", "2000-12-31", 189),
    ("UN", "2006-06-28", 192),
    ("UN", "2011-07-14", 193),
];

#[test]
fn member_counts_at_well_known_dates() {
    let r = reference();
    let mut wrong = Vec::new();
    for (group, date, want) in COUNTS {
        let got = r.members_on(group, parse_date(date).unwrap()).len();
        if got != *want {
            wrong.push(format!(
                "{group} on {date}: {got} members, the public count is {want}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    for g in &r.groups {
        let n = COUNTS.iter().filter(|(x, _, _)| x == g).count();
        assert!(n >= 3, "{g}: only {n} dates checked");
        assert!(r.group_info.contains_key(g), "{g} has no names in group_info.csv");
    }
}

#[test]
fn historical_memberships_are_kept() {
    let r = reference();
    let d = |s| parse_date(s).unwrap();
    assert!(r.is_member("EU", "GBR", d("2020-01-31")) && !r.is_member("EU", "GBR", d("2020-02-01")));
    assert!(r.is_member("COE", "RUS", d("2022-03-15")) && !r.is_member("COE", "RUS", d("2022-03-16")));
    assert!(r.is_member("G8", "RUS", d("2010-01-01")) && !r.is_member("G8", "RUS", d("2014-06-01")));
    assert!(r.is_member("AU", "NER", d("2024-01-01")) && r.is_suspended("AU", "NER", d("2024-01-01")));
}

#[test]
fn group_phrases_expand_and_their_counts_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(
        &input,
        concat!(
            "{\"id\":\"nato\",\"date\":\"2020-06-01\",\"lang\":\"fr\",\"text\":\"Les 30 alliés de l'OTAN se sont réunis.\"}\n",
            "{\"id\":\"oecd\",\"date\":\"2022-06-01\",\"lang\":\"en\",\"text\":\"The 38 OECD countries agreed on a minimum tax.\"}\n",
            "{\"id\":\"euro\",\"date\":\"2015-06-01\",\"lang\":\"en\",\"text\":\"Ministers of the 19 eurozone countries met.\"}\n",
        ),
    )
    .unwrap();
    let out = run_ok(dir.path(), &["--articles", input.to_str().unwrap()]);
    let sets = parquet(&out, "sets");
    assert_eq!(ints(&sets, "stated"), [Some(30), Some(38), Some(19)]);
    assert_eq!(ints(&sets, "listed"), [Some(30), Some(38), Some(19)]);
    assert_eq!(
        strings(&sets, "group"),
        ["NATO", "OECD", "EURO"].map(|g| Some(g.to_string()))
    );
    assert!(strings(&sets, "status")
        .iter()
        .all(|s| s.as_deref() == Some("consistent")));
    let nato = rows_where(&parquet(&out, "breakdown"), "article_id", "nato");
    let nato = rows_where(&nato, "dimension", "nato_member");
    assert_eq!(strings(&nato, "value"), [Some("true".to_string())]);
    assert_eq!(ints(&nato, "members"), [Some(30)]);
    // The long memberships table: one row per member and group.
    let ms = parquet(&out, "memberships");
    let groups = reference().groups.len();
    assert_eq!(ms.height(), (30 + 38 + 19) * groups);
    // --groups chooses the breakdown dimensions.
    let out2 = dir.path().join("out2");
    run_into(
        &out2,
        &["--articles", input.to_str().unwrap(), "--groups", "nato,EU"],
    )
    .success();
    let dims: std::collections::BTreeSet<_> = strings(&parquet(&out2, "run_breakdown"), "dimension")
        .into_iter()
        .flatten()
        .collect();
    assert_eq!(
        dims.into_iter().collect::<Vec<_>>(),
        ["eu_member", "m49_region", "m49_subregion", "nato_member"]
    );
}

#[test]
fn groups_command_lists_members_with_their_dates() {
    let out = paysage()
        .args(["groups", "--as-of", "2024-06-01", "nato"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "group,as_of,iso3,name_en,joined,left,suspended");
    assert_eq!(rows.len(), 1 + 32);
    assert!(rows.contains(&"NATO,2024-06-01,SWE,Sweden,2024-03-07,,false"));
    paysage()
        .args(["groups", "nope"])
        .assert()
        .code(2)
        .stderr(contains("unknown group `nope`"));
}

#[test]
fn user_group_files_extend_and_are_validated() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    let status = std::process::Command::new("cp")
        .args([
            "-r",
            root().join("input").to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::create_dir(input.join("groups")).unwrap();
    std::fs::write(
        input.join("groups/quad.csv"),
        "group,iso3,joined,left,source\nQUAD,AUS,2017-11-12,,user\nQUAD,IND,2017-11-12,,user\nQUAD,JPN,2017-11-12,,user\nQUAD,USA,2017-11-12,,user\n",
    )
    .unwrap();
    let out = paysage()
        .args([
            "groups",
            "--input",
            input.to_str().unwrap(),
            "--as-of",
            "2020-01-01",
            "quad",
        ])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8(out.get_output().stdout.clone())
            .unwrap()
            .lines()
            .count(),
        5
    );
    std::fs::write(
        input.join("groups/zz.csv"),
        "group,iso3,joined,left,source\nNATO,FRA,2000-01-01,,overlap\n",
    )
    .unwrap();
    paysage()
        .args(["groups", "--input", input.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(contains("zz.csv:2: field `joined`: FRA in NATO: period overlaps"))
        .stderr(contains("groups.csv:"));
    std::fs::write(
        input.join("groups/zz.csv"),
        "group,iso3,joined,left,source\nNATO,XYZ,2000-01-01,,unknown\n",
    )
    .unwrap();
    paysage()
        .args(["groups", "--input", input.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(contains("zz.csv:2: field `iso3`: unknown country code `XYZ`"));
}
