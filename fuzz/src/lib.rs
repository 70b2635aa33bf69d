//! What every fuzz run checks on one input: `depeche::analyze` returns (no panic),
//! its JSON serialises, and every span of the result (title, dateline, entities,
//! event triggers, sentences, arguments, dates, tolls, mentions) is a valid range of
//! the input in UTF-16 code units whose slice is exactly the span's `text`, the
//! contract JavaScript relies on (`text.slice(start, end) === span.text`).
//!
//! Shared by the libFuzzer target (`fuzz_targets/analyze.rs`, run by cargo-fuzz) and
//! the plain mutation harness (`src/bin/mutate.rs`, stable Rust, used in CI).

use depeche::Analysis;

/// UTF-16 offset → byte offset for every char boundary (None inside a surrogate pair).
pub struct Utf16Map(Vec<Option<u32>>);

impl Utf16Map {
    pub fn new(text: &str) -> Self {
        let mut map = Vec::with_capacity(text.len() + 1);
        for (b, c) in text.char_indices() {
            map.push(Some(b as u32));
            if c.len_utf16() == 2 {
                map.push(None);
            }
        }
        map.push(Some(text.len() as u32));
        Utf16Map(map)
    }

    /// Length of the text in UTF-16 code units.
    pub fn units(&self) -> usize {
        self.0.len() - 1
    }

    /// The byte range of a UTF-16 range, when both ends fall on char boundaries.
    pub fn bytes(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start > end {
            return None;
        }
        let s = (*self.0.get(start)?)? as usize;
        let e = (*self.0.get(end)?)? as usize;
        Some((s, e))
    }
}

struct Checker<'a> {
    text: &'a str,
    map: Utf16Map,
    problems: Vec<String>,
    spans: usize,
}

impl Checker<'_> {
    fn span(&mut self, what: &str, start: usize, end: usize, claimed: Option<&str>) {
        self.spans += 1;
        let Some((bs, be)) = self.map.bytes(start, end) else {
            self.problems.push(format!(
                "{what}: {{{start}, {end}}} is not a valid UTF-16 range of a {}-unit text",
                self.map.units()
            ));
            return;
        };
        if let Some(t) = claimed {
            let slice = &self.text[bs..be];
            if slice != t {
                self.problems.push(format!("{what}: {{{start}, {end}}} slices {slice:?}, span text is {t:?}"));
            }
        }
    }
}

/// Every problem with the spans of `analysis` made from `text`, and how many spans
/// were checked.
pub fn span_problems(text: &str, a: &Analysis) -> (usize, Vec<String>) {
    let mut c = Checker { text, map: Utf16Map::new(text), problems: Vec::new(), spans: 0 };
    if let Some(t) = &a.title {
        c.span("title", t.start, t.end, Some(&t.text));
    }
    if let Some(d) = &a.dateline {
        c.span("dateline", d.start, d.end, Some(&d.text));
    }
    for (i, e) in a.entities.iter().enumerate() {
        c.span(&format!("entities[{i}] ({})", e.id), e.start, e.end, Some(&e.text));
    }
    for (i, ev) in a.events.iter().enumerate() {
        let p = format!("events[{i}] ({})", ev.id);
        c.span(&format!("{p}.trigger"), ev.trigger.start, ev.trigger.end, Some(&ev.trigger.text));
        c.span(&format!("{p}.sentence"), ev.sentence.start, ev.sentence.end, None);
        for (name, arg) in [("actor1", &ev.actor1), ("actor2", &ev.actor2), ("location", &ev.location), ("source", &ev.source)] {
            if let Some(x) = arg {
                c.span(&format!("{p}.{name}"), x.start, x.end, Some(&x.text));
            }
        }
        if let Some(d) = &ev.date {
            c.span(&format!("{p}.date"), d.start, d.end, Some(&d.text));
        }
        for (name, n) in [("fatalities", &ev.fatalities), ("wounded", &ev.wounded), ("captured", &ev.captured)] {
            if let Some(x) = n {
                c.span(&format!("{p}.{name}"), x.start, x.end, Some(&x.text));
            }
        }
        for (j, m) in ev.mentions.iter().enumerate() {
            c.span(&format!("{p}.mentions[{j}]"), m.start, m.end, Some(&m.text));
        }
    }
    (c.spans, c.problems)
}

/// Analyse `text` and check everything; `Err` describes what is wrong. A panic inside
/// `analyze` propagates (the harness catches or reports it).
pub fn check(text: &str) -> Result<usize, String> {
    let a = depeche::analyze(text);
    let (spans, problems) = span_problems(text, &a);
    // The JSON the CLI prints and the page receives must always serialise.
    let json = a.to_json();
    if json.is_empty() {
        return Err("empty JSON".into());
    }
    if problems.is_empty() {
        Ok(spans)
    } else {
        Err(problems.join("\n"))
    }
}

/// The fuzz entry point: arbitrary bytes, read as UTF-8 with invalid sequences
/// replaced by U+FFFD (as a browser's `TextDecoder` and the page's file loader do).
pub fn check_bytes(data: &[u8]) -> Result<usize, String> {
    check(&String::from_utf8_lossy(data))
}

/// Words and marks the rules react to, and awkward characters: the libFuzzer
/// dictionary (`fuzz/analyze.dict`) and the plain harness's insertions.
pub const TOKENS: &[&str] = &[
    "Alep", "Idleb", "Damas", "Homs", "Tal al-Milh", "armée syrienne", "l'armée", "l’armée", "les rebelles",
    "front al-Nosra", "Daesh", "l'EI", "Hezbollah", "OSDH", "selon l'AFP", "a indiqué à l’AFP", "rapporte Sana",
    "jeudi dernier", "lundi", "hier", "la nuit du 8 au 9 août", "le 2 août", "ces 24 dernières heures",
    "en septembre 2016", "18 civils tués", "au moins 9 morts", "une dizaine de blessés", "des dizaines de",
    "entre 10 et 15", "plus de 40", "deux civils", "raids aériens russes", "frappe", "frappes", "bombardé",
    "bombardements", "obus", "roquettes", "voiture piégée", "attaque", "attaque chimique", "a repris",
    "se sont emparés de", "combats", "accrochages", "enlevé", "otages", "cessez-le-feu", "manifestation",
    "ont été tués", "tués", "blessés", "a été tué", "Bachar al-Assad", "Katioucha", "kamikaze",
    "22-11-2024 07:57 AM Jerusalem Timing\n", "28-03-2024 08:48 PM\n", "Publié le 12/03/2016 à 10h05",
    "«", "»", "“", "”", "’", "'", "\"", "(", ")", ",", ".", ":", ";", "!", "?", "…", "-", "–", "—", "/",
    "\n", "\n\n", "\r\n", "\r", "\t", " ", "\u{a0}", "\u{202f}", "\u{200b}", "\u{feff}", "\u{200f}", "\u{202e}",
    "\u{301}", "\u{327}", "e\u{301}", "🎉", "💥", "🇫🇷", "👨‍👩‍👧", "𝔄𝔩𝔢𝔭", "Алеп", "حلب", "الجيش", "\u{0}",
    "\u{7f}", "\u{fffd}", "É", "œ", "ß", "İ", "ﬁ", "0", "3", "12", "2016", "1er", "XXe", "1 000", "1.000",
    "99999999999999999999", "dix-huit", "quatre-vingt-dix", "mille", "millions",
];
