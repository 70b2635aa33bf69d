//! `depeche analyze --jsonl`, the batch mode, as a user runs it: one output line per
//! input record in input order, each the library's own JSON; bad lines reported with
//! their line number, skipped, and a non-zero exit; the `--files` and `--file-list`
//! forms; a reference date per line; standard input.

use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Our own sentences (not from any corpus), with relative dates, tolls, places.
const SENTENCES: &[&str] = &[
    "Lundi, l'armée syrienne a bombardé le village de Kafr Nabl, tuant trois civils.",
    "Jeudi dernier, des rebelles ont attaqué un poste de police à Idleb.",
    "Deux soldats ont été blessés hier par l'explosion d'une mine près de Deraa.",
    "La police a dispersé une manifestation à Bamako mardi ; une dizaine de personnes ont été arrêtées.",
    "Selon l'Observatoire syrien des droits de l'homme, cinq combattants ont péri dans des affrontements à Alep.",
    "Un drone a frappé un véhicule au sud de Gao, sans faire de victime.",
    "Des hommes armés ont enlevé quatre enseignants dans la région de Mopti la semaine dernière.",
    "Le ministère de la Défense a annoncé la reprise de la ville de Palmyre.",
    "Aucun incident n'a été signalé dimanche.",
    "",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seeds() -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("www/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed in www/examples");
    paths
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(root()).unwrap().to_str().unwrap().to_string();
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn depeche(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_depeche"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the depeche binary");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // Written from a thread: the output may fill its pipe before the input is all in.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for depeche");
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), None, "killed by a signal; stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    out
}

fn records(out: &Output) -> Vec<Value> {
    let stdout = std::str::from_utf8(&out.stdout).expect("stdout is UTF-8");
    stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l:.200}"))).collect()
}

fn library(text: &str, reference_date: Option<&str>) -> Value {
    serde_json::from_str(&depeche::analyze_with(text, reference_date).unwrap().to_json()).unwrap()
}

fn jsonl(lines: &[Value]) -> Vec<u8> {
    lines.iter().map(|l| format!("{l}\n")).collect::<String>().into_bytes()
}

fn assert_success(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{what}: exit {:?}, stderr: {stderr}", out.status.code());
    assert!(stderr.is_empty(), "{what}: unexpected stderr: {stderr}");
}

#[test]
fn two_hundred_lines_keep_their_order() {
    let seeds = seeds();
    let mut inputs = Vec::new();
    for i in 0..200usize {
        let text = if i % 3 == 0 { seeds[(i / 3) % seeds.len()].1.clone() } else { SENTENCES[i % SENTENCES.len()].to_string() };
        // Ids of every scalar kind, a string id every fourth line.
        let id = if i % 4 == 1 { json!(format!("article-{i}")) } else { json!(i) };
        inputs.push((id, text));
    }
    let lines: Vec<Value> = inputs.iter().map(|(id, text)| json!({"id": id, "text": text})).collect();
    // More workers than this machine may have cores: the order must not depend on it.
    let out = depeche(&["analyze", "--jsonl", "--jobs", "4", "-"], &jsonl(&lines));
    assert_success(&out, "200 lines");
    let got = records(&out);
    assert_eq!(got.len(), 200);
    for (record, (id, text)) in got.iter().zip(&inputs) {
        assert_eq!(&record["id"], id, "order lost");
        assert_eq!(record.as_object().unwrap().len(), 2, "a result record is id and result: {record:.200}");
        assert_eq!(record["result"], library(text, None), "id {id}: not the library's JSON");
    }
    // Each line of output is compact JSON on one line, exactly `{"id":..,"result":..}`.
    let first = std::str::from_utf8(&out.stdout).unwrap().lines().next().unwrap();
    assert!(first.starts_with("{\"id\":0,\"result\":{\"schema\":\"1\""), "{first:.80}");
}

#[test]
fn order_is_kept_across_chunks() {
    // More lines than one chunk holds (1,000), each telling its number.
    let lines: Vec<Value> = (0..2500).map(|i| json!({"id": i, "text": format!("Le {i}e convoi a été attaqué à Alep.")})).collect();
    let out = depeche(&["analyze", "--jsonl"], &jsonl(&lines));
    assert_success(&out, "2,500 lines");
    let got = records(&out);
    assert_eq!(got.len(), 2500);
    for (i, record) in got.iter().enumerate() {
        assert_eq!(record["id"], json!(i));
    }
}

#[test]
fn bad_lines_are_reported_skipped_and_fail_the_run() {
    let input = [
        r#"{"id": "a", "text": "Lundi, l'armée syrienne a bombardé Alep."}"#,
        r#"{"id": "b", "text": "oops"#,
        "",
        r#"{"id": "c"}"#,
        r#"{"id": "d", "text": "Des rebelles ont attaqué Idleb.", "reference_date": "2024-13-45"}"#,
        r#"{"id": "e", "text": 42}"#,
        r#"["not", "an", "object"]"#,
        r#"{"id": {"nested": 1}, "text": "Un drone a frappé Gao."}"#,
        r#"{"id": "f", "text": "Un drone a frappé Gao.", "reference_date": 20241122}"#,
        "   ",
        r#"{"text": "Deux soldats ont été blessés près de Deraa."}"#,
    ]
    .join("\n");
    let out = depeche(&["analyze", "--jsonl", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "a failed line gives exit status 1");
    let got = records(&out);
    let expected_errors = [
        (2, Value::Null, "invalid JSON"),
        (4, json!("c"), "missing \"text\""),
        (5, json!("d"), "2024-13-45"),
        (6, json!("e"), "\"text\" must be a string"),
        (7, Value::Null, "JSON object"),
        (8, Value::Null, "\"id\" must be"),
        (9, json!("f"), "\"reference_date\" must be a string"),
    ];
    // Blank lines (3, 10) give nothing; every other line one record, in order.
    assert_eq!(got.len(), 9, "records: {got:#?}");
    assert_eq!(got[0]["id"], "a");
    assert!(got[0]["result"]["events"].as_array().is_some_and(|e| !e.is_empty()));
    for (record, (line, id, needle)) in got[1..8].iter().zip(&expected_errors) {
        assert_eq!(record["line"], json!(line), "{record}");
        assert_eq!(&record["id"], id, "{record}");
        assert!(record["error"].as_str().is_some_and(|e| e.contains(needle)), "line {line}: {record}");
        assert!(record.get("result").is_none());
    }
    assert_eq!(got[8]["id"], Value::Null, "a missing id is null");
    assert_eq!(got[8]["result"], library("Deux soldats ont été blessés près de Deraa.", None));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (line, _, needle) in &expected_errors {
        let prefix = format!("depeche: line {line}: ");
        assert!(stderr.lines().any(|l| l.starts_with(&prefix) && l.contains(needle)), "no `{prefix}...{needle}` in stderr: {stderr}");
    }
    assert!(!stderr.contains("line 3:") && !stderr.contains("line 10:"), "blank lines are skipped silently: {stderr}");

    // --allow-errors: the same records and messages, exit status 0.
    let allowed = depeche(&["analyze", "--jsonl", "--allow-errors", "-"], input.as_bytes());
    assert_eq!(allowed.status.code(), Some(0));
    assert_eq!(allowed.stdout, out.stdout);
    assert_eq!(allowed.stderr, out.stderr);
}

#[test]
fn files_form_uses_paths_as_ids() {
    let seeds = seeds();
    let paths: Vec<&str> = seeds.iter().map(|(p, _)| p.as_str()).collect();
    let mut args = vec!["analyze", "--jsonl", "--files"];
    args.extend(&paths);
    let out = depeche(&args, b"");
    assert_success(&out, "--files");
    let got = records(&out);
    assert_eq!(got.len(), seeds.len());
    for (record, (path, text)) in got.iter().zip(&seeds) {
        assert_eq!(record["id"], json!(path));
        assert_eq!(record["result"], library(text, None), "{path}");
    }

    // A missing file: an error record at its position, the others analysed, exit 1.
    let out = depeche(&["analyze", "--jsonl", "--files", paths[0], "no/such/file.txt", paths[1]], b"");
    assert_eq!(out.status.code(), Some(1));
    let got = records(&out);
    assert_eq!(got.len(), 3);
    assert_eq!(got[0]["id"], json!(paths[0]));
    assert_eq!(got[1]["id"], "no/such/file.txt");
    assert_eq!(got[1]["line"], 2);
    assert!(got[1]["error"].as_str().unwrap().contains("no/such/file.txt"));
    assert_eq!(got[2]["result"], library(&seeds[1].1, None));
    assert!(String::from_utf8_lossy(&out.stderr).contains("depeche: line 2: cannot read no/such/file.txt"));

    // The same from a list of paths (blank lines skipped), on stdin and from a file.
    let list = format!("{}\n\n{}\r\n", paths[0], paths[1]);
    let from_stdin = depeche(&["analyze", "--jsonl", "--file-list", "-"], list.as_bytes());
    assert_success(&from_stdin, "--file-list -");
    let got = records(&from_stdin);
    assert_eq!(got.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(), vec![json!(paths[0]), json!(paths[1])]);
    let dir = std::env::temp_dir().join(format!("depeche-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list_file = dir.join("list.txt");
    std::fs::write(&list_file, &list).unwrap();
    let from_file = depeche(&["analyze", "--jsonl", "--file-list", list_file.to_str().unwrap()], b"");
    std::fs::remove_dir_all(&dir).ok();
    assert_success(&from_file, "--file-list FILE");
    assert_eq!(from_file.stdout, from_stdin.stdout);
}

#[test]
fn reference_date_per_line() {
    let text = "Jeudi dernier, l'armée syrienne a bombardé Alep.";
    let lines = [
        json!({"id": 1, "text": text, "reference_date": "2024-11-22"}),
        json!({"id": 2, "text": text, "reference_date": "2023-06-05"}),
        json!({"id": 3, "text": text}),
        json!({"id": 4, "text": text, "reference_date": null}),
    ];
    let thursday = |r: &Value| {
        r["result"]["entities"].as_array().unwrap().iter().find(|e| e["text"] == "Jeudi dernier").map(|e| e["value"].clone())
    };
    let out = depeche(&["analyze", "--jsonl"], &jsonl(&lines));
    assert_success(&out, "reference dates");
    let got = records(&out);
    assert_eq!(got[0]["result"]["reference_date"], "2024-11-22");
    assert_eq!(thursday(&got[0]), Some(json!("2024-11-21")));
    assert_eq!(got[1]["result"]["reference_date"], "2023-06-05");
    assert_eq!(thursday(&got[1]), Some(json!("2023-06-01")));
    assert_eq!(got[2]["result"]["reference_date"], Value::Null);
    assert_eq!(got[2]["result"], library(text, None));

    // --reference-date is the default for the lines without one; a line's own wins.
    let out = depeche(&["analyze", "--jsonl", "--reference-date", "2016-03-12"], &jsonl(&lines));
    assert_success(&out, "--reference-date default");
    let got = records(&out);
    let dates: Vec<Value> = got.iter().map(|r| r["result"]["reference_date"].clone()).collect();
    assert_eq!(dates, vec![json!("2024-11-22"), json!("2023-06-05"), json!("2016-03-12"), json!("2016-03-12")]);

    // A bad default is refused before any line, like in the one-article mode.
    let out = depeche(&["analyze", "--jsonl", "--reference-date", "2023-02-29"], &jsonl(&lines));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("depeche: ") && stderr.contains("2023-02-29") && stderr.lines().count() == 1, "{stderr}");
}

#[test]
fn stdin_file_and_dash_agree() {
    let lines: Vec<Value> = SENTENCES.iter().enumerate().map(|(i, s)| json!({"id": i, "text": s})).collect();
    let mut input = jsonl(&lines);
    let from_dash = depeche(&["analyze", "--jsonl", "-"], &input);
    assert_success(&from_dash, "--jsonl -");
    let implicit = depeche(&["analyze", "--jsonl"], &input);
    assert_eq!(implicit.stdout, from_dash.stdout, "no FILE reads stdin");
    let dir = std::env::temp_dir().join(format!("depeche-batch-stdin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("in.jsonl");
    std::fs::write(&file, &input).unwrap();
    let from_file = depeche(&["analyze", "--jsonl", file.to_str().unwrap()], b"");
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(from_file.stdout, from_dash.stdout, "file and stdin differ");
    assert_eq!(records(&from_dash).len(), SENTENCES.len());

    // CRLF line endings, a byte-order mark, no final newline: the same records.
    let crlf = String::from_utf8(input.clone()).unwrap().replace('\n', "\r\n");
    let mut odd = "\u{feff}".as_bytes().to_vec();
    odd.extend(crlf.trim_end().as_bytes());
    assert_eq!(depeche(&["analyze", "--jsonl"], &odd).stdout, from_dash.stdout);

    // Empty input: no output, success.
    let empty = depeche(&["analyze", "--jsonl"], b"");
    assert_success(&empty, "empty input");
    assert!(empty.stdout.is_empty());
    input.clear();
}

#[test]
fn batch_usage_errors_are_clean() {
    for args in [
        &["analyze", "--files", "a.txt"][..],
        &["analyze", "--file-list", "-"][..],
        &["analyze", "--jsonl", "--pretty"][..],
        &["analyze", "--jsonl", "--jobs", "0"][..],
        &["analyze", "--jsonl", "x.jsonl", "--files", "a.txt"][..],
        &["analyze", "--allow-errors", "x.txt"][..],
    ] {
        let out = depeche(args, b"");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: expected a usage error; stderr: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}: stdout should be empty");
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
    }
    // An input file that cannot be read: one line, no records.
    for (args, needle) in [(&["analyze", "--jsonl", "no/such.jsonl"][..], "no/such.jsonl"), (&["analyze", "--jsonl", "www/examples"][..], "www/examples")] {
        let out = depeche(args, b"");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(stderr.starts_with("depeche: ") && stderr.contains(needle) && stderr.lines().count() == 1, "{stderr}");
    }
}
