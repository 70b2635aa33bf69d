//! Candidate DATE mentions and how overlapping ones are settled.
//!
//! Each recogniser proposes spans independently (a weekday, a day-month date, a
//! night interval); the longest span wins where they overlap, so `le dimanche 10
//! avril` beats the bare weekday `dimanche` inside it without the weekday
//! recogniser needing to know about dates.

use crate::text::Doc;
use regex::{Captures, Regex};

/// Compile a pattern run over `doc.fold`, which is ASCII: `\b`, `\s`, `\d` in their
/// ASCII sense (`(?-u)`) give the same matches with far smaller automata than the
/// Unicode ones, whose reverse DFA was a tenth of the time of a long article.
pub fn fold_regex(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&format!("(?-u){pattern}"))
}

/// A proposed mention, in character indices of the `Doc`.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
}

/// Collects candidates from regex matches over `doc.fold`.
pub struct Sink<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub out: Vec<Candidate>,
}

impl<'d, 'a> Sink<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>) -> Self {
        Sink { doc, out: Vec::new() }
    }

    /// Run `re` over the folded text; `f` returns the byte span (in `fold`) and value
    /// of a mention, or `None` to reject the match.
    pub fn each<F>(&mut self, re: &Regex, mut f: F)
    where
        F: FnMut(&Captures, &str) -> Option<(usize, usize, Option<String>)>,
    {
        let fold = self.doc.fold.as_str();
        for caps in re.captures_iter(fold) {
            if let Some((s, e, v)) = f(&caps, fold) {
                if s < e && e <= fold.len() && fold.is_char_boundary(s) && fold.is_char_boundary(e) {
                    let (cs, ce) = (self.doc.char_of_fold(s), self.doc.char_of_fold(e));
                    self.out.push(Candidate { start: cs, end: ce, value: v });
                }
            }
        }
    }
}

/// Keep the longest of overlapping candidates (earliest first on ties), in text order.
pub fn settle(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| (b.end - b.start).cmp(&(a.end - a.start)).then(a.start.cmp(&b.start)));
    let mut kept: Vec<Candidate> = Vec::new();
    for c in cands {
        if kept.iter().all(|k| c.end <= k.start || c.start >= k.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

/// The character just before byte `i` of `s`, if any.
pub fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}


/// True when a number ending at byte `e` continues as a bigger number (`5.000`,
/// `3,5`, `12 000`) or a clock time (`8h30`), so it is no day or year.
pub fn number_continues(s: &str, e: usize) -> bool {
    let rest = match s.get(e..) {
        Some(r) => r,
        None => return false,
    };
    let mut it = rest.chars();
    match (it.next(), it.next()) {
        (Some(c), _) if c.is_ascii_digit() => true,
        (Some('.' | ','), Some(d)) if d.is_ascii_digit() => true,
        (Some('h'), Some(d)) if d.is_ascii_digit() => true,
        (Some(':'), Some(d)) if d.is_ascii_digit() => true,
        (Some(' '), Some(_)) => {
            let b = rest.as_bytes();
            b.len() >= 4 && b[1..4].iter().all(|c| c.is_ascii_digit()) && b.get(4).is_none_or(|c| !c.is_ascii_digit())
        }
        _ => false,
    }
}

/// True when a number starting at byte `s0` continues an earlier number.
pub fn number_precedes(s: &str, s0: usize) -> bool {
    match char_before(s, s0) {
        Some(c) if c.is_ascii_digit() => true,
        Some('.' | ',' | '/' | '-') => char_before(s, s0 - 1).is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}
