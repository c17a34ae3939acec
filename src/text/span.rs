//! Spans: `[start, end)` in Unicode code points, as Python's and jq's slicing count.
//!
//! The pipeline works in byte offsets; `CharIndex` turns them into code-point offsets in
//! constant time per lookup after one linear pass, so that converting many spans never
//! costs more than the text's length again.

use serde::Serialize;

/// `[start, end)` in code points into the decoded input; serialized as a two-element array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span(pub usize, pub usize);

const BLOCK: usize = 256;

/// The largest char boundary of `text` at or below byte `i` (clamped to its length).
pub(crate) fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` at or above byte `i` (clamped to its length).
pub(crate) fn ceil_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Code points before each `BLOCK`-byte block of a text (none for ASCII text, where a
/// byte offset is a code-point offset).
pub(crate) struct CharIndex<'a> {
    bytes: &'a [u8],
    before_block: Vec<usize>,
    ascii: bool,
}

/// A UTF-8 byte that starts a code point (anything but a continuation byte 10xxxxxx).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The code points in `b` (a slice of UTF-8, maybe cut inside a character): its bytes less
/// its continuation bytes, counted eight at a time. A span's offsets count up to a block of
/// bytes each, a byte at a time in a filter that the compiler left unvectorized: 2.7% of
/// the instructions of a Russian batch, whose text is all wide characters.
fn count_chars(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(8);
    let mut continuations = 0;
    for chunk in chunks.by_ref() {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // A continuation byte is 10xxxxxx: its top bit set and the next one clear.
        continuations += (w & !(w << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
    }
    let rest = chunks.remainder();
    b.len() - rest.len() - continuations + rest.iter().filter(|&&b| starts_char(b)).count()
}

impl<'a> CharIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharIndex {
                bytes,
                before_block: Vec::new(),
                ascii: true,
            };
        }
        let mut before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for block in bytes.chunks(BLOCK) {
            before_block.push(count);
            count += count_chars(block);
        }
        before_block.push(count);
        CharIndex {
            bytes,
            before_block,
            ascii: false,
        }
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary).
    pub(crate) fn chars_before(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let block = byte / BLOCK;
        let from = block * BLOCK;
        self.before_block[block] + count_chars(&self.bytes[from..byte])
    }

    pub(crate) fn span(&self, bytes: std::ops::Range<usize>) -> Span {
        Span(self.chars_before(bytes.start), self.chars_before(bytes.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_naive_count_on_every_boundary() {
        let text = "Ünïcødé — “quotes” 🙂 and ASCII, Кириллица ".repeat(40);
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                index.chars_before(byte),
                text[..byte].chars().count(),
                "byte {byte}"
            );
        }
    }

    #[test]
    fn count_chars_is_the_filter_it_replaces() {
        let text = "aÜ — “q” 🙂 Кири".repeat(3);
        let b = text.as_bytes();
        for from in 0..b.len() {
            for to in from..=b.len() {
                let plain = b[from..to].iter().filter(|&&b| starts_char(b)).count();
                assert_eq!(count_chars(&b[from..to]), plain, "{from}..{to}");
            }
        }
    }

    #[test]
    fn ascii_offsets_are_byte_offsets() {
        let text = "plain ASCII text";
        let index = CharIndex::new(text);
        assert_eq!(index.span(6..11), Span(6, 11));
    }

    #[test]
    fn empty_text() {
        let index = CharIndex::new("");
        assert_eq!(index.span(0..0), Span(0, 0));
    }
}
