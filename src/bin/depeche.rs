//! The terminal front end: reads an article, prints the JSON of the spec; with
//! `--jsonl`, many articles, one JSON line each, on all cores (`depeche/batch.rs`).

#[path = "depeche/batch.rs"]
mod batch;

use clap::{Parser, Subcommand};
use depeche::{Extractor, Options};
use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::OnceLock;

/// The extractor with the user's `--lexicon` files, when there are any.
static WITH_USER_LEXICON: OnceLock<Extractor> = OnceLock::new();

/// The extractor every analysis of this run uses.
pub(crate) fn extractor() -> &'static Extractor {
    WITH_USER_LEXICON.get().unwrap_or_else(depeche::extractor)
}

/// Build the extractor with the user lexicons: a bad row is an error naming its
/// file and line (every bad row, one a line).
fn load_lexicons(files: &[String]) -> Result<(), String> {
    if files.is_empty() {
        return Ok(());
    }
    let mut builder = Extractor::builder();
    for file in files {
        let tsv = read_input(file).map_err(|e| format!("user lexicon: {e}"))?;
        builder = builder.user_lexicon(file, &tsv).map_err(|e| e.to_string())?;
    }
    let _ = WITH_USER_LEXICON.set(builder.build());
    Ok(())
}

#[derive(Parser)]
#[command(name = "depeche", version, about = "Who did what to whom, where and when, in French conflict reporting")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse one article and print its entities and events as JSON (schema "1").
    ///
    /// With --jsonl, analyse many: each input line `{"id": ..., "text": "...",
    /// "reference_date": "YYYY-MM-DD"}` (id and reference_date optional) gives one
    /// output line `{"id": ..., "result": {...}}`, in input order, or for a bad line
    /// `{"id": ..., "line": N, "error": "..."}` (also on stderr; the run goes on and
    /// exits 1). Blank lines are skipped.
    #[command(after_help = "Examples:\n  depeche analyze article.txt --pretty\n  depeche analyze --jsonl articles.jsonl > results.jsonl\n  \
        cat articles.jsonl | depeche analyze --jsonl\n  depeche analyze --jsonl --files archive/*.txt\n  \
        find archive -name '*.txt' | depeche analyze --jsonl --file-list -")]
    Analyze {
        /// The article, a UTF-8 text file; `-` reads standard input. With --jsonl, the
        /// JSON-lines file (default: standard input).
        #[arg(required_unless_present_any = ["jsonl"])]
        file: Option<String>,
        /// Publication date (YYYY-MM-DD) to resolve relative dates; overrides the dateline.
        /// With --jsonl, for the records that give no reference_date of their own.
        #[arg(long, value_name = "YYYY-MM-DD")]
        reference_date: Option<String>,
        /// Indent the JSON.
        #[arg(long, conflicts_with = "jsonl")]
        pretty: bool,
        /// Batch mode: JSON lines in (or text files, see --files), one JSON line out per article.
        #[arg(long)]
        jsonl: bool,
        /// With --jsonl: analyse these UTF-8 text files instead; each id is the path.
        #[arg(long, num_args = 1.., value_name = "FILE", requires = "jsonl", conflicts_with_all = ["file", "file_list"])]
        files: Vec<String>,
        /// With --jsonl: analyse the text files named in this file, one path a line (`-`: standard input).
        #[arg(long, value_name = "LIST", requires = "jsonl", conflicts_with = "file")]
        file_list: Option<String>,
        /// With --jsonl: exit 0 even when some records failed (their error records are
        /// the report); for runners that fail a task on a non-zero exit, like Spark's pipe.
        #[arg(long, requires = "jsonl")]
        allow_errors: bool,
        /// Your own lexicon (TSV: name, type, canonical, aliases, attributes; see the
        /// README, "Your own lexicon"); repeatable. Its names win over built-in ones.
        #[arg(long, value_name = "FILE")]
        lexicon: Vec<String>,
        /// With --jsonl: worker threads (default: RAYON_NUM_THREADS, else one per core).
        #[arg(long, short = 'j', value_name = "N", requires = "jsonl", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
}

pub(crate) fn read_input(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    }
    String::from_utf8(bytes).map_err(|e| {
        let name = if file == "-" { "standard input" } else { file };
        format!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())
    })
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let Command::Analyze { lexicon, .. } = &cli.command;
    load_lexicons(lexicon)?;
    match cli.command {
        Command::Analyze { jsonl: true, file, reference_date, files, file_list, allow_errors, jobs, .. } => {
            let input = match (file_list, files.is_empty()) {
                (Some(list), _) => batch::Input::FileList(list),
                (None, false) => batch::Input::Files(files),
                (None, true) => batch::Input::Jsonl(file.unwrap_or_else(|| "-".into())),
            };
            let config = batch::Config { input, reference_date, jobs: jobs.map(usize::from) };
            match batch::run(config) {
                Ok(summary) if summary.failed == 0 => Ok(ExitCode::SUCCESS),
                Ok(summary) => {
                    eprintln!("depeche: {} of {} records failed", summary.failed, summary.records);
                    Ok(if allow_errors { ExitCode::SUCCESS } else { ExitCode::FAILURE })
                }
                Err(batch::Fatal::Message(message)) => Err(message),
                Err(batch::Fatal::BrokenPipe) => Ok(ExitCode::FAILURE),
            }
        }
        Command::Analyze { file, reference_date, pretty, .. } => {
            let file = file.unwrap_or_else(|| "-".into());
            let text = read_input(&file)?;
            let options = Options::with_reference_date(reference_date.as_deref()).map_err(|e| e.to_string())?;
            // Entities and events are written as they are built, never held as a whole
            // `Analysis` (a 10 MB article's would be 55 MB).
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            extractor()
                .write_json(&text, &options, &mut out, pretty)
                .and_then(|()| writeln!(out))
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write output: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(message) => {
            // one `depeche:` line per problem (a bad lexicon lists each bad row)
            for line in message.lines() {
                eprintln!("depeche: {line}");
            }
            ExitCode::FAILURE
        }
    }
}
