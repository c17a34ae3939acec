//! The gazetteers: countries, organizations and titles from the data files in `src/data/`.
//! `build.rs` compiles their forms into an Aho-Corasick automaton (leftmost-longest) and
//! the tables below; at run time the automaton is only deserialized, once per process.

use std::collections::HashSet;
use std::sync::LazyLock;

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Entry {
    /// Index into `COUNTRIES`; `demonym` for "Russian", not "Russia".
    Country { id: usize, demonym: bool },
    /// A phrase with a country word in it that mentions no country ("Latin America").
    NotCountry,
    /// Index into `ORGANIZATION_ACRONYMS`.
    Organization(usize),
    /// A role before a name ("Defense Minister", "President").
    Title,
}

pub(crate) struct CountryData {
    pub name: &'static str,
    pub iso: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/gazetteer.rs"));

use crate::wordlist::{EVENT_HEADS, GIVEN_NAMES, ORG_HEADS, SPEECH_VERBS, STOPWORDS, WordSet};

static AUTOMATON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.daac"));

pub(crate) struct Gazetteer {
    pub org_heads: &'static WordSet,
    pub event_heads: &'static WordSet,
    pub stopwords: &'static WordSet,
    pub speech_verbs: &'static WordSet,
    pub given_names: &'static WordSet,
    automaton: DoubleArrayAhoCorasick<u32>,
}

pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// For all-lowercase text: the forms with a lowercase letter (never acronyms, so that "us"
/// and "who" stay words), lowercased. Built only when such text comes.
static CASELESS: LazyLock<DoubleArrayAhoCorasick<u32>> = LazyLock::new(|| {
    let mut seen = HashSet::new();
    let patterns: Vec<(String, u32)> = FORMS
        .iter()
        .enumerate()
        .filter(|(_, f)| f.chars().any(char::is_lowercase))
        .map(|(i, f)| (f.to_lowercase(), i as u32))
        .filter(|(f, _)| seen.insert(f.clone()))
        .collect();
    DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .use_prefilter(false)
        .build_with_values(patterns)
        .expect("caseless gazetteer automaton")
});

impl Gazetteer {
    pub(crate) fn load() -> Gazetteer {
        let (automaton, _) = DoubleArrayAhoCorasick::deserialize(AUTOMATON)
            .expect("gazetteer automaton from build.rs");
        Gazetteer {
            org_heads: &ORG_HEADS,
            event_heads: &EVENT_HEADS,
            stopwords: &STOPWORDS,
            speech_verbs: &SPEECH_VERBS,
            given_names: &GIVEN_NAMES,
            automaton,
        }
    }

    pub(crate) fn country(&self, id: usize) -> &'static CountryData {
        &COUNTRIES[id]
    }

    pub(crate) fn acronym(&self, id: usize) -> Option<&'static str> {
        ORGANIZATION_ACRONYMS[id]
    }

    /// Whole-word matches in `text`, leftmost-longest, as `(start, end, entry)` byte ranges.
    /// A word boundary is anything but a letter or digit, so "ASEAN-centric" and "Russia's"
    /// match, and "UN" inside "UNESCO" does not.
    pub(crate) fn find(&self, text: &str) -> Vec<(usize, usize, Entry)> {
        find_with(text, &self.automaton)
    }

    /// As `find`, ignoring case: for text written all in lowercase.
    pub(crate) fn find_caseless(&self, text: &str) -> Vec<(usize, usize, Entry)> {
        find_with(text, &CASELESS)
    }
}

fn find_with(text: &str, automaton: &DoubleArrayAhoCorasick<u32>) -> Vec<(usize, usize, Entry)> {
    let bytes = text.as_bytes();
    automaton
        .leftmost_find_iter(text)
        .filter(|m| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            // "U.S" must not match inside "U.S.A": a period then a letter runs on.
            let runs_on = bytes[m.end() - 1] != b'.'
                && after == Some('.')
                && text[m.end() + 1..].starts_with(char::is_alphabetic);
            !word_char(before) && !word_char(after) && !runs_on
        })
        .map(|m| (m.start(), m.end(), ENTRIES[m.value() as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        GAZETTEER
            .find(text)
            .iter()
            .map(|&(s, e, _)| &text[s..e])
            .collect()
    }

    #[test]
    fn whole_words_leftmost_longest() {
        assert_eq!(
            found("the ASEAN-centric system and NATO’s practices"),
            ["ASEAN", "NATO"]
        );
        assert_eq!(found("UNESCO and the UN"), ["UNESCO", "UN"]);
        assert_eq!(
            found("Russian-Belarusian talks in Russia's capital"),
            ["Russian", "Belarusian", "Russia"]
        );
    }

    #[test]
    fn every_data_file_loads() {
        let g = &*GAZETTEER;
        assert!(COUNTRIES.len() >= 250);
        assert!(ORGANIZATION_ACRONYMS.len() >= 100);
        assert_eq!(FORMS.len(), ENTRIES.len());
        assert!(g.org_heads.contains("Ministry") && g.event_heads.contains("Conference"));
        assert!(g.stopwords.contains("The") && g.speech_verbs.contains("said"));
    }

    #[test]
    fn blockers_swallow_country_words() {
        let text = "Latin American debt";
        let m = GAZETTEER.find(text);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].2, Entry::NotCountry);
    }
}
