//! Incremental datasets (`paysage run --dataset DIR`): a folder that grows
//! run by run. Only input files whose contents (size and sha256) were not
//! seen before are read; a file at a known path with other contents replaces
//! what that path produced; articles whose id the dataset already holds are
//! skipped.
//!
//! Layout (docs/schema.md):
//!
//! ```text
//! DIR/mentions -> _paysage/current/mentions        (one symlink per table, made once)
//! DIR/ledger.jsonl -> _paysage/current/ledger.jsonl
//! DIR/_paysage/current -> versions/<run_id>         (swapped atomically: the commit)
//! DIR/_paysage/versions/<run_id>/
//!     <table>/run=<run_id>/part-<file key>.parquet   per-article tables, one part per input file
//!     country_mentions/part-0.parquet               run-level tables, over the whole dataset
//!     run_breakdown/part-0.parquet
//!     _agg/<run-level table>/part-<file key>.parquet each file's aggregate (to recompute them)
//!     state.json                                    the files, their articles and parts; the ledger
//!     ledger.jsonl                                  one manifest per run
//! ```
//!
//! A run builds a new version beside the current one (earlier parts are hard
//! links, not copies), then points `current` at it with one atomic rename of
//! a symlink. A run that fails or is killed leaves `current` as it was; the
//! next run removes what it left.

use crate::job::{run, RunConfig, RunSummary};
use crate::manifest::{self, Kind, Manifest, Settings};
use crate::{breakdown, ingest, write};
use anyhow::{Context, Result};
use polars::prelude::{DataFrame, ParquetReader, SerReader};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The run-level tables: recomputed over the whole dataset at every run.
const RUN_LEVEL: [&str; 2] = ["country_mentions", "run_breakdown"];

/// An input file the dataset holds the rows of.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct FileEntry {
    path: String,
    bytes: u64,
    sha256: String,
    /// The run that read it.
    run_id: String,
    /// Its parts' name: `part-<key>.parquet`.
    key: String,
    /// The ids of its articles.
    articles: Vec<String>,
    /// Rows of each per-article table from this file.
    #[serde(default)]
    rows: BTreeMap<String, usize>,
}

/// `state.json`: what the current version holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct State {
    /// The settings every run of the dataset shares (`today` aside).
    settings: Option<Settings>,
    files: Vec<FileEntry>,
    /// The ledger: every run's manifest, oldest first.
    runs: Vec<Manifest>,
}

fn meta(dir: &Path) -> PathBuf {
    dir.join("_paysage")
}

fn read_state(dir: &Path) -> Result<State> {
    let p = meta(dir).join("current").join("state.json");
    match std::fs::read(&p) {
        Ok(b) => serde_json::from_slice(&b).with_context(|| format!("{}: not a dataset state", p.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
        Err(e) => Err(e).with_context(|| format!("reading {}", p.display())),
    }
}

/// A file's key: the first 16 hex digits of the sha256 of its path.
fn key_of(path: &str) -> String {
    crate::reference::sha256_hex(path.as_bytes())[..16].to_string()
}

/// Runs the job into the dataset `dir`: reads the new and changed files of
/// `config.articles`, adds their rows, recomputes the run-level tables and
/// commits a new version.
pub fn run_dataset(config: &RunConfig, dir: &Path) -> Result<RunSummary> {
    let clock = std::time::Instant::now();
    std::fs::create_dir_all(meta(dir).join("versions"))
        .with_context(|| format!("creating {}", dir.display()))?;
    let _lock = write::OutputLock::acquire(dir)?;
    remove_unused_versions(dir);
    let previous = read_state(dir)?;
    let reference = crate::job::load_reference(config.input.as_deref())?;
    let groups = crate::select_groups(&reference, config.groups.as_deref())?;
    let settings = crate::job::settings(config, &groups);
    check_settings(&previous, &settings)?;
    let sources = if config.articles.is_empty() {
        vec![ingest::ArticleSource::Path(crate::job::default_articles(
            config.input.as_deref(),
        ))]
    } else {
        config.articles.clone()
    };
    anyhow::ensure!(
        !sources.contains(&ingest::ArticleSource::Stdin),
        "--dataset reads files (a file's size and hash say whether it is new), not stdin"
    );
    // Sidecars are read with their .txt article.
    let given: Vec<_> = ingest::hash_sources(&sources)?
        .into_iter()
        .filter(|f| {
            !(f.path.extension().is_some_and(|x| x == "json") && f.path.with_extension("txt").exists())
        })
        .collect();

    let mut manifest = Manifest::start(Kind::Dataset, settings.clone());
    let run_id = manifest.run_id.clone();
    let version = meta(dir).join("versions").join(&run_id);
    let mut state = State {
        settings: Some(Settings {
            today: String::new(),
            ..settings
        }),
        files: Vec::new(),
        runs: previous.runs.clone(),
    };
    let abs = |p: &Path| {
        std::path::absolute(p)
            .unwrap_or_else(|_| p.to_path_buf())
            .display()
            .to_string()
    };
    // A file is known by its contents (size and sha256), wherever it is now;
    // a known path with other contents is a changed file: it replaces its rows.
    let mut seen: HashSet<(u64, &str)> = previous
        .files
        .iter()
        .map(|e| (e.bytes, e.sha256.as_str()))
        .collect();
    let mut new = Vec::new();
    for f in &given {
        if seen.insert((f.bytes, f.sha256.as_str())) {
            new.push(f);
        }
    }
    let replaced: HashSet<String> = new.iter().map(|f| abs(&f.path)).collect();
    std::fs::create_dir_all(&version).with_context(|| format!("creating {}", version.display()))?;
    // Earlier files' parts, linked into the new version (a changed file's are dropped).
    let current = meta(dir).join("current");
    for e in previous.files.iter().filter(|e| !replaced.contains(&e.path)) {
        link_parts(&current, &version, e)?;
        state.files.push(e.clone());
    }
    let mut known: HashSet<String> = state
        .files
        .iter()
        .flat_map(|e| e.articles.iter().cloned())
        .collect();
    let mut total = RunSummary::default();
    for f in new {
        let path = abs(&f.path);
        let key = key_of(&path);
        let work = version.join("_work").join(&key);
        let mut sub = config.clone();
        sub.articles = vec![ingest::ArticleSource::Path(f.path.clone())];
        sub.output = work.clone();
        sub.if_changed = false;
        sub.allow_empty = true;
        sub.progress = false;
        sub.run_id = Some(run_id.clone());
        sub.skip_ids = Some(Arc::new(known.clone()));
        let s = run(&sub).with_context(|| format!("reading {}", f.path.display()))?;
        let ids = article_ids(&work)?;
        known.extend(ids.iter().cloned());
        let rows = Manifest::read(&work)?
            .tables
            .into_iter()
            .filter(|(t, _)| !RUN_LEVEL.contains(&t.as_str()))
            .collect();
        let entry = FileEntry {
            path,
            bytes: f.bytes,
            sha256: f.sha256.clone(),
            run_id: run_id.clone(),
            key,
            articles: ids,
            rows,
        };
        move_parts(&work, &version, &entry)?;
        std::fs::remove_dir_all(&work).with_context(|| format!("removing {}", work.display()))?;
        add_up(&mut total, s);
        state.files.push(entry);
    }
    let _ = std::fs::remove_dir(version.join("_work"));
    let mut tables = write_run_level(&version)?;
    for e in &state.files {
        for (t, n) in &e.rows {
            *tables.entry(t.clone()).or_default() += n;
        }
    }

    let mut inputs = reference.files.clone();
    inputs.extend(given);
    manifest.inputs = manifest::inputs(&inputs);
    manifest.tables = tables;
    manifest.articles = total.articles;
    manifest.already_in_dataset = total.already_in_dataset;
    manifest.rejected_articles = total.rejects.len();
    manifest.rejects = total
        .rejects
        .iter()
        .take(1000)
        .map(ingest::Reject::describe)
        .collect();
    manifest.exit_status = if total.rejects.is_empty() { 0 } else { 3 };
    manifest.finished_at = chrono::Utc::now().to_rfc3339();
    manifest.wall_seconds = clock.elapsed().as_secs_f64();
    state.runs.push(manifest);
    write_synced(&version.join("state.json"), &serde_json::to_vec(&state)?)?;
    let mut ledger = Vec::new();
    for m in &state.runs {
        ledger.extend(serde_json::to_vec(m)?);
        ledger.push(b'\n');
    }
    write_synced(&version.join("ledger.jsonl"), &ledger)?;
    commit(dir, &run_id)?;
    total.warnings.extend(remove_version_of(dir, &previous));
    Ok(total)
}

/// A dataset's runs must share their settings (but `--today`).
fn check_settings(previous: &State, settings: &Settings) -> Result<()> {
    let Some(had) = &previous.settings else {
        return Ok(());
    };
    let now = Settings {
        today: String::new(),
        ..settings.clone()
    };
    anyhow::ensure!(
        had == &now,
        "the dataset was made with other settings ({}); this run's would mix rows of two kinds: use another dataset folder",
        serde_json::to_string(had)?
    );
    Ok(())
}

fn add_up(total: &mut RunSummary, s: RunSummary) {
    total.articles += s.articles;
    total.rejects.extend(s.rejects);
    total.mentions += s.mentions;
    total.members += s.members;
    total.sets += s.sets;
    total.inconsistent += s.inconsistent;
    total.already_in_dataset += s.already_in_dataset;
    total.warnings.extend(s.warnings);
}

fn article_ids(work: &Path) -> Result<Vec<String>> {
    let df = read_parquet(&work.join("articles.parquet"))?;
    Ok(df
        .column("article_id")?
        .str()?
        .iter()
        .flatten()
        .map(String::from)
        .collect())
}

fn read_parquet(p: &Path) -> Result<DataFrame> {
    let f = std::fs::File::open(p).with_context(|| format!("reading {}", p.display()))?;
    ParquetReader::new(f)
        .finish()
        .with_context(|| format!("reading {}", p.display()))
}

/// Where a file's part of `table` lives in a version.
fn part_path(version: &Path, table: &str, e: &FileEntry) -> PathBuf {
    if RUN_LEVEL.contains(&table) {
        version
            .join("_agg")
            .join(table)
            .join(format!("part-{}.parquet", e.key))
    } else {
        version
            .join(table)
            .join(format!("run={}", e.run_id))
            .join(format!("part-{}.parquet", e.key))
    }
}

/// Moves the tables a run over file `e` wrote in `work` into `version`.
fn move_parts(work: &Path, version: &Path, e: &FileEntry) -> Result<()> {
    place_parts(
        version,
        e,
        |t| work.join(format!("{t}.parquet")),
        |a, b| std::fs::rename(a, b),
        "moving",
    )
}

/// Hard-links file `e`'s parts of the dataset version `from` into `version`.
fn link_parts(from: &Path, version: &Path, e: &FileEntry) -> Result<()> {
    place_parts(
        version,
        e,
        |t| part_path(from, t, e),
        |a, b| std::fs::hard_link(a, b),
        "linking",
    )
}

/// Puts each table's part of file `e` (where `source` says it is; a table
/// with none is passed over) in `version`, by `op`.
fn place_parts(
    version: &Path,
    e: &FileEntry,
    source: impl Fn(&str) -> PathBuf,
    op: fn(&Path, &Path) -> std::io::Result<()>,
    verb: &str,
) -> Result<()> {
    for table in crate::tables::TABLES {
        let from = source(table);
        if !from.exists() {
            continue;
        }
        let to = part_path(version, table, e);
        std::fs::create_dir_all(to.parent().expect("a part has a folder"))?;
        op(&from, &to).with_context(|| format!("{verb} {} to {}", from.display(), to.display()))?;
    }
    Ok(())
}

/// The run-level tables over every file's aggregate; returns their rows.
fn write_run_level(version: &Path) -> Result<BTreeMap<String, usize>> {
    let mut rows = BTreeMap::new();
    for table in RUN_LEVEL {
        let mut parts = Vec::new();
        if let Ok(entries) = std::fs::read_dir(version.join("_agg").join(table)) {
            for e in entries.flatten() {
                parts.push(read_parquet(&e.path())?);
            }
        }
        if parts.is_empty() {
            continue;
        }
        let mut df = if table == "country_mentions" {
            breakdown::combine_country_mentions(parts)?
        } else {
            breakdown::combine_run_breakdowns(parts)?
        };
        let p = version.join(table).join("part-0.parquet");
        std::fs::create_dir_all(p.parent().expect("a part has a folder"))?;
        let f = std::fs::File::create(&p).with_context(|| format!("creating {}", p.display()))?;
        write::parquet_writer(&f)
            .finish(&mut df)
            .with_context(|| format!("writing {}", p.display()))?;
        f.sync_all()?;
        rows.insert(table.to_string(), df.height());
    }
    Ok(rows)
}

fn write_synced(p: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(p, bytes).with_context(|| format!("writing {}", p.display()))?;
    std::fs::File::open(p)?.sync_all()?;
    Ok(())
}

/// Points `current` at the new version (a symlink renamed over the old one:
/// atomic), and makes the tables' symlinks at the top of the dataset.
fn commit(dir: &Path, run_id: &str) -> Result<()> {
    let m = meta(dir);
    let tmp = m.join(format!("current.{run_id}.tmp"));
    let _ = std::fs::remove_file(&tmp);
    std::os::unix::fs::symlink(Path::new("versions").join(run_id), &tmp)
        .with_context(|| format!("creating {}", tmp.display()))?;
    std::fs::File::open(m.join("versions"))?.sync_all()?;
    std::fs::rename(&tmp, m.join("current")).with_context(|| format!("committing {}", m.display()))?;
    std::fs::File::open(&m)?.sync_all()?;
    let mut names: Vec<&str> = crate::tables::TABLES.to_vec();
    names.push("ledger.jsonl");
    for name in names {
        let link = dir.join(name);
        if std::fs::symlink_metadata(&link).is_err() {
            std::os::unix::fs::symlink(Path::new("_paysage").join("current").join(name), &link)
                .with_context(|| format!("creating {}", link.display()))?;
        }
    }
    Ok(())
}

/// After a commit: the previous version's folder (its parts live on as
/// links). A failure is a warning: the run has succeeded.
fn remove_version_of(dir: &Path, previous: &State) -> Vec<String> {
    let Some(last) = previous.runs.last() else {
        return Vec::new();
    };
    let old = meta(dir).join("versions").join(&last.run_id);
    match std::fs::remove_dir_all(&old) {
        Ok(()) => Vec::new(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => vec![format!(
            "the previous version {} could not be removed: {e}",
            old.display()
        )],
    }
}

/// Versions that `current` does not point at: left by runs that failed or
/// were killed.
fn remove_unused_versions(dir: &Path) {
    let m = meta(dir);
    let current = std::fs::read_link(m.join("current")).ok();
    for e in std::fs::read_dir(m.join("versions"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let rel = Path::new("versions").join(e.file_name());
        if current.as_deref() != Some(rel.as_path()) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
    for e in std::fs::read_dir(&m).into_iter().flatten().flatten() {
        if e.file_name().to_string_lossy().ends_with(".tmp") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
