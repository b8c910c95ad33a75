//! paysage: countries named in news articles, as clean, dated country data.
//!
//! The job reads articles and reference data ([`ingest`], [`reference`]),
//! folds the text ([`normalize`]), finds country and group names
//! ([`extract`]), resolves the sets of countries the article describes as of
//! a date and checks the counts it states ([`resolve`]), builds each table's
//! rows ([`rows`]), computes the run-level breakdowns with polars
//! ([`breakdown`]) and writes every table as Parquet and CSV ([`tables`],
//! [`write`]). File I/O stays at the two ends; the stages between are data in,
//! data out.

#[cfg(feature = "tables")]
pub mod breakdown;
#[cfg(feature = "tables")]
mod csv_rows;
#[cfg(feature = "tables")]
pub mod dataset;
pub mod extract;
pub mod ingest;
pub mod lookup;
pub mod manifest;
pub mod normalize;
#[cfg(feature = "tables")]
pub mod progress;
pub mod reference;
#[cfg(feature = "tables")]
pub mod report;
pub mod resolve;
pub mod rows;
#[cfg(feature = "tables")]
pub mod tables;
#[cfg(feature = "tables")]
pub mod write;

use chrono::NaiveDate;
#[cfg(feature = "tables")]
pub use job::{check_shards, default_articles, load_reference, merge, run, shard_of, RunConfig, RunSummary};

/// Version of the output schema: bumped when a table or column changes
/// meaning, is renamed or removed (adding a table or column does not).
pub const SCHEMA_VERSION: u32 = 2;

/// A command-line mistake found only once the reference data is loaded
/// (an unknown group): the binary exits 2 on it.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The group codes `wanted` names (any case; `all` for every group), checked
/// against the reference; the groups `group_info.csv` marks for breakdown
/// (and user groups) when `None`.
pub fn select_groups(
    reference: &reference::Reference,
    wanted: Option<&[String]>,
) -> anyhow::Result<Vec<String>> {
    let Some(wanted) = wanted else {
        // The groups marked for breakdown in group_info.csv, and user groups.
        return Ok(reference
            .groups
            .iter()
            .filter(|g| reference.group_info.get(*g).is_none_or(|i| i.breakdown))
            .cloned()
            .collect());
    };
    if wanted.iter().any(|w| w.trim().eq_ignore_ascii_case("all")) {
        return Ok(reference.groups.clone());
    }
    let mut out = Vec::new();
    for w in wanted {
        match reference.groups.iter().find(|g| g.eq_ignore_ascii_case(w.trim())) {
            Some(g) if !out.contains(g) => out.push(g.clone()),
            Some(_) => {}
            None => {
                return Err(UsageError(format!(
                    "unknown group `{w}` (known: {})",
                    reference.groups.join(", ").to_lowercase()
                ))
                .into())
            }
        }
    }
    Ok(out)
}

/// [`analyse`] for an article as read: one whose language was guessed
/// (`lang_detected`) is scanned with every language's names, since the guess
/// may be wrong, and resolved with the guessed language's grammar.
pub fn analyse_article(
    article: &ingest::Article,
    date: Option<NaiveDate>,
    matcher: &extract::Matcher,
    reference: &reference::Reference,
) -> (Vec<extract::Mention>, resolve::Resolution) {
    let scan = if article.lang_detected {
        ""
    } else {
        article.lang.as_str()
    };
    analyse_scanned(&article.text, scan, &article.lang, date, matcher, reference)
}

/// One article through every pure stage, ready for its rows: memberships
/// read at `as_of`, or at the article's own date.
pub fn process(
    article: ingest::Article,
    as_of: Option<NaiveDate>,
    matcher: &extract::Matcher,
    reference: &reference::Reference,
) -> rows::Processed {
    let date = as_of.or(article.date);
    let (mentions, resolution) = analyse_article(&article, date, matcher, reference);
    rows::Processed {
        text_chars: article.text.chars().count(),
        article,
        date,
        mentions,
        resolution,
    }
}

/// One article through the pure stages: fold and match, then settle
/// ambiguous names by context, resolve the sets and check their counts.
pub fn analyse(
    text: &str,
    lang: &str,
    date: Option<NaiveDate>,
    matcher: &extract::Matcher,
    reference: &reference::Reference,
) -> (Vec<extract::Mention>, resolve::Resolution) {
    analyse_scanned(text, lang, lang, date, matcher, reference)
}

/// [`analyse`] with the names of `scan_lang` ("": every language's) and the
/// grammar of `lang`.
fn analyse_scanned(
    text: &str,
    scan_lang: &str,
    lang: &str,
    date: Option<NaiveDate>,
    matcher: &extract::Matcher,
    reference: &reference::Reference,
) -> (Vec<extract::Mention>, resolve::Resolution) {
    // The folded copy lives in a buffer of the thread's own, reused from one
    // article to the next (no allocation of five times the text per article).
    thread_local! {
        static FOLDED: std::cell::RefCell<normalize::Folded> = Default::default();
    }
    FOLDED.with_borrow_mut(|folded| {
        normalize::fold_into(text, folded);
        let found = matcher.extract_folded(text, folded, scan_lang, date);
        let mut mentions = found.mentions;
        let resolution = resolve::resolve(
            text,
            folded,
            &mut mentions,
            &found.member_nouns,
            lang,
            date,
            reference,
        );
        if folded.text.capacity() > 1 << 20 {
            // After a very long article, give the memory back.
            *folded = normalize::Folded::default();
        }
        (mentions, resolution)
    })
}

#[cfg(feature = "tables")]
mod job;
