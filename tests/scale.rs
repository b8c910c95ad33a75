//! Scale-out: shards that a query engine reads as one table, `merge`, the
//! `extract` pipe, and the other input formats (zstd, CSV with mapped
//! columns, globs).

mod common;
use common::*;
use polars::prelude::*;
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
