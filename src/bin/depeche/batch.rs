//! Batch mode (`depeche analyze --jsonl`): many articles in, one JSON line out per
//! article, in input order, on all cores, in flat memory.
//!
//! The input is read in bounded chunks (at most [`CHUNK_RECORDS`] records or about
//! [`CHUNK_BYTES`] bytes); a chunk is parsed and analysed in parallel (rayon, order
//! kept), written and flushed, then the next one is read. A bad record becomes an
//! error record on stdout and a `depeche: line N: ...` line on stderr; the run goes
//! on and the exit status says that something failed.

use rayon::prelude::*;
use serde_json::Value;
use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::time::Instant;

/// Records per chunk.
const CHUNK_RECORDS: usize = 1000;
/// Bytes of input per chunk (a chunk holds at least one record, however long).
const CHUNK_BYTES: usize = 4 << 20;
/// A longer input line is reported as an error and skipped, unread into memory.
const MAX_LINE_BYTES: usize = 256 << 20;
/// Worker stack size: the main thread's usual 8 MiB, not rayon's default 2 MiB.
const WORKER_STACK: usize = 8 << 20;

/// Where the records come from.
pub enum Input {
    /// JSON lines `{"id": ..., "text": ..., "reference_date": ...}`; `-` is stdin.
    Jsonl(String),
    /// Text files named on the command line; the id is the path.
    Files(Vec<String>),
    /// Text files named one per line in this file (`-`: stdin); the id is the path.
    FileList(String),
}

pub struct Config {
    pub input: Input,
    /// `--reference-date`: used for records that do not give their own.
    pub reference_date: Option<String>,
    /// `--jobs`: worker threads (None: RAYON_NUM_THREADS, else all cores).
    pub jobs: Option<usize>,
}

/// How a run ended, when it could read all its input and write all its output.
pub struct Summary {
    pub records: u64,
    pub failed: u64,
}

/// A fatal error: the input cannot be read or the output cannot be written.
pub enum Fatal {
    Message(String),
    /// Whoever reads our output has gone (`depeche ... | head`): stop quietly.
    BrokenPipe,
}

impl From<String> for Fatal {
    fn from(message: String) -> Fatal {
        Fatal::Message(message)
    }
}

/// One record to analyse: its line (or position) and what the line holds.
struct Item {
    line: u64,
    payload: Payload,
}

enum Payload {
    Json(Vec<u8>),
    Path(String),
    /// The line was longer than [`MAX_LINE_BYTES`].
    TooLong,
}

/// What became of one record.
enum Outcome {
    /// A blank line: nothing to say.
    Skip,
    /// `{"id": ..., "result": ...}`.
    Done(String),
    /// An error record, and the message for stderr.
    Failed { record: String, message: String },
}

pub fn run(config: Config) -> Result<Summary, Fatal> {
    if let Some(date) = &config.reference_date {
        // Checked once, by the library, before any record.
        depeche::analyze_with("", Some(date)).map_err(|e| e.to_string())?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs.unwrap_or(0))
        .stack_size(WORKER_STACK)
        .thread_name(|i| format!("depeche-{i}"))
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    quiet_panics_in_analysis();
    crate::extractor(); // build the lexicons once, before the workers race for them

    let reference_date = config.reference_date.as_deref();
    let (mut source, unit): (Box<dyn Source>, &'static str) = match config.input {
        Input::Jsonl(path) => (Box::new(LineSource::open(&path, LineKind::Json)?), "records"),
        Input::FileList(path) => (Box::new(LineSource::open(&path, LineKind::Path)?), "files"),
        Input::Files(paths) => (Box::new(ArgSource { paths: paths.into_iter(), line: 0 }), "files"),
    };
    let mut out = io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let mut progress = Progress::new(unit);
    let mut summary = Summary { records: 0, failed: 0 };
    loop {
        let chunk = source.next_chunk()?;
        if chunk.is_empty() {
            break;
        }
        let bytes: usize = chunk.iter().map(Item::size).sum();
        let outcomes: Vec<(u64, Outcome)> =
            pool.install(|| chunk.into_par_iter().map(|item| (item.line, process(item, reference_date))).collect());
        for (line, outcome) in outcomes {
            match outcome {
                Outcome::Skip => continue,
                Outcome::Done(record) => write_line(&mut out, &record)?,
                Outcome::Failed { record, message } => {
                    summary.failed += 1;
                    progress.clear();
                    eprintln!("depeche: line {line}: {message}");
                    write_line(&mut out, &record)?;
                }
            }
            summary.records += 1;
        }
        out.flush().map_err(write_error)?;
        progress.update(summary.records, bytes);
    }
    progress.finish();
    Ok(summary)
}

fn write_line(out: &mut impl Write, record: &str) -> Result<(), Fatal> {
    out.write_all(record.as_bytes()).and_then(|()| out.write_all(b"\n")).map_err(write_error)
}

fn write_error(e: io::Error) -> Fatal {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Fatal::BrokenPipe
    } else {
        Fatal::Message(format!("cannot write output: {e}"))
    }
}

impl Item {
    fn size(&self) -> usize {
        match &self.payload {
            Payload::Json(bytes) => bytes.len(),
            Payload::Path(_) | Payload::TooLong => 0,
        }
    }
}

/// Analyse one record; never panics (a panic in the library becomes an error record).
fn process(item: Item, default_reference_date: Option<&str>) -> Outcome {
    let line = item.line;
    match item.payload {
        Payload::TooLong => failed(&Value::Null, line, format!("line longer than {} MiB, skipped", MAX_LINE_BYTES >> 20)),
        Payload::Json(bytes) => {
            let bytes = trim_line(&bytes, line == 1);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Outcome::Skip;
            }
            match parse_record(bytes) {
                Err((id, message)) => failed(&id, line, message),
                Ok(Record { id, text, reference_date }) => {
                    let reference_date = reference_date.as_deref().or(default_reference_date);
                    match analyze(&text, reference_date) {
                        Ok(json) => done(&id, &json),
                        Err(message) => failed(&id, line, message),
                    }
                }
            }
        }
        Payload::Path(path) => {
            let id = Value::String(path.clone());
            match crate::read_input(&path) {
                Err(message) => failed(&id, line, message),
                Ok(text) => match analyze(&text, default_reference_date) {
                    Ok(json) => done(&id, &json),
                    Err(message) => failed(&id, line, format!("{path}: {message}")),
                },
            }
        }
    }
}

struct Record {
    id: Value,
    text: String,
    reference_date: Option<String>,
}

/// Parse one JSON line; on error, the id if it could be read, and a message.
fn parse_record(bytes: &[u8]) -> Result<Record, (Value, String)> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| (Value::Null, format!("invalid JSON: {e}")))?;
    let Value::Object(mut object) = value else {
        return Err((Value::Null, format!("expected a JSON object with a \"text\" field, got {}", kind(&value))));
    };
    let id = match object.remove("id") {
        None => Value::Null,
        Some(id @ (Value::Array(_) | Value::Object(_))) => {
            return Err((Value::Null, format!("\"id\" must be a string, a number, a boolean or null, got {}", kind(&id))))
        }
        Some(id) => id,
    };
    let text = match object.remove("text") {
        Some(Value::String(text)) => text,
        None => return Err((id, "missing \"text\"".into())),
        Some(other) => return Err((id, format!("\"text\" must be a string, got {}", kind(&other)))),
    };
    let reference_date = match object.remove("reference_date") {
        None | Some(Value::Null) => None,
        Some(Value::String(date)) => Some(date),
        Some(other) => return Err((id, format!("\"reference_date\" must be a string YYYY-MM-DD, got {}", kind(&other)))),
    };
    Ok(Record { id, text, reference_date })
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Without its line ending, and without a byte-order mark on the first line.
fn trim_line(bytes: &[u8], first: bool) -> &[u8] {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    if first {
        bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes)
    } else {
        bytes
    }
}

thread_local! {
    static IN_ANALYSIS: Cell<bool> = const { Cell::new(false) };
}

/// A panic inside the library is reported as that record's error, not printed by
/// the default hook; any other panic still is.
fn quiet_panics_in_analysis() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !IN_ANALYSIS.with(Cell::get) {
            default(info);
        }
    }));
}

/// The Analysis JSON, or a message (a bad reference date, a panic in the library).
fn analyze(text: &str, reference_date: Option<&str>) -> Result<String, String> {
    IN_ANALYSIS.with(|f| f.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| crate::extractor().analyze_with(text, reference_date).map(|a| a.to_json())));
    IN_ANALYSIS.with(|f| f.set(false));
    match result {
        Ok(Ok(json)) => Ok(json),
        Ok(Err(e)) => Err(e.to_string()),
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!("internal error in the analysis, please report it: {what}"))
        }
    }
}

fn done(id: &Value, analysis_json: &str) -> Outcome {
    Outcome::Done(format!("{{\"id\":{},\"result\":{analysis_json}}}", id_json(id)))
}

fn failed(id: &Value, line: u64, message: String) -> Outcome {
    let record = format!("{{\"id\":{},\"line\":{line},\"error\":{}}}", id_json(id), Value::String(message.clone()));
    Outcome::Failed { record, message }
}

fn id_json(id: &Value) -> String {
    serde_json::to_string(id).unwrap_or_else(|_| "null".into())
}

/// Records in bounded chunks.
trait Source {
    /// The next chunk; empty at the end of the input.
    fn next_chunk(&mut self) -> Result<Vec<Item>, Fatal>;
}

/// Paths given on the command line.
struct ArgSource {
    paths: std::vec::IntoIter<String>,
    line: u64,
}

impl Source for ArgSource {
    fn next_chunk(&mut self) -> Result<Vec<Item>, Fatal> {
        let mut chunk = Vec::new();
        for path in self.paths.by_ref().take(CHUNK_RECORDS) {
            self.line += 1;
            chunk.push(Item { line: self.line, payload: Payload::Path(path) });
        }
        Ok(chunk)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum LineKind {
    Json,
    Path,
}

/// A file (or stdin) read line by line.
struct LineSource {
    reader: Box<dyn BufRead>,
    name: String,
    kind: LineKind,
    line: u64,
}

impl LineSource {
    fn open(path: &str, kind: LineKind) -> Result<LineSource, Fatal> {
        let (reader, name): (Box<dyn BufRead>, String) = if path == "-" {
            (Box::new(BufReader::with_capacity(1 << 20, io::stdin())), "standard input".into())
        } else {
            let file = File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(format!("cannot read {path}: Is a directory").into());
            }
            (Box::new(BufReader::with_capacity(1 << 20, file)), path.to_string())
        };
        Ok(LineSource { reader, name, kind, line: 0 })
    }

    /// One line into `buf` (ending included); false at the end of the input. A line
    /// longer than [`MAX_LINE_BYTES`] is consumed but not kept: `too_long` is set.
    fn read_line(&mut self, buf: &mut Vec<u8>, too_long: &mut bool) -> io::Result<bool> {
        let mut any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(any);
            }
            any = true;
            let (piece, end) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (&available[..=i], true),
                None => (available, false),
            };
            if buf.len() + piece.len() > MAX_LINE_BYTES {
                *too_long = true;
                buf.clear();
            } else if !*too_long {
                buf.extend_from_slice(piece);
            }
            let n = piece.len();
            self.reader.consume(n);
            if end {
                return Ok(true);
            }
        }
    }
}

impl Source for LineSource {
    fn next_chunk(&mut self) -> Result<Vec<Item>, Fatal> {
        let mut chunk = Vec::new();
        let mut bytes = 0;
        while chunk.len() < CHUNK_RECORDS && bytes < CHUNK_BYTES {
            let mut buf = Vec::new();
            let mut too_long = false;
            let more = self.read_line(&mut buf, &mut too_long).map_err(|e| format!("cannot read {}: {e}", self.name))?;
            if !more {
                break;
            }
            self.line += 1;
            let payload = if too_long {
                Payload::TooLong
            } else if self.kind == LineKind::Json {
                bytes += buf.len();
                Payload::Json(buf)
            } else {
                let path = trim_line(&buf, self.line == 1);
                if path.iter().all(u8::is_ascii_whitespace) {
                    continue; // a blank line in a file list
                }
                match String::from_utf8(path.to_vec()) {
                    Ok(path) => Payload::Path(path),
                    Err(_) => return Err(format!("{}: line {}: the path is not UTF-8", self.name, self.line).into()),
                }
            };
            chunk.push(Item { line: self.line, payload });
        }
        Ok(chunk)
    }
}

/// `depeche: 12000 records, 830/s, 3.1 MB/s` on stderr, redrawn after each chunk,
/// only when stderr is a terminal.
struct Progress {
    active: bool,
    drawn: bool,
    unit: &'static str,
    start: Instant,
    bytes: usize,
}

impl Progress {
    fn new(unit: &'static str) -> Progress {
        Progress { active: io::stderr().is_terminal(), drawn: false, unit, start: Instant::now(), bytes: 0 }
    }

    fn update(&mut self, records: u64, bytes: usize) {
        self.bytes += bytes;
        if !self.active {
            return;
        }
        let seconds = self.start.elapsed().as_secs_f64().max(1e-6);
        let mut line = format!("depeche: {records} {}, {:.0}/s", self.unit, records as f64 / seconds);
        if self.bytes > 0 {
            line += &format!(", {:.1} MB/s", self.bytes as f64 / seconds / 1e6);
        }
        eprint!("\r\x1b[K{line}");
        self.drawn = true;
    }

    /// Erase the progress line before another message.
    fn clear(&mut self) {
        if self.drawn {
            eprint!("\r\x1b[K");
            self.drawn = false;
        }
    }

    fn finish(&mut self) {
        if self.drawn {
            eprintln!();
            self.drawn = false;
        }
    }
}
