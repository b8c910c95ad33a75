//! Writing a run's tables: Parquet and CSV side by side, then the manifest,
//! all into a temporary folder beside the output that is swapped in at the
//! end. A run that fails or is killed leaves the previous outputs as they were.

use crate::rows::Table;
use anyhow::{bail, Context, Result};
use polars::prelude::{DataFrame, ParquetCompression, ParquetWriter};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `.<output name>.paysage-<tag>` beside `output`.
fn sibling(output: &Path, tag: &str) -> Result<PathBuf> {
    let name = output
        .file_name()
        .and_then(|n| n.to_str())
        .with_context(|| format!("output folder {} has no name", output.display()))?;
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(parent.join(format!(".{name}.paysage-{tag}")))
}

fn pid_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// Holds the output folder for one run: an OS lock (`flock`) on a file
/// beside it, `.<output>.paysage-lock`, which also holds the holder's pid
/// and start time for the message a second run gets. The kernel releases the
/// lock when its process ends, however it ends.
pub struct OutputLock {
    path: PathBuf,
    file: File,
}

impl OutputLock {
    pub fn acquire(output: &Path) -> Result<OutputLock> {
        use std::os::unix::fs::MetadataExt;
        use std::os::unix::io::AsRawFd;
        let path = sibling(output, "lock")?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        // The holder removes the file when it is done: a run that opened the
        // old file then took its lock tries again on the new one.
        for _ in 0..100 {
            let mut file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .with_context(|| format!("creating lock file {}", path.display()))?;
            // SAFETY: a valid open descriptor for the call's duration.
            let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
            if rc != 0 {
                let e = std::io::Error::last_os_error();
                if e.raw_os_error() != Some(libc::EWOULDBLOCK) {
                    return Err(e).with_context(|| format!("locking {}", path.display()));
                }
                let holder = std::fs::read_to_string(&path).unwrap_or_default();
                let mut words = holder.split_whitespace();
                bail!(
                    "output folder {} is in use by another run (pid {}, since {}); lock file {}",
                    output.display(),
                    words.next().unwrap_or("?"),
                    words.next().unwrap_or("?"),
                    path.display()
                );
            }
            let same = match (file.metadata(), std::fs::metadata(&path)) {
                (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
                _ => false,
            };
            if !same {
                continue; // removed by its last holder meanwhile
            }
            file.set_len(0)?;
            use std::io::Seek;
            file.seek(std::io::SeekFrom::Start(0))?;
            writeln!(file, "{} {}", std::process::id(), chrono::Utc::now().to_rfc3339())?;
            return Ok(OutputLock { path, file });
        }
        bail!("could not take the lock {}", path.display())
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still held, so that no one locks a file on its way out.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.set_len(0);
    }
}

/// The files of one table being written.
struct TableFiles {
    name: &'static str,
    /// Buffered: the Parquet writer writes its footer a few bytes at a time
    /// (thousands of system calls a file unbuffered); it flushes at the end.
    parquet: polars::io::parquet::write::BatchedWriter<std::io::BufWriter<File>>,
    parquet_file: File,
    parquet_path: PathBuf,
    /// Rows waiting for their Parquet row group.
    pending: DataFrame,
    csv: std::io::BufWriter<File>,
    csv_path: PathBuf,
}

/// Rows of a Parquet row group: batches are gathered up to this before they
/// are written, so that a table has a few large row groups, not one small
/// one per batch (each row group of each column costs a compressor's set-up).
const ROW_GROUP_ROWS: usize = 16_384;

impl TableFiles {
    /// Writes the rows gathered so far as one row group.
    fn flush_parquet(&mut self) -> Result<()> {
        if self.pending.height() == 0 {
            return Ok(());
        }
        let mut rows = std::mem::take(&mut self.pending);
        rows.rechunk_mut_par();
        self.parquet
            .write_batch(&rows)
            .with_context(|| format!("writing {}", self.parquet_path.display()))
    }
}

/// A run's outputs while they are written: a temporary folder beside the
/// output, swapped in by [`Staging::finish`]; dropped unfinished (the run
/// failed), it is removed and the previous outputs stay as they were.
pub struct Staging {
    output: PathBuf,
    tmp: PathBuf,
    tables: Vec<TableFiles>,
    /// Added to every table's file name (`.shard-0-of-4`).
    suffix: String,
    done: bool,
}

impl Staging {
    /// `suffix` goes into every table's file name: `articles{suffix}.parquet`.
    pub fn create(output: &Path, suffix: &str) -> Result<Staging> {
        let tmp = sibling(output, &format!("tmp-{}", std::process::id()))?;
        clean_stale(output)?;
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp).with_context(|| format!("removing {}", tmp.display()))?;
        }
        std::fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        Ok(Staging {
            output: output.to_path_buf(),
            tmp,
            tables: Vec::new(),
            suffix: suffix.to_string(),
            done: false,
        })
    }

    /// Appends rows to a table: a Parquet row group and CSV rows (the CSV
    /// header comes with the first rows), the CSV written by polars.
    pub fn append(&mut self, name: &'static str, df: &mut DataFrame) -> Result<()> {
        self.append_all(vec![(name, df, None)])
    }

    /// Appends rows to several tables at once, the tables on every core
    /// (each table's files are its own). A table's CSV is written from its
    /// rows where they are given ([`crate::csv_rows`]), else from the
    /// DataFrame.
    pub fn append_all(
        &mut self,
        parts: Vec<(&'static str, &mut DataFrame, Option<&Table<'_>>)>,
    ) -> Result<()> {
        use rayon::prelude::*;
        let mut new = Vec::new();
        for (name, df, _) in &parts {
            if !self.tables.iter().any(|t| t.name == *name) {
                self.tables.push(self.open_table(name, df)?);
                new.push(*name);
            }
        }
        let mut parts = parts;
        let mut jobs = Vec::new();
        for t in self.tables.iter_mut() {
            if let Some(i) = parts.iter().position(|(n, ..)| *n == t.name) {
                let (_, df, rows) = parts.swap_remove(i);
                let first = new.contains(&t.name);
                jobs.push((t, df, rows, first));
            }
        }
        jobs.into_par_iter()
            .try_for_each(|(t, df, rows, first)| -> Result<()> {
                if t.pending.width() == 0 {
                    t.pending = df.clone();
                } else {
                    t.pending.vstack_mut(df)?;
                }
                if t.pending.height() >= ROW_GROUP_ROWS {
                    t.flush_parquet()?;
                }
                let written: Result<()> = match rows {
                    Some(rows) => crate::csv_rows::write(rows, first, &mut t.csv).map_err(Into::into),
                    None => crate::csv_rows::write_frame(df, first, &mut t.csv).map_err(Into::into),
                };
                written.with_context(|| format!("writing {}", t.csv_path.display()))
            })
    }

    /// Opens a table's two files in the temporary folder.
    fn open_table(&self, name: &'static str, df: &DataFrame) -> Result<TableFiles> {
        let parquet_path = self.tmp.join(format!("{name}{}.parquet", self.suffix));
        let f =
            File::create(&parquet_path).with_context(|| format!("creating {}", parquet_path.display()))?;
        let parquet_file = f.try_clone()?;
        let parquet = parquet_writer(std::io::BufWriter::with_capacity(1 << 20, f))
            .batched(df.schema())
            .with_context(|| format!("writing {}", parquet_path.display()))?;
        let csv_path = self.tmp.join(format!("{name}{}.csv", self.suffix));
        let csv = std::io::BufWriter::new(
            File::create(&csv_path).with_context(|| format!("creating {}", csv_path.display()))?,
        );
        Ok(TableFiles {
            name,
            parquet,
            parquet_file,
            parquet_path,
            pending: DataFrame::empty(),
            csv,
            csv_path,
        })
    }

    /// Closes every table, writes `report.html` and then `manifest.json`,
    /// syncs, and swaps the folder in for the output.
    /// Returns warnings: what went wrong after the swap (the run's outputs
    /// are in place; the previous ones could not all be removed).
    pub fn finish(mut self, report: &str, manifest: &crate::manifest::Manifest) -> Result<Vec<String>> {
        // Each table's Parquet footer and syncs, a thread each: the syncs
        // wait on the disk, not on a core, so they all wait at once.
        let finish_table = |mut t: TableFiles| -> Result<()> {
            t.flush_parquet()?;
            let (pq, csv) = (t.parquet_path.display(), t.csv_path.display());
            t.parquet.finish().with_context(|| format!("writing {pq}"))?;
            t.parquet_file
                .sync_all()
                .with_context(|| format!("syncing {pq}"))?;
            t.csv.flush().with_context(|| format!("writing {csv}"))?;
            t.csv
                .get_ref()
                .sync_all()
                .with_context(|| format!("syncing {csv}"))?;
            Ok(())
        };
        std::thread::scope(|scope| {
            let handles: Vec<_> = self
                .tables
                .drain(..)
                .map(|t| scope.spawn(move || finish_table(t)))
                .collect();
            handles.into_iter().try_for_each(|h| {
                h.join()
                    .map_err(|_| anyhow::anyhow!("a table's writer panicked"))?
            })
        })?;
        let p = self.tmp.join("report.html");
        std::fs::write(&p, report).with_context(|| format!("writing {}", p.display()))?;
        File::open(&p)?.sync_all()?;
        let p = self.tmp.join("manifest.json");
        std::fs::write(&p, serde_json::to_vec_pretty(manifest)?)
            .with_context(|| format!("writing {}", p.display()))?;
        File::open(&p)?.sync_all()?;
        File::open(&self.tmp)?.sync_all()?;
        let warnings = swap_in(&self.tmp, &self.output)?;
        self.done = true;
        Ok(warnings)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Removes temporary folders left beside `output` by runs that died.
fn clean_stale(output: &Path) -> Result<()> {
    let probe = sibling(output, "tmp-")?;
    let prefix = probe
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let parent = probe.parent().unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if let Some(pid) = name.strip_prefix(&prefix).and_then(|p| p.parse::<u32>().ok()) {
            if !pid_alive(pid) {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    Ok(())
}

/// Puts `tmp` in place of `output` in one step: an atomic exchange of the two
/// folders (Linux `renameat2(RENAME_EXCHANGE)`), then the old one is removed.
/// Once the exchange is done the run has succeeded: a failure to remove the
/// old folder is returned as a warning, not an error.
pub fn swap_in(tmp: &Path, output: &Path) -> Result<Vec<String>> {
    let mut warnings = Vec::new();
    match std::fs::symlink_metadata(output) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::rename(tmp, output)
                .with_context(|| format!("moving {} to {}", tmp.display(), output.display()))?;
        }
        Err(e) => return Err(e).with_context(|| format!("reading {}", output.display())),
        Ok(m) if !m.is_dir() => bail!("output {} exists and is not a folder", output.display()),
        Ok(_) => {
            exchange(tmp, output)?;
            // `tmp` now holds the previous outputs.
            if let Err(e) = std::fs::remove_dir_all(tmp) {
                warnings.push(format!(
                    "the new outputs are in place, but the previous ones could not be removed from {}: {e} \
                     (the next run removes them)",
                    tmp.display()
                ));
            }
        }
    }
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(d) = File::open(parent) {
            let _ = d.sync_all();
        }
    }
    Ok(warnings)
}

fn exchange(a: &Path, b: &Path) -> Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both pointers are valid NUL-terminated paths for the call's duration.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc != 0 {
        let e = std::io::Error::last_os_error();
        return Err(e).with_context(|| format!("swapping {} into {}", a.display(), b.display()));
    }
    Ok(())
}

/// Every Parquet file's writer: Snappy, the codec Spark and pyarrow write by
/// default, which costs less time than polars' default (zstd) for files a
/// few percent larger.
pub fn parquet_writer<W: std::io::Write>(w: W) -> ParquetWriter<W> {
    ParquetWriter::new(w).with_compression(ParquetCompression::Snappy)
}
