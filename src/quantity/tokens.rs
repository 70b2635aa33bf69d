//! Words, numbers and punctuation of a stretch of folded text, with character
//! indices into the `Doc`.
//!
//! Tolls are read as short word patterns (`a perdu 10 de ses hommes qui ont été
//! tués`), which are easier to state over tokens than over raw regexes. Digit groups
//! are joined here (`5.000`, `5 000`, `3,5`) so that `5 000 combattants` is one
//! figure, and an elided article stays attached to its apostrophe (`d'`, `l'`) so
//! that `d'autres` reads as `d'` + `autres`.

use crate::text::Doc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    /// Digits; `int` holds the integer value when it fits, `frac` marks a decimal.
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub kind: TokKind,
    /// Folded text (lower case, no accents), borrowed from the `Doc`; for numbers,
    /// as written (`5.000`: `int` holds the value).
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Value of a number token (integer part); `None` if it overflows.
    pub int: Option<u64>,
    /// A decimal number (`3,5`), whose fractional part is in `frac_digits`.
    pub frac_digits: Option<&'a str>,
}

impl Token<'_> {
    pub fn is(&self, w: &str) -> bool {
        self.kind == TokKind::Word && self.text == w
    }
    pub fn is_any(&self, ws: &[&str]) -> bool {
        self.kind == TokKind::Word && ws.contains(&self.text)
    }
}

/// Tokens of the folded text between character indices `start` and `end`.
/// The folded text is ASCII, one byte a character, so byte and character
/// positions are the same here and tokens borrow their text.
pub fn tokenize<'a>(doc: &'a Doc, start: usize, end: usize) -> Vec<Token<'a>> {
    let end = end.min(doc.len());
    if start >= end {
        return Vec::new();
    }
    let text = doc.fold_slice(start, end);
    debug_assert!(text.is_ascii());
    let chars = text.as_bytes();
    let mut out = Vec::with_capacity(chars.len() / 5);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as char).is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let (tok, next) = number(text, i, start);
            out.push(tok);
            i = next;
        } else if c.is_ascii_alphabetic() {
            let s = i;
            while i < chars.len() {
                let c = chars[i];
                let inner = (c == b'-' || c == b'\'')
                    && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic())
                    && i > s;
                if c.is_ascii_alphabetic() || (c == b'-' && inner) {
                    i += 1;
                } else if c == b'\'' && inner {
                    i += 1; // elision: the apostrophe ends the token
                    break;
                } else {
                    break;
                }
            }
            out.push(Token { kind: TokKind::Word, text: &text[s..i], start: start + s, end: start + i, int: None, frac_digits: None });
        } else {
            out.push(Token { kind: TokKind::Punct, text: &text[i..i + 1], start: start + i, end: start + i + 1, int: None, frac_digits: None });
            i += 1;
        }
    }
    out
}

/// Read a number from `text[i..]` (ASCII): digits, thousands groups (`5.000`,
/// `5 000`) and a decimal part (`3,5`). Returns the token and the index after it.
fn number(text: &str, i: usize, base: usize) -> (Token<'_>, usize) {
    let chars = text.as_bytes();
    let digits_at = |k: usize, n: usize| (k..k + n).all(|j| chars.get(j).is_some_and(|c| c.is_ascii_digit()));
    let mut j = i;
    while j < chars.len() && chars[j].is_ascii_digit() {
        j += 1;
    }
    // Thousands groups: a separator followed by exactly three digits.
    if j - i <= 3 {
        loop {
            let sep = chars.get(j).copied();
            if matches!(sep, Some(b'.') | Some(b' ')) && digits_at(j + 1, 3) && !chars.get(j + 4).is_some_and(|c| c.is_ascii_digit()) {
                j += 4;
            } else {
                break;
            }
        }
    }
    let int_end = j;
    let mut frac = None;
    if chars.get(j) == Some(&b',') && chars.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
        let s = j + 1;
        let mut k = s;
        while k < chars.len() && chars[k].is_ascii_digit() {
            k += 1;
        }
        frac = Some(&text[s..k]);
        j = k;
    }
    // The value of the digits, separators skipped; more than 18 digits overflow.
    let digits = chars[i..int_end].iter().filter(|c| c.is_ascii_digit());
    let int = if digits.clone().count() <= 18 { Some(digits.fold(0u64, |v, d| v * 10 + u64::from(d - b'0'))) } else { None };
    (Token { kind: TokKind::Num, text: &text[i..int_end], start: base + i, end: base + j, int, frac_digits: frac }, j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_elision() {
        let doc = Doc::new("Quelques 5.000 miliciens, 5 000 autres, 3,5 millions et d'autres à 8h30.");
        let toks = tokenize(&doc, 0, doc.len());
        let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(&texts[..4], &["quelques", "5.000", "miliciens", ","]);
        assert_eq!(toks[4].int, Some(5000));
        assert_eq!(toks[7].frac_digits, Some("5"));
        assert!(texts.contains(&"d'"));
        assert!(texts.contains(&"autres"));
    }
}
