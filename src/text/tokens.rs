//! Tokens: the words of a text, as byte ranges, for the stages that read words. Takes a
//! field or a stretch of text; gives its words. Every tokenizer of the rules lives here, on
//! one definition of what a word is made of (`is_word_char`, `is_inner`): a letter or digit,
//! then letters, digits, hyphens, apostrophes and periods ("al-Sabah", "don't", "U.S.").
//!
//! - `scan`, for the entity rules: capitalized words and numbers (lowercase ones only if
//!   asked), which also run on over "&" and combining marks ("AT&T", a decomposed "José"),
//!   keep the period of an initial or title ("E.", "Mr.": `abbreviations::keeps_period`)
//!   and lose a possessive "'s"; in the same pass every run of letters and digits, which the
//!   gazetteer looks up. One pass for both because the scan is the hottest loop of a batch:
//!   its ASCII short path and `ascii_alnum_end` (eight bytes a step) are measured kernels,
//!   each with a reference test.
//! - `run_end`, for the gazetteer's reading of a short text (a name it is asked about):
//!   where a run of letters and digits, or of other characters, ends.
//! - `words`, for the cue reader of the quote rules: every word, lowercase too, as written
//!   but for the marks at its end; no "&", possessive or period kept, since the cues are
//!   verbs and small words ("said", "told reporters", "according to").
//!
//! The word count of the record's stats (`wordcount`) is no tokenizer of the rules: it
//! counts UAX #29's words, which `unicode_words` gives and its tests hold it to, and they
//! differ on purpose ("_" is a letter, a hyphen splits "al-Sabah", ":" joins two letters and
//! "," two digits), and the count is in every record. The character
//! classes the entity rules share (capitalized, gap, combining) live here too.

use std::ops::Range;

use crate::text::abbreviations::keeps_period;
use crate::text::wordlist::ARABIC_ARTICLES;

/// A word, in bytes of the whole text; a possessive "'s" cut off and remembered.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub possessive: bool,
}

// Character classes. One definition for both word readers, `scan` and `words`: a word
// starts at a letter or digit and runs on over letters, digits, hyphens, apostrophes and
// periods; a name (`scan`) runs on over "&" and combining marks as well.

/// A letter or digit: where a word starts, and what its last character is once the marks
/// at its end are cut off.
pub(crate) fn is_word_char(c: char) -> bool {
    // The Cyrillic letters first (U+0400 to U+04FF but for its sign and combining marks,
    // U+0482 to U+0489): `is_alphanumeric` searches a table for every letter beyond ASCII,
    // which was a third of the time of a Russian batch.
    matches!(c, '\u{400}'..='\u{481}' | '\u{48A}'..='\u{4FF}') || c.is_alphanumeric()
}

/// A letter: `char::is_alphabetic`, the Cyrillic letters (U+0400 to U+04FF but for its sign
/// and combining marks) answered without its table search, as `is_word_char` does.
pub(crate) fn is_letter(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{481}' | '\u{48A}'..='\u{4FF}') || c.is_alphabetic()
}

/// Whether the character at byte `i` (a char boundary) is a letter or digit, and its length.
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    text[i..]
        .chars()
        .next()
        .map_or((false, 1), |c| (is_word_char(c), c.len_utf8()))
}

/// Where the run of letters and digits (`alnum`), or of other characters, from byte `i` ends:
/// how the gazetteer reads a short text (a name) word by word, without the scan's fast path.
pub(crate) fn run_end(text: &str, mut i: usize, alnum: bool) -> usize {
    while i < text.len() {
        let (is, len) = word_char_at(text, i);
        if is != alnum {
            break;
        }
        i += len;
    }
    i
}

/// What a word runs on over: letters and digits, and the hyphens, apostrophes and periods
/// inside "al-Sabah", "O'Neill", "Putin’s", "U.S." and "3.5".
fn is_inner(c: char) -> bool {
    is_word_char(c) || matches!(c, '-' | '\'' | '’' | '.')
}

/// What a name runs on over: `is_inner`, and the "&" of "AT&T" and the combining marks of
/// a decomposed "José", which an entity's name keeps whole. (The cue reader's words do
/// without: there "AT&T" is two words, as the cue rules were written for.)
fn is_name_inner(c: char) -> bool {
    is_inner(c) || c == '&' || is_combining(c)
}

// `scan` reads the classes of ASCII from a table (a test checks it against the functions
// above: `char::is_alphanumeric` is no `const fn`), other characters (`WIDE`) decoded.
const ALNUM: u8 = 1;
const INNER: u8 = 2;
const WIDE: u8 = 4;
const CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphanumeric() {
            ALNUM | INNER
        } else if matches!(b, b'-' | b'\'' | b'.' | b'&') {
            INNER
        } else {
            0
        };
        c += 1;
    }
    t
};

/// The class and length of the character at byte `i`, not ASCII.
#[cold]
fn wide(field: &str, i: usize) -> (u8, usize) {
    field[i..].chars().next().map_or((0, 1), |c| {
        let class = if is_word_char(c) {
            ALNUM | INNER
        } else if is_name_inner(c) {
            INNER
        } else {
            0
        };
        (class, c.len_utf8())
    })
}

/// The class and length of the character at byte `i`.
#[inline]
fn class(field: &str, i: usize) -> (u8, usize) {
    let b = field.as_bytes()[i];
    match CLASS[usize::from(b)] {
        // U+0400 to U+047F, two bytes from 0xD0 or 0xD1: Cyrillic letters (`is_word_char`),
        // most of a Russian text, read without decoding them.
        WIDE if matches!(b, 0xD0 | 0xD1) => (ALNUM | INNER, 2),
        WIDE => wide(field, i),
        c => (c, 1),
    }
}

/// Words of `text[range]`: letters and digits, with the hyphens, apostrophes, periods and
/// ampersands inside names ("al-Sabah", "O'Neill", "U.S.", "AT&T"); a possessive "'s" is
/// cut off and remembered. Lowercase words are left out unless `keep_lowercase(bytes,
/// start, end)` keeps them (the bytes are the field's). In the same pass, `on_run(start,
/// end)` for each run of letters and digits, in bytes of the field. The words go on the
/// end of `out`, which may hold other fields' words.
pub(crate) fn scan(
    text: &str,
    range: Range<usize>,
    out: &mut Vec<Tok>,
    keep_lowercase: impl Fn(&[u8], usize, usize) -> bool,
    mut on_run: impl FnMut(usize, usize),
) {
    let field = &text[range.clone()];
    let bytes = field.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = class(field, i);
        if c & ALNUM == 0 {
            i += len;
            continue;
        }
        // Most words are ASCII letters and digits alone, followed by a space or a mark
        // that no word holds: one run, no possessive, nothing to trim.
        if len == 1 {
            let end = ascii_alnum_end(bytes, i + 1);
            if bytes
                .get(end)
                .is_none_or(|&b| CLASS[usize::from(b)] & (INNER | WIDE) == 0)
            {
                on_run(i, end);
                // (Without a hyphen, no lowercase word is an "al-Sabah".) Pushed, then
                // taken back if not kept: which words are lowercase is the text's whim, and
                // a branch on it mispredicts.
                let keep = !bytes[i].is_ascii_lowercase() || keep_lowercase(bytes, i, end);
                out.push(Tok {
                    start: range.start + i,
                    end: range.start + end,
                    possessive: false,
                });
                out.truncate(out.len() - usize::from(!keep));
                // The byte after the word (if any) starts none.
                i = end + 1;
                continue;
            }
        }
        let start = i;
        let end = word_end(field, i, len, &mut on_run);
        i = end;
        // Only capitalized words, numbers and the connectors inside names matter to the
        // rules; a lowercase word left out still breaks a phrase, since the text between
        // two tokens then is more than whitespace.
        let first = bytes[start];
        // (A lowercase ASCII letter can only start "al-Sabah" and the like in "a" or "e".)
        if first.is_ascii_lowercase()
            && !(matches!(first, b'a' | b'e') && is_capitalized(&field[start..end]))
            && !keep_lowercase(bytes, start, end)
        {
            continue;
        }
        let (from, to, possessive) = trim(field, start, end);
        out.push(Tok {
            start: range.start + from,
            end: range.start + to,
            possessive,
        });
    }
}

/// Where the word whose first character (of `len` bytes, a letter or digit) is at byte `i`
/// ends; `on_run` for each run of letters and digits in it.
fn word_end(field: &str, i: usize, len: usize, on_run: &mut impl FnMut(usize, usize)) -> usize {
    let bytes = field.as_bytes();
    let ascii_alnum = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|&b| CLASS[usize::from(b)] & ALNUM != 0)
    };
    let mut end = i + len;
    // Where the current run of letters and digits started, if one is open.
    let mut run = Some(i);
    loop {
        // ASCII letters and digits, the most of a word, a byte at a time.
        if run.is_none() && ascii_alnum(end) {
            run = Some(end);
        }
        end = ascii_alnum_end(bytes, end);
        if end == bytes.len() {
            break;
        }
        let (d, len) = class(field, end);
        if d & INNER == 0 {
            break;
        }
        if d & ALNUM == 0 {
            if let Some(from) = run.take() {
                on_run(from, end);
            }
        } else if run.is_none() {
            run = Some(end);
        }
        end += len;
    }
    if let Some(from) = run {
        on_run(from, end);
    }
    end
}

/// The word `field[start..end]` without a possessive "'s" and trailing punctuation: its
/// bounds, and whether it was a possessive.
fn trim(field: &str, start: usize, end: usize) -> (usize, usize, bool) {
    let mut word = &field[start..end];
    // Most words end in a letter or digit and are no possessive: nothing to cut.
    let last = field.as_bytes()[end - 1];
    if last.is_ascii_alphanumeric()
        && !(last == b's' && (word.ends_with("'s") || word.ends_with("’s")))
    {
        return (start, end, false);
    }
    let mut possessive = false;
    for suffix in ["'s", "’s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            word = stem;
            possessive = true;
        }
    }
    // Trailing punctuation belongs to the sentence, but for the period of an initial,
    // a dotted abbreviation or a title ("E.", "U.S.", "Mr.", "Corp.").
    let trimmed = word.trim_end_matches(|c: char| !is_word_char(c) && !is_combining(c));
    if word.len() == trimmed.len() + 1 && word.ends_with('.') && keeps_period(word) {
        word = &word[..trimmed.len() + 1];
    } else {
        if word.ends_with(['\'', '’']) && trimmed.ends_with('s') {
            possessive = true;
        }
        word = trimmed;
    }
    (start, start + word.len(), possessive)
}

/// Where the run of ASCII letters and digits from `i` ends: eight bytes at a time, so that
/// a word's end is found by counting bits rather than by a branch on each byte, which
/// mispredicts at every word's end (about 4% of the time of a batch).
pub(crate) fn ascii_alnum_end(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Per byte below 0x80, the high bit of `v + 0x80 - lo` says `v >= lo`, carry-free.
        let low = x & !HIGHS;
        let at_least = |v: u64, lo: u8| (v + ONES * u64::from(0x80 - lo)) & HIGHS;
        // With bit 5 set, "A"–"Z" fall on "a"–"z" and nothing else does.
        let folded = low | (ONES * 0x20);
        let letters = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
        let digits = at_least(low, b'0') & !at_least(low, b'9' + 1);
        // The high bit of each ASCII letter or digit.
        let alnum = (letters | digits) & !x;
        if alnum != HIGHS {
            return i + (!alnum & HIGHS).trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i + b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count()
}

/// A word and its byte range in the text.
pub(crate) type Word<'a> = (Range<usize>, &'a str);

/// Words of `s` with their byte ranges (offset by `base`), for the cue reader: a letter or
/// digit, then what `is_inner` takes, less the marks at the end ("U.S", "don't",
/// "al-Sabah"). Every word, lowercase too, and no possessive cut off: the cue rules read
/// verbs and small words ("said", "according to"), not names.
pub(crate) fn words(s: &str, base: usize) -> impl Iterator<Item = Word<'_>> {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = chars.find(|&(_, c)| is_word_char(c))?;
        let mut end = start + c.len_utf8();
        while let Some((i, c)) = chars.next_if(|&(_, c)| is_inner(c)) {
            end = i + c.len_utf8();
        }
        // Inside a word, what is no letter or digit is a mark of `is_inner`.
        let w = s[start..end].trim_end_matches(|c| !is_word_char(c));
        Some((base + start..base + start + w.len(), w))
    })
}

/// A combining mark (an accent written after its letter, as in "José" decomposed).
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// What may stand between two words of one name: spaces, and the zero-width characters
/// that copy-and-paste leaves inside names.
pub(crate) fn is_gap(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Capitalized, counting Arabic names' "al-Sabah" and "el-Sisi".
pub(crate) fn is_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => return true,
        Some(b) if b.is_ascii() && !matches!(b, b'a' | b'e') => return false,
        None => return false,
        // Most words in "a" or "e" are no Arabic name: the hyphen comes third or fourth.
        Some(b'a' | b'e') if !matches!(word.as_bytes(), [_, _, b'-', ..] | [_, _, _, b'-', ..]) => {
            return false;
        }
        _ => {}
    }
    match word.chars().next() {
        Some(c) if c.is_uppercase() => true,
        Some('a' | 'e') => ARABIC_ARTICLES
            .iter()
            .find_map(|p| word.strip_prefix(p))
            .is_some_and(|rest| rest.starts_with(char::is_uppercase)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_letters_are_word_characters_and_its_marks_are_not() {
        for c in ('\u{400}'..='\u{4FF}')
            .chain('a'..='z')
            .chain(['é', '1', '-', ' ', '\u{483}'])
        {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn is_letter_is_is_alphabetic() {
        for c in ('\0'..='\u{3000}').chain(['\u{10400}', '\u{1F600}']) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn ascii_alnum_runs_end_where_a_byte_loop_ends_them() {
        // Every byte value at every position of a run, with runs across the eight-byte steps.
        for len in 0..20 {
            for at in 0..len {
                for c in 0..=255u8 {
                    let mut b = vec![b'a'; len];
                    b[at] = c;
                    let expected = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                    assert_eq!(ascii_alnum_end(&b, 0), expected, "{b:?}");
                }
            }
        }
        assert_eq!(ascii_alnum_end(b"x Zz09 ", 2), 6);
    }

    #[test]
    fn every_character_has_the_class_that_decoding_it_gives() {
        // The Cyrillic fast path of `class` against `wide`, which decodes, for all of Unicode.
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii())
        {
            let s = format!("{c}x");
            assert_eq!(class(&s, 0), wide(&s, 0), "{c:?}");
        }
    }

    #[test]
    fn the_ascii_table_is_the_classes_functions() {
        for b in 0..128u8 {
            let c = char::from(b);
            let expected = if is_word_char(c) {
                ALNUM | INNER
            } else if is_name_inner(c) {
                INNER
            } else {
                0
            };
            assert_eq!(CLASS[usize::from(b)], expected, "{c:?}");
            assert_eq!(class(&String::from(c), 0), (expected, 1), "{c:?}");
        }
        for (c, expected) in [
            ('é', ALNUM | INNER),
            ('’', INNER),
            ('\u{301}', INNER),
            ('—', 0),
        ] {
            assert_eq!(
                class(&String::from(c), 0),
                (expected, c.len_utf8()),
                "{c:?}"
            );
        }
    }

    #[test]
    fn capitalized_words_and_arabic_articles() {
        for word in [
            "Putin",
            "Élysée",
            "al-Sabah",
            "el-Sisi",
            "ash-Sharaa",
            "U.S.",
        ] {
            assert!(is_capitalized(word), "{word}");
        }
        for word in [
            "and",
            "al",
            "al-",
            "al-qaeda",
            "e-mail",
            "ex-Soviet",
            "élan",
            "",
            "3",
        ] {
            assert!(!is_capitalized(word), "{word}");
        }
    }

    #[test]
    fn words_keep_inner_marks_and_drop_final_ones() {
        let s = "U.S. officials' view: don't—Putin’s al-Sabah, long- 3.5 Ünïcødé.";
        let found: Vec<_> = words(s, 10).map(|(_, w)| w).collect();
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
        // Names run on over "&" and combining marks; the cue reader's words do not.
        let s = "AT&T Jose\u{301} said";
        let found: Vec<_> = words(s, 0).map(|(_, w)| w).collect();
        assert_eq!(found, ["AT", "T", "Jose", "said"]);
        let mut toks = Vec::new();
        scan(s, 0..s.len(), &mut toks, |_, _, _| false, |_, _| {});
        let names: Vec<_> = toks.iter().map(|t| &s[t.start..t.end]).collect();
        assert_eq!(names, ["AT&T", "Jose\u{301}"]);
        let s = "U.S. officials' view";
        let (r, w) = words(s, 10).nth(1).unwrap();
        assert_eq!((r, w), (15..24, "officials"));
    }
}
