//! From trigger words to typed event candidates, one per sentence and subtype.

use super::{rule, typing, Context, Draft, Rule};
use crate::lexicon::Kind;
use crate::model::{EntityType, Modality};
use crate::structure::BlockKind;

/// Typed triggers, longest first where they overlap; the dateline and the repeated
/// title report nothing new.
pub fn candidates(cx: &Context) -> Vec<Draft> {
    let mut triggers: Vec<_> = cx.hits.iter().filter(|h| cx.matcher.kind(h) == Kind::Trigger).collect();
    triggers.sort_by_key(|h| (h.start(), std::cmp::Reverse(h.end())));
    // Drafts are made a sentence at a time, once its candidates are known (no list
    // of every candidate), in a buffer for every trigger shrunk to fit at the end:
    // the pages the drafts do not fill are never touched.
    let mut drafts = Vec::with_capacity(triggers.len());
    // The candidates of the sentence being read.
    let mut told: Vec<Candidate> = Vec::new();
    let mut last_end = 0;
    for h in triggers {
        if h.start() < last_end {
            continue;
        }
        let Some(sentence) = cx.structure.sentence_at(h.start()) else { continue };
        if matches!(cx.block_kind(sentence), BlockKind::TitleRepeat | BlockKind::Dateline) {
            continue;
        }
        // A trigger word inside a name (`Conquête d'Alep`) is part of the name.
        if cx.entities_overlapping(h.start(), h.end()).any(|m| !matches!(m.kind, EntityType::Weapon | EntityType::Date)) {
            continue;
        }
        let before = cx.fold(cx.around(sentence, (h.start(), h.end())).0, h.start());
        // `véhicules de combat`, `opérations d'assaut`: a bare singular noun after `de`
        // qualifies another noun; it reports nothing (`48 heures de combats` does).
        let word = cx.fold(h.start(), h.end());
        if ends_with_word(before, &["de", "d'"]) && !is_verb_form(word) && !word.ends_with('s') && !ends_with_word(before, &["lors de", "au cours de", "a l'issue de", "pres de", "en cas de"]) {
            continue;
        }
        // `se préparent à une opération pour libérer Alep`: the goal of an incident
        // already told in the sentence is not another incident.
        if ends_with_word(before, &["pour", "afin de", "de vouloir"]) && told.last().is_some_and(|o| o.sentence == sentence) {
            continue;
        }
        let entry = &cx.matcher.entries[h.entry()];
        let Some(typed) = typing::decide(cx, entry, h.start(), h.end(), sentence) else { continue };
        last_end = typed.end;
        if told.last().is_some_and(|o| o.sentence != sentence) {
            sentence_drafts(cx, &mut told, &mut drafts);
        }
        told.push(Candidate { typed, sentence, entry: h.entry() });
    }
    sentence_drafts(cx, &mut told, &mut drafts);
    drafts.shrink_to_fit();
    drafts
}

/// The drafts of one sentence's candidates (taken out of `told`): one event per
/// subtype and sentence, the first trigger carrying it. A death toll is its own
/// event only when it gives a figure and nothing else happened in the sentence
/// (merging folds it into an incident told just before).
fn sentence_drafts(cx: &Context, told: &mut Vec<Candidate>, drafts: &mut Vec<Draft>) {
    let is_toll = |c: &Candidate| c.typed.rule == rule!("typing:death");
    let only_tolls = told.iter().all(is_toll);
    let first = drafts.len();
    for c in told.drain(..) {
        if is_toll(&c) {
            let (ss, se) = cx.around(c.sentence, (c.typed.start, c.typed.end));
            if !only_tolls || cx.tolls(ss, se).is_empty() {
                continue;
            }
        }
        if drafts[first..].iter().any(|d| d.kind == c.typed.kind && d.subtype == c.typed.subtype) {
            continue;
        }
        let entry = &cx.matcher.entries[c.entry];
        // 24 rules take what the allocator's smallest block (32 bytes) holds anyway:
        // a draft's rules never move.
        let mut rules = Vec::with_capacity(24);
        rules.extend([Rule::TRIGGER, c.typed.rule]);
        if entry.attr("instrument").is_some() {
            rules.push(rule!("trigger:instrument"));
        }
        if entry.attr("consequence").is_some() {
            rules.push(rule!("trigger:consequence"));
        }
        drafts.push(Draft {
            kind: c.typed.kind,
            subtype: c.typed.subtype,
            trigger: (c.typed.start, c.typed.end),
            sentence: c.sentence,
            actor1: None,
            actor2: None,
            location: None,
            date: None,
            fatalities: None,
            wounded: None,
            captured: None,
            source: None,
            modality: Modality::Actual,
            mentions: Vec::new(),
            rules,
            trigger_rule: cx.trigger_rule(c.entry),
        });
    }
}

/// A typed trigger, before it is known to be an event of its own.
struct Candidate {
    typed: typing::Typed,
    sentence: usize,
    entry: usize,
}

/// Does `text` end with one of these words (after trimming)?
pub(crate) fn ends_with_word(text: &str, words: &[&str]) -> bool {
    let t = text.trim_end();
    words.iter().any(|w| t.ends_with(w) && t[..t.len() - w.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// An infinitive or a pronominal verb (`perdre`, `s'emparer`), as opposed to a noun.
fn is_verb_form(word: &str) -> bool {
    word.starts_with("s'") || word.starts_with("se ") || ["er", "ir", "re"].iter().any(|e| word.ends_with(e)) && !word.ends_with("ere")
}
