//! Grouping: mentions into entities. Takes the chosen candidates, in text order; gives the
//! record's lists (people, countries, organizations, events) in order of first mention,
//! and for each mention which entity it names (`Named`), which the quotes stage reads.

use foldhash::HashMap;
use foldhash::HashMapExt as _;

use super::gazetteer::Gazetteer;
use super::{Candidate, Kind, Named, Type};
use crate::record::{Country, Entities, Event, Mention, Organization, Person};
use crate::text::span::CharIndex;

/// Which entity a mention joins.
#[derive(PartialEq, Eq, Hash)]
enum Slot {
    Country(usize),
    Organization(String),
    Person(String),
    Event(String),
}

/// Mentions grouped into entities, in order of first mention.
pub(super) fn group<'a>(
    g: &Gazetteer,
    text: &'a str,
    chosen: Vec<Candidate>,
    index: &CharIndex,
) -> (Entities<'a>, Vec<Named>) {
    let mut groups = Groups {
        g,
        entities: Entities::default(),
        slots: HashMap::new(),
    };
    let mut named = Vec::with_capacity(chosen.len());
    for c in chosen {
        let mention = Mention {
            text: &text[c.start..c.end],
            span: index.span(c.start..c.end),
        };
        let (kind, index) = match c.kind {
            Kind::Country(id) => (Type::Country, groups.country(id, mention)),
            Kind::Organization { key, name, acronym } => (
                Type::Organization,
                groups.organization(key, name, acronym, mention),
            ),
            Kind::Person {
                key,
                name,
                title,
                country,
            } => (
                Type::Person,
                groups.person(key, name, title, country, mention),
            ),
            Kind::Event { key, name } => (Type::Event, groups.event(key, name, mention)),
            Kind::Blocked => continue,
        };
        named.push(Named {
            range: c.start..c.end,
            kind,
            index,
        });
    }
    (groups.entities, named)
}

/// The entities so far, and where each is in its list.
struct Groups<'a, 'g> {
    g: &'g Gazetteer,
    entities: Entities<'a>,
    slots: HashMap<Slot, usize>,
}

// Each adds a mention to its entity (made at its first mention) and gives the entity's
// index in its list.
impl<'a> Groups<'a, '_> {
    fn country(&mut self, id: usize, mention: Mention<'a>) -> usize {
        let (g, entities) = (self.g, &mut self.entities);
        let slot = *self.slots.entry(Slot::Country(id)).or_insert_with(|| {
            entities.countries.push(Country {
                name: g.country(id).name.to_owned(),
                iso: g.country(id).iso.map(str::to_owned),
                mentions: Vec::new(),
            });
            entities.countries.len() - 1
        });
        entities.countries[slot].mentions.push(mention);
        slot
    }

    fn organization(
        &mut self,
        key: String,
        name: String,
        acronym: Option<String>,
        mention: Mention<'a>,
    ) -> usize {
        let entities = &mut self.entities;
        let slot = *self
            .slots
            .entry(Slot::Organization(key))
            .or_insert_with(|| {
                entities.organizations.push(Organization {
                    name: name.clone(),
                    acronym: acronym.clone(),
                    mentions: Vec::new(),
                });
                entities.organizations.len() - 1
            });
        let org = &mut entities.organizations[slot];
        let written = name.strip_prefix("the ").unwrap_or(&name);
        if written.chars().count() > org.name.chars().count() {
            org.name = written.to_owned();
        }
        org.acronym = org.acronym.take().or(acronym);
        org.mentions.push(mention);
        slot
    }

    fn person(
        &mut self,
        key: String,
        name: String,
        title: Option<String>,
        country: Option<usize>,
        mention: Mention<'a>,
    ) -> usize {
        let (g, entities) = (self.g, &mut self.entities);
        let slot = *self.slots.entry(Slot::Person(key)).or_insert_with(|| {
            entities.people.push(Person {
                name: name.clone(),
                titles: Vec::new(),
                country: None,
                mentions: Vec::new(),
            });
            entities.people.len() - 1
        });
        let person = &mut entities.people[slot];
        if let Some(title) = title
            && !person.titles.contains(&title)
        {
            person.titles.push(title);
        }
        if person.country.is_none() {
            person.country = country.and_then(|id| g.country(id).iso.map(str::to_owned));
        }
        person.mentions.push(mention);
        slot
    }

    fn event(&mut self, key: String, name: String, mention: Mention<'a>) -> usize {
        let entities = &mut self.entities;
        let slot = *self.slots.entry(Slot::Event(key)).or_insert_with(|| {
            entities.events.push(Event {
                name: name.clone(),
                mentions: Vec::new(),
            });
            entities.events.len() - 1
        });
        let event = &mut entities.events[slot];
        if name.len() > event.name.len() {
            event.name = name;
        }
        event.mentions.push(mention);
        slot
    }
}
