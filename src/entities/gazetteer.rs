//! The gazetteers: countries, organizations and titles from the data files in `src/data/`,
//! compiled into one Aho-Corasick automaton, built once per process on first use.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Entry {
    /// Index into `Gazetteer::countries`; `demonym` for "Russian", not "Russia".
    Country { id: usize, demonym: bool },
    /// A phrase with a country word in it that mentions no country ("Latin America").
    NotCountry,
    /// Index into `Gazetteer::organizations`.
    Organization(usize),
    /// A role before a name ("Defense Minister", "President").
    Title,
}

pub(crate) struct CountryData {
    pub name: String,
    pub iso: Option<String>,
}

pub(crate) struct OrganizationData {
    pub acronym: Option<String>,
}

pub(crate) struct Gazetteer {
    pub countries: Vec<CountryData>,
    pub organizations: Vec<OrganizationData>,
    pub org_heads: HashSet<&'static str>,
    pub event_heads: HashSet<&'static str>,
    pub stopwords: HashSet<&'static str>,
    pub speech_verbs: HashSet<&'static str>,
    pub given_names: HashSet<&'static str>,
    entries: Vec<Entry>,
    automaton: AhoCorasick,
    /// Every form, in the automaton's pattern order.
    forms: Vec<&'static str>,
}

/// The lines of a data file that are neither blank nor comments.
fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn forms(field: &'static str) -> impl Iterator<Item = &'static str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty() && *f != "-")
}

pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// For all-lowercase text: the forms with a lowercase letter (never acronyms, so that "us"
/// and "who" stay words), matched ignoring ASCII case. Built only when such text comes.
static CASELESS: LazyLock<(Vec<Entry>, AhoCorasick)> = LazyLock::new(|| {
    let g = &*GAZETTEER;
    let (forms, entries): (Vec<&str>, Vec<Entry>) = g
        .forms
        .iter()
        .zip(&g.entries)
        .filter(|(f, _)| f.chars().any(char::is_lowercase))
        .map(|(f, e)| (*f, *e))
        .unzip();
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&forms)
        .expect("caseless gazetteer automaton");
    (entries, automaton)
});

impl Gazetteer {
    fn build() -> Gazetteer {
        // The first entry given for a form wins: blockers, then countries, organizations, titles.
        let mut by_form: HashMap<&'static str, Entry> = HashMap::new();
        let mut order: Vec<&'static str> = Vec::new();
        let mut add = |form: &'static str, entry: Entry| {
            if !by_form.contains_key(form) {
                by_form.insert(form, entry);
                order.push(form);
            }
        };

        for phrase in data_lines(include_str!("../data/not-countries.txt")) {
            add(phrase.trim(), Entry::NotCountry);
        }

        let mut countries = Vec::new();
        for line in data_lines(include_str!("../data/countries.tsv")) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let [iso, name, names, demonyms] = cols[..] else {
                panic!("countries.tsv: not 4 columns: {line:?}");
            };
            let id = countries.len();
            countries.push(CountryData {
                name: name.to_owned(),
                iso: (iso != "-").then(|| iso.to_owned()),
            });
            for form in std::iter::once(name).chain(forms(names)) {
                add(form, Entry::Country { id, demonym: false });
            }
            for form in forms(demonyms) {
                add(form, Entry::Country { id, demonym: true });
            }
        }

        let mut organizations = Vec::new();
        for line in data_lines(include_str!("../data/organizations.tsv")) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let [name, acronym, others] = cols[..] else {
                panic!("organizations.tsv: not 3 columns: {line:?}");
            };
            let id = organizations.len();
            let acronym = forms(acronym).next();
            organizations.push(OrganizationData {
                acronym: acronym.map(str::to_owned),
            });
            for form in std::iter::once(name).chain(acronym).chain(forms(others)) {
                add(form, Entry::Organization(id));
            }
        }

        for title in data_lines(include_str!("../data/titles.txt")) {
            add(title.trim(), Entry::Title);
        }

        let entries = order.iter().map(|f| by_form[f]).collect();
        // A non-contiguous NFA builds fastest, and start-up is what people pay for once per
        // file in shell loops; the texts it then scans are a few kilobytes.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .build(&order)
            .expect("gazetteer automaton");
        let set = |file: &'static str| data_lines(file).map(str::trim).collect::<HashSet<_>>();
        Gazetteer {
            countries,
            organizations,
            org_heads: set(include_str!("../data/org-heads.txt")),
            event_heads: set(include_str!("../data/event-heads.txt")),
            stopwords: set(include_str!("../data/stopwords.txt")),
            speech_verbs: set(include_str!("../data/speech-verbs.txt")),
            given_names: set(include_str!("../data/given-names.txt")),
            entries,
            automaton,
            forms: order,
        }
    }

    /// Whole-word matches in `text`, leftmost-longest, as `(start, end, entry)` byte ranges.
    /// A word boundary is anything but a letter or digit, so "ASEAN-centric" and "Russia's"
    /// match, and "UN" inside "UNESCO" does not.
    pub(crate) fn find(&self, text: &str) -> Vec<(usize, usize, Entry)> {
        self.find_with(text, &self.automaton, &self.entries)
    }

    /// As `find`, ignoring case: for text written all in lowercase.
    pub(crate) fn find_caseless(&self, text: &str) -> Vec<(usize, usize, Entry)> {
        let (entries, automaton) = &*CASELESS;
        self.find_with(text, automaton, entries)
    }

    fn find_with(
        &self,
        text: &str,
        automaton: &AhoCorasick,
        entries: &[Entry],
    ) -> Vec<(usize, usize, Entry)> {
        let bytes = text.as_bytes();
        automaton
            .find_iter(text)
            .filter(|m| {
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                // "U.S" must not match inside "U.S.A": a period then a letter runs on.
                let runs_on = bytes[m.end() - 1] != b'.'
                    && after == Some('.')
                    && next_is_letter(&text[m.end() + 1..]);
                !word_char(before) && !word_char(after) && !runs_on
            })
            .map(|m| (m.start(), m.end(), entries[m.pattern().as_usize()]))
            .collect()
    }
}

/// "U.S" must not match inside "U.S.A": a period followed directly by a letter continues
/// an abbreviation.
fn next_is_letter(rest: &str) -> bool {
    rest.chars().next().is_some_and(char::is_alphabetic)
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
        assert!(g.countries.len() >= 250);
        assert!(g.organizations.len() >= 100);
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
