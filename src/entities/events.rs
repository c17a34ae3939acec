//! Events: conferences, forums, exercises and games. Takes words and a `Field`; gives what
//! makes an event's name besides its head word: an ordinal or year before it ("11th …"),
//! a Roman numeral after it, or a year joined to a name ("Zapad-2017").

use super::gazetteer::Gazetteer;
use super::organizations::extension;
use super::phrases::{Absent, Field, Todo};
use super::{Candidate, Kind};
use crate::text::tokens::{is_capitalized, is_gap};

pub(super) fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

pub(super) fn is_ordinal_or_year(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &word[digits.len()..];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && (matches!(suffix, "st" | "nd" | "rd" | "th") || suffix.is_empty() && digits.len() == 4)
}

/// "Zapad-2017": a capitalized word joined to a year names an exercise or a games.
pub(super) fn exercise_name(f: &Field, i: usize) -> Option<Candidate> {
    let w = f.word(i);
    let (stem, year) = w.rsplit_once('-')?;
    let named = is_capitalized(stem) && stem.chars().all(char::is_alphabetic) && stem.len() >= 3;
    (named && year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())).then(|| Candidate {
        start: f.toks[i].start,
        end: f.toks[i].end,
        kind: Kind::Event {
            key: w.to_lowercase(),
            name: w.to_owned(),
        },
        priority: 2,
    })
}

/// An event: "11th Moscow Conference on International Security", "Eastern Economic
/// Forum". Whether the part `a..b` had a head word; what it leaves goes on `todo`.
pub(super) fn by_head(
    g: &Gazetteer,
    f: &Field,
    (a, b): (usize, usize),
    out: &mut Vec<Candidate>,
    todo: &mut Todo,
) -> bool {
    let Some(e) = (a..b).find(|&i| g.event_heads.contains(f.word(i))) else {
        return false;
    };
    let end = if e + 1 < b && is_roman(f.word(e + 1)) {
        e + 2
    } else {
        extension(g, f, e + 1, b)
    };
    let ordinal = a.checked_sub(1).filter(|&p| {
        is_ordinal_or_year(f.word(p)) && f.text[f.toks[p].end..f.toks[a].start].chars().all(is_gap)
    });
    if e > a || ordinal.is_some() {
        let key = f.slice(a, end).to_lowercase();
        let start = ordinal.unwrap_or(a);
        out.push(Candidate {
            start: f.toks[start].start,
            end: f.toks[end - 1].end,
            kind: Kind::Event {
                key,
                name: f.slice(start, end).to_owned(),
            },
            priority: 2,
        });
    }
    if end < b {
        let neither = Absent {
            titles: true,
            org_heads: true,
        };
        todo.push((end..b, neither));
    }
    true
}

/// "Zapad-2017" in the part `a..b`: an exercise or games named by a year.
pub(super) fn exercises(f: &Field, (a, b): (usize, usize), out: &mut Vec<Candidate>) {
    for i in a..b {
        if let Some(event) = exercise_name(f, i) {
            out.push(event);
        }
    }
}
