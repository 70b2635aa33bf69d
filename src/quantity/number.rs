//! Figures in running text: digits and words, with their approximations.
//!
//! ACLED's conventions for vague amounts (from the spec): `plusieurs` / `quelques`
//! → 3, `une dizaine` → 10, `des dizaines` / `plusieurs dizaines` → 12, `une
//! centaine` / `des centaines` → 100, `des milliers` → 1000, all approximate; so are
//! `plus de 40`, `près de 3000`, `au moins 9`, `quelques 25` (the figure itself).
//! `entre 10 et 15` and `10 à 15` keep the lowest figure. `de nombreux` is no number.

use super::tokens::{TokKind, Token};
use super::words::WordNumber;

/// A figure found in a token stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Token range `[first, last)` covering the approximation and the figure.
    pub first: usize,
    pub last: usize,
    pub value: u64,
    pub approximate: bool,
    /// A lone `un` / `une`: a number only when a victim noun follows at once.
    pub weak: bool,
    /// A decimal without a multiplier (`3,5`): not a head count.
    pub decimal: bool,
}

/// Words in -aine: approximate multiples (`une quinzaine` = 15, `deux centaines` = 200).
fn aine(w: &str) -> Option<u64> {
    Some(match w {
        "huitaine" => 8,
        "dizaine" => 10,
        "douzaine" => 12,
        "quinzaine" => 15,
        "vingtaine" => 20,
        "trentaine" => 30,
        "quarantaine" => 40,
        "cinquantaine" => 50,
        "soixantaine" => 60,
        "centaine" => 100,
        "millier" => 1000,
        _ => return None,
    })
}

/// ACLED values of plural vague amounts (`des dizaines`).
fn vague_plural(w: &str) -> Option<u64> {
    Some(match w {
        "dizaines" => 12,
        "centaines" => 100,
        "milliers" => 1000,
        _ => return None,
    })
}

fn multiplier(w: &str) -> Option<u64> {
    Some(match w {
        "mille" => 1_000,
        "million" | "millions" => 1_000_000,
        "milliard" | "milliards" => 1_000_000_000,
        _ => return None,
    })
}

/// The approximation words ending just before token `i`, as (first token, len).
fn approximation(toks: &[Token], i: usize) -> Option<usize> {
    const PATTERNS: &[&[&str]] = &[
        &["pas", "moins", "de"],
        &["pas", "moins", "d'"],
        &["plus", "de"],
        &["plus", "d'"],
        &["au", "moins"],
        &["pres", "de"],
        &["pres", "d'"],
        &["environ"],
        &["quelque"],
        &["quelques"],
        &["autour", "de"],
        &["autour", "d'"],
        &["moins", "de"],
        &["moins", "d'"],
        &["jusqu'"],
        &["entre"],
    ];
    for p in PATTERNS {
        if i >= p.len() && p.iter().enumerate().all(|(k, w)| toks[i - p.len() + k].is(w)) {
            return Some(i - p.len());
        }
    }
    None
}

/// The bare figure starting at token `i`: (value, tokens used, approximate, weak, decimal).
fn core(toks: &[Token], i: usize) -> Option<(u64, usize, bool, bool, bool)> {
    let t = toks.get(i)?;
    let next = toks.get(i + 1);
    match t.kind {
        TokKind::Num => {
            let int = t.int?;
            if let Some(m) = next.and_then(|n| if n.kind == TokKind::Word { multiplier(&n.text) } else { None }) {
                let frac: f64 = match &t.frac_digits {
                    Some(f) => format!("0.{f}").parse().ok()?,
                    None => 0.0,
                };
                let v = (int as f64 + frac) * m as f64;
                return (v.is_finite() && v < 1e18).then_some((v as u64, 2, false, false, false));
            }
            Some((int, 1, false, false, t.frac_digits.is_some()))
        }
        TokKind::Word => {
            let w = t.text;
            // Every figure in words opens with a number word or one of these: most
            // words are ruled out here, before any pattern is tried.
            let opens = matches!(w, "des" | "plusieurs" | "quelques" | "dizaines" | "centaines" | "milliers")
                || w.split('-').next().is_some_and(crate::quantity::is_number_word);
            if !opens {
                return None;
            }
            // une dizaine, deux centaines, un millier
            if let Some(n) = next.filter(|n| n.kind == TokKind::Word) {
                let base = aine(&n.text).or_else(|| aine(n.text.trim_end_matches('s')));
                if let Some(base) = base {
                    if matches!(w, "des" | "plusieurs" | "quelques") {
                        if let Some(v) = vague_plural(&n.text) {
                            return Some((v, 2, true, false, false));
                        }
                    }
                    let k = match w {
                        "un" | "une" => Some(1),
                        _ => crate::quantity::parse_number_words(w),
                    };
                    if let Some(k) = k {
                        return Some((k.checked_mul(base)?, 2, true, false, false));
                    }
                }
            }
            if let Some(v) = vague_plural(w) {
                return Some((v, 1, true, false, false));
            }
            if matches!(w, "plusieurs" | "quelques") {
                return Some((3, 1, true, false, false));
            }
            words(toks, i)
        }
        TokKind::Punct => None,
    }
}

/// A number in words from token `i` (`vingt-cinq`, `soixante et onze`).
fn words(toks: &[Token], i: usize) -> Option<(u64, usize, bool, bool, bool)> {
    // Most words are no number: say so before building anything.
    if !toks[i].text.split('-').next().is_some_and(crate::quantity::is_number_word) {
        return None;
    }
    let mut n = WordNumber::default();
    let mut used = 0;
    let mut before_et: Option<(WordNumber, usize)> = None;
    for t in &toks[i..] {
        if t.kind != TokKind::Word {
            break;
        }
        let mut trial = n.clone();
        if !t.text.split('-').all(|p| !p.is_empty() && trial.push(p)) {
            break;
        }
        if t.text == "et" {
            before_et = Some((n.clone(), used));
        } else {
            before_et = None;
        }
        n = trial;
        used += 1;
    }
    if let Some((b, u)) = before_et {
        n = b;
        used = u;
    }
    let v = n.value()?;
    let weak = used == 1 && matches!(toks[i].text, "un" | "une");
    Some((v, used, false, weak, false))
}

/// Every figure in the tokens, left to right, not overlapping.
pub fn figures(toks: &[Token]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((value, used, mut approximate, weak, decimal)) = core(toks, i) else {
            i += 1;
            continue;
        };
        let mut first = i;
        let mut last = i + used;
        // `quelques 25`: `quelques` was read as 3; the figure after it wins.
        if toks[i].is("quelques") && used == 1 {
            if let Some((v2, u2, _, false, d2)) = core(toks, i + 1) {
                if !toks[i + 1].is_any(&["un", "une"]) {
                    out.push(Figure { first: i, last: i + 1 + u2, value: v2, approximate: true, weak: false, decimal: d2 });
                    i += 1 + u2;
                    continue;
                }
            }
        }
        if let Some(a) = approximation(toks, i) {
            if !(toks[a].is_any(&["quelque", "quelques"]) && out.last().is_some_and(|f: &Figure| f.last > a)) {
                first = a;
                approximate = true;
            }
        }
        // Ranges keep the lowest figure: `entre 10 et 15`, `10 à 15`.
        if let Some(sep) = toks.get(last) {
            // `le bilan est passé de 5 à 12`: an update, not a range.
            let update = first >= 2
                && toks[first - 1].is_any(&["de", "d'"])
                && toks[first - 2].is_any(&["passe", "passant", "grimpe", "monte", "augmente", "alourdi"]);
            if !update && sep.is_any(&["et", "a"]) && (sep.is("a") || toks[first].is("entre")) {
                if let Some((_, u2, _, false, _)) = core(toks, last + 1) {
                    last += 1 + u2;
                    approximate = true;
                }
            }
        }
        if out.last().is_some_and(|f: &Figure| f.last > first) {
            first = i;
        }
        out.push(Figure { first, last, value, approximate, weak, decimal });
        i = last;
    }
    out
}
