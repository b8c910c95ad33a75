//! Breakdowns with polars: members per article by group membership (one
//! dimension per group: member on the date or not) and by UN M49 region and
//! sub-region; the same over the whole run; and mentions per country.

use polars::prelude::*;

/// The dimensions read from the `members` table itself.
pub const REGION_DIMENSIONS: [&str; 2] = ["m49_region", "m49_subregion"];

/// The breakdown dimension of a group: `eu_member`, `nato_member`, ...
pub fn group_dimension(group: &str) -> String {
    format!("{}_member", group.to_lowercase())
}

/// Per article and dimension: how many members have each value, and their share.
///
/// `values` has one row per member and dimension: `order` (the article's
/// place in the batch), `article_id`, `dimension`, `value` and
/// `article_members` (the article's number of members, which every
/// dimension divides among its values).
pub fn breakdown(values: DataFrame) -> PolarsResult<DataFrame> {
    values
        .lazy()
        .group_by([col("order"), col("article_id"), col("dimension"), col("value")])
        .agg([
            len().cast(DataType::Int64).alias("members"),
            col("article_members").first(),
        ])
        // Articles in input order (as in every other table), then dimension and value.
        .sort(
            ["order", "dimension", "value"],
            SortMultipleOptions::default().with_nulls_last(true),
        )
        .select([
            col("article_id"),
            col("dimension"),
            col("value"),
            col("members"),
            (col("members").cast(DataType::Float64) / col("article_members").cast(DataType::Float64))
                .alias("share"),
        ])
        .collect()
}

/// The run-level table: the per-article breakdown summed over every article
/// (a country that is a member in two articles counts twice).
pub fn run_breakdown(breakdown: &DataFrame) -> PolarsResult<DataFrame> {
    run_shares(
        breakdown
            .clone()
            .lazy()
            .group_by([col("dimension"), col("value")])
            .agg([
                col("members").sum().alias("members"),
                col("article_id")
                    .n_unique()
                    .cast(DataType::Int64)
                    .alias("articles"),
            ]),
    )
}

/// Over the whole run: for each country, its mentions and the articles that
/// mention it (country mentions only: groups and ambiguous names are not counted).
pub fn country_mentions(mentions: &DataFrame) -> PolarsResult<DataFrame> {
    mentions
        .clone()
        .lazy()
        .filter(col("kind").eq(lit("country")))
        .group_by([col("iso3")])
        .agg([
            len().cast(DataType::Int64).alias("mentions"),
            col("article_id")
                .n_unique()
                .cast(DataType::Int64)
                .alias("articles"),
        ])
        .sort(
            ["mentions", "iso3"],
            SortMultipleOptions::default().with_order_descending_multi([true, false]),
        )
        .collect()
}

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
