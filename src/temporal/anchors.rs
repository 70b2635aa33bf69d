//! Anchor words: for each recogniser, words every one of its matches contains, so a
//! pattern is tried only at the few word starts just before them instead of at
//! every word of the text. One Aho-Corasick pass finds them all.
//!
//! A recogniser states, with each kind of anchor, how far before the anchor's word
//! its matches can begin ([`Reach`]): `le lundi 1er août` begins three words before
//! the month. Anchors are found anywhere in a word (`21août`, `l'été`,
//! `surlendemain`), which only adds places to try.

use super::lexicon::{MONTH, WEEKDAY};
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};
use std::sync::OnceLock;

/// Kinds of anchor words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Month,
    Weekday,
    /// Words of the days named from today (`hier`, `ce matin`, `la veille`, `nuit`).
    Deictic,
    /// The first two digits of a year (1900-2099).
    Century,
    Season,
    /// `dernier` and its forms, and the gold's typo `denier`.
    Last,
    /// `prochains`, `à venir`.
    Next,
    /// `il y a`.
    Ago,
    /// `tard` (`deux jours plus tard`).
    Later,
    /// Words of named periods (`semaine`, `week-end`, `mois`, `l'an`, `année`).
    Period,
}

const KINDS: usize = 10;

/// How far before the word holding its anchor a match can begin.
#[derive(Debug, Clone, Copy)]
pub enum Reach {
    /// This many words before it, at most.
    Words(usize),
    /// Anywhere back to the last byte the pattern cannot read (for counts in words,
    /// `vingt et un`, which have no length limit).
    Clause,
}

fn words(kind: Anchor) -> Vec<&'static str> {
    match kind {
        Anchor::Month => MONTH.split('|').collect(),
        Anchor::Weekday => WEEKDAY.split('|').collect(),
        Anchor::Deictic => vec!["hier", "demain", "aujourd", "matin", "soir", "midi", "nuit", "veille", "lendemain"],
        Anchor::Century => vec!["19", "20"],
        Anchor::Season => vec!["ete", "hiver", "printemps", "automne"],
        Anchor::Last => vec!["dern", "deni"],
        Anchor::Next => vec!["prochain", "venir"],
        Anchor::Ago => vec!["il y a"],
        Anchor::Later => vec!["tard"],
        Anchor::Period => vec!["semaine", "week", "mois", "l'an", "annee"],
    }
}

const ALL: [Anchor; KINDS] = [
    Anchor::Month,
    Anchor::Weekday,
    Anchor::Deictic,
    Anchor::Century,
    Anchor::Season,
    Anchor::Last,
    Anchor::Next,
    Anchor::Ago,
    Anchor::Later,
    Anchor::Period,
];

/// The automaton over every anchor word, and the kind and length of each.
fn automaton() -> &'static (DFA, Vec<(usize, usize)>) {
    static AC: OnceLock<(DFA, Vec<(usize, usize)>)> = OnceLock::new();
    AC.get_or_init(|| {
        let (mut pats, mut meta) = (Vec::new(), Vec::new());
        for (k, kind) in ALL.iter().enumerate() {
            for w in words(*kind) {
                pats.push(w);
                meta.push((k, w.len()));
            }
        }
        // Every occurrence, overlapping ones too (`mai` in `semaine`).
        let dfa = DFA::builder().match_kind(MatchKind::Standard).build(&pats).expect("anchor automaton");
        (dfa, meta)
    })
}

/// Where each kind of anchor occurs: the byte offsets of the words holding one.
pub struct Anchors {
    by_kind: [Vec<u32>; KINDS],
}

impl Anchors {
    pub fn find(text: &str) -> Anchors {
        let (dfa, meta) = automaton();
        let b = text.as_bytes();
        let mut by_kind: [Vec<u32>; KINDS] = Default::default();
        // The automaton's states by hand: a few instructions a byte, a third of
        // what its overlapping iterator takes.
        let mut sid = dfa.start_state(Anchored::No).expect("unanchored start");
        for (i, &byte) in b.iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, byte);
            if dfa.is_special(sid) && dfa.is_match(sid) {
                for m in 0..dfa.match_len(sid) {
                    let (kind, len) = meta[dfa.match_pattern(sid, m).as_usize()];
                    // The word holding the anchor's first byte (a letter or digit).
                    by_kind[kind].push(word_start(b, i + 1 - len) as u32);
                }
            }
        }
        for v in &mut by_kind {
            v.sort_unstable();
            v.dedup();
        }
        Anchors { by_kind }
    }

    /// Starts of the words holding an anchor of `kind`, in order.
    pub fn of(&self, kind: Anchor) -> &[u32] {
        &self.by_kind[ALL.iter().position(|k| *k == kind).expect("listed kind")]
    }
}

/// `\w` in ASCII mode: what `\b` separates from the rest.
pub fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The start of the word holding byte `i` (a word byte).
pub fn word_start(b: &[u8], mut i: usize) -> usize {
    while i > 0 && is_word(b[i - 1]) {
        i -= 1;
    }
    i
}

/// The start of the word before the one starting at `w`, if any.
pub fn previous_word(b: &[u8], w: usize) -> Option<usize> {
    let end = b[..w].iter().rposition(|&c| is_word(c))?;
    Some(word_start(b, end))
}
