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
use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

/// An entity mention before output (character indices).
///
/// A 10 MB text has 160,000 mentions (and twice as many candidates before overlaps
/// are resolved), all alive until the output is written: names are shared (one
/// `Rc<str>` per lexicon entry or DATE value), the rule is a byte and an entry
/// ([`Rule`]), the entry a `u32`.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
    pub canonical: Option<Rc<str>>,
    /// DATE value (outer `Some` for every DATE).
    pub value: Option<Option<Rc<str>>>,
    /// The lexicon entry behind it, for attributes (actor type, coordinates): see
    /// [`Mention::entry`].
    entry: Option<u32>,
    pub rule: Rule,
    /// Higher wins among mentions of the same length.
    priority: u8,
}

/// What found a mention: its `rule` in the output, which writes the text (a heap
/// string per mention was a fifth of their memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// `lexicon:` and the file of the mention's entry (`lexicon:places.tsv`).
    Lexicon,
    /// `rule:variant:` and the file of the mention's entry.
    Variant,
    /// `rule:name:` and the rule id of this name cue entry.
    Name(u32),
    /// `rule:name-list:` and the rule id of this name cue entry.
    NameList(u32),
    /// `rule:date`.
    Date,
    /// `rule:state-force` (`armée syrienne`).
    StateForce,
    /// `rule:government` (`gouvernement syrien`).
    Government,
    /// `rule:surname`.
    Surname,
}

impl Rule {
    /// The text of a rule that names no entry.
    pub fn fixed(self) -> Option<&'static str> {
        match self {
            Rule::Date => Some("rule:date"),
            Rule::StateForce => Some("rule:state-force"),
            Rule::Government => Some("rule:government"),
            Rule::Surname => Some("rule:surname"),
            Rule::Lexicon | Rule::Variant | Rule::Name(_) | Rule::NameList(_) => None,
        }
    }

    /// The rule's text, for a mention of lexicon entry `entry`.
    pub fn text<'a>(self, matcher: &'a Matcher, entry: Option<usize>) -> Cow<'a, str> {
        let with = |prefix: &str, e: usize| Cow::Owned([prefix, &matcher.entries[e].rule_id()].concat());
        match (self, entry) {
            (Rule::Lexicon, Some(e)) => with("lexicon:", e),
            (Rule::Variant, Some(e)) => with("rule:variant:", e),
            (Rule::Name(cue), _) => with("rule:name:", cue as usize),
            (Rule::NameList(cue), _) => with("rule:name-list:", cue as usize),
            (Rule::Lexicon | Rule::Variant, None) => Cow::Borrowed(""),
            (fixed, _) => Cow::Borrowed(fixed.fixed().unwrap_or_default()),
        }
    }
}

/// One shared string per distinct name.
#[derive(Default)]
pub(crate) struct Names<K> {
    made: HashMap<K, Rc<str>>,
}

impl<K: std::hash::Hash + Eq> Names<K> {
    pub fn get(&mut self, key: K, make: impl FnOnce() -> Rc<str>) -> Rc<str> {
        self.made.entry(key).or_insert_with(make).clone()
    }
}

/// Gather and merge every entity mention of the document.
pub fn find(doc: &Doc, matcher: &Matcher, hits: &[Hit], rules: &NameRules, dates: &[DateMention]) -> Vec<Mention> {
    let mut all = Vec::new();
    for h in hits {
        if let Kind::Entity(kind) = matcher.kind(h) {
            let e = &matcher.entries[h.entry()];
            // The canonical is given below, to the hits that survive the overlaps
            // (most lose to a longer one).
            all.push(Mention {
                kind,
                start: h.start(),
                end: h.end(),
                canonical: None,
                value: None,
                entry: Some(h.entry() as u32),
                rule: Rule::Lexicon,
                // the user's own names win over built-in ones on the same words
                priority: if e.user { 4 } else { 3 },
            });
        }
    }
    all.extend(forces::find(doc, matcher, hits));
    all.extend(variants::find(doc, matcher, hits));
    all.extend(rules.find(doc, matcher, hits));
    let mut values: Names<&str> = Names::default();
    for d in dates {
        all.push(Mention {
            kind: EntityType::Date,
            start: d.start,
            end: d.end,
            canonical: None,
            value: Some(d.value.as_deref().map(|v| values.get(v, || v.into()))),
            entry: None,
            rule: Rule::Date,
            priority: 4,
        });
    }
    let mut kept = resolve_overlaps(all);
    // The lexicon mentions kept get their canonical (left out above), one string
    // per entry.
    let mut names: Names<u32> = Names::default();
    for m in kept.iter_mut().filter(|m| m.rule == Rule::Lexicon) {
        if let Some(e) = m.entry {
            m.canonical = Some(names.get(e, || matcher.entries[e as usize].canonical.as_str().into()));
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
    // Kept mentions do not overlap: their starts are distinct, and an unstable sort
    // needs no buffer (a stable one, half the mentions).
    kept.sort_unstable_by_key(|m| (m.start, m.end));
    kept
}

impl Mention {
    pub(crate) fn rule_based(kind: EntityType, start: usize, end: usize, canonical: Option<Rc<str>>, rule: Rule, priority: u8) -> Mention {
        Mention { kind, start, end, canonical, value: None, entry: None, rule, priority }
    }

    /// The lexicon entry behind it, for attributes (actor type, coordinates).
    pub fn entry(&self) -> Option<usize> {
        self.entry.map(|e| e as usize)
    }

    /// The text of its rule.
    pub fn rule_text<'a>(&self, matcher: &'a Matcher) -> Cow<'a, str> {
        self.rule.text(matcher, self.entry())
    }
}
