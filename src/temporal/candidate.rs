//! Candidate DATE mentions and how overlapping ones are settled.
//!
//! Each recogniser proposes spans independently (a weekday, a day-month date, a
//! night interval); the longest span wins where they overlap, so `le dimanche 10
//! avril` beats the bare weekday `dimanche` inside it without the weekday
//! recogniser needing to know about dates.

use super::anchors::{previous_word, Anchor, Anchors, Reach};
use super::pattern::{Caps, Pattern};
use crate::text::Doc;

/// A proposed mention, in character indices of the `Doc`.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
}

/// Collects candidates from pattern matches over `doc.fold`.
pub struct Sink<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub out: Vec<Candidate>,
    anchors: Anchors,
}

impl<'d, 'a> Sink<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>) -> Self {
        Sink { doc, out: Vec::new(), anchors: Anchors::find(&doc.fold) }
    }

    /// Every match of `p` over the folded text; `f` returns the byte span (in
    /// `fold`) and value of a mention, or `None` to reject the match.
    pub fn each<F>(&mut self, p: &Pattern, anchors: &[(Anchor, Reach)], mut f: F)
    where
        F: FnMut(&Caps, &str) -> Option<(usize, usize, Option<String>)>,
    {
        let fold = self.doc.fold.as_str();
        for c in &self.matches(p, anchors) {
            if let Some((s, e, v)) = f(c, fold) {
                if s < e && e <= fold.len() && fold.is_char_boundary(s) && fold.is_char_boundary(e) {
                    let (cs, ce) = (self.doc.char_of_fold(s), self.doc.char_of_fold(e));
                    self.out.push(Candidate { start: cs, end: ce, value: v });
                }
            }
        }
    }

    /// The matches of `p` over the folded text, as `Regex::captures_iter` gives them
    /// (leftmost first, each search resuming where the last match ended), given that
    /// every match holds one of the `anchors` within its reach.
    fn matches(&self, p: &Pattern, anchors: &[(Anchor, Reach)]) -> Vec<Caps<'d>> {
        debug_assert!(p.starts_at_words(), "{} must open with \\b and a word byte", p.source());
        let fold: &'d str = self.doc.fold.as_str();
        let bytes = fold.as_bytes();
        // Word starts to try: a pattern opening with `\b` and a letter or digit
        // can only match at one.
        let mut tries: Vec<u32> = Vec::new();
        for &(kind, reach) in anchors {
            // Walks stop at the previous anchor's word: the walk from it went on
            // from there, so each stretch of text is walked once.
            let mut floor = None;
            for &a in self.anchors.of(kind) {
                let mut w = a as usize;
                let walk = tries.len();
                tries.push(a);
                let mut more = match reach {
                    Reach::Words(n) => n,
                    Reach::Clause => usize::MAX,
                };
                while more > 0 {
                    let Some(before) = previous_word(bytes, w) else { break };
                    if floor.is_some_and(|f| before <= f) {
                        break;
                    }
                    if matches!(reach, Reach::Clause) && !bytes[before..w].iter().all(|&b| p.reads(b)) {
                        break;
                    }
                    w = before;
                    tries.push(w as u32);
                    more -= 1;
                }
                floor = Some(a as usize);
                tries[walk..].reverse();
            }
        }
        // Each kind's words came in order: a stable sort merges those runs cheaply.
        tries.sort();
        tries.dedup();
        let mut resume = 0;
        let mut found = Vec::new();
        for at in tries {
            let at = at as usize;
            if at < resume || !p.may_start_with(bytes[at]) {
                continue;
            }
            match p.match_at(fold, at) {
                Ok(Some(c)) => {
                    resume = c.get(0).map_or(at + 1, |m| m.end());
                    found.push(c);
                }
                // No match, or backtracking ran long (hostile input): none here.
                Ok(None) | Err(_) => {}
            }
        }
        found
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every recogniser's pattern with its anchors.
    fn all() -> Vec<(&'static Pattern, &'static [(Anchor, Reach)])> {
        [super::super::absolute::patterns(), super::super::relative::patterns(), super::super::months::patterns(), super::super::periods::patterns()].concat()
    }

    type Groups = Vec<Vec<Option<(usize, usize)>>>;

    /// The matches of every pattern, found here and by `regex` (the specification).
    fn both(text: &str) -> Vec<(String, Groups, Groups)> {
        let doc = Doc::new(text);
        let sink = Sink::new(&doc);
        all()
            .into_iter()
            .map(|(p, anchors)| {
                let here = sink.matches(p, anchors).iter().map(|c| (0..10).map(|i| c.get(i).map(|g| (g.start(), g.end()))).collect()).collect();
                let re = regex::Regex::new(p.source()).unwrap();
                let spec = re.captures_iter(&doc.fold).map(|c| (0..10).map(|i| c.get(i).map(|g| (g.start(), g.end()))).collect()).collect();
                (p.source().to_string(), here, spec)
            })
            .collect()
    }

    fn check(text: &str) {
        for (source, here, spec) in both(text) {
            assert_eq!(here, spec, "{source}\non {text:?}");
        }
    }

    #[test]
    fn longest_reaches_and_glued_words() {
        for t in [
            "ce lundi 1er août, le lundi premier mars 2016 et le21 août 2013, 21août",
            "la nuit du lundi 2 mars 2016 au mardi 3 avril 2016. du 2 au 5 août",
            "depuis plus tôt ce jeudi dernier matin; plus tôt cet après-midi, avant hier soir, le surlendemain",
            "la veille au soir de l'attaque, la nuit de samedi à dimanche, aujourd'hui au matin",
            "17/03/2022 et 2016-03-12, 1.2.2019, 5.000 en 2011, de 2011 à 2013, entre 2011 et 2013, fin2016, mi - 2016",
            "au mois de mars, du mois d'août, jusqu'en mai 2016, la mi-août, début d'août 2014, mars-avril 2012",
            "l'été dernier, cet hiver, le printemps 2016, il a été",
            "ces vingt-quatre dernières heures, des 24 dernières heures, ces deux deniers jours, les jours à venir",
            "il y a quelques semaines, vingt et un jours plus tard, cinq mois plus tard, les prochains jours",
            "la semaine passée, cette semaine, le week-end dernier, le mois prochain, ce mois-ci, l'année dernière, cette année",
        ] {
            check(t);
        }
    }

    #[test]
    fn hostile_input_stays_linear_and_finds_the_rest() {
        check(&format!("fin{}2016 et en 2017", " ".repeat(3000)));
        check(&"tard ".repeat(2000));
        // 3,000 number words before `jours plus tard`: backtracking runs out of
        // budget where the regex reads them all as one number; the date is found,
        // starting later (no date starts at a position whose attempt ran out).
        let text = format!("{}jours plus tard", "un ".repeat(3000));
        let doc = Doc::new(&text);
        let dates = crate::temporal::find_dates(&doc, None);
        assert!(dates.last().is_some_and(|d| d.end == doc.len() && d.start > 0), "{:?}", dates.last());
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "lundi", "dimanche", "mars", "mai", "août", "décembre", "1er", "premier", "2", "12", "31", "03", "2016", "1999", "19", "20",
            "le", "la", "ce", "cet", "cette", "ces", "les", "des", "du", "au", "a", "à", "de", "d'", "l'", "en", "jusqu'en", "entre", "et",
            "nuit", "depuis", "plus", "tôt", "hier", "avant", "demain", "après", "aujourd'hui", "matin", "soir", "midi", "veille",
            "lendemain", "surlendemain", "dernier", "dernières", "deniers", "passé", "prochain", "prochaines", "venir", "semaine",
            "week-end", "mois", "an", "année", "été", "hiver", "printemps", "mi", "début", "fin", "courant", "il y a", "quelques",
            "jours", "heures", "ans", "tard", "deux", "vingt", "un", "une", "quatre", "x", "Alep",
        ])
    }

    fn glue() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![" ", " ", " ", " ", "  ", "", "-", " - ", "/", ".", ", ", "\n", "'"])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_matches_as_the_regex(words in prop::collection::vec((piece(), glue()), 0..16)) {
            let text: String = words.iter().flat_map(|(w, g)| [*w, *g]).collect();
            check(&text);
        }
    }
}
