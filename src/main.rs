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
use paysage::lookup::{write_lookups, Mode};
use paysage::reference::{parse_date, Reference};
use paysage::{MaxRejects, UsageError};
use std::io::BufRead;
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
            let usage = e.downcast_ref::<UsageError>().is_some();
            ExitCode::from(if usage { EXIT_USAGE } else { EXIT_FAILED })
        }
    }
}

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

/// `run`'s flags, checked, as the job's configuration.
fn run_config(a: &RunArgs) -> Result<paysage::RunConfig> {
    let as_of = date_arg("as-of", &a.as_of)?;
    let today = date_arg("today", &a.today)?;
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
    let mut config = paysage::RunConfig::new(a.input.clone(), a.output.clone());
    config.articles = articles;
    config.as_of = as_of;
    config.strict = a.strict;
    config.if_changed = a.if_changed;
    config.threads = a.threads.map(usize::from);
    config.groups = a.groups.clone();
    config.shard = shard;
    config.shard_by_file = a.shard_by == "file";
    config.allow_empty = a.allow_empty;
    if let Some(d) = today {
        config.today = d;
    }
    config.columns = paysage::ingest::Columns {
        id: a.id_column.clone(),
        text: a.text_column.clone(),
    };
    config.progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
    Ok(config)
}

/// `paysage run`: the job, its summary on stderr, and an exit code that says
/// whether lines were rejected beyond `--max-rejects`.
fn run_job(a: RunArgs) -> Result<u8> {
    let max_rejects = a.max_rejects.as_deref().map(MaxRejects::parse).transpose()?;
    let config = run_config(&a)?;
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
    let n = paysage::reference::export_embedded(dir)?;
    eprintln!("paysage: wrote {n} reference files to {}", dir.display());
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
    let mode = if a.prose { Mode::Prose } else { Mode::Cell };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (lang, to) = (a.lang.as_deref(), a.to.as_deref());
    if a.names.is_empty() {
        let names = std::io::stdin().lock().lines();
        write_lookups(names, lang, mode, to, &matcher, &reference, &mut out)?;
    } else {
        let names = a.names.into_iter().map(Ok);
        write_lookups(names, lang, mode, to, &matcher, &reference, &mut out)?;
    }
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
    paysage::lookup::write_roster(
        &reference,
        &groups,
        date,
        std::io::BufWriter::new(std::io::stdout().lock()),
    )?;
    Ok(EXIT_OK)
}

/// Streams JSON Lines articles from stdin to JSON Lines mentions on stdout,
/// one object per mention with the `mentions` table's columns. Rejected lines
/// go to stderr (exit 3), or with `--rejects-as-rows` to stdout as
/// `{"reject": {...}}` (exit 0).
fn run_extract(a: ExtractArgs) -> Result<u8> {
    let today = date_arg("today", &a.today)?.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let reference = load_reference(&a.input)?;
    let matcher = paysage::extract::Matcher::new(&reference)?.with_today(today);
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let stdin = std::io::stdin().lock();
    let rejects =
        paysage::analysis::stream_mentions(stdin, "<stdin>", out, a.rejects_as_rows, &matcher, &reference)
            .context("writing mentions to stdout")?;
    for r in &rejects {
        eprintln!("paysage: rejected {}", r.describe());
    }
    Ok(if rejects.is_empty() { EXIT_OK } else { EXIT_REJECTS })
}
