//! From internal character indices to the schema's UTF-16 spans and ids.
//!
//! [`entity`] and [`event`] are the one place a mention and a draft become what the
//! schema says; [`entities`] and [`events`] collect them into an
//! [`Analysis`](crate::Analysis), and the native [`write_json`] writes them one at a
//! time, as they are built, so that a long text's output is never held whole.

use crate::entities::{Mention, Rule};
use crate::events::{Arg, Draft, Figure};
use crate::lexicon::Matcher;
use crate::model::{Argument, Count, DateArgument, Dateline, Entity, EntityType, Event, Id, Interner, Range, SharedStr, Span};
use crate::structure::Structure;
use crate::text::Original;
use std::collections::HashMap;

/// The span of characters `start..end`, its text shared through `strings`.
fn span<'a>(src: &Original<'a>, strings: &mut Interner<'a>, start: usize, end: usize) -> Span {
    Span { start: src.utf16(start), end: src.utf16(end), text: strings.get(src.slice(start, end)) }
}

/// A span of its own (the title, the dateline: one of each).
fn lone_span(src: &Original, start: usize, end: usize) -> Span {
    Span { start: src.utf16(start), end: src.utf16(end), text: SharedStr::from(src.slice(start, end)) }
}

pub fn dateline(src: &Original, s: &Structure) -> Option<Dateline> {
    s.dateline.as_ref().map(|(b, v)| {
        let sp = lone_span(src, b.start, b.end);
        Dateline { start: sp.start, end: sp.end, text: sp.text, datetime: v.datetime.clone() }
    })
}

pub fn title(src: &Original, s: &Structure) -> Option<Span> {
    s.title().map(|b| lone_span(src, b.start, b.end))
}

/// The texts of the mentions' rules made of a prefix and a lexicon entry's rule id
/// (`lexicon:places.tsv`), one per rule and entry; the fixed ones go to the interner.
#[derive(Default)]
struct RuleTexts {
    made: HashMap<(Rule, Option<usize>), SharedStr>,
}

impl RuleTexts {
    fn get<'a>(&mut self, strings: &mut Interner<'a>, matcher: &'a Matcher, m: &Mention) -> SharedStr {
        match m.rule.fixed() {
            Some(text) => strings.get(text),
            None => self.made.entry((m.rule, m.entry())).or_insert_with(|| SharedStr::from(&*m.rule_text(matcher))).clone(),
        }
    }
}

/// The `i`th mention (from 0) as the schema's entity.
#[inline]
fn entity<'a>(src: &Original<'a>, matcher: &'a Matcher, strings: &mut Interner<'a>, rules: &mut RuleTexts, i: usize, m: &'a Mention) -> Entity {
    let sp = span(src, strings, m.start, m.end);
    let entry = m.entry().map(|e| &matcher.entries[e]);
    let mut attr = |k: &str| entry.and_then(|e| e.attr(k)).map(|v| strings.get(v));
    let is_place = m.kind == EntityType::Location;
    let actor_type = if m.kind == EntityType::ArmedGroup { attr("inter") } else { None };
    let (country, admin1) = if is_place { (attr("country"), attr("admin1")) } else { (None, None) };
    let num = |k: &str| entry.and_then(|e| e.attr(k)).and_then(|v| v.parse::<f64>().ok());
    Entity {
        id: Id::entity(i + 1),
        kind: m.kind,
        start: sp.start,
        end: sp.end,
        text: sp.text,
        canonical: m.canonical.as_deref().map(|c| strings.get(c)),
        value: m.value.as_ref().map(|v| v.as_deref().map(|v| strings.get(v))),
        actor_type,
        country,
        admin1,
        lat: if is_place { num("lat") } else { None },
        lon: if is_place { num("lon") } else { None },
        rule: rules.get(strings, matcher, m),
    }
}

pub fn entities<'a>(src: &Original<'a>, matcher: &'a Matcher, mentions: &'a [Mention]) -> Vec<Entity> {
    let (mut strings, mut rules) = (Interner::default(), RuleTexts::default());
    let mut entities = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        entities.push(entity(src, matcher, &mut strings, &mut rules, i, m));
    }
    entities
}

fn argument<'a>(src: &Original<'a>, strings: &mut Interner<'a>, a: &'a Option<Arg>) -> Option<Argument> {
    a.as_ref().map(|a| {
        let sp = span(src, strings, a.start as usize, a.end as usize);
        Argument { start: sp.start, end: sp.end, text: sp.text, canonical: a.canonical.as_deref().map(|c| strings.get(c)) }
    })
}

fn count<'a>(src: &Original<'a>, strings: &mut Interner<'a>, f: &Option<Figure>) -> Option<Count> {
    f.as_ref().map(|f| {
        let sp = span(src, strings, f.start as usize, f.end as usize);
        Count { value: f.value, approximate: f.approximate, start: sp.start, end: sp.end, text: sp.text }
    })
}

/// The `i`th draft (from 0) as the schema's event.
#[inline]
fn event<'a>(src: &Original<'a>, s: &Structure, strings: &mut Interner<'a>, i: usize, d: &'a Draft) -> Event {
    let sent = s.sentences[d.sentence];
    Event {
        id: Id::event(i + 1),
        kind: d.kind,
        subtype: d.subtype,
        trigger: span(src, strings, d.trigger.0, d.trigger.1),
        sentence: Range { start: src.utf16(sent.start), end: src.utf16(sent.end) },
        actor1: argument(src, strings, &d.actor1),
        actor2: argument(src, strings, &d.actor2),
        location: argument(src, strings, &d.location),
        date: d.date.as_ref().map(|a| {
            let sp = span(src, strings, a.start as usize, a.end as usize);
            DateArgument { start: sp.start, end: sp.end, text: sp.text, value: a.value.as_deref().map(|v| strings.get(v)) }
        }),
        fatalities: count(src, strings, &d.fatalities),
        wounded: count(src, strings, &d.wounded),
        captured: count(src, strings, &d.captured),
        source: argument(src, strings, &d.source),
        modality: d.modality,
        mentions: d.mentions.iter().map(|&(a, b)| span(src, strings, a as usize, b as usize)).collect(),
        rules: d.rules.iter().map(|&r| strings.get(d.rule_text(r))).collect(),
    }
}

pub fn events<'a>(src: &Original<'a>, s: &Structure, drafts: &'a [Draft]) -> Vec<Event> {
    let mut strings = Interner::default();
    let mut events = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.iter().enumerate() {
        events.push(event(src, s, &mut strings, i, d));
    }
    events
}

#[cfg(not(target_arch = "wasm32"))]
pub use stream::write_json;

/// The JSON of an analysis written as it is built (native only: the page takes the
/// [`Analysis`](crate::Analysis) whole).
#[cfg(not(target_arch = "wasm32"))]
mod stream {
    use super::*;
    use crate::model::SCHEMA;
    use serde::{Serialize, Serializer};
    use std::cell::RefCell;

    /// The fields of [`Analysis`](crate::Analysis), in its order, with the entities
    /// and events built one at a time while they are written (`tests/stream.rs`
    /// checks that the bytes are `Analysis`'s).
    #[derive(Serialize)]
    struct Stream<'s, 'a> {
        schema: &'static str,
        reference_date: Option<&'s str>,
        dateline: Option<Dateline>,
        title: Option<Span>,
        entities: Entities<'s, 'a>,
        events: Events<'s, 'a>,
    }

    struct Entities<'s, 'a> {
        src: &'s Original<'a>,
        matcher: &'a Matcher,
        mentions: &'a [Mention],
    }

    impl Serialize for Entities<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let (strings, rules) = (RefCell::new(Interner::default()), RefCell::new(RuleTexts::default()));
            s.collect_seq(self.mentions.iter().enumerate().map(|(i, m)| entity(self.src, self.matcher, &mut strings.borrow_mut(), &mut rules.borrow_mut(), i, m)))
        }
    }

    struct Events<'s, 'a> {
        src: &'s Original<'a>,
        structure: &'s Structure,
        drafts: &'a [Draft],
    }

    impl Serialize for Events<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let strings = RefCell::new(Interner::default());
            s.collect_seq(self.drafts.iter().enumerate().map(|(i, d)| event(self.src, self.structure, &mut strings.borrow_mut(), i, d)))
        }
    }

    /// Write the JSON (compact or indented) of the analysis these stages found, the
    /// same bytes as [`Analysis::write_json`](crate::Analysis::write_json).
    #[allow(clippy::too_many_arguments)]
    pub fn write_json<'a>(
        out: impl std::io::Write,
        pretty: bool,
        src: &Original<'a>,
        structure: &Structure,
        matcher: &'a Matcher,
        reference_date: Option<&str>,
        mentions: &'a [Mention],
        drafts: &'a [Draft],
    ) -> std::io::Result<()> {
        let stream = Stream {
            schema: SCHEMA,
            reference_date,
            dateline: dateline(src, structure),
            title: title(src, structure),
            entities: Entities { src, matcher, mentions },
            events: Events { src, structure, drafts },
        };
        let result = if pretty { serde_json::to_writer_pretty(out, &stream) } else { serde_json::to_writer(out, &stream) };
        result.map_err(std::io::Error::other)
    }
}
