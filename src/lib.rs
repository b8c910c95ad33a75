//! paysage: countries named in news articles, as clean, dated country data.
//!
//! The job reads articles and reference data ([`ingest`], [`reference`]),
//! folds the text ([`normalize`]), finds country and group names
//! ([`extract`]), resolves members as of a date and checks the counts the
//! article states ([`resolve`]), computes breakdowns with polars
//! ([`breakdown`]) and writes every table as Parquet and CSV ([`tables`],
//! [`write`]). File I/O stays at the two ends; the stages between are data in,
//! data out.

pub mod breakdown;
pub mod extract;
pub mod ingest;
pub mod lookup;
pub mod normalize;
pub mod reference;
pub mod resolve;
pub mod tables;
pub mod write;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use ingest::ArticleSource;
use std::path::PathBuf;

/// Version of the output schema: bumped when a table or column changes
/// meaning, is renamed or removed (adding a table or column does not).
pub const SCHEMA_VERSION: u32 = 1;

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

/// Runs the whole job: read, extract, resolve, break down, write.
pub fn run(config: &RunConfig) -> Result<RunSummary> {
    let started = chrono::Utc::now();
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

    // Articles are independent: scan them on every core; `collect` keeps input order.
    use rayon::prelude::*;
    let processed: Vec<tables::Processed> = ingested
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
        .collect();
    let mut built = tables::build(&processed, &ingested.rejects, &reference)?;

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
    };
    let inputs: Vec<serde_json::Value> = reference
        .files
        .iter()
        .chain(&ingested.files)
        .map(|f| serde_json::json!({"path": f.path.display().to_string(), "bytes": f.bytes, "sha256": f.sha256}))
        .collect();
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
        "as_of": match config.as_of { Some(d) => d.to_string(), None => "article date".to_string() },
        "inputs": inputs,
        "tables": rows,
        "articles": summary.articles,
        "rejected_articles": summary.rejects.len(),
        "exit_status": if summary.rejects.is_empty() { 0 } else { 3 },
    });
    write::write_outputs(&config.output, &mut built, &manifest)?;
    Ok(summary)
}
