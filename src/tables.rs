//! The output tables as polars DataFrames: the per-article tables from their
//! rows ([`crate::rows`], defined once), converted column by column, and the
//! run-level tables computed from them with polars ([`crate::breakdown`]).

use crate::ingest::Reject;
use crate::reference::Reference;
use crate::rows::{ArticleTables, ColumnData, Table};
use chrono::NaiveDate;
use polars::prelude::*;
use std::borrow::Cow;

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
pub fn to_dataframe(table: &Table<'_>) -> PolarsResult<DataFrame> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let columns = table
        .columns
        .iter()
        .map(|c| {
            let name = c.name.into();
            let s = match &c.data {
                ColumnData::Str(v) => {
                    StringChunked::from_iter_options(name, v.iter().map(|s| s.as_deref())).into_series()
                }
                ColumnData::Int(v) => Series::new(name, v),
                ColumnData::Float(v) => Series::new(name, v),
                ColumnData::Bool(v) => Series::new(name, v),
                ColumnData::Date(v) => {
                    let days: Vec<Option<i32>> = v
                        .iter()
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

/// One per-article table of a batch: its rows (written as CSV from there)
/// and the same rows as a DataFrame (Parquet, the report).
pub struct Frame<'a> {
    pub name: &'static str,
    pub rows: Table<'a>,
    pub df: DataFrame,
}

/// A batch's tables: the per-article ones in [`TABLES`] order, and the
/// batch's share of the run-level ones.
pub struct Built<'a> {
    pub tables: Vec<Frame<'a>>,
    pub run_breakdown: DataFrame,
    pub country_mentions: DataFrame,
}

/// Builds a batch's tables; `groups` are the groups whose memberships are
/// broken down (`--groups`), `dimensions` their breakdown dimensions
/// ([`crate::rows::group_dimension`]); `run_id`, when set, is a last column
/// of every per-article table.
pub fn build<'a>(
    processed: &'a [Processed],
    rejects: &'a [Reject],
    reference: &'a Reference,
    groups: &'a [String],
    dimensions: &'a [String],
    run_id: Option<&'a str>,
) -> PolarsResult<Built<'a>> {
    use rayon::prelude::*;
    let rows = ArticleTables::build(processed, rejects, reference, groups, dimensions);
    let run_breakdown = to_dataframe(&rows.run_breakdown())?;
    let country_mentions = to_dataframe(&rows.country_mentions())?;
    let mut tables = rows.into_tables();
    if let Some(id) = run_id {
        for t in &mut tables {
            let height = t.height();
            t.columns.push(crate::rows::Column {
                name: "run_id",
                data: ColumnData::Str(vec![Some(Cow::Borrowed(id)); height]),
            });
        }
    }
    let mut tables = tables
        .into_par_iter()
        .map(|rows| {
            let df = to_dataframe(&rows)?;
            Ok(Frame {
                name: rows.name,
                rows,
                df,
            })
        })
        .collect::<PolarsResult<Vec<Frame<'a>>>>()?;
    tables.sort_by_key(|f| TABLES.iter().position(|t| *t == f.name));
    Ok(Built {
        tables,
        run_breakdown,
        country_mentions,
    })
}
