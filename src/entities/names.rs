//! Names nobody listed, recognised by the word that announces them: `le village de X`
//! → place, `la milice X` → armed group, `selon X` → media, `le général X` → person.
//! The cue words are data (`data/name_cues.tsv`, `data/first_names.tsv`), found by
//! the lexicon automaton with every other word; this file reads the capitalised name
//! that follows each cue (its shape: `name_pattern`).

use super::{Mention, Rule};
use crate::lexicon::{Hit, Kind, Matcher};
use crate::model::EntityType;
use crate::text::Doc;
use super::name_pattern::{after_link, Link};

/// Capitalised words that close a list without being a name (`et Cie`).
const STOP_NAMES: &[&str] = &["Cie", "Co", "Al", "Cia"];

/// The context rules: what follows a cue (the name's shape is in `name_pattern`).
pub struct NameRules;

impl NameRules {
    pub fn builtin() -> NameRules {
        NameRules
    }

    /// Names after the cue words among the lexicon hits.
    pub fn find(&self, doc: &Doc, matcher: &Matcher, hits: &[Hit]) -> Vec<Mention> {
        let mut out = Vec::new();
        for h in hits.iter().filter(|h| matcher.kind(h) == Kind::NameCue) {
            let cue = &matcher.entries[h.entry()];
            let Some(kind) = EntityType::parse(&cue.canonical) else { continue };
            // A cue written capitalised (a first name, `Abou`) must be so in the text.
            let capital = cue.aliases.iter().all(|a| a.text.chars().next().is_some_and(|c| c.is_uppercase()));
            if capital && !doc.norm_char(h.start()).is_some_and(|c| c.is_uppercase()) {
                continue;
            }
            let keep_cue = cue.attr("keep") == Some("cue");
            // A name right after the cue (`Abou Omar`, `à Dioura`), or after an
            // optional article (`le village de Tal al-Milh`).
            let link = if keep_cue || cue.attr("article") == Some("no") { Link::Bare } else { Link::Linked };
            let after = doc.norm_byte(h.end());
            let Some((name_start, name_end)) = after_link(&doc.norm, after, link) else { continue };
            let start = if keep_cue { doc.norm_byte(h.start()) } else { name_start };
            let end = trim_name_end(&doc.norm, start, name_end);
            if end <= start {
                continue;
            }
            let cue = h.entry() as u32;
            out.push(Mention::rule_based(kind, doc.char_of_norm(start), doc.char_of_norm(end), None, Rule::Name(cue), 1));
            if !keep_cue {
                self.list_after(doc, end, kind, cue, &mut out);
            }
        }
        // A cue inside a name another cue announced (`la milice Brigades X`: `Brigades`
        // is a cue too) gives only a piece of that name.
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut reach = 0;
        out.retain(|m| {
            let inside = m.end <= reach;
            reach = reach.max(m.end);
            !inside
        });
        out
    }

    /// A comma list counts only when it closes with `et`/`ou` (`A, B et C`);
    /// `Lattaquié, Makhlouf est...` is no list.
    fn list_after(&self, doc: &Doc, end: usize, kind: EntityType, cue: u32, out: &mut Vec<Mention>) {
        let mut at = end;
        let mut items = Vec::new();
        let mut closed = false;
        // `les villages Mrayiyya, Mou-Hassan, Ayyache et Hatlat`: the names listed
        // after the first one are of its kind.
        while let Some((start, end)) = after_link(&doc.norm, at, Link::More) {
            let (ns, ne) = (start, trim_name_end(&doc.norm, start, end));
            if ne <= ns || STOP_NAMES.contains(&&doc.norm[ns..ne]) {
                break;
            }
            closed |= !doc.norm[at..ns].trim().starts_with(',') || doc.norm[at..ns].contains(" et ") || doc.norm[at..ns].contains(" ou ");
            items.push((ns, ne));
            at = ne;
        }
        if closed {
            for (ns, ne) in items {
                out.push(Mention::rule_based(kind, doc.char_of_norm(ns), doc.char_of_norm(ne), None, Rule::NameList(cue), 1));
            }
        }
    }
}

/// Drop a trailing particle or apostrophe the greedy pattern may have taken.
fn trim_name_end(text: &str, start: usize, mut end: usize) -> usize {
    loop {
        let s = &text[start..end];
        let t = s.trim_end_matches(['\'', '-', ' ']);
        if t.len() != s.len() {
            end = start + t.len();
            continue;
        }
        return end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(EntityType, String)> {
        let d = Doc::new(text);
        let x = crate::extractor();
        let hits = x.matcher().find(&d);
        let mut v: Vec<_> = NameRules::builtin().find(&d, x.matcher(), &hits).into_iter().map(|m| (m.kind, d.orig_slice(m.start, m.end).to_string())).collect();
        v.sort();
        v
    }

    #[test]
    fn places_groups_people() {
        assert_eq!(names("près du village de Tal al-Milh, au sud"), vec![(EntityType::Location, "Tal al-Milh".into())]);
        assert_eq!(names("la milice Brigades Souwwar al-Cham a perdu"), vec![(EntityType::ArmedGroup, "Brigades Souwwar al-Cham".into())]);
        // `Hafez` also opens a name (first names): the piece inside the longer name goes.
        assert_eq!(names("le général Rida Hafez Makhlouf est mort"), vec![(EntityType::Person, "Rida Hafez Makhlouf".into())]);
        assert_eq!(names("son chef Abou Omar al-Homsi"), vec![(EntityType::Person, "Abou Omar al-Homsi".into())]);
        assert!(names("le village est calme").is_empty());
    }
}
