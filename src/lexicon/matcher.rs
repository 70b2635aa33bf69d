//! One Aho-Corasick automaton over every alias of every lexicon, run once over the
//! folded text; hits are then checked for word boundaries and exact case.

use super::{Entry, Kind};
use crate::text::{fold_str, Doc};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// A lexicon alias found in the text (character indices, end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub start: usize,
    pub end: usize,
}

/// The compiled lexicons.
pub struct Matcher {
    pub entries: Vec<Entry>,
    automaton: AhoCorasick,
    /// Per automaton pattern: the `(entry, alias)` pairs that share its folded key.
    owners: Vec<Vec<(usize, usize)>>,
    /// Transliteration skeletons of entity names (see `translit`), for spellings no
    /// list has; a skeleton two canonical names share is left out.
    variants: HashMap<String, Option<usize>>,
}

impl Matcher {
    pub fn new(entries: Vec<Entry>) -> Matcher {
        let mut keys: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (e, entry) in entries.iter().enumerate() {
            for (a, alias) in entry.aliases.iter().enumerate() {
                let key = fold_str(&alias.text);
                let slot = *index.entry(key.clone()).or_insert_with(|| {
                    keys.push(key);
                    owners.push(Vec::new());
                    keys.len() - 1
                });
                owners[slot].push((e, a));
            }
        }
        let mut variants: HashMap<String, Option<usize>> = HashMap::new();
        for (e, entry) in entries.iter().enumerate() {
            if !matches!(entry.kind, Kind::Entity(_)) {
                continue;
            }
            for alias in entry.aliases.iter().filter(|a| !a.exact_case && !a.stem && a.text.chars().count() >= 5) {
                if let Some(k) = super::translit::key(&alias.text) {
                    let slot = variants.entry(k).or_insert(Some(e));
                    if slot.is_some_and(|other| entries[other].canonical != entry.canonical) {
                        *slot = None;
                    }
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .expect("lexicon automaton builds");
        Matcher { entries, automaton, owners, variants }
    }

    /// Every alias occurrence that stands as a whole word (overlaps included).
    pub fn find(&self, doc: &Doc) -> Vec<Hit> {
        let mut hits = Vec::new();
        for m in self.automaton.find_overlapping_iter(doc.fold.as_str()) {
            let start = doc.char_of_fold(m.start());
            let end = doc.char_of_fold(m.end());
            if start > 0 && is_word(doc.norm_char(start - 1)) && is_word(doc.norm_char(start)) {
                continue;
            }
            for &(e, a) in &self.owners[m.pattern().as_usize()] {
                let alias = &self.entries[e].aliases[a];
                let mut end = end;
                if alias.stem {
                    while is_letter(doc.norm_char(end)) {
                        end += 1;
                    }
                } else if is_word(doc.norm_char(end)) && is_word(doc.norm_char(end - 1)) {
                    continue;
                }
                if alias.exact_case && !same_case(doc.norm_slice(start, start + alias.text.chars().count()), &alias.text) {
                    continue;
                }
                hits.push(Hit { entry: e, start, end });
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.entry));
        hits.dedup();
        hits
    }

    /// The entry whose name this one transliterates differently, if any.
    pub fn variant_of(&self, name: &str) -> Option<usize> {
        super::translit::key(name).and_then(|k| self.variant_by_key(&k))
    }

    /// The same, from a key made by [`super::translit`].
    pub fn variant_by_key(&self, key: &str) -> Option<usize> {
        self.variants.get(key).copied().flatten()
    }

    pub fn kind(&self, hit: &Hit) -> Kind {
        self.entries[hit.entry].kind
    }
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

fn is_letter(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphabetic())
}

/// Exact case, but accents and apostrophes as `Doc::norm` writes them.
fn same_case(text: &str, alias: &str) -> bool {
    let a: Vec<char> = alias.chars().map(|c| crate::text::normalize_char(c, None, None)).collect();
    text.chars().eq(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse;
    use crate::model::EntityType;

    fn matcher(tsv: &str) -> Matcher {
        Matcher::new(parse("t.tsv", Kind::Entity(EntityType::ArmedGroup), tsv).unwrap())
    }

    fn found(m: &Matcher, text: &str) -> Vec<String> {
        let d = Doc::new(text);
        m.find(&d).iter().map(|h| d.orig_slice(h.start, h.end).to_string()).collect()
    }

    #[test]
    fn case_and_accents_are_ignored() {
        let m = matcher("Etat islamique\tEtat islamique|Daesh\n");
        assert_eq!(found(&m, "l'État Islamique et DAESH"), vec!["État Islamique", "DAESH"]);
    }

    #[test]
    fn whole_words_only() {
        let m = matcher("Etat islamique\tDaesh|=EI\n");
        assert!(found(&m, "daeshiste, reine, ei").is_empty());
        assert_eq!(found(&m, "(EI)"), vec!["EI"]);
    }

    #[test]
    fn stems_take_the_word_ending() {
        let m = matcher("x\tbombard*\n");
        assert_eq!(found(&m, "ont bombardé les"), vec!["bombardé"]);
    }
}
