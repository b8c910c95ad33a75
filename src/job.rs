//! The job, streamed: a reader thread parses articles into batches; each
//! batch is scanned on every core, turned into tables and appended to the
//! output files (Parquet row groups, CSV rows); run-level tables are
//! combined from small per-batch aggregates at the end. Memory holds a few
//! batches, whatever the size of the corpus.

use crate::ingest::{self, Article, ArticleSource, Columns, Reject, Sink};
use crate::manifest::{self, Kind, Manifest, Settings};
use crate::reference::{select_groups, InputFile, Reference};
use crate::{breakdown, extract, resolve, tables, write};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use polars::prelude::{BooleanChunked, DataFrame, PolarsResult};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

/// A validated run configuration (no stage sees a command-line type).
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// A folder of reference files layered on the embedded ones (its own
    /// names/ and groups/, or any shipped file to replace); `None`: the
    /// embedded reference data alone.
    pub input: Option<PathBuf>,
    /// Where articles come from; empty means `<input or ./input>/articles`.
    pub articles: Vec<ArticleSource>,
    pub output: PathBuf,
    /// Read every membership at this date instead of each article's own.
    pub as_of: Option<NaiveDate>,
    /// Any rejected article fails the run (nothing is written).
    pub strict: bool,
    /// Skip the run when every input's hash matches the last manifest.
    pub if_changed: bool,
    /// Worker threads for the scan (`None`: one per core).
    pub threads: Option<usize>,
    /// Groups broken down (`None`: those `group_info.csv` marks `breakdown`;
    /// `all`: every group); codes, any case.
    pub groups: Option<Vec<String>>,
    /// Process only the articles of shard K of N (`(K, N)`, 0 ≤ K < N).
    pub shard: Option<(u64, u64)>,
    /// Split shards by input file (each shard reads only its files) instead
    /// of by article id.
    pub shard_by_file: bool,
    /// The UTC date undated articles are read at.
    pub today: NaiveDate,
    /// A run whose inputs hold no article writes empty tables instead of
    /// failing.
    pub allow_empty: bool,
    /// A `run_id` column added to every per-article table (datasets).
    pub run_id: Option<String>,
    /// Articles with these ids are skipped (a dataset holds them already).
    pub skip_ids: Option<std::sync::Arc<HashSet<String>>>,
    /// CSV article files: the id and text columns.
    pub columns: Columns,
    /// Articles per batch (memory holds about three batches).
    pub batch_articles: usize,
    /// Show a progress bar on stderr (when it is a terminal).
    pub progress: bool,
}

impl RunConfig {
    /// The defaults, with `input` (a folder, or `None` for the embedded
    /// reference data) and `output`.
    pub fn new(input: impl Into<Option<PathBuf>>, output: PathBuf) -> RunConfig {
        RunConfig {
            input: input.into(),
            articles: Vec::new(),
            output,
            as_of: None,
            strict: false,
            if_changed: false,
            threads: None,
            groups: None,
            shard: None,
            shard_by_file: false,
            today: chrono::Utc::now().date_naive(),
            allow_empty: false,
            run_id: None,
            skip_ids: None,
            columns: Columns::default(),
            batch_articles: 10_000,
            progress: false,
        }
    }
}

/// What a run did, for the summary line and the exit code.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    pub articles: usize,
    pub rejects: Vec<Reject>,
    pub mentions: usize,
    /// Distinct countries of each article's top-level sets, summed.
    pub members: usize,
    pub sets: usize,
    /// Sets whose stated count the text contradicts.
    pub inconsistent: usize,
    /// Articles left to the other shards.
    pub other_shards: usize,
    /// Articles skipped because a dataset holds their id already.
    pub already_in_dataset: usize,
    /// True when `--if-changed` found nothing new and wrote nothing.
    pub unchanged: bool,
    /// Problems after the outputs were swapped in (the old folder could not
    /// be removed): the run succeeded, these are warnings.
    pub warnings: Vec<String>,
}

/// The articles of a run's inputs, when no `--articles` is given:
/// `<input>/articles`, or `./input/articles`.
pub fn default_articles(input: Option<&Path>) -> PathBuf {
    input.unwrap_or(Path::new("input")).join("articles")
}

/// The shard an article id belongs to, of `n`: FNV-1a (64 bit) of the id's
/// UTF-8 bytes, modulo `n`. Stable across runs, machines and versions.
///
/// ```
/// assert_eq!(paysage::shard_of("orangesum-2", 1), 0);
/// assert!(paysage::shard_of("orangesum-2", 4) < 4);
/// ```
pub fn shard_of(id: &str, n: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h % n
}

/// What the reader thread hands on.
#[derive(Default)]
struct Batch {
    articles: Vec<Article>,
    rejects: Vec<Reject>,
}

/// Collects articles into batches and sends each full batch on.
struct Batcher {
    tx: SyncSender<Batch>,
    current: Batch,
    bytes: usize,
    /// Text per batch: from [`FIRST_BATCH_BYTES`] doubling to [`BATCH_BYTES`].
    bytes_limit: usize,
    limit: usize,
    shard: Option<(u64, u64)>,
    other_shards: usize,
    skip_ids: Option<std::sync::Arc<HashSet<String>>>,
    skipped: usize,
    files: Vec<InputFile>,
    closed: bool,
}

/// A batch is sent when its text passes this size (or at `batch_articles`):
/// large enough that each batch's fixed costs (a polars query, a CSV write
/// per table) are small beside its scan, small enough that the last one's
/// tables close the run quickly.
const BATCH_BYTES: usize = 8 << 20;

/// The first batch's size: the scan starts as soon as this much is read,
/// and each batch is twice the one before, up to [`BATCH_BYTES`].
const FIRST_BATCH_BYTES: usize = 1 << 20;

impl Batcher {
    fn send(&mut self) {
        let batch = std::mem::take(&mut self.current);
        self.bytes = 0;
        self.bytes_limit = (self.bytes_limit * 2).min(BATCH_BYTES);
        // The receiver only hangs up when the run failed: stop quietly.
        if self.tx.send(batch).is_err() {
            self.closed = true;
        }
    }
}

impl Sink for Batcher {
    fn article(&mut self, a: Article) {
        if self.closed {
            return; // the run failed: keep nothing (the readers stop, see `stopped`)
        }
        if let Some((k, n)) = self.shard {
            if shard_of(&a.id, n) != k {
                self.other_shards += 1;
                return;
            }
        }
        if self.skip_ids.as_ref().is_some_and(|s| s.contains(&a.id)) {
            self.skipped += 1;
            return;
        }
        self.bytes += a.text.len();
        self.current.articles.push(a);
        if !self.closed && (self.current.articles.len() >= self.limit || self.bytes >= self.bytes_limit) {
            self.send();
        }
    }
    fn reject(&mut self, r: Reject) {
        // A reject belongs to the shard its id hashes to (no id: shard 0), so
        // that the shards' rejects add up to the whole run's.
        if let Some((k, n)) = self.shard {
            let owner = r.article_id.as_deref().map_or(0, |id| shard_of(id, n));
            if owner != k {
                return;
            }
        }
        self.current.rejects.push(r);
    }
    fn file(&mut self, f: InputFile) {
        self.files.push(f);
    }
    fn stopped(&self) -> bool {
        self.closed
    }
}

/// The files read, the articles left to other shards, the articles skipped.
type ReadResult = Result<(Vec<InputFile>, usize, usize)>;

/// Starts the reader thread: it parses `sources` into batches on the
/// returned channel, and returns the files it read and the number of
/// articles left to other shards.
fn spawn_reader(
    sources: Vec<ArticleSource>,
    config: &RunConfig,
) -> Result<(Receiver<Batch>, std::thread::JoinHandle<ReadResult>)> {
    let (tx, rx) = sync_channel::<Batch>(2);
    let columns = config.columns.clone();
    let file_filter = file_filter(config);
    let mut batcher = Batcher {
        tx,
        current: Batch::default(),
        bytes: 0,
        bytes_limit: FIRST_BATCH_BYTES,
        limit: config.batch_articles.max(1),
        // Split by file, each shard reads only its files: no article filter.
        shard: config.shard.filter(|_| !config.shard_by_file),
        other_shards: 0,
        skip_ids: config.skip_ids.clone(),
        skipped: 0,
        files: Vec::new(),
        closed: false,
    };
    let reader = std::thread::Builder::new()
        .name("paysage-reader".into())
        .spawn(move || -> ReadResult {
            ingest::read_sources_filtered(&sources, &columns, &mut batcher, &file_filter)?;
            batcher.send();
            Ok((batcher.files, batcher.other_shards, batcher.skipped))
        })
        .context("starting the reader thread")?;
    Ok((rx, reader))
}

/// With `--shard K/N --shard-by file`: whether a file belongs to this shard
/// (FNV-1a of its file name, modulo N); every file otherwise.
fn file_filter(config: &RunConfig) -> impl Fn(&Path) -> bool + Send + 'static {
    let shard = config.shard.filter(|_| config.shard_by_file);
    move |p: &Path| {
        shard.is_none_or(|(k, n)| {
            let name = p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
            shard_of(&name, n) == k
        })
    }
}

/// The settings of a run that change its outputs (`--if-changed` compares them).
pub(crate) fn settings(config: &RunConfig, groups: &[String]) -> Settings {
    Settings {
        as_of: match config.as_of {
            Some(d) => d.to_string(),
            None => "article date".to_string(),
        },
        today: config.today.to_string(),
        shard: config.shard.map(|(k, n)| format!("{k}/{n}")),
        shard_by: config
            .shard
            .map(|_| if config.shard_by_file { "file" } else { "id" }.to_string()),
        groups: groups.to_vec(),
        id_column: config.columns.id.clone(),
        text_column: config.columns.text.clone(),
    }
}

/// The reference data: the embedded files with `--input`'s on top.
pub fn load_reference(input: Option<&Path>) -> Result<Reference> {
    let files = crate::reference::layered(input)?;
    Ok(Reference::from_files(&files)?)
}

/// Per-batch aggregates kept before they are combined into one.
const PARTS_KEPT: usize = 32;

/// Articles kept for the report: the first ones with sets.
const REPORT_ARTICLES: usize = 200;

/// `--max-rejects`: a count, or a percentage of the lines read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MaxRejects {
    Count(u64),
    Percent(f64),
}

impl MaxRejects {
    pub fn parse(s: &str) -> anyhow::Result<MaxRejects> {
        let bad = || {
            crate::reference::UsageError(format!(
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
    pub fn tolerates(self, rejects: usize, articles: usize) -> bool {
        match self {
            MaxRejects::Count(n) => (rejects as u64) < n,
            MaxRejects::Percent(p) => {
                let lines = (rejects + articles).max(1) as f64;
                (rejects as f64) * 100.0 / lines < p
            }
        }
    }
}

/// Runs the whole job: read, extract, resolve, break down, write.
pub fn run(config: &RunConfig) -> Result<RunSummary> {
    let clock = std::time::Instant::now();
    let _lock = write::OutputLock::acquire(&config.output)?;
    let load_reference =
        || load_reference(config.input.as_deref()).context("reference data is invalid; nothing was written");
    let sources = if config.articles.is_empty() {
        vec![ArticleSource::Path(default_articles(config.input.as_deref()))]
    } else {
        config.articles.clone()
    };
    let mut loaded = None;
    if config.if_changed && !sources.contains(&ArticleSource::Stdin) {
        let reference = load_reference()?;
        let groups = select_groups(&reference, config.groups.as_deref())?;
        let mut inputs = reference.files.clone();
        inputs.extend(ingest::hash_sources(&sources)?);
        let unchanged = Manifest::read(&config.output)
            .is_ok_and(|last| last.same_run(&settings(config, &groups), &manifest::inputs(&inputs)));
        if unchanged {
            return Ok(RunSummary {
                unchanged: true,
                ..RunSummary::default()
            });
        }
        loaded = Some(reference);
    }
    // Reading starts while the reference data loads; if that fails, the
    // channel closes and the reader stops at its next batch.
    ingest::BYTES_READ.store(0, Ordering::Relaxed);
    let (rx, reader) = spawn_reader(sources.clone(), config)?;
    let reference = match loaded {
        Some(r) => r,
        None => load_reference()?,
    };
    let matcher = extract::Matcher::new(&reference)
        .context("building the name matcher")?
        .with_today(config.today);
    let groups = select_groups(&reference, config.groups.as_deref())?;
    let kind = if config.shard.is_some() {
        Kind::Shard
    } else {
        Kind::Run
    };
    let mut manifest = Manifest::start(kind, settings(config, &groups));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.unwrap_or(0))
        .build()
        .context("starting the worker threads")?;
    // Shards write file names that carry the shard, so that a query engine can
    // read every shard's folder as one table.
    let suffix = config
        .shard
        .map(|(k, n)| format!(".shard-{k}-of-{n}"))
        .unwrap_or_default();
    let mut out = RunOutput::new(write::Staging::create(&config.output, &suffix)?);
    out.run_id = config.run_id.clone();
    let processed_articles = AtomicU64::new(0);
    let mut batches = 0usize;

    let (files, other_shards, skipped) = std::thread::scope(|scope| -> ReadResult {
        let progress =
            crate::progress::Progress::start(scope, config.progress, &sources, &processed_articles);
        let mut work = || -> Result<()> {
            // Two batches in flight: batch N is scanned on the pool while the
            // tables of batch N-1 are built and appended, so that both cores
            // stay busy; batches are still written in input order.
            let mut scanned: Option<Scanned> = None;
            let mut write = |s: Scanned| {
                out.write_batch(s, &reference, &groups)?;
                processed_articles.store(out.summary.articles as u64, Ordering::Relaxed);
                Ok::<_, anyhow::Error>(())
            };
            for batch in rx.iter() {
                if batches > 0 && batch.articles.is_empty() && batch.rejects.is_empty() {
                    continue;
                }
                batches += 1;
                let previous = scanned.take();
                let (next, written) = pool.join(
                    || scan_batch(batch, config, &reference, &matcher),
                    || previous.map(&mut write).transpose(),
                );
                written?;
                scanned = Some(next);
            }
            scanned.map(write).transpose()?;
            Ok(())
        };
        let worked = work();
        drop(rx);
        progress.finish();
        let read = reader
            .join()
            .map_err(|_| anyhow::anyhow!("the reader thread panicked"))?;
        worked?;
        read
    })?;
    out.summary.other_shards = other_shards;
    out.summary.already_in_dataset = skipped;

    if config.strict && !out.summary.rejects.is_empty() {
        let rejects = &out.summary.rejects;
        let list: Vec<String> = rejects.iter().take(20).map(Reject::describe).collect();
        anyhow::bail!(
            "{} articles rejected and --strict is set; nothing was written:\n  {}",
            rejects.len(),
            list.join("\n  ")
        );
    }
    if out.summary.articles + out.summary.other_shards == 0 && !config.allow_empty {
        anyhow::bail!(
            "the inputs hold no article ({} rejected); nothing was written, the previous outputs are kept \
             (--allow-empty writes empty tables)",
            out.summary.rejects.len()
        );
    }
    let mut inputs = reference.files.clone();
    inputs.extend(files);
    manifest.inputs = manifest::inputs(&inputs);
    out.finish(|summary, rows| {
        manifest.finished_at = chrono::Utc::now().to_rfc3339();
        manifest.wall_seconds = clock.elapsed().as_secs_f64();
        manifest.tables = rows.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        manifest.articles = summary.articles;
        manifest.other_shards = summary.other_shards;
        manifest.already_in_dataset = summary.already_in_dataset;
        manifest.rejected_articles = summary.rejects.len();
        manifest.rejects = summary.rejects.iter().take(1000).map(Reject::describe).collect();
        manifest.exit_status = if summary.rejects.is_empty() { 0 } else { 3 };
        manifest
    })
}

/// A batch after the scan: each article with its mentions and resolution.
struct Scanned {
    processed: Vec<tables::Processed>,
    rejects: Vec<Reject>,
}

/// Scans a batch's articles on every core of the current pool (or
/// `--threads`); `collect` keeps input order, so the output is the same
/// whatever the count.
fn scan_batch(
    batch: Batch,
    config: &RunConfig,
    reference: &Reference,
    matcher: &extract::Matcher,
) -> Scanned {
    use rayon::prelude::*;
    let processed = batch
        .articles
        .into_par_iter()
        .map(|article| crate::analysis::process(article, config.as_of, matcher, reference))
        .collect();
    Scanned {
        processed,
        rejects: batch.rejects,
    }
}

/// What a run has written so far: its output files (staged), the rows of
/// each table, the per-batch aggregates of the run-level tables, and the
/// rows kept for the report.
struct RunOutput {
    staging: write::Staging,
    summary: RunSummary,
    rows: BTreeMap<&'static str, usize>,
    country_parts: Vec<DataFrame>,
    run_parts: Vec<DataFrame>,
    report_tables: Vec<(&'static str, DataFrame)>,
    report_ids: HashSet<String>,
    /// Added as a `run_id` column to every per-article table.
    run_id: Option<String>,
}

impl RunOutput {
    fn new(staging: write::Staging) -> RunOutput {
        RunOutput {
            staging,
            summary: RunSummary::default(),
            rows: BTreeMap::new(),
            country_parts: Vec::new(),
            run_parts: Vec::new(),
            report_tables: Vec::new(),
            report_ids: HashSet::new(),
            run_id: None,
        }
    }

    /// Builds a scanned batch's tables and appends them to the output files.
    fn write_batch(&mut self, scanned: Scanned, reference: &Reference, groups: &[String]) -> Result<()> {
        let Scanned { processed, rejects } = scanned;
        let summary = &mut self.summary;
        summary.articles += processed.len();
        summary.mentions += processed.iter().map(|p| p.mentions.len()).sum::<usize>();
        summary.members += processed
            .iter()
            .map(|p| p.resolution.top_members().len())
            .sum::<usize>();
        summary.sets += processed.iter().map(|p| p.resolution.sets.len()).sum::<usize>();
        summary.inconsistent += processed
            .iter()
            .flat_map(|p| &p.resolution.sets)
            .filter(|s| s.status == Some(resolve::Status::Inconsistent))
            .count();
        summary.rejects.extend(rejects.iter().cloned());

        // Once the report has its articles, no later batch (whose ids are new)
        // has rows for it.
        let for_report = self.report_ids.len() < REPORT_ARTICLES;
        // The rows borrow the dimensions' names and the run id while `self`
        // is written to.
        let dimensions: Vec<String> = groups.iter().map(|g| crate::rows::group_dimension(g)).collect();
        let run_id = self.run_id.clone();
        let built = tables::build(
            &processed,
            &rejects,
            reference,
            groups,
            &dimensions,
            run_id.as_deref(),
        )?;
        // Folded into one every so often: memory stays flat however long the run.
        self.country_parts.push(built.country_mentions);
        if self.country_parts.len() >= PARTS_KEPT {
            let all = std::mem::take(&mut self.country_parts);
            self.country_parts.push(breakdown::combine_country_mentions(all)?);
        }
        self.run_parts.push(built.run_breakdown);
        if self.run_parts.len() >= PARTS_KEPT {
            let all = std::mem::take(&mut self.run_parts);
            self.run_parts.push(breakdown::combine_run_breakdowns(all)?);
        }
        let mut appended = built.tables;
        for f in &appended {
            *self.rows.entry(f.name).or_default() += f.df.height();
            if for_report && matches!(f.name, "articles" | "sets" | "members" | "breakdown") {
                self.keep_for_report(f.name, &f.df, &processed)?;
            }
        }
        self.staging.append_all(
            appended
                .iter_mut()
                .map(|f| (f.name, &mut f.df, Some(&f.rows)))
                .collect(),
        )
    }

    /// Keeps the rows of the first [`REPORT_ARTICLES`] articles with sets,
    /// for the report's per-article sections.
    fn keep_for_report(
        &mut self,
        name: &'static str,
        df: &DataFrame,
        processed: &[tables::Processed],
    ) -> PolarsResult<()> {
        if name == "articles" {
            for p in processed {
                if self.report_ids.len() >= REPORT_ARTICLES {
                    break;
                }
                if !p.resolution.sets.is_empty() {
                    self.report_ids.insert(p.article.id.clone());
                }
            }
        }
        let ids = df.column("article_id")?.str()?;
        let mask: BooleanChunked = ids
            .iter()
            .map(|v| v.is_some_and(|v| self.report_ids.contains(v)))
            .collect();
        let kept = df.filter(&mask)?;
        match self.report_tables.iter_mut().find(|(n, _)| *n == name) {
            Some((_, acc)) => {
                acc.vstack_mut(&kept)?;
            }
            None => self.report_tables.push((name, kept)),
        }
        Ok(())
    }

    /// Writes the run-level tables (combined from the per-batch aggregates),
    /// the report and the manifest (`manifest` makes it from the summary and
    /// the rows of each table), and swaps the outputs in.
    fn finish(
        mut self,
        manifest: impl FnOnce(&RunSummary, &BTreeMap<&'static str, usize>) -> Manifest,
    ) -> Result<RunSummary> {
        let mut country_mentions = breakdown::combine_country_mentions(self.country_parts)?;
        let mut run_breakdown = breakdown::combine_run_breakdowns(self.run_parts)?;
        self.rows.insert("country_mentions", country_mentions.height());
        self.rows.insert("run_breakdown", run_breakdown.height());
        self.staging.append("country_mentions", &mut country_mentions)?;
        self.staging.append("run_breakdown", &mut run_breakdown)?;
        let manifest = manifest(&self.summary, &self.rows);
        self.report_tables.push(("country_mentions", country_mentions));
        let page = crate::report::render(&self.report_tables, &serde_json::to_value(&manifest)?)
            .context("rendering report.html")?;
        self.summary.warnings = self.staging.finish(&page, &manifest)?;
        Ok(self.summary)
    }
}

/// Checks that the folders' manifests make one whole set of shards: every
/// folder a shard (not a full run, a merge or a dataset), each of 0..N once,
/// all made by the same version and schema, with the same settings (as-of
/// rule, today, groups, columns, split) and, split by id, the same inputs.
/// Returns the manifests in shard order.
pub fn check_shards(shards: &[PathBuf]) -> Result<Vec<(PathBuf, Manifest)>> {
    let mut read = Vec::new();
    for dir in shards {
        let m = Manifest::read(dir).with_context(|| {
            format!(
                "{}: not a paysage output folder (no readable manifest.json)",
                dir.display()
            )
        })?;
        anyhow::ensure!(
            m.kind == Kind::Shard,
            "{}: made by {}, not a shard (--shard K/N); merge takes shards only",
            dir.display(),
            match m.kind {
                Kind::Run => "a full run",
                Kind::Merge => "a merge",
                Kind::Dataset => "a dataset run",
                Kind::Shard => "a shard",
            }
        );
        read.push((dir.clone(), m));
    }
    let Some((first_dir, first)) = read.first().cloned() else {
        anyhow::bail!("no shard folders given");
    };
    let of = |m: &Manifest| -> Result<(u64, u64)> {
        let s = m.settings.shard.as_deref().unwrap_or("");
        s.split_once('/')
            .and_then(|(k, n)| Some((k.parse().ok()?, n.parse().ok()?)))
            .with_context(|| format!("manifest has no valid shard (`{s}`)"))
    };
    let (_, n) = of(&first)?;
    let mut by_k: BTreeMap<u64, PathBuf> = BTreeMap::new();
    for (dir, m) in &read {
        let (k, this_n) = of(m).with_context(|| dir.display().to_string())?;
        let differs = |what: &str| {
            anyhow::anyhow!(
                "{}: made with a different {what} than {} (shards of one run must share it)",
                dir.display(),
                first_dir.display()
            )
        };
        if this_n != n {
            return Err(differs("shard count"));
        }
        if m.version != first.version {
            return Err(differs(&format!("version ({} vs {})", m.version, first.version)));
        }
        if m.schema_version != first.schema_version {
            return Err(differs("schema version"));
        }
        let (a, b) = (&m.settings, &first.settings);
        if a.as_of != b.as_of {
            return Err(differs(&format!("as-of rule ({} vs {})", a.as_of, b.as_of)));
        }
        if a.groups != b.groups {
            return Err(differs("group list (--groups)"));
        }
        if a.today != b.today {
            return Err(differs(&format!("--today ({} vs {})", a.today, b.today)));
        }
        if (&a.id_column, &a.text_column) != (&b.id_column, &b.text_column) {
            return Err(differs("--id-column/--text-column"));
        }
        if a.shard_by != b.shard_by {
            return Err(differs("split (--shard-by)"));
        }
        if a.shard_by.as_deref() != Some("file") && m.inputs != first.inputs {
            return Err(differs("set of inputs"));
        }
        if let Some(other) = by_k.insert(k, dir.clone()) {
            anyhow::bail!(
                "{}: shard {k}/{n} is given twice (also {})",
                dir.display(),
                other.display()
            );
        }
    }
    let missing: Vec<String> = (0..n)
        .filter(|k| !by_k.contains_key(k))
        .map(|k| format!("{k}/{n}"))
        .collect();
    anyhow::ensure!(
        missing.is_empty(),
        "incomplete shard set: {} missing (given: {})",
        missing.join(", "),
        shards
            .iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    read.sort_by_key(|(_, m)| of(m).map(|s| s.0).unwrap_or(0));
    Ok(read)
}

/// `paysage merge`: the run-level tables (`country_mentions`,
/// `run_breakdown`) recomputed from the folders of a whole set of shards
/// (checked by [`check_shards`]), written to `output` like a run's.
pub fn merge(shards: &[PathBuf], output: &std::path::Path) -> Result<usize> {
    use polars::prelude::{ParquetReader, SerReader};
    let clock = std::time::Instant::now();
    let _lock = write::OutputLock::acquire(output)?;
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    for dir in shards {
        anyhow::ensure!(
            abs(dir) != abs(output),
            "{}: the merge's own output folder cannot be one of its shards",
            dir.display()
        );
    }
    let manifests = check_shards(shards)?;
    let read = |table: &str| -> Result<Vec<DataFrame>> {
        let mut parts = Vec::new();
        for dir in shards {
            let mut found = 0;
            for e in std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
                let p = e?.path();
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if name.starts_with(&format!("{table}.")) && name.ends_with(".parquet") {
                    let f = std::fs::File::open(&p).with_context(|| format!("reading {}", p.display()))?;
                    parts.push(
                        ParquetReader::new(f)
                            .finish()
                            .with_context(|| format!("reading {}", p.display()))?,
                    );
                    found += 1;
                }
            }
            anyhow::ensure!(
                found > 0,
                "{}: no {table} table (is it a paysage output folder?)",
                dir.display()
            );
        }
        Ok(parts)
    };
    let mut country = breakdown::combine_country_mentions(read("country_mentions")?)?;
    let mut run = breakdown::combine_run_breakdowns(read("run_breakdown")?)?;
    let mut staging = write::Staging::create(output, "")?;
    staging.append("country_mentions", &mut country)?;
    staging.append("run_breakdown", &mut run)?;
    let first = &manifests[0].1;
    let mut settings = first.settings.clone();
    settings.shard = None;
    let mut manifest = Manifest::start(Kind::Merge, settings);
    let mut inputs: Vec<manifest::Input> = manifests.iter().flat_map(|(_, m)| m.inputs.clone()).collect();
    inputs.sort();
    inputs.dedup();
    manifest.inputs = inputs;
    for (dir, m) in &manifests {
        manifest.articles += m.articles;
        manifest.rejected_articles += m.rejected_articles;
        manifest.rejects.extend(m.rejects.iter().cloned());
        manifest
            .merged_from
            .push(format!("{} ({})", dir.display(), m.run_id));
    }
    manifest.rejects.truncate(1000);
    manifest.exit_status = if manifest.rejected_articles == 0 { 0 } else { 3 };
    manifest.tables = BTreeMap::from([
        ("country_mentions".to_string(), country.height()),
        ("run_breakdown".to_string(), run.height()),
    ]);
    manifest.finished_at = chrono::Utc::now().to_rfc3339();
    manifest.wall_seconds = clock.elapsed().as_secs_f64();
    let page = crate::report::render(
        &[
            ("articles", DataFrame::empty()),
            ("members", DataFrame::empty()),
            ("sets", DataFrame::empty()),
            ("breakdown", DataFrame::empty()),
            ("country_mentions", country),
        ],
        &serde_json::to_value(&manifest)?,
    )
    .context("rendering report.html")?;
    for w in staging.finish(&page, &manifest)? {
        tracing::warn!("{w}");
    }
    Ok(shards.len())
}
