//! Names written in a spelling no lexicon lists, linked to the entry they
//! transliterate (`Jaysh al-Fatah` → Jaysh al-Fatah, listed as `Jaïsh al-Fateh`):
//! each capitalised sequence, and its runs of words longest first, is looked up by
//! its transliteration skeleton.

use super::name_pattern::find_names;
use super::Mention;
use crate::lexicon::{Hit, Kind, Matcher};
use crate::text::Doc;

/// Longest run of words tried inside one capitalised sequence.
const MAX_WORDS: usize = 6;

/// Shortest single word looked up (short words collide: `Farhat` is no `Afrin`).
const MIN_SINGLE_WORD: usize = 7;

pub fn find(doc: &Doc, matcher: &Matcher, hits: &[Hit]) -> Vec<Mention> {
    let listed = |s: usize, e: usize| {
        let from = hits.partition_point(|h| h.end <= s);
        hits[from..].iter().take_while(|h| h.start < e).any(|h| matches!(matcher.kind(h), Kind::Entity(_)))
    };
    let mut out = Vec::new();
    for (m_start, m_end) in find_names(&doc.norm) {
        // Word boundaries inside the sequence, as byte offsets in `norm`.
        let text = &doc.norm[m_start..m_end];
        let mut starts = vec![0];
        let mut ends = Vec::new();
        for (i, c) in text.char_indices() {
            if c == ' ' {
                ends.push(i);
                starts.push(i + 1);
            }
        }
        ends.push(text.len());
        let n = starts.len();
        let mut i = 0;
        while i < n {
            let mut next = i + 1;
            for j in (i..n.min(i + MAX_WORDS)).rev() {
                let (s, e) = (starts[i], ends[j]);
                if j == i && text[s..e].chars().count() < MIN_SINGLE_WORD {
                    continue;
                }
                let (cs, ce) = (doc.char_of_norm(m_start + s), doc.char_of_norm(m_start + e));
                // What a lexicon already names is not a variant of something else.
                if listed(cs, ce) {
                    continue;
                }
                let Some(entry) = matcher.variant_of(&text[s..e]) else { continue };
                let Kind::Entity(kind) = matcher.entries[entry].kind else { continue };
                let e_ent = &matcher.entries[entry];
                let mut mention = Mention::rule_based(kind, cs, ce, Some(e_ent.canonical.clone()), &format!("variant:{}", e_ent.rule_id()), 2);
                mention.entry = Some(entry);
                out.push(mention);
                next = j + 1;
                break;
            }
            i = next;
        }
    }
    out
}
