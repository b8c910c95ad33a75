//! The per-article output tables, defined once and built without polars:
//! each table's row is one struct ([`row!`]), its columns come from its
//! fields, and a batch of rows turns into a [`Table`] of typed columns that
//! the Parquet/CSV writer (`tables`), `paysage extract` (JSON) and the
//! Python package (Arrow) each convert in one generic step.

use crate::extract::{Mention, MentionKind};
use crate::ingest::{Article, Reject};
use crate::reference::{Country, Reference};
use crate::resolve::{CountrySet, Resolution};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

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

/// A column's values, all nullable.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnData {
    Str(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<Option<bool>>),
    Date(Vec<Option<NaiveDate>>),
}

impl ColumnData {
    pub fn len(&self) -> usize {
        match self {
            ColumnData::Str(v) => v.len(),
            ColumnData::Int(v) => v.len(),
            ColumnData::Float(v) => v.len(),
            ColumnData::Bool(v) => v.len(),
            ColumnData::Date(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One named column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: &'static str,
    pub data: ColumnData,
}

/// One table: its name and its columns, of equal length.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<Column>,
}

impl Table {
    /// Rows in the table.
    pub fn height(&self) -> usize {
        self.columns.first().map_or(0, |c| c.data.len())
    }

    /// The table of `rows`.
    pub fn of<R: Row>(rows: impl IntoIterator<Item = R>) -> Table {
        let mut t = R::empty();
        for r in rows {
            r.push(&mut t);
        }
        t
    }
}

/// A value that goes into a column of one type.
pub trait Cell {
    fn empty() -> ColumnData;
    fn push(self, data: &mut ColumnData);
}

macro_rules! cell {
    ($t:ty, $variant:ident, $v:ident => $e:expr) => {
        impl Cell for $t {
            fn empty() -> ColumnData {
                ColumnData::$variant(Vec::new())
            }
            fn push(self, data: &mut ColumnData) {
                let $v = self;
                match data {
                    ColumnData::$variant(values) => values.push($e),
                    _ => unreachable!("a row's cell goes into the column made for its type"),
                }
            }
        }
    };
}
cell!(String, Str, v => Some(v));
cell!(Option<String>, Str, v => v);
cell!(i64, Int, v => Some(v));
cell!(Option<i64>, Int, v => v);
cell!(f64, Float, v => Some(v));
cell!(bool, Bool, v => Some(v));
cell!(Option<bool>, Bool, v => v);
cell!(Option<NaiveDate>, Date, v => v);

/// A table's row: its columns are its fields, in order.
pub trait Row: Sized {
    /// The table's name.
    const TABLE: &'static str;
    /// The table with its columns and no rows.
    fn empty() -> Table;
    /// Appends the row.
    fn push(self, table: &mut Table);
}

/// Defines a table's row once: the struct, and its columns from its fields.
macro_rules! row {
    ($(#[$m:meta])* $name:ident => $table:literal { $($(#[$fm:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub struct $name {
            $($(#[$fm])* pub $field: $ty),*
        }
        impl Row for $name {
            const TABLE: &'static str = $table;
            fn empty() -> Table {
                Table {
                    name: $table,
                    columns: vec![$(Column { name: stringify!($field), data: <$ty as Cell>::empty() }),*],
                }
            }
            fn push(self, table: &mut Table) {
                let mut columns = table.columns.iter_mut();
                $(<$ty as Cell>::push(self.$field, &mut columns.next().expect("one column a field").data);)*
            }
        }
    };
}

row!(
    /// `articles`: one row per article.
    ArticleRow => "articles" {
        article_id: String,
        #[serde(serialize_with = "date_iso")]
        date: Option<NaiveDate>,
        lang: Option<String>,
        lang_detected: bool,
        source: Option<String>,
        title: Option<String>,
        /// Length of the text in code points.
        chars: i64,
        mentions: i64,
        /// Sets of countries found.
        sets: i64,
        /// Distinct countries of the top-level sets.
        members: i64,
    }
);

row!(
    /// `mentions`: one row per name found.
    MentionRow => "mentions" {
        article_id: String,
        start: i64,
        end: i64,
        surface: String,
        kind: String,
        iso3: Option<String>,
        iso2: Option<String>,
        group: Option<String>,
        candidates: Option<String>,
        former_code: Option<String>,
        related_iso3: Option<String>,
        iso3166_1: Option<bool>,
    }
);

row!(
    /// `sets`: one row per set of countries an article describes.
    SetRow => "sets" {
        article_id: String,
        set_id: i64,
        parent_set_id: Option<i64>,
        start: i64,
        end: i64,
        quote: String,
        kind: String,
        stated: Option<i64>,
        group: Option<String>,
        restriction: Option<String>,
        coverage: String,
        listed: i64,
        status: Option<String>,
    }
);

row!(
    /// `members`: one row per country of a set.
    MemberRow => "members" {
        article_id: String,
        set_id: i64,
        iso3: String,
        iso2: String,
        iso_numeric: Option<String>,
        name_en: String,
        name_fr: String,
        basis: String,
        eu_member: Option<bool>,
        m49_region: Option<String>,
        m49_subregion: Option<String>,
        iso3166_1: bool,
    }
);

row!(
    /// `memberships`: one row per member of a set and group broken down.
    MembershipRow => "memberships" {
        article_id: String,
        set_id: i64,
        iso3: String,
        group: String,
        member: Option<bool>,
        suspended: Option<bool>,
    }
);

row!(
    /// `breakdown`: per set and dimension, the members with each value.
    BreakdownRow => "breakdown" {
        article_id: String,
        set_id: i64,
        dimension: String,
        value: Option<String>,
        members: i64,
        share: f64,
    }
);

row!(
    /// `rejects`: one row per article that could not be read.
    RejectRow => "rejects" {
        file: String,
        line: Option<i64>,
        article_id: Option<String>,
        reason: String,
    }
);

/// The dimensions read from a member's country: its UN M49 region and sub-region.
pub const REGION_DIMENSIONS: [&str; 2] = ["m49_region", "m49_subregion"];

/// The breakdown dimension of a group: `eu_member`, `nato_member`, ...
pub fn group_dimension(group: &str) -> String {
    format!("{}_member", group.to_lowercase())
}

/// A date as JSON writes it: `YYYY-MM-DD`, or null.
fn date_iso<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    d.map(|d| d.format("%Y-%m-%d").to_string()).serialize(s)
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn join(codes: &[String]) -> Option<String> {
    (!codes.is_empty()).then(|| codes.join(";"))
}

impl MentionRow {
    /// The row of one mention (also what `paysage extract` writes).
    pub fn new(article_id: &str, m: &Mention, reference: &Reference) -> MentionRow {
        let country = (m.kind == MentionKind::Country)
            .then(|| reference.country(&m.codes[0]))
            .flatten();
        let historical = (m.kind == MentionKind::Historical)
            .then(|| reference.historical(&m.codes[0]))
            .flatten();
        MentionRow {
            article_id: article_id.to_string(),
            start: m.start as i64,
            end: m.end as i64,
            surface: m.surface.clone(),
            kind: m.kind.as_str().to_string(),
            iso3: country.map(|c| c.alpha3.clone()),
            iso2: country.map(|c| c.alpha2.clone()),
            group: (m.kind == MentionKind::Group).then(|| m.codes[0].clone()),
            candidates: match m.kind {
                MentionKind::Ambiguous => join(&m.codes),
                _ => join(&m.settled_from),
            },
            former_code: historical.and_then(|h| h.iso3166_3.clone()),
            related_iso3: match m.kind {
                MentionKind::Organisation => Some(m.codes[0].clone()),
                _ => historical
                    .filter(|h| h.successors.len() == 1)
                    .map(|h| h.successors[0].clone()),
            },
            iso3166_1: country.map(|c| c.iso),
        }
    }
}

impl SetRow {
    fn new(article_id: &str, set_id: usize, s: &CountrySet) -> SetRow {
        SetRow {
            article_id: article_id.to_string(),
            set_id: set_id as i64,
            parent_set_id: s.parent.map(|p| p as i64 + 1),
            start: s.start as i64,
            end: s.end as i64,
            quote: s.quote.clone(),
            kind: s.kind.as_str().to_string(),
            stated: s.stated.map(|n| n as i64),
            group: s.group.clone(),
            restriction: s.restriction.map(|r| r.as_str().to_string()),
            coverage: s.coverage.as_str().to_string(),
            listed: s.members.len() as i64,
            status: s.status.map(|st| st.as_str().to_string()),
        }
    }
}

impl RejectRow {
    pub fn new(r: &Reject) -> RejectRow {
        RejectRow {
            file: r.file.clone(),
            line: r.line.map(|l| l as i64),
            article_id: r.article_id.clone(),
            reason: r.reason.clone(),
        }
    }
}

/// Every per-article table of a batch: `articles`, `mentions`, `sets`,
/// `members`, `memberships`, `breakdown`, `rejects`, in that order.
#[derive(Debug, Clone, Default)]
pub struct ArticleTables {
    pub articles: Vec<ArticleRow>,
    pub mentions: Vec<MentionRow>,
    pub sets: Vec<SetRow>,
    pub members: Vec<MemberRow>,
    pub memberships: Vec<MembershipRow>,
    pub breakdown: Vec<BreakdownRow>,
    /// For each breakdown row: whether its set is top-level (the run-level
    /// breakdown counts those only, so nested sets are not counted twice).
    pub top_level: Vec<bool>,
    pub rejects: Vec<RejectRow>,
}

impl ArticleTables {
    /// The rows of a batch of articles; `groups` are the groups broken down.
    pub fn build(
        processed: &[Processed],
        rejects: &[Reject],
        reference: &Reference,
        groups: &[String],
    ) -> ArticleTables {
        let dimensions: Vec<String> = groups.iter().map(|g| group_dimension(g)).collect();
        let mut t = ArticleTables::default();
        for p in processed {
            t.add_article(p, reference, groups, &dimensions);
        }
        t.rejects = rejects.iter().map(RejectRow::new).collect();
        t
    }

    /// Into tables, in the order they are written.
    pub fn into_tables(self) -> Vec<Table> {
        vec![
            Table::of(self.articles),
            Table::of(self.mentions),
            Table::of(self.sets),
            Table::of(self.members),
            Table::of(self.memberships),
            Table::of(self.breakdown),
            Table::of(self.rejects),
        ]
    }

    fn add_article(
        &mut self,
        p: &Processed,
        reference: &Reference,
        groups: &[String],
        dimensions: &[String],
    ) {
        let id = p.article.id.as_str();
        let a = &p.article;
        self.articles.push(ArticleRow {
            article_id: id.to_string(),
            date: a.date,
            lang: non_empty(&a.lang),
            lang_detected: a.lang_detected,
            source: non_empty(&a.source),
            title: non_empty(&a.title),
            chars: p.text_chars as i64,
            mentions: p.mentions.len() as i64,
            sets: p.resolution.sets.len() as i64,
            members: p.resolution.top_members().len() as i64,
        });
        self.mentions
            .extend(p.mentions.iter().map(|m| MentionRow::new(id, m, reference)));
        for (k, s) in p.resolution.sets.iter().enumerate() {
            let set_id = k + 1;
            self.sets.push(SetRow::new(id, set_id, s));
            let countries: Vec<(&Country, String)> = s
                .members
                .iter()
                .filter_map(|m| {
                    let basis = m.basis.iter().cloned().collect::<Vec<_>>().join(";");
                    reference.country(&m.iso3).map(|c| (c, basis))
                })
                .collect();
            // Per dimension: value -> members with it.
            let mut values: BTreeMap<(&str, Option<&str>), i64> = BTreeMap::new();
            for (c, basis) in &countries {
                self.members.push(MemberRow {
                    article_id: id.to_string(),
                    set_id: set_id as i64,
                    iso3: c.alpha3.clone(),
                    iso2: c.alpha2.clone(),
                    iso_numeric: non_empty(&c.numeric),
                    name_en: c.name_en.clone(),
                    name_fr: c.name_fr.clone(),
                    basis: basis.clone(),
                    eu_member: p.date.map(|d| reference.is_member("EU", &c.alpha3, d)),
                    m49_region: non_empty(&c.m49_region),
                    m49_subregion: non_empty(&c.m49_subregion),
                    iso3166_1: c.iso,
                });
                for (dimension, value) in REGION_DIMENSIONS.iter().zip([&c.m49_region, &c.m49_subregion]) {
                    *values
                        .entry((dimension, Some(value.as_str()).filter(|v| !v.is_empty())))
                        .or_default() += 1;
                }
                for (g, dimension) in groups.iter().zip(dimensions) {
                    let member = p.date.map(|d| reference.is_member(g, &c.alpha3, d));
                    self.memberships.push(MembershipRow {
                        article_id: id.to_string(),
                        set_id: set_id as i64,
                        iso3: c.alpha3.clone(),
                        group: g.clone(),
                        member,
                        suspended: p.date.map(|d| reference.is_suspended(g, &c.alpha3, d)),
                    });
                    let value = member.map(|b| if b { "true" } else { "false" });
                    *values.entry((dimension.as_str(), value)).or_default() += 1;
                }
            }
            self.add_breakdown(id, set_id, s.parent.is_none(), countries.len(), values);
        }
    }

    /// The breakdown rows of one set, by dimension then value (nulls last).
    fn add_breakdown(
        &mut self,
        id: &str,
        set_id: usize,
        top: bool,
        members: usize,
        values: BTreeMap<(&str, Option<&str>), i64>,
    ) {
        let mut rows: Vec<((&str, Option<&str>), i64)> = values.into_iter().collect();
        rows.sort_by(|((d1, v1), _), ((d2, v2), _)| {
            d1.cmp(d2).then_with(|| match (v1, v2) {
                (Some(a), Some(b)) => a.cmp(b),
                (a, b) => a.is_none().cmp(&b.is_none()),
            })
        });
        for ((dimension, value), n) in rows {
            self.breakdown.push(BreakdownRow {
                article_id: id.to_string(),
                set_id: set_id as i64,
                dimension: dimension.to_string(),
                value: value.map(str::to_string),
                members: n,
                share: n as f64 / members as f64,
            });
            self.top_level.push(top);
        }
    }
}
