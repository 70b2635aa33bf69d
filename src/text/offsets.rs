//! Byte and UTF-16 offsets of every character of a UTF-8 string, in under half a
//! byte a character.
//!
//! A table of one `u32` a character cost 4 bytes a character for each of the three
//! offsets a [`Doc`](super::Doc) needs: 12 bytes a character, the largest part of the
//! memory of a long article. French text is mostly ASCII, so the offsets are stored
//! as what they add to the character index: per block of 64 characters, the block's
//! first byte offset and, as two bit masks, each character's UTF-8 length minus one
//! (`01` two bytes, `10` three, `11` four). An offset is then the block's base plus
//! two population counts: O(1), as the word-boundary checks that run per lexicon hit
//! need.

const BLOCK: usize = 64;

/// One block of 64 characters.
#[derive(Clone, Copy, Default)]
struct Block {
    /// Bit `r`: low bit of (UTF-8 length − 1) of the block's character `r`.
    lo: u64,
    /// Bit `r`: high bit of (UTF-8 length − 1).
    hi: u64,
    /// Byte offset of the block's first character.
    byte: u32,
    /// Characters outside the BMP (two UTF-16 units) before the block.
    astral: u32,
}

/// Offsets of the characters of one string, for every index `0..=len`.
pub struct Offsets {
    blocks: Vec<Block>,
    len: usize,
}

/// Builds [`Offsets`] one character at a time, the open block kept out of the table
/// so that a character costs a few register operations.
pub struct OffsetsBuilder {
    blocks: Vec<Block>,
    open: Block,
    /// Characters in the open block.
    r: usize,
}

impl OffsetsBuilder {
    /// An empty map with room for `chars` characters.
    pub fn with_capacity(chars: usize) -> OffsetsBuilder {
        OffsetsBuilder { blocks: Vec::with_capacity(chars / BLOCK + 1), open: Block::default(), r: 0 }
    }

    /// Append the next character.
    #[inline]
    pub fn push(&mut self, c: char) {
        if !c.is_ascii() {
            let extra = c.len_utf8() as u64 - 1;
            self.open.lo |= (extra & 1) << self.r;
            self.open.hi |= (extra >> 1) << self.r;
        }
        self.r += 1;
        if self.r == BLOCK {
            self.close();
        }
    }

    /// `n` one-byte characters.
    #[inline]
    pub fn push_ascii(&mut self, mut n: usize) {
        while n > 0 {
            let take = (BLOCK - self.r).min(n);
            self.r += take;
            n -= take;
            if self.r == BLOCK {
                self.close();
            }
        }
    }

    fn close(&mut self) {
        let b = self.open;
        self.blocks.push(b);
        self.open = Block { lo: 0, hi: 0, byte: b.byte + span_bytes(&b, BLOCK) as u32, astral: b.astral + span_astral(&b, BLOCK) };
        self.r = 0;
    }

    pub fn finish(mut self) -> Offsets {
        let len = self.blocks.len() * BLOCK + self.r;
        // The open block, even empty, holds the offsets of index `len`.
        self.blocks.push(self.open);
        Offsets { blocks: self.blocks, len }
    }
}

impl Offsets {
    /// Number of characters.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Byte offset of character `ch` (`len` gives the string's length).
    #[inline]
    pub fn byte(&self, ch: usize) -> usize {
        assert!(ch <= self.len, "character {ch} out of 0..={}", self.len);
        let b = &self.blocks[ch / BLOCK];
        b.byte as usize + span_bytes(b, ch % BLOCK)
    }

    /// UTF-16 offset of character `ch`.
    #[inline]
    pub fn utf16(&self, ch: usize) -> usize {
        assert!(ch <= self.len, "character {ch} out of 0..={}", self.len);
        let b = &self.blocks[ch / BLOCK];
        ch + (b.astral + span_astral(b, ch % BLOCK)) as usize
    }

    /// Index of the character that holds byte `byte` of `s`, the string this maps
    /// (`len` for `s.len()` and beyond).
    pub fn char_at_byte(&self, s: &str, byte: usize) -> usize {
        let byte = byte.min(s.len());
        let k = self.blocks.partition_point(|b| b.byte as usize <= byte) - 1;
        let base = self.blocks[k].byte as usize;
        // Characters starting in base..=byte, the one holding `byte` included.
        let starts = s.as_bytes()[base..(byte + 1).min(s.len())].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        k * BLOCK + if byte < s.len() { starts - 1 } else { starts }
    }
}

/// Bytes taken by the block's first `r` characters.
#[inline]
fn span_bytes(b: &Block, r: usize) -> usize {
    let m = below(r);
    r + (b.lo & m).count_ones() as usize + 2 * (b.hi & m).count_ones() as usize
}

/// Four-byte characters among the block's first `r`.
#[inline]
fn span_astral(b: &Block, r: usize) -> u32 {
    (b.lo & b.hi & below(r)).count_ones()
}

/// The mask of bits `0..r`, `r` in `0..=64`.
#[inline]
fn below(r: usize) -> u64 {
    if r >= BLOCK {
        u64::MAX
    } else {
        (1u64 << r) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every offset against the naive tables, across block edges and every UTF-8 length.
    #[test]
    fn agrees_with_a_table_of_every_offset() {
        let s: String = "aé€😀".chars().cycle().take(300).chain("bcd".chars()).collect();
        let mut map = OffsetsBuilder::with_capacity(0);
        s.chars().for_each(|c| map.push(c));
        let map = map.finish();
        let mut bytes: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
        bytes.push(s.len());
        let mut utf16 = vec![0];
        s.chars().for_each(|c| utf16.push(utf16.last().unwrap() + c.len_utf16()));
        assert_eq!(map.len(), 303);
        for ch in 0..=map.len() {
            assert_eq!(map.byte(ch), bytes[ch], "byte of {ch}");
            assert_eq!(map.utf16(ch), utf16[ch], "utf16 of {ch}");
        }
        for byte in 0..=s.len() + 2 {
            let want = bytes.iter().rposition(|&b| b <= byte.min(s.len())).unwrap();
            assert_eq!(map.char_at_byte(&s, byte), want, "char at byte {byte}");
        }
    }

    #[test]
    fn exactly_one_block() {
        let s = "x".repeat(BLOCK);
        let mut map = OffsetsBuilder::with_capacity(BLOCK);
        s.chars().for_each(|c| map.push(c));
        let map = map.finish();
        assert_eq!((map.byte(BLOCK), map.utf16(BLOCK), map.char_at_byte(&s, BLOCK)), (BLOCK, BLOCK, BLOCK));
    }

    #[test]
    #[should_panic(expected = "out of")]
    fn past_the_end_panics() {
        let mut map = OffsetsBuilder::with_capacity(1);
        map.push('a');
        map.finish().byte(2);
    }
}
