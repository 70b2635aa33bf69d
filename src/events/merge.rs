//! One event per incident: an incident named in the title or a heading and reported
//! in the body is the body's event, with the title or heading listed in `mentions`.
//! Titles and headings announce what the body details; they add no incident of their
//! own.

use super::{Arg, Context, Draft};
use crate::structure::BlockKind;

pub fn merge(cx: &Context, drafts: Vec<Draft>) -> Vec<Draft> {
    let (headlines, mut body): (Vec<Draft>, Vec<Draft>) =
        drafts.into_iter().partition(|d| matches!(cx.block_kind(d.sentence), BlockKind::Title | BlockKind::Heading));
    for t in headlines {
        let same_type = |b: &&mut Draft| b.kind == t.kind && b.subtype == t.subtype;
        let best = body.iter_mut().filter(same_type).max_by_key(|b| (shares(&t.location, &b.location, cx) as u8 + shares(&t.actor1, &b.actor1, cx) as u8 + shares(&t.actor2, &b.actor2, cx) as u8, std::cmp::Reverse(b.trigger.0)));
        if let Some(b) = best {
            b.mentions.push(t.trigger);
            b.rules.push("merge:headline".into());
        }
    }
    body
}

fn shares(a: &Option<Arg>, b: &Option<Arg>, cx: &Context) -> bool {
    let key = |x: &Arg| x.canonical.clone().unwrap_or_else(|| cx.doc.fold_slice(x.start, x.end).to_string());
    matches!((a, b), (Some(x), Some(y)) if key(x) == key(y))
}
