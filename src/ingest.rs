//! Reading articles: JSON Lines files (plain or gzipped), folders of `.txt`
//! files with a `.json` sidecar for their metadata, and stdin.
//!
//! A bad article never stops the run: it becomes a [`Reject`] naming the file,
//! the line and the reason, and the run goes on.

use crate::reference::parse_date;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One article, ready for extraction.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub lang: String,
    pub source: String,
    pub title: String,
    pub text: String,
    /// True when `lang` was missing and guessed from the text.
    pub lang_detected: bool,
    /// Where it was read: the file, and the line in a JSON Lines file.
    pub file: String,
    pub line: Option<u64>,
}

/// Guesses the language of a text (ISO 639-1 where one exists: "fr", "en").
///
/// ```
/// assert_eq!(paysage::ingest::detect_lang("Le gouvernement a annoncé mercredi une réforme des retraites."), Some("fr".into()));
/// ```
pub fn detect_lang(text: &str) -> Option<String> {
    // A few thousand characters are plenty and keep the guess cheap.
    let head: String = text.chars().take(4000).collect();
    let info = whatlang::detect(&head)?;
    let code = info.lang().code();
    let short = match code {
        "fra" => "fr",
        "eng" => "en",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "rus" => "ru",
        "ara" => "ar",
        other => other,
    };
    Some(short.to_string())
}

/// An article that could not be read, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Reject {
    pub file: String,
    /// 1-based line in a JSON Lines file; `None` for a whole file.
    pub line: Option<u64>,
    pub article_id: Option<String>,
    pub reason: String,
}

impl Reject {
    /// `file:line (article id): reason`, as printed in the run's summary.
    pub fn describe(&self) -> String {
        let line = self.line.map(|l| format!(":{l}")).unwrap_or_default();
        let id = self
            .article_id
            .as_deref()
            .map(|i| format!(" (article {i})"))
            .unwrap_or_default();
        format!("{}{line}{id}: {}", self.file, self.reason)
    }
}

/// Where articles come from.
#[derive(Debug, Clone, PartialEq)]
pub enum ArticleSource {
    Path(PathBuf),
    Stdin,
}

/// What was read: the articles, the rejects, and the files (for the manifest).
#[derive(Debug, Default)]
pub struct Ingested {
    pub articles: Vec<Article>,
    pub rejects: Vec<Reject>,
    pub files: Vec<crate::reference::InputFile>,
}

/// Metadata of an article, as JSON (one JSON Lines row, or a `.json` sidecar).
#[derive(Debug, Deserialize)]
struct RawArticle {
    id: Option<serde_json::Value>,
    date: Option<String>,
    lang: Option<String>,
    source: Option<String>,
    title: Option<String>,
    text: Option<String>,
}

/// Reads every source, in order. Only an unreadable folder or a file that does
/// not exist is an error; everything else is a reject.
pub fn read_sources(sources: &[ArticleSource]) -> anyhow::Result<Ingested> {
    let mut out = Ingested::default();
    for s in sources {
        match s {
            ArticleSource::Stdin => {
                let stdin = std::io::stdin();
                read_jsonl(stdin.lock(), "<stdin>", &mut out);
            }
            ArticleSource::Path(p) => read_path(p, &mut out)?,
        }
    }
    // Ids are the key of every table: a second article with the same id is rejected.
    let mut seen = HashSet::new();
    let mut kept = Vec::with_capacity(out.articles.len());
    for a in std::mem::take(&mut out.articles) {
        if seen.insert(a.id.clone()) {
            kept.push(a);
        } else {
            out.rejects.push(Reject {
                file: a.file.clone(),
                line: a.line,
                article_id: Some(a.id.clone()),
                reason: format!("duplicate article id `{}` (an earlier article has it)", a.id),
            });
        }
    }
    out.articles = kept;
    Ok(out)
}

fn read_path(p: &Path, out: &mut Ingested) -> anyhow::Result<()> {
    use anyhow::Context;
    let meta = std::fs::metadata(p).with_context(|| format!("reading articles from {}", p.display()))?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .with_context(|| format!("listing {}", p.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            let name = e.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.ends_with(".txt") || name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") {
                read_file(&e, out);
            }
        }
        Ok(())
    } else {
        read_file(p, out);
        Ok(())
    }
}

fn read_file(p: &Path, out: &mut Ingested) {
    let name = p.display().to_string();
    let reject_file = |out: &mut Ingested, reason: String| {
        out.rejects.push(Reject {
            file: name.clone(),
            line: None,
            article_id: None,
            reason,
        })
    };
    let bytes = match std::fs::read(p) {
        Ok(b) => b,
        Err(e) => return reject_file(out, format!("cannot read: {e}")),
    };
    out.files.push(crate::reference::InputFile {
        path: p.to_path_buf(),
        bytes: bytes.len() as u64,
        sha256: crate::reference::sha256_hex(&bytes),
    });
    let fname = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if fname.ends_with(".txt") {
        read_txt(p, &bytes, out);
    } else if fname.ends_with(".gz") {
        let dec = flate2::read::MultiGzDecoder::new(&bytes[..]);
        read_jsonl(BufReader::new(dec), &name, out);
    } else {
        read_jsonl(&bytes[..], &name, out);
    }
}

/// A `.txt` article: its metadata, if any, in the `.json` file of the same stem.
fn read_txt(p: &Path, bytes: &[u8], out: &mut Ingested) {
    let name = p.display().to_string();
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
    let sidecar = p.with_extension("json");
    let raw = if sidecar.exists() {
        let parsed = std::fs::read(&sidecar).map_err(|e| e.to_string()).and_then(|b| {
            out.files.push(crate::reference::InputFile {
                path: sidecar.clone(),
                bytes: b.len() as u64,
                sha256: crate::reference::sha256_hex(&b),
            });
            serde_json::from_slice::<RawArticle>(&b).map_err(|e| e.to_string())
        });
        match parsed {
            Ok(r) => r,
            Err(e) => {
                out.rejects.push(Reject {
                    file: sidecar.display().to_string(),
                    line: None,
                    article_id: Some(stem),
                    reason: format!("metadata is not valid JSON: {e}"),
                });
                return;
            }
        }
    } else {
        RawArticle {
            id: None,
            date: None,
            lang: None,
            source: None,
            title: None,
            text: None,
        }
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t).replace("\r\n", "\n"),
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            out.rejects.push(Reject {
                file: name,
                line: Some(line),
                article_id: Some(stem),
                reason: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            });
            return;
        }
    };
    let raw = RawArticle {
        id: raw.id.or(Some(serde_json::Value::String(stem))),
        text: Some(text),
        ..raw
    };
    push_article(raw, &name, None, out);
}

/// Reads JSON Lines, one article a line.
pub fn read_jsonl<R: BufRead>(mut r: R, name: &str, out: &mut Ingested) {
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        buf.clear();
        match r.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.rejects.push(Reject {
                    file: name.to_string(),
                    line: Some(line_no + 1),
                    article_id: None,
                    reason: format!("read error (file cut short?): {e}"),
                });
                break;
            }
        }
        line_no += 1;
        let mut line: &[u8] = &buf;
        if line_no == 1 {
            line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
        }
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let reject = |out: &mut Ingested, id: Option<String>, reason: String| {
            out.rejects.push(Reject {
                file: name.to_string(),
                line: Some(line_no),
                article_id: id,
                reason,
            })
        };
        let text = match std::str::from_utf8(line) {
            Ok(t) => t,
            Err(e) => {
                reject(
                    out,
                    None,
                    format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
                );
                continue;
            }
        };
        match serde_json::from_str::<RawArticle>(text) {
            Ok(raw) => push_article(raw, name, Some(line_no), out),
            Err(e) => reject(out, None, format!("not a JSON article object: {e}")),
        }
    }
}

fn push_article(raw: RawArticle, file: &str, line: Option<u64>, out: &mut Ingested) {
    let id = match raw.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let mut reject = |reason: String| {
        out.rejects.push(Reject {
            file: file.to_string(),
            line,
            article_id: id.clone(),
            reason,
        })
    };
    let Some(article_id) = id.clone() else {
        return reject("field `id`: missing or empty".into());
    };
    let text = match raw.text {
        Some(t) if !t.trim().is_empty() => t,
        Some(_) => return reject("field `text`: empty article".into()),
        None => return reject("field `text`: missing".into()),
    };
    let date = match raw.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => match parse_article_date(d) {
            Some(d) => Some(d),
            None => {
                return reject(format!(
                    "field `date`: `{d}` is not a date (YYYY-MM-DD, optionally with a time)"
                ))
            }
        },
    };
    let given = raw.lang.unwrap_or_default().trim().to_lowercase();
    let (lang, lang_detected) = if given.is_empty() {
        match detect_lang(&text) {
            Some(l) => (l, true),
            None => (String::new(), false),
        }
    } else {
        (given, false)
    };
    out.articles.push(Article {
        id: article_id,
        date,
        lang,
        source: raw.source.unwrap_or_default(),
        title: raw.title.unwrap_or_default(),
        text,
        lang_detected,
        file: file.to_string(),
        line,
    });
}

/// `YYYY-MM-DD`, optionally followed by a time (`T15:01:01`, ` 15:01`).
fn parse_article_date(s: &str) -> Option<NaiveDate> {
    let (day, rest) = if s.len() > 10 && s.is_char_boundary(10) {
        s.split_at(10)
    } else {
        (s, "")
    };
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    parse_date(day)
}

/// Reads everything from a reader into a string, for tests and stdin.
pub fn read_all<R: Read>(mut r: R) -> std::io::Result<Vec<u8>> {
    let mut v = Vec::new();
    r.read_to_end(&mut v)?;
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ingest(s: &[u8]) -> Ingested {
        let mut out = Ingested::default();
        read_jsonl(s, "t.jsonl", &mut out);
        out
    }

    #[test]
    fn bad_lines_are_rejected_with_their_line() {
        let input = b"{\"id\":\"a\",\"date\":\"2012-12-05\",\"lang\":\"fr\",\"text\":\"la France\"}\n\
not json\n\
{\"id\":\"b\",\"text\":\"  \"}\n\
{\"id\":\"c\",\"date\":\"05/12/2012\",\"text\":\"x\"}\n\
{\"id\":\"d\",\"date\":\"2012-02-30\",\"text\":\"x\"}\n\
{\"id\":\"e\",\"text\":\"caf\xe9\"}\n\
{\"id\":\"f\",\"date\":\"1987-02-26T15:01:01\",\"text\":\"ok\"}\r\n";
        let out = ingest(input);
        assert_eq!(
            out.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["a", "f"]
        );
        let lines: Vec<_> = out.rejects.iter().map(|r| r.line.unwrap()).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6]);
        assert!(out.rejects[1].reason.contains("empty"));
        assert!(out.rejects[2].reason.contains("date"));
        assert!(out.rejects[4].reason.contains("UTF-8"));
    }
}
