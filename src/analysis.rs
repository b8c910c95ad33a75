//! The pure stages of one article, composed: fold and match the names
//! ([`crate::normalize`], [`crate::extract`]), settle ambiguous ones by
//! context and resolve the sets ([`crate::resolve`]). The job, the Python
//! package and `paysage extract` all go through here.

use crate::extract::{Matcher, Mention};
use crate::ingest::{Article, Reject};
use crate::reference::Reference;
use crate::resolve::Resolution;
use chrono::NaiveDate;
use std::io::{BufRead, Write};

/// [`analyse`] for an article as read: one whose language was guessed
/// (`lang_detected`) is scanned with every language's names, since the guess
/// may be wrong, and resolved with the guessed language's grammar.
pub fn analyse_article(
    article: &Article,
    date: Option<NaiveDate>,
    matcher: &Matcher,
    reference: &Reference,
) -> (Vec<Mention>, Resolution) {
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
    article: Article,
    as_of: Option<NaiveDate>,
    matcher: &Matcher,
    reference: &Reference,
) -> crate::rows::Processed {
    let date = as_of.or(article.date);
    let (mentions, resolution) = analyse_article(&article, date, matcher, reference);
    crate::rows::Processed {
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
    matcher: &Matcher,
    reference: &Reference,
) -> (Vec<Mention>, Resolution) {
    analyse_scanned(text, lang, lang, date, matcher, reference)
}

/// [`analyse`] with the names of `scan_lang` ("": every language's) and the
/// grammar of `lang`.
fn analyse_scanned(
    text: &str,
    scan_lang: &str,
    lang: &str,
    date: Option<NaiveDate>,
    matcher: &Matcher,
    reference: &Reference,
) -> (Vec<Mention>, Resolution) {
    // The folded copy lives in a buffer of the thread's own, reused from one
    // article to the next (no allocation of five times the text per article).
    thread_local! {
        static FOLDED: std::cell::RefCell<crate::normalize::Folded> = Default::default();
    }
    FOLDED.with_borrow_mut(|folded| {
        crate::normalize::fold_into(text, folded);
        let found = matcher.extract_folded(text, folded, scan_lang, date);
        let mut mentions = found.mentions;
        let resolution = crate::resolve::resolve(
            text,
            folded,
            &mut mentions,
            crate::resolve::Anchors {
                member_nouns: &found.member_nouns,
                capitals: &found.capitals,
            },
            lang,
            date,
            reference,
        );
        if folded.text.capacity() > 1 << 20 {
            // After a very long article, give the memory back.
            *folded = crate::normalize::Folded::default();
        }
        (mentions, resolution)
    })
}

/// `paysage extract`: JSON Lines articles from `input` (named `source` in
/// rejects) to JSON Lines mentions on `out`, one object per mention with the
/// `mentions` table's columns, each article at its own date. A rejected line
/// is written as `{"reject": {...}}` with `rejects_as_rows`, otherwise
/// returned.
pub fn stream_mentions(
    input: impl BufRead,
    source: &str,
    out: impl Write,
    rejects_as_rows: bool,
    matcher: &Matcher,
    reference: &Reference,
) -> std::io::Result<Vec<Reject>> {
    use crate::ingest::Sink;
    struct Out<'a, W: Write> {
        w: W,
        matcher: &'a Matcher,
        reference: &'a Reference,
        rejects: Vec<Reject>,
        rejects_as_rows: bool,
        error: Option<std::io::Error>,
    }
    impl<W: Write> Out<'_, W> {
        fn line(&mut self, row: &impl serde::Serialize) {
            let written = serde_json::to_writer(&mut self.w, row)
                .map_err(std::io::Error::from)
                .and_then(|()| self.w.write_all(b"\n"));
            if let Err(e) = written {
                self.error.get_or_insert(e);
            }
        }
    }
    impl<W: Write> Sink for Out<'_, W> {
        fn article(&mut self, a: Article) {
            let (mentions, _) = analyse_article(&a, a.date, self.matcher, self.reference);
            for m in &mentions {
                self.line(&crate::rows::MentionRow::new(&a.id, m, self.reference));
            }
        }
        fn reject(&mut self, r: Reject) {
            if self.rejects_as_rows {
                self.line(&serde_json::json!({ "reject": crate::rows::RejectRow::new(&r) }));
            } else {
                self.rejects.push(r);
            }
        }
        fn file(&mut self, _: crate::reference::InputFile) {}
        fn stopped(&self) -> bool {
            self.error.is_some()
        }
    }
    let mut sink = Out {
        w: out,
        matcher,
        reference,
        rejects: Vec::new(),
        rejects_as_rows,
        error: None,
    };
    crate::ingest::read_jsonl(input, source, &mut sink);
    sink.w.flush()?;
    match sink.error {
        Some(e) => Err(e),
        None => Ok(sink.rejects),
    }
}
