//! Table-driven event tests: `tests/data/events.tsv`, short French texts with the
//! events, arguments and modality a coder would record.

use depeche::{analyze_with, Event, Modality};

fn arg_text(e: &Event, role: &str) -> Option<String> {
    let a = match role {
        "actor1" => e.actor1.as_ref(),
        "actor2" => e.actor2.as_ref(),
        "location" => e.location.as_ref(),
        "source" => e.source.as_ref(),
        _ => None,
    };
    a.map(|a| format!("{} {}", a.text, a.canonical.as_deref().unwrap_or("")))
}

fn check(e: &Event, key: &str, want: &str) -> bool {
    match key {
        "actor1" | "actor2" | "location" | "source" => arg_text(e, key).is_some_and(|t| t.contains(want)),
        "date" => e.date.as_ref().and_then(|d| d.value.as_deref()) == Some(want),
        "fatalities" => e.fatalities.as_ref().map(|c| c.value.to_string()).as_deref() == Some(want),
        "wounded" => e.wounded.as_ref().map(|c| c.value.to_string()).as_deref() == Some(want),
        "captured" => e.captured.as_ref().map(|c| c.value.to_string()).as_deref() == Some(want),
        "modality" => {
            let m = match e.modality {
                Modality::Actual => "actual",
                Modality::Planned => "planned",
                Modality::Negated => "negated",
                Modality::Alleged => "alleged",
            };
            m == want
        }
        other => panic!("unknown key {other}"),
    }
}

fn describe(e: &Event) -> String {
    format!(
        "{}.{} [{}] a1={:?} a2={:?} loc={:?} date={:?} fat={:?} src={:?} {:?}",
        e.kind,
        e.subtype,
        e.trigger.text,
        arg_text(e, "actor1"),
        arg_text(e, "actor2"),
        arg_text(e, "location"),
        e.date.as_ref().and_then(|d| d.value.clone()),
        e.fatalities.as_ref().map(|c| c.value),
        arg_text(e, "source"),
        e.modality
    )
}

#[test]
fn event_table() {
    let table = include_str!("data/events.tsv");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in table.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "bad row: {line}");
        let (name, reference, text, expect) = (cols[0], cols[1], cols[2].replace("\\n", "\n"), cols[3]);
        cases += 1;
        let a = analyze_with(&text, (reference != "-").then_some(reference)).expect("valid reference date");
        let mut current: Option<&Event> = None;
        let mut fail = |why: String| failures.push(format!("{name}: {why}; got {:?}", a.events.iter().map(describe).collect::<Vec<_>>()));
        for e in expect.split(';').map(str::trim).filter(|e| !e.is_empty()) {
            if e == "none" {
                if !a.events.is_empty() {
                    fail("expected no event".into());
                }
            } else if let Some(n) = e.strip_prefix("count=") {
                if a.events.len().to_string() != n {
                    fail(format!("expected {n} events"));
                }
            } else if let Some(t) = e.strip_prefix('!') {
                if a.events.iter().any(|x| format!("{}.{}", x.kind, x.subtype) == t) {
                    fail(format!("expected no {t}"));
                }
            } else if let Some((k, v)) = e.split_once('=') {
                match current {
                    Some(ev) if check(ev, k, v) => {}
                    Some(_) => fail(format!("expected {k}={v}")),
                    None => fail(format!("{k}={v} before any event type")),
                }
            } else {
                current = a.events.iter().find(|x| format!("{}.{}", x.kind, x.subtype) == e);
                if current.is_none() {
                    fail(format!("expected a {e} event"));
                }
            }
        }
    }
    assert!(cases >= 30, "the table lost its rows");
    assert!(failures.is_empty(), "{} failing event expectations:\n{}", failures.len(), failures.join("\n"));
}
