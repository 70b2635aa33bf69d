//! Stretches of time counted back from the reference date, and vague periods.
//!
//! `ces quatre derniers jours` runs from the reference date minus four days to the
//! reference date, `ces 24 dernières heures` likewise with one day, `ces deux
//! dernières semaines` fourteen days. `la semaine passée` is the previous
//! Monday–Sunday week. `ces derniers jours`, `les prochains jours`, `il y a une
//! semaine`, `cinq mois plus tard` place something in time without a day: they are
//! mentions with no value. The gold's own typo `ces deux deniers jours` is accepted.

use super::calendar as cal;
use super::candidate::Sink;
use super::lexicon::{self, COUNT};
use super::anchors::{Anchor, Reach};
use super::pattern::Pattern;
use std::sync::OnceLock;
use time::Date;

const LAST: &str = r"(?:dern|den)i?(?:ier|iere)s?";
const UNIT: &str = r"jours?|heures?|semaines?|mois|annees?|ans?";

/// Every match holds: `dernier` (or `denier`) after a count in words of any length
/// (`ces vingt-quatre dernières heures`).
const LAST_N_AT: &[(Anchor, Reach)] = &[(Anchor::Last, Reach::Clause)];

fn last_n_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(&format!(
            r"\b(?:(ces|les)\s+|des\s+)(?:({COUNT})\s+{LAST}|{LAST}\s+({COUNT}))\s+({UNIT})\b"
        ))
    })
}

/// Every match holds: `derniers` or `prochains` a word after the start (`ces derniers
/// jours`), `venir` three words after it (`les jours à venir`), `il y a` first, or
/// `tard` after a count in words of any length (`vingt et un jours plus tard`).
const VAGUE_AT: &[(Anchor, Reach)] =
    &[(Anchor::Last, Reach::Words(1)), (Anchor::Next, Reach::Words(3)), (Anchor::Ago, Reach::Words(0)), (Anchor::Later, Reach::Clause)];

fn vague_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(&format!(
            r"\b(?:ces|les)\s+(?:{LAST}|prochain(?:e)?s)\s+(?:jours|heures|semaines|mois|annees)\b|\bles\s+(?:jours|heures|semaines|mois)\s+(?:a venir|prochains|prochaines)\b|\bil y a\s+(?:({COUNT})|quelques|plusieurs)\s+({UNIT})\b|\b(?:{COUNT}|quelques|plusieurs)\s+(?:{UNIT})\s+plus\s+tard\b"
        ))
    })
}

/// Every match holds: The period's word, at most one word after the start (`cette semaine`, `l'an`).
const NAMED_AT: &[(Anchor, Reach)] = &[(Anchor::Period, Reach::Words(1))];

fn named_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(
            r"\b(?:la\s+semaine\s+(passee|derniere|prochaine)|(cette\s+semaine)|le\s+week-end\s+(dernier|passe)|le\s+mois\s+(dernier|passe|prochain)|(ce\s+mois(?:-ci)?)|l'(?:an|annee)\s+(dernier|derniere|passe|passee|prochain|prochaine)|(cette\s+annee))\b",
        )
    })
}

/// `r` minus `n` of `unit` (folded, singular or plural).
fn back(r: Date, n: u64, unit: &str) -> Option<Date> {
    match unit.trim_end_matches('s') {
        "jour" => cal::minus_days(r, n),
        "heure" => cal::minus_days(r, n.checked_add(23)? / 24),
        "semaine" => cal::minus_days(r, n.checked_mul(7)?),
        "moi" | "mois" => cal::minus_months(r, n),
        "an" | "annee" => cal::minus_months(r, n.checked_mul(12)?),
        _ => None,
    }
}

pub fn recognise(sink: &mut Sink, r: Option<Date>) {
    sink.each(last_n_re(), LAST_N_AT, |c, _| {
        let m0 = c.get(0)?;
        let count = c.get(2).or(c.get(3))?;
        let n = lexicon::count(count.as_str())?;
        if n == 0 {
            return None;
        }
        // `des 24 dernières heures`: the article is part of `au cours des`.
        let start = match c.get(1) {
            Some(a) => a.start(),
            None => count.start().min(m0.start() + 4),
        };
        let value = r.and_then(|r| Some(cal::days(back(r, n, c.get(4)?.as_str())?, r)));
        Some((start, m0.end(), value))
    });
    sink.each(vague_re(), VAGUE_AT, |c, _| {
        let m0 = c.get(0)?;
        // `il y a deux jours` is an exact day; weeks, months, years are round figures.
        if let (Some(n), Some(u)) = (c.get(1), c.get(2)) {
            if u.as_str().starts_with("jour") {
                let n = lexicon::count(n.as_str())?;
                let v = r.and_then(|r| cal::minus_days(r, n)).map(cal::day);
                return Some((m0.start(), m0.end(), v));
            }
        }
        Some((m0.start(), m0.end(), None))
    });
    sink.each(named_re(), NAMED_AT, |c, _| {
        let m0 = c.get(0)?;
        let Some(r) = r else { return Some((m0.start(), m0.end(), None)) };
        let v = if let Some(w) = c.get(1) {
            let (a, b) = if w.as_str() == "prochaine" { cal::next_week(r)? } else { cal::previous_week(r)? };
            cal::days(a, b)
        } else if c.get(2).is_some() {
            let (a, b) = cal::this_week(r)?;
            cal::days(a, b)
        } else if c.get(3).is_some() {
            let sun = cal::strictly_before(r, time::Weekday::Sunday)?;
            cal::days(sun.previous_day()?, sun)
        } else if let Some(w) = c.get(4) {
            let d = if w.as_str() == "prochain" { cal::minus_months(r, 0)?.replace_day(1).ok()?.checked_add(time::Duration::days(31))? } else { cal::minus_months(r, 1)? };
            cal::month(d.year(), d.month())
        } else if c.get(5).is_some() {
            cal::month(r.year(), r.month())
        } else if let Some(w) = c.get(6) {
            let y = if w.as_str().starts_with("proch") { r.year() + 1 } else { r.year() - 1 };
            y.to_string()
        } else {
            r.year().to_string()
        };
        Some((m0.start(), m0.end(), Some(v)))
    });
}

/// This recogniser's patterns and their anchors, for the tests against the regex.
#[cfg(test)]
pub(super) fn patterns() -> Vec<(&'static Pattern, &'static [(Anchor, Reach)])> {
    vec![(last_n_re(), LAST_N_AT), (vague_re(), VAGUE_AT), (named_re(), NAMED_AT)]
}
