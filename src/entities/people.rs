//! People: what marks a run of capitalized words as a person's name besides a title before
//! it: a reporting verb or an apposition around it (`speaks`), a role word, an initial.
//! Takes a `Field` and token positions; gives yes or no.

use super::gazetteer::Gazetteer;
use super::phrases::Field;
use crate::text::wordlist::ROLE_WORDS;

pub(super) fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

/// Whether the words `a..b` stand where a speaker does: before or after a reporting verb,
/// after "according to", or before an apposition (", the head of …").
pub(super) fn speaks(g: &Gazetteer, f: &Field, a: usize, b: usize) -> bool {
    // "chief executive of Skyway Air, said": what a person is "of" is no person.
    let before = f.before(a).trim_end();
    if [" of", " for", " at"].iter().any(|p| before.ends_with(p)) {
        return false;
    }
    let after = f.after(b);
    let next_word = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if after.starts_with(char::is_whitespace) && g.speech_verbs.contains(next_word) {
        return true;
    }
    if let Some(rest) = after.strip_prefix(", ") {
        let first = rest.split_whitespace().next().unwrap_or("");
        // ", the head of …", ", Canadian secretary of state": a role within four words.
        let role = rest
            .split_whitespace()
            .take(4)
            .take_while(|w| !w.ends_with(','))
            .any(|w| ROLE_WORDS.contains(w.trim_matches(|c: char| !c.is_alphabetic())));
        // A role after a name is written in lowercase; a capitalized one ("…, Russian
        // Ambassador Viktor Koronelli") is the title of the next name.
        if role || first == "who" || g.speech_verbs.contains(first) {
            return true;
        }
    }
    // "Marshall Goldman of Harvard University".
    if after.strip_prefix(" of ").is_some_and(|rest| {
        rest.trim_start_matches("the ")
            .starts_with(char::is_uppercase)
    }) {
        return true;
    }
    let last = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    g.speech_verbs.contains(last) && !before.ends_with(',')
        || before.ends_with("according to")
        || before.ends_with("According to")
        || ROLE_WORDS.contains(last)
}

/// A role noun of an apposition or before a name ("economist Alain Marais"), in any case.
pub(super) fn is_role_word(word: &str) -> bool {
    // ASCII words are lowercased on the stack: this runs for words of every name.
    let mut buf = [0u8; 16];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            ROLE_WORDS.contains_bytes(lower)
        }
        _ => ROLE_WORDS.contains(&word.to_lowercase()),
    }
}
