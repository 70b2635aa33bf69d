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
//! from the file it sits in, listed once in [`builtin`]. What can be derived from the
//! files without an article (folded keys, transliteration skeletons) is derived at
//! build time (`build.rs`); the user's lexicon ([`user`]) is derived at run time.

mod builtin;
mod matcher;
pub mod translit;
mod trie;
mod tsv;
pub mod user;

pub use builtin::BUILTIN;
pub use matcher::{Hit, Matcher};
pub use tsv::LexiconError;

use crate::model::EntityType;
use std::borrow::Cow;

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
/// Built-in rows borrow their text from the compiled-in files.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: Kind,
    pub canonical: String,
    pub aliases: Vec<Alias>,
    /// `key=value` attributes (`inter=rebel`, `country=SY`, `lat=36.2`...), `;`-separated
    /// without spaces (the compiled form of the files: read when asked, by [`Entry::attr`]).
    pub attrs: Cow<'static, str>,
    /// The file the row came from, for the `rule` field (`actors.tsv`).
    pub origin: Cow<'static, str>,
    /// From the user's lexicon ([`user`]): wins over a built-in name on the same words.
    pub user: bool,
}

impl Entry {
    /// A name for the rule this row is, stable when lines move: the file, and for
    /// rows that are not names the row's meaning (`triggers.tsv:battle.armed_clash`).
    pub fn rule_id(&self) -> Cow<'_, str> {
        let file = self.origin.split(':').next().unwrap_or(&self.origin);
        match self.kind {
            Kind::Entity(_) => Cow::Borrowed(file),
            _ => Cow::Owned([file, ":", &self.canonical].concat()),
        }
    }

    /// The value of attribute `key` (the first, if given twice). Rules ask often (for
    /// every place they see): one pass over the bytes, no splitting.
    pub fn attr(&self, key: &str) -> Option<&str> {
        let (attrs, k) = (self.attrs.as_bytes(), key.as_bytes());
        let mut at = 0;
        while at <= attrs.len() {
            let end = attrs[at..].iter().position(|&b| b == b';').map_or(attrs.len(), |i| at + i);
            let kv = &attrs[at..end];
            if kv.len() > k.len() && kv[k.len()] == b'=' && kv.starts_with(k) && !k.contains(&b'=') {
                return Some(&self.attrs[at + k.len() + 1..end]);
            }
            at = end + 1;
        }
        None
    }

}

/// How one alias must appear in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// As written in the file (without its markers).
    pub text: Cow<'static, str>,
    /// `=EI`: only with this exact case, so that short acronyms don't fire on words.
    pub exact_case: bool,
    /// `bombard*`: any word ending may follow (verb and noun inflections).
    pub stem: bool,
}

/// Attributes as [`Entry::attrs`] holds them.
fn joined<'a>(attrs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (k, v) in attrs {
        if !out.is_empty() {
            out.push(';');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    }
    out
}

/// Parse one TSV lexicon file whose rows are all of `kind` (the built-in files come
/// compiled, see [`builtin`]; this reads any other, for tests and tools).
pub fn parse(origin: &str, kind: Kind, source: &str) -> Result<Vec<Entry>, LexiconError> {
    let owned = |s: &str| Cow::Owned(s.to_string());
    let rows = tsv::rows(origin, source)?;
    Ok(rows
        .into_iter()
        .map(|row| Entry {
            kind,
            canonical: row.canonical.to_string(),
            aliases: row.aliases.iter().map(|a| Alias { text: owned(a.text), exact_case: a.exact_case, stem: a.stem }).collect(),
            attrs: Cow::Owned(joined(row.attrs.iter().copied())),
            origin: owned(origin),
            user: false,
        })
        .collect())
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
        assert_eq!((e[0].attr("inter"), e[0].attr("int"), e[0].attr("rebel"), e[0].attr("")), (Some("rebel"), None, None, None));
        assert_eq!(e[0].rule_id(), "t.tsv");
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
