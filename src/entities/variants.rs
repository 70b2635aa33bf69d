//! Names written in a spelling no lexicon lists, linked to the entry they
//! transliterate (`Jaysh al-Fatah` → Jaysh al-Fatah, listed as `Jaïsh al-Fateh`):
//! each capitalised sequence, and its runs of words longest first, is looked up by
//! its transliteration skeleton.

use super::name_pattern::find_names;
use super::{Mention, Names, Rule};
use crate::lexicon::{translit, Hit, Kind, Matcher};
use crate::text::Doc;

/// Longest run of words tried inside one capitalised sequence.
const MAX_WORDS: usize = 6;

/// Shortest single word looked up (short words collide: `Farhat` is no `Afrin`).
const MIN_SINGLE_WORD: usize = 7;

pub fn find(doc: &Doc, matcher: &Matcher, hits: &[Hit]) -> Vec<Mention> {
    let listed = |s: usize, e: usize| {
        let from = hits.partition_point(|h| h.end() <= s);
        hits[from..].iter().take_while(|h| h.start() < e).any(|h| matches!(matcher.kind(h), Kind::Entity(_)))
    };
    let mut out = Vec::new();
    let mut names: Names<usize> = Names::default();
    for (m_start, m_end) in find_names(&doc.norm) {
        // The sequence's words, in character indices; each is read into its
        // skeleton words at most once, and a run's key joins them (the key
        // `translit::key` gives the run's text: the folded text is the normalised
        // one folded).
        let (cs, ce) = (doc.char_of_norm(m_start), doc.char_of_norm(m_end));
        let folded = doc.fold_slice(cs, ce);
        if ce - cs < MIN_SINGLE_WORD && !folded.contains(' ') {
            continue;
        }
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut at = cs;
        for w in folded.split(' ') {
            spans.push((at, at + w.len()));
            at += w.len() + 1;
        }
        let n = spans.len();
        let mut read: Vec<Option<Vec<translit::Word>>> = vec![None; n];
        let mut i = 0;
        while i < n {
            let mut next = i + 1;
            for j in (i..n.min(i + MAX_WORDS)).rev() {
                let (s, e) = (spans[i].0, spans[j].1);
                if j == i && e - s < MIN_SINGLE_WORD {
                    continue;
                }
                // What a lexicon already names is not a variant of something else.
                if listed(s, e) {
                    continue;
                }
                for k in i..=j {
                    if read[k].is_none() {
                        let (ws, we) = spans[k];
                        read[k] = Some(translit::words(doc.fold_slice(ws, we)).map(translit::Word::new).collect());
                    }
                }
                let run: Vec<&translit::Word> = read[i..=j].iter().flatten().flatten().collect();
                let Some(entry) = translit::join(&run).and_then(|k| matcher.variant_by_key(&k)) else { continue };
                let Kind::Entity(kind) = matcher.entries[entry].kind else { continue };
                let e_ent = &matcher.entries[entry];
                let canonical = names.get(entry, || e_ent.canonical.as_str().into());
                let mut mention = Mention::rule_based(kind, s, e, Some(canonical), Rule::Variant, 2);
                mention.entry = Some(entry as u32);
                out.push(mention);
                next = j + 1;
                break;
            }
            i = next;
        }
    }
    out
}
