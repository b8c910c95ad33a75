//! Reading articles, streamed: JSON Lines files (plain, gzipped or
//! zstd-compressed), CSV files, folders of `.txt` files with a `.json`
//! sidecar for their metadata, globs, and stdin. Articles are handed one by
//! one to a [`Sink`], so a corpus never has to fit in memory; each file's
//! sha256 is computed as it is read.
//!
//! A bad article never stops the run: it becomes a [`Reject`] naming the file,
//! the line and the reason, and the run goes on.

use crate::reference::parse_date;
use chrono::NaiveDate;
use serde::Deserialize;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

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

/// Where read articles go.
pub trait Sink {
    fn article(&mut self, a: Article);
    fn reject(&mut self, r: Reject);
    fn file(&mut self, f: crate::reference::InputFile);
    /// True when nothing more is wanted (the run failed): readers stop.
    fn stopped(&self) -> bool {
        false
    }
}

/// A sink that keeps everything (tests, small inputs).
#[derive(Debug, Default)]
pub struct Ingested {
    pub articles: Vec<Article>,
    pub rejects: Vec<Reject>,
    pub files: Vec<crate::reference::InputFile>,
}

impl Sink for Ingested {
    fn article(&mut self, a: Article) {
        self.articles.push(a);
    }
    fn reject(&mut self, r: Reject) {
        self.rejects.push(r);
    }
    fn file(&mut self, f: crate::reference::InputFile) {
        self.files.push(f);
    }
}

/// How to read CSV article files: which columns hold the id and the text.
#[derive(Debug, Clone)]
pub struct Columns {
    pub id: String,
    pub text: String,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            id: "id".into(),
            text: "text".into(),
        }
    }
}

/// Bytes of input read so far (compressed size for compressed files), for
/// progress reports.
pub static BYTES_READ: AtomicU64 = AtomicU64::new(0);

/// Rejects a second article with an id already seen (ids key every table),
/// then passes everything on.
struct Dedup<'a, S: Sink> {
    inner: &'a mut S,
    /// A 128-bit hash of every id seen: 16 bytes an article, whatever the
    /// ids' length (a run over ten million articles keeps about 300 MB less
    /// than with the ids themselves). Two different ids share a hash with
    /// odds of about n²/2¹²⁹: never, for any corpus.
    seen: crate::reference::FastSet<u128>,
}

/// FNV-1a, 128 bits, of an article id.
fn id_hash(id: &str) -> u128 {
    let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for b in id.as_bytes() {
        h ^= u128::from(*b);
        h = h.wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
    }
    h
}

impl<S: Sink> Sink for Dedup<'_, S> {
    fn stopped(&self) -> bool {
        self.inner.stopped()
    }
    fn article(&mut self, a: Article) {
        if self.seen.insert(id_hash(&a.id)) {
            self.inner.article(a);
        } else {
            self.inner.reject(Reject {
                file: a.file.clone(),
                line: a.line,
                article_id: Some(a.id.clone()),
                reason: format!("duplicate article id `{}` (an earlier article has it)", a.id),
            });
        }
    }
    fn reject(&mut self, r: Reject) {
        self.inner.reject(r);
    }
    fn file(&mut self, f: crate::reference::InputFile) {
        self.inner.file(f);
    }
}

/// Counts and hashes the bytes read through it.
struct Hashing<R> {
    inner: R,
    hasher: sha2::Sha256,
    bytes: u64,
}

impl<R: Read> Hashing<R> {
    fn new(inner: R) -> Self {
        Hashing {
            inner,
            hasher: <sha2::Sha256 as sha2::Digest>::new(),
            bytes: 0,
        }
    }

    /// Bytes read and their hex sha256.
    fn finish(self) -> (u64, String) {
        let digest = <sha2::Sha256 as sha2::Digest>::finalize(self.hasher);
        (self.bytes, digest.iter().map(|b| format!("{b:02x}")).collect())
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use sha2::Digest;
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        BYTES_READ.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
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

/// Reads every source, in order, into `sink`. Only a folder that cannot be
/// listed or a path that does not exist (a glob that matches nothing) is an
/// error; everything else is a reject.
pub fn read_sources<S: Sink>(
    sources: &[ArticleSource],
    columns: &Columns,
    sink: &mut S,
) -> anyhow::Result<()> {
    read_sources_filtered(sources, columns, sink, &|_| true)
}

/// [`read_sources`], reading only the files `wanted` keeps (a shard's files
/// with `--shard-by file`); the others are not opened.
pub fn read_sources_filtered<S: Sink>(
    sources: &[ArticleSource],
    columns: &Columns,
    sink: &mut S,
    wanted: &dyn Fn(&Path) -> bool,
) -> anyhow::Result<()> {
    let mut out = Dedup {
        inner: sink,
        seen: Default::default(),
    };
    for s in sources {
        match s {
            ArticleSource::Stdin => {
                let stdin = std::io::stdin();
                read_jsonl(stdin.lock(), "<stdin>", &mut out);
            }
            ArticleSource::Path(p) => {
                for f in expand(p)? {
                    if out.stopped() {
                        return Ok(());
                    }
                    if !wanted(&f) {
                        continue;
                    }
                    read_file(&f, columns, &mut out);
                }
            }
        }
    }
    Ok(())
}

/// The files the sources name (folders and globs expanded, `.json` sidecars
/// included), hashed, for `--if-changed`.
pub fn hash_sources(sources: &[ArticleSource]) -> anyhow::Result<Vec<crate::reference::InputFile>> {
    use anyhow::Context;
    let mut paths = Vec::new();
    for s in sources {
        let ArticleSource::Path(p) = s else { continue };
        for f in expand(p)? {
            if f.extension().is_some_and(|x| x == "txt") && f.with_extension("json").exists() {
                paths.push(f.with_extension("json"));
            }
            paths.push(f);
        }
    }
    paths
        .into_iter()
        .map(|p| {
            // Streamed: a large corpus file is hashed without being held in memory.
            let file = std::fs::File::open(&p).with_context(|| format!("reading {}", p.display()))?;
            let mut hashed = Hashing::new(file);
            std::io::copy(&mut hashed, &mut std::io::sink())
                .with_context(|| format!("reading {}", p.display()))?;
            let (bytes, sha256) = hashed.finish();
            Ok(crate::reference::InputFile {
                bytes,
                sha256,
                path: p,
            })
        })
        .collect()
}

/// The article files a path names: a glob's matches, a folder's article
/// files (by ending), or the file itself; sorted. A glob that matches nothing
/// or a path that does not exist is an error.
/// The size in bytes of the files `sources` name (folders and globs
/// expanded, as read), or `None` when it cannot be known (stdin).
pub fn input_size(sources: &[ArticleSource]) -> Option<u64> {
    let mut total = 0;
    for s in sources {
        let ArticleSource::Path(p) = s else { return None };
        for f in expand(p).ok()? {
            total += std::fs::metadata(&f).ok()?.len();
        }
    }
    Some(total)
}

fn expand(p: &Path) -> anyhow::Result<Vec<PathBuf>> {
    use anyhow::Context;
    const ENDINGS: [&str; 6] = [".txt", ".jsonl", ".jsonl.gz", ".jsonl.zst", ".csv", ".parquet"];
    let pattern = p.to_string_lossy();
    let mut found: Vec<PathBuf> = if !p.exists() && pattern.contains(['*', '?', '[']) {
        let hits: Vec<PathBuf> = glob::glob(&pattern)
            .map_err(|e| anyhow::anyhow!("bad glob `{pattern}`: {e}"))?
            .filter_map(Result::ok)
            .collect();
        anyhow::ensure!(!hits.is_empty(), "no file matches `{pattern}`");
        hits
    } else if std::fs::metadata(p)
        .with_context(|| format!("reading articles from {}", p.display()))?
        .is_dir()
    {
        std::fs::read_dir(p)
            .with_context(|| format!("listing {}", p.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|e| {
                let n = e.file_name().and_then(|n| n.to_str()).unwrap_or("");
                ENDINGS.iter().any(|x| n.ends_with(x))
            })
            .collect()
    } else {
        vec![p.to_path_buf()]
    };
    found.sort();
    Ok(found)
}

fn read_file<S: Sink>(p: &Path, columns: &Columns, out: &mut S) {
    let name = p.display().to_string();
    let file = match std::fs::File::open(p) {
        Ok(f) => f,
        Err(e) => {
            return out.reject(Reject {
                file: name,
                line: None,
                article_id: None,
                reason: format!("cannot read: {e}"),
            })
        }
    };
    let mut hashed = Hashing::new(file);
    let fname = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if fname.ends_with(".txt") {
        let mut bytes = Vec::new();
        match hashed.read_to_end(&mut bytes) {
            Ok(_) => read_txt(p, &bytes, out),
            Err(e) => out.reject(Reject {
                file: name.clone(),
                line: None,
                article_id: None,
                reason: format!("cannot read: {e}"),
            }),
        }
    } else if fname.ends_with(".gz") {
        let dec = flate2::read::MultiGzDecoder::new(BufReader::new(&mut hashed));
        read_jsonl(BufReader::new(dec), &name, out);
    } else if fname.ends_with(".zst") {
        match zstd::stream::read::Decoder::new(&mut hashed) {
            Ok(dec) => read_jsonl(BufReader::new(dec), &name, out),
            Err(e) => out.reject(Reject {
                file: name.clone(),
                line: None,
                article_id: None,
                reason: format!("not a zstd stream: {e}"),
            }),
        }
    } else if fname.ends_with(".csv") {
        read_csv(&mut hashed, &name, columns, out);
    } else if fname.ends_with(".parquet") {
        read_parquet(p, &name, columns, out);
    } else {
        read_jsonl(BufReader::new(&mut hashed), &name, out);
    }
    // The hash covers the whole file, even where reading stopped early.
    let _ = std::io::copy(&mut hashed, &mut std::io::sink());
    let (bytes, sha256) = hashed.finish();
    out.file(crate::reference::InputFile {
        path: p.to_path_buf(),
        bytes,
        sha256,
    });
}

/// Rows of a Parquet file read at a time: memory holds one slice.
#[cfg(feature = "tables")]
const PARQUET_ROWS: usize = 5000;

/// A Parquet file of articles (columns as for CSV; any string-castable
/// types: a Date `date` column reads as YYYY-MM-DD), read slice by slice.
/// A reject's line is the row number (1-based).
#[cfg(feature = "tables")]
fn read_parquet<S: Sink>(p: &Path, name: &str, columns: &Columns, out: &mut S) {
    use polars::prelude::{DataType, ParquetReader, SerReader};
    let fail = |out: &mut S, reason: String| {
        out.reject(Reject {
            file: name.to_string(),
            line: None,
            article_id: None,
            reason,
        })
    };
    let open = || std::fs::File::open(p).map_err(|e| e.to_string());
    let rows = match open().and_then(|f| ParquetReader::new(f).num_rows().map_err(|e| e.to_string())) {
        Ok(n) => n,
        Err(e) => return fail(out, format!("not a Parquet file: {e}")),
    };
    for offset in (0..rows).step_by(PARQUET_ROWS) {
        if out.stopped() {
            return;
        }
        let df = match open().and_then(|f| {
            ParquetReader::new(f)
                .with_slice(Some((offset, PARQUET_ROWS)))
                .finish()
                .map_err(|e| e.to_string())
        }) {
            Ok(df) => df,
            Err(e) => return fail(out, format!("reading rows from {}: {e}", offset + 1)),
        };
        let col = |c: &str| -> Option<Vec<Option<String>>> {
            let s = df.column(c).ok()?.cast(&DataType::String).ok()?;
            Some(s.str().ok()?.iter().map(|v| v.map(String::from)).collect())
        };
        let (Some(ids), Some(texts)) = (col(&columns.id), col(&columns.text)) else {
            return fail(
                out,
                format!("no `{}` or no `{}` column", columns.id, columns.text),
            );
        };
        let (dates, langs, sources, titles) = (col("date"), col("lang"), col("source"), col("title"));
        let at = |v: &Option<Vec<Option<String>>>, i: usize| v.as_ref().and_then(|v| v[i].clone());
        for i in 0..df.height() {
            let raw = RawArticle {
                id: ids[i].clone().map(serde_json::Value::String),
                date: at(&dates, i),
                lang: at(&langs, i),
                source: at(&sources, i),
                title: at(&titles, i),
                text: texts[i].clone(),
            };
            push_article(raw, name, Some((offset + i + 1) as u64), out);
        }
    }
}

#[cfg(not(feature = "tables"))]
fn read_parquet<S: Sink>(_: &Path, name: &str, _: &Columns, out: &mut S) {
    out.reject(Reject {
        file: name.to_string(),
        line: None,
        article_id: None,
        reason: "Parquet input needs the `tables` feature".into(),
    });
}

/// A CSV file of articles: a header row naming the columns (`id` and `text`
/// unless `--id-column`/`--text-column` say otherwise; `date`, `lang`,
/// `source`, `title` when present).
fn read_csv<R: Read, S: Sink>(r: R, name: &str, columns: &Columns, out: &mut S) {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(r);
    let headers = match rdr.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return out.reject(Reject {
                file: name.to_string(),
                line: Some(1),
                article_id: None,
                reason: format!("bad CSV header: {e}"),
            })
        }
    };
    let find = |c: &str| headers.iter().position(|h| h == c.as_bytes());
    let (Some(id_col), Some(text_col)) = (find(&columns.id), find(&columns.text)) else {
        return out.reject(Reject {
            file: name.to_string(),
            line: Some(1),
            article_id: None,
            reason: format!(
                "the header has no `{}` or no `{}` column",
                columns.id, columns.text
            ),
        });
    };
    let opt = |c: &str| find(c);
    let (date_col, lang_col, source_col, title_col) = (opt("date"), opt("lang"), opt("source"), opt("title"));
    let mut rec = csv::ByteRecord::new();
    while !out.stopped() {
        let line = rdr.position().line();
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                out.reject(Reject {
                    file: name.to_string(),
                    line: Some(line),
                    article_id: None,
                    reason: format!("malformed CSV: {e}"),
                });
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let field = |i: Option<usize>| -> Result<Option<String>, String> {
            match i.and_then(|i| rec.get(i)) {
                None => Ok(None),
                Some(b) => std::str::from_utf8(b)
                    .map(|s| Some(s.to_string()))
                    .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to())),
            }
        };
        let raw = (|| -> Result<RawArticle, String> {
            Ok(RawArticle {
                id: field(Some(id_col))?.map(serde_json::Value::String),
                date: field(date_col)?,
                lang: field(lang_col)?,
                source: field(source_col)?,
                title: field(title_col)?,
                text: field(Some(text_col))?,
            })
        })();
        match raw {
            Ok(raw) => push_article(raw, name, Some(line), out),
            Err(reason) => out.reject(Reject {
                file: name.to_string(),
                line: Some(line),
                article_id: None,
                reason,
            }),
        }
    }
}

/// A `.txt` article: its metadata, if any, in the `.json` file of the same stem.
fn read_txt<S: Sink>(p: &Path, bytes: &[u8], out: &mut S) {
    let name = p.display().to_string();
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
    let sidecar = p.with_extension("json");
    let raw = if sidecar.exists() {
        let parsed = std::fs::read(&sidecar).map_err(|e| e.to_string()).and_then(|b| {
            out.file(crate::reference::InputFile {
                path: sidecar.clone(),
                bytes: b.len() as u64,
                sha256: crate::reference::sha256_hex(&b),
            });
            serde_json::from_slice::<RawArticle>(&b).map_err(|e| e.to_string())
        });
        match parsed {
            Ok(r) => r,
            Err(e) => {
                out.reject(Reject {
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
            out.reject(Reject {
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
pub fn read_jsonl<R: BufRead, S: Sink>(mut r: R, name: &str, out: &mut S) {
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    while !out.stopped() {
        buf.clear();
        match r.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.reject(Reject {
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
        let reject = |out: &mut S, id: Option<String>, reason: String| {
            out.reject(Reject {
                file: name.to_string(),
                line: Some(line_no),
                article_id: id,
                reason,
            })
        };
        // The line's UTF-8 is checked whole, in one SIMD pass (std's check
        // only explains a failure); the parser then reads text it need not
        // check again, string by string.
        let Ok(text) = simdutf8::basic::from_utf8(line) else {
            let at = std::str::from_utf8(line).err().map_or(0, |u| u.valid_up_to());
            reject(out, None, format!("invalid UTF-8 at byte {at} of the line"));
            continue;
        };
        match serde_json::from_str::<RawArticle>(text) {
            Ok(raw) => push_article(raw, name, Some(line_no), out),
            Err(e) => reject(out, None, format!("not a JSON article object: {e}")),
        }
    }
}

/// One article's fields as held in memory (a row of a DataFrame handed over
/// by the Python package), each optional, before validation.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub id: Option<String>,
    pub date: Option<String>,
    pub lang: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub text: Option<String>,
}

/// Reads rows held in memory into `sink`, validated and deduplicated as a
/// file's lines are (the same rejects with the same reasons): `name` stands
/// for the file, and a reject's line is the row number (1-based).
///
/// ```
/// use paysage::ingest::{read_rows, Fields, Ingested};
/// let mut out = Ingested::default();
/// let row = |id: &str, date: &str| Fields { id: Some(id.into()), date: Some(date.into()), text: Some("la France".into()), ..Fields::default() };
/// read_rows([row("a", "2012-12-05"), row("b", "05/12/2012"), row("a", "")], "<rows>", &mut out);
/// assert_eq!(out.articles.len(), 1);
/// assert_eq!(out.rejects[0].line, Some(2));
/// assert!(out.rejects[1].reason.starts_with("duplicate article id"));
/// ```
pub fn read_rows<S: Sink>(rows: impl IntoIterator<Item = Fields>, name: &str, sink: &mut S) {
    let mut out = Dedup {
        inner: sink,
        seen: Default::default(),
    };
    for (i, f) in rows.into_iter().enumerate() {
        if out.stopped() {
            return;
        }
        let raw = RawArticle {
            id: f.id.map(serde_json::Value::String),
            date: f.date,
            lang: f.lang,
            source: f.source,
            title: f.title,
            text: f.text,
        };
        push_article(raw, name, Some(i as u64 + 1), &mut out);
    }
}

fn push_article<S: Sink>(raw: RawArticle, file: &str, line: Option<u64>, out: &mut S) {
    let id = match raw.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let mut reject = |reason: String| {
        out.reject(Reject {
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
    out.article(Article {
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
        assert_eq!(out.rejects[4].reason, "invalid UTF-8 at byte 21 of the line");
    }
}
