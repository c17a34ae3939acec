//! A user's own gazetteer: people, countries, organizations and events with their forms and
//! ids, read at run time (the built-in lists are compiled in). Its forms are looked up
//! beside the built-in ones, under their first word, and win a tie; a user's country or
//! organization that the built-in lists already know (by a form, or a country by its ISO
//! code) is that entity, given the user's forms and id, not a second one.
//!
//! Sized for a million entities: every string lives in one of two arenas (the forms as
//! written and lowercased; names and ids), a form is 32 bytes of ranges, and the lookup
//! table holds ranges too, so that a million entities take a few allocations and about
//! 200 bytes each.

use std::hash::BuildHasher as _;
use std::sync::{Mutex, OnceLock};

use foldhash::HashMap;
use hashbrown::HashTable;

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
    /// The form is longer than any name.
    #[error("a form of {0} bytes (at most {MAX_FORM_BYTES})")]
    TooLong(usize),
    /// A demonym names no country the built-in list knows.
    #[error("{0:?} names no known country")]
    UnknownCountry(String),
    /// More text than the gazetteer's arenas hold (4 GiB).
    #[error("the gazetteer holds 4 GiB of text already")]
    Full,
}

/// The longest form, in bytes: as long as the longest name the rules take.
pub(crate) const MAX_FORM_BYTES: usize = 200;

/// A range of an arena.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Str {
    start: u32,
    len: u32,
}

impl Str {
    fn of(self, arena: &str) -> &str {
        &arena[self.start as usize..(self.start + self.len) as usize]
    }
}

/// Appends `s` to `arena`, giving its range.
fn put(arena: &mut String, s: &str) -> Result<Str, AddError> {
    let start = u32::try_from(arena.len()).map_err(|_| AddError::Full)?;
    let len = u32::try_from(s.len()).map_err(|_| AddError::Full)?;
    start.checked_add(len).ok_or(AddError::Full)?;
    arena.push_str(s);
    Ok(Str { start, len })
}

/// An entity of the user's: its name, its id if given, and an organization's acronym (the
/// first of its forms written as one) or a country's ISO code (its id, if that is one).
#[derive(Debug, Clone, Copy)]
struct UserEntity {
    name: Str,
    id: Option<Str>,
    short: Option<Str>,
}

/// What a form names: as `Entry`, in 8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    Country { id: u32, demonym: bool },
    Organization(u32),
    Person(u32),
    Event(u32),
}

impl Target {
    fn entry(self) -> Entry {
        match self {
            Target::Country { id, demonym } => Entry::Country {
                id: id as usize,
                demonym,
            },
            Target::Organization(id) => Entry::Organization(id as usize),
            Target::Person(k) => Entry::Person(k),
            Target::Event(k) => Entry::Event(k),
        }
    }
}

/// One form: as written and lowercased (ranges of `forms` and `lower`), the length of its
/// lowercased first word, what it names, and whether it matches in any case (a spaCy
/// `LOWER` pattern) or only as written (and in text all in lowercase).
#[derive(Debug, Clone, Copy)]
struct Form {
    text: Str,
    lower: Str,
    first: u32,
    target: Target,
    any_case: bool,
}

/// The forms sorted for lookups: by lowercased first word, then longest first; and a table
/// from each first word to its forms.
#[derive(Debug, Default)]
struct Index {
    forms: Vec<Form>,
    /// (first word, forms[from..to]), hashed by the first word lowercased.
    table: HashTable<(Str, u32, u32)>,
    /// Most words of a text start no form, and these say so before the table is asked (a
    /// cache miss each in a table of a million words): the first bytes of the forms that
    /// match as written, and of all forms lowercased, as bits; then a bit for each first
    /// word's hash.
    written: [u64; 4],
    folded: [u64; 4],
    bloom: Vec<u64>,
}

/// The bits of `Index::bloom`: 128 KiB, so that a million first words set about a
/// tenth of them, and its reads stay in the cache.
const BLOOM_BITS: u32 = 20;

fn has(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & 1 << (i % 64) != 0
}

fn set(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

/// A first word's bit in `Index::bloom`, from its hash.
fn bloom_bit(hash: u64) -> usize {
    (hash >> (64 - BLOOM_BITS)) as usize
}

#[derive(Debug, Default)]
pub(crate) struct User {
    /// How many countries and organizations the built-in lists hold: the user's own are
    /// numbered after them.
    builtin_countries: usize,
    builtin_orgs: usize,
    /// The forms as written, and lowercased.
    text: String,
    lower: String,
    /// Names and ids.
    names: String,
    /// The forms in no order; `index` takes and sorts them at the first lookup after an
    /// `add`.
    added: Mutex<Vec<Form>>,
    index: OnceLock<Index>,
    /// Whether any form matches in any case: then every word is looked up lowercased.
    any_case: bool,
    people: Vec<UserEntity>,
    organizations: Vec<UserEntity>,
    events: Vec<UserEntity>,
    countries: Vec<UserEntity>,
    /// Each entity by (type, id) or, without an id, (type, name), the key a range of
    /// `names`: the key that joins the forms of one entity given one at a time.
    by_key: HashTable<(UserType, Str, Target)>,
    /// The ids the user gives built-in countries and organizations (by their index).
    builtin_country_ids: HashMap<usize, Str>,
    builtin_org_ids: HashMap<usize, Str>,
    hasher: foldhash::fast::FixedState,
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

/// A word lowercased, in `buffer` when it is short ASCII (most words): no allocation in the
/// lookup of each word of a text.
fn lowercase<'b>(word: &str, buffer: &'b mut [u8; 64]) -> std::borrow::Cow<'b, str> {
    if word.len() <= buffer.len() && word.is_ascii() {
        let out = &mut buffer[..word.len()];
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        std::borrow::Cow::Borrowed(std::str::from_utf8(out).expect("ASCII"))
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
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
        if form.is_empty() || run_end(form, 0, false) != 0 {
            return Err(AddError::NoWord(form.to_owned()));
        }
        let key = id.unwrap_or(name);
        let hash = self.hasher.hash_one((t, key));
        let names = &self.names;
        let same = |&(kt, k, _): &(UserType, Str, Target)| kt == t && k.of(names) == key;
        let target = match self.by_key.find(hash, same) {
            Some(&(_, _, target)) => target,
            None => {
                let (target, stored) = self.entity(t, name, id, &builtin)?;
                let stored = match stored {
                    Some(stored) => stored,
                    None => put(&mut self.names, key)?,
                };
                let (hasher, names) = (&self.hasher, &self.names);
                let rehash =
                    |&(kt, k, _): &(UserType, Str, Target)| hasher.hash_one((kt, k.of(names)));
                self.by_key.insert_unique(hash, (t, stored, target), rehash);
                target
            }
        };
        let target = match (t, target) {
            (UserType::Demonym, Target::Country { id, .. }) => {
                Target::Country { id, demonym: true }
            }
            _ => target,
        };
        if let Target::Organization(k) = target
            && let Some(k) = (k as usize).checked_sub(self.builtin_orgs)
            && self.organizations[k].short.is_none()
            && is_acronym(form)
        {
            self.organizations[k].short = Some(put(&mut self.names, form)?);
        }
        let lower = form.to_lowercase();
        let first = run_end(&lower, 0, true) as u32;
        let form = Form {
            text: put(&mut self.text, form)?,
            lower: put(&mut self.lower, &lower)?,
            first,
            target,
            any_case,
        };
        self.any_case |= any_case;
        // The sorted forms, if a lookup sorted them, take the new one.
        if let Some(index) = self.index.take() {
            *self.added.get_mut().expect("not poisoned") = index.forms;
        }
        self.added.get_mut().expect("not poisoned").push(form);
        Ok(())
    }

    /// The target of a new entity of type `t`: a built-in one if `name` names one (a
    /// country also by its ISO code as id), else the user's own; and for the latter, its
    /// key (id, else name) as stored.
    fn entity(
        &mut self,
        t: UserType,
        name: &str,
        id: Option<&str>,
        builtin: &impl Fn(&str) -> Option<Entry>,
    ) -> Result<(Target, Option<Str>), AddError> {
        let code = id.filter(|id| id.len() == 2 && id.bytes().all(|b| b.is_ascii_uppercase()));
        let known = match t {
            UserType::Country | UserType::Demonym => {
                code.and_then(builtin).or_else(|| builtin(name))
            }
            UserType::Organization => builtin(name),
            _ => None,
        };
        match (t, known) {
            (UserType::Country | UserType::Demonym, Some(Entry::Country { id: k, .. })) => {
                // An ISO code as id says which country; it is no new id.
                if let Some(qid) = id.filter(|_| code.is_none()) {
                    let qid = put(&mut self.names, qid)?;
                    self.builtin_country_ids.insert(k, qid);
                }
                return Ok((
                    Target::Country {
                        id: k as u32,
                        demonym: false,
                    },
                    None,
                ));
            }
            (UserType::Demonym, _) => return Err(AddError::UnknownCountry(name.to_owned())),
            (UserType::Organization, Some(Entry::Organization(k))) => {
                if let Some(id) = id {
                    let id = put(&mut self.names, id)?;
                    self.builtin_org_ids.insert(k, id);
                }
                return Ok((Target::Organization(k as u32), None));
            }
            _ => {}
        }
        let short = match t {
            UserType::Country => code,
            UserType::Organization => Some(name).filter(|n| is_acronym(n)),
            _ => None,
        };
        let entity = UserEntity {
            name: put(&mut self.names, name)?,
            id: id.map(|id| put(&mut self.names, id)).transpose()?,
            short: short.map(|s| put(&mut self.names, s)).transpose()?,
        };
        let push = |list: &mut Vec<UserEntity>| {
            list.push(entity);
            u32::try_from(list.len() - 1).map_err(|_| AddError::Full)
        };
        let key = entity.id.unwrap_or(entity.name);
        let target = match t {
            UserType::Person => Target::Person(push(&mut self.people)?),
            UserType::Event => Target::Event(push(&mut self.events)?),
            UserType::Organization => {
                let k = push(&mut self.organizations)? as usize;
                Target::Organization((self.builtin_orgs + k) as u32)
            }
            _ => {
                let k = push(&mut self.countries)? as usize;
                Target::Country {
                    id: (self.builtin_countries + k) as u32,
                    demonym: false,
                }
            }
        };
        Ok((target, Some(key)))
    }

    /// The forms sorted and indexed, made at the first lookup after an `add`.
    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut forms = std::mem::take(&mut *self.added.lock().expect("not poisoned"));
            let first =
                |f: &Form| &self.lower[f.lower.start as usize..(f.lower.start + f.first) as usize];
            forms.sort_by(|a, b| {
                (first(a).cmp(first(b)))
                    .then(b.text.len.cmp(&a.text.len))
                    .then(a.text.of(&self.text).cmp(b.text.of(&self.text)))
            });
            // The same form of the same entity given twice.
            forms.dedup_by(|b, a| {
                a.text.of(&self.text) == b.text.of(&self.text)
                    && (a.target, a.any_case) == (b.target, b.any_case)
            });
            let mut index = Index {
                forms,
                table: HashTable::new(),
                written: [0; 4],
                folded: [0; 4],
                bloom: vec![0; 1 << (BLOOM_BITS - 6)],
            };
            for f in &index.forms {
                set(
                    &mut index.folded,
                    usize::from(self.lower.as_bytes()[f.lower.start as usize]),
                );
                if !f.any_case {
                    set(
                        &mut index.written,
                        usize::from(self.text.as_bytes()[f.text.start as usize]),
                    );
                }
            }
            let mut from = 0;
            while from < index.forms.len() {
                let word = first(&index.forms[from]);
                let to = from
                    + index.forms[from..]
                        .iter()
                        .take_while(|f| first(f) == word)
                        .count();
                let lower = index.forms[from].lower;
                let key = Str {
                    start: lower.start,
                    len: index.forms[from].first,
                };
                let hash = self.hasher.hash_one(word);
                set(&mut index.bloom, bloom_bit(hash));
                index
                    .table
                    .insert_unique(hash, (key, from as u32, to as u32), |(k, _, _)| {
                        self.hasher.hash_one(k.of(&self.lower))
                    });
                from = to;
            }
            index
        })
    }

    /// The forms under the word `word` (any case), longest first.
    fn under(&self, word: &str) -> &[Form] {
        let index = self.index();
        let mut buffer = [0u8; 64];
        let lower = lowercase(word, &mut buffer);
        let hash = self.hasher.hash_one(&*lower);
        if !has(&index.bloom, bloom_bit(hash)) {
            return &[];
        }
        index
            .table
            .find(hash, |(k, _, _)| k.of(&self.lower) == lower)
            .map_or(&[], |&(_, from, to)| {
                &index.forms[from as usize..to as usize]
            })
    }

    /// Whether a form of the user's may start with the word `word`. Out of line, as
    /// `with_user` is.
    #[inline(never)]
    pub(crate) fn may_start(&self, word: &str, caseless: bool) -> bool {
        let index = self.index();
        let b = word.as_bytes()[0];
        let lower_b = usize::from(b.to_ascii_lowercase());
        let folded = (caseless || self.any_case) && (!b.is_ascii() || has(&index.folded, lower_b));
        if !(folded || has(&index.written, usize::from(b))) {
            return false;
        }
        let under = self.under(word);
        // A form as written starts with the word as written.
        !under.is_empty()
            && (caseless
                || self.any_case
                || under
                    .iter()
                    .any(|f| f.text.of(&self.text).starts_with(word)))
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
        let rest = &text[start..];
        self.under(&text[start..word_end]).iter().find_map(|f| {
            let form = f.text.of(&self.text);
            let end = if caseless || f.any_case {
                start + folded_prefix(rest, f.lower.of(&self.lower))?
            } else {
                start + rest.starts_with(form).then_some(form.len())?
            };
            ends(form, end).then(|| (end, f.target.entry()))
        })
    }

    /// A user's country: name, ISO code and id (index after the built-in ones).
    pub(crate) fn country(&self, k: usize) -> (&str, Option<&str>, Option<&str>) {
        let c = self.countries[k - self.builtin_countries];
        let s = |s: Option<Str>| s.map(|s| s.of(&self.names));
        (c.name.of(&self.names), s(c.short), s(c.id))
    }

    /// The id given a built-in country.
    pub(crate) fn builtin_country_id(&self, k: usize) -> Option<&str> {
        self.builtin_country_ids.get(&k).map(|s| s.of(&self.names))
    }

    /// An organization's name, acronym and id if the user's own; else its id if the user
    /// gives one.
    pub(crate) fn organization(&self, k: usize) -> Option<(&str, Option<&str>, Option<&str>)> {
        let s = |s: Option<Str>| s.map(|s| s.of(&self.names));
        let o = self.organizations.get(k.checked_sub(self.builtin_orgs)?)?;
        Some((o.name.of(&self.names), s(o.short), s(o.id)))
    }

    pub(crate) fn builtin_org_id(&self, k: usize) -> Option<&str> {
        self.builtin_org_ids.get(&k).map(|s| s.of(&self.names))
    }

    pub(crate) fn person_name(&self, k: u32) -> &str {
        self.people[k as usize].name.of(&self.names)
    }

    pub(crate) fn event_name(&self, k: u32) -> &str {
        self.events[k as usize].name.of(&self.names)
    }

    /// The id of the person called `name` or the event keyed `key` (its name lowercased),
    /// found by that form: no map of names beside the forms.
    pub(crate) fn person_id(&self, name: &str) -> Option<&str> {
        let k = self.by_form(name, |f| match f.target {
            Target::Person(k) if f.text.of(&self.text) == name => Some(k),
            _ => None,
        })?;
        self.people[k as usize].id.map(|s| s.of(&self.names))
    }

    pub(crate) fn event_id(&self, key: &str) -> Option<&str> {
        let k = self.by_form(key, |f| match f.target {
            Target::Event(k) if f.lower.of(&self.lower) == key => Some(k),
            _ => None,
        })?;
        self.events[k as usize].id.map(|s| s.of(&self.names))
    }

    /// What `pick` gives of the first form under the first word of `form`.
    fn by_form(&self, form: &str, pick: impl Fn(&Form) -> Option<u32>) -> Option<u32> {
        self.under(&form[..run_end(form, 0, true)])
            .iter()
            .find_map(pick)
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

    #[test]
    fn forms_are_found_longest_first_under_their_first_word_in_any_case() {
        let mut user = User::new(0, 0);
        let none = |_: &str| None;
        for (name, form, any_case) in [
            ("Acme", "Acme", false),
            ("Acme Corp", "Acme Corp", false),
            ("Acme Corp", "Acme Corp", false),
            ("Acme Steel", "acme steel", true),
        ] {
            user.add((UserType::Organization, name, None), (form, any_case), none)
                .unwrap();
        }
        let forms: Vec<&str> = (user.under("ACME").iter())
            .map(|f| f.text.of(&user.text))
            .collect();
        assert_eq!(forms, ["acme steel", "Acme Corp", "Acme"]);
        let at = |user: &User, text: &str| {
            let found = user.match_at(text, (0, 4), false, |_, _| true);
            found.map(|m| m.0)
        };
        assert_eq!(at(&user, "Acme Corp said"), Some(9));
        assert_eq!(at(&user, "ACME STEEL said"), Some(10));
        assert_eq!(at(&user, "ACME CORP said"), None);
        // A form added after a lookup is found too.
        user.add(
            (UserType::Event, "Acme Day", None),
            ("Acme Day Fair", false),
            none,
        )
        .unwrap();
        assert_eq!(at(&user, "Acme Day Fair"), Some(13));
    }
}
