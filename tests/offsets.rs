//! Property test: on random messy text and on mutated seed articles, `depeche::analyze`
//! never panics, and every span of its output, read as UTF-16 offsets, slices the
//! input to exactly the span's `text` (what JavaScript's `text.slice(start, end)` does).
//! Spans are found generically (any object with integer `start` and `end`) in the
//! JSON, so fields added later are checked too.

use proptest::prelude::*;
use serde_json::Value;

#[path = "common/seeds.rs"]
mod seeds;
use seeds::SEEDS;

/// Words and phrases the rules react to, mixed with awkward characters.
const FRAGMENTS: &[&str] = &[
    "Alep", "Idleb", "Damas", "Tal al-Milh", "armée syrienne", "l'armée", "l’armée", "les rebelles",
    "front al-Nosra", "Daesh", "Hezbollah", "OSDH", "selon l'AFP", "a indiqué à l’AFP", "rapporte Sana",
    "jeudi dernier", "lundi", "hier", "la nuit du 8 au 9 août", "le 2 août", "ces 24 dernières heures",
    "l'été dernier", "en septembre 2016", "18 civils tués", "au moins 9 morts", "une dizaine de blessés",
    "des dizaines de miliciens", "entre 10 et 15", "plus de 40", "deux civils", "raids aériens russes",
    "frappe", "bombardé", "obus", "roquettes", "voiture piégée", "attaque chimique", "a repris le village de",
    "se sont emparés de", "combats", "accrochages", "enlevé", "cessez-le-feu", "manifestation", "ont été tués",
    "Abou Omar al-Homsi", "Bachar al-Assad", "TU- 22М3", "Katioucha", "22-11-2024 07:57 AM Jerusalem Timing",
    "28-03-2024 08:48 PM", "Publié le 12/03/2016 à 10h05", "«", "»", "“", "”", "’", "'", "\"", "(", ")",
    ",", ".", ":", ";", "!", "?", "…", "-", "–", "—", "/", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\t",
    " ", "  ", "\u{a0}", "\u{202f}", "\u{200b}", "\u{feff}", "\u{301}", "\u{301}\u{301}", "\u{327}", "e\u{301}",
    "🎉", "💥", "🇫🇷", "👨‍👩‍👧", "𝔄𝔩𝔢𝔭", "Алеп", "армия", "М", "ﻻ", "حلب", "\u{0}", "\u{1}", "\u{7f}", "\u{fffd}",
    "òSelon", "é", "É", "œ", "Œ", "ß", "İ", "ﬁ", "0", "3", "12", "2016", "1er", "XXe",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Zéèêàçôûî' -]{1,12}",
        1 => "[\u{300}-\u{36f}]{1,3}",
        1 => "[\u{400}-\u{4ff}]{1,6}",
        1 => "[\u{1f300}-\u{1faff}]{1,3}",
    ]
}

/// Random text: fragments joined by spaces or nothing, sometimes one very long line.
fn messy_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec((fragment(), prop::sample::select(&[" ", "", " ", "\n"][..])), 0..80)
            .prop_map(|parts| parts.into_iter().map(|(f, sep)| f + sep).collect::<String>()),
        1 => (prop::collection::vec(fragment(), 1..12), 100usize..1500)
            .prop_map(|(parts, n)| parts.join(" ").repeat(n / parts.len().max(1)).replace('\n', " ")),
    ]
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, String),
    Delete(f64, f64),
    Duplicate(f64, f64),
    Crlf,
    Truncate(f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (0.0..1.0, fragment()).prop_map(|(at, s)| Edit::Insert(at, s)),
        2 => (0.0..1.0, 0.0..0.05).prop_map(|(at, len)| Edit::Delete(at, len)),
        1 => (0.0..1.0, 0.0..0.1).prop_map(|(at, len)| Edit::Duplicate(at, len)),
        1 => Just(Edit::Crlf),
        1 => (0.0..1.0).prop_map(Edit::Truncate),
    ]
}

/// The char boundary nearest below `fraction` of the text.
fn at(s: &str, fraction: f64) -> usize {
    let mut i = ((s.len() as f64) * fraction) as usize;
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(seed: &str, edits: &[Edit]) -> String {
    let mut s = seed.to_string();
    for e in edits {
        match e {
            Edit::Insert(f, frag) => {
                let i = at(&s, *f);
                s.insert_str(i, frag);
            }
            Edit::Delete(f, len) => {
                let (a, b) = (at(&s, *f), at(&s, (*f + len).min(1.0)));
                s.replace_range(a..b, "");
            }
            Edit::Duplicate(f, len) => {
                let (a, b) = (at(&s, *f), at(&s, (*f + len).min(1.0)));
                let piece = s[a..b].to_string();
                s.insert_str(b, &piece);
            }
            Edit::Crlf => s = s.replace("\r\n", "\n").replace('\n', "\r\n"),
            Edit::Truncate(f) => {
                let i = at(&s, *f);
                s.truncate(i);
            }
        }
    }
    s
}

/// UTF-16 offset → byte offset, for every char boundary of `text` (None inside a
/// surrogate pair).
fn utf16_to_byte(text: &str) -> Vec<Option<usize>> {
    let mut map = Vec::with_capacity(text.len() + 1);
    for (b, c) in text.char_indices() {
        map.push(Some(b));
        if c.len_utf16() == 2 {
            map.push(None);
        }
    }
    map.push(Some(text.len()));
    map
}

fn collect_spans<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| collect_spans(x, format!("{path}[{i}]"), out)),
        Value::Object(map) => {
            if map.get("start").is_some_and(Value::is_u64) && map.get("end").is_some_and(Value::is_u64) {
                out.push((path.clone(), v));
            }
            for (k, x) in map {
                collect_spans(x, format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// Every problem with the spans of `analyze(text)`, empty when all is well.
fn span_problems(text: &str) -> Vec<String> {
    checked_spans(text).1
}

/// How many spans `analyze(text)` has, and what is wrong with them.
fn checked_spans(text: &str) -> (usize, Vec<String>) {
    let json: Value = serde_json::to_value(depeche::analyze(text)).expect("analysis serialises");
    let map = utf16_to_byte(text);
    let mut spans = Vec::new();
    collect_spans(&json, "$".into(), &mut spans);
    let mut problems = Vec::new();
    let count = spans.len();
    for (path, span) in spans {
        let (s, e) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
        let (bs, be) = match (map.get(s).copied().flatten(), map.get(e).copied().flatten()) {
            (Some(bs), Some(be)) if s <= e => (bs, be),
            _ => {
                problems.push(format!("{path}: {{{s}, {e}}} is not a valid UTF-16 range of a {}-unit text", map.len() - 1));
                continue;
            }
        };
        if let Some(t) = span.get("text").and_then(Value::as_str) {
            if &text[bs..be] != t {
                problems.push(format!("{path}: {{{s}, {e}}} slices {:?}, span text is {t:?}", &text[bs..be]));
            }
        }
    }
    (count, problems)
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_text_spans_slice_the_input(text in messy_text()) {
        let problems = span_problems(&text);
        prop_assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn mutated_seed_spans_slice_the_input(seed in 0..SEEDS.len(), edits in prop::collection::vec(edit(), 1..8)) {
        let text = apply(SEEDS[seed], &edits);
        let problems = span_problems(&text);
        prop_assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

#[test]
fn seeds_spans_slice_the_input() {
    for (i, seed) in SEEDS.iter().enumerate() {
        let (count, problems) = checked_spans(seed);
        assert!(count >= 50, "seed {i}: only {count} spans found in the output; is the span walk broken?");
        assert!(problems.is_empty(), "seed {i}:\n{}", problems.join("\n"));
        let crlf = seed.replace('\n', "\r\n");
        let problems = span_problems(&crlf);
        assert!(problems.is_empty(), "seed {i} with CRLF:\n{}", problems.join("\n"));
    }
}

#[test]
fn fixed_awkward_inputs() {
    let cases = [
        "",
        "\u{301}",
        "\r\n\r\n",
        "🎉Alep🎉 armée syrienne 🎉 jeudi dernier 🎉 18 civils tués 🎉",
        "Al\u{301}ep, arme\u{301}e syrienne, jeudi\u{a0}dernier, 18\u{202f}civils tués",
        "« L’armée syrienne » a bombardé “Alep” jeudi dernier : 18 civils tués.",
        "Армия syrienne a bombardé Алеп ; TU- 22М3 abattu.",
        "\u{0}Alep\u{0} armée\u{0}syrienne",
        "22-11-2024 07:57 AM Jerusalem Timing\r\n\r\n🎉 Titre 🎉\r\n\r\n🎉 Titre 🎉\r\n\r\nJeudi dernier, 18 civils tués à Alep.",
    ];
    for text in cases {
        let problems = span_problems(text);
        assert!(problems.is_empty(), "{text:?}:\n{}", problems.join("\n"));
    }
}
