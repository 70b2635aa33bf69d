//! The strings of an [`Analysis`](super::Analysis), shared.
//!
//! A long text names the same places, groups and rules thousands of times; one heap
//! string per field made the output several times the size of the input (a 10 MB
//! article: 160,000 entities, 40,000 events, a million small strings). Each distinct
//! string is now allocated once per analysis and shared by every field that holds it.

use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// An immutable string that clones by reference; reads as a `&str`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedStr(Arc<str>);

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr(s.into())
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Hands out one [`SharedStr`] per distinct string, for the length of one output.
#[derive(Default)]
pub struct Interner<'s> {
    seen: HashMap<&'s str, SharedStr, BuildHasherDefault<WordHasher>>,
}

impl<'s> Interner<'s> {
    pub fn get(&mut self, s: &'s str) -> SharedStr {
        self.seen.entry(s).or_insert_with(|| SharedStr::from(s)).clone()
    }
}

/// A multiply-rotate hash (FxHash's) over 8-byte words. The interner hashes every
/// string of the output, short names and rule ids it made itself: the standard
/// SipHash, built to resist chosen keys, cost a tenth of a whole analysis here.
/// (A text could only slow its own output down by choosing colliding names.)
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let mut tail = [0u8; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(tail));
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_allocation_per_distinct_string() {
        let mut i = Interner::default();
        let (a, b, c) = (i.get("Alep"), i.get(&"xAlep"[1..]), i.get("Idleb"));
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert!(!Arc::ptr_eq(&a.0, &c.0));
        assert_eq!(a, "Alep");
    }

    #[test]
    fn reads_and_writes_as_a_string() {
        let s = SharedStr::from("l'armée \"syrienne\"");
        assert_eq!(serde_json::to_string(&s).unwrap(), serde_json::to_string("l'armée \"syrienne\"").unwrap());
        assert_eq!(format!("{s:?}"), format!("{:?}", "l'armée \"syrienne\""));
        assert_eq!(Some(&s).map(|s| &**s), Some("l'armée \"syrienne\""));
    }
}
