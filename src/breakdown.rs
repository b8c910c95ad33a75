//! Run-level tables with polars: the per-set breakdowns summed over the whole
//! run (a batch's counts come with its rows, [`crate::rows`]; a country that
//! is a member in two articles, or in two top-level sets of one article,
//! counts twice), and mentions per country; both combined from per-batch
//! parts so that memory stays flat.

use polars::prelude::*;

/// Combines per-batch `country_mentions` tables into the run's (an article
/// is never split across batches, so article counts add up).
pub fn combine_country_mentions(parts: Vec<DataFrame>) -> PolarsResult<DataFrame> {
    stack(parts)?
        .group_by([col("iso3")])
        .agg([col("mentions").sum(), col("articles").sum()])
        .sort(
            ["mentions", "iso3"],
            SortMultipleOptions::default().with_order_descending_multi([true, false]),
        )
        .collect()
}

/// Combines per-batch `run_breakdown` tables into the run's, with the shares
/// computed again over the whole run.
pub fn combine_run_breakdowns(parts: Vec<DataFrame>) -> PolarsResult<DataFrame> {
    run_shares(
        stack(parts)?
            .group_by([col("dimension"), col("value")])
            .agg([col("members").sum(), col("articles").sum()]),
    )
}

/// The parts, one under the other, as one lazy frame.
fn stack(parts: Vec<DataFrame>) -> PolarsResult<LazyFrame> {
    let lazy: Vec<LazyFrame> = parts.into_iter().map(IntoLazy::lazy).collect();
    concat(lazy, UnionArgs::default())
}

/// Each value's share of its dimension over the run, in the columns and
/// order of the `run_breakdown` table.
fn run_shares(counts: LazyFrame) -> PolarsResult<DataFrame> {
    let total = col("members").sum().over([col("dimension")])?;
    counts
        .with_column((col("members").cast(DataType::Float64) / total.cast(DataType::Float64)).alias("share"))
        .select([
            col("dimension"),
            col("value"),
            col("members"),
            col("share"),
            col("articles"),
        ])
        .sort(
            ["dimension", "value"],
            SortMultipleOptions::default().with_nulls_last(true),
        )
        .collect()
}
