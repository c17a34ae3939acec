//! The words of a stretch of text around a quote, with their byte ranges: what the cue
//! finder reads. Kept in one place so that the crate's tokenizer can later take its room.

use std::ops::Range;

use crate::entities::ascii_alnum_end;

/// A word and its byte range in the text.
pub(super) type Word<'a> = (Range<usize>, &'a str);

/// Words of `s` with their byte ranges (offset by `base`): letters, digits, and the
/// apostrophes, hyphens and periods inside them. ASCII is classified by byte, without
/// decoding: most of a sentence is.
pub(super) fn words(s: &str, base: usize) -> impl Iterator<Item = Word<'_>> {
    let b = s.as_bytes();
    // The character at byte `i` (not ASCII), and its length.
    let wide = move |i: usize| {
        let c = s[i..]
            .chars()
            .next()
            .expect("a char boundary inside the text");
        (c, c.len_utf8())
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        // A word starts at a letter or digit.
        loop {
            let &c = b.get(i)?;
            if c.is_ascii_alphanumeric() {
                break;
            }
            if c.is_ascii() {
                i += 1;
                continue;
            }
            let (c, len) = wide(i);
            if c.is_alphanumeric() {
                break;
            }
            i += len;
        }
        let start = i;
        loop {
            // Letters and digits eight bytes a step, then what stopped them.
            i = ascii_alnum_end(b, i);
            let Some(&c) = b.get(i) else { break };
            if matches!(c, b'\'' | b'-' | b'.') {
                i += 1;
                continue;
            }
            if c.is_ascii() {
                break;
            }
            let (c, len) = wide(i);
            if !(c.is_alphanumeric() || c == '’') {
                break;
            }
            i += len;
        }
        let word = &s[start..i];
        // Most words end in a letter or digit: nothing to trim.
        let w = if b[i - 1].is_ascii_alphanumeric() {
            word
        } else {
            word.trim_end_matches(['.', '\'', '’', '-'])
        };
        Some((base + start..base + start + w.len(), w))
    })
}

#[cfg(test)]
mod tests {
    /// `words` as the definition reads, a character at a time: letters and digits, with
    /// apostrophes, hyphens and periods inside; the marks at the end trimmed.
    fn words_by_chars(s: &str) -> Vec<(std::ops::Range<usize>, &str)> {
        let inner = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | '’');
        let mut out = Vec::new();
        let mut chars = s.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek().filter(|&&(_, c)| inner(c)) {
                end = i + c.len_utf8();
                chars.next();
            }
            let w = s[start..end].trim_end_matches(['.', '\'', '’', '-']);
            out.push((100 + start..100 + start + w.len(), w));
        }
        out
    }

    /// Pieces of text whose joins `words` must get right.
    const PIECES: &[&str] = &[
        "Carver",
        "said",
        "U.S.",
        "don't",
        "Putin’s",
        "al-Sabah",
        "--",
        "3.5",
        " ",
        "  ",
        ",",
        "\"",
        "“",
        "Ünïcødé",
        "—",
        "x",
        "long-",
        "end.",
        "abcdefghijklmnop",
        "\n",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn words_as_a_char_by_char_reading_finds_them(
            picks in proptest::collection::vec(0..PIECES.len(), 0..9)
        ) {
            let s: String = picks.iter().map(|&k| PIECES[k]).collect();
            proptest::prop_assert_eq!(
            super::words(&s, 100).collect::<Vec<_>>(), words_by_chars(&s));
        }
    }
}
