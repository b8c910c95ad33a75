//! Scale-out: shards that a query engine reads as one table, `merge`, the
//! `extract` pipe, and the other input formats (zstd, CSV with mapped
//! columns, globs).

mod common;
use common::*;
use polars::prelude::*;
use predicates::str::contains;
use std::path::Path;

fn sample(dir: &Path, n: usize) -> std::path::PathBuf {
    corpus_sample(dir, "en", n)
}

fn read_parquet(p: &Path) -> DataFrame {
    ParquetReader::new(std::fs::File::open(p).unwrap())
        .finish()
        .unwrap()
}

fn sorted(df: DataFrame, by: &[&str]) -> DataFrame {
    df.sort(by.to_vec(), SortMultipleOptions::default()).unwrap()
}

#[test]
fn shards_cover_the_run_and_merge_gives_the_same_run_tables() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path(), 3000);
    let full = dir.path().join("full");
    run_into(&full, &["--articles", input.to_str().unwrap()]).success();
    let mut shard_dirs = Vec::new();
    let mut ids = Vec::new();
    for k in 0..3 {
        let out = dir.path().join(format!("shard-{k}"));
        run_into(
            &out,
            &[
                "--articles",
                input.to_str().unwrap(),
                "--shard",
                &format!("{k}/3"),
            ],
        )
        .success();
        let p = out.join(format!("articles.shard-{k}-of-3.parquet"));
        assert!(p.exists(), "file names carry the shard");
        for id in strings(&read_parquet(&p), "article_id").into_iter().flatten() {
            assert_eq!(paysage::shard_of(&id, 3), k as u64);
            ids.push(id);
        }
        shard_dirs.push(out);
    }
    ids.sort();
    let mut all: Vec<String> = strings(&parquet(&full, "articles"), "article_id")
        .into_iter()
        .flatten()
        .collect();
    all.sort();
    assert_eq!(ids, all, "every article is in exactly one shard");

    let merged = dir.path().join("merged");
    paysage()
        .args(["merge", "--output", merged.to_str().unwrap()])
        .args(shard_dirs.iter().map(|d| d.to_str().unwrap()))
        .assert()
        .success();
    for (table, by) in [
        ("country_mentions", vec!["iso3"]),
        ("run_breakdown", vec!["dimension", "value"]),
    ] {
        let a = sorted(parquet(&full, table), &by);
        let b = sorted(parquet(&merged, table), &by);
        assert!(
            a.equals_missing(&b),
            "{table}: merged shards differ from the full run\n{a}\n{b}"
        );
    }
}

#[test]
fn extract_pipes_json_lines_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path(), 500);
    let out = run_ok(dir.path(), &["--articles", input.to_str().unwrap()]);
    let stdout = paysage()
        .arg("extract")
        .write_stdin(std::fs::read(&input).unwrap())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mentions = parquet(&out, "mentions");
    assert_eq!(lines.len(), mentions.height());
    assert_eq!(
        lines[0]["article_id"],
        strings(&mentions, "article_id")[0].clone().unwrap()
    );
    assert_eq!(
        lines[0]["surface"],
        strings(&mentions, "surface")[0].clone().unwrap()
    );
}

#[test]
fn zstd_csv_and_glob_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    let jsonl = "{\"id\":\"z1\",\"lang\":\"fr\",\"text\":\"La France, l'Italie et l'Espagne.\"}\n";
    let zst = zstd::stream::encode_all(jsonl.as_bytes(), 3).unwrap();
    std::fs::write(src.join("a.jsonl.zst"), zst).unwrap();
    std::fs::write(
        src.join("b.csv"),
        "key,body,lang,date\nc1,\"Japan, China and India met; \"\"talks\"\" went on.\",en,2020-01-02\nc2,,en,\n",
    )
    .unwrap();
    std::fs::write(src.join("c.jsonl"), "{\"id\":\"j1\",\"text\":\"Le Brésil.\"}\n").unwrap();
    let out = dir.path().join("out");
    paysage()
        .args([
            "run",
            "--output",
            out.to_str().unwrap(),
            "--text-column",
            "body",
            "--id-column",
            "key",
        ])
        .args(["--articles", src.join("*.jsonl*").to_str().unwrap()])
        .args(["--articles", src.join("b.csv").to_str().unwrap()])
        .assert()
        .code(3); // c2 has an empty text
    let a = parquet(&out, "articles");
    assert_eq!(
        strings(&a, "article_id"),
        ["z1", "j1", "c1"].map(|s| Some(s.to_string()))
    );
    assert_eq!(ints(&a, "members"), [Some(3), Some(0), Some(3)]);
    let r = parquet(&out, "rejects");
    assert_eq!(ints(&r, "line"), [Some(3)]);
}

#[test]
fn parquet_article_files_are_read_in_slices() {
    let dir = tempfile::tempdir().unwrap();
    let n = 12_000; // more than two slices
    let ids: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    let texts: Vec<String> = (0..n)
        .map(|i| {
            if i % 1000 == 7 {
                String::new()
            } else {
                format!("Le Japon, la Chine et l'Inde ({i}).")
            }
        })
        .collect();
    let mut df = df!("key" => &ids, "body" => &texts, "lang" => vec!["fr"; n]).unwrap();
    let input = dir.path().join("a.parquet");
    ParquetWriter::new(std::fs::File::create(&input).unwrap())
        .finish(&mut df)
        .unwrap();
    let out = dir.path().join("out");
    run_into(
        &out,
        &[
            "--articles",
            input.to_str().unwrap(),
            "--text-column",
            "body",
            "--id-column",
            "key",
        ],
    )
    .code(3);
    assert_eq!(parquet(&out, "articles").height(), n - 12);
    assert_eq!(parquet(&out, "members").height(), (n - 12) * 3);
    let r = parquet(&out, "rejects");
    assert_eq!(ints(&r, "line")[..2], [Some(8), Some(1008)]);
}

/// Runs shard K of N of `input` into `dir/name` with extra args.
fn shard(dir: &Path, name: &str, input: &Path, k: usize, n: usize, extra: &[&str]) -> std::path::PathBuf {
    let out = dir.join(name);
    let spec = format!("{k}/{n}");
    let mut args = vec!["--articles", input.to_str().unwrap(), "--shard", &spec];
    args.extend_from_slice(extra);
    let code = run_into(&out, &args).get_output().status.code();
    assert!(matches!(code, Some(0) | Some(3)), "shard {spec}: exit {code:?}");
    out
}

fn merge(dir: &Path, shards: &[&Path]) -> assert_cmd::assert::Assert {
    paysage()
        .args(["merge", "--output", dir.join("merged").to_str().unwrap()])
        .args(shards.iter().map(|d| d.to_str().unwrap()))
        .assert()
}

#[test]
fn merge_refuses_a_shard_set_that_is_not_whole() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = sample(d, 300);
    let s: Vec<_> = (0..3)
        .map(|k| shard(d, &format!("s{k}"), &input, k, 3, &[]))
        .collect();
    let full = d.join("full");
    run_into(&full, &["--articles", input.to_str().unwrap()]).success();
    let other_asof = shard(d, "asof", &input, 2, 3, &["--as-of", "2020-01-01"]);
    let other_groups = shard(d, "groups", &input, 2, 3, &["--groups", "eu,nato"]);
    let other_n = shard(d, "n4", &input, 2, 4, &[]);
    let nowhere = d.join("nowhere");
    let cases: Vec<(Vec<&Path>, String)> = vec![
        (vec![&s[0], &s[1]], "incomplete shard set: 2/3 missing".into()),
        (
            vec![&s[0], &s[1], &s[2], &s[1]],
            format!("{}: shard 1/3 is given twice", s[1].display()),
        ),
        (
            vec![&s[0], &s[1], &s[2], &full],
            format!("{}: made by a full run, not a shard", full.display()),
        ),
        (
            vec![&s[0], &s[1], &other_asof],
            format!("{}: made with a different as-of rule", other_asof.display()),
        ),
        (
            vec![&s[0], &s[1], &other_groups],
            format!("{}: made with a different group list", other_groups.display()),
        ),
        (
            vec![&s[0], &s[1], &other_n],
            format!("{}: made with a different shard count", other_n.display()),
        ),
        (
            vec![&s[0], &s[1], &nowhere],
            format!("{}: not a paysage output folder", nowhere.display()),
        ),
    ];
    for (set, message) in cases {
        merge(d, &set).code(1).stderr(contains(message));
        assert!(!d.join("merged").exists(), "nothing written on a refusal");
    }
    // Another version: the manifest says so.
    let old = d.join("old");
    std::fs::create_dir(&old).unwrap();
    for e in std::fs::read_dir(&s[2]).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, old.join(p.file_name().unwrap())).unwrap();
    }
    let m = std::fs::read_to_string(old.join("manifest.json")).unwrap();
    std::fs::write(
        old.join("manifest.json"),
        m.replace(env!("CARGO_PKG_VERSION"), "0.0.1"),
    )
    .unwrap();
    merge(d, &[&s[0], &s[1], &old]).code(1).stderr(contains(format!(
        "{}: made with a different version",
        old.display()
    )));
    // The whole set merges; the merge itself is no shard of a later merge.
    merge(d, &[&s[0], &s[1], &s[2]]).success();
    let merged = d.join("merged");
    let m = paysage::manifest::Manifest::read(&merged).unwrap();
    assert_eq!(m.kind, paysage::manifest::Kind::Merge);
    assert_eq!(m.articles, 300);
    paysage()
        .args(["merge", "--output", d.join("again").to_str().unwrap()])
        .args([&s[0], &s[1], &s[2], &merged].iter().map(|p| p.to_str().unwrap()))
        .assert()
        .code(1)
        .stderr(contains("made by a merge, not a shard"));
}

#[test]
fn each_reject_goes_to_the_shard_its_id_hashes_to() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    let mut lines = String::new();
    for i in 0..40 {
        lines.push_str(&format!(
            "{{\"id\":\"a{i}\",\"text\":\"la France et l'Italie\"}}\n"
        ));
        lines.push_str(&format!("{{\"id\":\"bad{i}\",\"text\":\"\"}}\n"));
    }
    lines.push_str("not json\n");
    std::fs::write(&input, lines).unwrap();
    let mut all = Vec::new();
    let mut articles = 0;
    for k in 0..4 {
        let out = shard(dir.path(), &format!("s{k}"), &input, k, 4, &[]);
        let r = read_parquet(&out.join(format!("rejects.shard-{k}-of-4.parquet")));
        for id in strings(&r, "article_id") {
            let owner = id.as_deref().map_or(0, |id| paysage::shard_of(id, 4));
            assert_eq!(owner, k as u64, "{id:?} in shard {k}");
            all.push(id);
        }
        articles += read_parquet(&out.join(format!("articles.shard-{k}-of-4.parquet"))).height();
    }
    assert_eq!(articles, 40);
    assert_eq!(all.len(), 41, "every reject once: {all:?}");
    assert!(all.contains(&None), "the line with no id is in shard 0");
}

#[test]
fn shard_by_file_reads_only_the_shards_files() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    let sample = std::fs::read_to_string(sample(dir.path(), 240)).unwrap();
    let lines: Vec<&str> = sample.lines().collect();
    for (i, chunk) in lines.chunks(20).enumerate() {
        std::fs::write(src.join(format!("day-{i:02}.jsonl")), chunk.join("\n") + "\n").unwrap();
    }
    let full = dir.path().join("full");
    run_into(&full, &["--articles", src.to_str().unwrap()]).success();
    let mut ids = Vec::new();
    let mut shards = Vec::new();
    for k in 0..3 {
        let out = shard(dir.path(), &format!("f{k}"), &src, k, 3, &["--shard-by", "file"]);
        let m = paysage::manifest::Manifest::read(&out).unwrap();
        let read: Vec<&str> = m
            .inputs
            .iter()
            .filter(|i| i.path.contains("day-"))
            .map(|i| i.path.rsplit('/').next().unwrap())
            .collect();
        assert!(!read.is_empty());
        for name in &read {
            assert_eq!(paysage::shard_of(name, 3), k as u64, "shard {k} read {name}");
        }
        let articles = read_parquet(&out.join(format!("articles.shard-{k}-of-3.parquet")));
        ids.extend(strings(&articles, "article_id").into_iter().flatten());
        shards.push(out);
    }
    ids.sort();
    let mut want: Vec<String> = strings(&parquet(&full, "articles"), "article_id")
        .into_iter()
        .flatten()
        .collect();
    want.sort();
    assert_eq!(ids, want);
    merge(
        dir.path(),
        &shards.iter().map(|p| p.as_path()).collect::<Vec<_>>(),
    )
    .success();
    let merged = dir.path().join("merged");
    let by = ["iso3"];
    assert!(sorted(parquet(&full, "country_mentions"), &by)
        .equals_missing(&sorted(parquet(&merged, "country_mentions"), &by)));
}

#[test]
fn extract_writes_rejects_as_rows_when_asked() {
    let input =
        "{\"id\":\"a\",\"lang\":\"fr\",\"text\":\"la France\"}\nnot json\n{\"id\":\"b\",\"text\":\"\"}\n";
    paysage()
        .arg("extract")
        .write_stdin(input)
        .assert()
        .code(3)
        .stderr(contains("<stdin>:2"));
    let out = paysage()
        .args(["extract", "--rejects-as-rows"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["iso3"], "FRA");
    assert_eq!(rows[1]["reject"]["line"], 2);
    assert_eq!(rows[1]["reject"]["article_id"], serde_json::Value::Null);
    assert_eq!(rows[2]["reject"]["article_id"], "b");
    assert!(rows[2]["reject"]["reason"].as_str().unwrap().contains("text"));
}
