//! Bad input gets a clear message naming the file and line; bad articles are
//! reported and skipped, bad reference data stops the run before any write.

mod common;
use common::*;
use predicates::str::contains;
use std::path::Path;

fn copy_input(to: &Path) {
    let from = root().join("input");
    for entry in walk(&from) {
        let rel = entry.strip_prefix(&from).unwrap();
        let dest = to.join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&entry, dest).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn bad_articles_are_reported_and_skipped_with_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("mixed.jsonl");
    let mut body = Vec::new();
    body.extend_from_slice(b"{\"id\":\"ok\",\"date\":\"2012-12-05\",\"lang\":\"fr\",\"text\":\"La France, l'Allemagne et l'Italie.\"}\n");
    body.extend_from_slice(b"{\"id\":\"empty\",\"date\":\"2012-12-05\",\"lang\":\"fr\",\"text\":\"\"}\n");
    body.extend_from_slice(b"{\"id\":\"latin1\",\"lang\":\"fr\",\"text\":\"caf\xe9\"}\n");
    body.extend_from_slice(
        b"{\"id\":\"baddate\",\"date\":\"5 d\xc3\xa9cembre 2012\",\"lang\":\"fr\",\"text\":\"la France\"}\n",
    );
    body.extend_from_slice(b"this is not json\n");
    std::fs::write(&jsonl, body).unwrap();
    let out = dir.path().join("output");
    run_into(&out, &["--articles", jsonl.to_str().unwrap()])
        .code(3)
        .stderr(contains(
            "mixed.jsonl:2 (article empty): field `text`: empty article",
        ))
        .stderr(contains("mixed.jsonl:3: invalid UTF-8"))
        .stderr(contains("mixed.jsonl:4 (article baddate): field `date`"))
        .stderr(contains("mixed.jsonl:5: not a JSON article object"))
        .stderr(contains("1 articles, 4 rejected"));
    let articles = parquet(&out, "articles");
    assert_eq!(strings(&articles, "article_id"), [Some("ok".to_string())]);
    let rejects = parquet(&out, "rejects");
    assert_eq!(ints(&rejects, "line"), [Some(2), Some(3), Some(4), Some(5)]);
    assert_eq!(parquet(&out, "members").height(), 3);
}

#[test]
fn duplicate_country_code_stops_the_run_and_keeps_previous_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    copy_input(&input);
    let out = run_ok(dir.path(), &["--input", input.to_str().unwrap()]);
    let before = std::fs::read(out.join("manifest.json")).unwrap();

    let countries = input.join("countries.csv");
    let mut text = std::fs::read_to_string(&countries).unwrap();
    text.push_str("ZZ,FRA,999,Nowhere,Nulle part,,,,,official\n");
    std::fs::write(&countries, text).unwrap();
    let lines = std::fs::read_to_string(&countries).unwrap().lines().count();
    run_into(&out, &["--input", input.to_str().unwrap()])
        .code(1)
        .stderr(contains(format!(
            "countries.csv:{lines}: field `alpha3`: duplicate code `FRA`"
        )));
    assert_eq!(std::fs::read(out.join("manifest.json")).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("paysage-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary folder or lock is left behind");
}

#[test]
fn bad_group_file_names_line_and_field() {
    let cases = [
        (
            "EU,XXX,2004-05-01,,unknown\n",
            "field `iso3`: unknown country code `XXX`",
        ),
        (
            "EU,FRA,1990-01-01,,overlap\n",
            "field `joined`: FRA in EU: period overlaps line",
        ),
        (
            "EU,NOR,2004-13-01,,bad date\n",
            "field `joined`: `2004-13-01` is not a date",
        ),
        (
            "EU,NOR,2004-01-01,2003-01-01,backwards\n",
            "field `left`: left 2003-01-01 is before joined",
        ),
    ];
    bad_rows("groups.csv", &cases);
}

/// Appends each row to `file` of a copy of the input and checks that the
/// job stops with the message, the file and the row's line.
fn bad_rows(file: &str, cases: &[(&str, &str)]) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    copy_input(&input);
    let path = input.join(file);
    let original = std::fs::read_to_string(&path).unwrap();
    for (row, message) in cases {
        std::fs::write(&path, format!("{original}{row}")).unwrap();
        let line = original.lines().count() + 1;
        paysage()
            .args(["lookup", "--input", input.to_str().unwrap(), "France"])
            .assert()
            .code(1)
            .stderr(contains(format!("{file}:{line}: {message}")));
    }
}

#[test]
fn bad_grammar_row_names_line_and_field() {
    let cases = [
        (
            "fr,group_body,Commission du Golfe,XXX\n",
            "field `value`: unknown group code `XXX`",
        ),
        (
            "fr,no_such_role,pays,\n",
            "field `role`: unknown role `no_such_role`",
        ),
        (
            "fr,number,douze,twelve\n",
            "field `value`: `twelve` is not a whole number",
        ),
    ];
    bad_rows("grammar.csv", &cases);
}

#[test]
fn missing_column_and_conflicting_name_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    copy_input(&input);
    let names = input.join("names/zz_user.csv");
    std::fs::write(
        &names,
        "lang,name,kind,code,case\nfr,Patrie,country,FRA,proper\nfr,patrie,country,DEU,proper\n",
    )
    .unwrap();
    paysage()
        .args(["lookup", "--input", input.to_str().unwrap(), "France"])
        .assert()
        .code(1)
        .stderr(contains(
            "zz_user.csv:3: field `name`: `patrie` maps to two entries (also line 2); mark it ambiguous",
        ));
    std::fs::write(&names, "lang,name,code,case\n").unwrap();
    paysage()
        .args(["lookup", "--input", input.to_str().unwrap(), "France"])
        .assert()
        .code(1)
        .stderr(contains("zz_user.csv:1: field `kind`: missing column"));
}

#[test]
fn bad_as_of_and_unknown_lang_are_usage_errors() {
    paysage()
        .args(["run", "--as-of", "2021-02-30"])
        .assert()
        .code(2)
        .stderr(contains("--as-of"));
    paysage()
        .args(["lookup", "--lang", "xx", "France"])
        .assert()
        .code(2)
        .stderr(contains("no names for this language"));
}

#[test]
fn unreadable_txt_articles_are_skipped_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("a-good.txt"), "Le Japon, la Chine et l'Inde.").unwrap();
    std::fs::write(
        articles.join("a-good.json"),
        r#"{"date": "2020-01-01", "lang": "fr"}"#,
    )
    .unwrap();
    std::fs::write(articles.join("b-latin1.txt"), b"la Fran\xe7e\nen Espagne\xe9").unwrap();
    std::fs::write(articles.join("c-empty.txt"), "  \n").unwrap();
    std::fs::write(articles.join("d-badmeta.txt"), "la France").unwrap();
    std::fs::write(articles.join("d-badmeta.json"), "{not json").unwrap();
    let out = dir.path().join("output");
    run_into(&out, &["--articles", articles.to_str().unwrap()])
        .code(3)
        .stderr(contains("b-latin1.txt:1 (article b-latin1): invalid UTF-8"))
        .stderr(contains(
            "c-empty.txt (article c-empty): field `text`: empty article",
        ))
        .stderr(contains(
            "d-badmeta.json (article d-badmeta): metadata is not valid JSON",
        ));
    let a = parquet(&out, "articles");
    assert_eq!(strings(&a, "article_id"), [Some("a-good".to_string())]);
    assert_eq!(parquet(&out, "members").height(), 3);
    assert_eq!(parquet(&out, "rejects").height(), 3);
}

#[test]
fn articles_on_stdin_with_a_missing_language_detected() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    paysage()
        .args(["run", "--articles", "-", "--output", out.to_str().unwrap()])
        .write_stdin(concat!(
            "{\"id\":\"s1\",\"date\":null,\"lang\":\"en\",\"text\":\"Japan, China and India met.\"}\n",
            "{\"id\":\"s2\",\"text\":\"Le gouvernement a annoncé mercredi que le Japon et la Chine ",
            "ont signé un accord commercial avec l'Inde.\"}\n"
        ))
        .assert()
        .success();
    assert_eq!(parquet(&out, "members").height(), 3);
    // A missing language is guessed from the text, and flagged.
    let a = parquet(&out, "articles");
    assert_eq!(
        strings(&a, "lang"),
        [Some("en".to_string()), Some("fr".to_string())]
    );
    assert_eq!(
        strings(&a, "lang_detected"),
        [Some("false".to_string()), Some("true".to_string())]
    );
    assert_eq!(ints(&a, "mentions"), [Some(3), Some(3)]);
    // One set: the list of s1 (s2 names two countries in a row, then a third apart).
    let sets = parquet(&out, "sets");
    assert_eq!(strings(&sets, "article_id"), [Some("s1".to_string())]);
    assert_eq!(strings(&sets, "kind"), [Some("list".to_string())]);
}
