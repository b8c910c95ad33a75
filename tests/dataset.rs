//! Incremental datasets (`run --dataset`): growing one over several days
//! gives the rows of one full run; a changed file replaces its rows; a run
//! killed at any moment leaves the dataset as it was.

mod common;
use common::*;
use polars::prelude::*;
use std::path::{Path, PathBuf};

/// Every part of a dataset's table (`DIR/T/**/*.parquet`), as one frame.
fn dataset_table(dir: &Path, table: &str) -> DataFrame {
    let mut parts = Vec::new();
    let mut stack = vec![dir.join(table)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "parquet") {
                parts.push(
                    ParquetReader::new(std::fs::File::open(&p).unwrap())
                        .finish()
                        .unwrap(),
                );
            }
        }
    }
    let mut all = parts.pop().unwrap();
    for p in parts {
        all.vstack_mut(&p).unwrap();
    }
    all
}

/// Rows in a fixed order, without `run_id`.
fn canonical(df: DataFrame) -> DataFrame {
    let df = if df.get_column_names().iter().any(|c| c.as_str() == "run_id") {
        df.drop("run_id").unwrap()
    } else {
        df
    };
    let cols: Vec<String> = df.get_column_names().iter().map(|c| c.to_string()).collect();
    df.sort(cols, SortMultipleOptions::default().with_nulls_last(true))
        .unwrap()
}

fn run_dataset(dir: &Path, files: &[&Path]) -> assert_cmd::assert::Assert {
    let mut c = paysage();
    c.args(["run", "--dataset", dir.to_str().unwrap(), "--today", "2024-01-01"]);
    for f in files {
        c.args(["--articles", f.to_str().unwrap()]);
    }
    c.assert()
}

/// The sample split into `n` day files under `dir/days`.
fn days(dir: &Path, corpus: &str, articles: usize, n: usize) -> Vec<PathBuf> {
    let sample = std::fs::read_to_string(corpus_sample(dir, corpus, articles)).unwrap();
    let lines: Vec<&str> = sample.lines().collect();
    std::fs::create_dir_all(dir.join("days")).unwrap();
    lines
        .chunks(lines.len().div_ceil(n))
        .enumerate()
        .map(|(i, chunk)| {
            let p = dir.join("days").join(format!("day-{i}.jsonl"));
            std::fs::write(&p, chunk.join("\n") + "\n").unwrap();
            p
        })
        .collect()
}

fn assert_same_rows(dataset: &Path, full: &Path) {
    for table in paysage::tables::TABLES {
        let a = canonical(dataset_table(dataset, table));
        let b = canonical(parquet(full, table));
        assert!(
            a.equals_missing(&b),
            "{table}: the dataset differs from one full run\n{a}\n{b}"
        );
    }
}

fn ledger(dir: &Path) -> Vec<paysage::manifest::Manifest> {
    std::fs::read_to_string(dir.join("ledger.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_dataset_grown_over_several_days_has_the_rows_of_one_full_run() {
    let dir = tempfile::tempdir().unwrap();
    let files = days(dir.path(), "fr", 260, 4);
    let ds = dir.path().join("ds");
    for day in 0..4 {
        // Each day, the whole folder so far: only the new file is read.
        let so_far: Vec<&Path> = files[..=day].iter().map(|p| p.as_path()).collect();
        run_dataset(&ds, &so_far).success();
        let m = ledger(&ds);
        assert_eq!(m.len(), day + 1);
        assert_eq!(m[day].articles, 65, "day {day} read only its new file");
    }
    let full = dir.path().join("full");
    let all: Vec<&str> = files
        .iter()
        .flat_map(|f| ["--articles", f.to_str().unwrap()])
        .collect();
    let mut args = all.clone();
    args.extend(["--today", "2024-01-01"]);
    run_into(&full, &args).success();
    assert_same_rows(&ds, &full);
    // Every row carries the run that read it; a hive partition says it too.
    let m = ledger(&ds);
    let mentions = dataset_table(&ds, "mentions");
    let runs: std::collections::BTreeSet<_> = strings(&mentions, "run_id").into_iter().flatten().collect();
    assert_eq!(runs, m.iter().map(|r| r.run_id.clone()).collect());
    assert!(ds.join("mentions").join(format!("run={}", m[0].run_id)).is_dir());
    // Nothing new (the same files, moved elsewhere: known by their contents):
    // nothing read, the same rows, one more ledger line.
    let moved = dir.path().join("moved");
    std::fs::rename(dir.path().join("days"), &moved).unwrap();
    run_dataset(&ds, &[&moved]).success();
    assert_eq!(ledger(&ds).len(), 5);
    assert_eq!(ledger(&ds)[4].articles, 0);
    assert_same_rows(&ds, &full);
}

#[test]
fn a_changed_file_replaces_what_it_produced_and_known_ids_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let files = days(dir.path(), "en", 120, 2);
    let ds = dir.path().join("ds");
    let both: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    run_dataset(&ds, &both).success();
    // Day 1 is corrected: its first ten articles removed, one more added.
    let text = std::fs::read_to_string(&files[1]).unwrap();
    let mut lines: Vec<String> = text.lines().skip(10).map(String::from).collect();
    lines.push(
        "{\"id\":\"late\",\"lang\":\"en\",\"date\":\"1987-03-01\",\"text\":\"Japan and Brazil.\"}".into(),
    );
    std::fs::write(&files[1], lines.join("\n") + "\n").unwrap();
    // A new file repeating an article of day 0: skipped by id.
    let first = std::fs::read_to_string(&files[0])
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    let extra = dir.path().join("days/day-9.jsonl");
    std::fs::write(&extra, format!("{first}\n")).unwrap();
    let mut all = both.clone();
    all.push(&extra);
    run_dataset(&ds, &all)
        .success()
        .stderr(predicates::str::contains("1 articles skipped"));
    let m = ledger(&ds);
    assert_eq!(m[1].articles, 51, "only the changed file was read again");
    assert_eq!(m[1].already_in_dataset, 1);
    let full = dir.path().join("full");
    run_into(
        &full,
        &[
            "--articles",
            files[0].to_str().unwrap(),
            "--articles",
            files[1].to_str().unwrap(),
            "--today",
            "2024-01-01",
        ],
    )
    .success();
    assert_same_rows(&ds, &full);
}

#[test]
fn a_dataset_refuses_other_settings() {
    let dir = tempfile::tempdir().unwrap();
    let files = days(dir.path(), "fr", 20, 1);
    let ds = dir.path().join("ds");
    run_dataset(&ds, &[&files[0]]).success();
    paysage()
        .args(["run", "--dataset", ds.to_str().unwrap(), "--as-of", "2020-01-01"])
        .args(["--articles", files[0].to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "the dataset was made with other settings",
        ));
}

/// The files a dataset's current version holds, with their bytes.
fn snapshot(ds: &Path) -> Vec<(String, Vec<u8>)> {
    let current = ds.join("_paysage/current");
    let mut out = Vec::new();
    let mut stack = vec![current.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(&current).unwrap().display().to_string();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_dataset_run_killed_at_random_moments_leaves_the_dataset_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let files = days(dir.path(), "en", 6000, 3);
    let ds = dir.path().join("ds");
    run_dataset(&ds, &[&files[0]]).success();
    // Timed on a warm binary and caches: a run over the first file alone.
    let t0 = std::time::Instant::now();
    run_into(
        &dir.path().join("timing"),
        &["--articles", files[0].to_str().unwrap()],
    )
    .success();
    let whole = t0.elapsed();
    let mut before = snapshot(&ds);
    let bin = assert_cmd::cargo::cargo_bin("paysage");
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut killed = 0;
    for round in 0..8 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        // A run over the two new files takes about twice the first one.
        let delay = whole.mul_f64(0.05 + (x % 1000) as f64 / 1000.0 * 0.9);
        let mut child = std::process::Command::new(&bin)
            .current_dir(root())
            .args(["run", "--dataset", ds.to_str().unwrap(), "--today", "2024-01-01"])
            .args([
                "--articles",
                files[0].to_str().unwrap(),
                "--articles",
                files[1].to_str().unwrap(),
            ])
            .args(["--articles", files[2].to_str().unwrap()])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let status = child.wait().unwrap();
        let now = snapshot(&ds);
        if status.success() || now != before {
            // Finished (or killed on its way out, after its commit): whole.
            let m = ledger(&ds);
            assert_eq!(m.last().unwrap().exit_status, 0, "round {round}");
            assert_eq!(dataset_table(&ds, "articles").height(), 6000, "round {round}");
            break;
        }
        killed += 1;
        assert_eq!(now, before, "round {round} ({delay:?}): the dataset changed");
        before = now;
    }
    assert!(killed >= 2, "only {killed} runs were killed before they finished");
    // The next run clears what the dead ones left and completes the dataset.
    run_dataset(&ds, &files.iter().map(|p| p.as_path()).collect::<Vec<_>>()).success();
    assert_eq!(dataset_table(&ds, "articles").height(), 6000);
    let versions = std::fs::read_dir(ds.join("_paysage/versions")).unwrap().count();
    assert_eq!(versions, 1, "only the current version is left");
}
