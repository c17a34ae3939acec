//! Named entities: people, countries, organizations and events, found by rules alone.
//! Takes an article's text and its fields (byte ranges, with how far to trust their
//! capitals) and a `Gazetteer`; gives the record's `Entities` and every place they are
//! named (`Named`), which the quotes stage reads. `find` runs the steps in the order the
//! data flows, a file each:
//!
//! 1. `text::tokens` splits each field into words, and `phrases::scan` looks each word up
//!    in the `gazetteer` in the same pass; `countries` turns the matches into candidates
//!    (countries, the phrases that block them, known organizations).
//! 2. `phrases` finds the capitalized phrases and cuts each into parts that the rule
//!    families classify in turn: a title before a name makes a person (`people`); a head
//!    word makes an organization ("… Ministry", "… Corp"; `organizations`) or an event
//!    ("11th … Conference"; `events`); a reporting verb or an apposition makes a
//!    two-to-four-word name a person (`people`).
//! 3. `short_forms`: those of step 2 (a surname, a company without "Corp", an acronym) are
//!    looked for everywhere, in the manner of GATE's orthographic matcher.
//! 4. `overlap`: overlapping candidates give way to the longest, so that a name inside a
//!    longer name belongs to that entity alone.
//! 5. `grouping`: mentions are grouped into entities in order of first mention.

mod connectors;
mod countries;
mod events;
mod gazetteer;
mod grouping;
mod organizations;
mod overlap;
mod people;
mod phrases;
mod russian;
mod russian_orgs;
mod russian_phrases;
mod short_forms;
mod teams;

use std::collections::HashSet;
use std::iter::Peekable;
use std::ops::Range;
use std::rc::Rc;

use gazetteer::Entry;
use phrases::{Field, classify, cover, phrases};

#[cfg(test)]
pub(crate) use gazetteer::WITHOUT_PHRASES;
pub use gazetteer::{AddError, Gazetteer, UserType};
pub(crate) use phrases::{Mode, headline_mode};

use crate::record::Entities;
use crate::text::span::CharIndex;
use crate::text::tokens::Tok;

/// What a candidate names. A name's kind is shared (`Rc`), not copied, by the short forms
/// that refer back to it, and keeps a candidate small (40 bytes): a long article holds a
/// candidate every few words.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Country(usize),
    Blocked,
    Organization(Rc<Org>),
    Person(Rc<PersonName>),
    Event(Rc<EventName>),
}

#[derive(Debug, PartialEq)]
struct Org {
    key: Name,
    name: Name,
    acronym: Option<Name>,
}

#[derive(Debug, PartialEq)]
struct PersonName {
    key: Name,
    name: Name,
    title: Option<Name>,
    country: Option<usize>,
}

#[derive(Debug, PartialEq)]
struct EventName {
    key: Name,
    name: Name,
}

impl Kind {
    fn organization(key: Name, name: Name, acronym: Option<Name>) -> Kind {
        Kind::Organization(Rc::new(Org { key, name, acronym }))
    }

    fn person(key: Name, name: Name, title: Option<Name>, country: Option<usize>) -> Kind {
        Kind::Person(Rc::new(PersonName {
            key,
            name,
            title,
            country,
        }))
    }

    fn event(key: Name, name: Name) -> Kind {
        Kind::Event(Rc::new(EventName { key, name }))
    }
}

/// An entity's key or name in a candidate: shared, not copied, by the short forms and
/// acronyms that refer back to it, so that a long name mentioned often costs its length
/// once.
type Name = Rc<str>;

#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    kind: Kind,
    /// Breaks ties between candidates of the same length: higher wins.
    priority: u8,
}

fn kind_name(kind: &Kind) -> &str {
    match kind {
        Kind::Person(p) => &p.name,
        Kind::Organization(o) => &o.name,
        Kind::Event(e) => &e.name,
        Kind::Country(_) | Kind::Blocked => "",
    }
}

/// Which list of `Entities` a mention belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Type {
    Person,
    Country,
    Organization,
    Event,
}

/// Where an entity is named, in bytes, and which entity it is (an index into its list).
#[derive(Debug, Clone)]
pub(crate) struct Named {
    pub range: Range<usize>,
    pub kind: Type,
    pub index: usize,
}

/// The longest name a person, organization or event may have, in bytes: three times the
/// longest in the corpora ("London International Financial Futures and Options Exchange",
/// 59).
const MAX_NAME_BYTES: usize = 200;

/// The fields are read a window of about this many bytes at a time: a window's words and
/// gazetteer matches (several bytes for each byte of text) are dropped once its
/// candidates are found, so that a long article holds its candidates, not its words. The
/// short forms, known only once every window is read, read each window again; an article
/// shorter than this is one window, read once.
const WINDOW: usize = 1 << 18;

/// The entities in the given fields of `text` (byte ranges with their modes, made afresh by
/// each call of `fields`), and every place they are named, in text order, by the names and
/// words of `g`; `russian`: the article is in Russian, where a name in Latin letters is a
/// foreign organization's (`russian_orgs::latin`).
pub(crate) fn find<'a, I>(
    text: &'a str,
    fields: impl Fn() -> I,
    index: &CharIndex,
    g: &Gazetteer,
    russian: bool,
) -> (Entities<'a>, Vec<Named>)
where
    I: Iterator<Item = (Range<usize>, Mode)>,
{
    find_in_windows(text, fields, index, g, WINDOW, russian)
}

fn find_in_windows<'a, I>(
    text: &'a str,
    fields: impl Fn() -> I,
    index: &CharIndex,
    g: &Gazetteer,
    window: usize,
    russian: bool,
) -> (Entities<'a>, Vec<Named>)
where
    I: Iterator<Item = (Range<usize>, Mode)>,
{
    let sport = teams::TeamSport::default();
    let mut words = Words::default();
    let mut candidates = Vec::new();
    // The parts of a phrase left to classify; one list for all phrases.
    let mut todo = Vec::new();
    // Events named by their holder ("BRICS summit"): the holder stays a mention of its own.
    let mut held = Vec::new();
    // A Russian phrase's parts in one script each.
    let mut parts = Vec::new();
    // Latin-script names that a noun before them showed to be no organization's.
    let mut not_names = HashSet::new();
    let mut windows = 0;
    let mut rest = fields().peekable();
    while windows == 0 || rest.peek().is_some() {
        words.read(g, text, &mut rest, window);
        windows += 1;
        // Room for what most articles need (measured on the corpus: a candidate every
        // four words, and each gazetteer match).
        candidates.reserve(words.gaz.len() + words.toks.len() / 4);
        for field in words.fields(text, &sport) {
            countries::gazetteer_candidates(g, &field, &mut candidates);
            if field.mode == Mode::Full {
                russian_orgs::candidates(&field, &mut candidates);
            }
            if field.mode == Mode::Full {
                for phrase in phrases(g, text, field.toks) {
                    parts.clear();
                    if russian {
                        russian_orgs::script_parts(&field, phrase, &mut parts);
                    } else {
                        parts.push(phrase);
                    }
                    for phrase in parts.drain(..) {
                        events::by_holder(g, &field, (phrase.start, phrase.end), &mut held);
                        let (c, h) = (&mut candidates, &mut held);
                        russian_phrases::candidates(g, &field, phrase.clone(), c, h);
                        if russian {
                            let (c, n) = (&mut candidates, &mut not_names);
                            russian_orgs::latin(g, &field, phrase.clone(), c, n);
                        }
                        classify(g, &field, phrase, &mut candidates, &mut todo);
                    }
                }
            }
        }
    }

    // A run of capitalized words hundreds of bytes long is no name; as one it would be
    // copied into every quote its short forms or "the ministry" are said to speak.
    candidates.retain(|c| {
        c.end - c.start <= MAX_NAME_BYTES || matches!(c.kind, Kind::Country(_) | Kind::Blocked)
    });
    short_forms::short_forms(g, &mut candidates, |each| {
        let mut rest = fields().peekable();
        for _ in 0..windows {
            // One window was read last, and is still there.
            if windows > 1 {
                words.read(g, text, &mut rest, window);
            }
            for field in words.fields(text, &sport) {
                each(&field);
            }
        }
    });
    let mut chosen = overlap::choose(candidates);
    // Two rules find held events, each in text order: `nest` reads them in one order.
    held.sort_by_key(|c| c.start);
    overlap::nest(&mut chosen, held);
    grouping::group(g, text, chosen, index)
}

/// The words and gazetteer matches of a window of fields: lists shared by its fields,
/// three allocations in all rather than three a paragraph, kept from window to window.
#[derive(Default)]
struct Words {
    toks: Vec<Tok>,
    gaz: Vec<(usize, usize, Entry)>,
    /// For each token, the gazetteer match that covers it.
    tok_gaz: Vec<Option<u32>>,
    /// Each field's tokens and matches (ranges of the lists) and its mode.
    bounds: Vec<(Range<usize>, Range<usize>, Mode)>,
}

impl Words {
    /// Reads the next window of `fields` of `text` (fields up to one that brings it to
    /// `window` bytes, or to the end), in place of what was read before.
    fn read(
        &mut self,
        g: &Gazetteer,
        text: &str,
        fields: &mut Peekable<impl Iterator<Item = (Range<usize>, Mode)>>,
        window: usize,
    ) {
        // Room for what most windows need, so that the lists seldom grow (measured on the
        // corpus: a token every 20 bytes, at most one every 17; a gazetteer match every 220).
        // The window's size is known only once read: at most `window`, at most what is left.
        let left = fields.peek().map_or(0, |(r, _)| text.len() - r.start);
        let bytes = left.min(window);
        self.toks.clear();
        self.toks.reserve(bytes / 16);
        self.gaz.clear();
        self.gaz.reserve(bytes / 128);
        self.tok_gaz.clear();
        self.bounds.clear();
        // The bytes from the window's first field to the end of its last, the lines between
        // counted: a field a line of one letter costs its bookkeeping, not its letter.
        let (mut first, mut read) = (None, 0);
        let window = std::iter::from_fn(|| {
            let field = (read < window).then(|| fields.next()).flatten()?;
            read = field.0.end - *first.get_or_insert(field.0.start);
            Some(field)
        });
        for (range, mode) in window.filter(|(_, mode)| *mode != Mode::Skip) {
            // An all-lowercase story still names countries and organizations.
            let caseless = !text[range.clone()].chars().any(char::is_uppercase);
            let (t, m) = (self.toks.len(), self.gaz.len());
            phrases::scan(
                g,
                text,
                range.clone(),
                g.table(caseless),
                &mut self.toks,
                &mut self.gaz,
            );
            cover(&self.toks[t..], &self.gaz[m..], &mut self.tok_gaz);
            self.bounds
                .push((t..self.toks.len(), m..self.gaz.len(), mode));
        }
    }

    /// Each field's view of the lists, made when needed: an article of a million one-word
    /// paragraphs would otherwise hold 80 bytes more a paragraph.
    fn fields<'w>(
        &'w self,
        text: &'w str,
        sport: &'w teams::TeamSport,
    ) -> impl Iterator<Item = Field<'w>> {
        self.bounds.iter().map(move |(t, m, mode)| Field {
            text,
            toks: &self.toks[t.clone()],
            gaz: &self.gaz[m.clone()],
            tok_gaz: &self.tok_gaz[t.clone()],
            mode: *mode,
            sport,
        })
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The entities of `text`, read as one body paragraph, each mention checked to slice back
    /// to its text: the rule families' tests ask this too.
    pub(super) fn entities(text: &str) -> Entities<'_> {
        let fields = [(0..text.len(), Mode::Full)];
        let russian = crate::Language::of(text) == crate::Language::Ru;
        let (found, _) = find(
            text,
            || fields.iter().cloned(),
            &CharIndex::new(text),
            Gazetteer::builtin(),
            russian,
        );
        // Every mention slices back to its text.
        let chars: Vec<char> = text.chars().collect();
        let mentions = found
            .people
            .iter()
            .flat_map(|p| &p.mentions)
            .chain(found.countries.iter().flat_map(|c| &c.mentions))
            .chain(found.organizations.iter().flat_map(|o| &o.mentions))
            .chain(found.events.iter().flat_map(|e| &e.mentions));
        for m in mentions {
            assert_eq!(chars[m.span.0..m.span.1].iter().collect::<String>(), m.text);
        }
        found
    }

    /// The names of the organizations found in `text`: the rule families' tests ask this.
    pub(super) fn orgs(text: &str) -> Vec<String> {
        entities(text)
            .organizations
            .iter()
            .map(|o| o.name.clone())
            .collect()
    }

    #[test]
    fn an_article_read_in_windows_gives_what_it_gives_read_at_once() {
        // Each paragraph a window of its own: its words read twice, for the candidates and
        // for the short forms, with other windows read in between.
        for text in [
            include_str!("../../fixtures/reuters-classic.txt"),
            include_str!("../../fixtures/quotes-multiparagraph.txt"),
            include_str!("../../fixtures/000_454c63ec9385e69c.txt"),
        ] {
            let mut fields = Vec::new();
            let mut at = 0;
            for paragraph in text.split("\n\n") {
                fields.push((at..at + paragraph.len(), Mode::Full));
                at += paragraph.len() + 2;
            }
            let (g, index) = (Gazetteer::builtin(), CharIndex::new(text));
            let at_once = find(text, || fields.iter().cloned(), &index, g, false);
            let in_windows = find_in_windows(text, || fields.iter().cloned(), &index, g, 1, false);
            assert!(fields.len() > 3 && !at_once.0.people.is_empty());
            assert_eq!(at_once.0, in_windows.0);
            assert_eq!(format!("{:?}", at_once.1), format!("{:?}", in_windows.1));
        }
    }

    fn names<T>(items: &[T], name: impl Fn(&T) -> &str) -> Vec<&str> {
        items.iter().map(name).collect()
    }

    #[test]
    fn a_whole_name_in_a_title_case_headline_is_not_cut_to_its_last_word() {
        let text = "Kelm, Wang Yi Discuss Trade Ties\n\nForeign Minister Wang Yi met Foreign Minister Tarvo Kelm.";
        let fields = [(0..32, Mode::KnownOnly), (34..text.len(), Mode::Full)];
        let (found, _) = find(
            text,
            || fields.iter().cloned(),
            &CharIndex::new(text),
            Gazetteer::builtin(),
            false,
        );
        let wang = found.people.iter().find(|p| p.name == "Wang Yi").unwrap();
        let mentions: Vec<&str> = wang.mentions.iter().map(|m| m.text).collect();
        assert_eq!(mentions, ["Wang Yi", "Wang Yi"]);
        assert_eq!(found.people.len(), 2);
    }

    #[test]
    fn title_and_name_make_a_person_with_country() {
        let e =
            entities("Russian Defense Minister Sergey Shoigu spoke. Later Shoigu said it again.");
        assert_eq!(e.people.len(), 1);
        let p = &e.people[0];
        assert_eq!(p.name, "Sergey Shoigu");
        assert_eq!(p.titles, ["Russian Defense Minister"]);
        assert_eq!(p.country.as_deref(), Some("RU"));
        assert_eq!(names(&p.mentions, |m| m.text), ["Sergey Shoigu", "Shoigu"]);
        assert_eq!(names(&e.countries, |c| &c.name), ["Russia"]);
    }

    #[test]
    fn a_title_on_a_surname_joins_the_full_name() {
        let e = entities(
            "\"Rates will hold,\" said Donna Pulcine, an analyst. Analyst Pulcine added more.",
        );
        assert_eq!(names(&e.people, |p| &p.name), ["Donna Pulcine"]);
        assert_eq!(e.people[0].mentions.len(), 2);
        assert_eq!(e.people[0].titles, ["Analyst"]);
    }

    #[test]
    fn speech_verbs_and_appositions_mark_people() {
        let e = entities(
            "Prices rose, said Alain Marais. Marshall Goldman of Harvard University agreed. Joe Clark, Canadian secretary of state, left.",
        );
        assert_eq!(
            names(&e.people, |p| &p.name),
            ["Alain Marais", "Marshall Goldman", "Joe Clark"]
        );
        assert_eq!(names(&e.organizations, |o| &o.name), ["Harvard University"]);
        assert_eq!(names(&e.countries, |c| &c.name), ["Canada"]);
    }

    #[test]
    fn head_words_make_organizations_and_short_forms_join_them() {
        let e = entities(
            "The Northern Grain Exporters Association (NGEA) met Tarmix Corp on Friday. Tarmix and the NGEA agreed.",
        );
        let orgs: Vec<(&str, Option<&str>, usize)> = e
            .organizations
            .iter()
            .map(|o| (o.name.as_str(), o.acronym.as_deref(), o.mentions.len()))
            .collect();
        assert_eq!(
            orgs,
            [
                ("Northern Grain Exporters Association", Some("NGEA"), 3),
                ("Tarmix Corp", None, 2)
            ]
        );
    }

    #[test]
    fn a_name_inside_a_longer_name_belongs_to_it() {
        let e = entities(
            "The Russian Defense Ministry said. The Defense Ministry added. The Bank of Canada agreed.",
        );
        assert_eq!(
            names(&e.organizations, |o| &o.name),
            ["Russian Defense Ministry", "Bank of Canada"]
        );
        assert_eq!(e.organizations[0].mentions.len(), 2);
        assert!(e.countries.is_empty(), "{:?}", e.countries);
    }

    #[test]
    fn names_inside_other_words_still_count() {
        let e = entities(
            "the ASEAN-centric system, NATO’s practices and Russian-Belarusian ties with Russia's allies",
        );
        assert_eq!(names(&e.organizations, |o| &o.name), ["ASEAN", "NATO"]);
        assert_eq!(names(&e.countries, |c| &c.name), ["Russia", "Belarus"]);
        assert_eq!(e.countries[0].mentions.len(), 2);
    }

    #[test]
    fn phrases_with_country_words_that_are_no_countries() {
        let e = entities("Latin American debt and the Patriot Congress hall.");
        assert!(
            e.countries.is_empty() && e.organizations.is_empty(),
            "{e:?}"
        );
    }

    #[test]
    fn events_keep_their_ordinal_or_year() {
        let e = entities(
            "He addressed the 11th Moscow Conference on International Security on Tuesday. The Moscow Conference on International Security ends today, and the Zapad-2017 exercise begins.",
        );
        let events: Vec<(&str, usize)> = e
            .events
            .iter()
            .map(|v| (v.name.as_str(), v.mentions.len()))
            .collect();
        assert_eq!(
            events,
            [
                ("11th Moscow Conference on International Security", 2),
                ("Zapad-2017", 1)
            ]
        );
    }

    #[test]
    fn a_holder_before_a_lowercase_meeting_head_names_an_event() {
        let e = entities(
            "Envoys met before the 2030 NATO summit in Vilnius and an OPEC+ meeting, then talked of the Group of Seven summit. French-German talks, the U.S. talks and a CEO meeting named none.",
        );
        let events = names(&e.events, |v| &v.name);
        assert_eq!(
            events,
            ["2030 NATO summit", "OPEC+ meeting", "Group of Seven summit"]
        );
        // The holder is still an organization of its own.
        let orgs = names(&e.organizations, |o| &o.name);
        assert_eq!(orgs, ["NATO", "OPEC+", "Group of Seven"]);
    }

    #[test]
    fn a_place_or_series_before_a_meeting_head_names_an_event() {
        let e = entities(
            "Delegates at the Tarvik forum recalled the Kelmar round. Preliminary talks, the Presidential elections, an Arab summit and the Putin-Biden summit named none.",
        );
        assert_eq!(
            names(&e.events, |v| &v.name),
            ["Tarvik forum", "Kelmar round"]
        );
    }

    #[test]
    fn an_opener_or_a_head_names_an_event() {
        let e = entities(
            "After Hurricane Tarvia and Operation Kelmar Shield, the Brill Dialogue and the Nusa Readings went ahead.",
        );
        assert_eq!(
            names(&e.events, |v| &v.name),
            [
                "Hurricane Tarvia",
                "Operation Kelmar Shield",
                "Brill Dialogue",
                "Nusa Readings"
            ]
        );
    }

    #[test]
    fn a_stock_ticker_marks_a_company() {
        let e = entities(
            "Shares of Ciba-Geigy <CIGZ.Z> and H.J. Heinz <HNZ.N> rose, but not those of Paris <here>.",
        );
        assert_eq!(
            names(&e.organizations, |o| &o.name),
            ["Ciba-Geigy", "H.J. Heinz"]
        );
    }

    #[test]
    fn lowercase_text_still_names_countries() {
        let e = entities(
            "peru's state mining company expects exports to west germany to rise, us traders said.",
        );
        assert_eq!(names(&e.countries, |c| &c.name), ["Peru", "Germany"]);
    }
}
