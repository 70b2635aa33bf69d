//! Analyse one file N times with one extractor: the per-article cost without the
//! CLI's start-up and JSON, for a profiler. Instruction counts are steady on a noisy
//! machine, so `make profile` (or by hand):
//!
//! ```text
//! CARGO_PROFILE_RELEASE_DEBUG=true cargo build --release --example profile
//! valgrind --tool=callgrind --toggle-collect='depeche::extractor::Extractor::analyze' \
//!     target/release/examples/profile www/examples/003_ef9561be654d17d8.txt 20
//! callgrind_annotate --inclusive=yes callgrind.out.*
//! ```
//!
//! The first analysis also compiles the lazily built rules; divide by N with that
//! in mind (or compare runs of N and 2N).

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), runs) = (args.next(), args.next()) else {
        eprintln!("usage: profile FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = runs.and_then(|n| n.parse().ok()).unwrap_or(20);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("profile: {path}: {e}");
        std::process::exit(1);
    });
    let extractor = depeche::Extractor::new();
    let options = depeche::Options::default();
    let mut events = 0;
    for _ in 0..runs {
        events += std::hint::black_box(extractor.analyze(&text, &options)).events.len();
    }
    println!("{runs} runs, {} events each", events / runs.max(1));
}
