//! From internal character indices to the schema's UTF-16 spans and ids.

use crate::entities::Mention;
use crate::events::{Arg, Draft, Figure};
use crate::lexicon::Matcher;
use crate::model::{Argument, Count, DateArgument, Dateline, Entity, EntityType, Event, Id, Interner, Range, SharedStr, Span};
use crate::structure::Structure;
use crate::text::Doc;

/// The span of characters `start..end`, its text shared through `strings`.
fn span<'a>(doc: &Doc<'a>, strings: &mut Interner<'a>, start: usize, end: usize) -> Span {
    Span { start: doc.utf16(start), end: doc.utf16(end), text: strings.get(doc.orig_slice(start, end)) }
}

/// A span of its own (the title, the dateline: one of each).
fn lone_span(doc: &Doc, start: usize, end: usize) -> Span {
    Span { start: doc.utf16(start), end: doc.utf16(end), text: SharedStr::from(doc.orig_slice(start, end)) }
}

pub fn dateline(doc: &Doc, s: &Structure) -> Option<Dateline> {
    s.dateline.as_ref().map(|(b, v)| {
        let sp = lone_span(doc, b.start, b.end);
        Dateline { start: sp.start, end: sp.end, text: sp.text, datetime: v.datetime.clone() }
    })
}

pub fn title(doc: &Doc, s: &Structure) -> Option<Span> {
    s.title().map(|b| lone_span(doc, b.start, b.end))
}

pub fn entities<'a>(doc: &Doc<'a>, matcher: &'a Matcher, mentions: &'a [Mention]) -> Vec<Entity> {
    let mut strings = Interner::default();
    let mut entities = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let sp = span(doc, &mut strings, m.start, m.end);
        let entry = m.entry.map(|e| &matcher.entries[e]);
        let mut attr = |k: &str| entry.and_then(|e| e.attr(k)).map(|v| strings.get(v));
        let is_place = m.kind == EntityType::Location;
        let actor_type = if m.kind == EntityType::ArmedGroup { attr("inter") } else { None };
        let (country, admin1) = if is_place { (attr("country"), attr("admin1")) } else { (None, None) };
        let num = |k: &str| entry.and_then(|e| e.attr(k)).and_then(|v| v.parse::<f64>().ok());
        entities.push(Entity {
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
            rule: strings.get(&m.rule),
        });
    }
    entities
}

fn argument<'a>(doc: &Doc<'a>, strings: &mut Interner<'a>, a: &'a Option<Arg>) -> Option<Argument> {
    a.as_ref().map(|a| {
        let sp = span(doc, strings, a.start, a.end);
        Argument { start: sp.start, end: sp.end, text: sp.text, canonical: a.canonical.as_deref().map(|c| strings.get(c)) }
    })
}

fn count<'a>(doc: &Doc<'a>, strings: &mut Interner<'a>, f: &Option<Figure>) -> Option<Count> {
    f.as_ref().map(|f| {
        let sp = span(doc, strings, f.start, f.end);
        Count { value: f.value, approximate: f.approximate, start: sp.start, end: sp.end, text: sp.text }
    })
}

pub fn events<'a>(doc: &Doc<'a>, s: &Structure, drafts: &'a [Draft]) -> Vec<Event> {
    let mut strings = Interner::default();
    let mut events = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.iter().enumerate() {
        let sent = s.sentences[d.sentence];
        let strings = &mut strings;
        events.push(Event {
            id: Id::event(i + 1),
            kind: d.kind,
            subtype: d.subtype,
            trigger: span(doc, strings, d.trigger.0, d.trigger.1),
            sentence: Range { start: doc.utf16(sent.start), end: doc.utf16(sent.end) },
            actor1: argument(doc, strings, &d.actor1),
            actor2: argument(doc, strings, &d.actor2),
            location: argument(doc, strings, &d.location),
            date: d.date.as_ref().map(|(st, en, v)| {
                let sp = span(doc, strings, *st, *en);
                DateArgument { start: sp.start, end: sp.end, text: sp.text, value: v.as_deref().map(|v| strings.get(v)) }
            }),
            fatalities: count(doc, strings, &d.fatalities),
            wounded: count(doc, strings, &d.wounded),
            captured: count(doc, strings, &d.captured),
            source: argument(doc, strings, &d.source),
            modality: d.modality,
            mentions: d.mentions.iter().map(|(a, b)| span(doc, strings, *a, *b)).collect(),
            rules: d.rules.iter().map(|r| strings.get(r)).collect(),
        });
    }
    events
}
