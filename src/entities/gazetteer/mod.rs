//! The gazetteers: countries, organizations and titles from the data files in `src/data/`,
//! and the word lists the rules ask (head words, stopwords, reporting verbs, given names).
//! `build.rs` compiles their forms into static tables, keyed by each form's first word:
//! a lookup per word of the text, and nothing to load when a process starts. The rules
//! take them as a value, `Gazetteer` (the compiled-in one is `Gazetteer::builtin()`), so
//! that a user's own lists can later be merged in rather than patched into statics.

mod user;

pub use user::{AddError, UserType};

use crate::text::strtable::{Strs, Table};
use crate::text::tokens::{is_letter, is_word_char, run_end};
use user::User;

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
    /// Index into a user gazetteer's people.
    Person(u32),
    /// Index into a user gazetteer's events.
    Event(u32),
}

pub(crate) struct CountryData {
    pub name: &'static str,
    /// The Russian short name in the nominative (`countries-ru.tsv`): a Russian record's.
    pub name_ru: Option<&'static str>,
    pub iso: Option<&'static str>,
    /// Its Wikidata item (`country-qids.tsv`).
    pub qid: Option<&'static str>,
}

/// Phrases under their first word (its leading letters and digits), longest first.
pub(crate) struct PhraseTable {
    keys: Table,
    /// For each key, the range of `phrases` under it.
    spans: &'static [(usize, usize)],
    /// The forms, and each one's index into the gazetteer's entries.
    phrases: Strs,
    entries: &'static [u32],
}

impl PhraseTable {
    /// Whether any phrase may start with the word `word`: see `Table::may_contain`.
    #[inline]
    pub(crate) fn may_start(&self, word: &[u8]) -> bool {
        self.keys.may_contain(word)
    }

    /// The forms under `word`, with their entries.
    fn under(&self, word: &str) -> impl Iterator<Item = (&'static str, u32)> {
        let (from, to) = self
            .keys
            .find(word.as_bytes())
            .map_or((0, 0), |k| self.spans[k]);
        (from..to).map(|p| (self.phrases.get(p), self.entries[p]))
    }
}

include!(concat!(env!("OUT_DIR"), "/gazetteer.rs"));

use crate::text::wordlist::{
    EVENT_HEADS, GIVEN_NAMES, ORG_HEADS, SPEECH_VERBS, STOPWORDS, WordSet,
};

/// The names and words the entity rules know: the built-in lists (`Gazetteer::builtin()`),
/// and with `Gazetteer::new()` and `add` your own people, countries, organizations and
/// events besides them.
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
    /// The user's own entities, if any.
    user: Option<Box<User>>,
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
    user: None,
};

/// For tests of the gazetteer as a value: the built-in one without its phrase tables, so
/// that it names no country, organization or title.
#[cfg(test)]
pub(crate) static WITHOUT_PHRASES: Gazetteer = {
    static EMPTY: PhraseTable = PhraseTable {
        keys: Table {
            keys: Strs {
                text: "",
                starts: &[0],
            },
            slots: &[0],
            shapes: &[0; 256],
        },
        spans: &[],
        phrases: Strs {
            text: "",
            starts: &[0],
        },
        entries: &[],
    };
    Gazetteer {
        exact: &EMPTY,
        caseless: &EMPTY,
        user: None,
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

/// A country as the record gives it: the built-in list's, or a user's.
pub(crate) struct CountryInfo<'g> {
    pub name: &'g str,
    pub iso: Option<&'g str>,
    pub qid: Option<&'g str>,
}

/// The tables one text is read with: the built-in forms as written, or lowercased for text
/// written all in lowercase, and the user's.
#[derive(Clone, Copy)]
pub(crate) struct Lookup<'g> {
    builtin: &'static PhraseTable,
    user: Option<&'g User>,
    caseless: bool,
}

impl Lookup<'_> {
    /// Whether any form may start with the word `text[start..end]`: most words are turned
    /// away here, by the built-in table's bytes alone.
    #[inline]
    pub(crate) fn may_start(&self, text: &str, start: usize, end: usize) -> bool {
        self.builtin.may_start(&text.as_bytes()[start..end])
            || self
                .user
                .is_some_and(|u| u.may_start(&text[start..end], self.caseless))
    }
}

impl Default for Gazetteer {
    fn default() -> Self {
        Gazetteer::new()
    }
}

impl Gazetteer {
    /// The gazetteer compiled in from `src/data/`.
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    /// The built-in gazetteer, ready to take entities of your own with `add`.
    pub fn new() -> Gazetteer {
        Gazetteer {
            user: Some(Box::new(User::new(
                COUNTRIES.len(),
                ORGANIZATION_ACRONYMS.len(),
            ))),
            ..BUILTIN
        }
    }

    /// Adds `form` as a name of your own entity of type `t`: the one `id` names, or without
    /// an id the one called `name` (the forms of one entity may come one at a time); the
    /// entity is made, called `name`, at its first form. A country or organization that
    /// the built-in lists know by `name` (a country also by its ISO code as `id`) is that
    /// one, with your forms and id added. `any_case`: the form matches however the text
    /// capitalizes it; else as written (or in text all in lowercase). Your forms win over
    /// built-in ones of the same length.
    pub fn add(
        &mut self,
        t: UserType,
        (name, id): (&str, Option<&str>),
        form: &str,
        any_case: bool,
    ) -> Result<(), AddError> {
        let builtin = |form: &str| BUILTIN.whole(form);
        let user = self.user.get_or_insert_with(|| {
            Box::new(User::new(COUNTRIES.len(), ORGANIZATION_ACRONYMS.len()))
        });
        user.add((t, name, id), (form, any_case), builtin)
    }

    /// Whether `word` opens a person's name: a given name of `given-names.txt`, or a Russian
    /// one in any case.
    pub(crate) fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word) || super::russian::is_given_name(word)
    }

    /// Whether the built-in list knows `form` as a country's name or demonym (or ISO code).
    pub fn is_country(&self, form: &str) -> bool {
        matches!(BUILTIN.whole(form), Some(Entry::Country { .. }))
    }

    /// The built-in entry that the whole of `form` is, if any; a country also by its ISO
    /// code.
    fn whole(&self, form: &str) -> Option<Entry> {
        if let Some(id) = self.countries.iter().position(|c| c.iso == Some(form)) {
            return Some(Entry::Country { id, demonym: false });
        }
        let word_end = run_end(form, 0, true);
        match self.match_at(form, 0, word_end, self.table(false)) {
            Some((end, entry)) if end == form.len() => Some(entry),
            _ => None,
        }
    }

    pub(crate) fn country(&self, id: usize) -> CountryInfo<'_> {
        let user = self.user.as_deref();
        match self.countries.get(id) {
            Some(c) => CountryInfo {
                name: c.name,
                iso: c.iso,
                qid: user.and_then(|u| u.builtin_country_id(id)).or(c.qid),
            },
            None => {
                let (name, iso, qid) = user.expect("a user's country").country(id);
                CountryInfo { name, iso, qid }
            }
        }
    }

    /// The Russian name of the built-in country called `name` with code `iso`, if the
    /// list has one: a Russian article's record names its countries in Russian.
    pub(crate) fn russian_name(&self, name: &str, iso: Option<&str>) -> Option<&'static str> {
        let c = self
            .countries
            .iter()
            .find(|c| c.name == name && c.iso == iso)?;
        c.name_ru
    }

    /// A user's own organization: its name, acronym and id.
    fn user_org(&self, id: usize) -> Option<(&str, Option<&str>, Option<&str>)> {
        self.user.as_deref()?.organization(id)
    }

    /// A known organization's acronym.
    pub(crate) fn acronym(&self, id: usize) -> Option<&str> {
        match self.acronyms.get(id) {
            Some(&a) => a,
            None => self.user_org(id).and_then(|o| o.1),
        }
    }

    /// The name the record gives a known organization whatever the text writes, if any: a
    /// user's own organization's name; for one that Russian text names (`written` in
    /// Cyrillic), its full Russian name where it has one ("Минобороны" is Министерство
    /// обороны России).
    pub(crate) fn organization_name(&self, id: usize, written: &str) -> Option<&str> {
        if let Some(o) = self.user_org(id) {
            return Some(o.0);
        }
        let cyrillic = written.chars().any(|c| matches!(c, 'А'..='я' | 'Ё' | 'ё'));
        cyrillic
            .then(|| ORGANIZATION_NAMES_RU.get(id).copied().flatten())
            .flatten()
    }

    /// The id of a known organization, if a user's gazetteer gives one.
    pub(crate) fn organization_id(&self, id: usize) -> Option<&str> {
        match self.user_org(id) {
            Some(o) => o.2,
            None => self.user.as_deref()?.builtin_org_id(id),
        }
    }

    /// The name of a user's person.
    pub(crate) fn person_name(&self, k: u32) -> &str {
        self.user
            .as_deref()
            .expect("a user's person")
            .person_name(k)
    }

    /// The name of a user's event.
    pub(crate) fn event_name(&self, k: u32) -> &str {
        self.user.as_deref().expect("a user's event").event_name(k)
    }

    /// The id a user's gazetteer gives the person called `name`.
    pub(crate) fn person_id(&self, name: &str) -> Option<&str> {
        self.user.as_deref()?.person_id(name)
    }

    /// The id a user's gazetteer gives the event keyed `key` (its name lowercased).
    pub(crate) fn event_id(&self, key: &str) -> Option<&str> {
        self.user.as_deref()?.event_id(key)
    }

    /// Whole-word matches in `text`, leftmost-longest, as `(start, end, entry)` byte ranges.
    /// A word boundary is anything but a letter or digit, so "ASEAN-centric" and "Russia's"
    /// match, and "UN" inside "UNESCO" does not.
    pub(crate) fn find(&self, text: &str) -> Vec<(usize, usize, Entry)> {
        self.find_with(text, self.table(false))
    }

    /// The forms as written, or lowercased for text written all in lowercase.
    pub(crate) fn table(&self, caseless: bool) -> Lookup<'_> {
        Lookup {
            builtin: if caseless { self.caseless } else { self.exact },
            user: self.user.as_deref(),
            caseless,
        }
    }

    /// At each word (a run of letters and digits after anything else), the longest phrase
    /// under it that ends at a word boundary; the search goes on after the phrase.
    fn find_with(&self, text: &str, table: Lookup) -> Vec<(usize, usize, Entry)> {
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

    /// The longest form of `table` (one of this gazetteer's) under the word
    /// `text[start..word_end]` that starts there and ends at a word boundary: where it
    /// ends, and what it is. A user's form wins a tie.
    #[inline]
    pub(crate) fn match_at(
        &self,
        text: &str,
        start: usize,
        word_end: usize,
        table: Lookup,
    ) -> Option<(usize, Entry)> {
        let rest = &text[start..];
        let builtin = (table.builtin.under(&text[start..word_end]))
            .find(|(form, _)| rest.starts_with(form) && ends(text, form, start + form.len()))
            .map(|(form, entry)| (start + form.len(), self.entries[entry as usize]));
        match table.user {
            None => builtin,
            Some(user) => with_user(user, builtin, text, (start, word_end), table.caseless),
        }
    }
}

/// The longer of the built-in match and a user's at `start`; the user's on a tie. Out of
/// line: a process without a user's gazetteer keeps the built-in lookup small enough to be
/// inlined in the scan of every word.
#[inline(never)]
fn with_user(
    user: &User,
    builtin: Option<(usize, Entry)>,
    text: &str,
    word: (usize, usize),
    caseless: bool,
) -> Option<(usize, Entry)> {
    let ends = |form: &str, end| ends(text, form, end);
    match (builtin, user.match_at(text, word, caseless, ends)) {
        (Some(b), Some(u)) => Some(if b.0 > u.0 { b } else { u }),
        (b, u) => u.or(b),
    }
}

/// Whether a form ending at byte `end` of `text` ends at a word boundary: "U.S" must not
/// match inside "U.S.A" (a period then a letter runs on), unless the form ends with its
/// period.
fn ends(text: &str, form: &str, end: usize) -> bool {
    let mut next = text[end..].chars();
    match next.next() {
        None => true,
        Some(c) if is_word_char(c) => false,
        Some('.') => form.ends_with('.') || !next.next().is_some_and(is_letter),
        Some(_) => true,
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
        assert_eq!(EXACT.entries.len(), ENTRIES.len());
        assert!(EXACT.entries.iter().all(|&e| (e as usize) < ENTRIES.len()));
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

    /// The ISO codes of the countries found in `text` (a blocker as "-"), with the words.
    fn russian(text: &str) -> Vec<(&str, &str)> {
        let g = Gazetteer::builtin();
        g.find(text)
            .into_iter()
            .map(|(s, e, entry)| match entry {
                Entry::Country { id, .. } => (&text[s..e], g.country(id).iso.unwrap_or("?")),
                _ => (&text[s..e], "-"),
            })
            .collect()
    }

    #[test]
    fn russian_names_in_every_case() {
        assert_eq!(
            russian("Переговоры России и Китая прошли после визита в Японию."),
            [("России", "RU"), ("Китая", "CN"), ("Японию", "JP")]
        );
        assert_eq!(
            russian("Россия с Германией, Казахстаном и Беларусью, с Израилем и Китаем"),
            [
                ("Россия", "RU"),
                ("Германией", "DE"),
                ("Казахстаном", "KZ"),
                ("Беларусью", "BY"),
                ("Израилем", "IL"),
                ("Китаем", "CN")
            ]
        );
        // Acronyms do not decline; the adjective of a name agrees with its noun; a hyphenated
        // name declines in the part that does; ё is also written е.
        assert_eq!(
            russian(
                "власти США, ОАЭ и Соединённых Штатов Америки, посол Коста-Рики в Гвинее-Бисау"
            ),
            [
                ("США", "US"),
                ("ОАЭ", "AE"),
                ("Соединённых Штатов Америки", "US"),
                ("Коста-Рики", "CR"),
                ("Гвинее-Бисау", "GW")
            ]
        );
        assert_eq!(
            russian("в Российской Федерации и в Соединенном Королевстве"),
            [
                ("Российской Федерации", "RU"),
                ("Соединенном Королевстве", "GB")
            ]
        );
    }

    #[test]
    fn russian_demonyms_in_every_gender_and_case() {
        assert_eq!(
            russian(
                "Американские и британские эксперты обсудили российскую нефть и китайских инвесторов"
            ),
            [
                ("Американские", "US"),
                ("британские", "GB"),
                ("российскую", "RU"),
                ("китайских", "CN")
            ]
        );
        // A compound adjective names each country; "русский" (the people, the language) is
        // no demonym of the state.
        assert_eq!(
            russian("российско-китайские и американо-японские переговоры на русском языке"),
            [
                ("российско", "RU"),
                ("китайские", "CN"),
                ("американо", "US"),
                ("японские", "JP")
            ]
        );
    }

    #[test]
    fn russian_blockers_in_every_case() {
        assert_eq!(
            russian("страны Латинской Америки и Америка"),
            [("Латинской Америки", "-"), ("Америка", "US")]
        );
    }
}
