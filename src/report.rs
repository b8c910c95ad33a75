//! `report.html`: one self-contained page per run (no scripts, no network):
//! the run's summary from the manifest, each article's sets of countries
//! with their stated counts, and the breakdowns of its top-level sets drawn
//! as SVG bar charts.

use polars::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// At most this many articles get a section of their own (a corpus run has
/// tens of thousands); the summary says how many were left out.
const MAX_ARTICLES: usize = 200;

/// At most this many sets and members are listed for one article.
const MAX_ROWS: usize = 200;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn column_strings(df: &DataFrame, name: &str) -> PolarsResult<Vec<String>> {
    if df.width() == 0 {
        return Ok(Vec::new()); // a table this page was not given (a merge)
    }
    let c = df.column(name)?.cast(&DataType::String)?;
    Ok(c.str()?.iter().map(|v| v.unwrap_or("").to_string()).collect())
}

fn column_ints(df: &DataFrame, name: &str) -> PolarsResult<Vec<i64>> {
    if df.width() == 0 {
        return Ok(Vec::new());
    }
    let c = df.column(name)?.cast(&DataType::Int64)?;
    Ok(c.i64()?.iter().map(|v| v.unwrap_or(0)).collect())
}

/// A horizontal bar chart: one bar per (label, value).
fn bar_chart(title: &str, bars: &[(String, i64)]) -> String {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(1).max(1) as f64;
    let (row, label_w, bar_w) = (22, 230, 360);
    let height = 28 + row * bars.len();
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{height}" role="img" aria-label="{t}"><text x="0" y="16" class="t">{t}</text>"#,
        w = label_w + bar_w + 60,
        t = esc(title)
    );
    for (i, (label, value)) in bars.iter().enumerate() {
        let y = 26 + i * row;
        let w = (*value as f64 / max * bar_w as f64).round().max(1.0);
        let _ = write!(
            svg,
            r#"<text x="{lx}" y="{ty}" text-anchor="end">{l}</text><rect x="{bx}" y="{y}" width="{w}" height="16" class="b"/><text x="{vx}" y="{ty}">{value}</text>"#,
            lx = label_w - 8,
            ty = y + 13,
            l = esc(label),
            bx = label_w,
            vx = label_w as f64 + w + 6.0,
        );
    }
    svg.push_str("</svg>");
    svg
}

const STYLE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>paysage report</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:980px;color:#1d2433}
h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ccd;padding-bottom:4px;margin-top:32px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #dde;padding:3px 8px;text-align:left}
th{background:#f2f4f8}.consistent{color:#176b2c}.inconsistent{color:#b3261e;font-weight:600}.unverifiable,.partial{color:#666}
svg{display:block;margin:10px 0}svg text{font:12px system-ui,sans-serif;fill:#1d2433}svg .t{font-weight:600}
svg .b{fill:#3b6fb6}.muted{color:#666}td.nested{padding-left:22px}
</style></head><body>"#;

/// A table's string columns, read once; rows grouped by article id.
struct Rows {
    cols: Vec<Vec<String>>,
    by_article: BTreeMap<String, Vec<usize>>,
}

impl Rows {
    fn new(df: &DataFrame, names: &[&str]) -> PolarsResult<Rows> {
        let cols: Vec<Vec<String>> = names
            .iter()
            .map(|c| column_strings(df, c))
            .collect::<PolarsResult<_>>()?;
        let mut by_article: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (k, id) in column_strings(df, "article_id")?.into_iter().enumerate() {
            by_article.entry(id).or_default().push(k);
        }
        Ok(Rows { cols, by_article })
    }

    /// The rows of one article, each as its columns' values.
    fn of(&self, id: &str) -> impl Iterator<Item = Vec<&str>> {
        self.by_article
            .get(id)
            .into_iter()
            .flatten()
            .map(|&k| self.cols.iter().map(|c| c[k].as_str()).collect())
    }
}

/// Renders the page from the run's tables and its manifest.
pub fn render(tables: &[(&str, DataFrame)], manifest: &serde_json::Value) -> PolarsResult<String> {
    let get = |name: &str| {
        tables
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, df)| df)
            .ok_or_else(|| PolarsError::ComputeError(format!("no table {name}").into()))
    };
    let mut h = String::from(STYLE);
    summary(&mut h, manifest);
    top_countries(&mut h, get("country_mentions")?)?;

    let articles = get("articles")?;
    let sets = Rows::new(
        get("sets")?,
        &[
            "set_id",
            "parent_set_id",
            "quote",
            "kind",
            "group",
            "restriction",
            "stated",
            "listed",
            "coverage",
            "status",
        ],
    )?;
    let members = Rows::new(get("members")?, &["set_id", "iso3", "name_en", "basis"])?;
    let breakdown = Rows::new(get("breakdown")?, &["set_id", "dimension", "value", "members"])?;
    let ids = column_strings(articles, "article_id")?;
    let titles = column_strings(articles, "title")?;
    let dates = column_strings(articles, "date")?;
    let nmem = column_ints(articles, "members")?;
    let shown: Vec<usize> = (0..ids.len())
        .filter(|&k| sets.by_article.contains_key(&ids[k]))
        .collect();
    let _ = write!(
        h,
        "<h2>Articles with sets of countries</h2><p class=\"muted\">{} of {} articles{}</p>",
        shown.len(),
        ids.len(),
        if shown.len() > MAX_ARTICLES {
            format!("; the first {MAX_ARTICLES} are shown")
        } else {
            String::new()
        }
    );
    for &k in shown.iter().take(MAX_ARTICLES) {
        let id = &ids[k];
        let _ = write!(
            h,
            "<h2>{}</h2><p class=\"muted\">{} · {} · {} members in its top-level sets</p>",
            esc(if titles[k].is_empty() { id } else { &titles[k] }),
            esc(id),
            esc(&dates[k]),
            nmem[k]
        );
        article_sets(&mut h, &sets, id);
        let top: BTreeSet<&str> = sets.of(id).filter(|s| s[1].is_empty()).map(|s| s[0]).collect();
        article_breakdown(&mut h, &breakdown, id, &top);
        article_members(&mut h, &members, id, &top);
    }
    h.push_str("</body></html>\n");
    Ok(h)
}

/// The run's figures from the manifest, and the rows of each table.
fn summary(h: &mut String, m: &serde_json::Value) {
    let _ = write!(
        h,
        "<h1>paysage run</h1><table><tr><th>version</th><td>{}</td><th>schema</th><td>{}</td></tr>\
<tr><th>started</th><td>{}</td><th>finished</th><td>{}</td></tr>\
<tr><th>articles</th><td>{}</td><th>rejected</th><td>{}</td></tr>\
<tr><th>memberships read at</th><td>{}</td><th>exit status</th><td>{}</td></tr></table>",
        esc(m["version"].as_str().unwrap_or("")),
        m["schema_version"],
        esc(m["started_at"].as_str().unwrap_or("")),
        esc(m["finished_at"].as_str().unwrap_or("")),
        m["articles"],
        m["rejected_articles"],
        esc(m["as_of"].as_str().unwrap_or("")),
        m["exit_status"],
    );
    h.push_str("<table><tr><th>table</th><th>rows</th></tr>");
    if let Some(rows) = m["tables"].as_object() {
        for (k, v) in rows {
            let _ = write!(h, "<tr><td>{}</td><td>{v}</td></tr>", esc(k));
        }
    }
    h.push_str("</table>");
}

/// Run level: the most-mentioned countries.
fn top_countries(h: &mut String, countries: &DataFrame) -> PolarsResult<()> {
    let iso = column_strings(countries, "iso3")?;
    let n = column_ints(countries, "mentions")?;
    let top: Vec<(String, i64)> = iso.into_iter().zip(n).take(20).collect();
    if !top.is_empty() {
        h.push_str("<h2>Most-mentioned countries</h2>");
        h.push_str(&bar_chart("country mentions (top 20)", &top));
    }
    Ok(())
}

/// The article's sets, nested ones indented under their parent.
fn article_sets(h: &mut String, sets: &Rows, id: &str) {
    h.push_str(
        "<table><tr><th>set</th><th>phrase</th><th>kind</th><th>group</th><th>stated</th><th>identified</th><th>coverage</th><th>status</th></tr>",
    );
    for s in sets.of(id).take(MAX_ROWS) {
        let group = match (s[4], s[5]) {
            ("", _) => String::new(),
            (g, "not_in") => format!("not {g}"),
            (g, _) => g.to_string(),
        };
        let _ = write!(
            h,
            "<tr><td>{}{}</td><td class=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"{st}\">{st}</td></tr>",
            esc(s[0]),
            if s[1].is_empty() { String::new() } else { format!(" (in {})", esc(s[1])) },
            if s[1].is_empty() { "" } else { "nested" },
            esc(s[2]),
            esc(s[3]),
            esc(&group),
            esc(s[6]),
            esc(s[7]),
            esc(s[8]),
            st = esc(s[9]),
        );
    }
    h.push_str("</table>");
}

/// Charts for the EU and the M49 regions of the top-level sets; the other
/// groups in one table.
fn article_breakdown(h: &mut String, breakdown: &Rows, id: &str, top: &BTreeSet<&str>) {
    let mut dims: BTreeMap<String, Vec<(String, i64)>> = BTreeMap::new();
    for b in breakdown.of(id).filter(|b| top.contains(b[0])) {
        let label = if b[2].is_empty() { "(none)" } else { b[2] };
        let bars = dims.entry(b[1].to_string()).or_default();
        let n: i64 = b[3].parse().unwrap_or(0);
        match bars.iter_mut().find(|(l, _)| l == label) {
            Some(bar) => bar.1 += n,
            None => bars.push((label.to_string(), n)),
        }
    }
    let mut others = Vec::new();
    for (dim, bars) in &dims {
        if matches!(dim.as_str(), "eu_member" | "m49_region" | "m49_subregion") {
            h.push_str(&bar_chart(&format!("members by {dim}"), bars));
        } else {
            let count = |v: &str| bars.iter().find(|b| b.0 == v).map_or(0, |b| b.1);
            others.push((
                dim.trim_end_matches("_member").to_uppercase(),
                count("true"),
                count("false"),
            ));
        }
    }
    if !others.is_empty() {
        h.push_str("<table><tr><th>group</th><th>members in it</th><th>not in it</th></tr>");
        for (g, yes, no) in others {
            let _ = write!(h, "<tr><td>{}</td><td>{yes}</td><td>{no}</td></tr>", esc(&g));
        }
        h.push_str("</table>");
    }
}

/// The members of the top-level sets.
fn article_members(h: &mut String, members: &Rows, id: &str, top: &BTreeSet<&str>) {
    let rows: Vec<Vec<&str>> = members
        .of(id)
        .filter(|m| top.contains(m[0]))
        .take(MAX_ROWS)
        .collect();
    if rows.is_empty() {
        return;
    }
    h.push_str("<details><summary>members</summary><table><tr><th>set</th><th>iso3</th><th>name</th><th>basis</th></tr>");
    for m in rows {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(m[0]),
            esc(m[1]),
            esc(m[2]),
            esc(m[3])
        );
    }
    h.push_str("</table></details>");
}
