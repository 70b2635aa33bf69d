//! From internal character indices to the schema's UTF-16 spans and ids.

use crate::entities::Mention;
use crate::events::{Arg, Draft, Figure};
use crate::lexicon::Matcher;
use crate::model::{Argument, Count, DateArgument, Dateline, Entity, EntityType, Event, Range, Span};
use crate::structure::Structure;
use crate::text::Doc;

pub fn span(doc: &Doc, start: usize, end: usize) -> Span {
    Span { start: doc.utf16(start), end: doc.utf16(end), text: doc.orig_slice(start, end).to_string() }
}

pub fn dateline(doc: &Doc, s: &Structure) -> Option<Dateline> {
    s.dateline.as_ref().map(|(b, v)| {
        let sp = span(doc, b.start, b.end);
        Dateline { start: sp.start, end: sp.end, text: sp.text, datetime: v.datetime.clone() }
    })
}

pub fn title(doc: &Doc, s: &Structure) -> Option<Span> {
    s.title().map(|b| span(doc, b.start, b.end))
}

pub fn entities(doc: &Doc, matcher: &Matcher, mentions: &[Mention]) -> Vec<Entity> {
    mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let sp = span(doc, m.start, m.end);
            let entry = m.entry.map(|e| &matcher.entries[e]);
            let attr = |k: &str| entry.and_then(|e| e.attr(k)).map(str::to_string);
            let num = |k: &str| entry.and_then(|e| e.attr(k)).and_then(|v| v.parse::<f64>().ok());
            let is_place = m.kind == EntityType::Location;
            Entity {
                id: format!("T{}", i + 1),
                kind: m.kind,
                start: sp.start,
                end: sp.end,
                text: sp.text,
                canonical: m.canonical.clone(),
                value: m.value.clone(),
                actor_type: if m.kind == EntityType::ArmedGroup { attr("inter") } else { None },
                country: if is_place { attr("country") } else { None },
                admin1: if is_place { attr("admin1") } else { None },
                lat: if is_place { num("lat") } else { None },
                lon: if is_place { num("lon") } else { None },
                rule: m.rule.clone(),
            }
        })
        .collect()
}

fn argument(doc: &Doc, a: &Option<Arg>) -> Option<Argument> {
    a.as_ref().map(|a| {
        let sp = span(doc, a.start, a.end);
        Argument { start: sp.start, end: sp.end, text: sp.text, canonical: a.canonical.clone() }
    })
}

fn count(doc: &Doc, f: &Option<Figure>) -> Option<Count> {
    f.as_ref().map(|f| {
        let sp = span(doc, f.start, f.end);
        Count { value: f.value, approximate: f.approximate, start: sp.start, end: sp.end, text: sp.text }
    })
}

pub fn events(doc: &Doc, s: &Structure, drafts: &[Draft]) -> Vec<Event> {
    drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let sent = s.sentences[d.sentence];
            Event {
                id: format!("E{}", i + 1),
                kind: d.kind.to_string(),
                subtype: d.subtype.to_string(),
                trigger: span(doc, d.trigger.0, d.trigger.1),
                sentence: Range { start: doc.utf16(sent.start), end: doc.utf16(sent.end) },
                actor1: argument(doc, &d.actor1),
                actor2: argument(doc, &d.actor2),
                location: argument(doc, &d.location),
                date: d.date.as_ref().map(|(st, en, v)| {
                    let sp = span(doc, *st, *en);
                    DateArgument { start: sp.start, end: sp.end, text: sp.text, value: v.clone() }
                }),
                fatalities: count(doc, &d.fatalities),
                wounded: count(doc, &d.wounded),
                captured: count(doc, &d.captured),
                source: argument(doc, &d.source),
                modality: d.modality,
                mentions: d.mentions.iter().map(|(a, b)| span(doc, *a, *b)).collect(),
                rules: d.rules.clone(),
            }
        })
        .collect()
}
