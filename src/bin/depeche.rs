//! The terminal front end: reads an article, prints the JSON of the spec.

use clap::{Parser, Subcommand};
use std::io::{Read, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "depeche", version, about = "Who did what to whom, where and when, in French conflict reporting")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse one article and print its entities and events as JSON (schema "1").
    Analyze {
        /// The article, a UTF-8 text file; `-` reads standard input.
        file: String,
        /// Publication date (YYYY-MM-DD) to resolve relative dates; overrides the dateline.
        #[arg(long, value_name = "YYYY-MM-DD")]
        reference_date: Option<String>,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
    },
}

fn read_input(file: &str) -> Result<String, String> {
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

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Analyze { file, reference_date, pretty } => {
            let text = read_input(&file)?;
            let analysis = depeche::analyze_with(&text, reference_date.as_deref()).map_err(|e| e.to_string())?;
            let json = if pretty { analysis.to_json_pretty() } else { analysis.to_json() };
            let mut out = std::io::stdout().lock();
            writeln!(out, "{json}").map_err(|e| format!("cannot write output: {e}"))?;
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("depeche: {message}");
            ExitCode::FAILURE
        }
    }
}
