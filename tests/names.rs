//! Tricky cases, one row per case (tests/data/mention_cases.csv): names as
//! prose writes them, negatives that must not be countries, and ambiguous
//! names that must not be guessed. Every row must pass.

use paysage::extract::{Matcher, MentionKind};
use paysage::lookup::{lookup, Lookup};
use paysage::reference::Reference;
use std::collections::BTreeMap;

fn setup() -> (Reference, Matcher) {
    let r = Reference::load(concat!(env!("CARGO_MANIFEST_DIR"), "/input").as_ref()).unwrap();
    let m = Matcher::new(&r).unwrap();
    (r, m)
}

#[test]
fn mention_cases_table() {
    let (reference, matcher) = setup();
    let mut rdr = csv::Reader::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/mention_cases.csv"
    ))
    .unwrap();
    let mut per_lang: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let (lang, text, expected) = (&rec[0], &rec[1], &rec[2]);
        let (mentions, _) = paysage::analyse(text, lang, None, &matcher, &reference);
        let got: Vec<String> = mentions
            .iter()
            .map(|m| match m.kind {
                MentionKind::Ambiguous => format!("?{}", m.codes.join("|")),
                MentionKind::Organisation => format!("org:{}", m.codes[0]),
                MentionKind::Historical => format!("hist:{}", m.codes[0]),
                MentionKind::Country | MentionKind::Group => m.codes[0].clone(),
            })
            .collect();
        let got = got.join(" ");
        let e = per_lang.entry(lang.to_string()).or_default();
        e.0 += 1;
        if got == expected {
            e.1 += 1;
        } else {
            failures.push(format!("[{lang}] {text:?}: expected {expected:?}, got {got:?}"));
        }
        let chars: Vec<char> = text.chars().collect();
        for m in &mentions {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.surface);
        }
    }
    for (lang, (n, ok)) in &per_lang {
        println!("{lang}: {ok}/{n} right ({:.1}%)", 100.0 * *ok as f64 / *n as f64);
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every country's English and French short name, as shipped in
/// countries.csv, looks up to that country (or to an ambiguity naming it).
#[test]
fn every_short_name_looks_up_to_its_country() {
    let (r, m) = setup();
    let mut wrong = Vec::new();
    let mut n = 0;
    for c in &r.countries {
        for (lang, name) in [("en", &c.name_en), ("fr", &c.name_fr)] {
            n += 1;
            match lookup(name, Some(lang), &m, &r) {
                Lookup::Matched(code) if code == c.alpha3 => {}
                Lookup::Ambiguous(codes) if codes.contains(&c.alpha3) => {}
                other => wrong.push(format!("[{lang}] {name}: {other:?}, want {}", c.alpha3)),
            }
        }
    }
    println!("short names: {}/{n} right", n - wrong.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Whole names per language (tests/data/names/<lang>.csv: name, expected ISO
/// alpha-3, `?A|B` for an ambiguous name, `-` for a name that is not a
/// country). Prints the share right per language; fails below 99.5%.
#[test]
fn name_tables_per_language() {
    let (r, m) = setup();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/names");
    let (mut total, mut negatives, mut ambiguous) = (0, 0, 0);
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for lang in ["fr", "en", "de", "es", "it", "pt", "nl"] {
        let mut rdr = csv::Reader::from_path(format!("{dir}/{lang}.csv")).unwrap();
        let (mut n, mut ok) = (0usize, 0usize);
        for rec in rdr.records() {
            let rec = rec.unwrap();
            let (name, expected) = (&rec[0], &rec[1]);
            n += 1;
            if expected == "-" {
                negatives += 1;
            } else if expected.starts_with('?') {
                ambiguous += 1;
            }
            let got = match lookup(name, Some(lang), &m, &r) {
                Lookup::Matched(c) => c,
                Lookup::Ambiguous(c) => format!("?{}", c.join("|")),
                Lookup::Unmatched => "-".to_string(),
            };
            if got == expected {
                ok += 1;
            } else {
                failures.push(format!("[{lang}] {name:?}: expected {expected}, got {got}"));
            }
        }
        total += n;
        let share = 100.0 * ok as f64 / n as f64;
        println!("{lang}: {ok}/{n} names right ({share:.2}%)");
        report.push((lang, share));
    }
    println!("{total} names, {negatives} not countries, {ambiguous} ambiguous");
    for f in &failures {
        println!("  {f}");
    }
    assert!(
        total >= 1000 && negatives >= 20 && ambiguous >= 40,
        "table too small"
    );
    for (lang, share) in report {
        assert!(
            share >= 99.5,
            "{lang}: {share:.2}% < 99.5%:\n{}",
            failures.join("\n")
        );
    }
}

/// Texts with no country in them (tests/data/negatives.csv): no country and
/// no ambiguous name may be found.
#[test]
fn negative_texts_have_no_country() {
    let (r, m) = setup();
    let mut rdr =
        csv::Reader::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/negatives.csv")).unwrap();
    let (mut n, mut wrong) = (0, Vec::new());
    for rec in rdr.records() {
        let rec = rec.unwrap();
        n += 1;
        let (mentions, _) = paysage::analyse(&rec[1], &rec[0], None, &m, &r);
        let bad: Vec<String> = mentions
            .iter()
            .filter(|x| matches!(x.kind, MentionKind::Country | MentionKind::Ambiguous))
            .map(|x| format!("{} -> {:?}", x.surface, x.codes))
            .collect();
        if !bad.is_empty() {
            wrong.push(format!("[{}] {:?}: {}", &rec[0], &rec[1], bad.join(", ")));
        }
    }
    println!("negatives: {}/{n} clean", n - wrong.len());
    assert!(n >= 60);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A name whose meaning changed on a date: "Macedonia" was the country's
/// short name until the Prespa agreement took effect (2019-02-12); since,
/// alone, it is the country (North Macedonia) or the Greek region.
#[test]
fn macedonia_before_and_after_2019() {
    let (r, m) = setup();
    let at = |d: &str| {
        let (mentions, _) = paysage::analyse(
            "Macedonia and Greece",
            "en",
            paysage::reference::parse_date(d),
            &m,
            &r,
        );
        (mentions[0].kind, mentions[0].codes.clone())
    };
    assert_eq!(at("2015-06-01"), (MentionKind::Country, vec!["MKD".to_string()]));
    assert_eq!(at("2019-02-11"), (MentionKind::Country, vec!["MKD".to_string()]));
    let after = at("2020-06-01");
    assert_eq!(after.0, MentionKind::Ambiguous);
    assert_eq!(after.1, ["MKD", "GR-A", "GR-B", "GR-C"]);
    let (mentions, _) = paysage::analyse(
        "la Macédoine du Nord",
        "fr",
        paysage::reference::parse_date("2020-06-01"),
        &m,
        &r,
    );
    assert_eq!(mentions[0].codes, ["MKD"]);
}
