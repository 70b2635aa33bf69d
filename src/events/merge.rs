//! One event per incident: an event reported in the title and again in the body is the
//! body's event, with the title listed in `mentions`.

use super::{Context, Draft};
use crate::structure::BlockKind;

pub fn merge(cx: &Context, drafts: Vec<Draft>) -> Vec<Draft> {
    let (title, body): (Vec<Draft>, Vec<Draft>) = drafts.into_iter().partition(|d| cx.block_kind(d.sentence) == BlockKind::Title);
    let mut body = body;
    for t in title {
        let same = body.iter_mut().find(|b| b.kind == t.kind && b.subtype == t.subtype && shares_place_or_actor(&t, b, cx));
        match same {
            Some(b) => {
                b.mentions.push(t.trigger);
                b.rules.push("merge:title".into());
            }
            None => {
                // A title incident the body never details is still an incident.
                body.push(t);
            }
        }
    }
    body
}

fn shares_place_or_actor(a: &Draft, b: &Draft, cx: &Context) -> bool {
    let canon = |x: &Option<super::Arg>| x.as_ref().map(|x| x.canonical.clone().unwrap_or_else(|| cx.doc.fold_slice(x.start, x.end).to_string()));
    let same = |x: &Option<super::Arg>, y: &Option<super::Arg>| canon(x).is_some() && canon(x) == canon(y);
    same(&a.location, &b.location) || same(&a.actor1, &b.actor1) || same(&a.actor2, &b.actor2) || (a.location.is_none() && a.actor1.is_none())
}
