//! The gazetteers: countries, organizations and titles from the data files in `src/data/`,
//! and the word lists the rules ask (head words, stopwords, reporting verbs, given names).
//! `build.rs` compiles their forms into static tables, keyed by each form's first word:
//! a lookup per word of the text, and nothing to load when a process starts. The rules
//! take them as a value, `Gazetteer` (the compiled-in one is `Gazetteer::builtin()`), so
//! that a user's own lists can later be merged in rather than patched into statics.

use crate::text::strtable::Table;
use crate::text::tokens::run_end;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Entry {
    /// Index into the gazetteer's countries; `demonym` for "Russian", not "Russia".
    Country { id: usize, demonym: bool },
    /// A phrase with a country word in it that mentions no country ("Latin America").
    NotCountry,
    /// Index into the gazetteer's organizations (their acronyms).
    Organization(usize),
    /// A role before a name ("Defense Minister", "President").
    Title,
}

pub(crate) struct CountryData {
    pub name: &'static str,
    pub iso: Option<&'static str>,
}

/// Phrases under their first word (its leading letters and digits), longest first.
pub(crate) struct PhraseTable {
    keys: Table,
    /// For each key, the range of `phrases` under it.
    spans: &'static [(usize, usize)],
    /// A form and its index into the gazetteer's entries.
    phrases: &'static [(&'static str, u32)],
}

impl PhraseTable {
    /// Whether any phrase may start with the word `word`: see `Table::may_contain`.
    #[inline]
    pub(crate) fn may_start(&self, word: &[u8]) -> bool {
        self.keys.may_contain(word)
    }

    fn under(&self, word: &str) -> &'static [(&'static str, u32)] {
        self.keys.find(word.as_bytes()).map_or(&[], |k| {
            let (from, to) = self.spans[k];
            &self.phrases[from..to]
        })
    }
}

include!(concat!(env!("OUT_DIR"), "/gazetteer.rs"));

use crate::text::wordlist::{
    EVENT_HEADS, GIVEN_NAMES, ORG_HEADS, SPEECH_VERBS, STOPWORDS, WordSet,
};

/// The names and words the entity rules know.
pub struct Gazetteer {
    /// The forms as written, and lowercased for text written all in lowercase; each form's
    /// index is into `entries`.
    exact: &'static PhraseTable,
    caseless: &'static PhraseTable,
    entries: &'static [Entry],
    countries: &'static [CountryData],
    acronyms: &'static [Option<&'static str>],
    pub(crate) org_heads: &'static WordSet,
    pub(crate) event_heads: &'static WordSet,
    pub(crate) stopwords: &'static WordSet,
    pub(crate) speech_verbs: &'static WordSet,
    pub(crate) given_names: &'static WordSet,
}

static BUILTIN: Gazetteer = Gazetteer {
    exact: &EXACT,
    caseless: &CASELESS,
    entries: ENTRIES,
    countries: COUNTRIES,
    acronyms: ORGANIZATION_ACRONYMS,
    org_heads: &ORG_HEADS,
    event_heads: &EVENT_HEADS,
    stopwords: &STOPWORDS,
    speech_verbs: &SPEECH_VERBS,
    given_names: &GIVEN_NAMES,
};

/// For tests of the gazetteer as a value: the built-in one without its phrase tables, so
/// that it names no country, organization or title.
#[cfg(test)]
pub(crate) static WITHOUT_PHRASES: Gazetteer = {
    static EMPTY: PhraseTable = PhraseTable {
        keys: Table {
            keys: &[],
            slots: &[0],
            shapes: &[0; 256],
        },
        spans: &[],
        phrases: &[],
    };
    Gazetteer {
        exact: &EMPTY,
        caseless: &EMPTY,
        ..BUILTIN
    }
};

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("forms", &self.entries.len())
            .field("countries", &self.countries.len())
            .finish_non_exhaustive()
    }
}

impl Gazetteer {
    /// The gazetteer compiled in from `src/data/`.
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    pub(crate) fn country(&self, id: usize) -> &'static CountryData {
        &self.countries[id]
    }

    pub(crate) fn acronym(&self, id: usize) -> Option<&'static str> {
        self.acronyms[id]
    }

    /// Whole-word matches in `text`, leftmost-longest, as `(start, end, entry)` byte ranges.
    /// A word boundary is anything but a letter or digit, so "ASEAN-centric" and "Russia's"
    /// match, and "UN" inside "UNESCO" does not.
    pub(crate) fn find(&self, text: &str) -> Vec<(usize, usize, Entry)> {
        self.find_with(text, self.exact)
    }

    /// The forms as written, or lowercased for text written all in lowercase.
    pub(crate) fn table(&self, caseless: bool) -> &'static PhraseTable {
        if caseless { self.caseless } else { self.exact }
    }

    /// At each word (a run of letters and digits after anything else), the longest phrase
    /// under it that ends at a word boundary; the search goes on after the phrase.
    fn find_with(&self, text: &str, table: &PhraseTable) -> Vec<(usize, usize, Entry)> {
        let mut out = Vec::new();
        let mut i = run_end(text, 0, false);
        while i < text.len() {
            let start = i;
            i = run_end(text, i, true);
            if let Some((end, entry)) = self.match_at(text, start, i, table) {
                out.push((start, end, entry));
                i = end;
            }
            i = run_end(text, i, false);
        }
        out
    }

    /// The longest phrase of `table` (one of this gazetteer's) under the word
    /// `text[start..word_end]` that starts there and ends at a word boundary: where it
    /// ends, and what it is.
    #[inline]
    pub(crate) fn match_at(
        &self,
        text: &str,
        start: usize,
        word_end: usize,
        table: &PhraseTable,
    ) -> Option<(usize, Entry)> {
        let rest = &text[start..];
        let &(form, entry) = table
            .under(&text[start..word_end])
            .iter()
            .find(|(form, _)| {
                let Some(after) = rest.strip_prefix(form) else {
                    return false;
                };
                let mut next = after.chars();
                // "U.S" must not match inside "U.S.A": a period then a letter runs on.
                match next.next() {
                    None => true,
                    Some(c) if c.is_alphanumeric() => false,
                    Some('.') => {
                        form.ends_with('.') || !next.next().is_some_and(char::is_alphabetic)
                    }
                    Some(_) => true,
                }
            })?;
        Some((start + form.len(), self.entries[entry as usize]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        Gazetteer::builtin()
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
        let g = Gazetteer::builtin();
        assert!(COUNTRIES.len() >= 250);
        assert!(ORGANIZATION_ACRONYMS.len() >= 100);
        assert_eq!(EXACT.phrases.len(), ENTRIES.len());
        assert!(
            EXACT
                .phrases
                .iter()
                .all(|&(_, e)| (e as usize) < ENTRIES.len())
        );
        assert!(g.org_heads.contains("Ministry") && g.event_heads.contains("Conference"));
        assert!(g.stopwords.contains("The") && g.speech_verbs.contains("said"));
    }

    #[test]
    fn blockers_swallow_country_words() {
        let text = "Latin American debt";
        let m = Gazetteer::builtin().find(text);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].2, Entry::NotCountry);
    }
}
