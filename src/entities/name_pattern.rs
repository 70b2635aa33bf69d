//! The shape of a capitalised name, read by hand: `Wadi al-Deif`, `Jisr al-Choghour`,
//! `Bir-Kassab`, `al-Jafrat`, `Deir ez-Zor`, `Abou Omar al-Homsi`.
//!
//! ```text
//! NAME := PART (SEP PART)*
//! PART := (PREFIX "-")? UPPER WORD* ("-" WORD+)*
//! SEP  := [ -] (PARTICLE [ -])?
//! ```
//!
//! This was a regular expression; read by hand it costs nothing to build (the
//! regex took a quarter of the engine's start-up in the browser) and a fraction to
//! run. The matches are the regex's leftmost-first ones (a test compares them).
//! Offsets are bytes of the normalised text (`Doc::norm`).

/// Arabic articles glued by a hyphen (`al-`, `ez-`).
const PREFIXES: &[&str] = &["al", "el", "ad", "ar", "as", "ash", "az", "an", "at", "ed", "es", "ez", "ech"];
/// Words that may stand between two parts of one name (`Abou Omar al Homsi`,
/// `Bachar el Assad`, `Forces de Protection`).
const PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "az", "an", "at", "ed", "es", "ez", "ech", "ben", "bin", "ibn", "bou", "abou", "abu",
    "ould", "ag", "de", "du", "des", "la", "le",
];
/// Articles between a cue and its name (`le village de X`, `la ville d'X`).
const ARTICLES: &[&str] = &["de", "du", "des", "la", "le", "les"];

/// Upper-case Latin letters a name starts with.
pub fn is_upper(c: char) -> bool {
    c.is_ascii_uppercase()
        || (!c.is_ascii() && (matches!(c, 'À'..='Ö' | 'Ø'..='Þ') || "ŒŠŽŸĀĂĄĆČĎĐĒĖĘĚĞĪİŁŃŇŌŐŘŚŞŢŤŪŮŰŹŻ".contains(c)))
}

/// Whether a prefix (`al-`, `ash-`: two or three letters and a hyphen) may start
/// at `at`: a cheap test before trying each one.
fn may_be_prefix(bytes: &[u8], at: usize) -> bool {
    matches!(bytes.get(at), Some(b'a' | b'e')) && (bytes.get(at + 2) == Some(&b'-') || bytes.get(at + 3) == Some(&b'-'))
}

/// Letters and digits a name is written with (Latin with its accents), and `'`.
fn is_word(c: char) -> bool {
    matches!(c, '0'..='9' | 'A'..='Z' | 'a'..='z' | '_' | '\'' | 'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ɏ' | 'Ḁ'..='ỿ')
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

/// `word` at `at` followed by one of `then`: the offset after that character.
fn word_then(text: &str, at: usize, word: &str, then: &[char]) -> Option<usize> {
    let rest = text.get(at..)?.strip_prefix(word)?;
    let c = rest.chars().next().filter(|c| then.contains(c))?;
    Some(at + word.len() + c.len_utf8())
}

/// One of `words` at `at` followed by one of `then` (the first that fits, as a
/// regex alternation tries them).
fn any_word_then(text: &str, at: usize, words: &[&str], then: &[char]) -> Option<usize> {
    words.iter().find_map(|w| word_then(text, at, w, then))
}

/// The end of one PART starting at `at`.
fn part(text: &str, at: usize) -> Option<usize> {
    let prefixed = if may_be_prefix(text.as_bytes(), at) { any_word_then(text, at, PREFIXES, &['-']) } else { None };
    let start = prefixed.filter(|&p| char_at(text, p).is_some_and(is_upper)).unwrap_or(at);
    let c = char_at(text, start).filter(|&c| is_upper(c))?;
    let mut end = start + c.len_utf8();
    let word_run = |from: usize| -> usize {
        let s = &text[from..];
        from + s.char_indices().find(|&(_, c)| !is_word(c)).map_or(s.len(), |(i, _)| i)
    };
    end = word_run(end);
    // ("-" WORD+)*
    while text[end..].starts_with('-') {
        let after = word_run(end + 1);
        if after == end + 1 {
            break;
        }
        end = after;
    }
    Some(end)
}

/// The end of a NAME starting exactly at `at`, if one does.
pub fn name_at(text: &str, at: usize) -> Option<usize> {
    let mut end = part(text, at)?;
    loop {
        if !(text[end..].starts_with(' ') || text[end..].starts_with('-')) {
            break;
        }
        let q = end + 1;
        // A particle is lower case: only then is it worth trying each.
        let particle = if text.as_bytes().get(q).is_some_and(u8::is_ascii_lowercase) { any_word_then(text, q, PARTICLES, &[' ', '-']) } else { None };
        let next = particle.and_then(|p| part(text, p)).or_else(|| part(text, q));
        match next {
            Some(e) => end = e,
            None => break,
        }
    }
    Some(end)
}

/// Every NAME in `text`, leftmost first, not overlapping: `(start, end)`.
pub fn find_names(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    let bytes = text.as_bytes();
    std::iter::from_fn(move || {
        while at < text.len() {
            let b = bytes[at];
            // Most bytes are lower-case ASCII that opens nothing, or spaces.
            if b.is_ascii() && !b.is_ascii_uppercase() && !may_be_prefix(bytes, at) {
                at += 1;
                continue;
            }
            let c = char_at(text, at)?;
            // Only an upper-case letter or a prefix can open one.
            if is_upper(c) || may_be_prefix(bytes, at) {
                if let Some(end) = name_at(text, at) {
                    let start = at;
                    at = end;
                    return Some((start, end));
                }
            }
            at += c.len_utf8();
        }
        None
    })
}

/// What stands between a cue (or a listed name) and the name it announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Spaces: `Abou Omar`, `à Dioura`.
    Bare,
    /// Spaces and an optional article: `le village de Tal al-Milh`, `la ville d'Idleb`.
    Linked,
    /// The next item of a list: `, X`, `, et X`, ` et X`, ` ou X`, ` ainsi que de X`.
    More,
}

fn spaces(text: &str, at: usize) -> usize {
    at + text[at..].bytes().take_while(|b| *b == b' ').count()
}

/// After `link` at `at`, the NAME it leads to: `(start, end)`.
pub fn after_link(text: &str, at: usize, link: Link) -> Option<(usize, usize)> {
    let name = |p: usize| name_at(text, p).map(|e| (p, e));
    match link {
        Link::Bare => {
            let p = spaces(text, at);
            (p > at).then_some(())?;
            name(p)
        }
        Link::Linked => {
            let p = spaces(text, at);
            (p > at).then_some(())?;
            let with_article = ARTICLES
                .iter()
                .find_map(|w| word_then(text, p, w, &[' ']).map(|q| spaces(text, q)))
                .or_else(|| any_word_then(text, p, &["d", "l"], &['\'']));
            with_article.and_then(name).or_else(|| name(p))
        }
        Link::More => {
            // `, *(?:et +|ou +)?`
            if text[at..].starts_with(',') {
                let p = spaces(text, at + 1);
                let joined = ["et", "ou"].iter().find_map(|w| word_then(text, p, w, &[' ']).map(|q| spaces(text, q)));
                if let Some(found) = joined.and_then(name).or_else(|| name(p)) {
                    return Some(found);
                }
            }
            let p = spaces(text, at);
            (p > at).then_some(())?;
            // ` +et +`, ` +ou +`, ` +ainsi que +(?:de +|d')?`
            for w in ["et", "ou"] {
                if let Some(q) = word_then(text, p, w, &[' ']) {
                    if let Some(found) = name(spaces(text, q)) {
                        return Some(found);
                    }
                }
            }
            let q = word_then(text, p, "ainsi que", &[' ']).map(|q| spaces(text, q))?;
            let article = word_then(text, q, "de", &[' ']).map(|r| spaces(text, r)).or_else(|| word_then(text, q, "d", &['\'']));
            article.and_then(name).or_else(|| name(q))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    /// The regular expressions these functions replace, kept here as their
    /// specification.
    const NAME: &str = concat!(
        r"(?:(?:al|el|ad|ar|as|ash|az|an|at|ed|es|ez|ech)-)?UP[WD']*(?:-[WD']+)*",
        r"(?:[ -](?:(?:al|el|ad|ar|as|ash|az|an|at|ed|es|ez|ech|ben|bin|ibn|bou|abou|abu|ould|ag|de|du|des|la|le)[ -])?",
        r"(?:(?:al|el|ad|ar|as|ash|az|an|at|ed|es|ez|ech)-)?UP[WD']*(?:-[WD']+)*)*"
    );
    const UPPER: &str = "[A-ZÀ-ÖØ-ÞŒŠŽŸĀĂĄĆČĎĐĒĖĘĚĞĪİŁŃŇŌŐŘŚŞŢŤŪŮŰŹŻ]";
    const WORD_CHARS: &str = "0-9A-Za-z_ªµºÀ-ÖØ-öø-ɏḀ-ỿ";

    fn name_re() -> String {
        NAME.replace("UP", UPPER).replace("WD", WORD_CHARS)
    }

    fn link_re(link: Link) -> Regex {
        let l = match link {
            Link::Bare => r" +",
            Link::Linked => r" +(?:(?:de|du|des|la|le|les) +|d'|l')?",
            Link::More => r"(?:, *(?:et +|ou +)?| +et +| +ou +| +ainsi que +(?:de +|d')?)",
        };
        Regex::new(&format!(r"^{l}({})", name_re())).unwrap()
    }

    fn check(text: &str) {
        let re = Regex::new(&name_re()).unwrap();
        let by_regex: Vec<(usize, usize)> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
        assert_eq!(find_names(text).collect::<Vec<_>>(), by_regex, "find_names on {text:?}");
        for link in [Link::Bare, Link::Linked, Link::More] {
            let re = link_re(link);
            for (at, _) in text.char_indices() {
                let want = re.captures(&text[at..]).map(|c| (at + c.get(1).unwrap().start(), at + c.get(1).unwrap().end()));
                assert_eq!(after_link(text, at, link), want, "{link:?} at {at} in {text:?}");
            }
        }
    }

    #[test]
    fn names_as_the_regex_read_them() {
        for t in [
            "près du village de Tal al-Milh, au sud",
            "la milice Brigades Souwwar al-Cham a perdu",
            "le général Rida Hafez Makhlouf est mort",
            "son chef Abou Omar al-Homsi, et Bachar el Assad",
            "les villages Mrayiyya, Mou-Hassan, Ayyache et Hatlat ainsi que d'Anadan",
            "à Deir ez-Zor et al-Jafrat, la ville d'Idleb ou de Homs",
            "les Forces de Protection du Peuple - Al-Qaïda",
            "Élysée, Œuvre d'Orient, Şanlıurfa, Ḥalab",
            "X ben Y bin Z ould W ag V",
            "a-B as-C ash-D -E --F G- H-- ",
        ] {
            check(t);
        }
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "A", "Alep", "Tal", "al", "el", "as", "ash", "de", "des", "du", "la", "le", "les", "d'", "l'", "et", "ou", "ainsi", "que",
            "ben", "Homs", "Ézéchiel", "Şam", "é", "x", "3", "'", "-", " ", " ", ",", ", ", ".", "Œ", "ŒUVRE", "Ḥ", "ß", "日本", "Z-",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn same_matches_as_the_regex(pieces in prop::collection::vec(piece(), 0..14)) {
            check(&pieces.concat());
        }
    }
}
