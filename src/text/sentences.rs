//! The sentence count of the record's stats: takes a paragraph, gives how many sentences
//! Unicode text segmentation (UAX #29) finds in it, corrected for the abbreviations of news
//! copy, whose period UAX #29 takes for a full stop before a capitalised word ("Mr. Smith",
//! "U.S. Defense", "Aug. 15"): see `abbreviations`. The word count is `wordcount`'s.

use crate::text::abbreviations::is_sentence_abbreviation;
use crate::text::tokens::{is_letter, is_word_char};
use crate::text::wordcount::first_non_ascii;

/// Whether a segment that UAX #29 ended really ends a sentence.
fn ends_sentence(segment: &str) -> bool {
    let Some(last) = segment.split_whitespace().next_back() else {
        return true;
    };
    let token = last.trim_start_matches(|c: char| !c.is_alphanumeric());
    if !token.ends_with('.') {
        return true;
    }
    !is_sentence_abbreviation(token)
}

/// Sentences in a paragraph: segments with a letter or digit, glued across abbreviations.
/// The segments are UAX #29's sentences (rules SB6 to SB11), found by `boundaries`; line
/// breaks count as spaces, since inside a paragraph a line break is only a hard wrap.
pub(crate) fn count_sentences(text: &str) -> usize {
    let mut count = 0;
    let mut open = false;
    let mut from = 0;
    for to in boundaries(text).chain(std::iter::once(text.len())) {
        if to <= from {
            continue;
        }
        let segment = &text[from..to];
        // `is_word_char` is `is_alphanumeric`, quicker on Cyrillic.
        if segment.chars().any(is_word_char) {
            open = true;
        }
        if open && ends_sentence(segment) {
            count += 1;
            open = false;
        }
        from = to;
    }
    count + usize::from(open)
}

fn is_aterm(c: char) -> bool {
    matches!(c, '.' | '\u{2024}' | '\u{FE52}' | '\u{FF0E}')
}

fn is_sterm(c: char) -> bool {
    matches!(
        c,
        '!' | '?'
            | '\u{589}'
            | '\u{61F}'
            | '\u{6D4}'
            | '\u{964}'
            | '\u{965}'
            | '\u{203C}'
            | '\u{203D}'
            | '\u{2047}'
            | '\u{2048}'
            | '\u{2049}'
            | '\u{3002}'
            | '\u{FE56}'
            | '\u{FE57}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{FF61}'
    )
}

/// Quotation marks and brackets (UAX #29's Close).
fn is_close(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '«'
            | '»'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‹'
            | '›'
            | '⟨'
            | '⟩'
            | '〈'
            | '〉'
            | '《'
            | '》'
            | '「'
            | '」'
            | '『'
            | '』'
            | '（'
            | '）'
    )
}

/// Characters that continue a sentence after a full stop (UAX #29's SContinue).
fn is_scontinue(c: char) -> bool {
    matches!(
        c,
        ',' | '-'
            | ':'
            | ';'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{3001}'
            | '\u{FF0C}'
            | '\u{FF0D}'
            | '\u{FF1A}'
            | '\u{FF1B}'
    )
}

/// Byte offsets where UAX #29 starts a new sentence, with every line break taken for a
/// space: after a full stop, question or exclamation mark, the closing marks and the
/// spaces that follow it, unless a lowercase word or a comma goes on (SB8, SB8a), or the
/// period stands inside "U.S" or "3.5" (SB6, SB7).
fn boundaries(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let at = move |i: usize| text.get(i..).and_then(|rest| rest.chars().next());
    let mut i = 0;
    // The first byte at or after `i` that is not ASCII (a character to decode).
    let mut wide = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            // Most bytes are ASCII that ends nothing: skipped in bulk, up to the next stop
            // or non-ASCII byte, without decoding. A kernel the budget keeps: a byte at a
            // time cost 3-10% of batch time (ab.sh, both orders) and 5.6% of instructions.
            if bytes[i] < 0x80 && !matches!(bytes[i], b'.' | b'?' | b'!') {
                if wide <= i {
                    wide = first_non_ascii(&bytes[i..]).map_or(bytes.len(), |k| i + k);
                }
                i = memchr::memchr3(b'.', b'?', b'!', &bytes[i..wide]).map_or(wide, |k| i + k);
                continue;
            }
            // Nor does a Cyrillic letter (U+0400 to U+047F, two bytes from 0xD0 or 0xD1),
            // skipped without decoding it.
            if matches!(bytes[i], 0xD0 | 0xD1) {
                i += 2;
                continue;
            }
            let start = i;
            let c = at(i)?;
            i += c.len_utf8();
            if !(is_aterm(c) || is_sterm(c)) {
                continue;
            }
            let aterm = is_aterm(c);
            if aterm && let Some(next) = at(i) {
                // SB6: "3.5"; SB7: "U.S" (a letter, the period, a capital).
                let before = text[..start].chars().next_back();
                if next.is_numeric() && !is_letter(next)
                    || next.is_uppercase()
                        && before.is_some_and(|b| b.is_uppercase() || b.is_lowercase())
                {
                    continue;
                }
            }
            let mut j = i;
            while let Some(c) = at(j)
                && is_close(c)
            {
                j += c.len_utf8();
            }
            while let Some(c) = at(j)
                && c.is_whitespace()
            {
                j += c.len_utf8();
            }
            let next = at(j)?;
            // SB8a: a comma, dash or another stop goes on.
            if is_scontinue(next) || is_aterm(next) || is_sterm(next) {
                i = j;
                continue;
            }
            // SB8: after a period, a lowercase word goes on.
            if aterm {
                let first_letter = text[j..]
                    .chars()
                    .find(|&c| is_letter(c) || is_aterm(c) || is_sterm(c));
                if first_letter.is_some_and(char::is_lowercase) {
                    i = j;
                    continue;
                }
            }
            i = j;
            return Some(j);
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::wordcount::tests::corpus;
    use unicode_segmentation::UnicodeSegmentation;

    /// The reference: unicode-segmentation's UAX #29 sentences, line breaks as spaces.
    fn reference(text: &str) -> usize {
        let text = text.replace(['\n', '\r'], " ");
        let mut count = 0;
        let mut open = false;
        for segment in text.split_sentence_bounds() {
            if segment.chars().any(char::is_alphanumeric) {
                open = true;
            }
            if open && ends_sentence(segment) {
                count += 1;
                open = false;
            }
        }
        count + usize::from(open)
    }

    #[test]
    fn same_counts_as_unicode_segmentation() {
        let samples = [
            "He left. She stayed.",
            "Prices rose 3.5 pct. The U.S. dollar fell.",
            "\"We will build,\" he said. \"We share it.\" Then he left!",
            "Is it? yes. (Maybe.) Then: no. Wait... what? No!",
            "It was good.\u{201d} Then \u{201c}Bad.\u{201d} end. e.g. this. 5. Five.",
            "Mr. Smith, Jr. met Dr. Jones at 5 p.m. on Aug. 15. They talked.",
            "A.B. C. d. E.F.G. Hi. «Quote.» — Dash. Done.",
            "Wrapped\nline. Next\r\nline.",
            "МОСКВА, 9 августа. /ТАСС/. Ученые МГУ им. Ломоносова заявили: «Всё.» Т.е. да? Ёж!",
            "Он сказал. А.Б. Иванов — нет. 3.5 млн. Ѐѐ. Ґ҂. Ӂ. ӿ.",
        ];
        for s in samples {
            assert_eq!(count_sentences(s), reference(s), "{s}");
        }
        // Every paragraph of the corpus, where it is at hand.
        for (_, text) in corpus() {
            for para in text.split("\n\n") {
                assert_eq!(count_sentences(para), reference(para), "{para}");
            }
        }
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            count_sentences("Mr. Smith met U.S. Defense officials on Aug. 15 in St. Louis."),
            1
        );
        assert_eq!(
            count_sentences("John F. Kennedy spoke. The crowd cheered."),
            2
        );
        assert_eq!(
            count_sentences("\"We will build,\" he said. \"We share it.\" Then he left!"),
            3
        );
    }

    #[test]
    fn ordinary_sentences() {
        assert_eq!(count_sentences("One. Two? Three!"), 3);
        assert_eq!(count_sentences("No final stop"), 1);
        assert_eq!(count_sentences(""), 0);
        assert_eq!(count_sentences(" ... "), 0);
        assert_eq!(
            count_sentences("A sentence wrapped\nover two lines.\r\nAnd another."),
            2
        );
    }
}
