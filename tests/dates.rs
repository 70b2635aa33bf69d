//! Table-driven tests of DATE mentions: `tests/data/dates.tsv`, one case a line:
//! reference date (`-` for none), sentence, expected span text (`-`: the sentence
//! has no DATE mention at all), expected value (`null` for none), case name.
//! Every failing case is reported by name, then the test fails once.

use depeche::temporal::{find_dates, parse_reference_date};
use depeche::text::Doc;

#[test]
fn dates_table() {
    let table = include_str!("data/dates.tsv");
    let mut failures = Vec::new();
    let mut cases = 0;
    for (i, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "dates.tsv line {}: expected 5 tab-separated columns", i + 1);
        let (reference, sentence, span, value, name) = (cols[0], cols[1], cols[2], cols[3], cols[4]);
        cases += 1;
        let r = if reference == "-" { None } else { Some(parse_reference_date(reference).expect("reference date")) };
        let doc = Doc::new(sentence);
        let found: Vec<(String, Option<String>)> = find_dates(&doc, r)
            .into_iter()
            .map(|m| (doc.orig_slice(m.start, m.end).to_string(), m.value))
            .collect();
        if span == "-" {
            if !found.is_empty() {
                failures.push(format!("{name}: expected no DATE, found {found:?}"));
            }
            continue;
        }
        let want = if value == "null" { None } else { Some(value.to_string()) };
        match found.iter().find(|(t, _)| t == span) {
            Some((_, v)) if *v == want => {}
            Some((_, v)) => failures.push(format!("{name}: `{span}` has value {v:?}, expected {want:?}")),
            None => failures.push(format!("{name}: no DATE `{span}`; found {found:?}")),
        }
    }
    assert!(cases >= 80, "dates.tsv should hold at least 80 cases, has {cases}");
    assert!(failures.is_empty(), "{} of {cases} date cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn datelines() {
    use depeche::temporal::parse_dateline;
    let cases = [
        ("22-11-2024 07:57 AM Jerusalem Timing", Some(("2024-11-22T07:57", "2024-11-22"))),
        ("28-03-2024 08:48 PM Jerusalem Timing", Some(("2024-03-28T20:48", "2024-03-28"))),
        ("Publié le 12/03/2016 à 10h05", Some(("2016-03-12T10:05", "2016-03-12"))),
        ("Mis à jour le lundi 5 décembre 2016", Some(("2016-12-05", "2016-12-05"))),
        ("date 2024-12", Some(("2024-12", "2024-12"))),
        ("2016-03-12", Some(("2016-03-12", "2016-03-12"))),
        ("12 mars 2016", Some(("2016-03-12", "2016-03-12"))),
        ("Raids russes sans répit, offensive de l'armée", None),
        ("", None),
        ("32-13-2024 07:57 AM", None),
    ];
    for (line, want) in cases {
        let got = parse_dateline(line).map(|d| (d.datetime, d.reference));
        let want = want.map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(got, want, "dateline {line:?}");
    }
    assert!(parse_dateline("date 2024-12").unwrap().date.is_none());
}

#[test]
fn no_panic_on_odd_input() {
    let long = "le 31 février ".repeat(2000);
    for t in ["", "\u{0}", "😀 hier 😀", "ces 99999999999999999999 derniers jours", "le 99 mars 2016", &long,
              "il y a 18446744073709551616 jours", "ces 1000000 dernières années", "la nuit du 31 au 1 mars"] {
        let doc = Doc::new(t);
        for r in [None, Some(parse_reference_date("2024-03-28").unwrap()), Some(depeche::temporal::Date::MIN), Some(depeche::temporal::Date::MAX)] {
            for m in find_dates(&doc, r) {
                assert!(m.start < m.end && m.end <= doc.len());
            }
        }
    }
}

mod prop {
    use depeche::temporal::{find_dates, parse_dateline, parse_reference_date};
    use depeche::text::Doc;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_is_safe(t in "(\\PC|[ \n0-9/'-]|le |mars |jeudi |dernier|ces |nuit du |au ){0,60}") {
            let doc = Doc::new(&t);
            let r = parse_reference_date("2024-03-28").ok();
            for m in find_dates(&doc, r) {
                prop_assert!(m.start < m.end && m.end <= doc.len());
            }
            let _ = parse_dateline(&t);
        }
    }
}
