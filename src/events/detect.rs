//! From trigger words to typed event candidates, one per sentence and subtype.

use super::{typing, Context, Draft};
use crate::lexicon::Kind;
use crate::model::{EntityType, Modality};
use crate::structure::BlockKind;

/// Typed triggers, longest first where they overlap; the dateline and the repeated
/// title report nothing new.
pub fn candidates(cx: &Context) -> Vec<Draft> {
    let mut triggers: Vec<_> = cx.hits.iter().filter(|h| cx.matcher.kind(h) == Kind::Trigger).collect();
    triggers.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut out: Vec<Draft> = Vec::new();
    let mut last_end = 0;
    for h in triggers {
        if h.start < last_end {
            continue;
        }
        let Some(sentence) = cx.structure.sentence_at(h.start) else { continue };
        if matches!(cx.block_kind(sentence), BlockKind::TitleRepeat | BlockKind::Dateline) {
            continue;
        }
        // A trigger word inside a name (`Conquête d'Alep`) is part of the name.
        if cx.entities_overlapping(h.start, h.end).any(|m| !matches!(m.kind, EntityType::Weapon | EntityType::Date)) {
            continue;
        }
        let before = cx.fold(cx.around(sentence, (h.start, h.end)).0, h.start);
        // `véhicules de combat`, `opérations d'assaut`: a bare singular noun after `de`
        // qualifies another noun; it reports nothing (`48 heures de combats` does).
        let word = cx.fold(h.start, h.end);
        if ends_with_word(before, &["de", "d'"]) && !is_verb_form(word) && !word.ends_with('s') && !ends_with_word(before, &["lors de", "au cours de", "a l'issue de", "pres de", "en cas de"]) {
            continue;
        }
        // `se préparent à une opération pour libérer Alep`: the goal of an incident
        // already told in the sentence is not another incident.
        if ends_with_word(before, &["pour", "afin de", "de vouloir"]) && out.last().is_some_and(|o| o.sentence == sentence) {
            continue;
        }
        let entry = &cx.matcher.entries[h.entry];
        let Some(typed) = typing::decide(cx, entry, h.start, h.end, sentence) else { continue };
        last_end = typed.end;
        out.push(Draft {
            kind: typed.kind,
            subtype: typed.subtype,
            trigger: (typed.start, typed.end),
            sentence,
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
            rules: ["trigger:".to_string() + &entry.rule_id(), typed.rule.to_string()]
                .into_iter()
                .chain(entry.attr("instrument").map(|_| "trigger:instrument".to_string()))
                .chain(entry.attr("consequence").map(|_| "trigger:consequence".to_string()))
                .collect(),
        });
    }
    // A death toll is its own event only when it gives a figure and nothing else
    // happened in the sentence (merging folds it into an incident told just before).
    let mut keep = vec![false; out.len()];
    for (i, d) in out.iter().enumerate() {
        let is_toll = d.rules.iter().any(|r| r == "typing:death");
        if is_toll {
            let (ss, se) = cx.around(d.sentence, d.trigger);
            let from = out.partition_point(|o| o.sentence < d.sentence);
            let mut same_sentence = out[from..].iter().take_while(|o| o.sentence == d.sentence);
            if same_sentence.any(|o| !o.rules.iter().any(|r| r == "typing:death")) || cx.tolls(ss, se).is_empty() {
                continue;
            }
        }
        // One event per subtype and sentence: the first trigger carries it.
        let from = out.partition_point(|o| o.sentence < d.sentence);
        if (from..i).any(|k| keep[k] && out[k].kind == d.kind && out[k].subtype == d.subtype) {
            continue;
        }
        keep[i] = true;
    }
    out.into_iter().zip(keep).filter_map(|(d, k)| k.then_some(d)).collect()
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
