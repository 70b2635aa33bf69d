//! Whether an event happened: cues from `data/modality.tsv` standing before the
//! trigger in its sentence, within their window of words.

use super::{rule, Context, Draft, Rule};
use crate::lexicon::Kind;
use crate::model::Modality;

/// Default number of words between a cue and the trigger.
const DEFAULT_WINDOW: usize = 8;

pub fn assess(cx: &Context, d: &mut Draft) {
    let (ss, se) = cx.around(d.sentence, d.trigger);
    let (ts, te) = d.trigger;
    // Cumulative tolls and habits can also be said after the trigger (`avoir tué 343
    // combattants depuis le début de son intervention`).
    for h in cx.hits_in(Kind::ModalityCue, te, se) {
        let e = &cx.matcher.entries[h.entry()];
        if e.canonical == "generic" && e.attr("after") == Some("1") {
            d.rules.push(rule!("modality:generic"));
            return;
        }
    }
    // The nearest cue wins: "n'a pas réussi à ... prendre" is negated, not planned.
    let mut best: Option<(usize, &str)> = None;
    for h in cx.hits_in(Kind::ModalityCue, ss, ts) {
        let e = &cx.matcher.entries[h.entry()];
        let window = e.attr("window").and_then(|w| w.parse().ok()).unwrap_or(DEFAULT_WINDOW);
        let words_between = cx.fold(h.end(), ts).split_whitespace().count();
        if words_between > window {
            continue;
        }
        if e.canonical == "generic" {
            d.rules.push(rule!("modality:generic"));
            return;
        }
        if e.canonical == "reaction" {
            // `a dénoncé un massacre`: a reaction names an incident; merging folds it
            // into the one the article tells, if any.
            if !d.has_rule(rule!("modality:reaction")) {
                d.rules.push(rule!("modality:reaction"));
            }
            continue;
        }
        if e.canonical == "background" {
            // `après deux jours d'une offensive`: the incident is the backdrop of
            // another; merging decides whether it was already told.
            if !d.has_rule(rule!("modality:background")) {
                d.rules.push(rule!("modality:background"));
            }
            continue;
        }
        if best.is_none_or(|(start, _)| h.start() > start) {
            best = Some((h.start(), e.canonical.as_str()));
        }
    }
    if let Some((_, m)) = best {
        let (modality, rule) = cue(m);
        d.modality = modality;
        d.rules.push(rule);
    }
}

/// The modality a cue of `data/modality.tsv` gives, and its rule. The cues are
/// built-in (a user's lexicon adds names only); `every_cue_is_known` checks the
/// file names no other.
fn cue(canonical: &str) -> (Modality, Rule) {
    match canonical {
        "planned" => (Modality::Planned, rule!("modality:planned")),
        "negated" => (Modality::Negated, rule!("modality:negated")),
        "alleged" => (Modality::Alleged, rule!("modality:alleged")),
        other => unreachable!("modality cue `{other}` (data/modality.tsv) has no rule in events/rule.rs"),
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::{Kind, Matcher};

    #[test]
    fn every_cue_is_known() {
        let m = Matcher::with_builtin(Vec::new());
        for e in m.entries.iter().filter(|e| e.kind == Kind::ModalityCue) {
            if !matches!(e.canonical.as_str(), "generic" | "reaction" | "background") {
                super::cue(&e.canonical);
            }
        }
    }
}
