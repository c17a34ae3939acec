//! Lines that are not the story: the furniture a copied web page puts before the headline
//! (a section rubric, a timestamp), and the sign-off a wire story ends with.
//!
//! Takes one line (or the last paragraph) and says whether it is such a line; `layout`
//! decides where to ask. Rubrics are a word list (`furniture.txt`); a timestamp is a `regex`
//! pattern, compiled once, on first use, and only when the line could be one (short, with a
//! digit): newsparse is started once per file. Sign-offs are two word lists and a few lines
//! of code, which cost nothing to start.

use std::sync::LazyLock;

use regex::Regex;

use super::calendar::{MONTHS, WEEKDAYS};
use crate::text::span::floor_char_boundary;
use crate::text::wordlist::{
    CORRECTION_OPENERS, CREDIT_OPENERS, FURNITURE, SIGNOFF_WORDS, TIME_WORDS,
};

/// Site furniture before the headline: a known rubric or a timestamp line.
pub(crate) fn is_furniture(line: &str) -> bool {
    let line = line.trim().trim_end_matches([':', '|', '>', '»', ' ']);
    FURNITURE.contains(&line.to_lowercase()) || is_timestamp(line)
}

/// A line made only of date and time words, with at least one number, as a page writes it
/// above a story: "15 AUG 2023, 14:30", "Updated: December 26, 2024 10:05 GMT". Matched
/// against the line lowercased.
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    // Words are parted by spaces, commas and bars.
    let sep = r"[\s,|]";
    // 14:30, 26.12.2024, 2024-12-26: digits, with the marks between them.
    let number = "[0-9:./-]*[0-9][0-9:./-]*";
    let lower = |names: &[&str]| names.join("|").to_lowercase();
    // Besides numbers and the calendar's names: `time-words.txt`.
    let words: Vec<String> = TIME_WORDS.iter().map(|w| regex::escape(w)).collect();
    let words = words.join("|");
    let weekdays = lower(&WEEKDAYS);
    let weekdays_short = lower(&WEEKDAYS.map(|d| &d[..3]));
    // A month by its first three letters, and at most six more characters ("aug", "sept.",
    // "december"), none a digit.
    let months = lower(&MONTHS.map(|m| &m[..3]));
    let month = format!(r"(?:{months})[^\s,|0-9]{{0,6}}");
    // Any word may stand in parentheses, or be followed by a period or colon ("Updated:").
    let word = format!(r"[.:()]*(?:{number}|{words}|{weekdays}|{weekdays_short}|{month})[.:()]*");
    Regex::new(&format!(r"\A{sep}*{word}(?:{sep}+{word})*{sep}*\z")).expect("timestamp pattern")
});

fn is_timestamp(line: &str) -> bool {
    line.len() <= 80
        && line.bytes().any(|b| b.is_ascii_digit())
        && TIMESTAMP.is_match(&line.to_lowercase())
}

/// Whether `text`, trimmed, is a sign-off: a word alone that ends a wire story, in any case
/// (`signoff-words.txt`), or a one-line credit, in parentheses or not: "(Reporting by A.
/// Writer; Editing by B. Editor)" (`credit-openers.txt`, then " by "). Plain code, not a
/// pattern: as a `regex` it cost a third of the start-up of a story with a credit.
pub(crate) fn is_signoff(text: &str) -> bool {
    let text = text.trim();
    if SIGNOFF_WORDS.iter().any(|w| text.eq_ignore_ascii_case(w))
        || CORRECTION_OPENERS.iter().any(|o| text.starts_with(o))
    {
        return true;
    }
    let credit = match text.strip_prefix('(') {
        Some(inner) => inner.strip_suffix(')'),
        None => Some(text),
    };
    // The opener first: it rules out most paragraphs at once, the line test reads them whole.
    credit.is_some_and(|credit| {
        CREDIT_OPENERS.iter().any(|o| {
            credit
                .strip_prefix(o)
                .is_some_and(|rest| rest.starts_with(" by "))
        }) && !credit.contains(['\n', '\r'])
    })
}

/// How far from a story's end its correction note is looked for: a note is a line or two.
const NOTE_BYTES: usize = 400;

/// Where an agency's correction note starts in `para`, a story's last paragraph ("… лет.
/// В новость внесена правка (22:07 мск) - …"): at a sentence's start near its end, the
/// rest of the paragraph from there being furniture (`correction-openers.txt`).
pub(crate) fn correction_note(para: &str) -> Option<usize> {
    let from = floor_char_boundary(para, para.len().saturating_sub(NOTE_BYTES));
    // Every opener starts with a Cyrillic capital, whose first byte is 0xD0: the bytes are
    // scanned for it, not the text once for each opener (a search's set-up for each was 3 %
    // of an English batch).
    (from..para.len())
        .filter(|&k| para.as_bytes()[k] == 0xD0)
        .filter(|&k| CORRECTION_OPENERS.iter().any(|o| para[k..].starts_with(o)))
        .find(|&k| k == 0 || para[..k].trim_end().ends_with(['.', '!', '?', '»', '"']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture() {
        assert!(is_furniture("All news"));
        assert!(is_furniture("Military & Defense"));
        assert!(is_furniture("TOP NEWS »"));
        assert!(!is_furniture("Russia set to boost military cooperation"));
        assert!(!is_furniture("December"));
        assert!(!is_furniture("2 killed in Moscow"));
    }

    #[test]
    fn timestamps() {
        for yes in [
            "15 AUG 2023, 14:30",
            "Updated: December 26, 2024 10:05 GMT",
            "Posted on Tue, 26.12.2024 | 10:05 (MSK)",
            "Thursday 2024-12-26 at 10:05 pm",
            "sept. 3",
        ] {
            assert!(is_furniture(yes), "{yes}");
        }
        for no in [
            "December 26, 2024 - talks resume",
            "10:05 a.m.",
            "jan2024",
            "Septembers 3",
            "- 3 -x",
            &format!("{} 1", "at ".repeat(27)),
        ] {
            assert!(!is_furniture(no), "{no}");
        }
    }

    #[test]
    fn correction_notes() {
        let para = "Сделка закрыта.  В новость внесена правка (22:07 мск) - уточнено название";
        assert_eq!(correction_note(para), para.find("В новость"));
        assert_eq!(correction_note("В новость внесены изменения"), Some(0));
        // Only at a sentence's start.
        assert_eq!(
            correction_note("Он сказал, что в новость внесена правка."),
            None
        );
        assert_eq!(correction_note("Сделка закрыта."), None);
        // A paragraph of its own is a sign-off.
        assert!(is_signoff("В новость внесена правка (22:07 мск)"));
        // Every opener starts with a byte 0xD0, which the search looks for.
        assert!(CORRECTION_OPENERS.iter().all(|o| o.as_bytes()[0] == 0xD0));
    }

    #[test]
    fn signoffs() {
        for yes in [
            "Reuter",
            " REUTERS ",
            "reuter",
            "ENDITEM",
            "(end)",
            "End",
            "(Reporting by A. Writer; Editing by B. Editor)",
            "Additional reporting by C. Someone",
            "Compiled by D. Desk)",
        ] {
            assert!(is_signoff(yes), "{yes}");
        }
        for no in [
            "Reuters said",
            "(Reporting by A. Writer",
            "reporting by A. Writer",
            "(Reporting by A.\nWriter)",
            "The end",
        ] {
            assert!(!is_signoff(no), "{no}");
        }
    }
}
