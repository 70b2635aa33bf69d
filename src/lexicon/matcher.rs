//! Every alias of every lexicon, found in one pass over the folded text: from each
//! place a name can start (not inside a word), the key trie gives the aliases the
//! text begins with; hits are then checked for word boundaries and exact case.

use super::trie::Trie;
use super::{builtin, translit, Entry, Kind};
use crate::text::{fold_str, Doc};
use std::collections::HashMap;

/// A lexicon alias found in the text (character indices, end exclusive).
///
/// Half a million in a 10 MB text, alive until events are found: `u32` fields (no
/// text or lexicon comes near 4 billion characters or entries) make one 12 bytes,
/// not 24; the accessors give indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    entry: u32,
    start: u32,
    end: u32,
}

impl Hit {
    /// The lexicon entry (`Matcher::entries`).
    #[inline]
    pub fn entry(&self) -> usize {
        self.entry as usize
    }

    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// The compiled lexicons.
pub struct Matcher {
    pub entries: Vec<Entry>,
    /// The distinct folded keys, numbered in sorted order.
    trie: Trie,
    /// Key `k` is written by the `(entry, alias)` pairs `owners[start[k]..start[k + 1]]`.
    start: Vec<u32>,
    owners: Vec<(u32, u32)>,
    /// Transliteration skeletons of entity names (see `translit`), for spellings no
    /// list has; a skeleton two canonical names share is left out.
    variants: HashMap<String, Option<usize>>,
}

/// Every alias's lookup key, side by side in one buffer.
pub struct AliasKeys {
    text: String,
    /// `(entry, alias, start, end)`: the key of `entries[entry].aliases[alias]` is `text[start..end]`.
    spans: Vec<(u32, u32, u32, u32)>,
}

impl AliasKeys {
    pub fn with_capacity(aliases: usize, bytes: usize) -> AliasKeys {
        AliasKeys { text: String::with_capacity(bytes), spans: Vec::with_capacity(aliases) }
    }

    pub fn push(&mut self, entry: usize, alias: usize, key: &str) {
        let start = self.text.len();
        self.text.push_str(key);
        self.spans.push((entry as u32, alias as u32, start as u32, self.text.len() as u32));
    }

    /// `text` is its own key once in lower case (`build.rs` says which aliases are).
    pub fn push_lowercase(&mut self, entry: usize, alias: usize, text: &str) {
        let start = self.text.len();
        self.push(entry, alias, text);
        self.text[start..].make_ascii_lowercase();
    }

    fn key(&self, &(_, _, start, end): &(u32, u32, u32, u32)) -> &str {
        &self.text[start as usize..end as usize]
    }
}

impl Matcher {
    /// The built-in lexicons, and `extra` entries (a user's lexicon) after them.
    pub fn with_builtin(extra: Vec<Entry>) -> Matcher {
        let (mut entries, keys) = builtin::load();
        let builtin = entries.len();
        entries.extend(extra);
        Matcher::with_keys(entries, keys, builtin)
    }

    /// Only these entries (tests, tools).
    pub fn new(entries: Vec<Entry>) -> Matcher {
        Matcher::with_keys(entries, AliasKeys::with_capacity(0, 0), 0)
    }

    /// `keys` holds the keys of the entries before `from` (the built-in ones); the
    /// others' are folded here.
    fn with_keys(entries: Vec<Entry>, mut keys: AliasKeys, from: usize) -> Matcher {
        for (e, entry) in entries.iter().enumerate().skip(from) {
            for (a, alias) in entry.aliases.iter().enumerate() {
                keys.push(e, a, &fold_str(&alias.text));
            }
        }
        let mut variants: HashMap<String, Option<usize>> = HashMap::new();
        for span in &keys.spans {
            let (e, entry) = (span.0 as usize, &entries[span.0 as usize]);
            if !matches!(entry.kind, Kind::Entity(_)) {
                continue;
            }
            if let Some(k) = translit::alias_key(&entry.aliases[span.1 as usize], keys.key(span)) {
                let slot = variants.entry(k).or_insert(Some(e));
                if slot.is_some_and(|other| entries[other].canonical != entry.canonical) {
                    *slot = None;
                }
            }
        }
        // Sorted by key, then entry and alias: first as numbers, by the keys' first
        // eight bytes, then keys that share them by all their bytes.
        let mut order: Vec<(u64, u32)> = keys.spans.iter().enumerate().map(|(i, span)| (prefix(keys.key(span)), i as u32)).collect();
        order.sort_unstable();
        for run in order.chunk_by_mut(|x, y| x.0 == y.0).filter(|run| run.len() > 1) {
            run.sort_unstable_by(|x, y| keys.key(&keys.spans[x.1 as usize]).cmp(keys.key(&keys.spans[y.1 as usize])).then(x.1.cmp(&y.1)));
        }
        let mut sorted: Vec<&[u8]> = Vec::new();
        let mut start = Vec::new();
        let mut owners = Vec::with_capacity(order.len());
        for (i, &(_, span)) in order.iter().enumerate() {
            let span = &keys.spans[span as usize];
            let key = keys.key(span).as_bytes();
            if sorted.last() != Some(&key) {
                sorted.push(key);
                start.push(i as u32);
            }
            owners.push((span.0, span.1));
        }
        start.push(order.len() as u32);
        let trie = Trie::new(&sorted);
        Matcher { entries, trie, start, owners, variants }
    }

    /// Every alias occurrence that stands as a whole word (overlaps included).
    pub fn find(&self, doc: &Doc) -> Vec<Hit> {
        let fold = doc.fold.as_bytes();
        let mut hits = Vec::new();
        let mut prev_word = false;
        for (start, c) in doc.norm.chars().enumerate() {
            let word = c.is_alphanumeric();
            let inside_word = prev_word && word;
            prev_word = word;
            if inside_word {
                continue;
            }
            self.trie.prefixes(fold, doc.fold_byte(start), |key, end| {
                let end = doc.char_of_fold(end);
                for &(e, a) in &self.owners[self.start[key] as usize..self.start[key + 1] as usize] {
                    let (e, a) = (e as usize, a as usize);
                    let alias = &self.entries[e].aliases[a];
                    let mut end = end;
                    if alias.stem {
                        while is_letter(doc.norm_char(end)) {
                            end += 1;
                        }
                    } else if is_word(doc.norm_char(end)) && is_word(doc.norm_char(end - 1)) {
                        continue;
                    }
                    if alias.exact_case && !same_case(doc.norm_slice(start, start + alias.text.chars().count()), &alias.text) {
                        continue;
                    }
                    hits.push(Hit { entry: e as u32, start: start as u32, end: end as u32 });
                }
            });
        }
        // Hits equal in this key are equal: an unstable sort orders them the same,
        // without a buffer of half their size.
        hits.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.entry));
        hits.dedup();
        hits
    }

    /// The entry whose name this one transliterates differently, if any.
    pub fn variant_of(&self, name: &str) -> Option<usize> {
        translit::key(name).and_then(|k| self.variant_by_key(&k))
    }

    /// The same, from a key made by [`super::translit`].
    pub fn variant_by_key(&self, key: &str) -> Option<usize> {
        self.variants.get(key).copied().flatten()
    }

    pub fn kind(&self, hit: &Hit) -> Kind {
        self.entries[hit.entry()].kind
    }
}

/// The first eight bytes of `key`, big-endian: ordered as the keys are.
fn prefix(key: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = key.len().min(8);
    bytes[..n].copy_from_slice(&key.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

fn is_letter(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphabetic())
}

/// Exact case, but accents and apostrophes as `Doc::norm` writes them.
fn same_case(text: &str, alias: &str) -> bool {
    let a: Vec<char> = alias.chars().map(|c| crate::text::normalize_char(c, None, None)).collect();
    text.chars().eq(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse;
    use crate::model::EntityType;

    fn matcher(tsv: &str) -> Matcher {
        Matcher::new(parse("t.tsv", Kind::Entity(EntityType::ArmedGroup), tsv).unwrap())
    }

    fn found(m: &Matcher, text: &str) -> Vec<String> {
        let d = Doc::new(text);
        m.find(&d).iter().map(|h| d.orig_slice(h.start(), h.end()).to_string()).collect()
    }

    #[test]
    fn case_and_accents_are_ignored() {
        let m = matcher("Etat islamique\tEtat islamique|Daesh\n");
        assert_eq!(found(&m, "l'État Islamique et DAESH"), vec!["État Islamique", "DAESH"]);
    }

    #[test]
    fn whole_words_only() {
        let m = matcher("Etat islamique\tDaesh|=EI\n");
        assert!(found(&m, "daeshiste, reine, ei").is_empty());
        assert_eq!(found(&m, "(EI)"), vec!["EI"]);
    }

    #[test]
    fn stems_take_the_word_ending() {
        let m = matcher("x\tbombard*\n");
        assert_eq!(found(&m, "ont bombardé les"), vec!["bombardé"]);
    }
}
