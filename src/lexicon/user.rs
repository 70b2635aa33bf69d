//! The user's own lexicon: actors, places, people an analyst adds (in the page, or with
//! `depeche analyze --lexicon FILE`), applied on top of the built-in files.
//!
//! One TSV file of mixed types, one name a row, tab-separated:
//!
//! ```text
//! name <TAB> type <TAB> canonical <TAB> aliases <TAB> attributes
//! Tell Rifaat → LOCATION → Tal Rifaat → Tal Refaat|Tell Refaat → lat=36.47; lon=37.09; admin1=Aleppo
//! Sultan Mourad → ARMED_GROUP → Sultan Murad Division → → inter=rebel
//! ```
//! (→ stands for a tab.)
//!
//! Only `name` and `type` are required. The name and every alias are matched as
//! written (whole words, blind to case and accents, like the built-in lexicons);
//! nothing is a pattern, so a row that looks like a regular expression is refused
//! rather than silently matching nothing. Every bad row is reported with its line;
//! the lexicon is then not applied at all, and the built-in lexicons keep working.
//! Where a user name and a built-in one cover the same words, the user's wins.

use super::{Alias, Entry, Kind};
use crate::model::EntityType;
use std::borrow::Cow;
use std::collections::HashMap;

/// Rows beyond this are refused: the automaton would take seconds to build in a tab.
pub const MAX_ENTRIES: usize = 200_000;
/// A name or alias longer than this is not a name.
const MAX_NAME_CHARS: usize = 200;
/// At most this many bad rows are listed in one error.
const MAX_REPORTED: usize = 20;
/// Characters that only make sense in a pattern; `|` separates aliases, and an
/// alias may start with `=` (exact case) or end with `*` (any ending) as in `data/`.
const PATTERN_CHARS: &[char] = &['\\', '^', '$', '[', ']', '{', '}', '(', ')', '+', '?', '|', '*', '<', '>'];
/// ACLED actor types accepted in `inter=`.
const INTER: &[&str] = &["state", "rebel", "militia", "identity", "external", "civilians", "protesters", "rioters"];

/// The column layout, for error messages and the page's help.
pub const COLUMNS: &str = "name, type, canonical, aliases, attributes";

/// Parse a user lexicon. `origin` names it in errors and in each entity's `rule`
/// (`lexicon:user.tsv`). Errors: one line per bad row, `origin, line N: why`.
pub fn parse(origin: &str, source: &str) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    let mut errors: Vec<String> = Vec::new();
    let mut bad_rows = 0usize;
    // folded name → (line, type): a name given twice with two types is a mistake.
    let mut seen: HashMap<String, (usize, EntityType)> = HashMap::new();
    for (i, raw) in source.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r').trim_start_matches('\u{feff}');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if entries.len() >= MAX_ENTRIES {
            return Err(format!(
                "{origin}, line {line_no}: more than {MAX_ENTRIES} entries; split the lexicon or keep the names you need"
            ));
        }
        match parse_row(line) {
            Ok(entry) => {
                let key = crate::text::fold_str(&entry.aliases[0].text);
                let kind = match entry.kind {
                    Kind::Entity(t) => t,
                    _ => unreachable!("user rows are entities"),
                };
                if let Some((first, other)) = seen.get(&key).filter(|(_, t)| *t != kind) {
                    bad_rows += 1;
                    errors.push(format!(
                        "{origin}, line {line_no}: \"{}\" is already listed as {} on line {first}; give each name one type",
                        entry.aliases[0].text,
                        other.as_str()
                    ));
                    continue;
                }
                seen.entry(key).or_insert((line_no, kind));
                entries.push(Entry { origin: Cow::Owned(origin.to_string()), ..entry });
            }
            Err(why) => {
                bad_rows += 1;
                if errors.len() < MAX_REPORTED {
                    errors.push(format!("{origin}, line {line_no}: {why}"));
                }
            }
        }
    }
    if errors.is_empty() {
        return Ok(entries);
    }
    if bad_rows > errors.len() {
        errors.push(format!("{origin}: {} more bad rows", bad_rows - errors.len()));
    }
    Err(errors.join("\n"))
}

fn parse_row(line: &str) -> Result<Entry, String> {
    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cols.len() < 2 || cols.len() > 5 {
        let hint = if cols.len() == 1 && (line.contains(',') || line.contains(';')) {
            " (columns are separated by tabs, not commas)"
        } else {
            ""
        };
        return Err(format!("expected 2 to 5 tab-separated columns ({COLUMNS}), found {}{hint}", cols.len()));
    }
    let name = cols[0];
    if name.is_empty() {
        return Err("the name (first column) is empty".into());
    }
    check_name("name", name)?;
    let kind = entity_type(cols[1])?;
    // The canonical is only written out, never matched: any text will do.
    let canonical = cols.get(2).copied().filter(|c| !c.is_empty()).unwrap_or(name);
    if canonical.chars().count() > MAX_NAME_CHARS || canonical.chars().any(char::is_control) {
        return Err(format!("the canonical name is longer than {MAX_NAME_CHARS} characters or has control characters"));
    }

    // The name itself is matched too; `=` forces exact case, as for short acronyms.
    let mut aliases = vec![Alias { text: Cow::Owned(name.to_string()), exact_case: is_acronym(name), stem: false }];
    for raw in cols.get(3).map(|c| c.split('|')).into_iter().flatten() {
        let a = raw.trim();
        if a.is_empty() {
            continue;
        }
        let (exact_case, a) = match a.strip_prefix('=') {
            Some(rest) => (true, rest),
            None => (is_acronym(a), a),
        };
        let (stem, a) = match a.strip_suffix('*') {
            Some(rest) => (true, rest),
            None => (false, a),
        };
        check_name("alias", a)?;
        if !aliases.iter().any(|x| x.text == a) {
            aliases.push(Alias { text: Cow::Owned(a.to_string()), exact_case, stem });
        }
    }
    let attrs = attributes(kind, cols.get(4).copied().unwrap_or(""))?;
    let attrs = Cow::Owned(super::joined(attrs.iter().map(|(k, v)| (k.as_str(), *v))));
    Ok(Entry { kind: Kind::Entity(kind), canonical: canonical.to_string(), aliases, attrs, origin: Cow::Borrowed(""), user: true })
}

fn check_name(what: &str, s: &str) -> Result<(), String> {
    let letters = s.chars().filter(|c| c.is_alphanumeric()).count();
    if letters < 2 {
        return Err(format!("{what} \"{s}\" has fewer than two letters or digits"));
    }
    if s.chars().count() > MAX_NAME_CHARS {
        return Err(format!("{what} is longer than {MAX_NAME_CHARS} characters"));
    }
    if let Some(c) = s.chars().find(|c| PATTERN_CHARS.contains(c) || c.is_control()) {
        let shown = if c.is_control() { format!("U+{:04X}", c as u32) } else { c.to_string() };
        return Err(format!(
            "{what} \"{}\" contains '{shown}': names are matched as written, not as patterns; list each spelling in the aliases column, separated by |",
            s.chars().filter(|c| !c.is_control()).collect::<String>()
        ));
    }
    Ok(())
}

/// Short all-capitals names (`HTS`, `EI`) are acronyms that are also words in
/// lower case: they match only in capitals.
fn is_acronym(s: &str) -> bool {
    s.chars().count() <= 4 && s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase())
}

fn entity_type(s: &str) -> Result<EntityType, String> {
    let t = match s.to_ascii_uppercase().replace([' ', '-'], "_").as_str() {
        "ARMED_GROUP" | "ACTOR" | "GROUP" => EntityType::ArmedGroup,
        "LOCATION" | "PLACE" | "LOC" => EntityType::Location,
        "PERSON" | "PER" => EntityType::Person,
        "ORGANIZATION" | "ORGANISATION" | "ORG" => EntityType::Organization,
        "MEDIA" => EntityType::Media,
        "WEAPON" => EntityType::Weapon,
        "" => return Err("the type (second column) is empty".into()),
        _ => {
            return Err(format!(
                "unknown type \"{s}\": one of ARMED_GROUP, LOCATION, PERSON, ORGANIZATION, MEDIA, WEAPON"
            ))
        }
    };
    Ok(t)
}

fn attributes(kind: EntityType, col: &str) -> Result<Vec<(String, &str)>, String> {
    let mut attrs = Vec::new();
    for kv in col.split(';').map(str::trim).filter(|kv| !kv.is_empty()) {
        let Some((k, v)) = kv.split_once('=') else {
            return Err(format!("attribute \"{kv}\" is not key=value (e.g. lat=36.2; lon=37.1; admin1=Aleppo; inter=rebel)"));
        };
        let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
        match k.as_str() {
            "lat" | "lon" => {
                let limit = if k == "lat" { 90.0 } else { 180.0 };
                match v.parse::<f64>() {
                    Ok(x) if x.is_finite() && x.abs() <= limit => {}
                    _ => return Err(format!("{k}={v} is not a number between -{limit} and {limit}")),
                }
                if kind != EntityType::Location {
                    return Err(format!("{k}= is for LOCATION rows, this one is {}", kind.as_str()));
                }
            }
            "inter" if !INTER.contains(&v) => {
                return Err(format!("inter={v} is not an ACLED actor type: one of {}", INTER.join(", ")));
            }
            _ => {}
        }
        attrs.push((k, v));
    }
    let has = |key: &str| attrs.iter().any(|(k, _)| k == key);
    if has("lat") != has("lon") {
        return Err("give both lat= and lon=, or neither".into());
    }
    Ok(attrs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_gives_an_entity_matched_by_name_and_aliases() {
        let e = parse("user.tsv", "# mine\nTell Rifaat\tLOCATION\tTal Rifaat\tTal Refaat|=TR\tlat=36.47; lon=37.09\n").unwrap();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].canonical, "Tal Rifaat");
        assert_eq!(e[0].kind, Kind::Entity(EntityType::Location));
        let texts: Vec<_> = e[0].aliases.iter().map(|a| a.text.as_ref()).collect();
        assert_eq!(texts, ["Tell Rifaat", "Tal Refaat", "TR"]);
        assert!(e[0].aliases[2].exact_case);
        assert_eq!(e[0].rule_id(), "user.tsv");
        assert_eq!(e[0].attr("lon"), Some("37.09"));
    }

    #[test]
    fn canonical_defaults_to_the_name_and_types_have_synonyms() {
        let e = parse("u", "Brigade X\tactor\n\nHTS\tarmed group\n").unwrap();
        assert_eq!(e[0].canonical, "Brigade X");
        assert_eq!(e[0].kind, Kind::Entity(EntityType::ArmedGroup));
        assert!(e[1].aliases[0].exact_case, "short capitals are acronyms");
    }

    #[test]
    fn bad_rows_are_all_named_by_line() {
        let src = "ok\tPERSON\nonly one column\n\tLOCATION\nAlep\tCITY\nAl(ep)+\tLOCATION\nA\tPERSON\nX y\tLOCATION\t\t\tlat=100; lon=3\nZ z\tLOCATION\t\t\tlat=1\nW w\tACTOR\t\t\tinter=pirate\nV v,LOCATION\n";
        let err = parse("u.tsv", src).unwrap_err();
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 9, "{err}");
        assert!(lines[0].starts_with("u.tsv, line 2: expected 2 to 5"));
        assert!(lines[1].contains("line 3: the name"));
        assert!(lines[2].contains("line 4: unknown type \"CITY\""));
        assert!(lines[3].contains("line 5: name \"Al(ep)+\" contains '('"));
        assert!(lines[4].contains("line 6: name \"A\" has fewer than two"));
        assert!(lines[5].contains("line 7: lat=100"));
        assert!(lines[6].contains("line 8: give both"));
        assert!(lines[7].contains("line 9: inter=pirate"));
        assert!(lines[8].contains("line 10:") && lines[8].contains("not commas"));
    }

    #[test]
    fn one_name_two_types_is_an_error() {
        let err = parse("u", "Hama\tLOCATION\nHAMA\tPERSON\n").unwrap_err();
        assert!(err.contains("line 2") && err.contains("line 1"), "{err}");
    }

    #[test]
    fn too_many_entries_is_refused() {
        let mut src = String::new();
        for i in 0..=MAX_ENTRIES {
            src.push_str(&format!("Lieu {i}\tLOCATION\n"));
        }
        let err = parse("big", &src).unwrap_err();
        assert!(err.contains("more than 200000 entries"), "{err}");
    }
}
