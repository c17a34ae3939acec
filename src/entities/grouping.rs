//! Grouping: mentions into entities. Takes the chosen candidates, in text order; gives the
//! record's lists (people, countries, organizations, events) in order of first mention,
//! and for each mention which entity it names (`Named`), which the quotes stage reads.

use std::rc::Rc;

use foldhash::{HashMap, HashMapExt as _, HashSet, HashSetExt as _};

use super::gazetteer::Gazetteer;
use super::organizations::known_id;
use super::{Candidate, EventName, Kind, Name, Named, Org, PersonName, Type};
use crate::record::{Country, Entities, Event, Mention, Organization, Person};
use crate::text::span::CharIndex;

/// Which entity a mention joins: its type and key.
type Slot = (Type, Name);

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
        countries: HashMap::new(),
        slots: HashMap::new(),
        by_address: HashMap::new(),
        org_names: Vec::new(),
        titles: HashSet::new(),
    };
    let mut named = Vec::with_capacity(chosen.len());
    for c in chosen {
        let mention = Mention {
            text: &text[c.start..c.end],
            span: index.span(c.start..c.end),
        };
        let (kind, index) = match c.kind {
            Kind::Country(id) => (Type::Country, groups.country(id, mention)),
            Kind::Organization(o) => (Type::Organization, groups.organization(&o, mention)),
            Kind::Person(p) => (Type::Person, groups.person(&p, mention)),
            Kind::Event(e) => (Type::Event, groups.event(&e, mention)),
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
    countries: HashMap<usize, usize>,
    slots: HashMap<Slot, usize>,
    /// The slot of each key by its address: a short form or an acronym shares its long
    /// form's key, and so finds its slot without hashing a name that may be long. The key
    /// is held so that its address stays its own.
    by_address: HashMap<(Type, usize), (Name, usize)>,
    /// Each organization's name as last compared, and the length in characters of the
    /// name it has: a mention sharing that name cannot make it longer.
    org_names: Vec<(Name, usize)>,
    /// The titles each person has (by slot), so that each is added once: shared with the
    /// candidates, not copied.
    titles: HashSet<(usize, Name)>,
}

// Each adds a mention to its entity (made at its first mention, with room for one: most
// entities have one or two, and a list of thousands of names would otherwise hold room for
// four each) and gives the entity's index in its list.
impl<'a> Groups<'a, '_> {
    /// The slot of `key`, or `next` (the caller makes the entity) if it has none yet;
    /// `shared` if the key's kind is shared by mentions still to come. `name` is the
    /// name beside the key, often the same string.
    fn slot(
        &mut self,
        kind: Type,
        (key, name): (&Name, &Name),
        shared: bool,
        next: usize,
    ) -> usize {
        let address = (kind, Rc::as_ptr(key).cast::<u8>() as usize);
        if let Some(&(_, slot)) = self.by_address.get(&address) {
            return slot;
        }
        // Only a key that mentions still to come share is worth finding by address: one
        // held by more than its own kind (its key and maybe its name), counted before the
        // map holds it.
        let own = 1 + usize::from(Rc::ptr_eq(key, name));
        let shared = shared || Rc::strong_count(key) > own;
        let slot = *self.slots.entry((kind, key.clone())).or_insert(next);
        if shared {
            self.by_address.insert(address, (key.clone(), slot));
        }
        slot
    }

    fn country(&mut self, id: usize, mention: Mention<'a>) -> usize {
        let (g, entities) = (self.g, &mut self.entities);
        let slot = *self.countries.entry(id).or_insert_with(|| {
            let country = g.country(id);
            entities.countries.push(Country {
                name: country.name.to_owned(),
                id: country.qid.map(str::to_owned),
                iso: country.iso.map(str::to_owned),
                mentions: Vec::with_capacity(1),
            });
            entities.countries.len() - 1
        });
        entities.countries[slot].mentions.push(mention);
        slot
    }

    fn organization(&mut self, o: &Rc<Org>, mention: Mention<'a>) -> usize {
        let name = &o.name;
        let next = self.entities.organizations.len();
        let shared = Rc::strong_count(o) > 1;
        let slot = self.slot(Type::Organization, (&o.key, name), shared, next);
        let orgs = &mut self.entities.organizations;
        if slot == orgs.len() {
            let known = known_id(&o.key);
            // A user's own organization is called as the user's gazetteer calls it, whatever
            // the text writes.
            let own = known.and_then(|k| self.g.organization_name(k, name));
            orgs.push(Organization {
                name: own.unwrap_or(name).to_owned(),
                id: known
                    .and_then(|k| self.g.organization_id(k))
                    .map(str::to_owned),
                acronym: None,
                mentions: Vec::with_capacity(1),
            });
            let chars = own.map_or_else(|| name.chars().count(), |_| usize::MAX);
            self.org_names.push((name.clone(), chars));
        }
        let org = &mut orgs[slot];
        let (last, chars) = &mut self.org_names[slot];
        if !Rc::ptr_eq(last, name) {
            let written = name.strip_prefix("the ").unwrap_or(name);
            let n = written.chars().count();
            if n > *chars {
                org.name = written.to_owned();
                *chars = n;
            }
            *last = name.clone();
        }
        if org.acronym.is_none() {
            org.acronym = o.acronym.as_ref().map(|a| a.to_string());
        }
        org.mentions.push(mention);
        slot
    }

    fn person(&mut self, p: &Rc<PersonName>, mention: Mention<'a>) -> usize {
        let next = self.entities.people.len();
        let shared = Rc::strong_count(p) > 1;
        let slot = self.slot(Type::Person, (&p.key, &p.name), shared, next);
        let people = &mut self.entities.people;
        if slot == people.len() {
            people.push(Person {
                name: p.name.to_string(),
                id: self.g.person_id(&p.key).map(str::to_owned),
                titles: Vec::new(),
                country: None,
                mentions: Vec::with_capacity(1),
            });
        }
        let person = &mut people[slot];
        if let Some(title) = &p.title
            && self.titles.insert((slot, title.clone()))
        {
            person.titles.push(title.to_string());
        }
        if person.country.is_none() {
            person.country = p
                .country
                .and_then(|id| self.g.country(id).iso.map(str::to_owned));
        }
        person.mentions.push(mention);
        slot
    }

    fn event(&mut self, e: &Rc<EventName>, mention: Mention<'a>) -> usize {
        let next = self.entities.events.len();
        let (slot, name) = (
            self.slot(
                Type::Event,
                (&e.key, &e.name),
                Rc::strong_count(e) > 1,
                next,
            ),
            &e.name,
        );
        let events = &mut self.entities.events;
        if slot == events.len() {
            events.push(Event {
                name: name.to_string(),
                id: self.g.event_id(&e.key).map(str::to_owned),
                mentions: Vec::with_capacity(1),
            });
        }
        let event = &mut events[slot];
        if name.len() > event.name.len() {
            event.name = name.to_string();
        }
        event.mentions.push(mention);
        slot
    }
}
