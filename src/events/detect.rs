//! From trigger words to typed event candidates, one per sentence and subtype.

use super::{typing, Context, Draft};
use crate::lexicon::Kind;
use crate::model::Modality;
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
            rules: vec![format!("trigger:{}", entry.origin), typed.rule.to_string()],
        });
    }
    // A death toll is its own event only when nothing else happened in the sentence.
    let mut kept: Vec<Draft> = Vec::new();
    for d in out.iter() {
        let is_toll = d.rules.iter().any(|r| r == "typing:death");
        if is_toll && out.iter().any(|o| o.sentence == d.sentence && !o.rules.iter().any(|r| r == "typing:death")) {
            continue;
        }
        // One event per subtype and sentence: the first trigger carries it.
        if kept.iter().any(|k| k.sentence == d.sentence && k.kind == d.kind && k.subtype == d.subtype) {
            continue;
        }
        kept.push(d.clone());
    }
    kept
}
