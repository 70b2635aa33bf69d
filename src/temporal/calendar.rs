//! Calendar arithmetic for resolving relative expressions, all through the `time`
//! crate (no hand-written day counting), and ISO 8601 formatting of the results.
//! Every function returns `None` rather than panic at the edges of the calendar.

use time::{Date, Duration, Month, Weekday};

/// `YYYY-MM-DD`.
pub fn day(d: Date) -> String {
    super::iso(d)
}

/// `YYYY-MM`.
pub fn month(y: i32, m: Month) -> String {
    format!("{:04}-{:02}", y, m as u8)
}

/// `A/B` for an interval of days.
pub fn days(a: Date, b: Date) -> String {
    format!("{}/{}", day(a), day(b))
}

/// The most recent `wd` on or before `r` (`lundi` in an article of Friday).
pub fn on_or_before(r: Date, wd: Weekday) -> Option<Date> {
    let mut d = r;
    for _ in 0..7 {
        if d.weekday() == wd {
            return Some(d);
        }
        d = d.previous_day()?;
    }
    None
}

/// The most recent `wd` strictly before `r` (`jeudi dernier`).
pub fn strictly_before(r: Date, wd: Weekday) -> Option<Date> {
    on_or_before(r.previous_day()?, wd)
}

/// The first `wd` strictly after `r` (`mardi prochain`).
pub fn strictly_after(r: Date, wd: Weekday) -> Option<Date> {
    let mut d = r.next_day()?;
    for _ in 0..7 {
        if d.weekday() == wd {
            return Some(d);
        }
        d = d.next_day()?;
    }
    None
}

pub fn minus_days(r: Date, n: u64) -> Option<Date> {
    let n = i64::try_from(n).ok()?;
    r.checked_sub(Duration::days(n))
}

pub fn plus_days(r: Date, n: u64) -> Option<Date> {
    let n = i64::try_from(n).ok()?;
    r.checked_add(Duration::days(n))
}

/// `r` moved back `n` months, the day clamped to the target month's length.
pub fn minus_months(r: Date, n: u64) -> Option<Date> {
    let n = i32::try_from(n).ok()?;
    let idx = r.year().checked_mul(12)?.checked_add(r.month() as i32 - 1)?.checked_sub(n)?;
    let (y, m0) = (idx.div_euclid(12), idx.rem_euclid(12));
    let m = Month::try_from(u8::try_from(m0 + 1).ok()?).ok()?;
    let d = r.day().min(m.length(y));
    Date::from_calendar_date(y, m, d).ok()
}

/// The latest date with this month and day not after `r` (`le 2 août`).
pub fn latest_day_month(r: Date, m: Month, d: u8) -> Option<Date> {
    // Eight years back finds every 29 February.
    for back in 0..=8 {
        let y = r.year().checked_sub(back)?;
        if let Ok(x) = Date::from_calendar_date(y, m, d) {
            if x <= r {
                return Some(x);
            }
        }
    }
    None
}

/// The year of the latest such month not after `r` (`en septembre`).
pub fn latest_month_year(r: Date, m: Month) -> i32 {
    if (m as u8) <= (r.month() as u8) {
        r.year()
    } else {
        r.year() - 1
    }
}

/// Monday..Sunday of the week before the one containing `r`.
pub fn previous_week(r: Date) -> Option<(Date, Date)> {
    let monday = on_or_before(r, Weekday::Monday)?;
    Some((minus_days(monday, 7)?, monday.previous_day()?))
}

/// Monday..Sunday of the week containing `r`.
pub fn this_week(r: Date) -> Option<(Date, Date)> {
    let monday = on_or_before(r, Weekday::Monday)?;
    Some((monday, plus_days(monday, 6)?))
}

/// Monday..Sunday of the week after the one containing `r`.
pub fn next_week(r: Date) -> Option<(Date, Date)> {
    let monday = plus_days(on_or_before(r, Weekday::Monday)?, 7)?;
    Some((monday, plus_days(monday, 6)?))
}

/// Seasons as (first month, last month); winter runs December to February.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    pub fn from_word(w: &str) -> Option<Season> {
        Some(match w {
            "printemps" => Season::Spring,
            "ete" => Season::Summer,
            "automne" => Season::Autumn,
            "hiver" => Season::Winter,
            _ => return None,
        })
    }

    /// `YYYY-MM/YYYY-MM` of this season starting in year `y` (winter: Dec y to Feb y+1).
    pub fn value(self, y: i32) -> String {
        let (a, b, yb) = match self {
            Season::Spring => (Month::March, Month::May, y),
            Season::Summer => (Month::June, Month::August, y),
            Season::Autumn => (Month::September, Month::November, y),
            Season::Winter => (Month::December, Month::February, y + 1),
        };
        format!("{}/{}", month(y, a), month(yb, b))
    }

    /// Start year of the last such season wholly before `r` (`l'été dernier`).
    pub fn last_before(self, r: Date) -> i32 {
        let m = r.month() as u8;
        match self {
            Season::Spring => if m >= 6 { r.year() } else { r.year() - 1 },
            Season::Summer => if m >= 9 { r.year() } else { r.year() - 1 },
            Season::Autumn => if m >= 12 { r.year() } else { r.year() - 1 },
            Season::Winter => if m >= 3 { r.year() - 1 } else { r.year() - 2 },
        }
    }

    /// Start year of the season of the current year (`cet été`).
    pub fn current(self, r: Date) -> i32 {
        match self {
            Season::Winter if (r.month() as u8) <= 6 => r.year() - 1,
            _ => r.year(),
        }
    }
}
