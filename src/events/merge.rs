//! One event per incident: an incident named in the title or a heading and reported
//! in the body is the body's event, with the title or heading listed in `mentions`.
//! Titles and headings announce what the body details; they add no incident of their
//! own.

use super::{rule, Arg, Context, Draft, Rule};
use super::detect::ends_with_word;
use crate::structure::BlockKind;

/// The events of the document, each incident once.
///
/// Drafts are sorted unstably by trigger: no two drafts share one (`detect` takes
/// no trigger that overlaps the one before), and a stable sort would take a buffer
/// of half the drafts.
///
/// Drafts are 360 bytes and a long text has tens of thousands: every step works in
/// the one buffer it is given (what it takes out is the few drafts it folds), and
/// the result is shrunk to its length, as it is kept until the output is written.
pub fn merge(cx: &Context, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut body = drafts;
    let headlines = take_out(&mut body, &|d| matches!(cx.block_kind(d.sentence), BlockKind::Title | BlockKind::Heading | BlockKind::Lede));
    body.sort_unstable_by_key(|d| d.trigger);
    for t in headlines {
        // A title or lede announces the whole article; a heading, its own section
        // (up to the next heading), which also keeps this linear on long inputs.
        let (from, to) = match cx.block_kind(t.sentence) {
            BlockKind::Heading => {
                let block = cx.structure.sentences[t.sentence].block;
                let end = cx.structure.blocks[block + 1..]
                    .iter()
                    .find(|b| matches!(b.kind, BlockKind::Heading | BlockKind::Title))
                    .map_or(usize::MAX, |b| b.start);
                (t.trigger.0, end)
            }
            _ => (0, usize::MAX),
        };
        let lo = body.partition_point(|b| b.trigger.0 < from);
        let hi = body.partition_point(|b| b.trigger.0 < to);
        let same_type = |b: &&mut Draft| b.kind == t.kind && b.subtype == t.subtype;
        let best = body[lo..hi].iter_mut().filter(same_type).max_by_key(|b| (shares(&t.location, &b.location, cx) as u8 + shares(&t.actor1, &b.actor1, cx) as u8 + shares(&t.actor2, &b.actor2, cx) as u8, std::cmp::Reverse(b.trigger.0)));
        match best {
            Some(b) => {
                b.mentions.push(span(t.trigger));
                b.rules.push(rule!("merge:headline"));
            }
            // A lede may be the only place an incident is told; a title or a
            // heading only announces.
            None if cx.block_kind(t.sentence) == BlockKind::Lede => {
                let at = body.partition_point(|b| b.trigger < t.trigger);
                body.insert(at, t);
            }
            None => {}
        }
    }
    let body = restatements(cx, body);
    let body = fold_into_told(body, rule!("modality:background"), rule!("merge:modality:background"), |o, d| o.kind == d.kind);
    let body = fold_into_told(body, rule!("modality:reaction"), rule!("merge:modality:reaction"), |_, _| true);
    let body = fold_into_told(body, rule!("trigger:instrument"), rule!("merge:trigger:instrument"), |o, d| o.kind == d.kind && same_block(cx, o, d));
    let body = fold_into_told(body, rule!("trigger:consequence"), rule!("merge:trigger:consequence"), |o, d| {
        matches!(o.kind, "remote_violence" | "battle") && same_block(cx, o, d) && (o.sentence == d.sentence || o.sentence + 1 == d.sentence)
    });
    let death = rule!("typing:death");
    let mut body = fold_into_told(body, death, rule!("merge:typing:death"), |o, d| !o.has_rule(death) && same_block(cx, o, d) && o.sentence < d.sentence);
    body.shrink_to_fit();
    body
}

/// The drafts that are `taken`, out of `drafts` (the others keep their order and
/// their buffer).
fn take_out(drafts: &mut Vec<Draft>, taken: &dyn Fn(&Draft) -> bool) -> Vec<Draft> {
    drafts.extract_if(.., |d| taken(d)).collect()
}

fn same_block(cx: &Context, a: &Draft, b: &Draft) -> bool {
    cx.structure.sentences[a.sentence].block == cx.structure.sentences[b.sentence].block
}

/// Drafts carrying `rule` are folded into the nearest other event that `fits`
/// (backdrop incidents into the incident the article tells; bare tolls into the
/// incident just told in the paragraph), which then carries `merged` (`merge:` and
/// `rule`); the rest stay.
fn fold_into_told(drafts: Vec<Draft>, rule: Rule, merged: Rule, fits: impl Fn(&Draft, &Draft) -> bool) -> Vec<Draft> {
    let mut rest = drafts;
    let flagged = take_out(&mut rest, &|d| d.has_rule(rule));
    rest.sort_unstable_by_key(|d| d.trigger);
    let mut unfolded = Vec::new();
    for mut d in flagged {
        // The nearest fitting event, looked for outwards from the draft's place.
        let at = rest.partition_point(|o| o.sentence < d.sentence);
        let lo = at.saturating_sub(FOLD_LOOKAROUND);
        let hi = (at + FOLD_LOOKAROUND).min(rest.len());
        let target = (lo..hi)
            .filter(|&i| fits(&rest[i], &d))
            .min_by_key(|&i| (rest[i].sentence.abs_diff(d.sentence), rest[i].sentence > d.sentence));
        match target {
            Some(i) => {
                let o = &mut rest[i];
                o.mentions.push(span(d.trigger));
                o.rules.push(merged);
                fill_missing(o, &mut d);
            }
            None => unfolded.push(d),
        }
    }
    rest.extend(unfolded);
    rest.sort_unstable_by_key(|d| d.trigger);
    rest
}

/// How many events on each side a folded draft is compared with.
const FOLD_LOOKAROUND: usize = 40;

/// How many sentences back a definite `l'attaque`, `les combats` may point.
const DEFINITE_REACH: usize = 3;
/// How many sentences back `cette attaque` may point (an article, not an archive).
const DEMONSTRATIVE_REACH: usize = 40;

/// `cette attaque`, `les combats`, `l'offensive`: a noun with a demonstrative or a
/// definite article names an incident already reported, when one of the same type
/// was; its arguments complete that event.
fn restatements(cx: &Context, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut drafts = drafts;
    drafts.sort_unstable_by_key(|d| d.trigger);
    // `drafts[..kept]` are the events so far; the drafts folded into them wait
    // between `kept` and `i`, emptied, to be dropped at the end.
    let mut kept = 0;
    for i in 0..drafts.len() {
        let (done, rest) = drafts.split_at_mut(i);
        let (out, d) = (&mut done[..kept], &mut rest[0]);
        let (ss, _) = cx.around(d.sentence, d.trigger);
        let before = cx.doc.fold_slice(ss, d.trigger.0);
        let demonstrative = ends_with_word(before, &["cette", "ces", "cet", "ce", "celle", "cette derniere"]);
        let definite = ends_with_word(before, &["l'", "la", "le", "les", "leur", "leurs", "son", "sa", "ses", "durant l'", "lors de l'", "lors des"]);
        let block = cx.structure.sentences[d.sentence].block;
        let target = if demonstrative || definite {
            let reach = if demonstrative { DEMONSTRATIVE_REACH } else { DEFINITE_REACH };
            out.iter_mut().rev().take_while(|o| d.sentence.saturating_sub(o.sentence) <= reach).find(|o| o.kind == d.kind && o.subtype == d.subtype && o.sentence != d.sentence)
        } else {
            // The next sentence of the paragraph going on about the same strike or
            // clash at the same place.
            out.iter_mut().rev().take_while(|o| o.sentence + 1 >= d.sentence).find(|o| {
                o.kind == d.kind
                    && o.subtype == d.subtype
                    && o.sentence + 1 == d.sentence
                    && cx.structure.sentences[o.sentence].block == block
                    && same_place(cx, &o.location, &d.location)
            })
        };
        match target {
            Some(o) => {
                o.mentions.push(span(d.trigger));
                o.rules.push(rule!("merge:restatement"));
                fill_missing(o, d);
                (d.mentions, d.rules) = (Vec::new(), Vec::new());
            }
            None => {
                drafts.swap(kept, i);
                kept += 1;
            }
        }
    }
    drafts.truncate(kept);
    drafts
}

/// A trigger's span as a draft's `mentions` keep it.
fn span((start, end): (usize, usize)) -> (u32, u32) {
    (start as u32, end as u32)
}

fn same_place(cx: &Context, a: &Option<Arg>, b: &Option<Arg>) -> bool {
    match (a, b) {
        (_, None) => true,
        (Some(_), Some(_)) => shares(a, b, cx),
        (None, Some(_)) => false,
    }
}

/// Arguments the first report lacked, taken from the restatement.
fn fill_missing(into: &mut Draft, from: &mut Draft) {
    macro_rules! take {
        ($($f:ident),*) => { $( if into.$f.is_none() { into.$f = from.$f.take(); } )* };
    }
    take!(actor1, actor2, location, date, fatalities, wounded, captured, source);
}

fn shares(a: &Option<Arg>, b: &Option<Arg>, cx: &Context) -> bool {
    matches!((a, b), (Some(x), Some(y)) if arg_key(x, cx) == arg_key(y, cx))
}

/// What identifies an argument: its canonical name, else its folded text.
pub(super) fn arg_key<'a>(x: &'a Arg, cx: &'a Context) -> &'a str {
    x.canonical.as_deref().unwrap_or_else(|| cx.doc.fold_slice(x.start as usize, x.end as usize))
}
