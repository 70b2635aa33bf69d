//! The plain fuzz harness: stable Rust, no libFuzzer, no coverage feedback. It mutates
//! the seed articles (www/examples/*.txt, plus fuzz/corpus/analyze/ when present)
//! and generates random bytes, and runs `depeche_fuzz::check_bytes` on each input
//! until the time or execution budget is spent. A panic, a span that does not slice
//! the input, or an input that takes longer than `--timeout` seconds (a hang) stops
//! the run with exit code 1, the input saved in fuzz/artifacts/mutate/.
//!
//! ```sh
//! cargo run --release --no-default-features --bin mutate -- --seconds 60
//! cargo run --release --no-default-features --bin mutate -- fuzz/artifacts/mutate/crash-…   # replay
//! ```

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use depeche_fuzz::{check_bytes, TOKENS};

/// Panic places already reported (--keep-going).
static PANICS_SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Byte sequences that are interesting to a UTF-8 / UTF-16 offset mapper.
const ODD_BYTES: &[&[u8]] = &[
    b"\xff", b"\xc3", b"\xe2\x80", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xc0\xaf", b"\x00", b"\r", b"\r\n",
    "\u{10ffff}".as_bytes(), "\u{1f600}".as_bytes(), "\u{301}".as_bytes(), "\u{200d}".as_bytes(),
];

/// Letters, digits and marks of French prose, for random text that looks like words.
const ALPHABET: &[u8] = b" aeilmnorstu,.'\n0123456789";

fn range(rng: &mut Rng, len: usize, max: usize) -> (usize, usize) {
    let a = rng.below(len + 1);
    let b = (a + rng.below(max.max(1) + 1)).min(len);
    (a, b)
}

fn mutate(rng: &mut Rng, data: &mut Vec<u8>, corpus: &[Vec<u8>], max_len: usize) {
    let len = data.len();
    match rng.below(16) {
        0 if len > 0 => { let i = rng.below(len); data[i] ^= 1 << rng.below(8); }
        1 if len > 0 => { let i = rng.below(len); data[i] = rng.next() as u8; }
        2 => {
            let i = rng.below(len + 1);
            let n = 1 + rng.below(8);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            data.splice(i..i, bytes);
        }
        3 | 4 | 5 => {
            let i = rng.below(len + 1);
            let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
            data.splice(i..i, t.iter().copied());
        }
        6 => { let (a, b) = range(rng, len, 64); data.drain(a..b); }
        7 => { let (a, b) = range(rng, len, len / 8 + 1); data.drain(a..b); }
        8 => {
            let (a, b) = range(rng, len, 256);
            let piece = data[a..b].to_vec();
            let cap = if rng.chance(10) { 2000 } else { 4 };
            let times = 1 + rng.below(cap);
            for _ in 0..times { data.splice(b..b, piece.iter().copied()); if data.len() > max_len { break; } }
        }
        9 => {
            let other = &corpus[rng.below(corpus.len())];
            let (a, b) = range(rng, other.len(), 2048);
            let i = rng.below(len + 1);
            data.splice(i..i, other[a..b].iter().copied());
        }
        10 => {
            let s = String::from_utf8_lossy(data).replace("\r\n", "\n");
            *data = match rng.below(3) { 0 => s.replace('\n', "\r\n"), 1 => s.replace('\n', "\r"), _ => s.replace('\n', " ") }.into_bytes();
        }
        11 => { let i = rng.below(len + 1); data.truncate(i); }
        12 => {
            let i = rng.below(len + 1);
            let t = ODD_BYTES[rng.below(ODD_BYTES.len())];
            data.splice(i..i, t.iter().copied());
        }
        13 => {
            // case games: the lexicons are case- and accent-blind, acronyms are not
            let s = String::from_utf8_lossy(data);
            *data = if rng.chance(50) { s.to_uppercase() } else { s.to_lowercase() }.into_bytes();
        }
        14 if len > 2 => {
            let (a, b) = range(rng, len, 128);
            let (c, d) = range(rng, len, 128);
            if b <= c { let x = data[a..b].to_vec(); let y = data[c..d].to_vec(); data.splice(c..d, x); data.splice(a..b, y); }
        }
        _ => {
            // the same char many times (a long word, punctuation runs)
            let i = rng.below(len + 1);
            let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
            let n = 1 + rng.below(300);
            let rep: Vec<u8> = t.iter().copied().cycle().take(t.len() * n).collect();
            data.splice(i..i, rep);
        }
    }
    data.truncate(max_len);
}

fn load_corpus(dirs: &[PathBuf]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for d in dirs {
        let Ok(entries) = std::fs::read_dir(d) else { continue };
        let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
        files.sort();
        for f in files {
            if let Ok(b) = std::fs::read(&f) {
                out.push(b);
            }
        }
    }
    out
}

fn save(artifacts: &Path, kind: &str, data: &[u8]) -> PathBuf {
    let _ = std::fs::create_dir_all(artifacts);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data { h = (h ^ *b as u64).wrapping_mul(0x100_0000_01b3); }
    let p = artifacts.join(format!("{kind}-{h:016x}"));
    let _ = std::fs::write(&p, data);
    p
}

fn usage() -> ! {
    eprintln!("usage: mutate [--seconds N] [--iters N] [--seed N] [--max-len BYTES] [--timeout SECONDS] [--corpus DIR]... [--keep-going] [--print-dict] [FILE...]");
    std::process::exit(2);
}

fn main() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seconds = 60u64;
    let mut iters = u64::MAX;
    let mut seed = 0u64;
    let mut max_len = 64 * 1024;
    let mut timeout = 10u64;
    let mut keep_going = false;
    let mut dirs = Vec::new();
    let mut replay = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--seconds" => seconds = val().parse().unwrap_or_else(|_| usage()),
            "--iters" => iters = val().parse().unwrap_or_else(|_| usage()),
            "--seed" => seed = val().parse().unwrap_or_else(|_| usage()),
            "--max-len" => max_len = val().parse().unwrap_or_else(|_| usage()),
            "--timeout" => timeout = val().parse().unwrap_or_else(|_| usage()),
            "--corpus" => dirs.push(PathBuf::from(val())),
            "--keep-going" => keep_going = true,
            "--print-dict" => {
                // the libFuzzer dictionary: one "token" a line, bytes outside printable ASCII as \xNN
                for t in TOKENS {
                    let q: String = t.bytes().map(|b| if (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\' { (b as char).to_string() } else { format!("\\x{b:02X}") }).collect();
                    println!("\"{q}\"");
                }
                return;
            }
            "-h" | "--help" => usage(),
            f if !f.starts_with("--") => replay.push(PathBuf::from(f)),
            _ => usage(),
        }
    }

    if !replay.is_empty() {
        let mut bad = 0;
        for f in &replay {
            let data = std::fs::read(f).unwrap_or_else(|e| { eprintln!("{}: {e}", f.display()); std::process::exit(2) });
            let t = Instant::now();
            match check_bytes(&data) {
                Ok(n) => println!("{}: ok, {} bytes, {n} spans, {:.3} s", f.display(), data.len(), t.elapsed().as_secs_f64()),
                Err(e) => { bad += 1; println!("{}: FAILED\n{e}", f.display()) }
            }
        }
        std::process::exit(if bad > 0 { 1 } else { 0 });
    }

    if dirs.is_empty() {
        dirs.push(here.join("../www/examples"));
        dirs.push(here.join("corpus/analyze"));
    }
    let corpus = load_corpus(&dirs);
    if corpus.is_empty() {
        eprintln!("mutate: no seed files in {dirs:?}");
        std::process::exit(2);
    }
    if seed == 0 {
        seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1) | 1;
    }
    let artifacts = here.join("artifacts/mutate");
    println!("mutate: {} seed inputs, rng seed {seed}, {seconds} s, max {max_len} bytes an input, timeout {timeout} s", corpus.len());

    // Watchdog: an input that runs past the timeout is a hang; save it and stop.
    let started = Arc::new(AtomicU64::new(0)); // ms since `t0` + 1 when busy, 0 when idle
    let current: Arc<Mutex<Vec<u8>>> = Arc::new(Mutex::new(Vec::new()));
    let t0 = Instant::now();
    {
        let (started, current, artifacts) = (started.clone(), current.clone(), artifacts.clone());
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(200));
            let s = started.load(Ordering::SeqCst);
            if s > 0 && t0.elapsed().as_millis() as u64 + 1 - s > timeout * 1000 {
                let data = current.lock().map(|d| d.clone()).unwrap_or_default();
                let p = save(&artifacts, "timeout", &data);
                eprintln!("mutate: HANG: an input of {} bytes ran for more than {timeout} s; saved to {}", data.len(), p.display());
                std::process::exit(1);
            }
        });
    }

    // A panic is reported by the hook (message and location) and then caught here.
    // With --keep-going, each new panic location is reported once, its first input
    // saved, and the run goes on (to reach the execution budget past a known bug).
    let last_panic: Arc<Mutex<String>> = Arc::new(Mutex::new(String::new()));
    let mut seen_panics: Vec<String> = Vec::new();
    if keep_going {
        let last_panic = last_panic.clone();
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
            let msg = info.payload().downcast_ref::<&str>().map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_default();
            let key = format!("{at}: {msg}");
            let mut lp = last_panic.lock().unwrap_or_else(|e| e.into_inner());
            if !PANICS_SEEN.lock().unwrap_or_else(|e| e.into_inner()).contains(&key) {
                default(info);
            }
            *lp = key;
        }));
    }
    let mut rng = Rng(seed);
    let deadline = t0 + Duration::from_secs(seconds);
    let (mut execs, mut bytes, mut spans, mut panics) = (0u64, 0u64, 0u64, 0u64);
    let mut slowest = (Duration::ZERO, 0usize);
    let mut last_report = Instant::now();
    while execs < iters && Instant::now() < deadline {
        let data = if rng.chance(10) {
            let cap = if rng.chance(10) { 16384 } else { 512 };
            let n = rng.below(cap);
            (0..n).map(|_| if rng.chance(70) { ALPHABET[rng.below(ALPHABET.len())] } else { rng.next() as u8 }).collect()
        } else {
            let mut d = corpus[rng.below(corpus.len())].clone();
            for _ in 0..1 + rng.below(8) {
                mutate(&mut rng, &mut d, &corpus, max_len);
            }
            d
        };
        if let Ok(mut c) = current.lock() { c.clone_from(&data); }
        let t = Instant::now();
        started.store(t0.elapsed().as_millis() as u64 + 1, Ordering::SeqCst);
        let result = std::panic::catch_unwind(|| check_bytes(&data));
        started.store(0, Ordering::SeqCst);
        let took = t.elapsed();
        if took > slowest.0 {
            slowest = (took, data.len());
            if took > Duration::from_millis(500) {
                let p = save(&artifacts, "slow", &data);
                println!("mutate: slow: {:.0} ms for {} bytes, saved to {}", took.as_secs_f64() * 1e3, data.len(), p.display());
            }
        }
        execs += 1;
        bytes += data.len() as u64;
        match result {
            Ok(Ok(n)) => spans += n as u64,
            Ok(Err(problems)) => {
                let p = save(&artifacts, "spans", &data);
                eprintln!("mutate: WRONG SPANS on an input of {} bytes, saved to {}:\n{problems}", data.len(), p.display());
                std::process::exit(1);
            }
            Err(_) if keep_going => {
                let key = last_panic.lock().map(|k| k.clone()).unwrap_or_default();
                if !seen_panics.contains(&key) {
                    let p = save(&artifacts, "crash", &data);
                    eprintln!("mutate: PANIC ({key}) on an input of {} bytes, saved to {}; going on", data.len(), p.display());
                    seen_panics.push(key.clone());
                    if let Ok(mut s) = PANICS_SEEN.lock() { s.push(key); }
                }
                panics += 1;
            }
            Err(_) => {
                let p = save(&artifacts, "crash", &data);
                eprintln!("mutate: PANIC on an input of {} bytes, saved to {}", data.len(), p.display());
                std::process::exit(1);
            }
        }
        if last_report.elapsed() > Duration::from_secs(10) {
            last_report = Instant::now();
            let s = t0.elapsed().as_secs_f64();
            println!("mutate: {execs} execs in {s:.0} s ({:.0}/s), {:.1} MB analysed", execs as f64 / s, bytes as f64 / 1e6);
        }
    }
    let s = t0.elapsed().as_secs_f64();
    if panics > 0 {
        println!("mutate: done: {execs} execs in {s:.1} s: {panics} panics at {} distinct places:\n  {}", seen_panics.len(), seen_panics.join("\n  "));
        std::process::exit(1);
    }
    println!(
        "mutate: done: {execs} execs in {s:.1} s ({:.0}/s), {:.1} MB analysed, {spans} spans checked, slowest input {:.1} ms ({} bytes); no panic, no hang, every span slices the input",
        execs as f64 / s, bytes as f64 / 1e6, slowest.0.as_secs_f64() * 1e3, slowest.1
    );
}
