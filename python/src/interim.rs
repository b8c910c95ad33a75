//! INTERIM, to be replaced by `paysage::rows` (issue 11: the per-article
//! tables' rows defined once in the library, without polars): the
//! per-article tables of `src/tables.rs`, column for column, so that the
//! package works and its equality tests with the command run until then.
//! The tests compare every table with the command's Parquet files, so a
//! drift between the two fails CI.

use crate::arrow::{Column, ColumnData};
use paysage::extract::{Mention, MentionKind};
use paysage::ingest::{Article, Reject};
use paysage::reference::Reference;
use paysage::resolve::{Resolution, Subject};
use std::collections::BTreeMap;

/// One article after extraction and resolution.
pub struct Processed {
    pub article: Article,
    pub text_chars: usize,
    /// The date memberships were read at (`as_of` or the article's date).
    pub date: Option<chrono::NaiveDate>,
    pub mentions: Vec<Mention>,
    pub resolution: Resolution,
}

pub type Table = (&'static str, Vec<Column>);

fn s(v: impl Into<String>) -> Option<String> {
    Some(v.into())
}

fn join(codes: &[String]) -> Option<String> {
    (!codes.is_empty()).then(|| codes.join(";"))
}

/// Every per-article table, in the order the command writes them.
pub fn build(
    processed: &[Processed],
    rejects: &[Reject],
    reference: &Reference,
    groups: &[String],
) -> Vec<Table> {
    let (members, memberships, breakdown) = member_tables(processed, reference, groups);
    vec![
        ("articles", articles(processed)),
        ("mentions", mentions(processed, reference)),
        ("members", members),
        ("memberships", memberships),
        ("breakdown", breakdown),
        ("claims", claims(processed)),
        ("rejects", rejects_table(rejects)),
    ]
}

fn articles(p: &[Processed]) -> Vec<Column> {
    vec![
        Column::new(
            "article_id",
            ColumnData::Str(p.iter().map(|p| s(&p.article.id)).collect()),
        ),
        Column::new(
            "date",
            ColumnData::Date(p.iter().map(|p| p.article.date).collect()),
        ),
        Column::new(
            "lang",
            ColumnData::Str(p.iter().map(|p| s(&p.article.lang)).collect()),
        ),
        Column::new(
            "lang_detected",
            ColumnData::Bool(p.iter().map(|p| Some(p.article.lang_detected)).collect()),
        ),
        Column::new(
            "source",
            ColumnData::Str(p.iter().map(|p| s(&p.article.source)).collect()),
        ),
        Column::new(
            "title",
            ColumnData::Str(p.iter().map(|p| s(&p.article.title)).collect()),
        ),
        Column::new(
            "chars",
            ColumnData::Int(p.iter().map(|p| Some(p.text_chars as i64)).collect()),
        ),
        Column::new(
            "mentions",
            ColumnData::Int(p.iter().map(|p| Some(p.mentions.len() as i64)).collect()),
        ),
        Column::new(
            "members",
            ColumnData::Int(
                p.iter()
                    .map(|p| Some(p.resolution.members.len() as i64))
                    .collect(),
            ),
        ),
    ]
}

fn mentions(p: &[Processed], r: &Reference) -> Vec<Column> {
    let ms: Vec<(&str, &Mention)> = p
        .iter()
        .flat_map(|p| p.mentions.iter().map(move |m| (p.article.id.as_str(), m)))
        .collect();
    let country = |m: &Mention| {
        (m.kind == MentionKind::Country)
            .then(|| r.country(&m.codes[0]))
            .flatten()
    };
    let col =
        |f: &dyn Fn(&Mention) -> Option<String>| ColumnData::Str(ms.iter().map(|(_, m)| f(m)).collect());
    vec![
        Column::new(
            "article_id",
            ColumnData::Str(ms.iter().map(|(a, _)| s(*a)).collect()),
        ),
        Column::new(
            "start",
            ColumnData::Int(ms.iter().map(|(_, m)| Some(m.start as i64)).collect()),
        ),
        Column::new(
            "end",
            ColumnData::Int(ms.iter().map(|(_, m)| Some(m.end as i64)).collect()),
        ),
        Column::new("surface", col(&|m| s(&m.surface))),
        Column::new("kind", col(&|m| s(m.kind.as_str()))),
        Column::new("iso3", col(&|m| country(m).map(|c| c.alpha3.clone()))),
        Column::new("iso2", col(&|m| country(m).map(|c| c.alpha2.clone()))),
        Column::new(
            "group",
            col(&|m| (m.kind == MentionKind::Group).then(|| m.codes[0].clone())),
        ),
        Column::new(
            "candidates",
            col(&|m| match m.kind {
                MentionKind::Ambiguous => join(&m.codes),
                _ => join(&m.settled_from),
            }),
        ),
        Column::new(
            "former_code",
            col(&|m| {
                (m.kind == MentionKind::Historical)
                    .then(|| r.historical(&m.codes[0]).and_then(|h| h.iso3166_3.clone()))
                    .flatten()
            }),
        ),
        Column::new(
            "related_iso3",
            col(&|m| match m.kind {
                MentionKind::Organisation => Some(m.codes[0].clone()),
                MentionKind::Historical => r
                    .historical(&m.codes[0])
                    .filter(|h| h.successors.len() == 1)
                    .map(|h| h.successors[0].clone()),
                _ => None,
            }),
        ),
        Column::new(
            "iso3166_1",
            ColumnData::Bool(ms.iter().map(|(_, m)| country(m).map(|c| c.iso)).collect()),
        ),
    ]
}

/// (article's place, dimension, (value is null, value)): nulls sort last.
type BreakdownKey = (usize, String, (bool, String));

/// `members`, `memberships` and `breakdown`.
fn member_tables(
    p: &[Processed],
    r: &Reference,
    groups: &[String],
) -> (Vec<Column>, Vec<Column>, Vec<Column>) {
    let mut rows = Vec::new();
    for (order, p) in p.iter().enumerate() {
        for m in &p.resolution.members {
            if let Some(c) = r.country(&m.iso3) {
                rows.push((order, p, m, c));
            }
        }
    }
    let str_col = |f: &dyn Fn(&paysage::reference::Country) -> &str| {
        ColumnData::Str(rows.iter().map(|(_, _, _, c)| s(f(c))).collect())
    };
    let nonempty = |v: &str| Some(v.to_string()).filter(|v| !v.is_empty());
    let members = vec![
        Column::new(
            "article_id",
            ColumnData::Str(rows.iter().map(|(_, p, _, _)| s(&p.article.id)).collect()),
        ),
        Column::new("iso3", str_col(&|c| &c.alpha3)),
        Column::new("iso2", str_col(&|c| &c.alpha2)),
        Column::new("iso_numeric", str_col(&|c| &c.numeric)),
        Column::new("name_en", str_col(&|c| &c.name_en)),
        Column::new("name_fr", str_col(&|c| &c.name_fr)),
        Column::new(
            "basis",
            ColumnData::Str(
                rows.iter()
                    .map(|(_, _, m, _)| s(m.basis.iter().cloned().collect::<Vec<_>>().join(";")))
                    .collect(),
            ),
        ),
        Column::new(
            "eu_member",
            ColumnData::Bool(
                rows.iter()
                    .map(|(_, p, _, c)| p.date.map(|d| r.is_member("EU", &c.alpha3, d)))
                    .collect(),
            ),
        ),
        Column::new(
            "m49_region",
            ColumnData::Str(rows.iter().map(|(_, _, _, c)| nonempty(&c.m49_region)).collect()),
        ),
        Column::new(
            "m49_subregion",
            ColumnData::Str(
                rows.iter()
                    .map(|(_, _, _, c)| nonempty(&c.m49_subregion))
                    .collect(),
            ),
        ),
        Column::new(
            "iso3166_1",
            ColumnData::Bool(rows.iter().map(|(_, _, _, c)| Some(c.iso)).collect()),
        ),
    ];

    let mut ms: (Vec<_>, Vec<_>, Vec<_>, Vec<_>, Vec<_>) = Default::default();
    // (order, dimension, value) -> (article id, members with it, the article's members)
    let mut counts: BTreeMap<BreakdownKey, (String, i64, i64)> = BTreeMap::new();
    let per_article: Vec<i64> = {
        let mut n = vec![0i64; p.len()];
        for (order, ..) in &rows {
            n[*order] += 1;
        }
        n
    };
    let mut count = |order: usize, id: &str, dimension: String, value: Option<String>| {
        // Values sort with nulls last.
        let key = (
            order,
            dimension,
            value.map_or((true, String::new()), |v| (false, v)),
        );
        let e = counts
            .entry(key)
            .or_insert_with(|| (id.to_string(), 0, per_article[order]));
        e.1 += 1;
    };
    for (order, p, _, c) in &rows {
        count(
            *order,
            &p.article.id,
            "m49_region".into(),
            nonempty(&c.m49_region),
        );
        count(
            *order,
            &p.article.id,
            "m49_subregion".into(),
            nonempty(&c.m49_subregion),
        );
        for g in groups {
            let member = p.date.map(|d| r.is_member(g, &c.alpha3, d));
            ms.0.push(s(&p.article.id));
            ms.1.push(s(&c.alpha3));
            ms.2.push(s(g));
            ms.3.push(member);
            ms.4.push(p.date.map(|d| r.is_suspended(g, &c.alpha3, d)));
            count(
                *order,
                &p.article.id,
                format!("{}_member", g.to_lowercase()),
                member.map(|b| b.to_string()),
            );
        }
    }
    let memberships = vec![
        Column::new("article_id", ColumnData::Str(ms.0)),
        Column::new("iso3", ColumnData::Str(ms.1)),
        Column::new("group", ColumnData::Str(ms.2)),
        Column::new("member", ColumnData::Bool(ms.3)),
        Column::new("suspended", ColumnData::Bool(ms.4)),
    ];
    let mut b: (Vec<_>, Vec<_>, Vec<_>, Vec<_>, Vec<_>) = Default::default();
    for ((_, dimension, (null, value)), (id, n, of)) in counts {
        b.0.push(Some(id));
        b.1.push(Some(dimension));
        b.2.push((!null).then_some(value));
        b.3.push(Some(n));
        b.4.push(Some(n as f64 / of as f64));
    }
    let breakdown = vec![
        Column::new("article_id", ColumnData::Str(b.0)),
        Column::new("dimension", ColumnData::Str(b.1)),
        Column::new("value", ColumnData::Str(b.2)),
        Column::new("members", ColumnData::Int(b.3)),
        Column::new("share", ColumnData::Float(b.4)),
    ];
    (members, memberships, breakdown)
}

fn claims(p: &[Processed]) -> Vec<Column> {
    let cl: Vec<(&str, &paysage::resolve::Claim)> = p
        .iter()
        .flat_map(|p| {
            p.resolution
                .claims
                .iter()
                .map(move |c| (p.article.id.as_str(), c))
        })
        .collect();
    vec![
        Column::new(
            "article_id",
            ColumnData::Str(cl.iter().map(|(a, _)| s(*a)).collect()),
        ),
        Column::new(
            "start",
            ColumnData::Int(cl.iter().map(|(_, c)| Some(c.start as i64)).collect()),
        ),
        Column::new(
            "quote",
            ColumnData::Str(cl.iter().map(|(_, c)| s(&c.quote)).collect()),
        ),
        Column::new(
            "subject",
            ColumnData::Str(
                cl.iter()
                    .map(|(_, c)| {
                        Some(match &c.subject {
                            Subject::All => "members".to_string(),
                            Subject::Group(g) => format!("members in {g}"),
                            Subject::NotGroup(g) => format!("members not in {g}"),
                        })
                    })
                    .collect(),
            ),
        ),
        Column::new(
            "stated",
            ColumnData::Int(cl.iter().map(|(_, c)| Some(c.stated as i64)).collect()),
        ),
        Column::new(
            "resolved",
            ColumnData::Int(cl.iter().map(|(_, c)| c.resolved.map(|r| r as i64)).collect()),
        ),
        Column::new(
            "status",
            ColumnData::Str(cl.iter().map(|(_, c)| s(c.status.as_str())).collect()),
        ),
    ]
}

fn rejects_table(rejects: &[Reject]) -> Vec<Column> {
    vec![
        Column::new(
            "file",
            ColumnData::Str(rejects.iter().map(|r| s(&r.file)).collect()),
        ),
        Column::new(
            "line",
            ColumnData::Int(rejects.iter().map(|r| r.line.map(|l| l as i64)).collect()),
        ),
        Column::new(
            "article_id",
            ColumnData::Str(rejects.iter().map(|r| r.article_id.clone()).collect()),
        ),
        Column::new(
            "reason",
            ColumnData::Str(rejects.iter().map(|r| s(&r.reason)).collect()),
        ),
    ]
}
