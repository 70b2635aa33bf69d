//! Month and weekday names, as regex fragments over folded text (lower case, no
//! accents) and as `time` values, so every recogniser spells them the same way.

use time::{Month, Weekday};

/// Weekday names (folded), one capture-free alternation.
pub const WEEKDAY: &str = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";

/// Month names (folded). `mai` and `mars` are ambiguous words: recognisers that use
/// this fragment must demand a day number, a year or a temporal preposition nearby.
pub const MONTH: &str = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre";

/// A day of the month: `1er`, `premier` or one or two digits.
pub const DAY: &str = r"1er|premier|[0-3]?\d";

/// A plausible year of news reporting (1900-2099).
pub const YEAR: &str = r"19\d\d|20\d\d";

/// Number words that can count days, weeks or months (`ces quatre derniers jours`).
pub const COUNT: &str = r"\d{1,3}|(?:(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|et)(?:[- ](?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|vingts|trente|quarante|cinquante|soixante|cent|et))*)";

pub fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "lundi" => Weekday::Monday,
        "mardi" => Weekday::Tuesday,
        "mercredi" => Weekday::Wednesday,
        "jeudi" => Weekday::Thursday,
        "vendredi" => Weekday::Friday,
        "samedi" => Weekday::Saturday,
        "dimanche" => Weekday::Sunday,
        _ => return None,
    })
}

pub fn month(w: &str) -> Option<Month> {
    Some(match w {
        "janvier" => Month::January,
        "fevrier" => Month::February,
        "mars" => Month::March,
        "avril" => Month::April,
        "mai" => Month::May,
        "juin" => Month::June,
        "juillet" => Month::July,
        "aout" => Month::August,
        "septembre" => Month::September,
        "octobre" => Month::October,
        "novembre" => Month::November,
        "decembre" => Month::December,
        _ => return None,
    })
}

/// `1er`, `premier` or digits, 1..=31.
pub fn day(w: &str) -> Option<u8> {
    let d: u8 = match w {
        "1er" | "premier" => 1,
        _ => w.parse().ok()?,
    };
    (1..=31).contains(&d).then_some(d)
}

/// A 4-digit year in range.
pub fn year(w: &str) -> Option<i32> {
    let y: i32 = w.parse().ok()?;
    (1900..=2099).contains(&y).then_some(y)
}

/// Digits or French number words (`quatre`, `vingt-quatre`).
pub fn count(w: &str) -> Option<u64> {
    if w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    crate::quantity::parse_number_words(w)
}
