//! Table-driven entity tests: `tests/data/entities.tsv`, one French sentence a row.

use depeche::{analyze, EntityType};

#[test]
fn entity_table() {
    let table = include_str!("data/entities.tsv");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in table.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "bad row: {line}");
        let (name, text, expect) = (cols[0], cols[1], cols[2]);
        cases += 1;
        let a = analyze(text);
        for e in expect.split(';').map(str::trim).filter(|e| !e.is_empty()) {
            let ok = if let Some(neg) = e.strip_prefix('!') {
                match EntityType::parse(neg) {
                    Some(t) => !a.entities.iter().any(|x| x.kind == t),
                    None => !a.entities.iter().any(|x| x.text == neg),
                }
            } else {
                let (ty, rest) = e.split_once('=').unwrap_or_else(|| panic!("{name}: bad expectation {e:?}"));
                let ty = EntityType::parse(ty).unwrap_or_else(|| panic!("{name}: unknown type {ty}"));
                let (text_want, canon) = match rest.split_once('>') {
                    Some((t, c)) => (t, Some(c)),
                    None => (rest, None),
                };
                a.entities.iter().any(|x| x.kind == ty && x.text == text_want && canon.is_none_or(|c| x.canonical.as_deref() == Some(c)))
            };
            if !ok {
                let got: Vec<String> = a.entities.iter().map(|x| format!("{}={}>{}", x.kind.as_str(), x.text, x.canonical.as_deref().unwrap_or("-"))).collect();
                failures.push(format!("{name}: expected {e:?}; got {got:?}"));
            }
        }
    }
    assert!(cases >= 20, "the table lost its rows");
    assert!(failures.is_empty(), "{} failing entity expectations:\n{}", failures.len(), failures.join("\n"));
}
