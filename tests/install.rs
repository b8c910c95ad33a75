//! A self-contained install: the reference data is embedded in the binary,
//! so that it runs from any folder; `--input DIR` layers a user's own files
//! on top; `reference export` writes the embedded files out.

mod common;
use common::*;
use predicates::str::contains;
use std::path::Path;

fn bin_in(dir: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("paysage").unwrap();
    c.current_dir(dir);
    c
}

#[test]
fn the_embedded_files_are_the_repository_input_folder() {
    let files = paysage::reference::embedded_files();
    assert!(files.iter().any(|f| f.name == "countries.csv"));
    assert!(files.iter().any(|f| f.name.starts_with("names/")));
    assert!(!files.iter().any(|f| f.name.starts_with("articles/")));
    for f in &files {
        let on_disk = std::fs::read(root().join("input").join(&f.name)).unwrap();
        assert!(
            on_disk == *f.bytes,
            "{} differs from input/{}",
            f.origin.display(),
            f.name
        );
    }
}

#[test]
fn runs_from_another_folder_without_input_and_matches_a_run_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let sample = corpus_sample(dir.path(), "en", 200);
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    bin_in(&elsewhere)
        .args(["run", "--articles", sample.to_str().unwrap(), "--output", "out"])
        .assert()
        .success();
    let with_input = dir.path().join("with-input");
    run_into(
        &with_input,
        &[
            "--input",
            root().join("input").to_str().unwrap(),
            "--articles",
            sample.to_str().unwrap(),
        ],
    )
    .success();
    for table in ["members", "mentions", "country_mentions"] {
        assert!(
            parquet(&elsewhere.join("out"), table).equals_missing(&parquet(&with_input, table)),
            "{table} differs between the embedded data and input/"
        );
    }
    let m = paysage::manifest::Manifest::read(&elsewhere.join("out")).unwrap();
    assert!(m.inputs.iter().any(|i| i.path == "<embedded>/countries.csv"));
    // The other commands too.
    bin_in(&elsewhere)
        .args(["lookup", "--to", "iso3", "Allemagne"])
        .assert()
        .success()
        .stdout("DEU\n");
    bin_in(&elsewhere)
        .args(["groups", "--as-of", "2020-01-01", "g7"])
        .assert()
        .success()
        .stdout(contains("G7,2020-01-01,JPN"));
}

#[test]
fn a_missing_input_folder_is_not_found_with_its_absolute_path() {
    let dir = tempfile::tempdir().unwrap();
    let abs = dir.path().join("nope");
    for cmd in [
        &["run", "--articles", "x.jsonl"][..],
        &["lookup", "France"],
        &["extract"],
        &["groups"],
    ] {
        bin_in(dir.path())
            .args(cmd)
            .args(["--input", "nope"])
            .assert()
            .code(2)
            .stderr(contains(format!(
                "--input {}: reference folder not found",
                abs.display()
            )));
    }
    // No --articles and no input/articles here: said plainly, not "invalid".
    bin_in(dir.path())
        .args(["run"])
        .assert()
        .code(2)
        .stderr(contains("no articles: give --articles PATH"));
}

#[test]
fn reference_export_writes_the_embedded_files_and_input_reads_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let exported = dir.path().join("ref");
    bin_in(dir.path())
        .args(["reference", "export", "ref"])
        .assert()
        .success();
    for f in paysage::reference::embedded_files() {
        assert_eq!(
            std::fs::read(exported.join(&f.name)).unwrap(),
            *f.bytes,
            "{}",
            f.name
        );
    }
    // Never over a user's files.
    bin_in(dir.path())
        .args(["reference", "export", "ref"])
        .assert()
        .code(1)
        .stderr(contains("exists; nothing was overwritten"));
    // An edited copy is what --input reads: a bad row names file, line, field.
    let countries = exported.join("countries.csv");
    let text = std::fs::read_to_string(&countries).unwrap();
    std::fs::write(&countries, text.replacen(",FRA,", ",FRANCE,", 1)).unwrap();
    let line = text.lines().position(|l| l.contains(",FRA,")).unwrap() + 1;
    bin_in(dir.path())
        .args(["lookup", "--input", "ref", "France"])
        .assert()
        .code(1)
        .stderr(contains(format!("ref/countries.csv:{line}: field `alpha3`")));
}

#[test]
fn input_layers_a_users_names_and_groups_on_the_embedded_data() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine");
    std::fs::create_dir_all(mine.join("names")).unwrap();
    std::fs::create_dir_all(mine.join("groups")).unwrap();
    std::fs::write(
        mine.join("names/mine.csv"),
        "lang,name,kind,code,case\nfr,Hexagone,country,FRA,proper\nfr,Triangle de Weimar,group,TRIANGLE,proper\n",
    )
    .unwrap();
    std::fs::write(
        mine.join("groups/triangle.csv"),
        "group,iso3,joined,left\nTRIANGLE,FRA,1991-08-28,\nTRIANGLE,DEU,1991-08-28,\nTRIANGLE,POL,1991-08-28,\n",
    )
    .unwrap();
    let articles = dir.path().join("a.jsonl");
    std::fs::write(
        &articles,
        "{\"id\":\"t\",\"lang\":\"fr\",\"date\":\"2020-05-01\",\"text\":\"Les pays membres du Triangle de Weimar se sont réunis. L'Hexagone aussi.\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    bin_in(dir.path())
        .args([
            "run",
            "--input",
            "mine",
            "--articles",
            "a.jsonl",
            "--output",
            "out",
        ])
        .args(["--groups", "triangle,eu"])
        .assert()
        .success();
    let mentions = parquet(&out, "mentions");
    assert!(
        strings(&mentions, "iso3").contains(&Some("FRA".into())),
        "{mentions}"
    );
    let members = parquet(&out, "members");
    let mut iso: Vec<_> = strings(&members, "iso3").into_iter().flatten().collect();
    iso.sort();
    iso.dedup();
    assert_eq!(iso, ["DEU", "FRA", "POL"]);
    // The shipped names are still there (layered, not replaced).
    bin_in(dir.path())
        .args([
            "lookup",
            "--input",
            "mine",
            "--to",
            "iso3",
            "Allemagne",
            "Hexagone",
        ])
        .assert()
        .success()
        .stdout("DEU\nFRA\n");
    // A fault in the user's file names it, with line and field.
    std::fs::write(
        mine.join("names/mine.csv"),
        "lang,name,kind,code,case\nfr,Hexagone,country,FRX,proper\n",
    )
    .unwrap();
    bin_in(dir.path())
        .args(["lookup", "--input", "mine", "France"])
        .assert()
        .code(1)
        .stderr(contains(
            "mine/names/mine.csv:2: field `code`: unknown country code `FRX`",
        ));
}
