//! The five seed articles, compiled into the tests and benchmarks that need them
//! (`#[path = "common/seeds.rs"] mod seeds;`).

pub const SEEDS: [&str; 5] = [
    include_str!("../../www/examples/000_e1295d0083729764.txt"),
    include_str!("../../www/examples/001_60bf5cf06030d9e3.txt"),
    include_str!("../../www/examples/002_4673444aa9081ff5.txt"),
    include_str!("../../www/examples/003_ef9561be654d17d8.txt"),
    include_str!("../../www/examples/004_e2362acd604f0922.txt"),
];
