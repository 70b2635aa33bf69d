//! The folded lexicon keys as a byte trie, walked from each place a name can start.
//!
//! Sorted keys give the trie in one pass without hashing: the keys under a node are a
//! run of the sorted list, its children the runs that share the next byte. Nodes are
//! numbered breadth-first, so a node's children sit side by side (`first[n]..first[n +
//! 1]`). Built from `build.rs`'s sorted keys this takes well under a millisecond, where
//! an Aho-Corasick automaton over the same keys took most of the lexicon build; and a
//! walk only from word starts does less than an automaton run over every byte.

/// No key ends at this node / no child for this byte.
const NONE: u32 = u32::MAX;

pub struct Trie {
    /// Per node, where its children start; node `n`'s children are `first[n]..first[n + 1]`.
    first: Vec<u32>,
    /// Per node, the byte that leads to it (children in increasing byte order).
    label: Vec<u8>,
    /// Per node, the number of the key that ends there, or `NONE`.
    key: Vec<u32>,
    /// The root's child for each byte: the step taken at every start.
    root: [u32; 256],
}

impl Trie {
    /// The trie of `keys`, which must be sorted and distinct; key `i` is `keys[i]`.
    pub fn new(keys: &[&[u8]]) -> Trie {
        debug_assert!(keys.windows(2).all(|w| w[0] < w[1]), "keys sorted and distinct");
        let nodes = keys.iter().map(|k| k.len()).sum::<usize>() + 1;
        let mut t = Trie { first: Vec::with_capacity(nodes + 1), label: Vec::with_capacity(nodes), key: Vec::with_capacity(nodes), root: [NONE; 256] };
        // Per node in creation order: the run of keys under it and its depth.
        let mut runs: Vec<(usize, usize, usize)> = Vec::with_capacity(nodes);
        t.label.push(0);
        t.key.push(NONE);
        runs.push((0, keys.len(), 0));
        let mut n = 0;
        while n < runs.len() {
            let (mut lo, hi, depth) = runs[n];
            t.first.push(t.label.len() as u32);
            if lo < hi && keys[lo].len() == depth {
                lo += 1; // the key that ends here, recorded when this node was made
            }
            while lo < hi {
                let byte = keys[lo][depth];
                let mut end = lo + 1;
                while end < hi && keys[end][depth] == byte {
                    end += 1;
                }
                if n == 0 {
                    t.root[byte as usize] = t.label.len() as u32;
                }
                t.label.push(byte);
                t.key.push(if keys[lo].len() == depth + 1 { lo as u32 } else { NONE });
                runs.push((lo, end, depth + 1));
                lo = end;
            }
            n += 1;
        }
        t.first.push(t.label.len() as u32);
        t
    }

    /// Every key that `text[start..]` begins with, shortest first, as
    /// `found(key number, end)`.
    #[inline]
    pub fn prefixes(&self, text: &[u8], start: usize, mut found: impl FnMut(usize, usize)) {
        let Some(&b) = text.get(start) else { return };
        let mut node = self.root[b as usize];
        let mut end = start + 1;
        while node != NONE {
            let n = node as usize;
            if self.key[n] != NONE {
                found(self.key[n] as usize, end);
            }
            let Some(&b) = text.get(end) else { return };
            let (from, to) = (self.first[n] as usize, self.first[n + 1] as usize);
            node = match self.label[from..to].iter().position(|&l| l == b) {
                Some(i) => (from + i) as u32,
                None => NONE,
            };
            end += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(keys: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let keys: Vec<&[u8]> = keys.iter().map(|k| k.as_bytes()).collect();
        let t = Trie::new(&keys);
        let mut out = Vec::new();
        for start in 0..text.len() {
            t.prefixes(text.as_bytes(), start, |k, end| out.push((k, start, end)));
        }
        out
    }

    #[test]
    fn finds_every_key_at_every_start() {
        let keys = ["al", "alep", "alepp", "b", "ba"];
        assert_eq!(all(&keys, "alepba"), vec![(0, 0, 2), (1, 0, 4), (3, 4, 5), (4, 4, 6)]);
        assert_eq!(all(&keys, "alep"), vec![(0, 0, 2), (1, 0, 4)]);
        assert!(all(&keys, "xyz a").is_empty());
        assert!(all(&[], "abc").is_empty());
    }

    #[test]
    fn agrees_with_naive_search() {
        let keys = ["a", "a b", "ab", "abc", "b", "bc", "c", "ca", "cab"];
        let text = "abcab cabc a b ab";
        let mut naive = Vec::new();
        for start in 0..text.len() {
            for (k, key) in keys.iter().enumerate() {
                if text[start..].starts_with(key) {
                    naive.push((k, start, start + key.len()));
                }
            }
        }
        let mut found = all(&keys, text);
        found.sort();
        naive.sort();
        assert_eq!(found, naive);
    }
}
