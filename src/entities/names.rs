//! Names nobody listed, recognised by the word that announces them: `le village de X`
//! → place, `la milice X` → armed group, `selon X` → media, `le général X` → person.
//! The cue words are data (`data/name_cues.tsv`); this file turns them into one
//! regular expression per entity type and reads the capitalised name that follows.

use super::Mention;
use crate::lexicon::{parse, Kind, NAME_CUES};
use crate::model::EntityType;
use crate::text::Doc;
use regex::Regex;

/// A capitalised name, with Arabic articles and particles inside (`Wadi al-Deif`,
/// `Jisr al-Choghour`, `Bir-Kassab`, `al-Jafrat`, `Deir ez-Zor`).
const NAME: &str = concat!(
    r"(?:(?:al|el|ad|ar|as|ash|az|an|at|ed|es|ez|ech)-)?UP[\w']*(?:-[\w']+)*",
    r"(?:[ -](?:(?:al|el|ad|ar|as|ash|az|an|at|ed|es|ez|ech|ben|bin|ibn|bou|abou|abu|ould|ag|de|du|des|la|le)[ -])?",
    r"(?:(?:al|el|ad|ar|as|ash|az|an|at|ed|es|ez|ech)-)?UP[\w']*(?:-[\w']+)*)*"
);

/// A capitalised name on its own, for the transliteration lookup.
pub(crate) fn bare_name_regex() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| Regex::new(&NAME.replace("UP", UPPER)).expect("name regex compiles"))
}

/// Capitalised words that close a list without being a name (`et Cie`).
const STOP_NAMES: &[&str] = &["Cie", "Co", "Al", "Cia"];

/// Upper-case Latin letters (the regex crate is built without Unicode categories).
const UPPER: &str = "[A-ZÀ-ÖØ-ÞŒŠŽŸĀĂĄĆČĎĐĒĖĘĚĞĪİŁŃŇŌŐŘŚŞŢŤŪŮŰŹŻ]";

struct Rule {
    kind: EntityType,
    regex: Regex,
    /// The cue is part of the name (`Abou` in `Abou Omar al-Homsi`).
    keep_cue: bool,
    name: String,
}

/// The compiled context rules.
pub struct NameRules {
    rules: Vec<Rule>,
    /// The next name of a list (`, X`, ` et X`), anchored where a name ends.
    more: Regex,
}

impl NameRules {
    pub fn builtin() -> NameRules {
        let entries = NAME_CUES.iter().flat_map(|(file, src)| parse(file, Kind::NameCue, src).expect("name cue files parse"));
        let mut rules = Vec::new();
        for e in entries {
            let kind = EntityType::parse(&e.canonical).expect("name_cues.tsv: first column is an entity type");
            let keep_cue = e.attr("keep") == Some("cue");
            // Lower case as written, or capitalised at a sentence start (the regex
            // crate is built without Unicode case folding, to stay small).
            let cues: Vec<String> = e
                .aliases
                .iter()
                .flat_map(|a| [a.text.clone(), capitalize(&a.text)])
                .map(|c| regex::escape(&c).replace(' ', r" +"))
                .collect();
            let link = if keep_cue || e.attr("article") == Some("no") { r" +" } else { r" +(?:(?:de|du|des|la|le|les) +|d'|l')?" };
            // `(?:^|\W)` rather than `\b`: a Unicode word boundary would keep the regex
            // engine off its fast path on accented text.
            let pattern = format!(r"(?:^|\W)((?:{}){}({}))", cues.join("|"), link, NAME.replace("UP", UPPER));
            let regex = Regex::new(&pattern).expect("name cue regex compiles");
            rules.push(Rule { kind, regex, keep_cue, name: e.rule_id() });
        }
        // `les villages Mrayiyya, Mou-Hassan, Ayyache et Hatlat`: the names listed after
        // the first one are of its kind.
        let more = Regex::new(&format!(r"^(?:, *(?:et +|ou +)?| +et +| +ou +| +ainsi que +(?:de +|d')?)({})", NAME.replace("UP", UPPER))).expect("list regex compiles");
        NameRules { rules, more }
    }

    pub fn find(&self, doc: &Doc) -> Vec<Mention> {
        let mut out = Vec::new();
        for r in &self.rules {
            for c in r.regex.captures_iter(&doc.norm) {
                let name = c.get(2).expect("group 2");
                let start = if r.keep_cue { c.get(1).expect("group 1").start() } else { name.start() };
                let end = trim_name_end(&doc.norm, start, name.end());
                if end <= start {
                    continue;
                }
                let (s, e) = (doc.char_of_norm(start), doc.char_of_norm(end));
                out.push(Mention::rule_based(r.kind, s, e, None, &format!("name:{}", r.name), 1));
                if r.keep_cue {
                    continue;
                }
                // A comma list counts only when it closes with `et`/`ou` (`A, B et C`);
                // `Lattaquié, Makhlouf est...` is no list.
                let mut at = end;
                let mut items = Vec::new();
                let mut closed = false;
                while let Some(c) = self.more.captures(&doc.norm[at..]) {
                    let m = c.get(1).expect("group 1");
                    let (ns, ne) = (at + m.start(), trim_name_end(&doc.norm, at + m.start(), at + m.end()));
                    if ne <= ns || STOP_NAMES.contains(&&doc.norm[ns..ne]) {
                        break;
                    }
                    closed |= !doc.norm[at..ns].trim().starts_with(',') || doc.norm[at..ns].contains(" et ") || doc.norm[at..ns].contains(" ou ");
                    items.push((ns, ne));
                    at = ne;
                }
                if closed {
                    for (ns, ne) in items {
                        out.push(Mention::rule_based(r.kind, doc.char_of_norm(ns), doc.char_of_norm(ne), None, &format!("name-list:{}", r.name), 1));
                    }
                }
            }
        }
        out.sort_by_key(|m| (m.start, m.end));
        out.dedup_by_key(|m| (m.start, m.end, m.kind));
        out
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
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
        let mut v: Vec<_> = NameRules::builtin().find(&d).into_iter().map(|m| (m.kind, d.orig_slice(m.start, m.end).to_string())).collect();
        v.sort();
        v
    }

    #[test]
    fn places_groups_people() {
        assert_eq!(names("près du village de Tal al-Milh, au sud"), vec![(EntityType::Location, "Tal al-Milh".into())]);
        assert_eq!(names("la milice Brigades Souwwar al-Cham a perdu"), vec![(EntityType::ArmedGroup, "Brigades Souwwar al-Cham".into())]);
        // `Hafez` also opens a name (first names); overlap resolution keeps the longest.
        assert_eq!(names("le général Rida Hafez Makhlouf est mort"), vec![(EntityType::Person, "Hafez Makhlouf".into()), (EntityType::Person, "Rida Hafez Makhlouf".into())]);
        assert_eq!(names("son chef Abou Omar al-Homsi"), vec![(EntityType::Person, "Abou Omar al-Homsi".into()), (EntityType::Person, "Omar al-Homsi".into())]);
        assert!(names("le village est calme").is_empty());
    }
}
