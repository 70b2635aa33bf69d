//! The user's own lexicon, through the library and the CLI: names it adds are found
//! (and win over built-in ones), a bad file is refused with every bad line named,
//! and the built-in lexicons keep working whatever the user gives. And the built-in
//! lexicons as compiled by `build.rs` are the files in `data/`, read and folded here.

use depeche::lexicon::{self, Matcher, BUILTIN};
use depeche::text::Doc;
use depeche::{EntityType, Extractor};
use std::path::PathBuf;
use std::process::Command;

const GOOD: &str = "# name\ttype\tcanonical\taliases\tattributes\n\
Brigade des Faucons du Nord\tARMED_GROUP\t\tFaucons du Nord\tinter=rebel\n\
Tell Rifaat\tLOCATION\tTal Rifaat\tTal Refaat\tlat=36.47; lon=37.09; admin1=Aleppo\n\
Damas\tLOCATION\tDamascus (user)\n";

const ARTICLE: &str = "Lundi, les Faucons du Nord ont attaqué Tal Refaat, près de Damas, tuant trois civils.";

fn entity<'a>(a: &'a depeche::Analysis, text: &str) -> Option<&'a depeche::Entity> {
    a.entities.iter().find(|e| e.text == text)
}

#[test]
fn user_names_are_found_with_their_attributes() {
    let x = Extractor::builder().user_lexicon("mine.tsv", GOOD).unwrap().build();
    let a = x.analyze_with(ARTICLE, None).unwrap();
    let g = entity(&a, "Faucons du Nord").expect("user actor found");
    assert_eq!(g.kind, EntityType::ArmedGroup);
    assert_eq!(g.canonical.as_deref(), Some("Brigade des Faucons du Nord"));
    assert_eq!(g.actor_type.as_deref(), Some("rebel"));
    assert_eq!(g.rule, "lexicon:mine.tsv");
    let p = entity(&a, "Tal Refaat").expect("user place found");
    assert_eq!((p.lat, p.lon, p.admin1.as_deref()), (Some(36.47), Some(37.09), Some("Aleppo")));
    // the user's entry wins over the built-in Damascus
    assert_eq!(entity(&a, "Damas").and_then(|e| e.canonical.as_deref()), Some("Damascus (user)"));
    // and the event takes the user's actor
    assert!(a.events.iter().any(|e| e.actor1.as_ref().is_some_and(|x| x.text == "Faucons du Nord")));
    // without the lexicon: no such actor, the built-in Damascus
    let plain = depeche::analyze(ARTICLE);
    assert!(entity(&plain, "Faucons du Nord").is_none());
    assert_ne!(entity(&plain, "Damas").and_then(|e| e.canonical.as_deref()), Some("Damascus (user)"));
}

#[test]
fn a_bad_lexicon_names_each_bad_line_and_adds_nothing() {
    let bad = "Alep.*\tLOCATION\nok name\tLOCATION\n\tPERSON\nHoms\tVILLE\n";
    let err = Extractor::builder().user_lexicon("bad.tsv", bad).err().expect("refused").to_string();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].starts_with("bad.tsv, line 1: name \"Alep.*\" contains '*'"), "{err}");
    assert!(lines[1].starts_with("bad.tsv, line 3:"), "{err}");
    assert!(lines[2].starts_with("bad.tsv, line 4: unknown type \"VILLE\""), "{err}");
    // the built-in lexicons are untouched
    assert!(depeche::analyze(ARTICLE).entities.iter().any(|e| e.text == "Damas"));
}

#[test]
fn a_hundred_thousand_entries_build_and_match() {
    let mut tsv = String::with_capacity(4 << 20);
    for i in 0..100_000 {
        tsv.push_str(&format!("Hameau Numéro {i}\tLOCATION\tHameau {i}\n"));
    }
    let x = Extractor::builder().user_lexicon("big.tsv", &tsv).unwrap().build();
    let a = x.analyze_with("Des frappes ont visé Hameau Numéro 99999 et Alep.", None).unwrap();
    assert_eq!(entity(&a, "Hameau Numéro 99999").and_then(|e| e.canonical.as_deref()), Some("Hameau 99999"));
    assert!(entity(&a, "Alep").is_some(), "built-in names still found");
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_depeche"))
        .args(args)
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("run depeche")
}

#[test]
fn the_cli_applies_lexicons_and_refuses_bad_ones() {
    let dir = std::env::temp_dir().join(format!("depeche-lexicon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (good, bad, article) = (dir.join("good.tsv"), dir.join("bad.tsv"), dir.join("a.txt"));
    std::fs::write(&good, GOOD).unwrap();
    std::fs::write(&bad, "Faucons\tARMED_GROUP\nFaucons, ARMED_GROUP\nX|Y\tPERSON\n").unwrap();
    std::fs::write(&article, ARTICLE).unwrap();
    let (good, bad, article) = (good.to_str().unwrap(), bad.to_str().unwrap(), article.to_str().unwrap());

    let out = cli(&["analyze", "--lexicon", good, article]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["entities"].as_array().unwrap().iter().any(|e| e["text"] == "Faucons du Nord"));

    let out = cli(&["analyze", "--lexicon", bad, article]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with("depeche: ") && lines[0].contains("bad.tsv, line 2:") && lines[0].contains("not commas"), "{stderr}");
    assert!(lines[1].contains("bad.tsv, line 3:") && lines[1].contains("'|'"), "{stderr}");
    assert!(!stderr.contains("panicked"));

    let out = cli(&["analyze", "--lexicon", "/nonexistent/lexicon.tsv", article]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/lexicon.tsv"));

    // batch mode uses it too
    let out = Command::new(env!("CARGO_BIN_EXE_depeche"))
        .args(["analyze", "--jsonl", "--lexicon", good, "--files", article])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"Faucons du Nord\""));
    std::fs::remove_dir_all(&dir).ok();
}

/// The `data/` files, read at run time: what the compiled lexicons must be.
fn data_entries() -> Vec<lexicon::Entry> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut entries = Vec::new();
    for &(name, kind) in BUILTIN {
        let source = std::fs::read_to_string(dir.join(name)).unwrap();
        entries.extend(lexicon::parse(name, kind, &source).unwrap());
    }
    entries
}

#[test]
fn every_data_file_is_compiled_in() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).filter(|n| n.ends_with(".tsv")).collect();
    let mut listed: Vec<String> = BUILTIN.iter().map(|(n, _)| n.to_string()).collect();
    files.sort();
    listed.sort();
    assert_eq!(files, listed);
}

#[test]
fn the_compiled_rows_are_the_files_rows() {
    let read = data_entries();
    let compiled = &depeche::extractor().matcher().entries;
    assert_eq!(read.len(), compiled.len());
    for (r, c) in read.iter().zip(compiled) {
        assert_eq!((r.kind, &r.canonical, &r.aliases, &r.origin, r.user), (c.kind, &c.canonical, &c.aliases, &c.origin, c.user));
        // every attribute but the gazetteer's provenance, which no rule reads
        for kv in r.attrs.split(';').filter(|kv| !kv.is_empty() && !kv.starts_with("geonameid=")) {
            let (k, v) = kv.split_once('=').unwrap();
            assert_eq!(c.attr(k), Some(v), "{} {k}", c.canonical);
        }
        assert_eq!(c.attr("geonameid"), None);
        assert_eq!(c.attrs.split(';').filter(|kv| !kv.is_empty()).count(), r.attrs.split(';').filter(|kv| !kv.is_empty() && !kv.starts_with("geonameid=")).count());
    }
}

#[test]
fn compiled_keys_find_what_folding_at_run_time_finds() {
    // `Matcher::new` folds every alias itself; the built-in matcher reads `build.rs`'s keys.
    let read = Matcher::new(data_entries());
    let compiled = depeche::extractor().matcher();
    let mut checked = 0;
    for e in &read.entries {
        for a in &e.aliases {
            for text in [format!("{}.", a.text), format!("({})", a.text.to_uppercase()), format!("l\u{2019}{} ", a.text)] {
                let doc = Doc::new(&text);
                assert_eq!(read.find(&doc), compiled.find(&doc), "{text:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
    assert!(compiled.variant_of("Ahrar ash-Sham").is_some(), "a spelling no list has meets its entry");
    for name in ["Ahrar ash-Sham", "Deir ez-Zor", "Dayr az Zawr", "Jaysh al-Fatah", "Hayat Tahrir al-Sham", "Alep"] {
        assert_eq!(read.variant_of(name), compiled.variant_of(name), "{name}");
    }
}
