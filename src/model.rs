//! The JSON contract of `../shared/spec/EXTRACTION.md` (schema "1") as Rust types.
//!
//! Every offset here is in UTF-16 code units of the caller's text, end exclusive, so
//! that JavaScript's `text.slice(start, end) === span.text`. Field names are the spec's;
//! fields may be added, none renamed. Strings are [`SharedStr`]: a long text repeats
//! its names, and each distinct one is stored once per analysis.

use serde::{Serialize, Serializer};
use std::fmt;

mod shared;

pub(crate) use shared::Interner;
pub use shared::SharedStr;

/// The schema version written in every result.
pub const SCHEMA: &str = "1";

/// A piece of the input: UTF-16 offsets and the exact text they cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: SharedStr,
}

/// Offsets only (an event's sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

/// The article's first-line dateline, with the date and time it states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    pub start: usize,
    pub end: usize,
    pub text: SharedStr,
    /// `YYYY-MM-DDTHH:MM`, or `YYYY-MM-DD` / `YYYY-MM` when the dateline says no more.
    pub datetime: String,
}

/// The seven entity types of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityType {
    Person,
    ArmedGroup,
    Organization,
    Media,
    Location,
    Date,
    Weapon,
}

impl EntityType {
    pub const ALL: [EntityType; 7] = [
        EntityType::Person,
        EntityType::ArmedGroup,
        EntityType::Organization,
        EntityType::Media,
        EntityType::Location,
        EntityType::Date,
        EntityType::Weapon,
    ];

    /// The spec's spelling (`ARMED_GROUP`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::ArmedGroup => "ARMED_GROUP",
            EntityType::Organization => "ORGANIZATION",
            EntityType::Media => "MEDIA",
            EntityType::Location => "LOCATION",
            EntityType::Date => "DATE",
            EntityType::Weapon => "WEAPON",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// An entity's (`T1`) or an event's (`E1`) id: a letter and a number, written as one
/// string.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Id {
    letter: u8,
    number: u32,
}

impl Id {
    /// The `n`th entity (from 1).
    pub fn entity(n: usize) -> Id {
        Id { letter: b'T', number: n as u32 }
    }

    /// The `n`th event (from 1).
    pub fn event(n: usize) -> Id {
        Id { letter: b'E', number: n as u32 }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}{}", self.letter as char, self.number)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "\"{self}\"")
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub id: Id,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
    pub text: SharedStr,
    /// The normalised name, when a lexicon or rule knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<SharedStr>,
    /// DATE only: the ISO 8601 value, `null` when it cannot be resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Option<SharedStr>>,
    /// ARMED_GROUP: ACLED actor type (`state`, `rebel`, `militia`, `external`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor_type: Option<SharedStr>,
    /// LOCATION: ISO country code, first-level division and coordinates when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<SharedStr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<SharedStr>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "coordinate")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "coordinate")]
    pub lon: Option<f64>,
    /// How it was found: `lexicon:<file>` or `rule:<name>`.
    pub rule: SharedStr,
}

/// A coordinate as JavaScript's `JSON.stringify` writes it (`35`, not `35.0`), so
/// the CLI's JSON and the page's are the same bytes.
fn coordinate<S: serde::Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => s.serialize_i64(*v as i64),
        Some(v) => s.serialize_f64(*v),
        None => s.serialize_none(),
    }
}

/// An event argument: the text that names it and its normalised form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Argument {
    pub start: usize,
    pub end: usize,
    pub text: SharedStr,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<SharedStr>,
}

/// The date of an event: its words and ISO value (`null` when unresolved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateArgument {
    pub start: usize,
    pub end: usize,
    pub text: SharedStr,
    pub value: Option<SharedStr>,
}

/// A toll: how many were killed, wounded or captured in one incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub value: u64,
    pub approximate: bool,
    pub start: usize,
    pub end: usize,
    pub text: SharedStr,
}

/// How the text presents an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Actual,
    Planned,
    Negated,
    Alleged,
}

/// One incident, ACLED-style.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: Id,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub subtype: &'static str,
    pub trigger: Span,
    pub sentence: Range,
    pub actor1: Option<Argument>,
    pub actor2: Option<Argument>,
    pub location: Option<Argument>,
    pub date: Option<DateArgument>,
    pub fatalities: Option<Count>,
    pub wounded: Option<Count>,
    pub captured: Option<Count>,
    pub source: Option<Argument>,
    pub modality: Modality,
    /// Other places the same incident is reported (title, summaries).
    pub mentions: Vec<Span>,
    /// The rules that produced this event and its arguments, for the curious user.
    pub rules: Vec<SharedStr>,
}

/// Everything depeche finds in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub schema: &'static str,
    /// `YYYY-MM-DD` (or `YYYY-MM`), or `null` when neither caller nor dateline gives one.
    pub reference_date: Option<String>,
    pub dateline: Option<Dateline>,
    pub title: Option<Span>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
}

impl Analysis {
    /// Compact JSON, as the CLI prints it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("Analysis always serialises")
    }

    /// Indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("Analysis always serialises")
    }

    /// Write the JSON (compact or indented) to `out` as it is produced, without
    /// holding it whole in memory: five times the input for a long text.
    pub fn write_json(&self, out: impl std::io::Write, pretty: bool) -> std::io::Result<()> {
        let result = if pretty { serde_json::to_writer_pretty(out, self) } else { serde_json::to_writer(out, self) };
        result.map_err(std::io::Error::other)
    }
}
