//! Months, years and seasons: `en septembre`, `fin août`, `la mi-septembre`,
//! `Début août`, `janvier 2014`, `mars-avril 2012`, `début 2016`, `en 2011`,
//! `de 2011 à 2013`, `l'été dernier`, `cet été`, `l'été 2016`.
//!
//! Month names are ordinary words too (`mars`, `mai`), so a month alone counts only
//! after a temporal preposition (`en`, `depuis`, `dès`, `au mois de`) or a part of
//! the month (`début`, `fin`, `mi-`), and `mai` only next to a day or a year.
//! Years stand alone only after such a word, never as any 4-digit number
//! (`Projet de logements 1070`, `5.000`). Prepositions stay out of the span, as in
//! the gold (`septembre` in `en septembre`); parts of the month stay in it.

use super::calendar::{self as cal, Season};
use super::candidate::{number_continues, number_precedes, Sink};
use super::lexicon::{self, MONTH, YEAR};
use super::anchors::{Anchor, Reach};
use super::pattern::Pattern;
use std::sync::OnceLock;
use time::Date;

const PART: &str = r"(?:la\s+)?mi\s*-\s*|(?:debut|fin|courant)\s+(?:d'|de\s+)?";

/// Every match holds: A month name, first (`mars-avril 2012`).
const RANGE_AT: &[(Anchor, Reach)] = &[(Anchor::Month, Reach::Words(0))];

fn range_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| Pattern::new(&format!(r"\b({MONTH})\s*-\s*({MONTH})\s+({YEAR})\b")))
}

/// Every match holds: A month name, at most two words after the start (`la mi-août`, `début d'août`).
const MONTH_YEAR_AT: &[(Anchor, Reach)] = &[(Anchor::Month, Reach::Words(2))];

fn month_year_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| Pattern::new(&format!(r"\b(?:{PART})?({MONTH})\s+({YEAR})\b")))
}

/// Every match holds: A month name, at most three words after the start (`au mois de mars`).
const MONTH_AT: &[(Anchor, Reach)] = &[(Anchor::Month, Reach::Words(3))];

fn month_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(&format!(
            r"\b(?:(?:en|depuis|des|jusqu'en|(?:au|le|du)\s+mois\s+(?:de\s+|d'))\s*|({PART}))?({MONTH})\b(?:\s+(dernier|passe|prochain)\b)?"
        ))
    })
}

/// Every match holds: A year, at most three words after the start (`de 2011 à 2013`, `jusqu'en 2016`).
const YEAR_AT: &[(Anchor, Reach)] = &[(Anchor::Century, Reach::Words(3))];

fn year_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(&format!(
            r"\b(?:(?:en|depuis|des|jusqu'en|avant|apres|courant|l'an|l'annee|annee|printemps|ete|automne|hiver)\s+|((?:debut|fin|mi)\s*-?\s*))({YEAR})\b|\b(?:de|entre)\s+({YEAR})\s+(?:a|et)\s+({YEAR})\b"
        ))
    })
}

/// Every match holds: The season, at most one word after the start (`l'été`, `cet hiver`).
const SEASON_AT: &[(Anchor, Reach)] = &[(Anchor::Season, Reach::Words(1))];

fn season_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(&format!(
            r"\b(l'|le\s+|cet\s+|ce\s+)?(ete|hiver|printemps|automne)\b(?:\s+(dernier|passe|prochain)\b|\s+({YEAR})\b)?"
        ))
    })
}

pub fn recognise(sink: &mut Sink, r: Option<Date>) {
    sink.each(range_re(), RANGE_AT, |c, s| {
        let m0 = c.get(0)?;
        if number_continues(s, m0.end()) {
            return None;
        }
        let (a, b) = (lexicon::month(c.get(1)?.as_str())?, lexicon::month(c.get(2)?.as_str())?);
        let y = lexicon::year(c.get(3)?.as_str())?;
        let ya = if (a as u8) > (b as u8) { y - 1 } else { y };
        Some((m0.start(), m0.end(), Some(format!("{}/{}", cal::month(ya, a), cal::month(y, b)))))
    });
    sink.each(month_year_re(), MONTH_YEAR_AT, |c, s| {
        let m0 = c.get(0)?;
        if number_continues(s, m0.end()) {
            return None;
        }
        let m = lexicon::month(c.get(1)?.as_str())?;
        let y = lexicon::year(c.get(2)?.as_str())?;
        Some((m0.start(), m0.end(), Some(cal::month(y, m))))
    });
    sink.each(month_re(), MONTH_AT, |c, _| {
        let m0 = c.get(0)?;
        let name = c.get(2)?;
        let rel = c.get(3).map(|m| m.as_str());
        // Without a preposition, a part or `dernier`, a month name is just a word.
        if m0.start() == name.start() && c.get(1).is_none() && rel.is_none() {
            return None;
        }
        if name.as_str() == "mai" {
            return None;
        }
        let m = lexicon::month(name.as_str())?;
        let start = c.get(1).unwrap_or(name).start();
        let value = r.map(|r| {
            let y = match rel {
                Some("dernier") | Some("passe") if m == r.month() => r.year() - 1,
                Some("prochain") => {
                    if (m as u8) > (r.month() as u8) { r.year() } else { r.year() + 1 }
                }
                _ => cal::latest_month_year(r, m),
            };
            cal::month(y, m)
        });
        Some((start, m0.end(), value))
    });
    sink.each(year_re(), YEAR_AT, |c, s| {
        let m0 = c.get(0)?;
        if let Some(y) = c.get(2) {
            if number_continues(s, y.end()) {
                return None;
            }
            let v = lexicon::year(y.as_str())?;
            let start = c.get(1).unwrap_or(y).start();
            return Some((start, y.end(), Some(v.to_string())));
        }
        let (a, b) = (c.get(3)?, c.get(4)?);
        if number_continues(s, b.end()) || number_precedes(s, a.start()) {
            return None;
        }
        let (ya, yb) = (lexicon::year(a.as_str())?, lexicon::year(b.as_str())?);
        (ya < yb).then(|| (m0.start(), m0.end(), Some(format!("{ya}/{yb}"))))
    });
    sink.each(season_re(), SEASON_AT, |c, s| {
        let m0 = c.get(0)?;
        let det = c.get(1).map(|m| m.as_str().trim());
        let season = Season::from_word(c.get(2)?.as_str())?;
        let rel = c.get(3).map(|m| m.as_str());
        if let Some(y) = c.get(4) {
            if number_continues(s, y.end()) {
                return None;
            }
            let y = lexicon::year(y.as_str())?;
            return Some((m0.start(), m0.end(), Some(season.value(y))));
        }
        let value = match (det, rel) {
            (_, Some("dernier") | Some("passe")) => r.map(|r| season.value(season.last_before(r))),
            (_, Some(_)) => r.map(|r| season.value(season.last_before(r) + 1)),
            (Some("cet") | Some("ce"), None) => r.map(|r| season.value(season.current(r))),
            _ => return None,
        };
        Some((m0.start(), m0.end(), value))
    });
}

/// This recogniser's patterns and their anchors, for the tests against the regex.
#[cfg(test)]
pub(super) fn patterns() -> Vec<(&'static Pattern, &'static [(Anchor, Reach)])> {
    vec![(range_re(), RANGE_AT), (month_year_re(), MONTH_YEAR_AT), (month_re(), MONTH_AT), (year_re(), YEAR_AT), (season_re(), SEASON_AT)]
}
