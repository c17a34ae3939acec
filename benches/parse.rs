//! `parse` on the seed article and on the whole corpus, and start-up: the whole `newsparse`
//! process on the seed article, what every run of a shell loop pays (the gazetteers are
//! static tables, so nothing is built first). Run: `cargo bench --bench parse`.

use criterion::{Criterion, criterion_group, criterion_main};
use newsparse::{Date, Options, parse};

const SEED: &str = include_str!("../fixtures/000_454c63ec9385e69c.txt");

fn options() -> Options<'static> {
    Options::default().with_reference_date(Date::new(2026, 11, 27).expect("date"))
}

fn bench_parse(c: &mut Criterion) {
    let options = options();
    c.bench_function("parse seed article", |b| {
        b.iter(|| parse(std::hint::black_box(SEED), &options))
    });
}

/// Every article of `../shared/corpus`, where it is at hand.
fn bench_corpus(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped the corpus bench: no {}", dir.display());
        return;
    };
    let mut articles: Vec<(std::path::PathBuf, String)> = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| Some((e.path(), std::fs::read_to_string(e.path()).ok()?)))
        .collect();
    articles.sort();
    let options = options();
    let mut group = c.benchmark_group("corpus");
    group.throughput(criterion::Throughput::Bytes(
        articles.iter().map(|(_, t)| t.len() as u64).sum(),
    ));
    group.bench_function(format!("parse {} articles", articles.len()), |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|(_, t)| parse(std::hint::black_box(t), &options).body.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn bench_startup(c: &mut Criterion) {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/000_454c63ec9385e69c.txt"
    );
    c.bench_function("process on seed article", |b| {
        b.iter(|| {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsparse"))
                .arg(seed)
                .output()
                .expect("run newsparse");
            assert!(out.status.success());
            out.stdout.len()
        })
    });
}

criterion_group!(benches, bench_parse, bench_corpus, bench_startup);
criterion_main!(benches);
