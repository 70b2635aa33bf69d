//! Entities: lexicon names, state forces named with their country, names found by
//! their context, and DATE mentions, merged into one list without overlaps.

mod forces;
mod name_pattern;
mod names;
mod surnames;
mod variants;

pub use names::NameRules;

use crate::lexicon::{Hit, Kind, Matcher};
use crate::model::EntityType;
use crate::temporal::DateMention;
use crate::text::Doc;

/// An entity mention before output (character indices).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
    pub canonical: Option<String>,
    /// DATE value (outer `Some` for every DATE).
    pub value: Option<Option<String>>,
    /// The lexicon entry behind it, for attributes (actor type, coordinates).
    pub entry: Option<usize>,
    pub rule: String,
    /// Higher wins among mentions of the same length.
    priority: u8,
}

/// Gather and merge every entity mention of the document.
pub fn find(doc: &Doc, matcher: &Matcher, hits: &[Hit], rules: &NameRules, dates: &[DateMention]) -> Vec<Mention> {
    let mut all = Vec::new();
    for h in hits {
        if let Kind::Entity(kind) = matcher.kind(h) {
            let e = &matcher.entries[h.entry];
            // Canonical and rule are written below, for the hits that survive the
            // overlaps (most lose to a longer one): no strings for the others.
            all.push(Mention {
                kind,
                start: h.start,
                end: h.end,
                canonical: None,
                value: None,
                entry: Some(h.entry),
                rule: String::new(),
                // the user's own names win over built-in ones on the same words
                priority: if e.user { 4 } else { 3 },
            });
        }
    }
    all.extend(forces::find(doc, matcher, hits));
    all.extend(variants::find(doc, matcher, hits));
    all.extend(rules.find(doc, matcher, hits));
    for d in dates {
        all.push(Mention {
            kind: EntityType::Date,
            start: d.start,
            end: d.end,
            canonical: None,
            value: Some(d.value.clone()),
            entry: None,
            rule: "rule:date".into(),
            priority: 4,
        });
    }
    let mut kept = resolve_overlaps(all);
    // The lexicon mentions kept get their canonical and rule (left empty above).
    for m in kept.iter_mut().filter(|m| m.rule.is_empty()) {
        if let Some(e) = m.entry.map(|i| &matcher.entries[i]) {
            m.canonical = Some(e.canonical.clone());
            m.rule = ["lexicon:", &e.rule_id()].concat();
        }
    }
    let mut more = surnames::find(doc, &kept);
    if more.is_empty() {
        return kept;
    }
    more.extend(kept);
    resolve_overlaps(more)
}

/// The surest source first (dates, lexicons, then rules), longest first within
/// it; what overlaps a kept mention is dropped. A context rule's guess never
/// swallows names a lexicon knows (`à l'AFP Rami Abdel Rahmane`).
/// Taken characters are marked in one table, so this stays linear in the text.
fn resolve_overlaps(all: Vec<Mention>) -> Vec<Mention> {
    // Order indices, not the (large) mentions; the index last keeps it stable.
    let mut order: Vec<u32> = (0..all.len() as u32).collect();
    order.sort_unstable_by_key(|&i| {
        let m = &all[i as usize];
        (std::cmp::Reverse(m.priority), std::cmp::Reverse(m.end.saturating_sub(m.start)), m.start, i)
    });
    let len = all.iter().map(|m| m.end).max().unwrap_or(0);
    let mut taken = vec![false; len];
    let mut keep = vec![false; all.len()];
    for i in order {
        let m = &all[i as usize];
        if m.end <= m.start || taken[m.start..m.end].iter().any(|t| *t) {
            continue;
        }
        taken[m.start..m.end].iter_mut().for_each(|t| *t = true);
        keep[i as usize] = true;
    }
    let mut kept: Vec<Mention> = all.into_iter().zip(keep).filter_map(|(m, k)| k.then_some(m)).collect();
    kept.sort_by_key(|m| (m.start, m.end));
    kept
}

impl Mention {
    pub(crate) fn rule_based(kind: EntityType, start: usize, end: usize, canonical: Option<String>, rule: &str, priority: u8) -> Mention {
        Mention { kind, start, end, canonical, value: None, entry: None, rule: ["rule:", rule].concat(), priority }
    }
}
