//! Context rules for ambiguous triggers, keyed by the `ctx=` attribute in
//! `data/triggers.tsv`: `attaque` against positions is a clash, from the air an air
//! strike, with chlorine a chemical attack, against civilians an attack on civilians;
//! `bombarder` by aircraft is an air strike, else shelling; a death toll is a clash
//! among combatants or an attack on civilians.

use super::Context;
use crate::lexicon::{Entry, Kind};
use crate::model::EntityType;

pub struct Typed {
    pub kind: &'static str,
    pub subtype: &'static str,
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
}

/// Words in the sentence that point to aircraft.
const AIR_WORDS: &[&str] = &["aviation", "avion", "avions", "aerien", "aerienne", "aeriens", "aeriennes", "bombardier", "bombardiers", "jets", "chasseurs", "helicoptere", "helicopteres", "raid", "raids", "sukhoi", "drone", "drones", "barils", "baril"];
/// Words that make an attack chemical.
const CHEMICAL_WORDS: &[&str] = &["chimique", "chimiques", "chlore", "sarin", "gaz", "toxique", "toxiques"];
/// Victims that make an attack one on civilians.
const CIVILIAN_WORDS: &[&str] = &["civils", "civil", "population", "habitants", "enfants", "femmes", "manifestants", "fideles", "ecole", "hopital", "marche"];

pub fn decide(cx: &Context, entry: &Entry, start: usize, end: usize, sentence: usize) -> Option<Typed> {
    let (kind, subtype) = split_type(&entry.canonical)?;
    let (ss, se) = cx.sentence_range(sentence);
    let words = |list: &[&str], from: usize, to: usize| -> bool {
        cx.fold(from.max(ss), to.min(se)).split(|c: char| !c.is_alphanumeric()).any(|w| list.contains(&w))
    };
    let after = (end, (end + 60).min(se));
    let typed = |kind, subtype, rule| Some(Typed { kind, subtype, start, end, rule });
    match entry.attr("ctx") {
        Some("attaque") => {
            if words(CHEMICAL_WORDS, after.0, after.0 + 30) {
                typed("remote_violence", "chemical", "typing:attaque-chemical")
            } else if words(&["aerienne", "aeriennes", "aerien"], after.0, after.0 + 12) {
                typed("remote_violence", "air_strike", "typing:attaque-air")
            } else if words(CIVILIAN_WORDS, after.0, after.1) && !words(&["positions", "position", "base", "armee", "forces"], after.0, after.1) {
                typed("violence_against_civilians", "attack", "typing:attaque-civilians")
            } else {
                typed(kind, subtype, "typing:attaque-clash")
            }
        }
        Some("bombard") => {
            if words(AIR_WORDS, ss, se) || cx.hits_in(Kind::Demonym, ss, se).any(|h| cx.matcher.entries[h.entry].attr("airpower") == Some("1")) {
                typed("remote_violence", "air_strike", "typing:bombard-air")
            } else {
                typed(kind, subtype, "typing:bombard-ground")
            }
        }
        Some("air") => {
            // `aviation` or `frappe` alone need an attack sense nearby.
            let w = cx.fold(start, end);
            if (w == "aviation" || w.starts_with("frapp") || w == "survole") && !words(&["bombard", "bombarde", "raid", "raids", "frappe", "frappes", "cible", "vise", "visant", "pilonne"], ss, se) {
                return None;
            }
            typed(kind, subtype, "typing:air")
        }
        Some("death") => {
            if words(CIVILIAN_WORDS, ss, se) {
                typed("violence_against_civilians", "attack", "typing:death")
            } else {
                typed("battle", "armed_clash", "typing:death")
            }
        }
        Some("abattu") => {
            if cx.entities_in(EntityType::Weapon, ss, se).next().is_some() || words(&["drone", "avion", "helicoptere", "appareil"], ss, se) {
                typed(kind, subtype, "typing:abattu-aircraft")
            } else {
                typed("battle", "armed_clash", "typing:death")
            }
        }
        _ => typed(kind, subtype, "typing:lexicon"),
    }
}

/// `battle.armed_clash` → (`battle`, `armed_clash`), as static strings.
fn split_type(s: &str) -> Option<(&'static str, &'static str)> {
    const TYPES: &[(&str, &str)] = &[
        ("battle", "armed_clash"),
        ("battle", "territory_change"),
        ("remote_violence", "air_strike"),
        ("remote_violence", "shelling"),
        ("remote_violence", "explosive"),
        ("remote_violence", "chemical"),
        ("violence_against_civilians", "attack"),
        ("violence_against_civilians", "abduction"),
        ("strategic", "agreement"),
        ("strategic", "arrest"),
        ("strategic", "group_change"),
        ("strategic", "deployment"),
        ("strategic", "withdrawal"),
        ("strategic", "destruction"),
        ("strategic", "interception"),
        ("unrest", "protest"),
        ("unrest", "riot"),
    ];
    let (k, sub) = s.split_once('.')?;
    TYPES.iter().find(|(a, b)| *a == k && *b == sub).copied()
}
