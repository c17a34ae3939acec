//! Sentence and word counts: Unicode text segmentation (UAX #29), corrected for the
//! abbreviations of news copy, whose period UAX #29 takes for a full stop before a
//! capitalised word ("Mr. Smith", "U.S. Defense", "Aug. 15").

use std::collections::HashSet;
use std::sync::LazyLock;

use unicode_segmentation::UnicodeSegmentation;

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

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

/// Whether a segment that UAX #29 ended really ends a sentence.
fn ends_sentence(segment: &str) -> bool {
    let Some(last) = segment.split_whitespace().next_back() else {
        return true;
    };
    let token = last.trim_start_matches(|c: char| !c.is_alphanumeric());
    if !token.ends_with('.') {
        return true;
    }
    let initial = {
        let mut c = token.chars();
        matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
    };
    !(initial || is_dotted_acronym(token) || ABBREVIATIONS.contains(token))
}

/// Sentences in a paragraph: segments with a letter or digit, glued across abbreviations.
pub(crate) fn count_sentences(text: &str) -> usize {
    // UAX #29 ends a sentence at every line break; inside a paragraph a line break is only
    // a hard wrap.
    let unwrapped;
    let text = if text.contains(['\n', '\r']) {
        unwrapped = text.replace(['\n', '\r'], " ");
        &unwrapped
    } else {
        text
    };
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

pub(crate) fn count_words(text: &str) -> usize {
    text.unicode_words().count()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn words() {
        assert_eq!(
            count_words("Russia's defense chief said, \"we will\" — 2.5 pct."),
            8
        );
    }

    #[test]
    fn shapes() {
        assert!(is_dotted_acronym("U.S."));
        assert!(is_dotted_acronym("e.g."));
        assert!(!is_dotted_acronym("U.S"));
        assert!(!is_dotted_acronym("A."));
        assert!(!is_dotted_acronym("Inc."));
    }
}
