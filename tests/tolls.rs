//! Table-driven tests of tolls: `tests/data/tolls.tsv`, one case a line: sentence,
//! expected kind (`killed`, `wounded`, `captured`, or `none`: no toll at all),
//! value, approximate (`true`/`false`), case name, and optionally the expected span
//! text. A name starting with `only_` also demands that no other toll is found.
//! Every failing case is reported by name, then the test fails once.

use depeche::quantity::{find_tolls, TollKind};
use depeche::text::Doc;

fn kind_name(k: TollKind) -> &'static str {
    match k {
        TollKind::Killed => "killed",
        TollKind::Wounded => "wounded",
        TollKind::Captured => "captured",
    }
}

#[test]
fn tolls_table() {
    let table = include_str!("data/tolls.tsv");
    let mut failures = Vec::new();
    let mut cases = 0;
    for (i, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() == 5 || cols.len() == 6, "tolls.tsv line {}: expected 5 or 6 columns", i + 1);
        let (sentence, kind, value, approx, name) = (cols[0], cols[1], cols[2], cols[3], cols[4]);
        let span = cols.get(5).copied();
        cases += 1;
        let doc = Doc::new(sentence);
        let found: Vec<(&str, u64, bool, String)> = find_tolls(&doc, 0, doc.len())
            .into_iter()
            .map(|t| (kind_name(t.kind), t.value, t.approximate, doc.orig_slice(t.start, t.end).to_string()))
            .collect();
        if kind == "none" {
            if !found.is_empty() {
                failures.push(format!("{name}: expected no toll, found {found:?}"));
            }
            continue;
        }
        let value: u64 = value.parse().expect("value");
        let approx = approx == "true";
        let hit = found.iter().find(|(k, v, a, s)| *k == kind && *v == value && *a == approx && span.is_none_or(|sp| sp == s));
        if hit.is_none() {
            failures.push(format!("{name}: expected {kind} {value} approx={approx} span={span:?}, found {found:?}"));
        } else if name.starts_with("only_") && found.len() != 1 {
            failures.push(format!("{name}: expected only one toll, found {found:?}"));
        }
    }
    assert!(cases >= 60, "tolls.tsv should hold at least 60 cases, has {cases}");
    assert!(failures.is_empty(), "{} of {cases} toll cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn tolls_within_range_only() {
    let t = "Trois soldats ont été tués. Deux civils ont été blessés.";
    let doc = Doc::new(t);
    let first_end = t.find('.').unwrap() + 1;
    let tolls = find_tolls(&doc, 0, first_end);
    assert_eq!(tolls.len(), 1);
    assert_eq!(tolls[0].value, 3);
}

#[test]
fn no_panic_on_odd_input() {
    let long = "tué 99999999999999999999999 civils et quatre-vingt-dix-neuf mille milliards de soldats ".repeat(300);
    for t in ["", "\u{0}", "😀 tué 😀 3 😀 civils", "12,", "5.", "5 00", "plus de", "quelques", "entre 10 et", &long,
              "mille mille mille civils tués", "1,99999999999999999999999 millions de morts"] {
        let doc = Doc::new(t);
        for (s, e) in [(0, doc.len()), (0, 0), (doc.len(), doc.len() + 10), (3, 1)] {
            for toll in find_tolls(&doc, s, e) {
                assert!(toll.start < toll.end && toll.end <= doc.len());
            }
        }
    }
}

mod prop {
    use depeche::quantity::find_tolls;
    use depeche::text::Doc;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_is_safe(t in "(\\PC|[ 0-9.,'-]|tué |civils |dont |et |plus de |des dizaines de |ainsi que |bilan à ){0,60}") {
            let doc = Doc::new(&t);
            for toll in find_tolls(&doc, 0, doc.len()) {
                prop_assert!(toll.start < toll.end && toll.end <= doc.len());
            }
        }
    }
}
