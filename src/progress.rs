//! Progress of a long run: a bar on stderr when it is a terminal (articles/s,
//! MB/s, ETA when the input size is known); otherwise one structured log line
//! every ten seconds, so a scheduler's log shows the run is alive.

use crate::ingest::{ArticleSource, BYTES_READ};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// A running progress reporter; [`Progress::finish`] stops it at once.
pub struct Progress {
    stop: Sender<()>,
}

impl Progress {
    /// Starts reporting in a thread of `scope`: a bar if `bar` (stderr is a
    /// terminal), log lines otherwise.
    pub fn start<'scope, 'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        bar: bool,
        sources: &[ArticleSource],
        articles: &'env AtomicU64,
    ) -> Progress {
        let (stop, stopped) = channel::<()>();
        let total = crate::ingest::input_size(sources).unwrap_or(0);
        scope.spawn(move || {
            let started = Instant::now();
            let pb = bar.then(|| {
                let pb = if total > 0 {
                    indicatif::ProgressBar::new(total)
                } else {
                    indicatif::ProgressBar::new_spinner()
                };
                pb.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{bar:40} {bytes}/{total_bytes} read, {binary_bytes_per_sec}, ETA {eta} {msg}",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                pb
            });
            let mut last_log = Instant::now();
            // Wakes every 200 ms, and at once when the run finishes (the
            // scope waits for this thread: a plain sleep would make every run
            // up to 200 ms longer).
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(Duration::from_millis(200)) {
                let (read, done) = (
                    BYTES_READ.load(Ordering::Relaxed),
                    articles.load(Ordering::Relaxed),
                );
                let secs = started.elapsed().as_secs_f64().max(1e-9);
                match &pb {
                    Some(pb) => {
                        pb.set_position(read);
                        pb.set_message(format!("{done} articles, {:.0} articles/s", done as f64 / secs));
                    }
                    None if last_log.elapsed() >= Duration::from_secs(10) => {
                        last_log = Instant::now();
                        tracing::info!(
                            articles = done,
                            mb_read = read as f64 / 1e6,
                            articles_per_s = (done as f64 / secs).round(),
                            mb_per_s = (read as f64 / 1e6 / secs * 10.0).round() / 10.0,
                            "progress"
                        );
                    }
                    None => {}
                }
            }
            if let Some(pb) = pb {
                pb.finish_and_clear();
            }
        });
        Progress { stop }
    }

    pub fn finish(self) {
        let _ = self.stop.send(());
    }
}
