//! A key that makes transliterations of one Arabic name meet: `Deir Ezzor`,
//! `Deir ez-Zor` and `Dayr az Zawr`; `Jaïsh al-Fateh`, `Jaïch al-Fath` and `Jaysh
//! al-Fatah`. French, English and German spellings of Arabic differ mostly in vowels,
//! digraphs (`ch`/`sh`/`sch`, `dj`/`j`, `ou`/`u`), doubled letters and the article
//! (`al-`, `el-`, `ez-`...), so the key keeps the consonant skeleton of each word,
//! with digraphs unified and articles dropped.

use super::Alias;
use crate::text::fold_str;

/// Arabic articles (and their assimilated forms) written as separate words.
const ARTICLES: &[&str] = &["al", "el", "ad", "ar", "as", "ash", "az", "an", "at", "ed", "er", "es", "esh", "et", "ez", "ech", "ach", "ul", "ud", "ut"];

/// Digraphs and letters that stand for one sound, in the order they are replaced.
const DIGRAPHS: &[(&[u8], u8)] = &[(b"sch", b's'), (b"ch", b's'), (b"sh", b's'), (b"dj", b'j'), (b"kh", b'k'), (b"gh", b'g'), (b"ph", b'f'), (b"th", b't'), (b"dh", b'd'), (b"q", b'k'), (b"ck", b'k')];

/// The skeleton an entity's alias is known by, from its folded key, for the aliases
/// it can tell: not exact-case acronyms, not stems, not names under five characters.
pub fn alias_key(alias: &Alias, folded: &str) -> Option<String> {
    if alias.exact_case || alias.stem || alias.text.chars().count() < 5 {
        return None;
    }
    key_of_folded(folded)
}

/// The skeleton key of a name, or `None` when too little is left to be telling.
pub fn key(name: &str) -> Option<String> {
    key_of_folded(&fold_str(name))
}

/// [`key`] of a name already folded (`text::fold_str`, so ASCII). Works in two
/// reused buffers: it runs on every alias when the lexicons load.
fn key_of_folded(folded: &str) -> Option<String> {
    debug_assert!(folded.is_ascii());
    let several = words(folded).nth(1).is_some();
    let mut out = String::with_capacity(folded.len());
    let mut scratch = Vec::with_capacity(folded.len());
    for w in words(folded).filter(|w| !(several && is_article(w))) {
        let mark = out.len();
        if mark > 0 {
            out.push(' ');
        }
        let from = out.len();
        push_skeleton(w, &mut scratch, &mut out);
        if out.len() == from {
            out.truncate(mark);
        }
    }
    enough(&out).then_some(out)
}

/// The words of a folded name: split at spaces, hyphens and apostrophes.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    // (what `char::is_whitespace` calls space, in ASCII, which folded text is)
    folded.split(|c: char| matches!(c, '\'' | '-' | ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')).filter(|w| !w.is_empty())
}

fn is_article(word: &str) -> bool {
    // (articles are at most three letters: most words are turned away at once)
    word.len() <= 3 && ARTICLES.contains(&word)
}

/// A key tells a name only with three consonants or more.
fn enough(key: &str) -> bool {
    key.len() - key.matches(' ').count() >= 3
}

/// One word's consonants, digraphs unified and doubles single, appended to `out`;
/// `scratch` is a reused buffer.
fn push_skeleton(word: &str, scratch: &mut Vec<u8>, out: &mut String) {
    scratch.clear();
    scratch.extend_from_slice(word.as_bytes());
    // (every digraph has an h, j, k or q)
    if scratch.iter().any(|b| matches!(b, b'h' | b'j' | b'k' | b'q')) {
        for &(from, to) in DIGRAPHS {
            replace(scratch, from, to);
        }
    }
    let mut last = None;
    for &b in scratch.iter() {
        let vowel_like = matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'h' | b'w');
        if b.is_ascii_alphanumeric() && !vowel_like && last != Some(b) {
            out.push(b as char);
            last = Some(b);
        }
    }
}

/// `str::replace` of `from` by one byte, in place (left to right, no overlaps).
fn replace(word: &mut Vec<u8>, from: &[u8], to: u8) {
    let (mut read, mut write) = (0, 0);
    while read < word.len() {
        if word[read] == from[0] && word[read..].starts_with(from) {
            word[write] = to;
            read += from.len();
        } else {
            word[write] = word[read];
            read += 1;
        }
        write += 1;
    }
    word.truncate(write);
}

/// One word of a folded name as the key sees it: variant lookup reads each word of a
/// capitalised sequence once and joins the words of each run ([`join`]), instead of
/// making the key of every run anew.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// An Arabic article, dropped when the name has other words.
    pub article: bool,
    /// Consonants with digraphs unified and doubles single; may be empty.
    pub skeleton: String,
}

impl Word {
    pub fn new(folded: &str) -> Word {
        let mut skeleton = String::new();
        push_skeleton(folded, &mut Vec::new(), &mut skeleton);
        Word { article: is_article(folded), skeleton }
    }
}

/// The key of a name from its words, as [`key`] gives it.
pub fn join(words: &[&Word]) -> Option<String> {
    let several = words.len() > 1;
    let mut out = String::new();
    for w in words.iter().filter(|w| !(several && w.article) && !w.skeleton.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.skeleton);
    }
    enough(&out).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition, written plainly: what the byte-buffer version must give.
    fn plain_key(name: &str) -> Option<String> {
        let folded = fold_str(name).replace(['\'', '-'], " ");
        let words: Vec<&str> = folded.split_whitespace().collect();
        let keep: Vec<&str> = if words.len() > 1 { words.iter().copied().filter(|w| !ARTICLES.contains(w)).collect() } else { words };
        let mut out = Vec::new();
        for w in keep {
            let mut w = w.to_string();
            for (from, to) in DIGRAPHS {
                w = w.replace(std::str::from_utf8(from).unwrap(), &(*to as char).to_string());
            }
            let mut skeleton = String::new();
            for c in w.chars().filter(|c| c.is_ascii_alphanumeric() && !"aeiouyhw".contains(*c)) {
                if !skeleton.ends_with(c) {
                    skeleton.push(c);
                }
            }
            if !skeleton.is_empty() {
                out.push(skeleton);
            }
        }
        let consonants: usize = out.iter().map(|w| w.len()).sum();
        (consonants >= 3).then(|| out.join(" "))
    }

    #[test]
    fn the_fast_key_is_the_plain_one_on_every_builtin_name() {
        let x = crate::extractor();
        let mut n = 0;
        for e in &x.matcher().entries {
            for a in e.aliases.iter().map(|a| a.text.as_ref()).chain([e.canonical.as_str()]) {
                assert_eq!(key(a), plain_key(a), "{a}");
                n += 1;
            }
        }
        assert!(n > 5000, "{n} names");
    }

    proptest! {
        #[test]
        fn the_fast_key_is_the_plain_one(name in "([a-zA-Z'\\- éïçÉ\\t]|sch|ch|sh|dj|kh|gh|ph|th|dh|ck|q|al |el-|ash-){0,12}") {
            prop_assert_eq!(key(&name), plain_key(&name));
        }
    }

    #[test]
    fn variants_meet() {
        for group in [
            &["Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour"][..],
            &["Jaïsh al-Fateh", "Jaïch al-Fath", "Jaysh al-Fatah", "Jaish al-Fatah"],
            &["Ahrar al-Cham", "Ahrar al-Sham", "Ahrar esh-Cham", "Ahrar ash-Sham"],
            &["Jisr al-Choghour", "Jisr al-Shughur", "Jisr ech-Choughour"],
            &["Abou Mohammed al-Jolani", "Abu Mohammad al-Joulani", "Abou Mouhammad al-Jawlani"],
        ] {
            let k = key(group[0]).unwrap();
            for v in group {
                assert_eq!(key(v).as_deref(), Some(k.as_str()), "{v} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn different_names_differ() {
        assert_ne!(key("Manbij"), key("Mayadine"));
        assert_ne!(key("Alep"), key("Idleb"));
        assert_ne!(key("Tartous"), key("Tadmor"));
        assert_eq!(key("EI"), None);
        assert_eq!(key("Hama"), None, "too short to be telling");
    }

    proptest! {
        #[test]
        fn words_joined_give_the_key(name in "([a-zA-Z'\\- éïçÉ\\t]|sch|ch|sh|dj|kh|gh|ph|th|dh|ck|q|al |el-|ash-){0,12}") {
            let folded = fold_str(&name);
            let words: Vec<Word> = words(&folded).map(Word::new).collect();
            prop_assert_eq!(join(&words.iter().collect::<Vec<_>>()), plain_key(&name));
        }
    }
}
