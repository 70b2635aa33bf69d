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
mod typing;

pub use context::Context;

use crate::model::Modality;

/// An argument before output (character indices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    pub start: usize,
    pub end: usize,
    pub canonical: Option<String>,
}

/// A figure of the toll (character indices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub value: u64,
    pub approximate: bool,
    pub start: usize,
    pub end: usize,
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
    pub date: Option<(usize, usize, Option<String>)>,
    pub fatalities: Option<Figure>,
    pub wounded: Option<Figure>,
    pub captured: Option<Figure>,
    pub source: Option<Arg>,
    pub modality: Modality,
    pub mentions: Vec<(usize, usize)>,
    pub rules: Vec<String>,
}

/// Every event of the document, in text order.
pub fn find(cx: &Context) -> Vec<Draft> {
    let mut drafts = detect::candidates(cx);
    for d in &mut drafts {
        modality::assess(cx, d);
    }
    drafts.retain(|d| !d.rules.iter().any(|r| r == "modality:generic"));
    for d in &mut drafts {
        arguments::fill(cx, d);
    }
    let mut drafts = merge::merge(cx, drafts);
    drafts.sort_by_key(|d| d.trigger);
    drafts
}
