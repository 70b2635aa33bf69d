//! Context rules for ambiguous triggers, keyed by the `ctx=` attribute in
//! `data/triggers.tsv`: `attaque` against positions is a clash, from the air an air
//! strike, with chlorine a chemical attack, against civilians an attack on civilians;
//! `bombarder` by aircraft is an air strike, else shelling; a death toll is a clash
//! among combatants or an attack on civilians.

use super::{rule, Context, Rule};
use crate::lexicon::{Entry, Kind};
use crate::model::EntityType;

pub struct Typed {
    pub kind: &'static str,
    pub subtype: &'static str,
    pub start: usize,
    pub end: usize,
    pub rule: Rule,
}

/// Words in the sentence that point to aircraft.
const AIR_WORDS: &[&str] = &["aviation", "avion", "avions", "aerien", "aerienne", "aeriens", "aeriennes", "bombardier", "bombardiers", "jets", "chasseurs", "helicoptere", "helicopteres", "raid", "raids", "sukhoi", "drone", "drones", "barils", "baril"];
/// Words that make an attack chemical.
const CHEMICAL_WORDS: &[&str] = &["chimique", "chimiques", "chlore", "sarin", "gaz", "toxique", "toxiques"];
/// What follows `attaque` when it is no assault at all: a fit, a hack, or words
/// aimed at a policy or a government (not at its forces).
const NOT_AN_ASSAULT: &[&str] = &[
    "de panique", "cardiaque", "informatique", "d'apoplexie", "verbale", "personnelle",
    "contre le gouvernement", "contre la politique", "contre les propos", "contre les declarations",
];
/// Victims that make an attack one on civilians.
const CIVILIAN_WORDS: &[&str] = &["civils", "civil", "population", "habitants", "enfants", "femmes", "manifestants", "fideles", "ecole", "hopital", "marche"];

pub fn decide(cx: &Context, entry: &Entry, start: usize, end: usize, sentence: usize) -> Option<Typed> {
    let (kind, subtype) = split_type(&entry.canonical)?;
    let (ss, se) = cx.around(sentence, (start, end));
    let words = |list: &[&str], from: usize, to: usize| -> bool {
        cx.fold(from.max(ss), to.min(se)).split(|c: char| !c.is_alphanumeric()).any(|w| list.contains(&w))
    };
    let after = (end, (end + 60).min(se));
    let typed = |kind, subtype, rule| Some(Typed { kind, subtype, start, end, rule });
    match entry.attr("ctx") {
        Some("attaque") => {
            let next = cx.fold(end, se);
            if NOT_AN_ASSAULT.iter().any(|w| next.trim_start().starts_with(w)) {
                return None;
            }
            if words(CHEMICAL_WORDS, after.0, after.0 + 30) {
                typed("remote_violence", "chemical", rule!("typing:attaque-chemical"))
            } else if words(&["aerienne", "aeriennes", "aerien"], after.0, after.0 + 12) || airpower_demonym_follows(cx, end) {
                typed("remote_violence", "air_strike", rule!("typing:attaque-air"))
            } else if words(CIVILIAN_WORDS, after.0, after.1) && !words(&["positions", "position", "base", "armee", "forces"], after.0, after.1) {
                typed("violence_against_civilians", "attack", rule!("typing:attaque-civilians"))
            } else {
                typed(kind, subtype, rule!("typing:attaque-clash"))
            }
        }
        Some("bombard") => {
            // Aircraft named in the sentence, or earlier in the paragraph for a noun
            // (`le bombardement` after `des frappes aériennes`).
            let from = if ends_with_any(cx.fold(ss, start), &["le ", "les ", "ce ", "ces ", "du ", "des "]) { cx.paragraph_around(sentence, (start, end)).0 } else { ss };
            if words(AIR_WORDS, from, se) || cx.hits_in(Kind::Demonym, ss, se).any(|h| cx.matcher.entries[h.entry()].attr("airpower") == Some("1")) {
                typed("remote_violence", "air_strike", rule!("typing:bombard-air"))
            } else {
                typed(kind, subtype, rule!("typing:bombard-ground"))
            }
        }
        Some("air") => {
            // `aviation` or `frappe` alone need an attack sense nearby.
            // `frapper à la porte`: a strike needs an armed actor, a target place or
            // aircraft in the sentence.
            let w = cx.fold(start, end);
            let armed = cx.actors_in(ss, se).any(|a| !a.civilian);
            let place = cx.entities_in(EntityType::Location, ss, se).next().is_some();
            let air = words(&["aviation", "avion", "avions", "aerien", "aerienne", "aeriens", "aeriennes", "drone", "drones", "missile", "missiles", "bombardiers", "jets", "helicopteres"], ss, se);
            if (w == "aviation" || w.starts_with("frapp") || w == "survole") && !(air || armed && place) {
                return None;
            }
            typed(kind, subtype, rule!("typing:air"))
        }
        Some("named-operation") => {
            // `l'opération Rameau d'olivier`: a named military operation.
            let next = cx.doc.norm_slice(end, se.min(end + 3)).trim_start().chars().next();
            if next.is_some_and(|c| c.is_uppercase()) {
                typed(kind, subtype, rule!("typing:named-operation"))
            } else {
                None
            }
        }
        Some("bomb") => {
            // A bomb dropped from the air belongs to the air strike.
            if words(AIR_WORDS, ss, se) || words(&["largue", "largues", "lachees", "lache"], ss, se) {
                None
            } else {
                typed(kind, subtype, rule!("typing:bomb"))
            }
        }
        Some("death") => {
            if words(CIVILIAN_WORDS, ss, se) {
                typed("violence_against_civilians", "attack", rule!("typing:death"))
            } else {
                typed("battle", "armed_clash", rule!("typing:death"))
            }
        }
        Some("abattu") => {
            // `un drone a été abattu` is an interception; `des obus se sont abattus` is
            // the shells' own event; `abattus` of people is a death toll.
            let aircraft = words(&["drone", "drones", "avion", "avions", "helicoptere", "appareil", "missile", "missiles"], ss, se);
            let reflexive = ends_with_any(cx.fold(ss, start), &["se sont ", "s'est ", "se sont  "]);
            if aircraft && !reflexive {
                typed(kind, subtype, rule!("typing:abattu-aircraft"))
            } else if !reflexive {
                typed("battle", "armed_clash", rule!("typing:death"))
            } else {
                None
            }
        }
        Some("place-object") => {
            // `prendre`, `perdre`, `tomber`, `entrer` change territory only when a place
            // is what is taken or lost: `perdu 35 miliciens` is a toll, `pris part` nothing.
            let window_end = next_words_end(cx.fold(end, se), 8) + end;
            // Passive (`la ville a été reprise`, `Alep était tombée`): the place is the subject.
            let passive = ends_with_any(cx.fold(ss, start), &["a ete ", "ont ete ", "est ", "sont ", "etait ", "etaient ", "avait ete ", "avaient ete "]);
            let (from, to) = if passive { (ss, start) } else { (end, window_end) };
            let place = cx.entities_in(EntityType::Location, from, to).next().is_some() || words(PLACE_NOUNS, from, to);
            let people = words(NOT_A_PLACE_TAKEN, end, next_words_end(cx.fold(end, se), 3) + end);
            if place && !people {
                typed(kind, subtype, rule!("typing:place-object"))
            } else {
                None
            }
        }
        Some("formed") => {
            // `X, formée en 2012` or `s'est formée`: a group's creation; `une embuscade
            // formée d'un piège` is not.
            let before = cx.fold(ss, start);
            if before.trim_end().ends_with(',') || ends_with_any(before, &["s'est ", "se sont ", "a ete ", "ont ete ", "nouvellement "]) {
                typed(kind, subtype, rule!("typing:formed"))
            } else {
                None
            }
        }
        Some("execute") => {
            // `raids exécutés par` are raids carried out, not executions.
            if cx.fold(end, se).trim_start().starts_with("par ") && !words(CIVILIAN_WORDS, ss, start) {
                None
            } else {
                typed(kind, subtype, rule!("typing:execution"))
            }
        }
        _ => typed(kind, subtype, rule!("typing:lexicon")),
    }
}

/// What `prendre`, `perdre`, `tomber`, `entrer` take when no territory changes hands:
/// people (`perdu 35 miliciens`: a toll), idioms (`pris part`, `entré en vigueur`,
/// `tombé dans une embuscade`).
const NOT_A_PLACE_TAKEN: &[&str] = &["part", "hommes", "miliciens", "membres", "soldats", "combattants", "chef", "chefs", "commandant", "vie", "pied", "fin", "acte", "soin", "note", "vigueur", "fonction", "service", "contact", "embuscade", "piege", "guet", "otage", "otages", "conscience", "connaissance", "position"];

/// Nouns of places that can be taken or lost.
const PLACE_NOUNS: &[&str] = &["campement", "reduit", "poche", "enclave", "ville", "villes", "village", "villages", "localite", "localites", "base", "bases", "quartier", "quartiers", "region", "regions", "position", "positions", "aeroport", "colline", "collines", "controle", "zone", "zones", "secteur", "citadelle", "bastion", "fief", "camp", "poste", "territoire", "territoires", "mains", "points", "batiment", "batiments", "blocs", "fermes", "route", "axe", "pont", "province", "gouvernorat"];

/// `l'attaque israélienne`: a country whose attacks in this reporting come from the air.
fn airpower_demonym_follows(cx: &Context, end: usize) -> bool {
    cx.hits_in(Kind::Demonym, end, end + 16)
        .next()
        .is_some_and(|h| cx.fold(end, h.start()).trim().is_empty() && cx.matcher.entries[h.entry()].attr("airpower") == Some("1"))
}

fn ends_with_any(text: &str, suffixes: &[&str]) -> bool {
    suffixes.iter().any(|s| text.ends_with(s))
}

/// Byte length of the first `n` words of `text`.
fn next_words_end(text: &str, n: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || c == '\'' || c == '-' {
            in_word = true;
        } else if in_word {
            in_word = false;
            count += 1;
            if count == n {
                return i;
            }
        }
    }
    text.len()
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
