//! Temporal expressions: DATE mentions with ISO values resolved against the
//! reference date, and the dateline's own date.
//!
//! Interface used by the rest of the pipeline (keep it stable):
//! - [`find_dates`]: every DATE mention in the text, char indices of [`Doc`].
//! - [`parse_dateline`]: the date and time a first-line dateline states.
//! - [`parse_reference_date`]: the caller's `YYYY-MM-DD`.

mod absolute;
mod anchors;
mod calendar;
mod candidate;
mod dateline;
mod lexicon;
mod months;
pub(crate) mod pattern;
mod periods;
mod relative;

use crate::text::Doc;
use candidate::{settle, Sink};
pub use dateline::parse_dateline;
pub use time::Date;

/// A temporal expression found in the text (character indices of `Doc`, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    /// ISO 8601 day, month, year or interval; `None` when vague or unresolvable.
    pub value: Option<String>,
}

/// What a dateline line states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatelineValue {
    /// `YYYY-MM-DDTHH:MM`, `YYYY-MM-DD` or `YYYY-MM`.
    pub datetime: String,
    /// The reference date as the output writes it (`YYYY-MM-DD` or `YYYY-MM`).
    pub reference: String,
    /// The day to resolve relative dates against, when the dateline gives a day.
    pub date: Option<Date>,
}

/// Every DATE mention in the document, in text order, without overlaps.
///
/// A first line that is a dateline is skipped: it has its own output field and the
/// spec says it is no DATE mention. With no reference date, relative expressions
/// are still mentions but their value is `None`.
pub fn find_dates(doc: &Doc, reference: Option<Date>) -> Vec<DateMention> {
    let mut sink = Sink::new(doc);
    absolute::recognise(&mut sink, reference);
    relative::recognise(&mut sink, reference);
    months::recognise(&mut sink, reference);
    periods::recognise(&mut sink, reference);
    let skip = dateline_chars(doc);
    settle(sink.out)
        .into_iter()
        .filter(|c| c.start >= skip)
        .map(|c| DateMention { start: c.start, end: c.end, value: c.value })
        .collect()
}

/// Characters up to the end of a dateline first line (0 when the first non-blank
/// line is not one), so the dateline's own date is not also a DATE mention.
fn dateline_chars(doc: &Doc) -> usize {
    let norm = doc.norm.as_str();
    let mut pos = 0;
    for line in norm.split('\n') {
        if line.trim().is_empty() {
            pos += line.len() + 1;
            continue;
        }
        return match parse_dateline(line) {
            Some(_) => doc.char_of_norm(pos + line.len()),
            None => 0,
        };
    }
    0
}

/// The caller's reference date, `YYYY-MM-DD`; the error says what is wrong.
pub fn parse_reference_date(s: &str) -> Result<Date, String> {
    let bad = || format!("invalid reference date {s:?}: expected YYYY-MM-DD");
    let parts: Vec<&str> = s.trim().split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return Err(bad());
    }
    let y: i32 = parts[0].parse().map_err(|_| bad())?;
    let m: u8 = parts[1].parse().map_err(|_| bad())?;
    let d: u8 = parts[2].parse().map_err(|_| bad())?;
    let month = time::Month::try_from(m).map_err(|_| bad())?;
    Date::from_calendar_date(y, month, d).map_err(|_| format!("invalid reference date {s:?}: no such day"))
}

/// `YYYY-MM-DD`.
pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}
