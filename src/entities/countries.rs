//! Countries: the gazetteer's matches as candidates (countries, the phrases that block
//! them, and the known organizations found in the same pass), and the country words that
//! the rules for people ask about. Takes a `Field`; gives candidates and country ids.

use super::gazetteer::{Entry, Gazetteer};
use super::organizations;
use super::people::is_role_word;
use super::phrases::Field;
use super::{Candidate, Kind, Name};
use crate::text::tokens::{is_capitalized, is_gap};

/// The gazetteer's matches in field `f` as candidates, in text order: a country, a phrase
/// that names none ("Latin America", which blocks the country inside it), a known
/// organization. They outrank a phrase's finds of the same length.
pub(super) fn gazetteer_candidates(g: &Gazetteer, f: &Field, out: &mut Vec<Candidate>) {
    for &(start, end, entry) in f.gaz {
        let kind = match entry {
            Entry::Country { id, .. } => Kind::Country(id),
            Entry::NotCountry => Kind::Blocked,
            Entry::Organization(id) => match organizations::known(g, f, start, end, id) {
                Some(kind) => kind,
                None => continue,
            },
            Entry::Person(k) => {
                let name = Name::from(g.person_name(k));
                Kind::person(name.clone(), name, None, None)
            }
            Entry::Event(k) => {
                let name = g.event_name(k);
                Kind::event(name.to_lowercase().into(), name.into())
            }
            Entry::Title => continue,
        };
        out.push(Candidate {
            start,
            end,
            kind,
            priority: 3,
        });
    }
}

/// The first country named in the title `range` ("Russian Defense Minister").
pub(super) fn in_title(f: &Field, range: std::ops::Range<usize>) -> Option<usize> {
    range.into_iter().find_map(|i| match f.gaz_at(i) {
        Some((_, _, Entry::Country { id, .. })) => Some(id),
        _ => None,
    })
}

/// Whether token `i` is a country's name (not its demonym).
pub(super) fn is_country_name(f: &Field, i: usize) -> bool {
    matches!(
        f.gaz_at(i),
        Some((_, _, Entry::Country { demonym: false, .. }))
    )
}

/// Whether the first word `a` of a would-be name is a place that is no part of it: a
/// country's name, or the place a title before it is "to"; if the latter, the title with
/// its country too.
pub(super) fn leading_place(
    g: &Gazetteer,
    f: &Field,
    a: usize,
) -> Option<Option<(String, Option<usize>)>> {
    // "Ambassador to Havana Viktor Koronelli", "envoy to Russia Alexander Darchiev": the
    // place the title is "to" comes first. The title then runs from its first capitalized
    // word to the place: "Russian Ambassador to Vietnam".
    let to_place = f
        .before(a)
        .trim_end()
        .strip_suffix(" to")
        .is_some_and(|rest| {
            let title = &rest[rest.bytes().rposition(|b| b == b' ').map_or(0, |k| k + 1)..];
            is_role_word(title)
        });
    // The title then runs from its first capitalized word to the place: "Russian
    // Ambassador to Vietnam".
    if !to_place && !is_country_name(f, a) {
        return None;
    }
    if !to_place {
        return Some(None);
    }
    let mut first = a - 1;
    while first > 0
        && is_capitalized(f.word(first - 1))
        && f.text[f.toks[first - 1].end..f.toks[first].start]
            .chars()
            .all(is_gap)
    {
        first -= 1;
    }
    let text = &f.text[f.toks[first].start..f.toks[a].end];
    let country = g.find(text).into_iter().find_map(|(_, _, e)| match e {
        Entry::Country { id, .. } => Some(id),
        _ => None,
    });
    Some(Some((text.to_owned(), country)))
}
