//! Arguments of an event: who acted, against whom, where, when, with what toll and
//! according to whom, from French clause patterns around the trigger.

use super::context::ActorCandidate;
use super::detect::ends_with_word;
use super::merge::arg_key;
use super::{rule, Arg, Context, DateArg, Draft, Figure};
use crate::model::EntityType;
use crate::structure::BlockKind;
use crate::quantity::{TollKind, Victims};

/// How far after a trigger a `par X` agent or a `de X` complement may stand (chars).
const AGENT_REACH: usize = 40;

pub fn fill(cx: &Context, d: &mut Draft) {
    actors(cx, d);
    // One side cannot fight itself: `délogés de Hama par l'armée syrienne` must not
    // name the army twice.
    if let (Some(a1), Some(a2)) = (&d.actor1, &d.actor2) {
        if arg_key(a1, cx) == arg_key(a2, cx) {
            d.actor2 = None;
        }
    }
    location(cx, d);
    date(cx, d);
    tolls(cx, d);
    source(cx, d);
}

fn arg(a: &ActorCandidate) -> Arg {
    Arg { start: a.start as u32, end: a.end as u32, canonical: a.canonical.clone() }
}


fn actors(cx: &Context, d: &mut Draft) {
    let (ss, se) = cx.around(d.sentence, d.trigger);
    let (ts, te) = d.trigger;
    let here: Vec<&ActorCandidate> = cx.actors_in(ss, se).collect();
    let before: Vec<&ActorCandidate> = here.iter().copied().filter(|a| a.end <= ts).collect();
    let after: Vec<&ActorCandidate> = here.iter().copied().filter(|a| a.start >= te).collect();
    let lead_in = |a: &ActorCandidate| cx.fold(ss.max(a.start.saturating_sub(30)), a.start);

    // entre X et Y
    for x in here.iter().filter(|a| ends_with_word(lead_in(a), &["entre", "entre les", "entre le", "entre la", "entre l'"])) {
        if let Some(y) = here.iter().find(|b| b.start > x.end && ends_with_word(cx.fold(x.end, b.start), &["et", "et les", "et la", "et le", "et l'", "et de"])) {
            d.actor1 = Some(arg(x));
            d.actor2 = Some(arg(y));
            d.rules.push(rule!("actors:entre-x-et-y"));
            return;
        }
    }
    // Passive agent: "a été repoussée par l'armée", "raids exécutés par quatre
    // bombardiers russes" (at most three words between `par` and the actor).
    let agent = after.iter().copied().find(|a| {
        a.start <= te + AGENT_REACH && !a.civilian && {
            let gap = cx.fold(te, a.start);
            gap.rfind(" par ").or_else(|| gap.starts_with("par ").then_some(0)).is_some_and(|i| gap[i..].split_whitespace().count() <= 4)
        }
    });
    // Complement or demonym right after a noun trigger: "raids de l'aviation russe",
    // "raids russes", "offensive dévastatrice du régime syrien". A verb's next words
    // are its object, not its author.
    let noun_trigger = ends_with_word(cx.fold(ss, ts), DETERMINERS);
    let complement = after.iter().copied().find(|a| {
        if !(noun_trigger && a.start <= te + 40 && !a.civilian) {
            return false;
        }
        let gap = cx.fold(te, a.start);
        let words: Vec<&str> = gap.split_whitespace().collect();
        let link = |w: &[&str]| w.is_empty() || ["de", "du", "des", "de l'", "de la", "d'"].contains(&w.join(" ").as_str()) || w.len() == 1 && w[0].starts_with("d'");
        let adjective = |w: &str| !w.contains('\'') && w.chars().all(|c| c.is_alphabetic()) && !DETERMINERS.contains(&w) && !["contre", "sur", "par", "a", "dans", "vers", "et", "en", "au", "aux"].contains(&w);
        link(&words) || !words.is_empty() && adjective(words[0]) && link(&words[1..])
    });
    let against = here.iter().copied().find(|a| {
        a.start != ts
            && ends_with_word(
                lead_in(a),
                &["contre", "contre les", "contre la", "contre le", "contre l'", "contre des", "positions de", "positions des", "positions de l'", "positions du", "visant", "visant les", "ciblant", "face aux", "face a"],
            )
    });
    let subject = before.iter().rev().copied().find(|a| !a.civilian && Some(a.start) != against.map(|x| x.start));

    if let Some(a) = agent.or(complement) {
        d.actor1 = Some(arg(a));
        d.rules.push(rule!("actors:agent-or-complement"));
    } else if let Some(a) = subject {
        d.actor1 = Some(arg(a));
        d.rules.push(rule!("actors:subject"));
    }
    let taken = d.actor1.as_ref().map(|a| a.start as usize);
    if let Some(a) = against.filter(|a| Some(a.start) != taken) {
        d.actor2 = Some(arg(a));
        d.rules.push(rule!("actors:contre"));
    } else if let Some(a) = after.iter().copied().find(|a| Some(a.start) != taken && a.start <= te + 60) {
        d.actor2 = Some(arg(a));
        d.rules.push(rule!("actors:object"));
    }
    // "perdre", "être délogé": the subject lost, the agent (if any) won.
    let verb = cx.fold(ts, te);
    if d.kind == "battle" && d.subtype == "territory_change" && (verb.starts_with("perd") || verb.starts_with("delog")) {
        let loser = d.actor1.take();
        d.actor2 = loser;
        d.actor1 = agent.map(arg);
        d.rules.push(rule!("actors:loser-is-subject"));
    }
    // The other side of a fight: the nearest actor of the opposing camp in the
    // paragraph, when the sentence names only one side.
    if matches!(d.kind, "battle" | "remote_violence") {
        let (bs, be) = cx.paragraph_around(d.sentence, d.trigger);
        let opponent = |known: &Option<Arg>| {
            let k = known.as_ref().and_then(|a| cx.actor_at(a.start as usize))?;
            cx.actors_in(bs, be)
                .filter(|c| k.camp.opposes(c.camp))
                .min_by_key(|c| c.start.abs_diff(ts))
                .map(arg)
        };
        if d.actor2.is_none() {
            if let Some(o) = opponent(&d.actor1) {
                d.actor2 = Some(o);
                d.rules.push(rule!("actors:other-camp-in-paragraph"));
            }
        }
    }
    // "Il a ...": carry the first actor of the previous sentence of the paragraph.
    if d.actor1.is_none() && starts_with_pronoun(cx.fold(ss, (ss + 12).min(se))) {
        if let Some(prev) = d.sentence.checked_sub(1) {
            if cx.structure.sentences[prev].block == cx.structure.sentences[d.sentence].block {
                let (ps, pe) = cx.around(prev, (ss, ss));
                if let Some(a) = cx.actors_in(ps, pe).find(|a| !a.civilian) {
                    d.actor1 = Some(arg(a));
                    d.rules.push(rule!("actors:carried-from-previous-sentence"));
                }
            }
        }
    }
}

/// Words that make the next word a noun (`les raids`, `une offensive`).
const DETERMINERS: &[&str] = &["le", "la", "les", "l'", "un", "une", "des", "de", "d'", "du", "ses", "son", "sa", "leur", "leurs", "ces", "cette", "cet", "ce", "nouveaux", "nouvelles", "nouvelle", "nouveau", "plusieurs", "quelques", "multiples"];

fn starts_with_pronoun(s: &str) -> bool {
    ["il ", "ils ", "elle ", "elles ", "celui-ci", "ceux-ci", "ces derniers", "ces dernieres"].iter().any(|p| s.starts_with(p))
}

fn location(cx: &Context, d: &mut Draft) {
    let (ss, se) = cx.around(d.sentence, d.trigger);
    let (ts, te) = d.trigger;
    let specific = |m: &&crate::entities::Mention| !cx.is_country(m);
    let as_arg = |m: &crate::entities::Mention| Arg { start: m.start as u32, end: m.end as u32, canonical: m.canonical.clone() };
    let places: Vec<_> = cx.entities_in(EntityType::Location, ss, se).collect();
    // A town or district in the sentence: after the trigger first, then before it.
    let pick = places.iter().filter(|m| m.start >= te).find(|m| specific(m)).or_else(|| places.iter().rev().filter(|m| m.end <= ts).find(|m| specific(m)));
    if let Some(m) = pick {
        d.location = Some(as_arg(m));
        d.rules.push(rule!("location:sentence"));
        return;
    }
    // The heading above often names the place ("Alep : offensive sur 4 axes").
    if let Some((hs, he)) = cx.heading_above(d.sentence) {
        if let Some(m) = cx.entities_in(EntityType::Location, hs, he).next() {
            d.location = Some(as_arg(m));
            d.rules.push(rule!("location:heading"));
            return;
        }
    }
    // Else the last town named earlier in the paragraph, then in the one before
    // (`la ville` points back to it).
    let b = cx.structure.sentences[d.sentence].block;
    let from = cx.structure.blocks[..b].iter().rev().find(|x| x.kind == BlockKind::Paragraph).map_or(cx.structure.blocks[b].start, |x| x.start);
    let from = from.max(cx.paragraph_around(d.sentence, d.trigger).0);
    let earlier = cx.entities_in(EntityType::Location, from, ss).filter(specific).last();
    if let Some(m) = earlier {
        d.location = Some(as_arg(m));
        d.rules.push(rule!("location:earlier"));
        return;
    }
    // Else a country the sentence names.
    if let Some(m) = places.first() {
        d.location = Some(as_arg(m));
        d.rules.push(rule!("location:country"));
    }
}

fn date(cx: &Context, d: &mut Draft) {
    let (ss, se) = cx.around(d.sentence, d.trigger);
    let (ts, _) = d.trigger;
    let dates: Vec<_> = cx.entities_in(EntityType::Date, ss, se).collect();
    let nearest = dates.iter().min_by_key(|m| m.start.abs_diff(ts));
    if let Some(m) = nearest {
        d.date = Some(DateArg { start: m.start as u32, end: m.end as u32, value: m.value.clone().flatten() });
        d.rules.push(rule!("date:sentence"));
    }
}

fn figure(t: &crate::quantity::Toll) -> Figure {
    Figure { value: t.value, approximate: t.approximate, start: t.start as u32, end: t.end as u32 }
}

/// Words that announce an updated toll: the later figure replaces the earlier.
const TOLL_UPDATES: &[&str] = &["alourdi", "alourdit", "passe a", "s'eleve desormais", "nouveau bilan", "bilan actualise", "revu a la hausse", "desormais"];

/// The sentence's figures of killed, wounded and captured. Where a sentence gives
/// two figures for one count, sources disagree (keep the lowest) unless the toll is
/// said to be updated (keep the latest).
fn tolls(cx: &Context, d: &mut Draft) {
    let (ss, se) = cx.around(d.sentence, d.trigger);
    let updated = TOLL_UPDATES.iter().any(|w| cx.fold(ss, se).contains(w));
    for t in cx.tolls(ss, se).iter().cloned() {
        let slot = match t.kind {
            TollKind::Killed => &mut d.fatalities,
            TollKind::Wounded => &mut d.wounded,
            TollKind::Captured => &mut d.captured,
        };
        let replace = match slot {
            None => true,
            Some(old) => updated || t.value < old.value,
        };
        if replace {
            *slot = Some(figure(&t));
        }
        if t.victims == Victims::Civilians && d.actor2.is_none() {
            d.rules.push(rule!("toll:civilian-victims"));
        }
    }
}

/// Words that attribute a claim to its source when they stand just before it.
const SOURCE_CUES: &[&str] = &[
    "selon", "d'apres", "cite par", "citee par", "cites par", "rapporte", "rapportent", "indique", "a indique a", "indique a", "a indique", "pour", "a", "explique", "ajoute", "assure", "affirme", "precise", "annonce", "selon le", "selon la", "selon l'", "selon les", "d'apres le", "d'apres la", "d'apres l'", "a l'", "sur le site", "de l'", "sources de", "sources d'", "rapporte le", "rapporte la",
];

fn source(cx: &Context, d: &mut Draft) {
    let (ss, se) = cx.around(d.sentence, d.trigger);
    let find_in = |s: usize, e: usize| {
        cx.entities_overlapping(s, e)
            .filter(|m| matches!(m.kind, EntityType::Media | EntityType::Organization) && m.start >= s && m.end <= e)
            .find(|m| {
                let lead = cx.fold(s.max(m.start.saturating_sub(25)), m.start);
                m.kind == EntityType::Media || SOURCE_CUES.iter().any(|c| ends_with_word(lead, &[c]))
                    || ends_with_word(lead, &["l'", "le", "la", "de l'"]) && ["selon", "d'apres", "indique", "rapporte"].iter().any(|c| lead.contains(c))
            })
            .map(|m| Arg { start: m.start as u32, end: m.end as u32, canonical: m.canonical.clone() })
    };
    if let Some(a) = find_in(ss, se) {
        d.source = Some(a);
        d.rules.push(rule!("source:sentence"));
        return;
    }
    // A source named elsewhere in the paragraph speaks for all of it.
    let (bs, be) = cx.paragraph_around(d.sentence, d.trigger);
    if let Some(a) = find_in(bs, be) {
        d.source = Some(a);
        d.rules.push(rule!("source:paragraph"));
    }
}
