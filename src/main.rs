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
use paysage::lookup::{lookup_in, LookupRow, Mode};
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
    /// The reference data embedded in the binary.
    #[command(subcommand)]
    Reference(ReferenceCommand),
}

#[derive(Subcommand, Debug)]
enum ReferenceCommand {
    /// Write the embedded reference files to DIR (for editing; use them with --input DIR).
    Export {
        /// The folder to write (created; existing files are not overwritten).
        dir: PathBuf,
    },
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// Your own reference files (names/*.csv, groups/*.csv, or any shipped file to replace),
    /// layered on the reference data embedded in the binary; default: the embedded data alone.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Write a rejected line as a JSON object `{"reject": {"file", "line", "article_id", "reason"}}`
    /// on stdout (exit 0) instead of on stderr (exit 3).
    #[arg(long = "rejects-as-rows")]
    rejects_as_rows: bool,
    /// The UTC date undated articles are read at (YYYY-MM-DD); default: today in UTC.
    #[arg(long)]
    today: Option<String>,
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
    /// Your own reference files (names/*.csv, groups/*.csv, or any shipped file to replace),
    /// layered on the reference data embedded in the binary; default: the embedded data alone.
    #[arg(long)]
    input: Option<PathBuf>,
    /// The date (YYYY-MM-DD); default: today.
    #[arg(long = "as-of")]
    as_of: Option<String>,
    /// Group codes (nato, eu, ...); default: every group.
    groups: Vec<String>,
}

#[derive(Args, Debug, Clone)]
struct RunArgs {
    /// Your own reference files (names/*.csv, groups/*.csv, or any shipped file to replace),
    /// layered on the reference data embedded in the binary; default: the embedded data alone.
    /// Its articles/ folder holds the default articles.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Articles: a JSON Lines file (.jsonl, .jsonl.gz), a folder of .txt files
    /// with .json metadata, or - for JSON Lines on stdin. Repeatable; default:
    /// the articles/ folder of --input (or of ./input).
    #[arg(long = "articles")]
    articles: Vec<String>,
    /// Output folder, replaced as a whole at the end of a successful run.
    #[arg(long, default_value = "output")]
    output: PathBuf,
    /// Instead of --output: a dataset folder that grows run by run (only new or changed input
    /// files are read; README "Daily runs").
    #[arg(long, conflicts_with_all = ["shard", "if_changed"])]
    dataset: Option<PathBuf>,
    /// Read every group membership at this date (YYYY-MM-DD) instead of each article's own date.
    #[arg(long = "as-of")]
    as_of: Option<String>,
    /// Groups to break down, comma-separated codes (eu,nato,oecd,...) or `all`; default: the
    /// groups `input/group_info.csv` marks `breakdown` (the EU, NATO, OECD, UN, ...).
    #[arg(long, value_delimiter = ',')]
    groups: Option<Vec<String>>,
    /// Process only the articles whose id hashes to shard K of N (FNV-1a 64 of the id, modulo N).
    #[arg(long)]
    shard: Option<String>,
    /// What --shard splits: `id` (every shard reads every file, keeps its articles) or `file`
    /// (each shard reads only the files whose name hashes to it).
    #[arg(long = "shard-by", value_parser = ["id", "file"], default_value = "id", requires = "shard")]
    shard_by: String,
    /// The UTC date undated articles are read at (YYYY-MM-DD); default: today in UTC.
    #[arg(long)]
    today: Option<String>,
    /// Write empty tables when the inputs hold no article (default: exit 1, previous outputs kept).
    #[arg(long = "allow-empty")]
    allow_empty: bool,
    /// Exit 0 instead of 3 when fewer articles than this were rejected: a count (10) or a share
    /// of the lines read (0.5%). The rejects are still listed.
    #[arg(long = "max-rejects")]
    max_rejects: Option<String>,
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
    /// Your own reference files (names/*.csv, groups/*.csv, or any shipped file to replace),
    /// layered on the reference data embedded in the binary; default: the embedded data alone.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Language of the names (fr, en, de, es, it, pt, nl, ...); default: every language.
    #[arg(long)]
    lang: Option<String>,
    /// Print only this column, one line per name (empty when not matched),
    /// instead of CSV: iso3, iso2, numeric, name_en, name_fr, status.
    #[arg(long, value_parser = ["iso3", "iso2", "numeric", "name_en", "name_fr", "status"])]
    to: Option<String>,
    /// Read each name as running text (the case rules of `run`: "US" but not
    /// "us") instead of as a data cell (the default: any case, and the data
    /// sources' conventions undone: "Korea, Rep.", "Bahamas (the)").
    #[arg(long)]
    prose: bool,
    /// Names to classify; with none, one name a line is read on stdin.
    names: Vec<String>,
}

/// Turns transparent huge pages off for this process. The job allocates and
/// frees in batches; with huge pages the kernel zeroes 2 MiB at each fault of
/// memory the allocator takes back, which measured as about 4% of the wall
/// time and 90 MiB of peak memory on the French corpus (paired runs,
/// `BENCHMARKS.md`).
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE reads no memory of ours; it fails
    // harmlessly (-1) on a kernel without it.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    no_huge_pages();
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
        Some(Command::Reference(ReferenceCommand::Export { dir })) => export_reference(&dir),
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

/// The reference data: the embedded files, with `--input`'s on top. A
/// folder named with `--input` that does not exist is a usage error.
fn load_reference(input: &Option<PathBuf>) -> Result<Reference> {
    check_input(input)?;
    paysage::reference::layered(input.as_deref())
        .and_then(|files| Reference::from_files(&files))
        .context("reference data is invalid")
}

fn check_input(input: &Option<PathBuf>) -> Result<()> {
    if let Some(dir) = input {
        if !dir.is_dir() {
            let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
            bail!(UsageError(format!(
                "--input {}: reference folder not found",
                abs.display()
            )));
        }
    }
    Ok(())
}

fn date_arg(flag: &str, value: &Option<String>) -> Result<Option<chrono::NaiveDate>> {
    match value {
        None => Ok(None),
        Some(s) => Ok(Some(parse_date(s).ok_or_else(|| {
            UsageError(format!("--{flag} `{s}` is not a date (YYYY-MM-DD)"))
        })?)),
    }
}

/// `--max-rejects`: a count, or a percentage of the lines read.
#[derive(Debug, Clone, Copy)]
enum MaxRejects {
    Count(u64),
    Percent(f64),
}

impl MaxRejects {
    fn parse(s: &str) -> Result<MaxRejects> {
        let bad = || {
            UsageError(format!(
                "--max-rejects `{s}` is not a count (10) or a percentage (0.5%)"
            ))
        };
        match s.trim().strip_suffix('%') {
            Some(p) => {
                let p: f64 = p.trim().parse().map_err(|_| bad())?;
                if !(0.0..=100.0).contains(&p) {
                    return Err(bad().into());
                }
                Ok(MaxRejects::Percent(p))
            }
            None => Ok(MaxRejects::Count(s.trim().parse().map_err(|_| bad())?)),
        }
    }

    /// Whether `rejects` among `articles + rejects` lines stay under the limit.
    fn tolerates(self, rejects: usize, articles: usize) -> bool {
        match self {
            MaxRejects::Count(n) => (rejects as u64) < n,
            MaxRejects::Percent(p) => {
                let lines = (rejects + articles).max(1) as f64;
                (rejects as f64) * 100.0 / lines < p
            }
        }
    }
}

fn run_job(a: RunArgs) -> Result<u8> {
    let as_of = date_arg("as-of", &a.as_of)?;
    let today = date_arg("today", &a.today)?;
    let max_rejects = a.max_rejects.as_deref().map(MaxRejects::parse).transpose()?;
    check_input(&a.input)?;
    if a.articles.is_empty() {
        let default = paysage::default_articles(a.input.as_deref());
        if !default.exists() {
            let abs = std::path::absolute(&default).unwrap_or(default);
            bail!(UsageError(format!(
                "no articles: give --articles PATH (the default, {}, is not there)",
                abs.display()
            )));
        }
    }
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
    config.shard_by_file = a.shard_by == "file";
    config.allow_empty = a.allow_empty;
    if let Some(d) = today {
        config.today = d;
    }
    config.columns = paysage::ingest::Columns {
        id: a.id_column,
        text: a.text_column,
    };
    config.progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let s = match &a.dataset {
        Some(dir) => paysage::dataset::run_dataset(&config, dir)?,
        None => paysage::run(&config)?,
    };
    let wrote = a.dataset.as_ref().unwrap_or(&config.output);
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
    for w in &s.warnings {
        eprintln!("paysage: warning: {w}");
    }
    eprintln!(
        "paysage: {} articles, {} rejected, {} mentions, {} sets ({} inconsistent), {} members; wrote {}",
        s.articles,
        s.rejects.len(),
        s.mentions,
        s.sets,
        s.inconsistent,
        s.members,
        wrote.display()
    );
    if s.already_in_dataset > 0 {
        eprintln!(
            "paysage: {} articles skipped: the dataset holds their ids already",
            s.already_in_dataset
        );
    }
    let tolerated = max_rejects.is_some_and(|m| m.tolerates(s.rejects.len(), s.articles));
    if !s.rejects.is_empty() && tolerated {
        eprintln!(
            "paysage: {} rejects, under --max-rejects {}: exit 0",
            s.rejects.len(),
            a.max_rejects.as_deref().unwrap_or("")
        );
    }
    Ok(if s.rejects.is_empty() || tolerated {
        EXIT_OK
    } else {
        EXIT_REJECTS
    })
}

/// `paysage reference export DIR`: the embedded reference files, written out.
fn export_reference(dir: &std::path::Path) -> Result<u8> {
    let files = paysage::reference::embedded_files();
    for f in &files {
        let p = dir.join(&f.name);
        if p.exists() {
            bail!(
                "{} exists; nothing was overwritten (export to a new folder)",
                p.display()
            );
        }
    }
    for f in &files {
        let p = dir.join(&f.name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&p, &f.bytes).with_context(|| format!("writing {}", p.display()))?;
    }
    eprintln!(
        "paysage: wrote {} reference files to {}",
        files.len(),
        dir.display()
    );
    Ok(EXIT_OK)
}

fn run_lookup(a: LookupArgs) -> Result<u8> {
    let reference = load_reference(&a.input)?;
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
    let mode = if a.prose { Mode::Prose } else { Mode::Cell };
    let render = |name: &str| -> Result<String> {
        let found = lookup_in(name, a.lang.as_deref(), mode, &matcher, &reference);
        let row = LookupRow::new(&found, &reference).context("a code the reference data does not hold")?;
        if let Some(to) = &a.to {
            return Ok(format!("{}\n", row.column(to)));
        }
        let (iso3, iso2, numeric, name_en) = match row.country {
            Some(c) => (
                c.alpha3.as_str(),
                c.alpha2.as_str(),
                c.numeric.as_str(),
                c.name_en.as_str(),
            ),
            None => ("", "", "", ""),
        };
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        w.write_record([name, row.status, iso3, iso2, numeric, name_en, &row.candidates])?;
        Ok(String::from_utf8(w.into_inner()?)?)
    };
    if a.names.is_empty() {
        // A column repeats its values: each distinct name is classified once
        // (up to 100,000 of them kept).
        let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        for line in std::io::stdin().lock().lines() {
            let line = line.context("reading names on stdin")?;
            let name = line.trim_end_matches('\r');
            if let Some(row) = seen.get(name) {
                out.write_all(row.as_bytes())?;
                continue;
            }
            let row = render(name)?;
            out.write_all(row.as_bytes())?;
            if seen.len() < 100_000 {
                seen.insert(name.to_string(), row);
            }
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
    let date = date_arg("as-of", &a.as_of)?.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let reference = load_reference(&a.input)?;
    // With no group named, every group (not only those broken down by default).
    let all = ["all".to_string()];
    let wanted = if a.groups.is_empty() {
        &all[..]
    } else {
        a.groups.as_slice()
    };
    let groups = paysage::select_groups(&reference, Some(wanted))?;
    let stdout = std::io::stdout();
    let mut w = csv::Writer::from_writer(std::io::BufWriter::new(stdout.lock()));
    w.write_record([
        "group",
        "as_of",
        "iso3",
        "name_en",
        "joined",
        "left",
        "suspended",
        "former",
    ])?;
    let flag = |b: bool| if b { "true" } else { "false" };
    for g in &groups {
        for iso3 in reference.members_on(g, date) {
            let m = reference
                .membership_on(g, iso3, date)
                .context("member without a period")?;
            // A former state (the USSR in the Warsaw Pact) by its historical.csv id and name.
            let name = match reference.country(iso3) {
                Some(c) => c.name_en.as_str(),
                None => reference.historical(iso3).map_or("", |h| h.name_en.as_str()),
            };
            w.write_record([
                g.as_str(),
                &date.to_string(),
                iso3,
                name,
                &m.joined.to_string(),
                &m.left.map(|l| l.to_string()).unwrap_or_default(),
                flag(reference.is_suspended(g, iso3, date)),
                flag(m.former),
            ])?;
        }
    }
    w.flush()?;
    Ok(EXIT_OK)
}

/// Streams JSON Lines articles from stdin to JSON Lines mentions on stdout,
/// one object per mention with the `mentions` table's columns. Rejected lines
/// go to stderr (exit 3), or with `--rejects-as-rows` to stdout as
/// `{"reject": {...}}` (exit 0).
fn run_extract(a: ExtractArgs) -> Result<u8> {
    use paysage::ingest::{Article, Reject, Sink};
    struct Out<'a, W: Write> {
        w: W,
        matcher: &'a paysage::extract::Matcher,
        reference: &'a Reference,
        rejects: usize,
        rejects_as_rows: bool,
        error: Option<std::io::Error>,
    }
    impl<W: Write> Sink for Out<'_, W> {
        fn article(&mut self, a: Article) {
            let (mentions, _) = paysage::analyse_article(&a, a.date, self.matcher, self.reference);
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
            if self.rejects_as_rows {
                let row = serde_json::json!({ "reject": paysage::rows::RejectRow::new(&r) });
                if let Err(e) = writeln!(self.w, "{row}") {
                    self.error.get_or_insert(e);
                }
                return;
            }
            self.rejects += 1;
            eprintln!("paysage: rejected {}", r.describe());
        }
        fn file(&mut self, _: paysage::reference::InputFile) {}
    }
    let today = date_arg("today", &a.today)?.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let reference = load_reference(&a.input)?;
    let matcher = paysage::extract::Matcher::new(&reference)?.with_today(today);
    let stdout = std::io::stdout();
    let mut out = Out {
        w: std::io::BufWriter::new(stdout.lock()),
        matcher: &matcher,
        reference: &reference,
        rejects: 0,
        rejects_as_rows: a.rejects_as_rows,
        error: None,
    };
    paysage::ingest::read_jsonl(std::io::stdin().lock(), "<stdin>", &mut out);
    out.w.flush()?;
    if let Some(e) = out.error {
        return Err(e).context("writing mentions to stdout");
    }
    Ok(if out.rejects == 0 { EXIT_OK } else { EXIT_REJECTS })
}
