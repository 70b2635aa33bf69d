//! Dates that name the day of the month: `le 2 août`, `le 1er décembre 2016`,
//! `le21 août 2013` (glued), `le dimanche 10 avril`, `du 2 au 5 août`, `la nuit du
//! 8 au 9 août`, `17/03/2022`, `2016-03-12`.
//!
//! A day and month without a year is the latest such date not after the reference
//! date (articles report the past); the weekday, when given, is not checked against
//! the day, as coders trust the number.

use super::calendar as cal;
use super::candidate::{number_continues, number_precedes, Sink};
use super::lexicon::{self, DAY, MONTH, WEEKDAY, YEAR};
use super::anchors::{Anchor, Reach};
use super::pattern::Pattern;
use std::sync::OnceLock;
use time::{Date, Month};

/// Every match holds: A month name, at most three words after the start (`ce lundi 1er août`).
const DAY_MONTH_AT: &[(Anchor, Reach)] = &[(Anchor::Month, Reach::Words(3))];

fn day_month_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(&format!(
            r"\b(?:(?:le|ce)\s*)?(?:(?:{WEEKDAY})\s+)?({DAY})\s*({MONTH})\b(?:\s+({YEAR})\b)?"
        ))
    })
}

/// Every match holds: The closing month, at most ten words after the start (`la nuit du lundi 2 mars 2016 au mardi 3 mars`).
const INTERVAL_AT: &[(Anchor, Reach)] = &[(Anchor::Month, Reach::Words(10))];

fn interval_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(&format!(
            r"\b(?:(?:la\s+)?nuit\s+)?du\s+(?:(?:{WEEKDAY})\s+)?({DAY})(?:\s*({MONTH}))?(?:\s+({YEAR}))?\s+au\s+(?:(?:{WEEKDAY})\s+)?({DAY})\s*({MONTH})\b(?:\s+({YEAR})\b)?"
        ))
    })
}

/// Every match holds: A year, at most two words after the start (`17/03/2022`).
const NUMERIC_AT: &[(Anchor, Reach)] = &[(Anchor::Century, Reach::Words(2))];

fn numeric_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(r"\b([0-3]?\d)([/.-])([01]?\d)([/.-])((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b")
    })
}

/// The day `d` of month `m`, in year `y` when given, else the latest one not after `r`.
pub fn resolve_day(y: Option<i32>, m: Month, d: u8, r: Option<Date>) -> Option<Date> {
    match y {
        Some(y) => Date::from_calendar_date(y, m, d).ok(),
        None => cal::latest_day_month(r?, m, d),
    }
}

pub fn recognise(sink: &mut Sink, r: Option<Date>) {
    sink.each(day_month_re(), DAY_MONTH_AT, |c, s| {
        let (d, m) = (c.get(1)?, c.get(2)?);
        if number_precedes(s, d.start()) {
            return None;
        }
        let day = lexicon::day(d.as_str())?;
        let month = lexicon::month(m.as_str())?;
        let (mut end, mut year) = (m.end(), None);
        if let Some(y) = c.get(3) {
            if !number_continues(s, y.end()) {
                end = y.end();
                year = lexicon::year(y.as_str());
            }
        }
        let value = resolve_day(year, month, day, r).map(cal::day);
        Some((c.get(0)?.start(), end, value))
    });
    sink.each(interval_re(), INTERVAL_AT, |c, s| {
        if number_continues(s, c.get(0)?.end()) {
            return None;
        }
        let d1 = lexicon::day(c.get(1)?.as_str())?;
        let d2 = lexicon::day(c.get(4)?.as_str())?;
        let m2 = lexicon::month(c.get(5)?.as_str())?;
        let m1 = match c.get(2) {
            Some(m) => lexicon::month(m.as_str())?,
            None => m2,
        };
        let y2 = c.get(6).and_then(|y| lexicon::year(y.as_str()));
        let y1 = c.get(3).and_then(|y| lexicon::year(y.as_str()));
        let value = (|| {
            let end = resolve_day(y2, m2, d2, r)?;
            let mut y = y1.unwrap_or(end.year());
            let mut start = Date::from_calendar_date(y, m1, d1).ok()?;
            if start > end && y1.is_none() {
                y -= 1;
                start = Date::from_calendar_date(y, m1, d1).ok()?;
            }
            (start <= end).then(|| cal::days(start, end))
        })();
        let m0 = c.get(0)?;
        Some((m0.start(), m0.end(), value))
    });
    sink.each(numeric_re(), NUMERIC_AT, |c, s| {
        let m0 = c.get(0)?;
        if number_precedes(s, m0.start()) || number_continues(s, m0.end()) {
            return None;
        }
        let (y, mo, d) = if let Some(d) = c.get(1) {
            if c.get(2)?.as_str() != c.get(4)?.as_str() {
                return None;
            }
            (c.get(5)?.as_str(), c.get(3)?.as_str(), d.as_str())
        } else {
            (c.get(6)?.as_str(), c.get(7)?.as_str(), c.get(8)?.as_str())
        };
        let month = Month::try_from(mo.parse::<u8>().ok()?).ok()?;
        let date = Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()?;
        Some((m0.start(), m0.end(), Some(cal::day(date))))
    });
}

/// This recogniser's patterns and their anchors, for the tests against the regex.
#[cfg(test)]
pub(super) fn patterns() -> Vec<(&'static Pattern, &'static [(Anchor, Reach)])> {
    vec![(day_month_re(), DAY_MONTH_AT), (interval_re(), INTERVAL_AT), (numeric_re(), NUMERIC_AT)]
}
