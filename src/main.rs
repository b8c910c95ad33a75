//! The `paysage` command: turns flags into a validated configuration, runs the
//! job, and turns the outcome into an exit code a scheduler can read.

use anyhow::{bail, Context, Result};

/// mimalloc: articles are allocated on the reader thread and freed on the
/// scan threads, millions of small strings a run; it cuts the job's CPU time
/// by about a tenth over the system allocator (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use clap::{Args, Parser, Subcommand};
use paysage::ingest::ArticleSource;
use paysage::lookup::{lookup, Lookup};
use paysage::reference::{parse_date, Reference};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes (documented in the README).
const EXIT_OK: u8 = 0;
const EXIT_FAILED: u8 = 1;
const EXIT_USAGE: u8 = 2;
const EXIT_REJECTS: u8 = 3;

#[derive(Parser, Debug)]
#[command(
    name = "paysage",
    version,
    about = "Countries named in news articles, as clean, dated country data"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the job: read articles and reference data, write every table (the default).
    Run(RunArgs),
    /// Classify whole names, one a line (CSV on stdout).
    Lookup(LookupArgs),
    /// List groups' members on a date, with the date each joined (CSV on stdout).
    Groups(GroupsArgs),
    /// Read JSON Lines articles on stdin, write their mentions as JSON Lines on stdout
    /// (for Unix pipelines and Spark's RDD.pipe).
    Extract(ExtractArgs),
    /// Recompute the run-level tables (country_mentions, run_breakdown) from shards' output folders.
    Merge(MergeArgs),
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// Reference data folder.
    #[arg(long, default_value = "input")]
    input: PathBuf,
}

#[derive(Args, Debug)]
struct MergeArgs {
    /// Where to write the merged tables.
    #[arg(long, default_value = "output")]
    output: PathBuf,
    /// The shards' output folders.
    #[arg(required = true)]
    shards: Vec<PathBuf>,
}

#[derive(Args, Debug)]
struct GroupsArgs {
    /// Reference data folder.
    #[arg(long, default_value = "input")]
    input: PathBuf,
    /// The date (YYYY-MM-DD); default: today.
    #[arg(long = "as-of")]
    as_of: Option<String>,
    /// Group codes (nato, eu, ...); default: every group.
    groups: Vec<String>,
}

#[derive(Args, Debug, Clone)]
struct RunArgs {
    /// Reference data folder (and its default articles under articles/).
    #[arg(long, default_value = "input")]
    input: PathBuf,
    /// Articles: a JSON Lines file (.jsonl, .jsonl.gz), a folder of .txt files
    /// with .json metadata, or - for JSON Lines on stdin. Repeatable; replaces
    /// the articles under --input.
    #[arg(long = "articles")]
    articles: Vec<String>,
    /// Output folder, replaced as a whole at the end of a successful run.
    #[arg(long, default_value = "output")]
    output: PathBuf,
    /// Read every group membership at this date (YYYY-MM-DD) instead of each article's own date.
    #[arg(long = "as-of")]
    as_of: Option<String>,
    /// Groups to break down, comma-separated codes (eu,nato,oecd,...); default: every shipped group.
    #[arg(long, value_delimiter = ',')]
    groups: Option<Vec<String>>,
    /// Process only the articles whose id hashes to shard K of N (FNV-1a 64 of the id, modulo N).
    #[arg(long)]
    shard: Option<String>,
    /// CSV article files: the column that holds the text.
    #[arg(long = "text-column", default_value = "text")]
    text_column: String,
    /// CSV article files: the column that holds the id.
    #[arg(long = "id-column", default_value = "id")]
    id_column: String,
    /// Fail (exit 1, previous outputs kept) if any article is rejected.
    #[arg(long)]
    strict: bool,
    /// Do nothing (exit 0, "unchanged") when every input's hash matches the last manifest.
    #[arg(long = "if-changed")]
    if_changed: bool,
    /// Worker threads for the scan (default: one per core). The output is the same whatever the count.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

#[derive(Args, Debug)]
struct LookupArgs {
    /// Reference data folder.
    #[arg(long, default_value = "input")]
    input: PathBuf,
    /// Language of the names (fr, en, de, es, it, pt, nl, ...); default: every language.
    #[arg(long)]
    lang: Option<String>,
    /// Print only this column, one line per name (empty when not matched),
    /// instead of CSV: iso3, iso2, numeric, name_en, name_fr, status.
    #[arg(long, value_parser = ["iso3", "iso2", "numeric", "name_en", "name_fr", "status"])]
    to: Option<String>,
    /// Names to classify; with none, one name a line is read on stdin.
    names: Vec<String>,
}

fn main() -> ExitCode {
    // Structured log lines on stderr (progress of long runs when stderr is not a terminal).
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_max_level(tracing::Level::INFO)
        .init();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Some(Command::Lookup(a)) => run_lookup(a),
        Some(Command::Groups(a)) => run_groups(a),
        Some(Command::Extract(a)) => run_extract(a),
        Some(Command::Merge(a)) => paysage::merge(&a.shards, &a.output).map(|n| {
            eprintln!("paysage: merged {n} shards into {}", a.output.display());
            EXIT_OK
        }),
        Some(Command::Run(a)) => run_job(a),
        None => run_job(cli.run),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("paysage: error: {e:#}");
            let usage =
                e.downcast_ref::<UsageError>().is_some() || e.downcast_ref::<paysage::UsageError>().is_some();
            ExitCode::from(if usage { EXIT_USAGE } else { EXIT_FAILED })
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct UsageError(String);

fn run_job(a: RunArgs) -> Result<u8> {
    let as_of = match &a.as_of {
        None => None,
        Some(s) => Some(
            parse_date(s).ok_or_else(|| UsageError(format!("--as-of `{s}` is not a date (YYYY-MM-DD)")))?,
        ),
    };
    let articles = a
        .articles
        .iter()
        .map(|s| {
            if s == "-" {
                ArticleSource::Stdin
            } else {
                ArticleSource::Path(PathBuf::from(s))
            }
        })
        .collect();
    let shard = match &a.shard {
        None => None,
        Some(s) => {
            let bad = || UsageError(format!("--shard `{s}` is not K/N with 0 <= K < N (e.g. 0/4)"));
            let (k, n) = s.split_once('/').ok_or_else(bad)?;
            let (k, n): (u64, u64) = (
                k.trim().parse().map_err(|_| bad())?,
                n.trim().parse().map_err(|_| bad())?,
            );
            if n == 0 || k >= n {
                return Err(bad().into());
            }
            Some((k, n))
        }
    };
    let mut config = paysage::RunConfig::new(a.input, a.output);
    config.articles = articles;
    config.as_of = as_of;
    config.strict = a.strict;
    config.if_changed = a.if_changed;
    config.threads = a.threads.map(usize::from);
    config.groups = a.groups;
    config.shard = shard;
    config.columns = paysage::ingest::Columns {
        id: a.id_column,
        text: a.text_column,
    };
    config.progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let s = paysage::run(&config)?;
    if s.unchanged {
        eprintln!(
            "paysage: unchanged: every input matches {}/manifest.json; nothing was written",
            config.output.display()
        );
        return Ok(EXIT_OK);
    }
    for r in &s.rejects {
        eprintln!("paysage: rejected {}", r.describe());
    }
    eprintln!(
        "paysage: {} articles, {} rejected, {} mentions, {} sets ({} inconsistent), {} members; wrote {}",
        s.articles,
        s.rejects.len(),
        s.mentions,
        s.sets,
        s.inconsistent,
        s.members,
        config.output.display()
    );
    Ok(if s.rejects.is_empty() {
        EXIT_OK
    } else {
        EXIT_REJECTS
    })
}

fn run_lookup(a: LookupArgs) -> Result<u8> {
    let reference = Reference::load(&a.input).context("reference data is invalid")?;
    if let Some(l) = &a.lang {
        let langs = reference.languages();
        if !langs.contains(l.as_str()) {
            bail!(UsageError(format!(
                "--lang {l}: no names for this language (have: {})",
                langs.into_iter().collect::<Vec<_>>().join(", ")
            )));
        }
    }
    let matcher = paysage::extract::Matcher::new(&reference)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.to.is_none() {
        writeln!(out, "input,status,iso3,iso2,numeric,name_en,candidates")?;
    }
    // One output line per input name, in order.
    let render = |name: &str| -> Result<String> {
        let found = lookup(name, a.lang.as_deref(), &matcher, &reference);
        let country = match &found {
            Lookup::Matched(iso3) => Some(reference.country(iso3).context("matched code not in countries")?),
            _ => None,
        };
        let status = match found {
            Lookup::Matched(_) => "matched",
            Lookup::Ambiguous(_) => "ambiguous",
            Lookup::Unmatched => "unmatched",
        };
        if let Some(to) = &a.to {
            let v = match (to.as_str(), country) {
                ("status", _) => status,
                ("iso3", Some(c)) => &c.alpha3,
                ("iso2", Some(c)) => &c.alpha2,
                ("numeric", Some(c)) => &c.numeric,
                ("name_en", Some(c)) => &c.name_en,
                ("name_fr", Some(c)) => &c.name_fr,
                _ => "",
            };
            return Ok(format!("{v}\n"));
        }
        let candidates = match &found {
            Lookup::Ambiguous(codes) => codes.join(";"),
            _ => String::new(),
        };
        let (iso3, iso2, numeric, name_en) = match country {
            Some(c) => (
                c.alpha3.as_str(),
                c.alpha2.as_str(),
                c.numeric.as_str(),
                c.name_en.as_str(),
            ),
            None => ("", "", "", ""),
        };
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        w.write_record([name, status, iso3, iso2, numeric, name_en, &candidates])?;
        Ok(String::from_utf8(w.into_inner()?)?)
    };
    if a.names.is_empty() {
        for line in std::io::stdin().lock().lines() {
            let line = line.context("reading names on stdin")?;
            out.write_all(render(line.trim_end_matches('\r'))?.as_bytes())?;
        }
    } else {
        for n in &a.names {
            out.write_all(render(n)?.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

fn run_groups(a: GroupsArgs) -> Result<u8> {
    let date = match &a.as_of {
        None => chrono::Local::now().date_naive(),
        Some(s) => {
            parse_date(s).ok_or_else(|| UsageError(format!("--as-of `{s}` is not a date (YYYY-MM-DD)")))?
        }
    };
    let reference = Reference::load(&a.input).context("reference data is invalid")?;
    let wanted = (!a.groups.is_empty()).then_some(a.groups.as_slice());
    let groups = paysage::select_groups(&reference, wanted)?;
    let stdout = std::io::stdout();
    let mut w = csv::Writer::from_writer(std::io::BufWriter::new(stdout.lock()));
    w.write_record(["group", "as_of", "iso3", "name_en", "joined", "left", "suspended"])?;
    for g in &groups {
        for iso3 in reference.members_on(g, date) {
            let m = reference
                .membership_on(g, iso3, date)
                .context("member without a period")?;
            let name = reference.country(iso3).map_or("", |c| c.name_en.as_str());
            w.write_record([
                g.as_str(),
                &date.to_string(),
                iso3,
                name,
                &m.joined.to_string(),
                &m.left.map(|l| l.to_string()).unwrap_or_default(),
                if reference.is_suspended(g, iso3, date) {
                    "true"
                } else {
                    "false"
                },
            ])?;
        }
    }
    w.flush()?;
    Ok(EXIT_OK)
}

/// Streams JSON Lines articles from stdin to JSON Lines mentions on stdout,
/// one object per mention with the `mentions` table's columns. Rejected lines go to stderr; the exit code is 3 if any.
fn run_extract(a: ExtractArgs) -> Result<u8> {
    use paysage::ingest::{Article, Reject, Sink};
    struct Out<'a, W: Write> {
        w: W,
        matcher: &'a paysage::extract::Matcher,
        reference: &'a Reference,
        rejects: usize,
        error: Option<std::io::Error>,
    }
    impl<W: Write> Sink for Out<'_, W> {
        fn article(&mut self, a: Article) {
            let (mentions, _) = paysage::analyse(&a.text, &a.lang, a.date, self.matcher, self.reference);
            for m in &mentions {
                let row = paysage::rows::MentionRow::new(&a.id, m, self.reference);
                let written = serde_json::to_writer(&mut self.w, &row)
                    .map_err(std::io::Error::from)
                    .and_then(|()| self.w.write_all(b"\n"));
                if let Err(e) = written {
                    self.error.get_or_insert(e);
                }
            }
        }
        fn reject(&mut self, r: Reject) {
            self.rejects += 1;
            eprintln!("paysage: rejected {}", r.describe());
        }
        fn file(&mut self, _: paysage::reference::InputFile) {}
    }
    let reference = Reference::load(&a.input).context("reference data is invalid")?;
    let matcher = paysage::extract::Matcher::new(&reference)?;
    let stdout = std::io::stdout();
    let mut out = Out {
        w: std::io::BufWriter::new(stdout.lock()),
        matcher: &matcher,
        reference: &reference,
        rejects: 0,
        error: None,
    };
    paysage::ingest::read_jsonl(std::io::stdin().lock(), "<stdin>", &mut out);
    out.w.flush()?;
    if let Some(e) = out.error {
        return Err(e).context("writing mentions to stdout");
    }
    Ok(if out.rejects == 0 { EXIT_OK } else { EXIT_REJECTS })
}
