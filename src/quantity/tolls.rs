//! Tolls: a figure tied to people and to a word of death, injury or capture.
//!
//! Read left to right over one sentence's tokens. For each figure, the noun after it
//! says who is counted (`18 civils`, `10 de ses hommes`, `dix autres`) or is itself
//! the toll (`7 tués`, `25 cadavres`); then the kind comes, in this order, from that
//! noun, from a participle after it (`qui ont été tués`, `ont péri`), from a verb
//! before it (`tué 12`, `coûté la vie à deux`), from a coordinated toll (`tué 5
//! soldats et 3 civils`), or from a toll update (`le bilan s'est alourdi à 12`).
//! A figure counting people with no such word (`a dépêché 350 miliciens`) is troop
//! strength, not a toll. Subsets (`dont 27 enfants`) are not separate tolls, and a
//! figure mixing categories (`blessés ou disparus`) gives none.

use super::number::{figures, Figure};
use super::tokens::{tokenize, TokKind, Token};
use super::victims::{after_verb, people, toll_noun, BEFORE};
use super::{Toll, TollKind, Victims};
use crate::text::Doc;

/// What the words after a figure name.
#[derive(Clone, Copy, Debug)]
enum Noun {
    People(Victims),
    Toll(TollKind),
    /// `dix autres`: the same kind of people as a toll before.
    Others,
}

/// The noun after the figure ending at token `j`, and the token after it.
fn noun_phrase(toks: &[Token], j: usize) -> Option<(Noun, usize)> {
    let mut k = j;
    if toks.get(k)?.is_any(&["de", "d'", "des"]) {
        k += 1;
        if toks.get(k)?.is_any(&["ses", "leurs", "ces", "nos", "vos", "les", "son", "leur"]) {
            k += 1;
        }
    }
    let t = toks.get(k)?;
    if t.is("autres") {
        if let Some(v) = toks.get(k + 1).and_then(|n| if n.kind == TokKind::Word { people(&n.text) } else { None }) {
            return Some((Noun::People(v), k + 2));
        }
        return Some((Noun::Others, k + 1));
    }
    if t.kind != TokKind::Word {
        return None;
    }
    if let Some(kind) = toll_noun(&t.text) {
        return Some((Noun::Toll(kind), k + 1));
    }
    people(&t.text).map(|v| (Noun::People(v), k + 1))
}

/// Participles whose auxiliary `avoir` makes the people before them the agents.
const TRANSITIVE: &[&str] = &[
    "tue", "tues", "tuee", "tuees", "blesse", "blesses", "abattu", "abattus", "elimines", "executes", "massacres",
    "assassines", "captures", "enleves", "kidnappes",
];

/// A participle after the people (`qui ont été tués`, `ont péri`), within the clause.
fn after(toks: &[Token], j: usize) -> Option<TollKind> {
    const STOP: &[&str] = &["et", "dont", "mais", "alors", "tandis", "lorsque", "car", "selon", "apres", "avant", "pour"];
    let mut p = j;
    let mut seen = 0;
    while p < toks.len() && seen < 12 {
        let t = &toks[p];
        // `Sept civils, dont deux enfants, ont été tués`: step over the aside.
        if t.text == "," && toks.get(p + 1).is_some_and(|n| n.is("dont")) {
            match toks[p + 1..].iter().position(|n| n.text == ",") {
                Some(k) => {
                    p += k + 2;
                    continue;
                }
                None => return None,
            }
        }
        if t.kind != TokKind::Word || t.is_any(STOP) {
            return None;
        }
        if let Some(kind) = after_verb(&t.text) {
            let active = p > 0 && toks[p - 1].is_any(&["a", "ont", "avait", "avaient", "aurait", "auraient", "avoir", "ayant"]);
            if active && TRANSITIVE.contains(&t.text) {
                return None;
            }
            return Some(kind);
        }
        p += 1;
        seen += 1;
    }
    None
}

/// A verb or noun before the figure starting at token `first` (gap of two words).
fn before(toks: &[Token], first: usize) -> Option<TollKind> {
    for gap in 0..=2usize {
        let Some(end) = first.checked_sub(gap) else { break };
        if (end..first).any(|g| toks[g].kind != TokKind::Word || toks[g].is_any(&["et", "dont", "ou"])) {
            break;
        }
        for (pat, kind) in BEFORE {
            if end >= pat.len() && pat.iter().enumerate().all(|(k, w)| toks[end - pat.len() + k].is(w)) {
                return Some(*kind);
            }
        }
    }
    None
}

/// `a été tué ainsi que 9 autres miliciens`: the named victim plus the figure.
fn plus_named(toks: &[Token], first: usize) -> Option<TollKind> {
    if first >= 3 && toks[first - 2].is("ainsi") && toks[first - 1].is("que") {
        return after_verb(&toks[first - 3].text);
    }
    None
}

/// `le bilan s'est alourdi à 12`: a toll update with no noun.
fn bilan(toks: &[Token], f: &Figure) -> bool {
    let first = f.first;
    if first == 0 || !toks[first - 1].is_any(&["a", "de", "d'"]) {
        return false;
    }
    // `passé de 5 à 12`: the older figure is not the toll.
    if toks[first - 1].is_any(&["de", "d'"]) && toks.get(f.last).is_some_and(|t| t.is("a")) {
        return false;
    }
    (first.saturating_sub(8)..first).any(|k| toks[k].is("bilan"))
        && !(first.saturating_sub(8)..first).any(|k| toks[k].kind == TokKind::Punct && toks[k].text != "'")
}

/// Who the people of a toll noun are (`7 tués parmi la population`, `150 tués dans
/// les rangs des miliciens`, `25 cadavres de ses miliciens`).
fn victims_after(toks: &[Token], k: usize) -> Victims {
    for t in toks.iter().skip(k).take(6) {
        if t.kind != TokKind::Word {
            break;
        }
        if let Some(v) = people(&t.text) {
            return v;
        }
    }
    Victims::Unknown
}

/// A mixed figure (`12 blessés ou disparus`) counts no single category.
fn mixed(toks: &[Token], k: usize) -> bool {
    let mut p = k;
    if toks.get(p).is_some_and(|t| t.is("et")) && toks.get(p + 1).is_some_and(|t| t.text == "/") {
        p += 2;
    }
    toks.get(p).is_some_and(|t| t.is("ou")) && toks.get(p + 1).is_some_and(|t| t.is_any(&["disparus", "disparues", "morts", "blesses", "tues", "prisonniers"]))
}

/// Explicit zero tolls: `sans faire de victime`, `aucune victime`, `aucun blessé`.
fn zeros(toks: &[Token], out: &mut Vec<Toll>) {
    const PATTERNS: &[(&[&str], TollKind)] = &[
        (&["sans", "faire", "de", "victime"], TollKind::Killed),
        (&["sans", "faire", "de", "victimes"], TollKind::Killed),
        (&["pas", "fait", "de", "victime"], TollKind::Killed),
        (&["pas", "fait", "de", "victimes"], TollKind::Killed),
        (&["aucune", "victime"], TollKind::Killed),
        (&["aucun", "mort"], TollKind::Killed),
        (&["sans", "faire", "de", "blesses"], TollKind::Wounded),
        (&["aucun", "blesse"], TollKind::Wounded),
    ];
    for i in 0..toks.len() {
        // Every pattern opens with one of these: most tokens are ruled out at once.
        if !toks[i].is_any(&["sans", "pas", "aucune", "aucun"]) {
            continue;
        }
        for (pat, kind) in PATTERNS {
            if i + pat.len() <= toks.len() && pat.iter().enumerate().all(|(k, w)| toks[i + k].is(w)) {
                let (start, end) = (toks[i].start, toks[i + pat.len() - 1].end);
                out.push(Toll { kind: *kind, value: 0, approximate: false, start, end, victims: Victims::Unknown });
            }
        }
    }
}

pub fn find(doc: &Doc, start: usize, end: usize) -> Vec<Toll> {
    let toks = tokenize(doc, start, end);
    let mut out = Vec::new();
    zeros(&toks, &mut out);
    // (toll, token after it) of the tolls found so far, for `autres` and coordination.
    let mut prev: Option<(TollKind, Victims, usize)> = None;
    for f in figures(&toks) {
        if f.decimal {
            continue;
        }
        let subset = (f.first >= 1 && toks[f.first - 1].is("dont"))
            || (f.first >= 2 && toks[f.first - 2].is("parmi") && toks[f.first - 1].is_any(&["lesquels", "lesquelles", "eux", "elles"]));
        if subset {
            continue;
        }
        let np = noun_phrase(&toks, f.last);
        if f.weak && np.is_none_or(|(_, e)| e != f.last + 1) {
            continue;
        }
        if np.is_some_and(|(_, e)| mixed(&toks, e)) {
            continue;
        }
        let mut value = f.value;
        let span_end = np.map_or(f.last, |(_, e)| e);
        let kind = match np {
            Some((Noun::Toll(k), _)) => Some(k),
            Some((_, e)) => after(&toks, e)
                .or_else(|| {
                    let k = plus_named(&toks, f.first)?;
                    value = value.checked_add(1)?;
                    Some(k)
                })
                .or_else(|| before(&toks, f.first)),
            None => None,
        };
        let coordinated = || {
            let (k, _, e) = prev?;
            (np.is_some() && f.first >= 1 && e + 1 == f.first && toks[f.first - 1].is("et")).then_some(k)
        };
        let kind = match kind.or_else(coordinated) {
            Some(k) => k,
            None if bilan(&toks, &f) && np.is_none_or(|(n, _)| !matches!(n, Noun::Others)) => TollKind::Killed,
            None => continue,
        };
        let victims = match np {
            Some((Noun::People(v), _)) => v,
            Some((Noun::Others, _)) => prev.map_or(Victims::Unknown, |p| p.1),
            Some((Noun::Toll(_), e)) => victims_after(&toks, e),
            None => Victims::Unknown,
        };
        let (s, e) = (toks[f.first].start, toks[span_end - 1].end);
        out.push(Toll { kind, value, approximate: f.approximate, start: s, end: e, victims });
        prev = Some((kind, victims, span_end));
    }
    out.sort_by_key(|t| t.start);
    out
}
