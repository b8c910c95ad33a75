//! The manifest: what one run, shard, merge or dataset run was made from and
//! what it wrote. One type, written as `manifest.json` by `run` and `merge`,
//! read back by `--if-changed` and `merge`, and kept per run in a dataset's
//! ledger.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Version of the output schema: bumped when a table or column changes
/// meaning, is renamed or removed (adding a table or column does not).
pub const SCHEMA_VERSION: u32 = 2;

/// What made an output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A run over every article of its inputs.
    Run,
    /// A run over one shard (`--shard K/N`).
    Shard,
    /// `paysage merge` over shards.
    Merge,
    /// A run that added to a dataset (`--dataset`).
    Dataset,
}

/// An input file (reference or articles): its path, size and sha256.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Input {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

/// The settings that change a run's outputs: two runs with the same inputs
/// and the same settings write the same tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Settings {
    /// `article date`, or the `--as-of` date.
    pub as_of: String,
    /// The UTC date undated articles are read at (`--today`).
    pub today: String,
    /// `K/N` with `--shard`.
    pub shard: Option<String>,
    /// `id` or `file`: what `--shard` splits by.
    pub shard_by: Option<String>,
    /// The groups broken down, in order.
    pub groups: Vec<String>,
    /// CSV and Parquet article files: the id and text columns.
    pub id_column: String,
    pub text_column: String,
}

/// `manifest.json`. Its settings are flattened into the top level
/// (`as_of`, `today`, `shard`, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub version: String,
    pub schema_version: u32,
    pub kind: Kind,
    /// `YYYYMMDDTHHMMSSZ-<pid>`: unique per run, sorts by start time.
    pub run_id: String,
    pub started_at: String,
    pub finished_at: String,
    pub wall_seconds: f64,
    #[serde(flatten)]
    pub settings: Settings,
    /// Reference and article files, in path order.
    pub inputs: Vec<Input>,
    /// Rows per table.
    pub tables: BTreeMap<String, usize>,
    pub articles: usize,
    /// Articles left to the other shards.
    pub other_shards: usize,
    /// Dataset runs: articles skipped because the dataset holds their id.
    #[serde(default)]
    pub already_in_dataset: usize,
    pub rejected_articles: usize,
    /// The first 1,000 rejects, as `file:line (article id): reason`.
    pub rejects: Vec<String>,
    /// The exit status the run ended with (0, or 3 with rejects).
    pub exit_status: u8,
    /// `merge`: the shards' folders, and their manifests' run ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<String>,
}

impl Manifest {
    /// A manifest for a run starting now, with this version's names.
    pub fn start(kind: Kind, settings: Settings) -> Manifest {
        let now = chrono::Utc::now();
        Manifest {
            tool: "paysage".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            schema_version: SCHEMA_VERSION,
            kind,
            run_id: format!("{}-{}", now.format("%Y%m%dT%H%M%S%.3fZ"), std::process::id()),
            started_at: now.to_rfc3339(),
            finished_at: String::new(),
            wall_seconds: 0.0,
            settings,
            inputs: Vec::new(),
            tables: BTreeMap::new(),
            articles: 0,
            other_shards: 0,
            already_in_dataset: 0,
            rejected_articles: 0,
            rejects: Vec::new(),
            exit_status: 0,
            merged_from: Vec::new(),
        }
    }

    /// Reads `dir/manifest.json`.
    pub fn read(dir: &Path) -> anyhow::Result<Manifest> {
        use anyhow::Context;
        let p = dir.join("manifest.json");
        let bytes = std::fs::read(&p).with_context(|| format!("reading {}", p.display()))?;
        serde_json::from_slice(&bytes).with_context(|| format!("{}: not a paysage manifest", p.display()))
    }

    /// Whether a run of this version with these settings and inputs would
    /// write what this manifest describes (`--if-changed`).
    pub fn same_run(&self, settings: &Settings, inputs: &[Input]) -> bool {
        self.version == env!("CARGO_PKG_VERSION")
            && self.schema_version == SCHEMA_VERSION
            && &self.settings == settings
            && self.inputs == inputs
    }
}

/// Input files for the manifest, in path order, each once (the reader's
/// order depends on when it finishes each file).
pub fn inputs(files: &[crate::reference::InputFile]) -> Vec<Input> {
    let mut v: Vec<Input> = files
        .iter()
        .map(|f| Input {
            path: f.path.display().to_string(),
            bytes: f.bytes,
            sha256: f.sha256.clone(),
        })
        .collect();
    v.sort();
    v.dedup_by(|a, b| a.path == b.path);
    v
}
