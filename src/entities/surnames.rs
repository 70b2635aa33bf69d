//! A person named in full is later called by the surname alone: `le général Rida
//! Hafez Makhlouf ... Makhlouf est un proche`, `Bachar al-Assad ... Assad`. Each
//! surname of a full name is looked for again, as a whole word, where nothing else
//! was found.

use super::{Mention, Rule};
use crate::model::EntityType;
use crate::text::Doc;

/// Shortest surname taken on its own (`Ali`, `Amro` are too common to chase).
const MIN_SURNAME_CHARS: usize = 5;

/// `kept`: the mentions found so far, in text order, none overlapping another.
pub fn find(doc: &Doc, kept: &[Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for p in kept.iter().filter(|m| m.kind == EntityType::Person) {
        let name = doc.norm_slice(p.start, p.end);
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() < 2 {
            continue;
        }
        let last = words[words.len() - 1];
        let surname = ["al-", "el-", "Al-", "El-"].iter().find_map(|a| last.strip_prefix(a)).unwrap_or(last);
        if surname.chars().count() < MIN_SURNAME_CHARS || !surname.chars().next().is_some_and(|c| c.is_uppercase()) || seen.iter().any(|s| s == surname) {
            continue;
        }
        seen.push(surname.to_string());
        let n = surname.chars().count();
        for (b, _) in doc.norm.match_indices(surname) {
            let s = doc.char_of_norm(b);
            let e = s + n;
            let word_edge = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric());
            if (s > 0 && !word_edge(doc.norm_char(s - 1))) || !word_edge(doc.norm_char(e)) {
                continue;
            }
            // Inside the full name itself, or inside anything else already found
            // (`kept` is sorted and without overlaps: its ends are sorted too).
            let next = kept.partition_point(|m| m.end <= s);
            if kept.get(next).is_some_and(|m| m.start < e) {
                continue;
            }
            let mut m = Mention::rule_based(EntityType::Person, s, e, p.canonical.clone(), Rule::Surname, 0);
            m.entry = p.entry;
            out.push(m);
        }
    }
    out
}
