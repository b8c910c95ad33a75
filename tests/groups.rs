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
    // OPEC: a suspended membership (Ecuador, Indonesia) counts as out, as OPEC counts.
    ("OPEC", "1960-09-14", 5),
    ("OPEC", "1975-06-01", 13),
    ("OPEC", "1987-06-01", 13),
    ("OPEC", "1995-06-01", 11),
    ("OPEC", "2008-06-01", 13),
    ("OPEC", "2009-06-01", 12),
    ("OPEC", "2018-12-31", 15),
    ("OPEC", "2019-06-01", 14),
    ("OPEC", "2020-06-01", 13),
    ("OPEC", "2024-06-01", 12),
    // GATT contracting parties, then WTO members (the EU, a WTO member, not counted).
    ("WTO", "1948-01-01", 9),
    ("WTO", "2001-12-11", 142),
    ("WTO", "2008-07-23", 152),
    ("WTO", "2016-07-29", 163),
    ("WTO", "2024-08-30", 165),
    // The Security Council: 11 members until 1965, 15 from 1966.
    ("UNSC", "1946-06-01", 11),
    ("UNSC", "1965-12-31", 11),
    ("UNSC", "1966-01-01", 15),
    ("UNSC", "1971-10-24", 15),
    ("UNSC", "1971-10-25", 15),
    ("UNSC", "1991-12-23", 15),
    ("UNSC", "1991-12-24", 15),
    ("UNSC", "2026-06-01", 15),
    // Its permanent members: five on every day, whoever holds the seats.
    ("P5", "1946-06-01", 5),
    ("P5", "1971-10-24", 5),
    ("P5", "1971-10-25", 5),
    ("P5", "1991-12-23", 5),
    ("P5", "1991-12-24", 5),
    ("ECOWAS", "1976-06-01", 15),
    ("ECOWAS", "1990-06-01", 16),
    ("ECOWAS", "2001-06-01", 15),
    ("ECOWAS", "2025-01-28", 15),
    ("ECOWAS", "2025-06-01", 12),
    ("UEMOA", "1970-06-01", 7),
    ("UEMOA", "1987-03-01", 7),
    ("UEMOA", "2000-06-01", 8),
    ("G5_SAHEL", "2015-06-01", 5),
    ("G5_SAHEL", "2022-06-01", 4),
    ("G5_SAHEL", "2023-12-03", 2),
    ("G5_SAHEL", "2024-01-01", 0),
    ("GCC", "1981-05-24", 0),
    ("GCC", "1981-05-25", 6),
    ("GCC", "2017-06-05", 6),
    ("ARAB_LEAGUE", "1945-03-22", 6),
    ("ARAB_LEAGUE", "1980-06-01", 21),
    ("ARAB_LEAGUE", "2012-06-01", 22),
    ("BRICS", "2009-06-16", 4),
    ("BRICS", "2011-06-01", 5),
    ("BRICS", "2023-06-01", 5),
    ("BRICS", "2024-06-01", 9),
    ("BRICS", "2025-06-01", 10),
    // OIF member states (its 54 members of 2022 less the three member governments).
    ("OIF", "1970-03-20", 21),
    ("OIF", "2022-12-01", 51),
    ("OIF", "2026-01-01", 49),
    ("OSCE", "1975-08-01", 35),
    ("OSCE", "2006-06-22", 56),
    ("OSCE", "2012-11-21", 57),
    ("EFTA", "1960-05-03", 7),
    ("EFTA", "1973-06-01", 6),
    ("EFTA", "1995-06-01", 4),
    ("CIS", "1991-12-21", 11),
    ("CIS", "2010-06-01", 10),
    ("CIS", "2019-06-01", 9),
    ("WARSAW_PACT", "1955-06-01", 8),
    ("WARSAW_PACT", "1985-01-01", 7),
    ("WARSAW_PACT", "1990-12-01", 6),
    ("WARSAW_PACT", "1991-07-02", 0),
    ("COMECON", "1949-06-01", 7),
    ("COMECON", "1985-06-01", 10),
    ("COMECON", "1991-06-29", 0),
    ("BALTIC", "1991-09-05", 0),
    ("BALTIC", "1991-09-06", 3),
    ("BALTIC", "2025-06-01", 3),
    ("NORDIC", "1950-06-01", 5),
    ("NORDIC", "1995-06-01", 5),
    ("NORDIC", "2025-06-01", 5),
    ("BENELUX", "1944-09-05", 3),
    ("BENELUX", "1987-06-01", 3),
    ("BENELUX", "2025-06-01", 3),
    ("VISEGRAD", "1991-06-01", 3),
    ("VISEGRAD", "1993-06-01", 4),
    ("VISEGRAD", "2025-06-01", 4),
    ("MAGHREB", "1987-06-01", 3),
    ("MAGHREB", "2011-06-01", 3),
    ("MAGHREB", "2025-06-01", 3),
    ("GULF", "1987-06-01", 6),
    ("GULF", "2017-06-05", 6),
    ("GULF", "2025-06-01", 6),
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
fn every_group_is_named_in_the_seven_languages() {
    let r = reference();
    let mut missing = Vec::new();
    for g in &r.groups {
        for lang in ["fr", "en", "de", "es", "it", "pt", "nl"] {
            let named = r.names.iter().any(|n| {
                n.lang == lang && n.kind == paysage::reference::NameKind::Group && n.codes.first() == Some(g)
            });
            if !named {
                missing.push(format!("{g} in {lang}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "groups without a name: {}",
        missing.join(", ")
    );
}

#[test]
fn historical_memberships_are_kept() {
    let r = reference();
    let d = |s| parse_date(s).unwrap();
    assert!(r.is_member("EU", "GBR", d("2020-01-31")) && !r.is_member("EU", "GBR", d("2020-02-01")));
    assert!(r.is_member("COE", "RUS", d("2022-03-15")) && !r.is_member("COE", "RUS", d("2022-03-16")));
    assert!(r.is_member("G8", "RUS", d("2010-01-01")) && !r.is_member("G8", "RUS", d("2014-06-01")));
    assert!(r.is_member("AU", "NER", d("2024-01-01")) && r.is_suspended("AU", "NER", d("2024-01-01")));
    // Joins, exits and suspensions on their day.
    assert!(r.is_member("OPEC", "QAT", d("2018-12-31")) && !r.is_member("OPEC", "QAT", d("2019-01-01")));
    assert!(r.is_member("OPEC", "AGO", d("2023-12-31")) && !r.is_member("OPEC", "AGO", d("2024-01-01")));
    assert!(!r.is_member("OPEC", "ECU", d("2000-01-01")) && r.is_member("OPEC", "ECU", d("2008-01-01")));
    assert!(!r.is_member("OPEC", "GAB", d("2000-01-01")) && r.is_member("OPEC", "GAB", d("2016-07-01")));
    assert!(r.is_member("OPEC", "IDN", d("2016-06-01")) && !r.is_member("OPEC", "IDN", d("2016-11-30")));
    assert!(r.is_member("ECOWAS", "MLI", d("2025-01-28")) && !r.is_member("ECOWAS", "MLI", d("2025-01-29")));
    assert!(r.is_member("ECOWAS", "MRT", d("1999-06-01")) && !r.is_member("ECOWAS", "MRT", d("2001-06-01")));
    assert!(r.is_member("BRICS", "IDN", d("2025-01-06")) && !r.is_member("BRICS", "SAU", d("2025-06-01")));
    assert!(
        r.is_member("ARAB_LEAGUE", "SYR", d("2012-06-01"))
            && r.is_suspended("ARAB_LEAGUE", "SYR", d("2012-06-01"))
    );
    assert!(!r.is_suspended("ARAB_LEAGUE", "SYR", d("2023-05-07")));
    assert!(
        r.is_suspended("ARAB_LEAGUE", "EGY", d("1985-06-01"))
            && !r.is_suspended("ARAB_LEAGUE", "EGY", d("1990-06-01"))
    );
    // China's seat: the Republic of China until 1971-10-24, the People's Republic from 1971-10-25.
    assert!(r.is_member("UNSC", "TWN", d("1971-10-24")) && !r.is_member("UNSC", "TWN", d("1971-10-25")));
    assert!(!r.is_member("UNSC", "CHN", d("1971-10-24")) && r.is_member("UNSC", "CHN", d("1971-10-25")));
    // The USSR's permanent seat passes to Russia.
    assert!(r.is_member("UNSC", "SUN", d("1987-03-28")) && !r.is_member("UNSC", "RUS", d("1987-03-28")));
    assert!(!r.is_member("UNSC", "SUN", d("1991-12-24")) && r.is_member("UNSC", "RUS", d("1991-12-24")));
    // Japan during its terms (2009-2010, 2023-2024), not between them.
    for (day, member) in [
        ("2009-01-01", true),
        ("2010-12-31", true),
        ("2011-06-01", false),
        ("2023-06-01", true),
        ("2025-01-01", false),
    ] {
        assert_eq!(r.is_member("UNSC", "JPN", d(day)), member, "JPN in UNSC on {day}");
    }
    // Customs territories of the WTO under their ISO codes.
    assert!(r.is_member("WTO", "HKG", d("1990-01-01")) && r.is_member("WTO", "TWN", d("2002-01-01")));
    assert!(!r.is_member("WTO", "TWN", d("2001-12-31")) && r.is_member("WTO", "CHN", d("2001-12-11")));
    // Czechoslovakia in the Visegrad group until its dissolution.
    assert!(
        r.is_member("VISEGRAD", "CSK", d("1992-12-31")) && r.is_member("VISEGRAD", "SVK", d("1993-01-01"))
    );
}

#[test]
fn security_council_has_its_size_on_every_day_of_each_year() {
    let r = reference();
    for year in 1946..=2026 {
        for day in ["01-17", "06-30", "12-31"] {
            let date = parse_date(&format!("{year}-{day}")).unwrap();
            let want = if year < 1966 { 11 } else { 15 };
            assert_eq!(r.members_on("UNSC", date).len(), want, "UNSC on {date}");
        }
    }
}

#[test]
fn former_states_are_members_flagged_as_former() {
    let r = reference();
    let d = |s| parse_date(s).unwrap();
    let warsaw = r.members_on("WARSAW_PACT", d("1985-01-01"));
    assert_eq!(warsaw, ["BGR", "CSK", "DDR", "HUN", "POL", "ROU", "SUN"]);
    let m = r.membership_on("WARSAW_PACT", "SUN", d("1985-01-01")).unwrap();
    assert!(m.former && r.historical("SUN").is_some() && r.country("SUN").is_none());
    let m = r.membership_on("WARSAW_PACT", "POL", d("1985-01-01")).unwrap();
    assert!(!m.former);
    // A former state sits in the Security Council for its terms.
    assert!(r.is_member("UNSC", "DDR", d("1980-06-01")) && r.is_member("UNSC", "YUG", d("1988-06-01")));
}

/// The mentions `text` yields (group codes of group mentions), on `date`.
fn groups_named(text: &str, lang: &str, date: &str) -> Vec<String> {
    let (r, m) = shipped();
    let (mentions, _) = paysage::analyse(text, lang, parse_date(date), m, r);
    mentions
        .iter()
        .filter(|m| m.kind == paysage::extract::MentionKind::Group)
        .map(|m| m.codes[0].clone())
        .collect()
}

#[test]
fn group_names_and_their_false_friends() {
    // (lang, date, text, groups it names)
    let cases: &[(&str, &str, &str, &[&str])] = &[
        (
            "en",
            "1987-03-01",
            "The 13 OPEC members met in Vienna.",
            &["OPEC"],
        ),
        ("en", "2020-03-01", "Opec and its allies cut output.", &["OPEC"]),
        ("en", "2020-03-01", "The opec of it all.", &[]),
        ("fr", "2020-03-01", "les pays de l'Opep ont décidé", &["OPEC"]),
        ("fr", "2020-03-01", "l'OPEP+ a décidé de réduire", &[]),
        (
            "fr",
            "2020-06-01",
            "les 15 membres du Conseil de sécurité",
            &["UNSC"],
        ),
        (
            "fr",
            "2020-06-01",
            "le Conseil de sécurité de l'ONU s'est réuni",
            &["UNSC"],
        ),
        (
            "fr",
            "2020-06-01",
            "le Conseil de sécurité nationale iranien",
            &[],
        ),
        ("en", "2020-06-01", "the National Security Council said", &[]),
        ("en", "2020-06-01", "the U.N. Security Council voted", &["UNSC"]),
        ("en", "1987-03-01", "the GATT contracting parties", &["WTO"]),
        ("fr", "2010-03-01", "l'OMC a tranché", &["WTO"]),
        ("fr", "2021-01-01", "les pays du Sahel", &[]),
        ("fr", "2021-01-01", "les pays du G5 Sahel", &["G5_SAHEL"]),
        ("fr", "2021-01-01", "la guerre du Golfe", &[]),
        ("fr", "2021-01-01", "les pays du golfe de Guinée", &[]),
        ("fr", "2021-01-01", "les monarchies du Golfe", &["GULF"]),
        ("en", "2021-01-01", "the Gulf states", &["GULF"]),
        ("en", "2021-01-01", "a storm in the Gulf of Mexico", &[]),
        ("en", "1987-03-01", "with CIS a buyer in new crop", &[]),
        ("en", "2015-03-01", "the CIS summit", &["CIS"]),
        ("fr", "2021-01-01", "les pays baltes", &["BALTIC"]),
        ("en", "2021-01-01", "the Nordic countries", &["NORDIC"]),
        ("en", "1987-03-01", "Scandinavian countries", &["NORDIC"]),
        ("fr", "2021-01-01", "les trois pays du Maghreb", &["MAGHREB"]),
        ("fr", "2021-01-01", "l'Union du Maghreb arabe", &[]),
        (
            "fr",
            "1985-01-01",
            "les pays du pacte de Varsovie",
            &["WARSAW_PACT"],
        ),
        ("de", "2021-01-01", "die OSZE", &["OSCE"]),
        ("fr", "2021-01-01", "la CEDEAO", &["ECOWAS"]),
        ("fr", "2021-01-01", "la Ligue arabe", &["ARAB_LEAGUE"]),
        ("en", "2021-01-01", "the BRICS", &["BRICS"]),
        ("fr", "2021-01-01", "la Francophonie", &["OIF"]),
        ("fr", "2021-01-01", "la francophonie", &[]),
    ];
    let mut wrong = Vec::new();
    for (lang, date, text, want) in cases {
        let got = groups_named(text, lang, date);
        if got != *want {
            wrong.push(format!("{lang} {date} {text:?}: {got:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
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
            "{\"id\":\"opec\",\"date\":\"1987-06-01\",\"lang\":\"en\",\"text\":\"The 13 OPEC members agreed on a ceiling.\"}\n",
            "{\"id\":\"unsc\",\"date\":\"2020-06-01\",\"lang\":\"fr\",\"text\":\"Les 15 membres du Conseil de sécurité ont voté.\"}\n",
        ),
    )
    .unwrap();
    let out = run_ok(dir.path(), &["--articles", input.to_str().unwrap()]);
    let sets = parquet(&out, "sets");
    let want = [Some(30), Some(38), Some(19), Some(13), Some(15)];
    assert_eq!(ints(&sets, "stated"), want);
    assert_eq!(ints(&sets, "listed"), want);
    assert_eq!(
        strings(&sets, "group"),
        ["NATO", "OECD", "EURO", "OPEC", "UNSC"].map(|g| Some(g.to_string()))
    );
    assert!(strings(&sets, "status")
        .iter()
        .all(|s| s.as_deref() == Some("consistent")));
    let nato = rows_where(&parquet(&out, "breakdown"), "article_id", "nato");
    let nato = rows_where(&nato, "dimension", "nato_member");
    assert_eq!(strings(&nato, "value"), [Some("true".to_string())]);
    assert_eq!(ints(&nato, "members"), [Some(30)]);
    // The long memberships table: one row per member and group broken down
    // (by default the groups group_info.csv marks `breakdown`).
    let ms = parquet(&out, "memberships");
    let r = reference();
    let by_default = r.group_info.values().filter(|i| i.breakdown).count();
    assert_eq!(by_default, 15);
    assert_eq!(ms.height(), (30 + 38 + 19 + 13 + 15) * by_default);
    let out_all = dir.path().join("out-all");
    run_into(
        &out_all,
        &["--articles", input.to_str().unwrap(), "--groups", "all"],
    )
    .success();
    let ms_all = parquet(&out_all, "memberships");
    assert_eq!(ms_all.height(), (30 + 38 + 19 + 13 + 15) * r.groups.len());
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
    assert_eq!(rows[0], "group,as_of,iso3,name_en,joined,left,suspended,former");
    assert_eq!(rows.len(), 1 + 32);
    assert!(rows.contains(&"NATO,2024-06-01,SWE,Sweden,2024-03-07,,false,false"));
    // A former state is listed by its historical.csv id and name, flagged.
    let out = paysage()
        .args(["groups", "--as-of", "1985-01-01", "warsaw_pact"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 1 + 7);
    assert!(text.contains("WARSAW_PACT,1985-01-01,SUN,Soviet Union,1955-05-14,1991-07-01,false,true\n"));
    assert!(text.contains("WARSAW_PACT,1985-01-01,POL,Poland,1955-05-14,1991-07-01,false,false\n"));
    // An informal set with fixed members.
    let out = paysage()
        .args(["groups", "--as-of", "2024-06-01", "baltic"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(
        rows,
        [
            "BALTIC,2024-06-01,EST,Estonia,1991-09-06,,false,false",
            "BALTIC,2024-06-01,LTU,Lithuania,1991-09-06,,false,false",
            "BALTIC,2024-06-01,LVA,Latvia,1991-09-06,,false,false",
        ]
    );
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
        .stderr(contains("zz.csv:2: field `iso3`: unknown country code `XYZ`"))
        .stderr(contains("historical.csv"));
    // A former state's id of historical.csv is a valid member.
    std::fs::write(
        input.join("groups/zz.csv"),
        "group,iso3,joined,left,source\nOLD,YUG,1961-09-01,1991-06-25,user\n",
    )
    .unwrap();
    let out = paysage()
        .args([
            "groups",
            "--input",
            input.to_str().unwrap(),
            "--as-of",
            "1980-01-01",
            "old",
        ])
        .assert()
        .success();
    assert!(String::from_utf8(out.get_output().stdout.clone())
        .unwrap()
        .contains("OLD,1980-01-01,YUG,Yugoslavia,1961-09-01,1991-06-25,false,true"));
    // A departure ends on the member's last day.
    std::fs::remove_file(input.join("groups/zz.csv")).unwrap();
    std::fs::write(
        input.join("group_departures.csv"),
        "group,iso3,from,until,source\nEU,GBR,2017-03-29,2020-01-30,wrong last day\n",
    )
    .unwrap();
    paysage()
        .args(["groups", "--input", input.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(contains("group_departures.csv:2: field `from`: GBR is not a member of EU from the notice until its last day"));
    // A renamed state has one successor.
    std::fs::remove_file(input.join("group_departures.csv")).unwrap();
    let historical = std::fs::read_to_string(input.join("historical.csv")).unwrap();
    std::fs::write(
        input.join("historical.csv"),
        historical.replace("CZE;SVK,1992-12-31,,", "CZE;SVK,1992-12-31,yes,"),
    )
    .unwrap();
    paysage()
        .args(["groups", "--input", input.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(contains(
            "historical.csv:4: field `renamed`: a renamed state has exactly one successor",
        ));
}

#[test]
fn a_count_that_leaves_out_a_departing_member_reads_as_the_group_without_it() {
    let (r, m) = shipped();
    // (lang, date, text, members, status, the departing member among them)
    let cases: &[(&str, &str, &str, usize, &str, bool)] = &[
        // The EU27 of the Brexit talks: the United Kingdom had notified.
        (
            "fr",
            "2019-10-28",
            "Les 27 pays de l'Union européenne ont accepté.",
            27,
            "consistent",
            false,
        ),
        (
            "en",
            "2018-06-01",
            "The 28 EU member states agreed.",
            28,
            "consistent",
            true,
        ),
        // Before the notice, 27 of 28 is another size.
        (
            "fr",
            "2016-06-01",
            "Les 27 pays de l'Union européenne ont accepté.",
            28,
            "inconsistent",
            true,
        ),
        // OPEC in December 2018, after Qatar's notice.
        (
            "en",
            "2018-12-10",
            "The 14 OPEC members met in Vienna.",
            14,
            "consistent",
            false,
        ),
        // ECOWAS in 2024: Mali, Burkina Faso and Niger had notified.
        (
            "fr",
            "2024-06-01",
            "Les 12 pays de la Cédéao ont signé.",
            12,
            "consistent",
            false,
        ),
        (
            "fr",
            "2024-06-01",
            "Les 15 pays de la Cédéao ont signé.",
            15,
            "consistent",
            true,
        ),
    ];
    let mut wrong = Vec::new();
    for &(lang, date, text, listed, status, with_departing) in cases {
        let (_, res) = paysage::analyse(text, lang, parse_date(date), m, r);
        let s = &res.sets[0];
        let got = (
            s.members.len(),
            s.status.map(|s| s.as_str()),
            s.members
                .iter()
                .any(|x| ["GBR", "QAT", "MLI"].contains(&x.iso3.as_str())),
        );
        if got != (listed, Some(status), with_departing) {
            wrong.push(format!("{date} {text:?}: {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_countrys_standing_in_many_groups_is_each_groups_membership_and_suspension() {
    let r = reference();
    let groups = r.groups.clone();
    let mut suspended = 0;
    for date in [
        "1987-03-05",
        "2012-12-05",
        "2016-06-30",
        "2020-06-01",
        "2022-03-20",
    ] {
        let d = parse_date(date).unwrap();
        for c in &r.countries {
            let got = r.standing(&groups, &c.alpha3, d);
            let want: Vec<(bool, bool)> = groups
                .iter()
                .map(|g| (r.is_member(g, &c.alpha3, d), r.is_suspended(g, &c.alpha3, d)))
                .collect();
            assert_eq!(got, want, "{} on {date}", c.alpha3);
            suspended += want.iter().filter(|s| s.1).count();
        }
    }
    // The suspensions are read too (Russia in the Council of Europe, ...).
    assert!(suspended > 0);
}
