//! Helpers shared by the end-to-end tests: run the real binary, read tables back.
#![allow(dead_code)]

use assert_cmd::Command;
use paysage::extract::Matcher;
use paysage::reference::Reference;
use polars::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped reference data and its matcher, built once per test binary.
pub fn shipped() -> &'static (Reference, Matcher) {
    static SHIPPED: OnceLock<(Reference, Matcher)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let r = Reference::load(root().join("input").as_path()).unwrap();
        let m = Matcher::new(&r).unwrap();
        (r, m)
    })
}

pub fn paysage() -> Command {
    let mut c = Command::cargo_bin("paysage").unwrap();
    c.current_dir(root());
    c
}

/// Runs the job into `out` with extra args.
pub fn run_into(out: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    paysage()
        .arg("run")
        .args(["--output", out.to_str().unwrap()])
        .args(args)
        .assert()
}

/// Runs the job with extra args into `<dir>/output`, which must succeed; returns it.
pub fn run_ok(dir: &Path, args: &[&str]) -> PathBuf {
    let out = dir.join("output");
    run_into(&out, args).success();
    out
}

pub fn parquet(out: &Path, table: &str) -> DataFrame {
    let f = std::fs::File::open(out.join(format!("{table}.parquet"))).unwrap();
    ParquetReader::new(f).finish().unwrap()
}

/// Reads a CSV table with the Parquet table's schema, so the two compare.
pub fn csv_as(out: &Path, table: &str, schema: SchemaRef) -> DataFrame {
    CsvReadOptions::default()
        .with_has_header(true)
        .with_schema(Some(schema))
        .try_into_reader_with_file_path(Some(out.join(format!("{table}.csv"))))
        .unwrap()
        .finish()
        .unwrap()
}

pub fn strings(df: &DataFrame, column: &str) -> Vec<Option<String>> {
    df.column(column)
        .unwrap()
        .cast(&DataType::String)
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|v| v.map(String::from))
        .collect()
}

pub fn ints(df: &DataFrame, column: &str) -> Vec<Option<i64>> {
    df.column(column).unwrap().i64().unwrap().iter().collect()
}

/// Rows of `df` where `column == value`.
pub fn rows_where(df: &DataFrame, column: &str, value: &str) -> DataFrame {
    let mask = df.column(column).unwrap().str().unwrap().equal(value);
    df.filter(&mask).unwrap()
}

/// The full shared corpus (`fr` or `en`) beside the repository, when it is there.
pub fn full_corpus(corpus: &str) -> Option<PathBuf> {
    let p = root().join(format!("../shared/corpus/{corpus}.jsonl.gz"));
    p.exists().then_some(p)
}

/// The JSON lines of corpus sample `name` ("fr", "heldout12_en"), as in
/// the shared corpus: `tests/data/corpus/{name}.jsonl` when it is committed
/// (the first sample), else the articles `tests/data/corpus/heldout_ids.csv`
/// lists for it, read from `../shared/corpus` (once per test binary).
/// `None` when that is not there.
pub fn sample_lines(name: &str) -> Option<Vec<String>> {
    let committed = root().join(format!("tests/data/corpus/{name}.jsonl"));
    if committed.exists() {
        let text = std::fs::read_to_string(&committed).unwrap();
        return Some(text.lines().map(String::from).collect());
    }
    let (sample, lang) = name
        .rsplit_once('_')
        .unwrap_or_else(|| panic!("{name}: not SAMPLE_LANG"));
    let ids = root().join("tests/data/corpus/heldout_ids.csv");
    let wanted: Vec<String> = csv::Reader::from_path(&ids)
        .unwrap_or_else(|e| panic!("{}: {e}", ids.display()))
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[0] == sample && &r[1] == lang)
        .map(|r| r[2].to_string())
        .collect();
    let lines = shared_lines(lang)?;
    Some(
        wanted
            .iter()
            .map(|id| {
                lines
                    .get(id)
                    .unwrap_or_else(|| panic!("{id} of {name} is not in the shared corpus"))
                    .clone()
            })
            .collect(),
    )
}

/// The lines of the shared corpus in `lang` that `heldout_ids.csv` lists,
/// by article id; read once.
fn shared_lines(lang: &str) -> Option<&'static std::collections::HashMap<String, String>> {
    use std::collections::{HashMap, HashSet};
    use std::io::BufRead;
    type Lines = Option<HashMap<String, String>>;
    static FR: OnceLock<Lines> = OnceLock::new();
    static EN: OnceLock<Lines> = OnceLock::new();
    let cell = match lang {
        "fr" => &FR,
        "en" => &EN,
        _ => panic!("{lang}: no shared corpus"),
    };
    cell.get_or_init(|| {
        let src = full_corpus(lang)?;
        let ids = root().join("tests/data/corpus/heldout_ids.csv");
        let listed: HashSet<String> = csv::Reader::from_path(&ids)
            .unwrap()
            .records()
            .map(|r| r.unwrap())
            .filter(|r| &r[1] == lang)
            .map(|r| r[2].to_string())
            .collect();
        #[derive(serde::Deserialize)]
        struct Id {
            id: String,
        }
        let f = std::fs::File::open(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let mut out = HashMap::new();
        for line in std::io::BufReader::new(flate2::read::GzDecoder::new(f)).lines() {
            let line = line.unwrap();
            let id = serde_json::from_str::<Id>(&line).unwrap().id;
            if listed.contains(&id) {
                out.insert(id, line);
            }
        }
        Some(out)
    })
    .as_ref()
}

/// Says plainly on stderr that a test was skipped, and why. Written to the
/// stream itself: the test harness hides what `eprintln!` prints in a test
/// that passes.
pub fn skipped(test: &str, why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}

/// The first `n` articles of a corpus (`fr` or `en`), as a JSON Lines file in
/// `dir`: from the full corpus in `../shared/corpus` when it is there, else
/// from the sample committed under `tests/data/corpus` (260 articles), read
/// again as often as needed, each round's ids suffixed `~k` so that every id
/// stays unique (the text is real; only the volume is made up).
pub fn corpus_sample(dir: &Path, corpus: &str, n: usize) -> PathBuf {
    use std::io::{BufRead, Write};
    let out = dir.join(format!("sample-{corpus}-{n}.jsonl"));
    let mut w = std::io::BufWriter::new(std::fs::File::create(&out).unwrap());
    if let Some(src) = full_corpus(corpus) {
        let f = std::fs::File::open(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let lines = std::io::BufReader::new(flate2::read::GzDecoder::new(f)).lines();
        let mut written = 0;
        for line in lines.take(n) {
            writeln!(w, "{}", line.unwrap()).unwrap();
            written += 1;
        }
        if written == n {
            return out;
        }
        panic!("{} has only {written} articles, {n} wanted", src.display());
    }
    let src = root().join(format!("tests/data/corpus/{corpus}.jsonl"));
    let lines: Vec<String> = std::fs::read_to_string(&src)
        .unwrap_or_else(|e| panic!("{}: {e}", src.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect();
    for i in 0..n {
        let (round, line) = (i / lines.len(), &lines[i % lines.len()]);
        if round == 0 {
            writeln!(w, "{line}").unwrap();
        } else {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = format!("{}~{round}", v["id"].as_str().unwrap());
            v["id"] = serde_json::Value::String(id);
            writeln!(w, "{v}").unwrap();
        }
    }
    out
}
