//! French cardinal numbers written in words (`vingt-cinq`, `soixante et onze`,
//! `quatre-vingt-dix-neuf`, `deux cents`, `trois mille cinq cents`).
//!
//! Articles spell small tolls in words (`deux civils`, `dix autres`), and temporal
//! expressions need them too (`ces quatre derniers jours`), so this parser works on
//! folded words (lower case, no accents) and is shared by both modules. It is
//! deliberately strict: a sequence that is not a well-formed French number (`deux
//! trois`) is cut at the last place where it still was one, so stray words never
//! inflate a figure. All arithmetic is checked: an overflowing figure is no number.

/// The value of one folded number word, and whether it multiplies what precedes it.
fn word_value(w: &str) -> Option<(u64, Kind)> {
    // Every word below is 2 to 9 letters and starts with one of these: most words
    // of a sentence are turned away before the table is searched.
    if !(2..=9).contains(&w.len()) || !w.as_bytes().first().is_some_and(|b| b"cdhmnoqstuvz".contains(b)) {
        return None;
    }
    Some(match w {
        "zero" => (0, Kind::Unit),
        "un" | "une" => (1, Kind::Unit),
        "deux" => (2, Kind::Unit),
        "trois" => (3, Kind::Unit),
        "quatre" => (4, Kind::Unit),
        "cinq" => (5, Kind::Unit),
        "six" => (6, Kind::Unit),
        "sept" => (7, Kind::Unit),
        "huit" => (8, Kind::Unit),
        "neuf" => (9, Kind::Unit),
        "dix" => (10, Kind::Teen),
        "onze" => (11, Kind::Teen),
        "douze" => (12, Kind::Teen),
        "treize" => (13, Kind::Teen),
        "quatorze" => (14, Kind::Teen),
        "quinze" => (15, Kind::Teen),
        "seize" => (16, Kind::Teen),
        "vingt" | "vingts" => (20, Kind::Ten),
        "trente" => (30, Kind::Ten),
        "quarante" => (40, Kind::Ten),
        "cinquante" => (50, Kind::Ten),
        "soixante" => (60, Kind::Ten),
        "septante" => (70, Kind::Ten),
        "huitante" | "octante" => (80, Kind::Ten),
        "nonante" => (90, Kind::Ten),
        "cent" | "cents" => (100, Kind::Hundred),
        "mille" | "mil" => (1_000, Kind::Big),
        "million" | "millions" => (1_000_000, Kind::Big),
        "milliard" | "milliards" => (1_000_000_000, Kind::Big),
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Unit,
    Teen,
    Ten,
    Hundred,
    Big,
}

/// True when `w` (folded) is a French number word, `et` excluded.
pub fn is_number_word(w: &str) -> bool {
    word_value(w).is_some()
}

/// Incremental parser: feed words one by one; `value` is the number so far.
#[derive(Default, Clone, Debug)]
pub struct WordNumber {
    total: u64,
    current: u64,
    /// Value of the last additive group within `current` below 100 (for `quatre-vingt`).
    below_hundred: u64,
    last: Option<Kind>,
    pending_et: bool,
    words: usize,
}

impl WordNumber {
    /// Try to extend the number with one folded word (`et` allowed between tens and
    /// `un`/`onze`). Returns false, leaving the state untouched, when the word does
    /// not continue a well-formed number.
    pub fn push(&mut self, w: &str) -> bool {
        if w == "et" {
            if self.last == Some(Kind::Ten) && !self.pending_et {
                self.pending_et = true;
                return true;
            }
            return false;
        }
        let Some((v, kind)) = word_value(w) else { return false };
        let mut next = self.clone();
        if next.apply(v, kind).is_none() {
            return false;
        }
        *self = next;
        true
    }

    fn apply(&mut self, v: u64, kind: Kind) -> Option<()> {
        if self.pending_et && !(v == 1 || v == 11) {
            return None;
        }
        self.pending_et = false;
        match kind {
            Kind::Unit | Kind::Teen => {
                // A unit follows nothing, a ten (vingt-deux, soixante-dix), a hundred or a big.
                match self.last {
                    None | Some(Kind::Hundred) | Some(Kind::Big) => {}
                    Some(Kind::Ten) if self.below_hundred.is_multiple_of(10) && v < 20 => {
                        // soixante-dix, quatre-vingt-onze: tens take teens only at 60/80
                        if kind == Kind::Teen && !matches!(self.below_hundred, 60 | 80) {
                            return None;
                        }
                    }
                    // dix-sept, soixante-dix-sept, quatre-vingt-dix-neuf
                    Some(Kind::Teen) if kind == Kind::Unit && v >= 1 && self.below_hundred.is_multiple_of(10) => {}
                    _ => return None,
                }
                if v == 0 && self.words > 0 {
                    return None;
                }
                self.current = self.current.checked_add(v)?;
                self.below_hundred += v;
            }
            Kind::Ten => {
                if v == 20 && self.last == Some(Kind::Unit) && self.below_hundred == 4 {
                    // quatre-vingt(s)
                    self.current = self.current.checked_add(76)?;
                    self.below_hundred = 80;
                } else {
                    match self.last {
                        None | Some(Kind::Hundred) | Some(Kind::Big) => {}
                        _ => return None,
                    }
                    self.current = self.current.checked_add(v)?;
                    self.below_hundred = v;
                }
            }
            Kind::Hundred => {
                if self.current % 1000 >= 100 || self.last == Some(Kind::Hundred) {
                    return None;
                }
                let n = if self.current == 0 { 1 } else { self.current };
                self.current = n.checked_mul(100)?;
                self.below_hundred = 0;
            }
            Kind::Big => {
                if self.last == Some(Kind::Big) && self.current == 0 {
                    return None;
                }
                // Each big unit must be smaller than what was already totalled.
                if self.total != 0 && !self.total.is_multiple_of(v.checked_mul(1000)?) {
                    return None;
                }
                let n = if self.current == 0 { 1 } else { self.current };
                self.total = self.total.checked_add(n.checked_mul(v)?)?;
                self.current = 0;
                self.below_hundred = 0;
            }
        }
        self.last = Some(kind);
        self.words += 1;
        Some(())
    }

    /// The number read so far, if any word was read.
    pub fn value(&self) -> Option<u64> {
        if self.words == 0 || self.pending_et {
            return None;
        }
        self.total.checked_add(self.current)
    }

    /// How many number words were read (`et` not counted).
    pub fn words(&self) -> usize {
        self.words
    }
}

/// The value of a whole folded phrase such as `quatre-vingt-dix-neuf` or
/// `deux cent cinquante`; `None` unless every word belongs to the number.
pub fn parse_number_words(s: &str) -> Option<u64> {
    let mut n = WordNumber::default();
    for w in s.split(|c: char| c == '-' || c.is_whitespace()).filter(|w| !w.is_empty()) {
        if !n.push(w) {
            return None;
        }
    }
    n.value()
}

#[cfg(test)]
mod tests {

    #[test]
    fn every_number_word_passes_the_quick_check() {
        for w in "zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt vingts trente quarante cinquante soixante septante huitante octante nonante cent cents mille mil million millions milliard milliards".split(' ') {
            assert!(super::is_number_word(w), "{w}");
        }
    }
    use super::parse_number_words as p;

    #[test]
    fn french_numbers() {
        assert_eq!(p("deux"), Some(2));
        assert_eq!(p("vingt-cinq"), Some(25));
        assert_eq!(p("soixante et onze"), Some(71));
        assert_eq!(p("soixante-dix"), Some(70));
        assert_eq!(p("quatre-vingt-dix-neuf"), Some(99));
        assert_eq!(p("quatre-vingts"), Some(80));
        assert_eq!(p("cent"), Some(100));
        assert_eq!(p("deux cents"), Some(200));
        assert_eq!(p("deux cent cinquante"), Some(250));
        assert_eq!(p("mille"), Some(1000));
        assert_eq!(p("trois mille cinq cents"), Some(3500));
        assert_eq!(p("vingt et un"), Some(21));
        assert_eq!(p("dix-sept"), Some(17));
        assert_eq!(p("soixante-dix-sept"), Some(77));
        assert_eq!(p("deux cent quatre-vingts"), Some(280));
        assert_eq!(p("deux millions"), Some(2_000_000));
        assert_eq!(p("deux trois"), None);
        assert_eq!(p("vingt trente"), None);
        assert_eq!(p("et"), None);
        assert_eq!(p(""), None);
        assert_eq!(p("mille mille mille mille mille mille mille"), None);
    }
}
