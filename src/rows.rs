//! The per-article output tables, defined once and built without polars:
//! each table's row is one struct ([`row!`]), its columns come from its
//! fields, and a batch of rows turns into a [`Table`] of typed columns that
//! the Parquet/CSV writer (`tables`), `paysage extract` (JSON) and the
//! Python package (Arrow) each convert in one generic step.

use crate::extract::{Mention, MentionKind};
use crate::ingest::{Article, Reject};
use crate::reference::Reference;
use crate::resolve::{CountrySet, Resolution};
use chrono::NaiveDate;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A string cell: borrowed from the article or the reference data where it
/// can be (no copy per row), owned where it is made for the row.
pub type Text<'a> = Cow<'a, str>;

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
pub enum ColumnData<'a> {
    Str(Vec<Option<Text<'a>>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<Option<bool>>),
    Date(Vec<Option<NaiveDate>>),
}

impl ColumnData<'_> {
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
pub struct Column<'a> {
    pub name: &'static str,
    pub data: ColumnData<'a>,
}

/// One table: its name and its columns, of equal length.
#[derive(Debug, Clone, PartialEq)]
pub struct Table<'a> {
    pub name: &'static str,
    pub columns: Vec<Column<'a>>,
}

impl<'a> Table<'a> {
    /// Rows in the table.
    pub fn height(&self) -> usize {
        self.columns.first().map_or(0, |c| c.data.len())
    }

    /// The table with every string its own (no longer borrowing the rows' sources).
    pub fn into_owned(self) -> Table<'static> {
        let columns = self
            .columns
            .into_iter()
            .map(|c| Column {
                name: c.name,
                data: match c.data {
                    ColumnData::Str(v) => ColumnData::Str(
                        v.into_iter()
                            .map(|s| s.map(|s| Cow::Owned(s.into_owned())))
                            .collect(),
                    ),
                    ColumnData::Int(v) => ColumnData::Int(v),
                    ColumnData::Float(v) => ColumnData::Float(v),
                    ColumnData::Bool(v) => ColumnData::Bool(v),
                    ColumnData::Date(v) => ColumnData::Date(v),
                },
            })
            .collect();
        Table {
            name: self.name,
            columns,
        }
    }

    /// Makes room for `rows` more rows in every column.
    pub fn reserve(&mut self, rows: usize) {
        for c in &mut self.columns {
            match &mut c.data {
                ColumnData::Str(v) => v.reserve(rows),
                ColumnData::Int(v) => v.reserve(rows),
                ColumnData::Float(v) => v.reserve(rows),
                ColumnData::Bool(v) => v.reserve(rows),
                ColumnData::Date(v) => v.reserve(rows),
            }
        }
    }

    /// The table of `rows`.
    pub fn of<R: Row<'a>>(rows: impl IntoIterator<Item = R>) -> Table<'a> {
        let mut t = R::empty();
        for r in rows {
            r.push(&mut t);
        }
        t
    }
}

/// A value that goes into a column of one type.
pub trait Cell<'a> {
    fn empty() -> ColumnData<'a>;
    fn push(self, data: &mut ColumnData<'a>);
}

macro_rules! cell {
    ($t:ty, $variant:ident, $v:ident => $e:expr) => {
        impl<'a> Cell<'a> for $t {
            fn empty() -> ColumnData<'a> {
                ColumnData::$variant(Vec::new())
            }
            fn push(self, data: &mut ColumnData<'a>) {
                let $v = self;
                match data {
                    ColumnData::$variant(values) => values.push($e),
                    _ => unreachable!("a row's cell goes into the column made for its type"),
                }
            }
        }
    };
}
cell!(Text<'a>, Str, v => Some(v));
cell!(Option<Text<'a>>, Str, v => v);
cell!(i64, Int, v => Some(v));
cell!(Option<i64>, Int, v => v);
cell!(f64, Float, v => Some(v));
cell!(bool, Bool, v => Some(v));
cell!(Option<bool>, Bool, v => v);
cell!(Option<NaiveDate>, Date, v => v);

/// A table's row: its columns are its fields, in order.
pub trait Row<'a>: Sized {
    /// The table's name.
    const TABLE: &'static str;
    /// The table with its columns and no rows.
    fn empty() -> Table<'a>;
    /// Appends the row.
    fn push(self, table: &mut Table<'a>);
}

/// Defines a table's row once: the struct, and its columns from its fields.
macro_rules! row {
    ($(#[$m:meta])* $name:ident => $table:literal { $($(#[$fm:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub struct $name<'a> {
            $($(#[$fm])* pub $field: $ty),*
        }
        impl<'a> Row<'a> for $name<'a> {
            const TABLE: &'static str = $table;
            fn empty() -> Table<'a> {
                Table {
                    name: $table,
                    columns: vec![$(Column { name: stringify!($field), data: <$ty as Cell<'a>>::empty() }),*],
                }
            }
            fn push(self, table: &mut Table<'a>) {
                let mut columns = table.columns.iter_mut();
                $(<$ty as Cell<'a>>::push(self.$field, &mut columns.next().expect("one column a field").data);)*
            }
        }
    };
}

row!(
    /// `articles`: one row per article.
    ArticleRow => "articles" {
        article_id: Text<'a>,
        #[serde(serialize_with = "date_iso")]
        date: Option<NaiveDate>,
        lang: Option<Text<'a>>,
        lang_detected: bool,
        source: Option<Text<'a>>,
        title: Option<Text<'a>>,
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
        article_id: Text<'a>,
        start: i64,
        end: i64,
        surface: Text<'a>,
        kind: Text<'a>,
        iso3: Option<Text<'a>>,
        iso2: Option<Text<'a>>,
        group: Option<Text<'a>>,
        candidates: Option<Text<'a>>,
        former_code: Option<Text<'a>>,
        /// A former state's id in `historical.csv`, or the former entry a
        /// country was named by ("West Germany": `FRG`).
        former_id: Option<Text<'a>>,
        related_iso3: Option<Text<'a>>,
        iso3166_1: Option<bool>,
    }
);

row!(
    /// `sets`: one row per set of countries an article describes.
    SetRow => "sets" {
        article_id: Text<'a>,
        set_id: i64,
        parent_set_id: Option<i64>,
        start: i64,
        end: i64,
        quote: Text<'a>,
        kind: Text<'a>,
        stated: Option<i64>,
        group: Option<Text<'a>>,
        restriction: Option<Text<'a>>,
        coverage: Text<'a>,
        listed: i64,
        status: Option<Text<'a>>,
    }
);

row!(
    /// `members`: one row per country of a set.
    MemberRow => "members" {
        article_id: Text<'a>,
        set_id: i64,
        iso3: Text<'a>,
        iso2: Text<'a>,
        iso_numeric: Option<Text<'a>>,
        name_en: Text<'a>,
        name_fr: Text<'a>,
        basis: Text<'a>,
        eu_member: Option<bool>,
        m49_region: Option<Text<'a>>,
        m49_subregion: Option<Text<'a>>,
        iso3166_1: bool,
    }
);

row!(
    /// `memberships`: one row per member of a set and group broken down.
    MembershipRow => "memberships" {
        article_id: Text<'a>,
        set_id: i64,
        iso3: Text<'a>,
        group: Text<'a>,
        member: Option<bool>,
        suspended: Option<bool>,
    }
);

row!(
    /// `breakdown`: per set and dimension, the members with each value.
    BreakdownRow => "breakdown" {
        article_id: Text<'a>,
        set_id: i64,
        dimension: Text<'a>,
        value: Option<Text<'a>>,
        members: i64,
        share: f64,
    }
);

row!(
    /// `run_breakdown`: per dimension and value, the members of the top-level
    /// sets over the run (a batch's part here; the parts are combined with
    /// polars, [`crate::breakdown`]).
    RunBreakdownRow => "run_breakdown" {
        dimension: Text<'a>,
        value: Option<Text<'a>>,
        members: i64,
        /// The value's share of its dimension's members.
        share: f64,
        /// Articles with a top-level set that has members of this value.
        articles: i64,
    }
);

row!(
    /// `country_mentions`: per country, its mentions over the run and the
    /// articles that mention it (a batch's part here, combined like
    /// `run_breakdown`).
    CountryMentionRow => "country_mentions" {
        iso3: Text<'a>,
        mentions: i64,
        articles: i64,
    }
);

row!(
    /// `rejects`: one row per article that could not be read.
    RejectRow => "rejects" {
        file: Text<'a>,
        line: Option<i64>,
        article_id: Option<Text<'a>>,
        reason: Text<'a>,
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

fn non_empty(s: &str) -> Option<Text<'_>> {
    (!s.is_empty()).then_some(Cow::Borrowed(s))
}

fn join(codes: &[String]) -> Option<Text<'static>> {
    (!codes.is_empty()).then(|| Cow::Owned(codes.join(";")))
}

impl<'a> MentionRow<'a> {
    /// The row of one mention (also what `paysage extract` writes).
    pub fn new(article_id: &'a str, m: &'a Mention, reference: &'a Reference) -> MentionRow<'a> {
        let country = (m.kind == MentionKind::Country)
            .then(|| reference.country(&m.codes[0]))
            .flatten();
        let historical = (m.kind == MentionKind::Historical)
            .then(|| reference.historical(&m.codes[0]))
            .flatten();
        MentionRow {
            article_id: article_id.into(),
            start: m.start as i64,
            end: m.end as i64,
            surface: m.surface.as_str().into(),
            kind: m.kind.as_str().into(),
            iso3: country.map(|c| c.alpha3.as_str().into()),
            iso2: country.map(|c| c.alpha2.as_str().into()),
            group: (m.kind == MentionKind::Group).then(|| m.codes[0].as_str().into()),
            candidates: match m.kind {
                MentionKind::Ambiguous => join(&m.codes),
                _ => join(&m.settled_from),
            },
            former_code: historical.and_then(|h| h.iso3166_3.as_deref().map(Cow::Borrowed)),
            former_id: historical
                .map(|h| h.id.as_str())
                .or(m.former.as_deref())
                .map(Cow::Borrowed),
            related_iso3: match m.kind {
                MentionKind::Organisation => Some(m.codes[0].as_str().into()),
                _ => historical
                    .filter(|h| h.successors.len() == 1)
                    .map(|h| h.successors[0].as_str().into()),
            },
            iso3166_1: country.map(|c| c.iso),
        }
    }
}

impl<'a> SetRow<'a> {
    fn new(article_id: &'a str, set_id: usize, s: &'a CountrySet) -> SetRow<'a> {
        SetRow {
            article_id: article_id.into(),
            set_id: set_id as i64,
            parent_set_id: s.parent.map(|p| p as i64 + 1),
            start: s.start as i64,
            end: s.end as i64,
            quote: s.quote.as_str().into(),
            kind: s.kind.as_str().into(),
            stated: s.stated.map(|n| n as i64),
            group: s.group.as_deref().map(Cow::Borrowed),
            restriction: s.restriction.map(|r| r.as_str().into()),
            coverage: s.coverage.as_str().into(),
            listed: s.members.len() as i64,
            status: s.status.map(|st| st.as_str().into()),
        }
    }
}

impl<'a> RejectRow<'a> {
    pub fn new(r: &'a Reject) -> RejectRow<'a> {
        RejectRow {
            file: r.file.as_str().into(),
            line: r.line.map(|l| l as i64),
            article_id: r.article_id.as_deref().map(Cow::Borrowed),
            reason: r.reason.as_str().into(),
        }
    }
}

/// Every per-article table of a batch: `articles`, `mentions`, `sets`,
/// `members`, `memberships`, `breakdown`, `rejects`, in that order. Rows go
/// straight into their table's columns and borrow their strings from the
/// articles and the reference data.
#[derive(Debug, Clone)]
pub struct ArticleTables<'a> {
    pub articles: Table<'a>,
    pub mentions: Table<'a>,
    pub sets: Table<'a>,
    pub members: Table<'a>,
    pub memberships: Table<'a>,
    pub breakdown: Table<'a>,
    /// The run-level breakdown's counts over the batch's top-level sets
    /// (a nested set's countries are already in its parent): per dimension
    /// and value, (members, articles, the last article counted).
    run_counts: BTreeMap<(&'a str, Option<&'a str>), Tally>,
    /// Per country: its mentions (kind `country`) and articles.
    country_counts: BTreeMap<&'a str, Tally>,
    /// Each country's standing in the groups broken down, by date, looked
    /// up once per batch: the articles of a day name the same countries.
    standings: crate::reference::FastMap<(&'a str, Option<NaiveDate>), Standing>,
    pub rejects: Table<'a>,
}

/// A country's standing in each group broken down, on the article's date:
/// (member, suspended), null when the article has no date.
type Standing = Vec<(Option<bool>, Option<bool>)>;

/// The members of one set with each value of the breakdown's dimensions:
/// per group broken down, [false, true, null]; per region dimension, value -> count.
struct Counts<'a> {
    groups: Vec<[i64; 3]>,
    regions: [Vec<(&'a str, i64)>; 2],
    /// Members without a region (the null value of both region dimensions).
    no_region: [i64; 2],
}

impl<'a> ArticleTables<'a> {
    /// The rows of a batch of articles; `groups` are the groups broken down,
    /// `dimensions` their breakdown dimensions ([`group_dimension`]).
    pub fn build(
        processed: &'a [Processed],
        rejects: &'a [Reject],
        reference: &'a Reference,
        groups: &'a [String],
        dimensions: &'a [String],
    ) -> ArticleTables<'a> {
        let mut t = ArticleTables {
            articles: ArticleRow::empty(),
            mentions: MentionRow::empty(),
            sets: SetRow::empty(),
            members: MemberRow::empty(),
            memberships: MembershipRow::empty(),
            breakdown: BreakdownRow::empty(),
            run_counts: BTreeMap::new(),
            country_counts: BTreeMap::new(),
            standings: Default::default(),
            rejects: Table::of(rejects.iter().map(RejectRow::new)),
        };
        // The breakdown's dimensions in the order its rows go: by name.
        let mut order: Vec<Dimension> = (0..groups.len()).map(Dimension::Group).collect();
        order.extend([Dimension::Region(0), Dimension::Region(1)]);
        order.sort_by_key(|d| match *d {
            Dimension::Group(g) => dimensions[g].as_str(),
            Dimension::Region(r) => REGION_DIMENSIONS[r],
        });
        // Room for every row at once: no column grows by copying itself.
        let sets: usize = processed.iter().map(|p| p.resolution.sets.len()).sum();
        let members: usize = processed
            .iter()
            .flat_map(|p| &p.resolution.sets)
            .map(|s| s.members.len())
            .sum();
        t.articles.reserve(processed.len());
        t.mentions
            .reserve(processed.iter().map(|p| p.mentions.len()).sum());
        t.sets.reserve(sets);
        t.members.reserve(members);
        t.memberships.reserve(members * groups.len());
        t.breakdown.reserve(sets * (2 * groups.len() + 4));
        for p in processed {
            t.add_article(p, reference, groups, dimensions, &order);
        }
        t
    }

    /// Into tables, in the order they are written.
    pub fn into_tables(self) -> Vec<Table<'a>> {
        vec![
            self.articles,
            self.mentions,
            self.sets,
            self.members,
            self.memberships,
            self.breakdown,
            self.rejects,
        ]
    }

    fn add_article(
        &mut self,
        p: &'a Processed,
        reference: &'a Reference,
        groups: &'a [String],
        dimensions: &'a [String],
        order: &[Dimension],
    ) {
        let id = p.article.id.as_str();
        let a = &p.article;
        ArticleRow {
            article_id: id.into(),
            date: a.date,
            lang: non_empty(&a.lang),
            lang_detected: a.lang_detected,
            source: non_empty(&a.source),
            title: non_empty(&a.title),
            chars: p.text_chars as i64,
            mentions: p.mentions.len() as i64,
            sets: p.resolution.sets.len() as i64,
            members: p.resolution.top_members().len() as i64,
        }
        .push(&mut self.articles);
        let article = self.articles.height();
        for m in &p.mentions {
            let row = MentionRow::new(id, m, reference);
            // The row's code, borrowed from the reference data: a country mention's.
            if let Some(Cow::Borrowed(iso3)) = row.iso3 {
                self.country_counts.entry(iso3).or_default().add(1, article);
            }
            row.push(&mut self.mentions);
        }
        let eu = groups.iter().position(|g| g == "EU");
        for (k, s) in p.resolution.sets.iter().enumerate() {
            let set_id = k as i64 + 1;
            SetRow::new(id, k + 1, s).push(&mut self.sets);
            let mut counts = Counts {
                groups: vec![[0; 3]; groups.len()],
                regions: [Vec::new(), Vec::new()],
                no_region: [0; 2],
            };
            let mut members = 0;
            for m in &s.members {
                let Some(c) = reference.country(&m.iso3) else {
                    continue;
                };
                members += 1;
                let iso3 = c.alpha3.as_str();
                let standing = self
                    .standings
                    .entry((iso3, p.date))
                    .or_insert_with(|| standing(reference, groups, iso3, p.date));
                MemberRow {
                    article_id: id.into(),
                    set_id,
                    iso3: iso3.into(),
                    iso2: c.alpha2.as_str().into(),
                    iso_numeric: non_empty(&c.numeric),
                    name_en: c.name_en.as_str().into(),
                    name_fr: c.name_fr.as_str().into(),
                    basis: match m.basis.len() {
                        1 => m.basis.first().expect("one basis").as_str().into(),
                        _ => Cow::Owned(m.basis.iter().map(String::as_str).collect::<Vec<_>>().join(";")),
                    },
                    eu_member: match eu {
                        Some(g) => standing[g].0,
                        None => p.date.map(|d| reference.is_member("EU", iso3, d)),
                    },
                    m49_region: non_empty(&c.m49_region),
                    m49_subregion: non_empty(&c.m49_subregion),
                    iso3166_1: c.iso,
                }
                .push(&mut self.members);
                for (r, value) in [&c.m49_region, &c.m49_subregion].into_iter().enumerate() {
                    match value.is_empty() {
                        true => counts.no_region[r] += 1,
                        false => match counts.regions[r].iter_mut().find(|(v, _)| *v == value.as_str()) {
                            Some((_, n)) => *n += 1,
                            None => counts.regions[r].push((value.as_str(), 1)),
                        },
                    }
                }
                for ((g, &(member, suspended)), n) in
                    groups.iter().zip(standing.iter()).zip(&mut counts.groups)
                {
                    MembershipRow {
                        article_id: id.into(),
                        set_id,
                        iso3: iso3.into(),
                        group: g.as_str().into(),
                        member,
                        suspended,
                    }
                    .push(&mut self.memberships);
                    n[member.map_or(2, usize::from)] += 1;
                }
            }
            self.add_breakdown(
                id,
                set_id,
                s.parent.is_none(),
                members,
                &counts,
                dimensions,
                order,
            );
        }
    }

    /// The breakdown rows of one set, by dimension then value (nulls last).
    #[allow(clippy::too_many_arguments)]
    fn add_breakdown(
        &mut self,
        id: &'a str,
        set_id: i64,
        top: bool,
        members: usize,
        counts: &Counts<'a>,
        dimensions: &'a [String],
        order: &[Dimension],
    ) {
        // The article's index in the batch (its row is in already).
        let article = self.articles.height();
        let mut row = |dimension: &'a str, value: Option<&'a str>, n: i64| {
            if n == 0 {
                return;
            }
            BreakdownRow {
                article_id: id.into(),
                set_id,
                dimension: dimension.into(),
                value: value.map(Cow::Borrowed),
                members: n,
                share: n as f64 / members as f64,
            }
            .push(&mut self.breakdown);
            if top {
                self.run_counts
                    .entry((dimension, value))
                    .or_default()
                    .add(n, article);
            }
        };
        for d in order {
            match *d {
                Dimension::Group(g) => {
                    let [no, yes, null] = counts.groups[g];
                    row(&dimensions[g], Some("false"), no);
                    row(&dimensions[g], Some("true"), yes);
                    row(&dimensions[g], None, null);
                }
                Dimension::Region(r) => {
                    let mut values = counts.regions[r].clone();
                    values.sort_unstable();
                    for (value, n) in values {
                        row(REGION_DIMENSIONS[r], Some(value), n);
                    }
                    row(REGION_DIMENSIONS[r], None, counts.no_region[r]);
                }
            }
        }
    }
}

/// A count over a batch and the articles it comes from.
#[derive(Debug, Clone, Copy)]
struct Tally {
    count: i64,
    articles: i64,
    /// The last article counted (its index in the batch).
    last: usize,
}

impl Default for Tally {
    fn default() -> Tally {
        Tally {
            count: 0,
            articles: 0,
            last: usize::MAX,
        }
    }
}

impl Tally {
    fn add(&mut self, n: i64, article: usize) {
        self.count += n;
        if self.last != article {
            self.articles += 1;
            self.last = article;
        }
    }
}

impl<'a> ArticleTables<'a> {
    /// The batch's part of `run_breakdown`, by dimension then value (nulls last).
    pub fn run_breakdown(&self) -> Table<'a> {
        let mut totals: BTreeMap<&str, i64> = BTreeMap::new();
        for (&(dimension, _), t) in &self.run_counts {
            *totals.entry(dimension).or_default() += t.count;
        }
        let mut rows: Vec<(&(&'a str, Option<&'a str>), &Tally)> = self.run_counts.iter().collect();
        // Nulls last within a dimension (the map has them first).
        rows.sort_by_key(|((dimension, value), _)| (*dimension, value.is_none(), *value));
        Table::of(rows.into_iter().map(|(&(dimension, value), t)| RunBreakdownRow {
            dimension: dimension.into(),
            value: value.map(Cow::Borrowed),
            members: t.count,
            share: t.count as f64 / totals[dimension] as f64,
            articles: t.articles,
        }))
    }

    /// The batch's part of `country_mentions`, by mentions (most first) then code.
    pub fn country_mentions(&self) -> Table<'a> {
        let mut rows: Vec<(&&'a str, &Tally)> = self.country_counts.iter().collect();
        rows.sort_by_key(|(iso3, t)| (std::cmp::Reverse(t.count), **iso3));
        Table::of(rows.into_iter().map(|(&iso3, t)| CountryMentionRow {
            iso3: iso3.into(),
            mentions: t.count,
            articles: t.articles,
        }))
    }
}

/// A breakdown dimension: a group broken down (its index) or a region dimension.
#[derive(Debug, Clone, Copy)]
enum Dimension {
    Group(usize),
    Region(usize),
}

/// A country's standing in each of `groups` on `date`.
fn standing(reference: &Reference, groups: &[String], iso3: &str, date: Option<NaiveDate>) -> Standing {
    match date {
        Some(d) => reference
            .standing(groups, iso3, d)
            .into_iter()
            .map(|(member, suspended)| (Some(member), Some(suspended)))
            .collect(),
        None => vec![(None, None); groups.len()],
    }
}
