//! Breakdowns with polars: members per article by group membership and by
//! UN M49 region and sub-region, and mentions per country over the run.

use polars::prelude::*;

/// The dimensions every article's members are broken down by.
pub const DIMENSIONS: [&str; 3] = ["eu_member", "m49_region", "m49_subregion"];

/// Per article and dimension: how many members have each value, and their share.
///
/// `members` has the columns of the `members` table.
pub fn breakdown(members: &DataFrame) -> PolarsResult<DataFrame> {
    let parts: Vec<LazyFrame> = DIMENSIONS
        .iter()
        .map(|d| {
            members
                .clone()
                .lazy()
                .group_by([col("article_id"), col(*d).cast(DataType::String).alias("value")])
                .agg([len().cast(DataType::Int64).alias("members")])
                .with_column(lit(*d).alias("dimension"))
        })
        .collect();
    let total = col("members").sum().over([col("article_id"), col("dimension")])?;
    concat(parts, UnionArgs::default())?
        .with_column((col("members").cast(DataType::Float64) / total.cast(DataType::Float64)).alias("share"))
        .select([
            col("article_id"),
            col("dimension"),
            col("value"),
            col("members"),
            col("share"),
        ])
        .sort(
            ["article_id", "dimension", "value"],
            SortMultipleOptions::default().with_nulls_last(true),
        )
        .collect()
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
