//! Criterion benchmarks for the two hot stages: folding and matching, and
//! the whole-name lookup. Run with `cargo bench --bench matcher`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use paysage::extract::Matcher;
use paysage::lookup::lookup;
use paysage::normalize::fold;
use paysage::reference::Reference;
use std::hint::black_box;

fn seed_text() -> String {
    let one = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/input/articles/alliance-2012-12-05-fr.txt"
    ))
    .unwrap();
    // About 280 KB: large enough that per-call set-up does not dominate.
    one.repeat(100)
}

fn benches(c: &mut Criterion) {
    let reference = Reference::load(concat!(env!("CARGO_MANIFEST_DIR"), "/input").as_ref()).unwrap();
    let matcher = Matcher::new(&reference).unwrap();
    let text = seed_text();

    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("fold", |b| b.iter(|| fold(black_box(&text))));
    g.bench_function("fold+extract fr", |b| {
        b.iter(|| matcher.extract(black_box(&text), "fr", None))
    });
    g.finish();

    let names = [
        "les Etats-Unis",
        "Royaume Uni",
        "Congo",
        "Nations Unies",
        "FRA",
        "Corée du Sud",
    ];
    let mut g = c.benchmark_group("lookup");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("6 names fr", |b| {
        b.iter(|| {
            for n in names {
                black_box(lookup(n, Some("fr"), &matcher, &reference));
            }
        })
    });
    g.finish();
}

criterion_group!(benches_group, benches);
criterion_main!(benches_group);
