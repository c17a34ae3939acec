//! Abbreviations: whether a period (or stop) after a word belongs to the word rather than to
//! the sentence. Takes a word, or a stop's place in a text; gives yes or no. Three stages
//! ask, each for its own reason, so there are three rules, kept here side by side:
//!
//! - `keeps_period`: the tokenizer of the entity rules (`tokens::scan`) keeps the period of
//!   a name's word ("Mr.", "E.", "U.S.", "Acme Corp."), so that it shows in the entity.
//! - `is_sentence_abbreviation`: the sentence count takes a period after an abbreviation
//!   ("Mr. Smith", "Aug. 15") for no sentence's end.
//! - `ends_abbreviation` (and `ends_abbreviation_or_acronym`): the quote rules' sentence
//!   bounds, around a cue, by shape alone.
//!
//! The first two read the one list, `src/data/abbreviations.tsv`, a column each: company
//! suffixes keep their period in a name but end sentences ("… said Acme Corp."). The third
//! is a shape rule — any capitalized word of at most three bytes — and not the list: it also
//! takes "Hey!" or "Ban." for no sentence's end, and "Calif." for one. Reading the list
//! instead would move the sentence bounds a cue is looked for in, and so change records:
//! which rule the quotes are better served by is a question for the evaluation, not for
//! this refactor. Likewise the shapes of the first two differ where their uses do: a name
//! keeps the period of any one-letter word and of any word with a period inside ("a.k.a."),
//! while the sentence count takes only a capital initial and strict letter-period pairs for
//! no end, so that "… in the a." or "… at 3.5." still end sentences.

use crate::text::wordlist::{NAME_ABBREVIATIONS, SENTENCE_ABBREVIATIONS};

/// Whether `word`, which ends with a period, keeps it in a name: an initial ("E."), a
/// dotted abbreviation ("U.S."), or a title or company suffix of the list ("Mr.", "Corp.").
pub(crate) fn keeps_period(word: &str) -> bool {
    let stem = &word[..word.len() - 1];
    let mut letters = stem.chars();
    let single = letters.next().is_some_and(char::is_alphabetic) && letters.next().is_none();
    // "U.S.", "Ph.D." keep it; "В.Лукашенко." (an initial glued to a surname) does not.
    let dotted = stem
        .rsplit_once('.')
        .is_some_and(|(_, last)| last.chars().count() <= 2);
    single || dotted || NAME_ABBREVIATIONS.contains(word)
}

/// Whether the period that ends `token` (a word with its period, marks before it cut off)
/// does not end a sentence: an initial ("F."), a dotted acronym ("U.S.", "e.g.") or an
/// abbreviation of the list ("Mr.", "Aug.", "Calif.").
pub(crate) fn is_sentence_abbreviation(token: &str) -> bool {
    let initial = {
        let mut c = token.chars();
        matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
    };
    initial || is_dotted_acronym(token) || SENTENCE_ABBREVIATIONS.contains(token)
}

/// "U.S.", "U.N.", "e.g.": letters each followed by a period, two or more.
fn is_dotted_acronym(token: &str) -> bool {
    let mut pairs = 0;
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if !c.is_alphabetic() || chars.next() != Some('.') {
            return false;
        }
        pairs += 1;
    }
    pairs >= 2
}

/// Whether the stop (period, question or exclamation mark) at byte `i` of `s` ends a short
/// capitalized word ("Mr.", "U.S.", "E."), which the quote rules take for an abbreviation
/// rather than a sentence's end. A shape, not the list: see the module's comment.
pub(crate) fn ends_abbreviation(s: &str, i: usize) -> bool {
    is_short_capitalized(word_before(s, i))
}

/// `ends_abbreviation`, or a word with a period inside ("U.S.", "a.m."): what the quote
/// rules take for no sentence's end between a subject and its verb.
pub(crate) fn ends_abbreviation_or_acronym(s: &str, i: usize) -> bool {
    let word = word_before(s, i);
    is_short_capitalized(word) || word.contains('.')
}

/// The word before byte `i` of `s`: back to the whitespace before it, or to the start.
fn word_before(s: &str, i: usize) -> &str {
    let start = s[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(w, c)| w + c.len_utf8());
    &s[start..i]
}

/// At most three bytes, the first an uppercase letter ("Mr", "U.S", "E", "Hey").
fn is_short_capitalized(word: &str) -> bool {
    word.len() <= 3 && word.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_the_periods_of_initials_titles_and_company_suffixes() {
        for word in ["E.", "É.", "U.S.", "Ph.D.", "Mr.", "Gen.", "Corp.", "Bros."] {
            assert!(keeps_period(word), "{word}");
        }
        for word in [
            "said.",
            "Aug.",
            "Calif.",
            "Messrs.",
            "1.",
            "mr.",
            "В.Лукашенко.",
        ] {
            assert!(!keeps_period(word), "{word}");
        }
    }

    #[test]
    fn sentences_go_on_after_initials_acronyms_and_listed_abbreviations() {
        for token in ["F.", "U.S.", "e.g.", "Mr.", "Aug.", "Calif.", "Messrs."] {
            assert!(is_sentence_abbreviation(token), "{token}");
        }
        // Company suffixes end sentences: "… said Acme Corp."
        for token in ["Corp.", "Inc.", "f.", "U.S", "said.", "5."] {
            assert!(!is_sentence_abbreviation(token), "{token}");
        }
        assert!(is_dotted_acronym("U.S."));
        assert!(is_dotted_acronym("e.g."));
        assert!(!is_dotted_acronym("U.S"));
        assert!(!is_dotted_acronym("A."));
        assert!(!is_dotted_acronym("Inc."));
    }

    #[test]
    fn the_quote_rules_go_by_shape() {
        let s = "Mr. Smith left. He said: Hey! Then U.S. a.m. here.";
        let stop = |word: &str| s.find(word).unwrap() + word.len();
        assert!(ends_abbreviation(s, stop("Mr")));
        assert!(!ends_abbreviation(s, stop("left")));
        assert!(ends_abbreviation(s, stop("Hey")));
        assert!(ends_abbreviation(s, stop("U.S")));
        assert!(!ends_abbreviation(s, stop("a.m")));
        assert!(ends_abbreviation_or_acronym(s, stop("a.m")));
        assert!(!ends_abbreviation_or_acronym(s, stop("here")));
        assert_eq!(word_before(s, 2), "Mr");
    }
}
