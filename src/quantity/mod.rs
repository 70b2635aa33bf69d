//! Quantities and tolls: French numbers in digits and words, approximations and
//! ACLED's vague amounts, and the figures of killed, wounded and captured.
//!
//! Interface used by the rest of the pipeline (keep it stable):
//! - [`find_tolls`]: tolls inside a character range (a sentence) of a [`Doc`].

mod number;
mod tokens;
mod tolls;
mod victims;
mod words;

use crate::text::Doc;
pub use words::{is_number_word, parse_number_words, WordNumber};

/// What happened to the people a toll counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TollKind {
    Killed,
    Wounded,
    Captured,
}

/// Who the victims are, when the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Victims {
    Civilians,
    Combatants,
    Unknown,
}

/// A number of killed, wounded or captured people (character indices of `Doc`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toll {
    pub kind: TollKind,
    pub value: u64,
    pub approximate: bool,
    /// The words that give the figure, e.g. `18 civils` or `deux civils`.
    pub start: usize,
    pub end: usize,
    pub victims: Victims,
}

/// Tolls stated between two character indices (usually one sentence), in text
/// order. A figure counting people with no word of death, injury or capture (troop
/// strength: `350 miliciens`) is not a toll; `de nombreux` gives no figure.
pub fn find_tolls(doc: &Doc, start: usize, end: usize) -> Vec<Toll> {
    tolls::find(doc, start, end)
}
