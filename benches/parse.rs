//! `parse` on the seed article, and the gazetteers' one-time load (what every process pays
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

fn bench_load(c: &mut Criterion) {
    c.bench_function("load gazetteers", |b| b.iter(newsparse::load_gazetteers));
}

criterion_group!(benches, bench_parse, bench_load);
criterion_main!(benches);
