//! The words of a stretch of text around a quote, with their byte ranges: what the cue
//! finder reads. Kept in one place so that the crate's tokenizer can later take its room.

use std::ops::Range;

/// A word and its byte range in the text.
pub(super) type Word<'a> = (Range<usize>, &'a str);

/// Words of `s` with their byte ranges (offset by `base`): a letter or digit, then letters,
/// digits, apostrophes, hyphens and periods, less the marks at the end ("U.S", "don't",
/// "al-Sabah").
pub(super) fn words(s: &str, base: usize) -> impl Iterator<Item = Word<'_>> {
    let inner = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | '’');
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = chars.find(|&(_, c)| c.is_alphanumeric())?;
        let mut end = start + c.len_utf8();
        while let Some((i, c)) = chars.next_if(|&(_, c)| inner(c)) {
            end = i + c.len_utf8();
        }
        let w = s[start..end].trim_end_matches(['.', '\'', '’', '-']);
        Some((base + start..base + start + w.len(), w))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_keep_inner_marks_and_drop_final_ones() {
        let s = "U.S. officials' view: don't—Putin’s al-Sabah, long- 3.5 Ünïcødé.";
        let found: Vec<_> = super::words(s, 10).map(|(_, w)| w).collect();
        assert_eq!(
            found,
            [
                "U.S",
                "officials",
                "view",
                "don't",
                "Putin’s",
                "al-Sabah",
                "long",
                "3.5",
                "Ünïcødé"
            ]
        );
        let (r, w) = super::words(s, 10).nth(1).unwrap();
        assert_eq!((r, w), (15..24, "officials"));
    }
}
