//! Helpers shared by the end-to-end tests: run the real binary, read tables back.
#![allow(dead_code)]

use assert_cmd::Command;
use polars::prelude::*;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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

/// The first `n` articles of a shared corpus (`fr` or `en`), as a JSON Lines file in `dir`.
pub fn corpus_sample(dir: &Path, corpus: &str, n: usize) -> PathBuf {
    use std::io::{BufRead, Write};
    let src = root().join(format!("../shared/corpus/{corpus}.jsonl.gz"));
    let f = std::fs::File::open(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
    let out = dir.join(format!("sample-{corpus}-{n}.jsonl"));
    let mut w = std::io::BufWriter::new(std::fs::File::create(&out).unwrap());
    for line in std::io::BufReader::new(flate2::read::GzDecoder::new(f))
        .lines()
        .take(n)
    {
        writeln!(w, "{}", line.unwrap()).unwrap();
    }
    out
}
