//! `report.html`: one self-contained page per run (no scripts, no network):
//! the run's summary from the manifest, each article's members and claims,
//! and the breakdowns drawn as SVG bar charts.

use polars::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write;

/// At most this many articles get a section of their own (a corpus run has
/// tens of thousands); the summary says how many were left out.
const MAX_ARTICLES: usize = 200;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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

/// Renders the page from the run's tables and its manifest.
pub fn render(tables: &[(&str, DataFrame)], manifest: &serde_json::Value) -> PolarsResult<String> {
    let get = |name: &str| {
        tables
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, df)| df)
            .ok_or_else(|| PolarsError::ComputeError(format!("no table {name}").into()))
    };
    let articles = get("articles")?;
    let members = get("members")?;
    let claims = get("claims")?;
    let breakdown = get("breakdown")?;
    let countries = get("country_mentions")?;

    let mut h = String::new();
    h.push_str(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>paysage report</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:980px;color:#1d2433}
h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ccd;padding-bottom:4px;margin-top:32px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #dde;padding:3px 8px;text-align:left}
th{background:#f2f4f8}.consistent{color:#176b2c}.inconsistent{color:#b3261e;font-weight:600}.unverifiable{color:#666}
svg{display:block;margin:10px 0}svg text{font:12px system-ui,sans-serif;fill:#1d2433}svg .t{font-weight:600}
svg .b{fill:#3b6fb6}.muted{color:#666}
</style></head><body>"#,
    );
    let m = manifest;
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

    // Run level: the most-mentioned countries.
    let iso = column_strings(countries, "iso3")?;
    let n = column_ints(countries, "mentions")?;
    let top: Vec<(String, i64)> = iso.into_iter().zip(n).take(20).collect();
    if !top.is_empty() {
        h.push_str("<h2>Most-mentioned countries</h2>");
        h.push_str(&bar_chart("country mentions (top 20)", &top));
    }

    // Per article, for those with members or claims.
    let ids = column_strings(articles, "article_id")?;
    let titles = column_strings(articles, "title")?;
    let dates = column_strings(articles, "date")?;
    let nmem = column_ints(articles, "members")?;
    let mem_by: BTreeMap<String, Vec<(String, String, String)>> = {
        let (a, i, n, b) = (
            column_strings(members, "article_id")?,
            column_strings(members, "iso3")?,
            column_strings(members, "name_en")?,
            column_strings(members, "basis")?,
        );
        let mut map: BTreeMap<String, Vec<_>> = BTreeMap::new();
        for (k, id) in a.iter().enumerate() {
            map.entry(id.clone())
                .or_default()
                .push((i[k].clone(), n[k].clone(), b[k].clone()));
        }
        map
    };
    let claims_by: BTreeMap<String, Vec<[String; 5]>> = {
        let cols: Vec<Vec<String>> = ["article_id", "quote", "stated", "resolved", "status", "subject"]
            .iter()
            .map(|c| column_strings(claims, c))
            .collect::<PolarsResult<_>>()?;
        let mut map: BTreeMap<String, Vec<_>> = BTreeMap::new();
        for (k, id) in cols[0].iter().enumerate() {
            map.entry(id.clone()).or_default().push([
                cols[1][k].clone(),
                cols[5][k].clone(),
                cols[2][k].clone(),
                cols[3][k].clone(),
                cols[4][k].clone(),
            ]);
        }
        map
    };
    let bd_by: BTreeMap<(String, String), Vec<(String, i64)>> = {
        let (a, d, v, n) = (
            column_strings(breakdown, "article_id")?,
            column_strings(breakdown, "dimension")?,
            column_strings(breakdown, "value")?,
            column_ints(breakdown, "members")?,
        );
        let mut map: BTreeMap<(String, String), Vec<_>> = BTreeMap::new();
        for (k, id) in a.iter().enumerate() {
            let label = if v[k].is_empty() {
                "(none)".to_string()
            } else {
                v[k].clone()
            };
            map.entry((id.clone(), d[k].clone()))
                .or_default()
                .push((label, n[k]));
        }
        map
    };
    let shown: Vec<usize> = (0..ids.len())
        .filter(|&k| nmem[k] > 0 || claims_by.contains_key(&ids[k]))
        .collect();
    let _ = write!(
        h,
        "<h2>Articles with members or claims</h2><p class=\"muted\">{} of {} articles{}</p>",
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
            "<h2>{}</h2><p class=\"muted\">{} · {} · {} members</p>",
            esc(if titles[k].is_empty() { id } else { &titles[k] }),
            esc(id),
            esc(&dates[k]),
            nmem[k]
        );
        if let Some(cl) = claims_by.get(id) {
            h.push_str("<table><tr><th>claim</th><th>subject</th><th>stated</th><th>resolved</th><th>status</th></tr>");
            for c in cl {
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"{s}\">{s}</td></tr>",
                    esc(&c[0]),
                    esc(&c[1]),
                    esc(&c[2]),
                    esc(&c[3]),
                    s = esc(&c[4])
                );
            }
            h.push_str("</table>");
        }
        // Charts for the EU and the M49 regions; the other groups in one table.
        let mut others = Vec::new();
        for ((aid, dim), bars) in bd_by.range((id.clone(), String::new())..) {
            if aid != id {
                break;
            }
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
        if let Some(ms) = mem_by.get(id) {
            h.push_str(
                "<details><summary>members</summary><table><tr><th>iso3</th><th>name</th><th>basis</th></tr>",
            );
            for (i, n, b) in ms {
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(i),
                    esc(n),
                    esc(b)
                );
            }
            h.push_str("</table></details>");
        }
    }
    h.push_str("</body></html>\n");
    Ok(h)
}
