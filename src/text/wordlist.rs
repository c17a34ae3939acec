//! Word lists from `src/data/` (one word or phrase a line), laid out as hash tables by
//! `build.rs`: nothing to build when a process starts.

use crate::text::strtable::Table;

/// A set of words, as a static hash table.
pub(crate) struct WordSet(Table);

impl WordSet {
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.find(word.as_bytes()).is_some()
    }

    /// `contains` for a word as bytes (a word is never found unless they are its UTF-8).
    pub(crate) fn contains_bytes(&self, word: &[u8]) -> bool {
        self.0.find(word).is_some()
    }
}

include!(concat!(env!("OUT_DIR"), "/wordlists.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_every_list_is_found_and_no_other() {
        for (set, file) in [
            (&ORG_HEADS, include_str!("../data/org-heads.txt")),
            (&EVENT_HEADS, include_str!("../data/event-heads.txt")),
            (&STOPWORDS, include_str!("../data/stopwords.txt")),
            (&SPEECH_VERBS, include_str!("../data/speech-verbs.txt")),
            (&CUE_VERBS, include_str!("../data/cue-verbs.txt")),
            (&GIVEN_NAMES, include_str!("../data/given-names.txt")),
            (&FURNITURE, include_str!("../data/furniture.txt")),
            (&ABBREVIATIONS, include_str!("../data/abbreviations.txt")),
            (&ROLE_WORDS, include_str!("../data/role-words.txt")),
            (
                &PLACE_PARTICLES,
                include_str!("../data/place-particles.txt"),
            ),
            (
                &OTHER_DAY_WORDS,
                include_str!("../data/other-day-words.txt"),
            ),
        ] {
            let words = file
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'));
            for word in words {
                assert!(set.contains(word), "{word:?}");
                assert!(!set.contains(&format!("{word}\u{0}")), "{word:?} + NUL");
            }
        }
    }
}
