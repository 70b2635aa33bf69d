//! Events: each incident the article reports, ACLED-style, with its arguments.
//!
//! Stages, one file each: [`detect`] turns trigger words into typed candidates (with
//! the context rules of [`typing`]); [`arguments`] fills actors, place, date, toll and
//! source; [`modality`] says whether it happened; [`merge`] folds restatements (the
//! title, a second sentence on the same incident) into one event.

mod arguments;
mod context;
mod detect;
mod merge;
mod modality;
mod rule;
mod typing;

pub use context::Context;
pub use rule::Rule;
pub(crate) use rule::rule;

use crate::model::Modality;
use std::rc::Rc;

// Drafts are many (60,000 in a 10 MB text) and all alive until the output is
// written: their spans are `u32` character indices (a text of 4 billion characters
// is far beyond any article), their names shared (`Rc<str>`) with the actor or
// mention they come from, their rules a byte each ([`Rule`]).

/// An argument before output (character indices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    pub start: u32,
    pub end: u32,
    /// Shared with the actor candidate or mention it was read from.
    pub canonical: Option<Rc<str>>,
}

/// A figure of the toll (character indices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub value: u64,
    pub approximate: bool,
    pub start: u32,
    pub end: u32,
}

/// The date of an event (character indices) and its value, shared with the mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateArg {
    pub start: u32,
    pub end: u32,
    pub value: Option<Rc<str>>,
}

/// An event before output.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub kind: &'static str,
    pub subtype: &'static str,
    pub trigger: (usize, usize),
    pub sentence: usize,
    pub actor1: Option<Arg>,
    pub actor2: Option<Arg>,
    pub location: Option<Arg>,
    pub date: Option<DateArg>,
    pub fatalities: Option<Figure>,
    pub wounded: Option<Figure>,
    pub captured: Option<Figure>,
    pub source: Option<Arg>,
    pub modality: Modality,
    pub mentions: Vec<(u32, u32)>,
    pub rules: Vec<Rule>,
    /// The text of [`Rule::TRIGGER`]: `trigger:` and the lexicon entry's rule id,
    /// one string per entry shared by its drafts.
    pub trigger_rule: Rc<str>,
}

impl Draft {
    /// The text of one of its rules.
    pub fn rule_text(&self, r: Rule) -> &str {
        if r == Rule::TRIGGER { &self.trigger_rule } else { r.name() }
    }

    pub fn has_rule(&self, r: Rule) -> bool {
        self.rules.contains(&r)
    }
}

/// Every event of the document, in text order.
pub fn find(cx: &Context) -> Vec<Draft> {
    let mut drafts = detect::candidates(cx);
    for d in &mut drafts {
        modality::assess(cx, d);
    }
    drafts.retain(|d| !d.has_rule(rule!("modality:generic")));
    for d in &mut drafts {
        arguments::fill(cx, d);
    }
    let mut drafts = merge::merge(cx, drafts);
    // Triggers are distinct (see `merge::merge`).
    drafts.sort_unstable_by_key(|d| d.trigger);
    drafts
}
