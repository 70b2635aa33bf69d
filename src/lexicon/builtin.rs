//! The lexicon files compiled into the binary, and what each one holds.
//! Adding a file: put it in `data/`, add one line here.
//!
//! `build.rs` checks the files and compiles them into a compact form (one row a line,
//! each alias with its lookup key when that is not its plain lower case), so that
//! loading them is splitting `&'static str`s: no checking, no folding, and the
//! entries borrow their text.

use super::matcher::AliasKeys;
use super::{Alias, Entry, Kind};
use crate::model::EntityType;
use std::borrow::Cow;

/// `(file name in data/, what its rows are)`, in the order their rows are numbered.
pub static BUILTIN: &[(&str, Kind)] = &[
    ("actors.tsv", Kind::Entity(EntityType::ArmedGroup)),
    ("places.tsv", Kind::Entity(EntityType::Location)),
    ("gazetteer.tsv", Kind::Entity(EntityType::Location)),
    ("organizations.tsv", Kind::Entity(EntityType::Organization)),
    ("media.tsv", Kind::Entity(EntityType::Media)),
    ("people.tsv", Kind::Entity(EntityType::Person)),
    ("weapons.tsv", Kind::Entity(EntityType::Weapon)),
    ("actor_refs.tsv", Kind::ActorRef),
    ("triggers.tsv", Kind::Trigger),
    ("demonyms.tsv", Kind::Demonym),
    ("force_nouns.tsv", Kind::ForceNoun),
    ("modality.tsv", Kind::ModalityCue),
    ("name_cues.tsv", Kind::NameCue),
    ("first_names.tsv", Kind::NameCue),
];

// `FILES: &[(&str, &str)]`: each data/*.tsv file's name and compiled rows.
include!(concat!(env!("OUT_DIR"), "/lexicon_files.rs"));

/// The built-in entries, and every alias's lookup key.
pub fn load() -> (Vec<Entry>, AliasKeys) {
    let mut entries = Vec::with_capacity(2048);
    let mut keys = AliasKeys::with_capacity(4096, 48 * 1024);
    for &(name, kind) in BUILTIN {
        let (_, rows) = FILES.iter().find(|(file, _)| *file == name).expect("build.rs compiles every data/*.tsv");
        for row in rows.split('\n').filter(|r| !r.is_empty()) {
            let (canonical, rest) = row.split_once('\t').expect("compiled rows have three fields");
            let (aliases, attrs) = rest.split_once('\t').expect("compiled rows have three fields");
            let e = entries.len();
            let aliases: Vec<Alias> = aliases
                .split('|')
                .enumerate()
                .map(|(a, alias)| {
                    let (alias, key) = match alias.split_once('>') {
                        Some((alias, key)) => (alias, Some(key)),
                        None => (alias, None),
                    };
                    let (exact_case, text) = alias.strip_prefix('=').map_or((false, alias), |t| (true, t));
                    let (stem, text) = text.strip_suffix('*').map_or((false, text), |t| (true, t));
                    match key {
                        Some(key) => keys.push(e, a, key),
                        None => keys.push_lowercase(e, a, text),
                    }
                    Alias { text: Cow::Borrowed(text), exact_case, stem }
                })
                .collect();
            entries.push(Entry { kind, canonical: canonical.to_string(), aliases, attrs: Cow::Borrowed(attrs), origin: Cow::Borrowed(name), user: false });
        }
    }
    (entries, keys)
}
