//! The output tables as polars DataFrames: the per-article tables from their
//! rows ([`crate::rows`], defined once), converted column by column, and the
//! run-level tables computed from them with polars ([`crate::breakdown`]).

use crate::ingest::Reject;
use crate::reference::Reference;
use crate::rows::{group_dimension, ArticleTables, ColumnData, Table};
use chrono::NaiveDate;
use polars::prelude::*;

pub use crate::rows::Processed;

/// The names of the tables, in the order they are written.
pub const TABLES: [&str; 9] = [
    "articles",
    "mentions",
    "sets",
    "members",
    "memberships",
    "breakdown",
    "run_breakdown",
    "country_mentions",
    "rejects",
];

/// A table of rows as a DataFrame: one Series a column, of its type.
pub fn to_dataframe(table: Table<'_>) -> PolarsResult<DataFrame> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let columns = table
        .columns
        .into_iter()
        .map(|c| {
            let name = c.name.into();
            let s = match c.data {
                ColumnData::Str(v) => {
                    StringChunked::from_iter_options(name, v.iter().map(|s| s.as_deref())).into_series()
                }
                ColumnData::Int(v) => Series::new(name, v),
                ColumnData::Float(v) => Series::new(name, v),
                ColumnData::Bool(v) => Series::new(name, v),
                ColumnData::Date(v) => {
                    let days: Vec<Option<i32>> = v
                        .into_iter()
                        .map(|d| d.map(|d| (d - epoch).num_days() as i32))
                        .collect();
                    Series::new(name, days).cast(&DataType::Date)?
                }
            };
            Ok(s.into())
        })
        .collect::<PolarsResult<Vec<Column>>>()?;
    DataFrame::new_infer_height(columns)
}

/// Builds every table, in [`TABLES`] order; `groups` are the groups whose
/// memberships are broken down (`--groups`).
pub fn build(
    processed: &[Processed],
    rejects: &[Reject],
    reference: &Reference,
    groups: &[String],
) -> PolarsResult<Vec<(&'static str, DataFrame)>> {
    use rayon::prelude::*;
    let dimensions: Vec<String> = groups.iter().map(|g| group_dimension(g)).collect();
    let rows = ArticleTables::build(processed, rejects, reference, groups, &dimensions);
    let run = to_dataframe(rows.run_breakdown())?;
    let countries = to_dataframe(rows.country_mentions())?;
    let mut frames = rows
        .into_tables()
        .into_par_iter()
        .map(|t| Ok((t.name, to_dataframe(t)?)))
        .collect::<PolarsResult<Vec<(&'static str, DataFrame)>>>()?;
    frames.push(("run_breakdown", run));
    frames.push(("country_mentions", countries));
    frames.sort_by_key(|(name, _)| TABLES.iter().position(|t| t == name));
    Ok(frames)
}
