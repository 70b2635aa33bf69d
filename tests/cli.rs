//! The `depeche` binary as a user runs it: JSON on stdout for good input; for bad
//! input a non-zero exit, one line on stderr starting with `depeche:`, nothing on
//! stdout and never a panic.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const SEED: &str = "www/examples/003_ef9561be654d17d8.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn depeche(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_depeche"))
        .args(args)
        .current_dir(root())
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the depeche binary");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).expect("write stdin");
    }
    child.wait_with_output().expect("wait for depeche")
}

fn stdout_json(out: &Output, what: &str) -> serde_json::Value {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{what}: exit {:?}, stderr: {stderr}", out.status.code());
    assert!(out.stderr.is_empty(), "{what}: unexpected stderr: {stderr}");
    let stdout = std::str::from_utf8(&out.stdout).expect("stdout is UTF-8");
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{what}: stdout is not JSON ({e}): {stdout:.200}"))
}

/// A clean failure: non-zero exit, nothing on stdout, exactly one stderr line
/// `depeche: ...` mentioning `needle`, and no panic.
fn assert_clean_failure(out: &Output, what: &str, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{what}: expected failure, got success; stdout: {}", String::from_utf8_lossy(&out.stdout));
    assert_ne!(out.status.code(), None, "{what}: killed by a signal (a panic with panic=abort?); stderr: {stderr}");
    assert!(out.stdout.is_empty(), "{what}: stdout should be empty, got: {}", String::from_utf8_lossy(&out.stdout));
    assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"), "{what}: panic: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{what}: expected one line on stderr, got: {stderr}");
    assert!(lines[0].starts_with("depeche: "), "{what}: stderr should start with `depeche: `, got: {stderr}");
    assert!(lines[0].contains(needle), "{what}: stderr should mention {needle:?}, got: {stderr}");
}

#[test]
fn analyzes_a_seed_file() {
    let out = depeche(&["analyze", SEED], None);
    let json = stdout_json(&out, "analyze SEED");
    assert_eq!(json["schema"], "1");
    assert!(json["entities"].as_array().is_some_and(|e| !e.is_empty()), "no entities");
    assert!(json["events"].is_array(), "no events array");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "default output is compact JSON on one line");
    // The CLI prints exactly what the library returns.
    let text = std::fs::read_to_string(root().join(SEED)).unwrap();
    assert_eq!(stdout.trim_end(), depeche::analyze(&text).to_json());
}

#[test]
fn dash_reads_stdin() {
    let text = std::fs::read(root().join(SEED)).unwrap();
    let from_stdin = depeche(&["analyze", "-"], Some(&text));
    let from_file = depeche(&["analyze", SEED], None);
    stdout_json(&from_stdin, "analyze -");
    assert_eq!(from_stdin.stdout, from_file.stdout, "stdin and file give different JSON");
}

#[test]
fn pretty_indents_the_same_json() {
    let pretty = depeche(&["analyze", SEED, "--pretty"], None);
    let compact = depeche(&["analyze", SEED], None);
    let p = stdout_json(&pretty, "--pretty");
    assert_eq!(p, stdout_json(&compact, "compact"));
    let stdout = String::from_utf8(pretty.stdout).unwrap();
    assert!(stdout.starts_with("{\n  \"schema\": \"1\""), "--pretty output starts: {:.60}", stdout);
}

#[test]
fn reference_date_option_shows_in_the_output() {
    let out = depeche(&["analyze", "--reference-date", "2024-11-22", "-"], Some("Jeudi dernier, l'armée syrienne a bombardé Alep.".as_bytes()));
    let json = stdout_json(&out, "--reference-date");
    assert_eq!(json["reference_date"], "2024-11-22");
    let date = json["entities"].as_array().unwrap().iter().find(|e| e["type"] == "DATE" && e["text"] == "Jeudi dernier");
    assert_eq!(date.map(|d| d["value"].clone()), Some("2024-11-21".into()), "`Jeudi dernier` on Friday 2024-11-22");
    // After the file too.
    let out = depeche(&["analyze", SEED, "--reference-date", "2016-03-12"], None);
    assert_eq!(stdout_json(&out, "file --reference-date")["reference_date"], "2016-03-12");
}

#[test]
fn empty_input_is_not_an_error() {
    let json = stdout_json(&depeche(&["analyze", "-"], Some(b"")), "empty stdin");
    assert_eq!(json["schema"], "1");
    assert_eq!(json["entities"], serde_json::json!([]));
    assert_eq!(json["events"], serde_json::json!([]));
}

#[test]
fn unreadable_file_fails_cleanly() {
    let out = depeche(&["analyze", "no/such/article.txt"], None);
    assert_clean_failure(&out, "missing file", "no/such/article.txt");
    let out = depeche(&["analyze", "www/examples"], None);
    assert_clean_failure(&out, "a directory", "www/examples");
}

#[test]
fn non_utf8_input_fails_cleanly() {
    let latin1 = b"L'arm\xe9e syrienne a bombard\xe9 Alep.";
    assert_clean_failure(&depeche(&["analyze", "-"], Some(latin1)), "Latin-1 on stdin", "UTF-8");
    let dir = std::env::temp_dir().join(format!("depeche-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("latin1.txt");
    std::fs::write(&file, latin1).unwrap();
    let out = depeche(&["analyze", file.to_str().unwrap()], None);
    std::fs::remove_dir_all(&dir).ok();
    assert_clean_failure(&out, "Latin-1 file", "UTF-8");
}

#[test]
fn bad_reference_date_fails_cleanly() {
    for bad in ["2024-13-45", "demain", "2023-02-29", "22/11/2024", ""] {
        let out = depeche(&["analyze", SEED, "--reference-date", bad], None);
        if bad.is_empty() {
            // An empty value is either refused cleanly or ignored; never a panic.
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "empty --reference-date: panic: {stderr}");
            continue;
        }
        assert_clean_failure(&out, &format!("--reference-date {bad}"), bad);
    }
}

#[test]
fn usage_errors_do_not_panic() {
    for args in [&[][..], &["analyze"][..], &["frobnicate"][..], &["analyze", SEED, "--bogus"][..]] {
        let out = depeche(args, None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}: expected a usage error");
        assert!(out.stdout.is_empty(), "{args:?}: stdout should be empty");
        assert!(!stderr.contains("panicked"), "{args:?}: panic: {stderr}");
        assert!(stderr.contains("Usage"), "{args:?}: expected a usage message, got: {stderr}");
    }
    let help = depeche(&["--help"], None);
    assert!(help.status.success() && String::from_utf8_lossy(&help.stdout).contains("analyze"));
}
