//! Events: conferences, forums, exercises and games. Takes words and a `Field`; gives what
//! makes an event's name besides its head word: an ordinal or year before it ("11th …"),
//! a Roman numeral after it, or a year joined to a name ("Zapad-2017").

use super::gazetteer::{Entry, Gazetteer};
use super::organizations::extension;
use super::phrases::{Absent, Field, Todo};
use super::{Candidate, Kind};
use crate::text::tokens::{is_capitalized, is_gap};
use crate::text::wordlist::{EVENT_OPENERS, MEETING_HEADS};

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
    (named && year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()))
        .then(|| event(f, i, i + 1))
}

/// An event named by the tokens `a..b` as written, keyed by the name lowercased.
fn event(f: &Field, a: usize, b: usize) -> Candidate {
    let name = f.slice(a, b);
    Candidate {
        start: f.toks[a].start,
        end: f.toks[b - 1].end,
        kind: Kind::event(name.to_lowercase().into(), name.into()),
        priority: 2,
    }
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
    if by_opener(g, f, (a, b), out, todo) {
        return true;
    }
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
            kind: Kind::event(key.into(), f.slice(start, end).into()),
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

/// "Operation Desert Storm", "Hurricane Rafael": an opener that starts the part `a..b` and up
/// to three capitalized words after it. Whether the part had one; what it leaves goes on
/// `todo`.
fn by_opener(
    g: &Gazetteer,
    f: &Field,
    (a, b): (usize, usize),
    out: &mut Vec<Candidate>,
    todo: &mut Todo,
) -> bool {
    // The part's first word, not any: a search of the whole part, left again and again to
    // the parts after each find, would cost the square of a long phrase.
    let o = a;
    if !EVENT_OPENERS.contains(f.word(o)) {
        return false;
    }
    let end = (o + 1..b.min(o + 4))
        .find(|&i| !f.name_like(g, i))
        .unwrap_or(b.min(o + 4));
    if end == o + 1 {
        return false;
    }
    out.push(event(f, o, end));
    if end < b {
        todo.push((end..b, Absent::default()));
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

/// "BRICS summit", "OPEC+ meeting", "the Group of Seven summit": a lowercase meeting head
/// right after the phrase `a..b` is a named event when the phrase ends in its holder, an
/// organization the gazetteer knows or an acronym that is no country. The name runs from
/// the holder (with an ordinal or year before it) to the head; what follows is no part of
/// it. A person, a country or a demonym before the head names no occurrence.
pub(super) fn by_holder(
    g: &Gazetteer,
    f: &Field,
    (a, b): (usize, usize),
    out: &mut Vec<Candidate>,
) {
    let last = &f.toks[b - 1];
    if last.possessive {
        return;
    }
    // The tokens hold no lowercase word: the head is read from the text.
    let rest = &f.text[last.end..];
    let gap = rest.len() - rest.trim_start_matches(|c| c == '+' || is_gap(c)).len();
    let word = rest[gap..].len()
        - rest[gap..]
            .trim_start_matches(|c: char| c.is_ascii_lowercase())
            .len();
    let after = rest[gap + word..].chars().next();
    if gap == 0 || word == 0 || after.is_some_and(char::is_alphanumeric) {
        return;
    }
    if !MEETING_HEADS.contains(&rest[gap..gap + word]) {
        return;
    }
    let Some(start) = holder_start(g, f, (a, b), &rest[..gap]) else {
        return;
    };
    let ordinal = start.checked_sub(1).filter(|&p| {
        is_ordinal_or_year(f.word(p))
            && f.text[f.toks[p].end..f.toks[start].start]
                .chars()
                .all(is_gap)
    });
    let from = ordinal.unwrap_or(start);
    let end = last.end + gap + word;
    out.push(Candidate {
        start: f.toks[from].start,
        end,
        kind: Kind::event(
            f.text[f.toks[start].start..end].to_lowercase().into(),
            f.text[f.toks[from].start..end].into(),
        ),
        priority: 2,
    });
}

/// The first token of the holder that ends the phrase `a..b` right before a meeting head
/// (`gap` the text between them): a gazetteer organization ending there, else an acronym.
fn holder_start(g: &Gazetteer, f: &Field, (a, b): (usize, usize), gap: &str) -> Option<usize> {
    let last = b - 1;
    let end = f.toks[last].end + gap.len();
    if let Some((s, e, entry)) = f.gaz_at(last) {
        // "OPEC+" ends past its last word; "U.S." or a demonym is no holder.
        let Entry::Organization(_) = entry else {
            return None;
        };
        let rest = f.text.get(e..end)?;
        if e < f.toks[last].end || !rest.chars().all(is_gap) {
            return None;
        }
        return (a..b).find(|&i| f.toks[i].start == s);
    }
    let w = f.word(last);
    let acronym = w.chars().filter(char::is_ascii_uppercase).count() >= 2
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        || w.len() >= 2 && w.starts_with('G') && w[1..].chars().all(|c| c.is_ascii_digit());
    if acronym {
        return (!g.stopwords.contains(w)).then_some(last);
    }
    series_or_place(g, f, (a, b))
}

/// "Valdai forum", "Uruguay round", "Communist Party congress": the place, series or body
/// that names a meeting, the phrase `a..b` of one to three words that no list knows as a
/// country, a demonym or a given name, none joined by a hyphen ("Putin-Biden summit" is
/// named by people), and no stopword ("Tuesday meeting"); not at a sentence's start, nor
/// one word with an adjective's ending.
fn series_or_place(g: &Gazetteer, f: &Field, (a, b): (usize, usize)) -> Option<usize> {
    let start = (a..b)
        .rev()
        .take(3)
        .take_while(|&i| {
            let w = f.word(i);
            is_capitalized(w)
                && w.chars().any(char::is_lowercase)
                && !w.contains('-')
                && !g.stopwords.contains(w)
                && f.gaz_at(i).is_none()
        })
        .last()?;
    // "Presidential elections", "Ministerial meeting": an adjective, capitalized.
    let adjective = ["ial", "ary", "ional"]
        .iter()
        .any(|end| start + 1 == b && f.word(start).ends_with(end));
    let whole = !adjective && (start == a || !is_capitalized(f.word(start - 1)));
    // A capital that opens a sentence says nothing ("Preliminary talks are on").
    let before = f.before(start).trim_end();
    let opens = before.is_empty() || before.ends_with(['.', '!', '?', ':', '"', '“', '-', '—']);
    (whole && !opens && !g.given_names.contains(f.word(start))).then_some(start)
}
