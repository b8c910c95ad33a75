//! Safe to schedule: idempotent and thread-count independent outputs, every
//! article accounted for, --strict, --if-changed, the output lock, a full or
//! read-only disk, and runs killed with SIGKILL at random moments.

mod common;
use common::*;
use predicates::str::contains;
use std::path::{Path, PathBuf};

fn corpus_sample(dir: &Path, n: usize) -> PathBuf {
    common::corpus_sample(dir, "fr", n)
}

fn files_of(out: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        // The manifest and the report carry the run's start and end times.
        .filter(|p| p.file_name().unwrap() != "manifest.json" && p.file_name().unwrap() != "report.html")
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn same_inputs_give_the_same_tables_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let sample = corpus_sample(dir.path(), 1500);
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    run_into(&a, &["--articles", sample.to_str().unwrap(), "--threads", "1"]).success();
    run_into(&b, &["--articles", sample.to_str().unwrap(), "--threads", "2"]).success();
    let (fa, fb) = (files_of(&a), files_of(&b));
    assert_eq!(fa.len(), 2 * paysage::tables::TABLES.len());
    for ((na, ca), (nb, cb)) in fa.iter().zip(&fb) {
        assert_eq!(na, nb);
        assert!(ca == cb, "{na} differs between 1 and 2 threads");
    }
    // And again: a second run over the same output gives the same bytes.
    run_into(&b, &["--articles", sample.to_str().unwrap()]).success();
    assert_eq!(files_of(&b), fa);
}

#[test]
fn small_batches_give_the_same_tables_as_large_ones() {
    // 1,500 articles in batches of 20: 75 batches, more than the run keeps
    // apart before it folds the run-level aggregates together.
    let dir = tempfile::tempdir().unwrap();
    let sample = corpus_sample(dir.path(), 1500);
    let run = |out: &Path, batch: usize| {
        let mut config = paysage::RunConfig::new(root().join("input"), out.to_path_buf());
        config.articles = vec![paysage::ingest::ArticleSource::Path(sample.clone())];
        config.batch_articles = batch;
        paysage::run(&config).unwrap()
    };
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let (sa, sb) = (run(&a, 20), run(&b, 10_000));
    assert_eq!(
        (sa.articles, sa.mentions, sa.members),
        (sb.articles, sb.mentions, sb.members)
    );
    // CSV byte for byte (Parquet row groups follow the batches).
    let csv = |out: &Path| -> Vec<_> {
        files_of(out)
            .into_iter()
            .filter(|(n, _)| n.ends_with(".csv"))
            .collect()
    };
    let (ca, cb) = (csv(&a), csv(&b));
    assert_eq!(ca.len(), paysage::tables::TABLES.len());
    for ((na, xa), (nb, xb)) in ca.iter().zip(&cb) {
        assert_eq!(na, nb);
        assert!(
            xa == xb,
            "{na} differs between batches of 20 and of 10,000 articles"
        );
    }
}

#[test]
fn every_article_is_in_articles_or_rejects() {
    let dir = tempfile::tempdir().unwrap();
    let sample = corpus_sample(dir.path(), 300);
    let good = std::fs::read(&sample).unwrap();
    let first: serde_json::Value =
        serde_json::from_slice(good.split(|&b| b == b'\n').next().unwrap()).unwrap();
    let first_id = first["id"].as_str().unwrap().to_string();
    let duplicate =
        format!("{{\"id\":\"{first_id}\",\"text\":\"duplicate id of the first corpus article\"}}");
    let mut seeded = Vec::new();
    seeded.extend_from_slice(b"\xef\xbb\xbf"); // a UTF-8 BOM on the first line
    let bad: [&[u8]; 9] = [
        b"not json at all",
        b"{\"id\":\"no-text\",\"lang\":\"fr\"}",
        b"{\"id\":\"empty\",\"text\":\"\"}",
        b"{\"id\":\"slash-date\",\"date\":\"05/12/2012\",\"text\":\"la France\"}",
        b"{\"id\":\"words-date\",\"date\":\"5 d\xc3\xa9cembre 2012\",\"text\":\"la France\"}",
        b"{\"id\":\"impossible\",\"date\":\"2012-02-30\",\"text\":\"la France\"}",
        b"{\"id\":\"latin1\",\"text\":\"caf\xe9\"}",
        duplicate.as_bytes(),
        b"{\"text\":\"no id\"}",
    ];
    for (i, line) in good.split(|&b| b == b'\n').filter(|l| !l.is_empty()).enumerate() {
        seeded.extend_from_slice(line);
        seeded.extend_from_slice(if i % 2 == 0 { b"\r\n" } else { b"\n" }); // CRLF and LF
        if i % 30 == 0 && i / 30 < bad.len() {
            seeded.extend_from_slice(bad[i / 30]);
            seeded.push(b'\n');
        }
    }
    // Control characters and an article made only of country names are fine.
    seeded.extend_from_slice(
        b"{\"id\":\"ctrl\",\"lang\":\"fr\",\"text\":\"la France\\u0000\\u0007 et \\u001bl'Italie\"}\n",
    );
    seeded.extend_from_slice(
        b"{\"id\":\"only-names\",\"lang\":\"fr\",\"text\":\"France, Allemagne, Italie, Espagne\"}\n",
    );
    let input = dir.path().join("seeded.jsonl");
    std::fs::write(&input, &seeded).unwrap();
    let lines = seeded.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
    let out = dir.path().join("out");
    run_into(&out, &["--articles", input.to_str().unwrap()])
        .code(3)
        .stderr(contains("seeded.jsonl:"))
        .stderr(contains(format!("duplicate article id `{first_id}`")));
    let articles = parquet(&out, "articles").height();
    let rejects = parquet(&out, "rejects").height();
    assert_eq!(rejects, bad.len());
    assert_eq!(
        articles + rejects,
        lines,
        "every input line is an article or a reject"
    );
    assert_eq!(articles, 302);
    let m = rows_where(&parquet(&out, "articles"), "article_id", "only-names");
    assert_eq!(ints(&m, "members"), [Some(4)]);
}

#[test]
fn a_gzip_cut_short_keeps_what_was_read_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    // 600 articles gzipped, cut in the middle of the stream.
    let sample = common::corpus_sample(dir.path(), "en", 600);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &std::fs::read(&sample).unwrap()).unwrap();
    let full = gz.finish().unwrap();
    let cut = dir.path().join("cut.jsonl.gz");
    std::fs::write(&cut, &full[..full.len() / 2]).unwrap();
    let out = dir.path().join("out");
    run_into(&out, &["--articles", cut.to_str().unwrap()])
        .code(3)
        .stderr(contains("cut.jsonl.gz:"));
    assert!(parquet(&out, "articles").height() > 100);
    let rejects = parquet(&out, "rejects");
    assert_eq!(rejects.height(), 1);
    assert!(strings(&rejects, "reason")[0]
        .as_deref()
        .unwrap()
        .contains("cut short"));
}

#[test]
fn a_50_mb_article_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let para = "Le Japon, la Chine et l'Inde ont signé un accord avec 3 pays. ";
    let text = para.repeat(50_000_000 / para.len());
    let input = dir.path().join("big.jsonl");
    let line = serde_json::json!({"id": "big", "lang": "fr", "date": "2020-01-01", "text": text});
    std::fs::write(&input, format!("{line}\n")).unwrap();
    let out = dir.path().join("out");
    run_into(&out, &["--articles", input.to_str().unwrap()]).success();
    let a = parquet(&out, "articles");
    assert_eq!(ints(&a, "members"), [Some(3)]);
    assert_eq!(ints(&a, "chars"), [Some(text.chars().count() as i64)]);
}

#[test]
fn strict_turns_a_reject_into_a_failure_and_keeps_previous_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run_into(&out, &[]).success();
    let before = files_of(&out);
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"id\":\"a\",\"text\":\"la France\"}\nnot json\n").unwrap();
    run_into(&out, &["--articles", bad.to_str().unwrap(), "--strict"])
        .code(1)
        .stderr(contains("1 articles rejected and --strict is set"))
        .stderr(contains("bad.jsonl:2"));
    assert_eq!(files_of(&out), before);
    run_into(&out, &["--articles", bad.to_str().unwrap()]).code(3);
}

#[test]
fn if_changed_skips_a_run_whose_inputs_are_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("a.jsonl");
    std::fs::write(&articles, "{\"id\":\"a\",\"text\":\"la France\"}\n").unwrap();
    let out = dir.path().join("out");
    run_into(&out, &["--articles", articles.to_str().unwrap(), "--if-changed"]).success();
    let manifest = std::fs::read(out.join("manifest.json")).unwrap();
    run_into(&out, &["--articles", articles.to_str().unwrap(), "--if-changed"])
        .success()
        .stderr(contains("unchanged"));
    assert_eq!(std::fs::read(out.join("manifest.json")).unwrap(), manifest);
    // A different as-of rule, or a changed input, runs again.
    run_into(
        &out,
        &[
            "--articles",
            articles.to_str().unwrap(),
            "--if-changed",
            "--as-of",
            "2021-01-01",
        ],
    )
    .success()
    .stderr(contains("wrote"));
    std::fs::write(&articles, "{\"id\":\"a\",\"text\":\"la France et l'Italie\"}\n").unwrap();
    run_into(&out, &["--articles", articles.to_str().unwrap(), "--if-changed"])
        .success()
        .stderr(contains("wrote"));
}

#[test]
fn a_held_lock_refuses_and_a_dead_runs_lock_file_is_taken_over() {
    use std::os::unix::io::AsRawFd;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let lock = dir.path().join(".out.paysage-lock");
    // Held (an OS lock, as a live run holds it): the run refuses, naming it.
    let held = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(&lock)
        .unwrap();
    assert_eq!(
        unsafe { libc::flock(held.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) },
        0
    );
    std::fs::write(&lock, format!("{} 2026-01-01T00:00:00Z\n", std::process::id())).unwrap();
    run_into(&out, &[]).code(1).stderr(contains(format!(
        "in use by another run (pid {}, since 2026-01-01T00:00:00Z)",
        std::process::id()
    )));
    assert!(!out.exists());
    // The holder dies (its descriptor closes): the file left behind, with a
    // pid that may even be alive, is no lock.
    drop(held);
    run_into(&out, &[]).success();
    assert!(!lock.exists(), "the lock file is removed at the end");
}

/// A small tmpfs (we run as root here, as CI does): full, then read-only.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, opts: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", opts, "tmpfs", at.to_str().unwrap()])
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_or_read_only_disk_gives_a_clear_error_and_keeps_previous_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("mnt");
    let Some(fs) = Tmpfs::mount(&mnt, "size=2m") else {
        skipped("tmpfs test", "cannot mount a tmpfs here (needs root)");
        return;
    };
    let out = mnt.join("out");
    run_into(&out, &[]).success();
    let before = files_of(&out);
    // Full: a larger run does not fit beside the previous outputs.
    let sample = corpus_sample(dir.path(), 3000);
    run_into(&out, &["--articles", sample.to_str().unwrap()])
        .code(1)
        .stderr(contains("No space left on device"));
    assert_eq!(files_of(&out), before);
    // Read-only.
    let remount = std::process::Command::new("mount")
        .args(["-o", "remount,ro", mnt.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(remount.success());
    run_into(&out, &[])
        .code(1)
        .stderr(contains("Read-only file system"));
    assert_eq!(files_of(&out), before);
    drop(fs);
}

#[test]
fn runs_killed_at_random_moments_leave_the_previous_outputs_intact() {
    let dir = tempfile::tempdir().unwrap();
    let sample = corpus_sample(dir.path(), 20000);
    let out = dir.path().join("out");
    // A whole run first: the previous outputs, and how long a run takes here
    // (timed the second time: the first pays for a freshly built binary and
    // cold caches, and would make every delay too long).
    run_into(&out, &["--articles", sample.to_str().unwrap()]).success();
    let t0 = std::time::Instant::now();
    run_into(&out, &["--articles", sample.to_str().unwrap()]).success();
    let whole = t0.elapsed();
    let mut before = files_of(&out);
    let mut manifest = std::fs::read(out.join("manifest.json")).unwrap();
    let mut killed = 0;
    let bin = assert_cmd::cargo::cargo_bin("paysage");
    // A fixed pseudo-random sequence of delays (xorshift), so a failure can be replayed.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..8 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        // Somewhere between 5% and 95% of a whole run.
        let delay = whole.mul_f64(0.05 + (x % 1000) as f64 / 1000.0 * 0.9);
        let mut child = std::process::Command::new(&bin)
            .current_dir(root())
            .args([
                "run",
                "--output",
                out.to_str().unwrap(),
                "--articles",
                sample.to_str().unwrap(),
            ])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        // SIGKILL: no handler runs, nothing is cleaned up by the victim.
        let _ = child.kill();
        let status = child.wait().unwrap();
        let new = std::fs::read(out.join("manifest.json")).unwrap();
        // Either the run finished, or it was killed after its outputs were
        // swapped in (on its way out): then the new outputs must be whole, and
        // become the baseline. Anything in between is a failure.
        if status.success() || new != manifest {
            assert_ne!(
                new, manifest,
                "round {round}: a finished run wrote no new manifest"
            );
            let m: serde_json::Value = serde_json::from_slice(&new).unwrap();
            for table in paysage::tables::TABLES {
                let rows = m["tables"][table].as_u64().unwrap() as usize;
                assert_eq!(
                    parquet(&out, table).height(),
                    rows,
                    "round {round}: {table} is not whole"
                );
            }
            assert_eq!(parquet(&out, "articles").height(), 20000);
            before = files_of(&out);
            manifest = new;
            continue;
        }
        killed += 1;
        assert_eq!(new, manifest, "round {round} ({delay:?}): the manifest changed");
        assert_eq!(
            files_of(&out),
            before,
            "round {round} ({delay:?}): a table changed"
        );
    }
    println!("{killed} of 8 runs killed mid-run");
    assert!(killed >= 4, "only {killed} runs were killed before they finished");
    // The next run takes over the dead run's lock, clears its leftovers, and succeeds.
    run_into(&out, &["--articles", sample.to_str().unwrap()]).success();
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("paysage-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(parquet(&out, "articles").height(), 20000);
}

#[test]
fn duplicate_ids_across_files_are_rejected_with_their_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    std::fs::write(
        &a,
        "{\"id\":\"x\",\"text\":\"la France\"}\n{\"id\":\"y\",\"text\":\"l'Italie\"}\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "{\"id\":\"z\",\"text\":\"la Chine\"}\n{\"id\":\"x\",\"text\":\"le Japon\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    run_into(
        &out,
        &[
            "--articles",
            a.to_str().unwrap(),
            "--articles",
            b.to_str().unwrap(),
        ],
    )
    .code(3)
    .stderr(contains("b.jsonl:2 (article x): duplicate article id `x`"));
    assert_eq!(
        strings(&parquet(&out, "articles"), "article_id"),
        ["x", "y", "z"].map(|s| Some(s.to_string()))
    );
}

#[test]
fn no_articles_fails_and_keeps_previous_outputs_unless_allow_empty() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run_into(&out, &[]).success();
    let before = files_of(&out);
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let only_bad = dir.path().join("bad.jsonl");
    std::fs::write(&only_bad, "not json\n").unwrap();
    for input in [&empty, &only_bad] {
        run_into(&out, &["--articles", input.to_str().unwrap()])
            .code(1)
            .stderr(contains("the inputs hold no article"));
        assert_eq!(files_of(&out), before);
    }
    run_into(&out, &["--articles", empty.to_str().unwrap(), "--allow-empty"]).success();
    assert_eq!(parquet(&out, "articles").height(), 0);
}

#[test]
fn max_rejects_turns_a_few_rejects_into_exit_0_and_still_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    // 3 articles, 1 reject: 25% of the lines.
    std::fs::write(
        &input,
        "{\"id\":\"a\",\"text\":\"la France\"}\n{\"id\":\"b\",\"text\":\"l'Italie\"}\n{\"id\":\"c\",\"text\":\"le Japon\"}\nnot json\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let a = input.to_str().unwrap();
    for (limit, code) in [("2", 0), ("1", 3), ("30%", 0), ("25%", 3), ("0", 3)] {
        run_into(&out, &["--articles", a, "--max-rejects", limit])
            .code(code)
            .stderr(contains("a.jsonl:4"));
        assert_eq!(parquet(&out, "rejects").height(), 1, "--max-rejects {limit}");
    }
    run_into(&out, &["--articles", a, "--max-rejects", "many"])
        .code(2)
        .stderr(contains("--max-rejects `many`"));
}

#[test]
fn every_setting_that_changes_the_outputs_defeats_if_changed() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("a.csv");
    std::fs::write(&articles, "id,text,key,body\na,la France,k,l'Italie\n").unwrap();
    let out = dir.path().join("out");
    let a = articles.to_str().unwrap();
    let base = ["--articles", a, "--if-changed", "--today", "2024-01-01"];
    run_into(&out, &base).success().stderr(contains("wrote"));
    run_into(&out, &base).success().stderr(contains("unchanged"));
    let changed: [&[&str]; 5] = [
        &["--groups", "eu"],
        &["--id-column", "key"],
        &["--text-column", "body"],
        &["--as-of", "2021-01-01"],
        &["--shard", "0/1"],
    ];
    for extra in changed {
        let args: Vec<&str> = base.iter().chain(extra).copied().collect();
        run_into(&out, &args).success().stderr(contains("wrote"));
        run_into(&out, &args).success().stderr(contains("unchanged"));
    }
    let other_day = ["--articles", a, "--if-changed", "--today", "2024-01-02"];
    run_into(&out, &other_day).success().stderr(contains("wrote"));
}

#[test]
fn undated_articles_are_read_at_today_in_utc_recorded_in_the_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"m\",\"lang\":\"en\",\"text\":\"Macedonia signed.\"}\n",
    )
    .unwrap();
    let kind_on = |today: &str| {
        let out = dir.path().join(today);
        run_into(&out, &["--articles", input.to_str().unwrap(), "--today", today]).success();
        let m = paysage::manifest::Manifest::read(&out).unwrap();
        assert_eq!(m.settings.today, today);
        strings(&parquet(&out, "mentions"), "kind")
    };
    // "Macedonia" is the country until the Prespa agreement, ambiguous after.
    assert_eq!(kind_on("2018-06-01"), [Some("country".into())]);
    assert_eq!(kind_on("2020-06-01"), [Some("ambiguous".into())]);
    let out = dir.path().join("default");
    run_into(&out, &["--articles", input.to_str().unwrap()]).success();
    let m = paysage::manifest::Manifest::read(&out).unwrap();
    assert_eq!(m.settings.today, chrono::Utc::now().date_naive().to_string());
    run_into(&out, &["--today", "01/02/2020"]).code(2);
}

#[test]
fn a_failed_clean_up_after_the_swap_is_a_warning_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run_into(&out, &[]).success();
    // A mount point inside the old outputs: they cannot be removed (EBUSY).
    let Some(fs) = Tmpfs::mount(&out.join("held"), "size=64k") else {
        skipped("tmpfs test", "cannot mount a tmpfs here (needs root)");
        return;
    };
    let sample = corpus_sample(dir.path(), 50);
    let assert = run_into(&out, &["--articles", sample.to_str().unwrap()])
        .success()
        .stderr(contains("warning: the new outputs are in place"));
    drop(assert);
    assert_eq!(parquet(&out, "articles").height(), 50);
    let old: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".out.paysage-tmp-"))
        .collect();
    assert_eq!(old.len(), 1, "the previous outputs are left beside");
    let _ = std::process::Command::new("umount")
        .arg(old[0].join("held"))
        .status();
    std::mem::forget(fs);
    // The next run removes them.
    run_into(&out, &["--articles", sample.to_str().unwrap()]).success();
    assert!(!old[0].exists());
}

#[test]
fn unknown_values_are_nulls_in_parquet_and_csv_alike() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"k\",\"lang\":\"en\",\"date\":\"2020-01-01\",\"text\":\"Kosovo, Serbia and Albania met.\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    run_into(&out, &["--articles", input.to_str().unwrap()]).success();
    let articles = parquet(&out, "articles");
    for column in ["source", "title"] {
        assert_eq!(strings(&articles, column), [None], "articles.{column}");
    }
    let members = parquet(&out, "members");
    let kosovo = rows_where(&members, "iso3", "XKX");
    assert_eq!(strings(&kosovo, "iso_numeric"), [None]);
    assert_eq!(
        rows_where(&members, "iso3", "SRB")
            .column("iso_numeric")
            .unwrap()
            .null_count(),
        0
    );
    for table in ["articles", "members"] {
        let p = parquet(&out, table);
        let c = csv_as(&out, table, p.schema().clone());
        assert!(p.equals_missing(&c), "{table}: Parquet and CSV differ\n{p}\n{c}");
    }
}
