//! Days named relative to the reference date: weekdays (`jeudi`, `ce mardi matin`,
//! `jeudi dernier`, `mardi prochain`, `depuis jeudi`), deictic words (`hier`,
//! `avant-hier`, `aujourd'hui`, `Hier matin`, `tôt ce matin`, `la veille`,
//! `le lendemain`) and nights between weekdays (`la nuit de samedi à dimanche`).
//!
//! Rules from the spec: a bare weekday is the most recent such day on or before the
//! reference date; `dernier` is strictly before. `la veille` is the day before the
//! reference date, except `la veille de X`, anchored to X, and `le lendemain`,
//! always anchored to a narrated event: those are mentions without a value.

use super::calendar as cal;
use super::candidate::Sink;
use super::lexicon::{self, WEEKDAY};
use super::anchors::{Anchor, Reach};
use super::pattern::Pattern;
use std::sync::OnceLock;
use time::Date;

const PART: &str = r"matin|soir|apres-midi|midi|nuit";

/// Every match holds: The weekday, at most four words after the start (`depuis plus tôt ce jeudi`).
const WEEKDAY_AT: &[(Anchor, Reach)] = &[(Anchor::Weekday, Reach::Words(4))];

fn weekday_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(&format!(
            r"\b(?:(depuis)\s+)?(?:((?:plus\s+)?tot\s+)?(ce|cet)\s+)?({WEEKDAY})\b(?:\s+(dernier|passe|prochain)\b)?(?:\s+(?:{PART})\b)?(?:\s+(dernier|passe|prochain)\b)?"
        ))
    })
}

/// Every match holds: Its day word, at most four words after the start (`plus tôt cet après-midi`).
const DEICTIC_AT: &[(Anchor, Reach)] = &[(Anchor::Deictic, Reach::Words(4))];

fn deictic_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(&format!(
            r"\b(?:(?:plus\s+)?tot\s+)?(avant-hier|avant hier|apres-demain|aujourd'hui|hier|demain)\b(?:\s+(?:au\s+)?(?:{PART})\b)?|\b(?:(?:plus\s+)?tot\s+)?(?:ce matin|ce soir|cet apres-midi|cette apres-midi|cette nuit|ce midi)\b|\b(la nuit derniere)\b|\b(la veille)\b(?:\s+au\s+soir\b)?(\s+(?:de|du|des|d')\b)?|\b(le lendemain|le surlendemain)\b"
        ))
    })
}

/// Every match holds: `nuit`, at most one word after the start (`la nuit de`).
const NIGHT_AT: &[(Anchor, Reach)] = &[(Anchor::Deictic, Reach::Words(1))];

fn night_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(&format!(r"\b(?:la\s+)?nuit\s+(?:de|du)\s+({WEEKDAY})\s+(?:a|au)\s+({WEEKDAY})\b"))
    })
}

pub fn recognise(sink: &mut Sink, r: Option<Date>) {
    sink.each(weekday_re(), WEEKDAY_AT, |c, _| {
        let m0 = c.get(0)?;
        let wd = lexicon::weekday(c.get(4)?.as_str())?;
        let rel = c.get(5).or(c.get(6)).map(|m| m.as_str());
        let since = c.get(1).is_some() && rel.is_none();
        // `depuis jeudi dernier`: gold marks `jeudi dernier` only, a day.
        let start = match (c.get(1), rel) {
            (Some(d), None) => d.start(),
            _ => c.get(2).or(c.get(3)).or(c.get(4))?.start(),
        };
        let value = r.and_then(|r| {
            let d = match rel {
                Some("dernier") | Some("passe") => cal::strictly_before(r, wd)?,
                Some(_) => cal::strictly_after(r, wd)?,
                None => cal::on_or_before(r, wd)?,
            };
            Some(if since { cal::days(d, r) } else { cal::day(d) })
        });
        Some((start, m0.end(), value))
    });
    sink.each(deictic_re(), DEICTIC_AT, |c, _| {
        let m0 = c.get(0)?;
        let value = |back: i64| -> Option<String> {
            let r = r?;
            let d = if back >= 0 { cal::minus_days(r, back as u64)? } else { cal::plus_days(r, back.unsigned_abs())? };
            Some(cal::day(d))
        };
        if let Some(w) = c.get(1) {
            let v = match w.as_str() {
                "hier" => value(1),
                "avant-hier" | "avant hier" => value(2),
                "demain" => value(-1),
                "apres-demain" => value(-2),
                _ => value(0),
            };
            return Some((m0.start(), m0.end(), v));
        }
        if c.get(2).is_some() {
            let v = r.and_then(|r| Some(cal::days(r.previous_day()?, r)));
            return Some((m0.start(), m0.end(), v));
        }
        if let Some(v) = c.get(3) {
            // `la veille de l'attaque` is the day before the attack, not known here.
            return match c.get(4) {
                Some(_) => Some((v.start(), v.end(), None)),
                None => Some((m0.start(), m0.end(), value(1))),
            };
        }
        if c.get(5).is_some() {
            return Some((m0.start(), m0.end(), None));
        }
        Some((m0.start(), m0.end(), value(0)))
    });
    sink.each(night_re(), NIGHT_AT, |c, _| {
        let m0 = c.get(0)?;
        let w2 = lexicon::weekday(c.get(2)?.as_str())?;
        let value = r.and_then(|r| {
            let end = cal::on_or_before(r, w2)?;
            Some(cal::days(end.previous_day()?, end))
        });
        Some((m0.start(), m0.end(), value))
    });
}

/// This recogniser's patterns and their anchors, for the tests against the regex.
#[cfg(test)]
pub(super) fn patterns() -> Vec<(&'static Pattern, &'static [(Anchor, Reach)])> {
    vec![(weekday_re(), WEEKDAY_AT), (deictic_re(), DEICTIC_AT), (night_re(), NIGHT_AT)]
}
