//! The word count of the record's stats: takes a paragraph, gives how many words UAX #29
//! finds in it (`unicode_words`, the reference its tests hold it to). A leaf module for a
//! measured kernel: ASCII text, most of a batch, is counted by a direct scan that follows
//! the same rules (by SSE2 on x86-64, 30% fewer instructions than the compiler's vectors,
//! with the portable `word_starts` as its reference), every word with a non-ASCII byte by
//! unicode-segmentation. Its words are UAX #29's, not `tokens`' (see there why they differ).

use unicode_segmentation::UnicodeSegmentation;

/// Words as UAX #29 finds them (`unicode_words`); ASCII text takes a direct scan that
/// follows the same rules: letters, digits and `_` run together, and `.`, `'` and `:` join
/// two letters, `.`, `'`, `,` and `;` two digits ("don't", "U.S", "2.5", "1,000").
pub(crate) fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let Some(first) = first_non_ascii(bytes) else {
        return count_ascii_words(bytes);
    };
    // UAX #29 never joins a word across whitespace, so the text is read a stretch at a
    // time, cut at whitespace. In one pass from the first non-ASCII character on, each
    // character goes into the scan's ASCII image of the text as its twin (`ascii_twin`); a
    // stretch with a character that has none is counted by unicode-segmentation and taken
    // back out of the image (the whitespace around it stays). (An ASCII byte is never part
    // of a longer UTF-8 sequence: every cut is between characters.)
    let cut = |b: u8| matches!(b, b' ' | b'\n' | b'\t' | b'\r');
    let mut image = Vec::with_capacity(bytes.len());
    image.extend_from_slice(&bytes[..first]);
    // Where the stretch being read starts, in the text and in the image.
    let mut stretch = bytes[..first]
        .iter()
        .rposition(|&b| cut(b))
        .map_or(0, |c| c + 1);
    let mut stretch_image = stretch;
    let mut count = 0;
    let mut i = first;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if cut(b) {
                (stretch, stretch_image) = (i + 1, image.len() + 1);
            }
            image.push(b);
            i += 1;
        } else if matches!(b, 0xD0 | 0xD1) {
            // A Cyrillic letter (U+0400 to U+047F), twin `a`, known by its first byte: most
            // characters of Russian text, read without decoding.
            image.push(b'a');
            i += 2;
        } else {
            let c = text[i..].chars().next().expect("a character at a boundary");
            if let Some(twin) = ascii_twin(c) {
                image.push(twin);
                i += c.len_utf8();
            } else {
                let end = (bytes[i..].iter().position(|&b| cut(b))).map_or(bytes.len(), |k| i + k);
                count += text[stretch..end].unicode_words().count();
                image.truncate(stretch_image);
                i = end;
            }
        }
    }
    count + count_ascii_words(&image)
}

/// An ASCII character that UAX #29 treats as it does `c`, for the characters of Russian
/// text: itself for ASCII; `a` for a Cyrillic letter (U+0400 to U+047F, the Russian
/// alphabet among them, every one ALetter as Latin ones are); `!` for the quotes, dashes and signs of Russian text that are
/// neither letters nor joiners (Other). Counting Russian words by the scan halved the time
/// of the word count in a Russian batch, where unicode-segmentation was an eighth of it.
fn ascii_twin(c: char) -> Option<u8> {
    match c {
        _ if c.is_ascii() => Some(c as u8),
        '\u{400}'..='\u{47F}' => Some(b'a'),
        '«' | '»' | '„' | '“' | '”' | '—' | '–' | '…' | '№' | '\u{A0}' => {
            Some(b'!')
        }
        _ => None,
    }
}

/// Where the first byte of `b` that is not ASCII is, eight bytes at a time.
pub(crate) fn first_non_ascii(b: &[u8]) -> Option<usize> {
    let mut chunks = b.chunks_exact(8);
    for (k, chunk) in chunks.by_ref().enumerate() {
        let high =
            u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080;
        if high != 0 {
            return Some(8 * k + high.trailing_zeros() as usize / 8);
        }
    }
    let rest = chunks.remainder();
    let at = b.len() - rest.len();
    rest.iter().position(|b| !b.is_ascii()).map(|i| at + i)
}

/// Words counted at their first letter or digit: one that follows neither a letter or
/// digit of the same word nor a joiner inside a word ("U.S.", "3.5"). One pass, a table
/// lookup and bit operations a byte.
fn count_ascii_words(b: &[u8]) -> usize {
    // Joiners (UAX #29's WB6/7 between letters, WB11/12 between digits) sit two bits
    // above the class they join: `(k1 >> 2) & k` is the join test.
    const LETTER: u8 = 1;
    const DIGIT: u8 = 2;
    const JOINS_LETTERS: u8 = 4;
    const JOINS_DIGITS: u8 = 8;
    const WORD: u8 = 16;
    const ALNUM: u8 = 32;
    const CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut c = 0;
        while c < 128 {
            let b = c as u8;
            t[c] = if b.is_ascii_alphabetic() {
                LETTER | WORD | ALNUM
            } else if b.is_ascii_digit() {
                DIGIT | WORD | ALNUM
            } else {
                match b {
                    b'_' => WORD,
                    b'.' | b'\'' => JOINS_LETTERS | JOINS_DIGITS,
                    b':' => JOINS_LETTERS,
                    b',' | b';' => JOINS_DIGITS,
                    _ => 0,
                }
            };
            c += 1;
        }
        t
    };
    // Without `_`, every word byte is a letter or digit, and whether a byte starts a word
    // depends on the two before it alone: no chain from byte to byte.
    if memchr::memchr(b'_', b).is_none() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: the function needs SSE2, which every x86-64 processor has (it is part of
        // the architecture's baseline), so wherever this code runs the requirement holds.
        return unsafe { x86::word_starts(b) };
        #[cfg(not(target_arch = "x86_64"))]
        return word_starts(b);
    }
    let mut count = 0;
    // The classes of the two bytes before, and whether the word running into this byte
    // has a letter or digit already ("__x" is one word, "___" none).
    let (mut k2, mut k1, mut seen) = (0u8, 0u8, false);
    for &c in b {
        let k = CLASS[usize::from(c)];
        let joined = k2 & k & (k1 >> 2) & (LETTER | DIGIT) != 0;
        let seen_before = joined || k1 & WORD != 0 && seen;
        let alnum = k & ALNUM != 0;
        count += usize::from(alnum && !seen_before);
        seen = k & WORD != 0 && (seen_before || alnum);
        (k2, k1) = (k1, k);
    }
    count
}

/// Word starts in ASCII text without `_`: a letter or digit after none, unless a joiner
/// between two letters or two digits joins it to the word before. Classes by arithmetic
/// rather than a table, so that the compiler can take many bytes at once.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))] // the tests' reference there
fn word_starts(b: &[u8]) -> usize {
    let letter = |c: u8| (c | 0x20).wrapping_sub(b'a') < 26;
    let digit = |c: u8| c.wrapping_sub(b'0') < 10;
    let alnum = |c: u8| letter(c) | digit(c);
    let starts = |c2: u8, c1: u8, c: u8| {
        let joins_letters = matches!(c1, b'.' | b'\'' | b':');
        let joins_digits = matches!(c1, b'.' | b'\'' | b',' | b';');
        let joined = letter(c2) & letter(c) & joins_letters | digit(c2) & digit(c) & joins_digits;
        alnum(c) & !alnum(c1) & !joined
    };
    // The text as if two spaces came before it.
    let head = match *b {
        [] => 0,
        [a] => usize::from(alnum(a)),
        [a, b1, ..] => usize::from(alnum(a)) + usize::from(starts(b' ', a, b1)),
    };
    if b.len() < 3 {
        return head;
    }
    let n = b.len() - 2;
    let body: usize = b[..n]
        .chunks(255)
        .zip(b[1..].chunks(255).zip(b[2..].chunks(255)))
        .map(|(c2, (c1, c))| {
            // At most 255 a chunk: the sum fits in a byte, and bytes add many at once.
            c2.iter()
                .zip(c1.iter().zip(c))
                .map(|(&c2, (&c1, &c))| u8::from(starts(c2, c1, c)))
                .fold(0u8, u8::wrapping_add) as usize
        })
        .sum();
    head + body
}

/// `word_starts` by SSE2: the classes of 16 bytes at once as bit masks, and the start
/// test on the masks of 64 bytes at once (measured: 30% fewer instructions for the word
/// counts than the compiler's vectors of `word_starts`, which widen each byte's test).
#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    /// Bit masks of 16 bytes: letters, digits, joiners of letters, joiners of digits.
    #[target_feature(enable = "sse2")]
    fn classes(x: &[u8; 16]) -> [u64; 4] {
        let word = |i: usize| u64::from_le_bytes(x[i..i + 8].try_into().expect("8")) as i64;
        let v = _mm_set_epi64x(word(8), word(0));
        // `x - lo <= n` unsigned, as `min(x - lo, n) == x - lo`.
        let letters = _mm_sub_epi8(
            _mm_or_si128(v, _mm_set1_epi8(0x20)),
            _mm_set1_epi8(b'a' as i8),
        );
        let letters = _mm_cmpeq_epi8(_mm_min_epu8(letters, _mm_set1_epi8(25)), letters);
        let digits = _mm_sub_epi8(v, _mm_set1_epi8(b'0' as i8));
        let digits = _mm_cmpeq_epi8(_mm_min_epu8(digits, _mm_set1_epi8(9)), digits);
        let both = _mm_or_si128(
            _mm_cmpeq_epi8(v, _mm_set1_epi8(b'.' as i8)),
            _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\'' as i8)),
        );
        let joins_letters = _mm_or_si128(both, _mm_cmpeq_epi8(v, _mm_set1_epi8(b':' as i8)));
        let joins_digits = _mm_or_si128(
            both,
            _mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b',' as i8)),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b';' as i8)),
            ),
        );
        let bits = |m: __m128i| u64::from(_mm_movemask_epi8(m) as u16);
        [
            bits(letters),
            bits(digits),
            bits(joins_letters),
            bits(joins_digits),
        ]
    }

    /// The masks of 64 bytes, bit `i` for byte `i`.
    #[target_feature(enable = "sse2")]
    fn block(x: &[u8; 64]) -> [u64; 4] {
        let mut masks = [0; 4];
        for (k, chunk) in x.chunks_exact(16).enumerate() {
            let m = classes(chunk.try_into().expect("16"));
            for (mask, m) in masks.iter_mut().zip(m) {
                *mask |= m << (16 * k);
            }
        }
        masks
    }

    /// See `super::word_starts`; `b` is ASCII without `_`.
    #[target_feature(enable = "sse2")]
    pub(super) fn word_starts(b: &[u8]) -> usize {
        let mut count = 0;
        // The masks of the 64 bytes before: none at first, as if spaces came before.
        let mut before = [0u64; 4];
        let mut take = |[l, d, jl, jd]: [u64; 4]| {
            let [pl, pd, pjl, pjd] = before;
            // Each mask moved up one or two bytes: the classes of the byte before, or two.
            let one = |m: u64, p: u64| m << 1 | p >> 63;
            let two = |m: u64, p: u64| m << 2 | p >> 62;
            let joined = two(l, pl) & l & one(jl, pjl) | two(d, pd) & d & one(jd, pjd);
            let starts = (l | d) & !one(l | d, pl | pd) & !joined;
            count += starts.count_ones() as usize;
            before = [l, d, jl, jd];
        };
        let mut chunks = b.chunks_exact(64);
        for chunk in chunks.by_ref() {
            take(block(chunk.try_into().expect("64")));
        }
        // The rest, after spaces (which start nothing, and come after every byte that counts).
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut padded = [b' '; 64];
            padded[..rest.len()].copy_from_slice(rest);
            take(block(&padded));
        }
        count
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The articles of `../shared/corpus` with their paths, or none where that folder is
    /// absent (saying so, or failing where CI requires it).
    pub(crate) fn corpus() -> Vec<(String, String)> {
        let Some(dir) = crate::shared::shared_corpus() else {
            return Vec::new();
        };
        let entries = std::fs::read_dir(&dir).expect("the corpus folder reads");
        entries
            .flatten()
            .map(|e| {
                (
                    e.path().display().to_string(),
                    std::fs::read_to_string(e.path()).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn same_word_counts_as_unicode_segmentation() {
        for s in [
            "don't U.S. 2.5 1,000 a:b a.1 1.a __x _ x_y it's 3;4 ab'cd' 'q' e.g., Mr. A-B",
            "x.y.z 1.2.3 a..b 1,,2",
            "___ _a a_ :a a: 'x x' .5 5. a.b. ,1 1, __1__ a'b'c 1'2'3 a:b:c",
            "café l'été 1.5€ naïve.x über:alles",
            "МОСКВА, 4 мая. /ТАСС/. Он сказал: «Да» — и ушёл;\tЁж 2,5 млн ѣ і́ та ఽ mixed-Слово x.Я",
        ] {
            assert_eq!(count_words(s), s.unicode_words().count(), "{s}");
        }
        for (path, text) in corpus() {
            assert_eq!(count_words(&text), text.unicode_words().count(), "{path}");
        }
    }

    #[cfg(target_arch = "x86_64")]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// Long strings of the bytes the test tells apart, across the 16- and 64-byte steps.
        #[test]
        fn sse2_word_starts_as_the_portable_count(
            b in proptest::collection::vec(proptest::sample::select(b"aZ19.,:;' -x".to_vec()), 0..300)
        ) {
            // SAFETY: every x86-64 processor has SSE2.
            let fast = unsafe { x86::word_starts(&b) };
            proptest::prop_assert_eq!(fast, word_starts(&b));
        }
    }

    #[test]
    fn the_first_byte_not_ascii_at_every_offset() {
        for len in 0..24 {
            let ascii = vec![b'a'; len];
            assert_eq!(first_non_ascii(&ascii), None);
            for at in 0..len {
                let mut b = ascii.clone();
                b[at] = 0xc3;
                b[len - 1] = 0xa9;
                assert_eq!(first_non_ascii(&b), Some(at), "{len} {at}");
            }
        }
    }

    /// Every string of up to `len` characters of `alphabet`, the empty one too.
    fn every_string(alphabet: &[char], len: usize) -> Vec<String> {
        let mut strings = vec![String::new()];
        let mut last = 0..1;
        for _ in 0..len {
            let longer: Vec<String> = strings[last.clone()]
                .iter()
                .flat_map(|s| alphabet.iter().map(move |&c| format!("{s}{c}")))
                .collect();
            last = strings.len()..strings.len() + longer.len();
            strings.extend(longer);
        }
        strings
    }

    #[test]
    fn same_word_counts_for_every_short_string() {
        // Every string of up to five of these characters: each class the counts tell
        // apart, and a non-ASCII letter for the stretches that unicode-segmentation counts.
        let alphabet = ['a', 'Z', '1', '.', ',', ':', '\'', '_', ' ', 'é'];
        let strings = every_string(&alphabet, 5);
        assert!(strings.len() > 100_000);
        for s in &strings {
            assert_eq!(count_words(s), s.unicode_words().count(), "{s:?}");
        }
    }

    #[test]
    fn each_ascii_twin_counts_as_the_character() {
        // Every string of up to four characters of the classes the counts tell apart,
        // with each character that has a twin in turn.
        let twinned = (0..=0xFFFF)
            .filter_map(char::from_u32)
            .filter(|&c| !c.is_ascii() && ascii_twin(c).is_some());
        for c in twinned {
            let alphabet = ['a', '1', '.', ',', ':', '\'', '_', ' ', '!', 'é', c];
            for s in &every_string(&alphabet, 4) {
                assert_eq!(count_words(s), s.unicode_words().count(), "{s:?}");
            }
        }
    }

    #[test]
    fn words_of_a_sentence() {
        assert_eq!(
            count_words("Russia's defense chief said, \"we will\" — 2.5 pct."),
            8
        );
    }
}
