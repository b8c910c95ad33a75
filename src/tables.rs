//! The output tables as polars DataFrames, built from what the stages found.
//! Column names and types here are the schema documented in the README.

use crate::breakdown::{breakdown, country_mentions, group_dimension, run_breakdown, REGION_DIMENSIONS};
use crate::extract::{Mention, MentionKind};
use crate::ingest::{Article, Reject};
use crate::reference::Reference;
use crate::resolve::{Resolution, Subject};
use chrono::NaiveDate;
use polars::prelude::*;

/// One article after extraction and resolution.
pub struct Processed {
    pub article: Article,
    /// The text's length in chars (code points), counted with the scan.
    pub text_chars: usize,
    /// The date memberships were read at (`--as-of` or the article's date).
    pub date: Option<NaiveDate>,
    pub mentions: Vec<Mention>,
    pub resolution: Resolution,
}

/// The names of the tables, in the order they are written.
pub const TABLES: [&str; 9] = [
    "articles",
    "mentions",
    "members",
    "memberships",
    "breakdown",
    "run_breakdown",
    "claims",
    "country_mentions",
    "rejects",
];

fn date_column(name: &str, dates: Vec<Option<NaiveDate>>) -> PolarsResult<Column> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let days: Vec<Option<i32>> = dates
        .into_iter()
        .map(|d| d.map(|d| (d - epoch).num_days() as i32))
        .collect();
    Ok(Series::new(name.into(), days).cast(&DataType::Date)?.into())
}

fn col<T, V>(name: &str, v: V) -> Column
where
    Series: NamedFrom<V, T>,
    T: ?Sized,
{
    Series::new(name.into(), v).into()
}

fn join(codes: &[String]) -> Option<String> {
    (!codes.is_empty()).then(|| codes.join(";"))
}

/// article_id, iso3, group, member on the date, suspended on the date.
type MembershipRow<'a> = (&'a str, &'a str, &'a str, Option<bool>, Option<bool>);

/// Builds every table, in [`TABLES`] order; `groups` are the groups whose
/// memberships are broken down (`--groups`).
pub fn build(
    processed: &[Processed],
    rejects: &[Reject],
    reference: &Reference,
    groups: &[String],
) -> PolarsResult<Vec<(&'static str, DataFrame)>> {
    // Two halves on two cores: the articles' and mentions' tables, and the
    // members' tables with their breakdowns (each half builds in order).
    let (a, b) = rayon::join(
        || -> PolarsResult<_> {
            let articles = articles_table(processed)?;
            let mentions = mentions_table(processed, reference)?;
            let country_mentions = country_mentions(&mentions)?;
            Ok((articles, mentions, country_mentions))
        },
        || -> PolarsResult<_> {
            let (members, memberships, values) = member_tables(processed, reference, groups)?;
            let breakdown = breakdown(values)?;
            let run_breakdown = run_breakdown(&breakdown)?;
            let claims = claims_table(processed)?;
            Ok((
                members,
                memberships,
                breakdown,
                run_breakdown,
                claims,
                rejects_table(rejects)?,
            ))
        },
    );
    let (articles, mentions, country_mentions) = a?;
    let (members, memberships, breakdown, run_breakdown, claims, rejects) = b?;
    Ok(vec![
        ("articles", articles),
        ("mentions", mentions),
        ("members", members),
        ("memberships", memberships),
        ("breakdown", breakdown),
        ("run_breakdown", run_breakdown),
        ("claims", claims),
        ("country_mentions", country_mentions),
        ("rejects", rejects),
    ])
}

/// `articles`: one row per article.
fn articles_table(processed: &[Processed]) -> PolarsResult<DataFrame> {
    let articles = DataFrame::new_infer_height(vec![
        col(
            "article_id",
            processed
                .iter()
                .map(|p| p.article.id.as_str())
                .collect::<Vec<_>>(),
        ),
        date_column("date", processed.iter().map(|p| p.article.date).collect())?,
        col(
            "lang",
            processed
                .iter()
                .map(|p| p.article.lang.as_str())
                .collect::<Vec<_>>(),
        ),
        col(
            "lang_detected",
            processed
                .iter()
                .map(|p| p.article.lang_detected)
                .collect::<Vec<_>>(),
        ),
        col(
            "source",
            processed
                .iter()
                .map(|p| p.article.source.as_str())
                .collect::<Vec<_>>(),
        ),
        col(
            "title",
            processed
                .iter()
                .map(|p| p.article.title.as_str())
                .collect::<Vec<_>>(),
        ),
        col(
            "chars",
            processed.iter().map(|p| p.text_chars as i64).collect::<Vec<_>>(),
        ),
        col(
            "mentions",
            processed
                .iter()
                .map(|p| p.mentions.len() as i64)
                .collect::<Vec<_>>(),
        ),
        col(
            "members",
            processed
                .iter()
                .map(|p| p.resolution.members.len() as i64)
                .collect::<Vec<_>>(),
        ),
    ])?;

    Ok(articles)
}

/// `mentions`: one row per name found.
fn mentions_table(processed: &[Processed], reference: &Reference) -> PolarsResult<DataFrame> {
    let ms: Vec<(&str, &Mention)> = processed
        .iter()
        .flat_map(|p| p.mentions.iter().map(move |m| (p.article.id.as_str(), m)))
        .collect();
    let country_code = |m: &Mention, f: fn(&crate::reference::Country) -> &str| -> Option<String> {
        (m.kind == MentionKind::Country)
            .then(|| reference.country(&m.codes[0]).map(|c| f(c).to_string()))
            .flatten()
    };
    let mentions = DataFrame::new_infer_height(vec![
        col("article_id", ms.iter().map(|(a, _)| *a).collect::<Vec<_>>()),
        col(
            "start",
            ms.iter().map(|(_, m)| m.start as i64).collect::<Vec<_>>(),
        ),
        col("end", ms.iter().map(|(_, m)| m.end as i64).collect::<Vec<_>>()),
        col(
            "surface",
            ms.iter().map(|(_, m)| m.surface.as_str()).collect::<Vec<_>>(),
        ),
        col(
            "kind",
            ms.iter().map(|(_, m)| m.kind.as_str()).collect::<Vec<_>>(),
        ),
        col(
            "iso3",
            ms.iter()
                .map(|(_, m)| country_code(m, |c| &c.alpha3))
                .collect::<Vec<_>>(),
        ),
        col(
            "iso2",
            ms.iter()
                .map(|(_, m)| country_code(m, |c| &c.alpha2))
                .collect::<Vec<_>>(),
        ),
        col(
            "group",
            ms.iter()
                .map(|(_, m)| (m.kind == MentionKind::Group).then(|| m.codes[0].clone()))
                .collect::<Vec<_>>(),
        ),
        col(
            "candidates",
            ms.iter()
                .map(|(_, m)| match m.kind {
                    MentionKind::Ambiguous => join(&m.codes),
                    _ => join(&m.settled_from),
                })
                .collect::<Vec<_>>(),
        ),
        col(
            "former_code",
            ms.iter()
                .map(|(_, m)| {
                    (m.kind == MentionKind::Historical)
                        .then(|| {
                            reference
                                .historical(&m.codes[0])
                                .and_then(|h| h.iso3166_3.clone())
                        })
                        .flatten()
                })
                .collect::<Vec<_>>(),
        ),
        col(
            "related_iso3",
            ms.iter()
                .map(|(_, m)| match m.kind {
                    MentionKind::Organisation => Some(m.codes[0].clone()),
                    MentionKind::Historical => reference
                        .historical(&m.codes[0])
                        .filter(|h| h.successors.len() == 1)
                        .map(|h| h.successors[0].clone()),
                    _ => None,
                })
                .collect::<Vec<_>>(),
        ),
        col(
            "iso3166_1",
            ms.iter()
                .map(|(_, m)| {
                    (m.kind == MentionKind::Country)
                        .then(|| reference.country(&m.codes[0]).map(|c| c.iso))
                        .flatten()
                })
                .collect::<Vec<_>>(),
        ),
    ])?;

    Ok(mentions)
}

/// `members` (one row per member of an article), `memberships` (one row per
/// member and group) and the values the breakdown counts (one row per member
/// and dimension).
fn member_tables(
    processed: &[Processed],
    reference: &Reference,
    groups: &[String],
) -> PolarsResult<(DataFrame, DataFrame, DataFrame)> {
    // (article's place in the batch, its number of members), per member row.
    let mut mem_order: Vec<(u32, u32)> = Vec::new();
    let mut mem_rows = Vec::new();
    for (i, p) in processed.iter().enumerate() {
        let first = mem_rows.len();
        for m in &p.resolution.members {
            if let Some(c) = reference.country(&m.iso3) {
                mem_rows.push((p, m, c));
            }
        }
        let n = (mem_rows.len() - first) as u32;
        mem_order.extend(std::iter::repeat_n((i as u32, n), mem_rows.len() - first));
    }
    let members = DataFrame::new_infer_height(vec![
        col(
            "article_id",
            mem_rows
                .iter()
                .map(|(p, _, _)| p.article.id.as_str())
                .collect::<Vec<_>>(),
        ),
        col(
            "iso3",
            mem_rows
                .iter()
                .map(|(_, _, c)| c.alpha3.as_str())
                .collect::<Vec<_>>(),
        ),
        col(
            "iso2",
            mem_rows
                .iter()
                .map(|(_, _, c)| c.alpha2.as_str())
                .collect::<Vec<_>>(),
        ),
        col(
            "iso_numeric",
            mem_rows
                .iter()
                .map(|(_, _, c)| c.numeric.as_str())
                .collect::<Vec<_>>(),
        ),
        col(
            "name_en",
            mem_rows
                .iter()
                .map(|(_, _, c)| c.name_en.as_str())
                .collect::<Vec<_>>(),
        ),
        col(
            "name_fr",
            mem_rows
                .iter()
                .map(|(_, _, c)| c.name_fr.as_str())
                .collect::<Vec<_>>(),
        ),
        col(
            "basis",
            mem_rows
                .iter()
                .map(|(_, m, _)| m.basis.iter().cloned().collect::<Vec<_>>().join(";"))
                .collect::<Vec<_>>(),
        ),
        col(
            "eu_member",
            mem_rows
                .iter()
                .map(|(p, _, c)| p.date.map(|d| reference.is_member("EU", &c.alpha3, d)))
                .collect::<Vec<_>>(),
        ),
        col(
            "m49_region",
            mem_rows
                .iter()
                .map(|(_, _, c)| Some(c.m49_region.as_str()).filter(|s| !s.is_empty()))
                .collect::<Vec<_>>(),
        ),
        col(
            "m49_subregion",
            mem_rows
                .iter()
                .map(|(_, _, c)| Some(c.m49_subregion.as_str()).filter(|s| !s.is_empty()))
                .collect::<Vec<_>>(),
        ),
        col(
            "iso3166_1",
            mem_rows.iter().map(|(_, _, c)| c.iso).collect::<Vec<_>>(),
        ),
    ])?;

    // One row per member and chosen group: member on the date or not. And
    // every member once per dimension of the breakdown: its region,
    // sub-region, and whether it is a member of each group on the date, as
    // (article's place in the batch, its number of members, dimension, value).
    let dimensions: Vec<String> = groups.iter().map(|g| group_dimension(g)).collect();
    let mut ms_rows: Vec<MembershipRow> = Vec::new();
    let mut values: Vec<(u32, u32, &str, Option<&str>)> = Vec::new();
    for ((p, _, c), &(order, n)) in mem_rows.iter().zip(&mem_order) {
        for (dimension, value) in REGION_DIMENSIONS.iter().zip([&c.m49_region, &c.m49_subregion]) {
            values.push((
                order,
                n,
                dimension,
                Some(value.as_str()).filter(|v| !v.is_empty()),
            ));
        }
        for (g, dimension) in groups.iter().zip(&dimensions) {
            let member = p.date.map(|d| reference.is_member(g, &c.alpha3, d));
            let suspended = p.date.map(|d| reference.is_suspended(g, &c.alpha3, d));
            ms_rows.push((
                p.article.id.as_str(),
                c.alpha3.as_str(),
                g.as_str(),
                member,
                suspended,
            ));
            values.push((
                order,
                n,
                dimension,
                member.map(|b| if b { "true" } else { "false" }),
            ));
        }
    }
    let memberships = DataFrame::new_infer_height(vec![
        col("article_id", ms_rows.iter().map(|r| r.0).collect::<Vec<_>>()),
        col("iso3", ms_rows.iter().map(|r| r.1).collect::<Vec<_>>()),
        col("group", ms_rows.iter().map(|r| r.2).collect::<Vec<_>>()),
        col("member", ms_rows.iter().map(|r| r.3).collect::<Vec<_>>()),
        col("suspended", ms_rows.iter().map(|r| r.4).collect::<Vec<_>>()),
    ])?;
    let values = DataFrame::new_infer_height(vec![
        col("order", values.iter().map(|v| v.0).collect::<Vec<_>>()),
        col(
            "article_id",
            values
                .iter()
                .map(|v| processed[v.0 as usize].article.id.as_str())
                .collect::<Vec<_>>(),
        ),
        col("dimension", values.iter().map(|v| v.2).collect::<Vec<_>>()),
        col("value", values.iter().map(|v| v.3).collect::<Vec<_>>()),
        col("article_members", values.iter().map(|v| v.1).collect::<Vec<_>>()),
    ])?;

    Ok((members, memberships, values))
}

/// `claims`: one row per count an article states.
fn claims_table(processed: &[Processed]) -> PolarsResult<DataFrame> {
    let cl: Vec<(&str, &crate::resolve::Claim)> = processed
        .iter()
        .flat_map(|p| {
            p.resolution
                .claims
                .iter()
                .map(move |c| (p.article.id.as_str(), c))
        })
        .collect();
    let claims = DataFrame::new_infer_height(vec![
        col("article_id", cl.iter().map(|(a, _)| *a).collect::<Vec<_>>()),
        col(
            "start",
            cl.iter().map(|(_, c)| c.start as i64).collect::<Vec<_>>(),
        ),
        col(
            "quote",
            cl.iter().map(|(_, c)| c.quote.as_str()).collect::<Vec<_>>(),
        ),
        col(
            "subject",
            cl.iter()
                .map(|(_, c)| match &c.subject {
                    Subject::All => "members".to_string(),
                    Subject::Group(g) => format!("members in {g}"),
                    Subject::NotGroup(g) => format!("members not in {g}"),
                })
                .collect::<Vec<_>>(),
        ),
        col(
            "stated",
            cl.iter().map(|(_, c)| c.stated as i64).collect::<Vec<_>>(),
        ),
        col(
            "resolved",
            cl.iter()
                .map(|(_, c)| c.resolved.map(|r| r as i64))
                .collect::<Vec<_>>(),
        ),
        col(
            "status",
            cl.iter().map(|(_, c)| c.status.as_str()).collect::<Vec<_>>(),
        ),
    ])?;

    Ok(claims)
}

/// `rejects`: one row per article that could not be read.
fn rejects_table(rejects: &[Reject]) -> PolarsResult<DataFrame> {
    let rejects = DataFrame::new_infer_height(vec![
        col(
            "file",
            rejects.iter().map(|r| r.file.as_str()).collect::<Vec<_>>(),
        ),
        col(
            "line",
            rejects
                .iter()
                .map(|r| r.line.map(|l| l as i64))
                .collect::<Vec<_>>(),
        ),
        col(
            "article_id",
            rejects.iter().map(|r| r.article_id.clone()).collect::<Vec<_>>(),
        ),
        col(
            "reason",
            rejects.iter().map(|r| r.reason.as_str()).collect::<Vec<_>>(),
        ),
    ])?;

    Ok(rejects)
}
