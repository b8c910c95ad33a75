//! paysage: countries named in news articles, as clean, dated country data.
//!
//! The job reads articles and reference data ([`ingest`], [`reference`]),
//! folds the text ([`normalize`]), finds country and group names
//! ([`extract`]), resolves members as of a date and checks the counts the
//! article states ([`resolve`]), computes breakdowns with polars
//! ([`breakdown`]) and writes every table as Parquet and CSV ([`tables`],
//! [`write`]). File I/O stays at the two ends; the stages between are data in,
//! data out.

#[cfg(feature = "tables")]
pub mod breakdown;
pub mod extract;
pub mod ingest;
pub mod lookup;
pub mod normalize;
pub mod reference;
#[cfg(feature = "tables")]
pub mod report;
pub mod resolve;
#[cfg(feature = "tables")]
pub mod tables;
#[cfg(feature = "tables")]
pub mod write;

use chrono::NaiveDate;
#[cfg(feature = "tables")]
pub use job::{run, RunConfig, RunSummary};

/// Version of the output schema: bumped when a table or column changes
/// meaning, is renamed or removed (adding a table or column does not).
pub const SCHEMA_VERSION: u32 = 1;

/// A command-line mistake found only once the reference data is loaded
/// (an unknown group): the binary exits 2 on it.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The group codes `wanted` names (any case), checked against the reference;
/// every group when `None`.
pub fn select_groups(
    reference: &reference::Reference,
    wanted: Option<&[String]>,
) -> anyhow::Result<Vec<String>> {
    let Some(wanted) = wanted else {
        return Ok(reference.groups.clone());
    };
    let mut out = Vec::new();
    for w in wanted {
        match reference.groups.iter().find(|g| g.eq_ignore_ascii_case(w.trim())) {
            Some(g) if !out.contains(g) => out.push(g.clone()),
            Some(_) => {}
            None => {
                return Err(UsageError(format!(
                    "unknown group `{w}` (known: {})",
                    reference.groups.join(", ").to_lowercase()
                ))
                .into())
            }
        }
    }
    Ok(out)
}

/// One article through the pure stages: fold and match, then settle
/// ambiguous names by context, resolve members and check claims.
pub fn analyse(
    text: &str,
    lang: &str,
    date: Option<NaiveDate>,
    matcher: &extract::Matcher,
    reference: &reference::Reference,
) -> (Vec<extract::Mention>, resolve::Resolution) {
    let (mut mentions, folded) = matcher.extract(text, lang);
    let resolution = resolve::resolve(text, &folded, &mut mentions, lang, date, reference);
    (mentions, resolution)
}

#[cfg(feature = "tables")]
mod job {
    //! The job: I/O at the two ends, the pure stages between.
    use super::*;
    use anyhow::{Context, Result};
    use ingest::ArticleSource;
    use std::path::PathBuf;

    /// A validated run configuration (no stage sees a command-line type).
    #[derive(Debug, Clone)]
    pub struct RunConfig {
        /// Reference data folder (countries.csv, groups.csv, grammar.csv, names/).
        pub input: PathBuf,
        /// Where articles come from; empty means `<input>/articles`.
        pub articles: Vec<ArticleSource>,
        pub output: PathBuf,
        /// Read every membership at this date instead of each article's own.
        pub as_of: Option<NaiveDate>,
        /// Any rejected article fails the run (nothing is written).
        pub strict: bool,
        /// Skip the run when every input's hash matches the last manifest.
        pub if_changed: bool,
        /// Worker threads for the scan (`None`: one per core).
        pub threads: Option<usize>,
        /// Groups broken down (`None`: every shipped group); codes, any case.
        pub groups: Option<Vec<String>>,
    }

    /// What a run did, for the summary line and the exit code.
    #[derive(Debug, Clone)]
    pub struct RunSummary {
        pub articles: usize,
        pub rejects: Vec<ingest::Reject>,
        pub mentions: usize,
        pub members: usize,
        pub claims: usize,
        pub inconsistent_claims: usize,
        /// True when `--if-changed` found nothing new and wrote nothing.
        pub unchanged: bool,
    }

    /// Runs the whole job: read, extract, resolve, break down, write.
    pub fn run(config: &RunConfig) -> Result<RunSummary> {
        let started = chrono::Utc::now();
        let clock = std::time::Instant::now();
        let _lock = write::OutputLock::acquire(&config.output)?;
        let reference = reference::Reference::load(&config.input)
            .context("reference data is invalid; nothing was written")?;
        let matcher = extract::Matcher::new(&reference).context("building the name matcher")?;
        let sources = if config.articles.is_empty() {
            vec![ArticleSource::Path(config.input.join("articles"))]
        } else {
            config.articles.clone()
        };
        let ingested = ingest::read_sources(&sources)?;
        let inputs: Vec<serde_json::Value> = reference
        .files
        .iter()
        .chain(&ingested.files)
        .map(|f| serde_json::json!({"path": f.path.display().to_string(), "bytes": f.bytes, "sha256": f.sha256}))
        .collect();
        let as_of = match config.as_of {
            Some(d) => d.to_string(),
            None => "article date".to_string(),
        };
        let from_stdin = sources.contains(&ArticleSource::Stdin);
        if config.if_changed
            && !from_stdin
            && write::unchanged_since_last_run(&config.output, &inputs, &as_of)
        {
            return Ok(RunSummary {
                articles: 0,
                rejects: Vec::new(),
                mentions: 0,
                members: 0,
                claims: 0,
                inconsistent_claims: 0,
                unchanged: true,
            });
        }
        if config.strict && !ingested.rejects.is_empty() {
            let list: Vec<String> = ingested
                .rejects
                .iter()
                .take(20)
                .map(ingest::Reject::describe)
                .collect();
            anyhow::bail!(
                "{} articles rejected and --strict is set; nothing was written:\n  {}",
                ingested.rejects.len(),
                list.join("\n  ")
            );
        }

        // Articles are independent: scan them on every core (or --threads);
        // `collect` keeps input order, so the output is the same whatever the count.
        use rayon::prelude::*;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.threads.unwrap_or(0))
            .build()
            .context("starting the worker threads")?;
        let processed: Vec<tables::Processed> = pool.install(|| {
            ingested
                .articles
                .par_iter()
                .map(|a| {
                    let date = config.as_of.or(a.date);
                    let (mentions, resolution) = analyse(&a.text, &a.lang, date, &matcher, &reference);
                    tables::Processed {
                        article: a,
                        date,
                        mentions,
                        resolution,
                    }
                })
                .collect()
        });
        let groups = select_groups(&reference, config.groups.as_deref())?;
        let mut built = tables::build(&processed, &ingested.rejects, &reference, &groups)?;

        let summary = RunSummary {
            articles: processed.len(),
            rejects: ingested.rejects.clone(),
            mentions: processed.iter().map(|p| p.mentions.len()).sum(),
            members: processed.iter().map(|p| p.resolution.members.len()).sum(),
            claims: processed.iter().map(|p| p.resolution.claims.len()).sum(),
            inconsistent_claims: processed
                .iter()
                .flat_map(|p| &p.resolution.claims)
                .filter(|c| c.status == resolve::ClaimStatus::Inconsistent)
                .count(),
            unchanged: false,
        };
        let rows: serde_json::Map<String, serde_json::Value> = built
            .iter()
            .map(|(name, df)| (name.to_string(), serde_json::json!(df.height())))
            .collect();
        let manifest = serde_json::json!({
            "tool": "paysage",
            "version": env!("CARGO_PKG_VERSION"),
            "schema_version": SCHEMA_VERSION,
            "started_at": started.to_rfc3339(),
            "finished_at": chrono::Utc::now().to_rfc3339(),
            "wall_seconds": clock.elapsed().as_secs_f64(),
            "as_of": as_of,
            "inputs": inputs,
            "tables": rows,
            "articles": summary.articles,
            "rejected_articles": summary.rejects.len(),
            "rejects": summary.rejects.iter().take(1000).map(ingest::Reject::describe).collect::<Vec<_>>(),
            "exit_status": if summary.rejects.is_empty() { 0 } else { 3 },
        });
        write::write_outputs(&config.output, &mut built, &manifest)?;
        Ok(summary)
    }
}
