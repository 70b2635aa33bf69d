//! Everything the event rules read about one article, gathered once.

use crate::entities::{Mention, Rule};
use crate::lexicon::{Hit, Kind, Matcher};
use crate::model::EntityType;
use crate::quantity::{find_tolls, Toll};
use crate::structure::{BlockKind, Structure};
use crate::text::Doc;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Which camp an actor fights in, as far as its ACLED type tells: state forces and
/// their militias and foreign backers on one side, rebels and jihadists on the
/// other. Enough to name the other side of a clash when the sentence does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Camp {
    State,
    Rebel,
    Civilian,
    Unknown,
}

impl Camp {
    fn of_inter(inter: Option<&str>) -> Camp {
        match inter {
            Some("state" | "militia" | "external") => Camp::State,
            Some("rebel") => Camp::Rebel,
            _ => Camp::Unknown,
        }
    }

    pub fn opposes(self, other: Camp) -> bool {
        matches!((self, other), (Camp::State, Camp::Rebel) | (Camp::Rebel, Camp::State))
    }
}

/// A possible actor: a named armed group, a generic reference (`l'armée`) or a
/// demonym (`raids russes`), with the canonical actor it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorCandidate {
    pub start: usize,
    pub end: usize,
    /// Shared by the candidates of one name and the arguments read from them.
    pub canonical: Option<Rc<str>>,
    /// Civilians are valid targets (actor2) but never attackers.
    pub civilian: bool,
    pub camp: Camp,
}

/// Tolls by the character range they were read in.
type TollCache = HashMap<(usize, usize), Rc<[Toll]>>;

/// How far rules look around a trigger inside its sentence (characters).
const SENTENCE_REACH: usize = 400;
/// How far rules look around a trigger inside its paragraph (characters).
const PARAGRAPH_REACH: usize = 2000;

pub struct Context<'a> {
    pub doc: &'a Doc<'a>,
    pub structure: &'a Structure,
    pub matcher: &'a Matcher,
    pub hits: &'a [Hit],
    pub entities: &'a [Mention],
    /// Actor candidates, in text order.
    pub actors: Vec<ActorCandidate>,
    /// The country most places of the article belong to (canonical name), used to
    /// resolve `l'armée`, `le régime`.
    pub home_country: Option<String>,
    /// Tolls read so far, by character range: several events of one sentence ask
    /// for the same range, and reading tolls tokenizes it.
    tolls: RefCell<TollCache>,
    /// `trigger:` and the rule id of each trigger entry met, the text of the drafts'
    /// [`Rule::TRIGGER`](super::Rule::TRIGGER), made once per entry.
    trigger_rules: RefCell<HashMap<usize, Rc<str>>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Doc<'a>, structure: &'a Structure, matcher: &'a Matcher, hits: &'a [Hit], entities: &'a [Mention]) -> Context<'a> {
        let home_country = home_country(matcher, entities);
        let mut actors = Vec::new();
        // A government acts through its forces: `appareils du gouvernement syrien`.
        for m in entities.iter().filter(|m| m.kind == EntityType::Organization && m.canonical.as_deref().is_some_and(|c| c.starts_with("Government of"))) {
            actors.push(ActorCandidate { start: m.start, end: m.end, canonical: m.canonical.clone(), civilian: false, camp: Camp::State });
        }
        for m in entities.iter().filter(|m| m.kind == EntityType::ArmedGroup) {
            let inter = m.entry().and_then(|e| matcher.entries[e].attr("inter"));
            // State forces named with their country (`armée syrienne`) carry the
            // demonym's entry, which has no `inter`.
            let camp = if m.rule == Rule::StateForce { Camp::State } else { Camp::of_inter(inter) };
            actors.push(ActorCandidate { start: m.start, end: m.end, canonical: m.canonical.clone(), civilian: false, camp });
        }
        let inside_entity = |h: &Hit| overlapping(entities, h.start(), h.end()).next().is_some();
        // The canonical name of a reference or demonym depends on its entry only:
        // one string per entry, shared by its candidates.
        let mut names: HashMap<usize, Option<Rc<str>>> = HashMap::new();
        for h in hits {
            if inside_entity(h) {
                continue;
            }
            let e = &matcher.entries[h.entry()];
            // A demonym is an actor as a noun (`les Israéliens`) or right after what
            // it qualifies (`raids russes`, `bombardiers russes`), not as any adjective
            // (`de nationalité jordanienne`).
            if matcher.kind(h) == Kind::Demonym && !demonym_is_actor(doc, matcher, hits, entities, h) {
                continue;
            }
            if !matches!(matcher.kind(h), Kind::ActorRef | Kind::Demonym) {
                continue;
            }
            let canonical = names
                .entry(h.entry())
                .or_insert_with(|| match matcher.kind(h) {
                    Kind::ActorRef => match (e.attr("resolve"), &home_country) {
                        (Some("home-forces"), Some(c)) => Some(format!("Military Forces of {c}").into()),
                        (Some("home-forces"), None) => None,
                        _ => Some(e.canonical.as_str().into()),
                    },
                    _ => Some(e.attr("forces").map(Rc::from).unwrap_or_else(|| format!("Military Forces of {}", e.canonical).into())),
                })
                .clone();
            let civilian = e.attr("civilian") == Some("1");
            let camp = match (matcher.kind(h), e.attr("resolve")) {
                _ if civilian => Camp::Civilian,
                (Kind::Demonym, _) | (_, Some("home-forces")) => Camp::State,
                _ => Camp::of_inter(e.attr("inter")),
            };
            actors.push(ActorCandidate { start: h.start(), end: h.end(), canonical, civilian, camp });
        }
        actors.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end)));
        // Nested candidates (a demonym inside a longer reference): keep the outer one
        // (in place; what is left is kept until the events are found).
        actors.dedup_by(|a, kept| a.start < kept.end);
        actors.shrink_to_fit();
        Context { doc, structure, matcher, hits, entities, actors, home_country, tolls: RefCell::default(), trigger_rules: RefCell::default() }
    }

    /// Character range of sentence `s`.
    pub fn sentence_range(&self, s: usize) -> (usize, usize) {
        let x = self.structure.sentences[s];
        (x.start, x.end)
    }

    /// The part of sentence `s` that rules read around a trigger: the sentence, but
    /// no more than `SENTENCE_REACH` characters on either side, so that a run-on
    /// "sentence" of pasted junk costs linear time, not quadratic.
    pub fn around(&self, s: usize, (start, end): (usize, usize)) -> (usize, usize) {
        let (ss, se) = self.sentence_range(s);
        (ss.max(start.saturating_sub(SENTENCE_REACH)), se.min(end + SENTENCE_REACH))
    }

    /// The paragraph of sentence `s` around a trigger, bounded the same way.
    pub fn paragraph_around(&self, s: usize, (start, end): (usize, usize)) -> (usize, usize) {
        let b = self.structure.blocks[self.structure.sentences[s].block];
        (b.start.max(start.saturating_sub(PARAGRAPH_REACH)), b.end.min(end + PARAGRAPH_REACH))
    }

    /// The tolls between characters `start` and `end` (see [`find_tolls`]), read once.
    pub fn tolls(&self, start: usize, end: usize) -> Rc<[Toll]> {
        if let Some(t) = self.tolls.borrow().get(&(start, end)) {
            return t.clone();
        }
        let found: Rc<[Toll]> = find_tolls(self.doc, start, end).into();
        self.tolls.borrow_mut().insert((start, end), found.clone());
        found
    }

    /// The text of the trigger rule of drafts found by lexicon entry `entry`.
    pub fn trigger_rule(&self, entry: usize) -> Rc<str> {
        let mut rules = self.trigger_rules.borrow_mut();
        rules.entry(entry).or_insert_with(|| ["trigger:", &self.matcher.entries[entry].rule_id()].concat().into()).clone()
    }

    /// The block kind holding sentence `s`.
    pub fn block_kind(&self, s: usize) -> BlockKind {
        self.structure.block_of_sentence(s).kind
    }

    /// The nearest heading (or title) block above sentence `s`.
    pub fn heading_above(&self, s: usize) -> Option<(usize, usize)> {
        let b = self.structure.sentences[s].block;
        self.structure.blocks[..b]
            .iter()
            .rev()
            .find(|x| matches!(x.kind, BlockKind::Heading))
            .map(|x| (x.start, x.end))
    }

    /// Entities of a type inside a character range.
    pub fn entities_in(&self, kind: EntityType, start: usize, end: usize) -> impl Iterator<Item = &Mention> + '_ {
        let from = self.entities.partition_point(|m| m.start < start);
        self.entities[from..].iter().take_while(move |m| m.start < end).filter(move |m| m.kind == kind && m.end <= end)
    }

    /// Entities overlapping a character range.
    pub fn entities_overlapping(&self, start: usize, end: usize) -> impl Iterator<Item = &Mention> + '_ {
        overlapping(self.entities, start, end)
    }

    /// Lexicon hits of a kind inside a character range.
    pub fn hits_in(&self, kind: Kind, start: usize, end: usize) -> impl Iterator<Item = &Hit> + '_ {
        let from = self.hits.partition_point(|h| h.start() < start);
        self.hits[from..].iter().take_while(move |h| h.start() < end).filter(move |h| self.matcher.kind(h) == kind && h.end() <= end)
    }

    /// Actor candidates inside a character range.
    pub fn actors_in(&self, start: usize, end: usize) -> impl Iterator<Item = &ActorCandidate> + '_ {
        let from = self.actors.partition_point(|a| a.start < start);
        self.actors[from..].iter().take_while(move |a| a.start < end).filter(move |a| a.end <= end)
    }

    /// The actor candidate that starts at a character index.
    pub fn actor_at(&self, start: usize) -> Option<&ActorCandidate> {
        self.actors.binary_search_by_key(&start, |a| a.start).ok().map(|i| &self.actors[i])
    }

    /// The folded text between two character indices.
    pub fn fold(&self, start: usize, end: usize) -> &str {
        self.doc.fold_slice(start, end)
    }

    /// Is this LOCATION mention a whole country (less specific than a town)?
    pub fn is_country(&self, m: &Mention) -> bool {
        m.entry().is_some_and(|e| self.matcher.entries[e].attr("level") == Some("country"))
    }
}

fn demonym_is_actor(doc: &Doc, matcher: &Matcher, hits: &[Hit], entities: &[Mention], h: &Hit) -> bool {
    if doc.norm_char(h.start()).is_some_and(|c| c.is_uppercase()) {
        return true;
    }
    if h.start() < 2 || !doc.fold_slice(h.start() - 1, h.start()).ends_with(' ') {
        return false;
    }
    let prev_end = h.start() - 1;
    let near = hits.partition_point(|t| t.start() + 60 < prev_end);
    hits[near..].iter().take_while(|t| t.start() < prev_end).any(|t| t.end() == prev_end && matcher.kind(t) == Kind::Trigger)
        || overlapping(entities, prev_end - 1, prev_end).any(|m| m.end == prev_end && m.kind == EntityType::Weapon)
        || doc.fold_slice(h.start().saturating_sub(6), h.start()).ends_with("jets ")
}

/// Mentions (sorted by start, not overlapping each other) that overlap a range.
fn overlapping(entities: &[Mention], start: usize, end: usize) -> impl Iterator<Item = &Mention> + '_ {
    let from = entities.partition_point(|m| m.end <= start);
    entities[from..].iter().take_while(move |m| m.start < end)
}

fn home_country(matcher: &Matcher, entities: &[Mention]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in entities.iter().filter(|m| m.kind == EntityType::Location) {
        let Some(e) = m.entry() else { continue };
        let entry = &matcher.entries[e];
        let Some(c) = entry.attr("country").or(if entry.attr("level") == Some("country") { Some(entry.canonical.as_str()) } else { None }) else {
            continue;
        };
        match counts.iter_mut().find(|(n, _)| n == c) {
            Some((_, k)) => *k += 1,
            None => counts.push((c.to_string(), 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, k)| *k).map(|(c, _)| c)
}
