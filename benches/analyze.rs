//! `cargo bench` (or `make bench`): how long the lexicons take to compile, and how
//! fast one compiled extractor analyses a lede (~200 B), a seed article (~4-8 KB) and
//! ~1 MB of seeds laid end to end. Throughput is in bytes of UTF-8 input.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use depeche::{Extractor, Options};
use std::time::Duration;

/// Our own lede, written for this bench (not from any corpus).
const LEDE: &str = "Jeudi dernier, l'aviation russe a mené plusieurs raids aériens sur Alep, \
tuant au moins 18 civils selon l'OSDH, tandis que l'armée syrienne reprenait le village \
de Tal al-Milh aux rebelles d'Ahrar al-Cham.";

#[path = "../tests/common/seeds.rs"]
mod seeds;
use seeds::SEEDS;

/// The seeds repeated, separated by blank lines, up to about 1 MB.
fn megabyte() -> String {
    let mut s = String::with_capacity(1 << 20);
    'fill: loop {
        for seed in SEEDS {
            if s.len() + seed.len() > 1_000_000 {
                break 'fill;
            }
            s.push_str(seed);
            s.push_str("\n\n");
        }
    }
    s
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    g.bench_function("Extractor::new", |b| b.iter(|| black_box(Extractor::new())));
    g.finish();
}

fn analyze(c: &mut Criterion) {
    let extractor = Extractor::new();
    let options = Options::default();
    let big = megabyte();
    let inputs: [(&str, &str); 3] = [("lede", LEDE), ("seed_003", SEEDS[3]), ("seeds_1MB", &big)];
    let mut g = c.benchmark_group("analyze");
    for (name, text) in inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 100_000 {
            g.sample_size(10).measurement_time(Duration::from_secs(20));
        } else {
            g.sample_size(50).measurement_time(Duration::from_secs(5));
        }
        g.bench_with_input(BenchmarkId::from_parameter(format!("{name} ({} B)", text.len())), text, |b, t| {
            b.iter(|| black_box(extractor.analyze(black_box(t), &options)))
        });
    }
    g.finish();
}

criterion_group!(benches, build, analyze);
criterion_main!(benches);
