//! Word lists from `src/data/` (one word or phrase a line; the verbs and the abbreviations
//! one a line with a column per use), checked and laid out as hash tables by `build.rs` (through `datafile`):
//! nothing to build when a process starts.

use crate::text::strtable::{Strs, Table};

/// A set of words, as a static hash table.
pub(crate) struct WordSet(Table);

impl WordSet {
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.find(word.as_bytes()).is_some()
    }

    /// The place of `word` in the set's sorted words (for a list kept beside the set).
    pub(crate) fn index(&self, word: &str) -> Option<usize> {
        self.0.find(word.as_bytes())
    }

    /// `contains` for a word as bytes (a word is never found unless they are its UTF-8).
    pub(crate) fn contains_bytes(&self, word: &[u8]) -> bool {
        self.0.find(word).is_some()
    }

    /// `contains` for a word in any case, compared lowercased (a list of lowercase words).
    pub(crate) fn contains_lowercased(&self, word: &str) -> bool {
        // ASCII words are lowercased on the stack: rules ask this of many words.
        let mut buf = [0u8; 16];
        match buf.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                self.contains_bytes(lower)
            }
            _ => self.contains(&word.to_lowercase()),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/wordlists.rs"));

/// The lists' reader and checker, which `build.rs` includes too; here for its tests and
/// for the test below, which reads the lists the way the build does.
#[cfg(test)]
#[path = "datafile.rs"]
mod datafile;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_every_list_is_found_and_no_longer_word() {
        for (set, file) in [
            (&ORG_HEADS, include_str!("../data/org-heads.txt")),
            (&ORG_HEADS, include_str!("../data/romance-heads.txt")),
            (&ROMANCE_HEADS, include_str!("../data/romance-heads.txt")),
            (&EVENT_HEADS, include_str!("../data/event-heads.txt")),
            (&STOPWORDS, include_str!("../data/stopwords.txt")),
            (&GIVEN_NAMES, include_str!("../data/given-names.txt")),
            (
                &GIVEN_NAMES_RU_M,
                include_str!("../data/given-names-ru-male.txt"),
            ),
            (
                &GIVEN_NAMES_RU_F,
                include_str!("../data/given-names-ru-female.txt"),
            ),
            (
                &RU_COMMON_ABBREVIATIONS,
                include_str!("../data/ru-common-abbreviations.txt"),
            ),
            (
                &RU_LATIN_NON_NAMES,
                include_str!("../data/ru-latin-non-names.txt"),
            ),
            (
                &RU_LATIN_KIND_NOUNS,
                include_str!("../data/ru-latin-kind-nouns.txt"),
            ),
            (&FURNITURE, include_str!("../data/furniture.txt")),
            (&ROLE_WORDS, include_str!("../data/role-words.txt")),
            (&ROLE_WORDS, include_str!("../data/kin-words.txt")),
            (&KIN_WORDS, include_str!("../data/kin-words.txt")),
            (&CUE_ADVERBS, include_str!("../data/cue-adverbs.txt")),
            (&CUE_AUDIENCES, include_str!("../data/cue-audiences.txt")),
            (
                &CUE_SUBJECT_STOPS,
                include_str!("../data/cue-subject-stops.txt"),
            ),
            (
                &TERM_INTRODUCERS,
                include_str!("../data/term-introducers.txt"),
            ),
            (
                &PERSON_PRONOUNS,
                include_str!("../data/person-pronouns.txt"),
            ),
            (&GROUP_PRONOUNS, include_str!("../data/group-pronouns.txt")),
            (&RU_CUE_VERBS, include_str!("../data/ru-cue-verbs.txt")),
            (
                &RU_PERSON_PRONOUNS,
                include_str!("../data/ru-person-pronouns.txt"),
            ),
            (
                &RU_ORG_DESCRIPTIONS,
                include_str!("../data/ru-org-descriptions.txt"),
            ),
            (
                &RU_UNNAMED_SOURCES,
                include_str!("../data/ru-unnamed-sources.txt"),
            ),
            (
                &RU_PERSON_ROLES,
                include_str!("../data/ru-person-roles.txt"),
            ),
            (&RU_AGENCIES, include_str!("../data/ru-agencies.txt")),
            (&RU_PO_IDIOMS, include_str!("../data/ru-po-idioms.txt")),
            (&RU_NAME_STOPS, include_str!("../data/ru-name-stops.txt")),
            (
                &RU_STRESSED_ADJECTIVES,
                include_str!("../data/ru-stressed-adjectives.txt"),
            ),
            (
                &RU_PERSON_NOUNS,
                include_str!("../data/ru-person-nouns.txt"),
            ),
            (
                &RU_DOCUMENT_NOUNS,
                include_str!("../data/ru-document-nouns.txt"),
            ),
            (&DOCUMENT_NOUNS, include_str!("../data/document-nouns.txt")),
            (
                &REPRESENTATIVES,
                include_str!("../data/representatives.txt"),
            ),
            (
                &COMPANY_SUFFIXES,
                include_str!("../data/company-suffixes.txt"),
            ),
            (
                &PLACE_PARTICLES,
                include_str!("../data/place-particles.txt"),
            ),
            (
                &OTHER_DAY_WORDS,
                include_str!("../data/other-day-words.txt"),
            ),
            (
                &NAME_PREPOSITIONS,
                include_str!("../data/name-prepositions.txt"),
            ),
            (&NAME_OPENERS, include_str!("../data/name-openers.txt")),
            (&NAME_SUFFIXES, include_str!("../data/name-suffixes.txt")),
            (&LEGAL_FORMS, include_str!("../data/legal-forms.txt")),
            (&COMPANY_CUES, include_str!("../data/company-cues.txt")),
            (
                &COMPANY_POSSESSIONS,
                include_str!("../data/company-possessions.txt"),
            ),
            (&LEGAL_PREFIXES, include_str!("../data/legal-prefixes.txt")),
            (&NAME_PARTICLES, include_str!("../data/name-particles.txt")),
            (&MEETING_HEADS, include_str!("../data/meeting-heads.txt")),
            (&COMPANY_ROLES, include_str!("../data/company-roles.txt")),
            (
                &PORTFOLIO_HEADS,
                include_str!("../data/portfolio-heads.txt"),
            ),
            (&TEAM_NOUNS, include_str!("../data/team-nouns.txt")),
            (&TEAM_MEMBERS, include_str!("../data/team-members.txt")),
            (&TEAM_VERBS, include_str!("../data/team-verbs.txt")),
            (
                &TEAM_PLURAL_VERBS,
                include_str!("../data/team-plural-verbs.txt"),
            ),
        ] {
            for word in lines(file) {
                assert!(set.contains(word), "{word:?}");
                assert!(!set.contains(&format!("{word}\u{0}")), "{word:?} + NUL");
            }
        }
    }

    /// The entries of a list, read as `build.rs` reads them.
    fn lines(text: &str) -> Vec<&str> {
        let entries = datafile::entries("list", text, datafile::Shape::Phrase).unwrap();
        entries.into_iter().map(|(_, line)| line).collect()
    }

    /// The sets of `file`, a list of three columns (a word, then yes or no for each of two
    /// uses), hold the words marked for them and no other.
    fn check_marked(file: &str, text: &str, sets: [(&WordSet, usize); 2]) -> Vec<String> {
        let rows = datafile::entries(file, text, datafile::Shape::Columns { count: 3, key: 0 });
        let words: Vec<&str> = rows
            .unwrap()
            .iter()
            .map(|(_, l)| &l[..l.find('\t').unwrap()])
            .collect();
        for (set, column) in sets {
            let marked = datafile::marked(file, text, 3, column).unwrap();
            for word in &words {
                assert_eq!(
                    set.contains(word),
                    marked.contains(word),
                    "{file}: {word:?}, column {column}"
                );
            }
        }
        words.into_iter().map(str::to_owned).collect()
    }

    #[test]
    fn each_verb_set_holds_the_verbs_marked_for_it_and_no_other() {
        let text = include_str!("../data/verbs.tsv");
        let verbs = check_marked("verbs.tsv", text, [(&SPEECH_VERBS, 1), (&CUE_VERBS, 2)]);
        assert!(verbs.len() > 40, "{verbs:?}");
        // The two uses differ: a name next to "vowed" is not taken for a person's.
        assert!(CUE_VERBS.contains("vowed") && !SPEECH_VERBS.contains("vowed"));
        assert!(SPEECH_VERBS.contains("believed") && !CUE_VERBS.contains("believed"));
    }

    #[test]
    fn each_abbreviation_set_holds_the_abbreviations_marked_for_it_and_no_other() {
        let text = include_str!("../data/abbreviations.tsv");
        let sets = [(&SENTENCE_ABBREVIATIONS, 1), (&NAME_ABBREVIATIONS, 2)];
        let all = check_marked("abbreviations.tsv", text, sets);
        assert!(all.len() > 80, "{all:?}");
        // Company suffixes stay in names but end sentences ("… said Acme Corp.").
        assert!(NAME_ABBREVIATIONS.contains("Corp.") && !SENTENCE_ABBREVIATIONS.contains("Corp."));
        assert!(SENTENCE_ABBREVIATIONS.contains("Aug.") && !NAME_ABBREVIATIONS.contains("Aug."));
    }

    #[test]
    fn every_ordered_list_is_its_file_in_order() {
        for (list, file) in [
            (
                ATTRIBUTIVE_SUFFIXES,
                include_str!("../data/attributive-suffixes.txt"),
            ),
            (MEDIA_NOUNS, include_str!("../data/media-nouns.txt")),
            (ARABIC_ARTICLES, include_str!("../data/arabic-articles.txt")),
            (TIME_WORDS, include_str!("../data/time-words.txt")),
            (SIGNOFF_WORDS, include_str!("../data/signoff-words.txt")),
            (CREDIT_OPENERS, include_str!("../data/credit-openers.txt")),
        ] {
            assert_eq!(list, lines(file));
        }
    }

    #[test]
    fn russian_person_nouns_in_every_case() {
        // A noun in -а, -ец with its fleeting vowel, an adjectival one, -ь, a noun in -ий.
        for form in [
            "певицу",
            "певицей",
            "певца",
            "бойцом",
            "ученого",
            "ведущей",
            "писателя",
            "владельца",
            "муфтия",
        ] {
            assert!(RU_PERSON_NOUNS.contains(form), "{form}");
        }
        assert!(!RU_PERSON_NOUNS.contains("певеца"));
    }
}
