//! Golden outputs for the seed articles: `tests/golden/<seed>.json` holds the pretty
//! JSON that `depeche::analyze` returns for `www/examples/<seed>.txt`. A change in
//! extraction shows as a diff naming the seed; once a person has reviewed it:
//!
//!     UPDATE_GOLDEN=1 cargo test --test golden
//!
//! rewrites the files (then read `git diff tests/golden/` before committing).

use std::fs;
use std::path::{Path, PathBuf};

const UPDATE_HINT: &str = "if the change is intended, review it and run: UPDATE_GOLDEN=1 cargo test --test golden";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `www/examples/*.txt`, sorted by name.
fn seeds() -> Vec<PathBuf> {
    let dir = root().join("www/examples");
    let mut seeds: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    seeds
}

fn golden_path(seed: &Path) -> PathBuf {
    let stem = seed.file_stem().expect("seed file name").to_string_lossy().into_owned();
    root().join("tests/golden").join(format!("{stem}.json"))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| !v.is_empty() && v != "0")
}

#[test]
fn seeds_match_golden_json() {
    let seeds = seeds();
    assert!(seeds.len() >= 5, "expected the five seed articles in www/examples, found {}", seeds.len());
    let mut failures = Vec::new();
    for seed in &seeds {
        let name = seed.file_name().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(seed).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
        let actual = depeche::analyze(&text).to_json_pretty() + "\n";
        let path = golden_path(seed);
        if updating() {
            fs::create_dir_all(path.parent().unwrap()).expect("create tests/golden");
            fs::write(&path, &actual).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            eprintln!("updated {}", path.display());
            continue;
        }
        match fs::read_to_string(&path) {
            Err(_) => failures.push(format!("{name}: no golden file {}", path.display())),
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name}: output differs from {} (- golden, + now):\n{}",
                path.strip_prefix(root()).unwrap_or(&path).display(),
                diff(&expected, &actual)
            )),
        }
    }
    assert!(failures.is_empty(), "{} of {} seeds changed:\n\n{}\n\n{UPDATE_HINT}", failures.len(), seeds.len(), failures.join("\n\n"));
}

#[test]
fn no_golden_file_without_its_seed() {
    let wanted: Vec<PathBuf> = seeds().iter().map(|s| golden_path(s)).collect();
    let dir = root().join("tests/golden");
    let Ok(entries) = fs::read_dir(&dir) else { return };
    let stale: Vec<String> = entries
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !wanted.contains(p))
        .map(|p| p.display().to_string())
        .collect();
    assert!(stale.is_empty(), "golden files without a seed in www/examples (delete them): {stale:?}");
}

#[test]
fn analysis_is_deterministic() {
    for seed in seeds() {
        let text = fs::read_to_string(&seed).unwrap();
        let a = depeche::analyze(&text).to_json();
        let b = depeche::Extractor::new().analyze(&text, &depeche::Options::default()).to_json();
        assert!(a == b, "{}: a fresh Extractor gives a different result than the shared one", seed.display());
    }
}

/// A unified-style line diff: common prefix and suffix trimmed, the middle aligned by
/// longest common subsequence, three lines of context, at most `MAX_LINES` printed.
fn diff(expected: &str, actual: &str) -> String {
    const CONTEXT: usize = 3;
    const MAX_LINES: usize = 80;
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // Keep CONTEXT common lines on each side of the changed middle.
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count().saturating_sub(CONTEXT);
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count().saturating_sub(CONTEXT);
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);

    // Edit script over the middle: ' ' kept, '-' golden only, '+' new only.
    let mut ops: Vec<(char, usize, usize)> = Vec::new(); // (op, line in a, line in b)
    if am.len() * bm.len() <= 4_000_000 {
        let (n, m) = (am.len(), bm.len());
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if am[i] == bm[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                ops.push((' ', i, j));
                i += 1;
                j += 1;
            } else if i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
                ops.push(('-', i, j));
                i += 1;
            } else {
                ops.push(('+', i, j));
                j += 1;
            }
        }
    } else {
        ops.extend((0..am.len()).map(|i| ('-', i, 0)));
        ops.extend((0..bm.len()).map(|j| ('+', am.len(), j)));
    }

    // Print changed lines with context; `@@ line N` gives the golden file's line.
    let changed: Vec<bool> = ops.iter().map(|o| o.0 != ' ').collect();
    let near = |k: usize| (k.saturating_sub(CONTEXT)..(k + CONTEXT + 1).min(ops.len())).any(|x| changed[x]);
    let mut out = Vec::new();
    let mut last_shown: Option<usize> = None;
    for (k, &(op, i, j)) in ops.iter().enumerate() {
        if !near(k) {
            continue;
        }
        if last_shown.is_none_or(|l| l + 1 != k) {
            out.push(format!("@@ golden line {} / new line {}", prefix + i + 1, prefix + j + 1));
        }
        last_shown = Some(k);
        let line = match op {
            '+' => bm[j],
            '-' => am[i],
            _ => am[i],
        };
        out.push(format!("{op} {line}"));
    }
    let total = out.len();
    if total > MAX_LINES {
        out.truncate(MAX_LINES);
        out.push(format!("... ({} more diff lines)", total - MAX_LINES));
    }
    if out.is_empty() {
        out.push("(only trailing whitespace or line endings differ)".to_string());
    }
    out.join("\n")
}
