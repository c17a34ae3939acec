//! A user's own gazetteer: people, countries, organizations and events with their forms and
//! ids, read at run time (the built-in lists are compiled in). Its forms are looked up
//! beside the built-in ones, by their first word, and win a tie; a user's country or
//! organization that the built-in lists already know (by a form, or a country by its ISO
//! code) is that entity, given the user's forms and id, not a second one.

use foldhash::HashMap;

use super::Entry;
use crate::text::tokens::run_end;

/// What an entity of a user's gazetteer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UserType {
    /// A person.
    Person,
    /// A country, by one of its names.
    Country,
    /// A country, by its demonym ("Russian"); only a country the built-in list knows.
    Demonym,
    /// An organization.
    Organization,
    /// An event.
    Event,
}

/// Why a form was not added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AddError {
    /// The form has no letter or digit to start with: forms are matched at words.
    #[error("{0:?} does not start with a letter or digit")]
    NoWord(String),
    /// The form is longer than any name: 200 bytes.
    #[error("a form of {0} bytes (at most {MAX_FORM_BYTES})")]
    TooLong(usize),
    /// A demonym (or a country given only by a form no built-in country has) names no
    /// country the built-in list knows.
    #[error("{0:?} names no known country")]
    UnknownCountry(String),
}

/// The longest form, in bytes: as long as the longest name the rules take.
pub(crate) const MAX_FORM_BYTES: usize = 200;

/// An entity of the user's: its name, and its id if given.
#[derive(Debug)]
pub(crate) struct UserEntity {
    pub name: Box<str>,
    pub id: Option<Box<str>>,
    /// An organization's acronym (the first of its forms written as one), a country's ISO
    /// code (its id, if that is one).
    pub short: Option<Box<str>>,
}

/// A form under its first word: the form, what it names, and whether it matches in any
/// case (a spaCy `LOWER` pattern) or only as written.
type Forms = HashMap<Box<str>, Vec<(Box<str>, Entry, bool)>>;

#[derive(Debug, Default)]
pub(crate) struct User {
    /// How many countries and organizations the built-in lists hold: the user's own are
    /// numbered after them.
    builtin_countries: usize,
    builtin_orgs: usize,
    /// The forms as written, under their first word.
    exact: Forms,
    /// The forms lowercased, under their lowercased first word: for a text written all in
    /// lowercase, and for forms that match in any case.
    folded: Forms,
    /// Whether any form matches in any case: then a word is also looked up lowercased.
    any_case: bool,
    /// Entities of the user's own (built-in ones given an id are in `ids`).
    pub people: Vec<UserEntity>,
    pub organizations: Vec<UserEntity>,
    pub events: Vec<UserEntity>,
    pub countries: Vec<UserEntity>,
    /// Each entity by (type, id) or, without an id, (type, name): the key that joins the
    /// forms of one entity given on several lines.
    by_key: HashMap<(UserType, Box<str>), Entry>,
    /// The ids the user gives built-in countries and organizations (by their index).
    pub builtin_country_ids: HashMap<usize, Box<str>>,
    pub builtin_org_ids: HashMap<usize, Box<str>>,
    /// A person's or an event's index by its name (an event's lowercased): a name the rules
    /// find is that entity too.
    pub people_by_name: HashMap<Box<str>, u32>,
    pub events_by_key: HashMap<Box<str>, u32>,
}

/// An acronym as news copy writes one: two to ten capitals or digits, with "&" or "."
/// between ("NATO", "AT&T", "U.N.").
fn is_acronym(form: &str) -> bool {
    let capitals = form.chars().filter(char::is_ascii_uppercase).count();
    (2..=10).contains(&form.len())
        && capitals >= 2
        && form
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&' || c == '.')
}

/// The first word of a form: its leading letters and digits, as the built-in tables key
/// their phrases.
fn first_word(form: &str) -> &str {
    &form[..run_end(form, 0, true)]
}

impl User {
    pub(crate) fn new(builtin_countries: usize, builtin_orgs: usize) -> User {
        User {
            builtin_countries,
            builtin_orgs,
            ..User::default()
        }
    }

    /// Adds `form` to the entity of type `t` that `id` names (or, without an id, `name`),
    /// made with `name` at its first form. `builtin` gives the built-in entity a form or a
    /// country code names, if any.
    pub(crate) fn add(
        &mut self,
        (t, name, id): (UserType, &str, Option<&str>),
        (form, any_case): (&str, bool),
        builtin: impl Fn(&str) -> Option<Entry>,
    ) -> Result<(), AddError> {
        if form.len() > MAX_FORM_BYTES {
            return Err(AddError::TooLong(form.len()));
        }
        if run_end(form, 0, false) != 0 || form.is_empty() {
            return Err(AddError::NoWord(form.to_owned()));
        }
        let key = (t, Box::from(id.unwrap_or(name)));
        let entry = match self.by_key.get(&key) {
            Some(&entry) => entry,
            None => {
                let entry = self.entity(t, name, id, &builtin)?;
                self.by_key.insert(key, entry);
                entry
            }
        };
        let entry = match (t, entry) {
            // A demonym form of the country.
            (UserType::Demonym, Entry::Country { id, .. }) => Entry::Country { id, demonym: true },
            _ => entry,
        };
        if t == UserType::Organization
            && let Entry::Organization(k) = entry
            && let Some(org) = self
                .organizations
                .get_mut(k.wrapping_sub(self.builtin_orgs))
            && org.short.is_none()
            && is_acronym(form)
        {
            org.short = Some(form.into());
        }
        let put = |forms: &mut Forms, form: &str, any_case: bool| {
            let under = forms.entry(first_word(form).into()).or_default();
            if !under.iter().any(|(f, e, _)| **f == *form && *e == entry) {
                under.push((form.into(), entry, any_case));
                // Longest first, as the built-in tables: the first that fits is the longest.
                under.sort_by_key(|(f, _, _)| std::cmp::Reverse(f.len()));
            }
        };
        if !any_case {
            put(&mut self.exact, form, false);
        }
        self.any_case |= any_case;
        put(&mut self.folded, &form.to_lowercase(), any_case);
        Ok(())
    }

    /// The entry of a new entity of type `t`: a built-in one if a form of the user's names
    /// one (a country also by its ISO code as id), else the user's own.
    fn entity(
        &mut self,
        t: UserType,
        name: &str,
        id: Option<&str>,
        builtin: &impl Fn(&str) -> Option<Entry>,
    ) -> Result<Entry, AddError> {
        let own = |list: &mut Vec<UserEntity>, short: Option<&str>| {
            list.push(UserEntity {
                name: name.into(),
                id: id.map(Box::from),
                short: short.map(Box::from),
            });
            list.len() - 1
        };
        Ok(match t {
            UserType::Country | UserType::Demonym => {
                let code =
                    id.filter(|id| id.len() == 2 && id.bytes().all(|b| b.is_ascii_uppercase()));
                match code.and_then(builtin).or_else(|| builtin(name)) {
                    Some(Entry::Country { id: k, .. }) => {
                        // An ISO code as id says which country; it is no new id.
                        if let Some(qid) = id.filter(|_| code.is_none()) {
                            self.builtin_country_ids.insert(k, qid.into());
                        }
                        Entry::Country {
                            id: k,
                            demonym: false,
                        }
                    }
                    _ if t == UserType::Demonym => {
                        return Err(AddError::UnknownCountry(name.to_owned()));
                    }
                    _ => {
                        let k = own(&mut self.countries, code);
                        Entry::Country {
                            id: self.builtin_countries + k,
                            demonym: false,
                        }
                    }
                }
            }
            UserType::Organization => match builtin(name) {
                Some(Entry::Organization(k)) => {
                    if let Some(id) = id {
                        self.builtin_org_ids.insert(k, id.into());
                    }
                    Entry::Organization(k)
                }
                _ => {
                    let acronym = is_acronym(name).then_some(name);
                    Entry::Organization(self.builtin_orgs + own(&mut self.organizations, acronym))
                }
            },
            UserType::Person => {
                let k = own(&mut self.people, None) as u32;
                self.people_by_name.entry(name.into()).or_insert(k);
                Entry::Person(k)
            }
            UserType::Event => {
                let k = own(&mut self.events, None) as u32;
                self.events_by_key
                    .entry(name.to_lowercase().into())
                    .or_insert(k);
                Entry::Event(k)
            }
        })
    }

    /// Whether a form of the user's may start with the word `word`. Out of line, as
    /// `with_user` is.
    #[inline(never)]
    pub(crate) fn may_start(&self, word: &str, caseless: bool) -> bool {
        if !caseless && self.exact.contains_key(word) {
            return true;
        }
        (caseless || self.any_case) && self.folded.contains_key(word.to_lowercase().as_str())
    }

    /// The longest form of the user's that starts at `start` in `text` (at the word
    /// `text[start..word_end]`) and ends at a word boundary (`ends`): where it ends, and
    /// what it names. `caseless`: the text is written all in lowercase.
    pub(crate) fn match_at(
        &self,
        text: &str,
        (start, word_end): (usize, usize),
        caseless: bool,
        ends: impl Fn(&str, usize) -> bool,
    ) -> Option<(usize, Entry)> {
        let word = &text[start..word_end];
        let rest = &text[start..];
        let exact = (!caseless)
            .then(|| self.exact.get(word))
            .flatten()
            .and_then(|forms| {
                forms.iter().find_map(|(form, entry, _)| {
                    (rest.starts_with(&**form) && ends(form, start + form.len()))
                        .then_some((start + form.len(), *entry))
                })
            });
        let folded = (caseless || self.any_case)
            .then(|| self.folded.get(word.to_lowercase().as_str()))
            .flatten()
            .and_then(|forms| {
                forms.iter().find_map(|(form, entry, any_case)| {
                    let end = start + folded_prefix(rest, form)?;
                    ((caseless || *any_case) && ends(form, end)).then_some((end, *entry))
                })
            });
        match (exact, folded) {
            (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

/// The bytes of `text` that, lowercased, are `lower`, if it starts so.
fn folded_prefix(text: &str, lower: &str) -> Option<usize> {
    let mut want = lower.chars();
    let mut end = 0;
    for c in text.chars() {
        if want.as_str().is_empty() {
            break;
        }
        for l in c.to_lowercase() {
            if want.next() != Some(l) {
                return None;
            }
        }
        end += c.len_utf8();
    }
    want.as_str().is_empty().then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_lowercased_matches_text_in_any_case() {
        assert_eq!(folded_prefix("ACME Corp. said", "acme corp."), Some(10));
        assert_eq!(folded_prefix("Acme", "acme corp"), None);
        assert_eq!(folded_prefix("Straße", "straße"), Some("Straße".len()));
    }

    #[test]
    fn acronyms_as_news_copy_writes_them() {
        assert!(is_acronym("NATO") && is_acronym("AT&T") && is_acronym("U.N."));
        assert!(!is_acronym("Nato") && !is_acronym("A") && !is_acronym("G7"));
    }
}
