//! The lexicon files compiled into the binary, and what each one holds.
//! Adding a file: put it in `data/`, add one line here.

use super::Kind;
use crate::model::EntityType;

/// `(file name, what its rows are, contents)`.
pub static BUILTIN: &[(&str, Kind, &str)] = &[
    ("actors.tsv", Kind::Entity(EntityType::ArmedGroup), include_str!("../../data/actors.tsv")),
    ("places.tsv", Kind::Entity(EntityType::Location), include_str!("../../data/places.tsv")),
    ("gazetteer.tsv", Kind::Entity(EntityType::Location), include_str!("../../data/gazetteer.tsv")),
    ("organizations.tsv", Kind::Entity(EntityType::Organization), include_str!("../../data/organizations.tsv")),
    ("media.tsv", Kind::Entity(EntityType::Media), include_str!("../../data/media.tsv")),
    ("people.tsv", Kind::Entity(EntityType::Person), include_str!("../../data/people.tsv")),
    ("weapons.tsv", Kind::Entity(EntityType::Weapon), include_str!("../../data/weapons.tsv")),
    ("actor_refs.tsv", Kind::ActorRef, include_str!("../../data/actor_refs.tsv")),
    ("triggers.tsv", Kind::Trigger, include_str!("../../data/triggers.tsv")),
    ("demonyms.tsv", Kind::Demonym, include_str!("../../data/demonyms.tsv")),
    ("force_nouns.tsv", Kind::ForceNoun, include_str!("../../data/force_nouns.tsv")),
    ("modality.tsv", Kind::ModalityCue, include_str!("../../data/modality.tsv")),
];

/// Words that announce a name of a given type; the canonical column is the type.
pub static NAME_CUES: &[(&str, &str)] = &[
    ("name_cues.tsv", include_str!("../../data/name_cues.tsv")),
    ("first_names.tsv", include_str!("../../data/first_names.tsv")),
];
