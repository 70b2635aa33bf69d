//! Lexicons: reviewable TSV files under `data/`, compiled in, matched in one pass.
//!
//! Every file has the same three columns, so one loader and one automaton serve them
//! all (see `data/README.md` for the format):
//!
//! ```text
//! canonical <TAB> alias | alias | =ALIAS | stem* <TAB> key=value; key=value
//! ```
//!
//! What a row *is* (an entity type, a generic actor reference, an event trigger) comes
//! from the file it sits in, listed once in [`builtin`].

mod builtin;
mod matcher;
pub mod translit;
pub mod user;

pub use builtin::{BUILTIN, NAME_CUES};
pub use matcher::{Hit, Matcher};

use crate::model::EntityType;
use std::fmt;

/// What a lexicon row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A named entity of this type.
    Entity(EntityType),
    /// A generic or demonym reference to an actor (`l'armée`, `les rebelles`,
    /// `russes`): not an entity, but a valid event actor.
    ActorRef,
    /// A word that reports an event; the canonical column is `type.subtype`.
    Trigger,
    /// A country's adjective (`syrienne`, `russes`): `raids russes`, `armée syrienne`.
    Demonym,
    /// A noun that names a state force when a demonym follows (`armée`, `aviation`).
    ForceNoun,
    /// A word that makes an event planned, negated, alleged or generic; the
    /// canonical column is the modality.
    ModalityCue,
    /// A word that announces a name of a given type (`le village de X`); compiled
    /// into the name rules, not the automaton.
    NameCue,
}

/// One row: a canonical name, how it is written, and what is known about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: Kind,
    pub canonical: String,
    pub aliases: Vec<Alias>,
    /// `key=value` attributes (`inter=rebel`, `country=SY`, `lat=36.2`...).
    pub attrs: Vec<(String, String)>,
    /// Where the row came from, for the `rule` field (`actors.tsv:12`).
    pub origin: String,
    /// From the user's lexicon ([`user`]): wins over a built-in name on the same words.
    pub user: bool,
}

impl Entry {
    /// A name for the rule this row is, stable when lines move: the file, and for
    /// rows that are not names the row's meaning (`triggers.tsv:battle.armed_clash`).
    pub fn rule_id(&self) -> String {
        let file = self.origin.split(':').next().unwrap_or(&self.origin);
        match self.kind {
            Kind::Entity(_) => file.to_string(),
            _ => [file, ":", &self.canonical].concat(),
        }
    }

    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// How one alias must appear in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// As written in the file (without its markers).
    pub text: String,
    /// `=EI`: only with this exact case, so that short acronyms don't fire on words.
    pub exact_case: bool,
    /// `bombard*`: any word ending may follow (verb and noun inflections).
    pub stem: bool,
}

/// A lexicon file that could not be read, with the line that is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub origin: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, line {}: {}", self.origin, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// Parse one TSV lexicon file whose rows are all of `kind`.
pub fn parse(origin: &str, kind: Kind, source: &str) -> Result<Vec<Entry>, LexiconError> {
    let mut entries = Vec::new();
    for (i, raw) in source.lines().enumerate() {
        let line_no = i + 1;
        let err = |message: String| LexiconError { origin: origin.to_string(), line: line_no, message };
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 || cols.len() > 3 {
            return Err(err(format!(
                "expected 2 or 3 tab-separated columns (canonical, aliases, attributes), found {}",
                cols.len()
            )));
        }
        let canonical = cols[0].trim();
        if canonical.is_empty() {
            return Err(err("empty canonical name".into()));
        }
        let mut aliases = Vec::new();
        for a in cols[1].split('|') {
            let a = a.trim();
            if a.is_empty() {
                continue;
            }
            let (exact_case, a) = match a.strip_prefix('=') {
                Some(rest) => (true, rest),
                None => (false, a),
            };
            let (stem, a) = match a.strip_suffix('*') {
                Some(rest) => (true, rest),
                None => (false, a),
            };
            if a.trim().is_empty() || !a.chars().any(|c| c.is_alphanumeric()) {
                return Err(err(format!("alias {a:?} has no letter or digit")));
            }
            aliases.push(Alias { text: a.trim().to_string(), exact_case, stem });
        }
        if aliases.is_empty() {
            return Err(err(format!("{canonical:?} has no alias")));
        }
        let mut attrs = Vec::new();
        if let Some(col) = cols.get(2) {
            for kv in col.split(';') {
                let kv = kv.trim();
                if kv.is_empty() {
                    continue;
                }
                let Some((k, v)) = kv.split_once('=') else {
                    return Err(err(format!("attribute {kv:?} is not key=value")));
                };
                attrs.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        entries.push(Entry {
            kind,
            canonical: canonical.to_string(),
            aliases,
            attrs,
            origin: format!("{origin}:{line_no}"),
            user: false,
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_markers_and_attributes() {
        let e = parse("t.tsv", Kind::Entity(EntityType::ArmedGroup), "# c\nEtat islamique\tDaesh|=EI|daeshist*\tinter=rebel; country=SY\n").unwrap();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].aliases[1], Alias { text: "EI".into(), exact_case: true, stem: false });
        assert!(e[0].aliases[2].stem);
        assert_eq!(e[0].attr("country"), Some("SY"));
        assert_eq!(e[0].origin, "t.tsv:2");
    }

    #[test]
    fn errors_name_the_line() {
        let k = Kind::Entity(EntityType::Location);
        let e = parse("u.tsv", k, "Alep\tAlep\n\nbad line\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().contains("u.tsv, line 3"));
        assert!(parse("u.tsv", k, "\tAlep\n").is_err());
        assert!(parse("u.tsv", k, "Alep\t | \n").is_err());
        assert!(parse("u.tsv", k, "Alep\t.*\n").is_err());
        assert!(parse("u.tsv", k, "Alep\tAlep\tnokv\n").is_err());
    }
}
