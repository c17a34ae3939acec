//! `parse` on the seed article and on the whole corpus, and the gazetteers' one-time load (what every process pays
//! before its first article). Run: `cargo bench --bench parse`.

use criterion::{Criterion, criterion_group, criterion_main};
use newsparse::{Date, Options, parse};

const SEED: &str = include_str!("../fixtures/000_454c63ec9385e69c.txt");

fn options() -> Options {
    Options {
        reference_date: Date::new(2026, 11, 27).expect("date"),
    }
}

fn bench_parse(c: &mut Criterion) {
    let options = options();
    // The first call loads the gazetteers; the loop measures parsing alone.
    parse(SEED, &options);
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

fn bench_load(c: &mut Criterion) {
    c.bench_function("load gazetteers", |b| b.iter(newsparse::load_gazetteers));
}

criterion_group!(benches, bench_parse, bench_corpus, bench_load);
criterion_main!(benches);
