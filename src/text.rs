//! Normalisation with an offset map back to the input.
//!
//! Real articles mix curly and straight apostrophes, non-breaking spaces, stray
//! control characters and Cyrillic look-alike letters inside Latin words (`TU- 22М3`).
//! Rules should see one clean spelling, and every span they find must still slice the
//! caller's text exactly. So normalisation here is strictly one character for one
//! character: the normalised text (`norm`) and the folded text used for lexicon lookup
//! (`fold`: lower case, no accents) have the same number of characters as the input,
//! and a character index is the same position in all three. Stages work in character
//! indices; only the output converts them to UTF-16 code units for JavaScript.

// A path, not the default lookup: build.rs includes this file by path too
// (lexicon keys fold exactly as articles do) and must find the same module.
#[path = "text/offsets.rs"]
mod offsets;

use offsets::{Offsets, OffsetsBuilder};

/// One article, in its three aligned forms.
pub struct Doc<'a> {
    /// The caller's text, untouched.
    pub orig: &'a str,
    /// Same characters, with apostrophes, spaces, quotes and look-alikes unified.
    pub norm: String,
    /// `norm` in lower case without diacritics, for case- and accent-blind lookup.
    pub fold: String,
    /// `orig` with the byte and UTF-16 offsets of its characters.
    original: Original<'a>,
    /// Byte offsets of `norm`'s characters (normalising changes some UTF-8 lengths).
    norm_offsets: Offsets,
}

/// The caller's text and the offsets of its characters: all the output needs of a
/// [`Doc`], kept once the stages are done (`Doc::into_original`) so that the
/// normalised and folded copies are freed before the output is built.
pub struct Original<'a> {
    text: &'a str,
    offsets: Offsets,
}

impl<'a> Original<'a> {
    /// The caller's text between two character indices.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.offsets.byte(start)..self.offsets.byte(end)]
    }

    /// UTF-16 offset of a character index.
    pub fn utf16(&self, ch: usize) -> usize {
        self.offsets.utf16(ch)
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.offsets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<'a> Doc<'a> {
    pub fn new(orig: &'a str) -> Doc<'a> {
        let n = orig.chars().count();
        // Normalising never lengthens a character: `norm` fits in `orig`'s length.
        let mut norm = String::with_capacity(orig.len());
        let mut fold: Vec<u8> = Vec::with_capacity(n);
        let mut orig_offsets = OffsetsBuilder::with_capacity(n);
        let mut norm_offsets = OffsetsBuilder::with_capacity(n);
        let bytes = orig.as_bytes();
        let (mut i, mut prev) = (0, None);
        while i < bytes.len() {
            // A run of printable ASCII, spaces and line feeds stays as it is (most of
            // an article): copied whole, folded by lowering its case.
            let run = bytes[i..].iter().position(|&b| !stays_ascii(b)).unwrap_or(bytes.len() - i);
            if run > 0 {
                let text = &orig[i..i + run];
                norm.push_str(text);
                fold.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
                orig_offsets.push_ascii(run);
                norm_offsets.push_ascii(run);
                i += run;
                prev = Some(char::from(bytes[i - 1]));
                continue;
            }
            let o = orig[i..].chars().next().expect("a character at a boundary");
            let next = orig[i + o.len_utf8()..].chars().next();
            let c = normalize_char(o, prev, next);
            orig_offsets.push(o);
            norm_offsets.push(c);
            norm.push(c);
            fold.push(fold_char(c) as u8);
            i += o.len_utf8();
            prev = Some(o);
        }
        // `fold` is ASCII, one byte a character: its byte offsets are character indices.
        debug_assert!(fold.is_ascii() && fold.len() == n);
        let fold = String::from_utf8(fold).expect("fold_char gives ASCII");
        Doc { orig, norm, fold, original: Original { text: orig, offsets: orig_offsets.finish() }, norm_offsets: norm_offsets.finish() }
    }

    /// The caller's text and its offsets, the rest freed.
    pub fn into_original(self) -> Original<'a> {
        self.original
    }

    /// The caller's text and its offsets.
    pub fn original(&self) -> &Original<'a> {
        &self.original
    }

    /// Number of characters (the same in all three forms).
    pub fn len(&self) -> usize {
        self.original.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Character index of a byte offset in `norm` (the character holding it when it
    /// is not a boundary).
    pub fn char_of_norm(&self, byte: usize) -> usize {
        self.norm_offsets.char_at_byte(&self.norm, byte)
    }

    /// Character index of a byte offset in `fold` (must be a char boundary).
    pub fn char_of_fold(&self, byte: usize) -> usize {
        byte
    }

    /// Byte offset in `norm` of a character index.
    pub fn norm_byte(&self, ch: usize) -> usize {
        self.norm_offsets.byte(ch)
    }

    /// Byte offset in `fold` of a character index.
    pub fn fold_byte(&self, ch: usize) -> usize {
        ch
    }

    /// The caller's text between two character indices.
    pub fn orig_slice(&self, start: usize, end: usize) -> &'a str {
        self.original.slice(start, end)
    }

    /// The normalised text between two character indices.
    pub fn norm_slice(&self, start: usize, end: usize) -> &str {
        &self.norm[self.norm_offsets.byte(start)..self.norm_offsets.byte(end)]
    }

    /// The folded text between two character indices.
    pub fn fold_slice(&self, start: usize, end: usize) -> &str {
        &self.fold[start..end]
    }

    /// UTF-16 offset of a character index.
    pub fn utf16(&self, ch: usize) -> usize {
        self.original.utf16(ch)
    }

    /// The character at an index of `norm`.
    pub fn norm_char(&self, ch: usize) -> Option<char> {
        if ch >= self.len() {
            return None;
        }
        self.norm[self.norm_offsets.byte(ch)..].chars().next()
    }
}

/// Each character of `s` with its normalisation, which looks at its neighbours: one
/// pass, no copy of the text.
/// Bytes `normalize_char` and `fold_char` keep as they are, up to case.
fn stays_ascii(b: u8) -> bool {
    b == b' ' || b == b'\n' || (b.is_ascii_graphic() && b != b'`')
}

fn normalized(s: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let mut chars = s.chars();
    let (mut prev, mut cur) = (None, chars.next());
    std::iter::from_fn(move || {
        let c = cur?;
        let next = chars.next();
        let pair = (c, normalize_char(c, prev, next));
        (prev, cur) = (Some(c), next);
        Some(pair)
    })
}

/// The one-for-one normalisation of a character, given its neighbours.
#[inline]
pub fn normalize_char(c: char, prev: Option<char>, next: Option<char>) -> char {
    // Most characters are printable ASCII and stay as they are.
    if c == ' ' || (c.is_ascii_graphic() && c != '`') {
        return c;
    }
    normalize_other(c, prev, next)
}

fn normalize_other(c: char, prev: Option<char>, next: Option<char>) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '`' | '\u{02BF}' | '\u{02BE}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{00AD}' => '-',
        '\r' => {
            if next == Some('\n') {
                ' '
            } else {
                '\n'
            }
        }
        '\n' => '\n',
        '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
        c if c.is_whitespace() => ' ',
        c if c.is_control() => ' ',
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => ' ',
        c => match lookalike(c) {
            Some(latin) if is_latin_context(prev) || is_latin_context(next) => latin,
            _ => c,
        },
    }
}

fn is_latin_context(c: Option<char>) -> bool {
    match c {
        Some(c) => c.is_ascii_alphanumeric() || ('\u{00C0}'..='\u{024F}').contains(&c),
        None => false,
    }
}

/// Cyrillic and Greek letters that look like Latin ones.
fn lookalike(c: char) -> Option<char> {
    Some(match c {
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'Е' | 'Ε' => 'E',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Н' | 'Η' => 'H',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'С' => 'C',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'У' => 'Y',
        'І' | 'Ι' => 'I',
        'Ζ' => 'Z',
        'Ν' => 'N',
        'а' | 'α' => 'a',
        'е' => 'e',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'с' => 'c',
        'х' => 'x',
        'у' => 'y',
        'і' => 'i',
        'ѕ' => 's',
        'ј' => 'j',
        _ => return None,
    })
}

/// Lower case without diacritics, one character for one character, and always ASCII:
/// the key that lexicon lookup compares, so `Alep`, `ALEP` and `Alèp` meet. Being
/// ASCII also keeps the regex engines on their fast path (a Unicode word boundary
/// sends them to a slow one on any non-ASCII byte). Letters with no Latin base
/// (`œ` aside) become `x`, digits of other scripts too; other symbols become a
/// space or the ASCII punctuation they look like.
#[inline]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    fold_other(c)
}

fn fold_other(c: char) -> char {
    let lower = {
        let mut it = c.to_lowercase();
        match (it.next(), it.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    };
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'æ' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' | 'ḍ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
        'ħ' | 'ĥ' | 'ḥ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'œ' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'ş' | 'š' | 'ŝ' | 'ș' | 'ṣ' | 'ß' => 's',
        'ţ' | 'ť' | 'ț' | 'ṭ' | 'þ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' | 'ẓ' => 'z',
        '«' | '»' | '‹' | '›' => '"',
        '–' | '—' | '―' | '−' => '-',
        '…' => '.',
        '°' | 'º' => 'o',
        c if c.is_alphanumeric() => 'x',
        _ => ' ',
    }
}

/// Fold a whole string the way `Doc::fold` is built (for lexicon keys).
pub fn fold_str(s: &str) -> String {
    normalized(s).map(|(_, c)| fold_char(c)).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The ASCII runs copied whole give what normalising each character gives.
        #[test]
        fn runs_equal_char_by_char(t in "([a-zA-Z0-9 .,'`\n\r\t]|é|’|«|\u{a0}|М|Т|😀|\u{200b}|\u{85}){0,80}") {
            let d = Doc::new(&t);
            let norm: String = normalized(&t).map(|(_, c)| c).collect();
            prop_assert_eq!(&d.norm, &norm);
            prop_assert_eq!(&d.fold, &fold_str(&t));
            let mut ch = 0;
            for (b, c) in t.char_indices() {
                prop_assert_eq!(d.orig_slice(ch, ch + 1), &t[b..b + c.len_utf8()]);
                ch += 1;
            }
            prop_assert_eq!(d.len(), ch);
        }
    }

    use super::*;

    #[test]
    fn one_char_for_one_char() {
        let t = "l\u{2019}armée à\u{a0}Alep, TU- 22М3 😀\r\nfin";
        let d = Doc::new(t);
        assert_eq!(d.norm.chars().count(), t.chars().count());
        assert_eq!(d.fold.chars().count(), t.chars().count());
        assert!(d.norm.contains("l'armée à Alep"));
        assert!(d.norm.contains("TU- 22M3"));
        assert!(d.fold.contains("l'armee a alep"));
        assert!(d.fold.is_ascii());
        assert_eq!(d.orig_slice(2, 7), "armée");
    }

    #[test]
    fn original_outlives_the_normalised_forms() {
        let t = "l\u{2019}armée 😀 à Alep";
        let d = Doc::new(t);
        let (slice, utf16, len) = (d.orig_slice(2, 7), d.utf16(9), d.len());
        let o = d.into_original();
        assert_eq!((o.slice(2, 7), o.utf16(9), o.len()), (slice, utf16, len));
        assert_eq!(o.slice(0, o.len()), t);
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let d = Doc::new("a😀b");
        assert_eq!(d.len(), 3);
        assert_eq!(d.utf16(2), 3);
        assert_eq!(d.utf16(3), 4);
    }

    #[test]
    fn cyrillic_word_stays_cyrillic() {
        let d = Doc::new("Москва");
        assert_eq!(d.norm, "Москва");
    }

    #[test]
    fn byte_to_char() {
        let d = Doc::new("été à Alep");
        let b = d.norm.find("Alep").unwrap();
        assert_eq!(d.char_of_norm(b), 6);
        let b = d.fold.find("alep").unwrap();
        assert_eq!(d.char_of_fold(b), 6);
    }
}
