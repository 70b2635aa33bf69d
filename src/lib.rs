//! # depeche
//!
//! Who did what to whom, where, when and with what toll, from French news articles
//! about armed conflict: entities, dates, tolls and ACLED-style events, with offsets
//! in UTF-16 code units so that JavaScript can slice its own string. The same
//! [`analyze`] runs natively (the `depeche` CLI) and in the browser (`src/wasm.rs`).
//!
//! ```
//! let a = depeche::analyze("Lundi, l'armée syrienne a repris le village de Tal al-Milh.");
//! assert!(a.entities.iter().any(|e| e.text == "armée syrienne"));
//! ```
//!
//! The pipeline, one module a stage: [`text`] (normalisation and offsets) →
//! [`structure`] (dateline, title, headings, sentences) → [`lexicon`] (every
//! `data/*.tsv`, compiled by `build.rs`, found in one pass) → [`entities`] (names, state forces,
//! context rules) with [`temporal`] (dates) → [`quantity`] (numbers, tolls) →
//! [`events`] (triggers, typing, arguments, modality, merging) → `output` (JSON).

pub mod entities;
mod error;
pub mod events;
mod extractor;
pub mod lexicon;
pub mod model;
mod output;
pub mod quantity;
pub mod structure;
pub mod temporal;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::Error;
pub use extractor::{Extractor, ExtractorBuilder, Options};
pub use model::{Analysis, Argument, Count, DateArgument, Dateline, Entity, EntityType, Event, Id, Modality, Range, SharedStr, Span, SCHEMA};

use std::sync::OnceLock;

/// The built-in extractor, compiled on first use.
pub fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

/// Analyse one article with the built-in lexicons, the reference date taken from
/// its dateline.
pub fn analyze(text: &str) -> Analysis {
    extractor().analyze(text, &Options::default())
}

/// Analyse one article with options (`reference_date` as `YYYY-MM-DD`).
pub fn analyze_with(text: &str, reference_date: Option<&str>) -> Result<Analysis, Error> {
    extractor().analyze_with(text, reference_date)
}
