//! Events: conferences, forums, exercises and games. Takes words and a `Field`; gives what
//! makes an event's name besides its head word: an ordinal or year before it ("11th …"),
//! a Roman numeral after it, or a year joined to a name ("Zapad-2017").

use super::phrases::Field;
use super::{Candidate, Kind};
use crate::text::tokens::is_capitalized;

pub(super) fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

pub(super) fn is_ordinal_or_year(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &word[digits.len()..];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && (matches!(suffix, "st" | "nd" | "rd" | "th") || suffix.is_empty() && digits.len() == 4)
}

/// "Zapad-2017": a capitalized word joined to a year names an exercise or a games.
pub(super) fn exercise_name(f: &Field, i: usize) -> Option<Candidate> {
    let w = f.word(i);
    // Asked of every word of many phrases: the hyphen found as a byte, not by memrchr.
    let hyphen = w.bytes().rposition(|b| b == b'-')?;
    let (stem, year) = (&w[..hyphen], &w[hyphen + 1..]);
    let named = is_capitalized(stem) && stem.chars().all(char::is_alphabetic) && stem.len() >= 3;
    (named && year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())).then(|| Candidate {
        start: f.toks[i].start,
        end: f.toks[i].end,
        kind: Kind::Event {
            key: w.to_lowercase(),
            name: w.to_owned(),
        },
        priority: 2,
    })
}
