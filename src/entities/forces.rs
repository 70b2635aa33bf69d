//! State forces named with their country: `armée syrienne`, `forces turques`,
//! `aviation russe`, `armée de l'air irakienne`. The force nouns and the demonyms are
//! lexicon data (`force_nouns.tsv`, `demonyms.tsv`); this file only joins them.

use super::{Mention, Names, Rule};
use crate::lexicon::{Hit, Kind, Matcher};
use crate::model::EntityType;
use crate::text::Doc;

/// A force noun directly followed by a demonym, with at most one word between
/// (`armée arabe syrienne`, `forces du régime syrien`).
pub fn find(doc: &Doc, matcher: &Matcher, hits: &[Hit]) -> Vec<Mention> {
    let mut out = Vec::new();
    // The name depends on the two entries only: one string per pair.
    let mut names: Names<(usize, usize)> = Names::default();
    for noun in hits.iter().filter(|h| matcher.kind(h) == Kind::ForceNoun) {
        let from = hits.partition_point(|d| d.start() <= noun.end());
        let Some(dem) = hits[from..].iter().take_while(|d| d.start() <= noun.end() + 14).find(|d| matcher.kind(d) == Kind::Demonym) else {
            continue;
        };
        let gap = doc.fold_slice(noun.end(), dem.start());
        if !gap_ok(gap) {
            continue;
        }
        let country = &matcher.entries[dem.entry()];
        let force = &matcher.entries[noun.entry()];
        // ACLED's naming: `Military Forces of Syria`, with the branch when it says more.
        let canonical = names.get((noun.entry(), dem.entry()), || {
            let forces = country.attr("forces").map(str::to_string).unwrap_or_else(|| format!("Military Forces of {}", country.canonical));
            match force.canonical.as_str() {
                "Army" | "Forces" => forces,
                "Government" => format!("Government of {}", country.canonical),
                branch => format!("{forces} ({branch})"),
            }
            .into()
        });
        let kind = force.attr("type").and_then(EntityType::parse).unwrap_or(EntityType::ArmedGroup);
        let rule = if kind == EntityType::ArmedGroup { Rule::StateForce } else { Rule::Government };
        // Built from lexicon data: as sure as a lexicon name.
        let mut m = Mention::rule_based(kind, noun.start(), dem.end(), Some(canonical), rule, 3);
        m.entry = Some(dem.entry() as u32);
        out.push(m);
    }
    out
}

/// What may stand between the noun and the demonym.
fn gap_ok(gap: &str) -> bool {
    matches!(gap.trim(), "" | "arabe" | "du regime" | "de l'air" | "regulieres" | "gouvernementales" | "loyalistes")
        && gap.starts_with(' ')
        && gap.ends_with(' ')
}
