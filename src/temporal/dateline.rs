//! The article's first-line dateline: `22-11-2024 07:57 AM Jerusalem Timing`,
//! `Publié le 12/03/2016 à 10h05`, `Mis à jour le lundi 5 décembre 2016`,
//! `date 2024-12`, `2016-03-12`, `12 mars 2016`.
//!
//! A dateline is a short line that *starts* with a date (after an optional
//! `Publié le` / `Mis à jour le` / `date`), so a title that merely mentions a date
//! is not taken for one. A month-only dateline gives a reference month but no day
//! to resolve relative dates against.

use super::lexicon::{self, MONTH, WEEKDAY};
use super::DatelineValue;
use super::pattern::Pattern;
use crate::text::fold_str;
use std::sync::OnceLock;
use time::{Date, Month};

const LEAD: &str = r"^\s*(?:(?:publie|mis a jour|mise a jour|modifie|date|le|updated|published)\s*(?:le\s+|:\s*)?)?(?:(?:le\s+)?(?:WD)\s+)?";

fn re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        let lead = LEAD.replace("WD", WEEKDAY);
        // Over folded (ASCII) text: ASCII classes, small automata.
        Pattern::new(&format!(
            r"(?-u){lead}(?:(\d{{1,2}})[-/.](\d{{1,2}})[-/.](\d{{4}})|(\d{{4}})-(\d{{1,2}})(?:-(\d{{1,2}}))?|(1er|\d{{1,2}})\s+({MONTH})\s+(\d{{4}}))(?:(?:\s+a|\s*,|\s*t)?\s*(\d{{1,2}})\s*[:h]\s*(\d{{2}})(?:\s*(am|pm)\b)?)?"
        ))
    })
}

fn hhmm(h: u32, m: u32, ampm: Option<&str>) -> Option<(u32, u32)> {
    let h = match ampm {
        Some("pm") if h < 12 => h + 12,
        Some("am") if h == 12 => 0,
        _ => h,
    };
    (h < 24 && m < 60).then_some((h, m))
}

/// Parse a dateline line; `None` when the line is not one.
pub fn parse_dateline(line: &str) -> Option<DatelineValue> {
    let f = fold_str(line.trim());
    if f.chars().count() > 90 {
        return None;
    }
    let c = re().captures_at_start(&f)?;
    // What follows the date must look like a tag (`Jerusalem Timing`, `| AFP`),
    // not the rest of a sentence (`Le 12 mars 2016, les rebelles ont...`).
    let rest = f[c.get(0)?.end()..].trim();
    if rest.starts_with(',') || rest.chars().count() > 40 || rest.split_whitespace().count() > 5 {
        return None;
    }
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = if let Some(d) = num(1) {
        (num(3)?, num(2)?, Some(d))
    } else if let Some(y) = num(4) {
        (y, num(5)?, num(6))
    } else {
        let d = lexicon::day(c.get(7)?.as_str())? as u32;
        (num(9)?, lexicon::month(c.get(8)?.as_str())? as u32, Some(d))
    };
    let year = i32::try_from(y).ok().filter(|y| (1900..=2100).contains(y))?;
    let month = Month::try_from(u8::try_from(m).ok()?).ok()?;
    let Some(d) = d else {
        let ym = format!("{year:04}-{m:02}");
        return Some(DatelineValue { datetime: ym.clone(), reference: ym, date: None });
    };
    let date = Date::from_calendar_date(year, month, u8::try_from(d).ok()?).ok()?;
    let day = super::iso(date);
    let datetime = match (num(10), num(11)) {
        (Some(h), Some(mi)) => match hhmm(h, mi, c.get(12).map(|m| m.as_str())) {
            Some((h, mi)) => format!("{day}T{h:02}:{mi:02}"),
            None => day.clone(),
        },
        _ => day.clone(),
    };
    Some(DatelineValue { datetime, reference: day, date: Some(date) })
}
