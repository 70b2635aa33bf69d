//! `Extractor::write_json` (what the CLI prints, each entity and event written as it
//! is built) writes the same bytes as `serde_json` of `Extractor::analyze`'s
//! `Analysis`, compact and indented.

#[path = "common/seeds.rs"]
mod seeds;

use depeche::{Extractor, Options};

fn streamed(x: &Extractor, text: &str, options: &Options, pretty: bool) -> String {
    let mut out = Vec::new();
    x.write_json(text, options, &mut out, pretty).expect("writing to a Vec");
    String::from_utf8(out).expect("UTF-8 JSON")
}

fn assert_same(x: &Extractor, text: &str, options: &Options) {
    let analysis = x.analyze(text, options);
    let (compact, pretty) = (serde_json::to_string(&analysis).unwrap(), serde_json::to_string_pretty(&analysis).unwrap());
    assert_eq!(streamed(x, text, options, false), compact, "compact JSON of {:?}", &text[..text.len().min(60)]);
    assert_eq!(streamed(x, text, options, true), pretty, "indented JSON of {:?}", &text[..text.len().min(60)]);
}

#[test]
fn seeds_stream_as_analyze_writes_them() {
    let x = depeche::extractor();
    for seed in seeds::SEEDS {
        assert_same(x, seed, &Options::default());
        assert_same(x, seed, &Options::with_reference_date(Some("2024-03-01")).unwrap());
    }
}

#[test]
fn all_seeds_as_one_text() {
    // Titles and datelines in the middle, repeated names: the interned strings of
    // a long text.
    let x = depeche::extractor();
    assert_same(x, &seeds::SEEDS.concat(), &Options::default());
}

#[test]
fn empty_and_odd_inputs_stream_as_analyze_writes_them() {
    let x = depeche::extractor();
    let odd = [
        "",
        " ",
        "\n\n\n",
        "\u{feff}",
        "😀",
        "a😀b\r\n\u{2028}«\u{a0}»",
        "\"quotes\" \\ and \u{1} controls \u{7f}",
        "TU- 22М3 à Alep, l\u{2019}armée — 12 tués.",
        "Damas, 3 mars 2024 (AFP) - ",
    ];
    for text in odd {
        assert_same(x, text, &Options::default());
    }
}

#[test]
fn a_bad_reference_date_is_an_error() {
    let err = Options::with_reference_date(Some("2024-13-01")).expect_err("month 13");
    let via_analyze = depeche::extractor().analyze_with("texte", Some("2024-13-01")).expect_err("month 13");
    assert_eq!(err.to_string(), via_analyze.to_string());
    assert!(Options::with_reference_date(None).unwrap().reference_date.is_none());
}
