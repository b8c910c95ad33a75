//! paysage: countries named in news articles, as clean, dated country data.
//!
//! The job reads articles and reference data ([`ingest`], [`reference`]),
//! folds the text ([`normalize`]), finds country and group names
//! ([`extract`]), resolves the sets of countries the article describes as of
//! a date and checks the counts it states ([`resolve`]), builds each table's
//! rows ([`rows`]), computes the run-level breakdowns with polars
//! ([`breakdown`]) and writes every table as Parquet and CSV ([`tables`],
//! [`write`]). File I/O stays at the two ends; the stages between are data in,
//! data out.

pub mod analysis;
#[cfg(feature = "tables")]
pub mod breakdown;
#[cfg(feature = "tables")]
mod csv_rows;
#[cfg(feature = "tables")]
pub mod dataset;
pub mod extract;
pub mod ingest;
pub mod lookup;
pub mod manifest;
pub mod normalize;
#[cfg(feature = "tables")]
pub mod progress;
pub mod reference;
#[cfg(feature = "tables")]
pub mod report;
pub mod resolve;
pub mod rows;
#[cfg(feature = "tables")]
pub mod tables;
#[cfg(feature = "tables")]
pub mod write;

pub use analysis::{analyse, analyse_article, process};
#[cfg(feature = "tables")]
pub use job::{
    check_shards, default_articles, load_reference, merge, run, shard_of, MaxRejects, RunConfig, RunSummary,
};
pub use manifest::SCHEMA_VERSION;
pub use reference::{select_groups, UsageError};

#[cfg(feature = "tables")]
mod job;
