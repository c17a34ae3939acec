//! Capitalized phrases. Takes a field's words and gazetteer matches (`Field`); gives the
//! maximal runs of capitalized words joined by connectors ("Bank of Montreal"), and cuts
//! each into parts that the rule families classify in turn (`classify`). Shaped around one
//! `Field` a paragraph, slices of lists shared by all of an article's fields, so that an
//! article costs a few allocations, not a few a paragraph.

use std::ops::Range;

use super::Candidate;
use super::connectors::{is_connector, is_connector_at};
use super::gazetteer::{Entry, Gazetteer, Lookup};
use super::teams::TeamSport;
use super::{events, organizations, people, russian, teams};
use crate::text::span::{ceil_char_boundary, floor_char_boundary};
use crate::text::tokens::{self, Tok, is_capitalized, is_gap, is_letter};
use crate::text::wordlist::ATTRIBUTIVE_SUFFIXES;

/// How much of a field to trust its capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Body text: capitals mark names.
    Full,
    /// A Title Case headline: only gazetteer entries and known short forms.
    KnownOnly,
    /// An ALL CAPS headline: nothing.
    Skip,
}

/// How the capitals of a headline can be read.
pub(crate) fn headline_mode(headline: &str) -> Mode {
    if !headline.chars().any(char::is_lowercase) {
        return Mode::Skip;
    }
    // Words of four letters or more, and how many of them are capitalized.
    let (mut long, mut capitalized) = (0usize, 0usize);
    for w in headline.split_whitespace() {
        if w.chars().filter(|&c| is_letter(c)).take(4).count() == 4 {
            long += 1;
            capitalized += usize::from(w.starts_with(char::is_uppercase));
        }
    }
    if long >= 3 && capitalized * 5 >= long * 4 {
        Mode::KnownOnly
    } else {
        Mode::Full
    }
}

/// The words of `text[range]` onto `toks`, and the gazetteer's matches in `table` onto
/// `gaz`: each run of letters and digits is a word the table may have phrases under (see
/// `Gazetteer::find`), and the search goes on after a match.
pub(super) fn scan(
    g: &Gazetteer,
    text: &str,
    range: Range<usize>,
    table: Lookup,
    toks: &mut Vec<Tok>,
    gaz: &mut Vec<(usize, usize, Entry)>,
) {
    let field = &text[range.clone()];
    // No match starts before the end of the last one.
    let mut resume = 0;
    // Called for every run of letters; most are turned away by `may_start`, inline (the
    // compiler left this closure out of line once the user's tables were asked too: 2.5%
    // more instructions in a batch).
    #[rustfmt::skip]
    tokens::scan(text, range.clone(), toks, is_connector_at, #[inline(always)] |start, end| {
        if start >= resume
            && table.may_start(field, start, end)
            && let Some((to, entry)) = g.match_at(field, start, end, table)
        {
            gaz.push((range.start + start, range.start + to, entry));
            resume = to;
        }
    });
}

/// "Geneva-based", "Kremlin-backed": a name turned into an adjective, not part of a name.
fn is_attributive(word: &str) -> bool {
    ATTRIBUTIVE_SUFFIXES.iter().any(|s| word.ends_with(s))
}

/// For each token, the match (both in text order, matches not overlapping) that covers it.
pub(super) fn cover(toks: &[Tok], gaz: &[(usize, usize, Entry)], out: &mut Vec<Option<u32>>) {
    let mut k = 0;
    out.extend(toks.iter().map(|t| {
        while k < gaz.len() && gaz[k].1 < t.end {
            k += 1;
        }
        (k < gaz.len() && gaz[k].0 <= t.start && t.end <= gaz[k].1).then_some(k as u32)
    }));
}

/// How far into a part a Russian given name is looked for: a name and the genitive name
/// before it, four words each.
const RUSSIAN_NAME_WORDS: usize = 8;

/// Maximal runs of capitalized words, joined by whitespace and inner connectors
/// ("Bank of Montreal"), and broken by a possessive or by punctuation.
pub(super) fn phrases<'t>(
    g: &'t Gazetteer,
    text: &'t str,
    toks: &'t [Tok],
) -> impl Iterator<Item = Range<usize>> + 't {
    let word = move |i: usize| &text[toks[i].start..toks[i].end];
    // A possessive ends a name, but for an organization's ("Cocoa Growers' Council").
    // Russian copy is not wrapped by hand: there a line ends a name ("Барак Обама" over
    // the caption "Бывший президент …").
    let joined = move |i: usize| {
        i + 1 < toks.len() && (!toks[i].possessive || g.org_heads.contains(word(i + 1))) && {
            let gap = &text[toks[i].end..toks[i + 1].start];
            gap.chars().all(is_gap) && !(gap.contains('\n') && russian::is_cyrillic(word(i + 1)))
        }
    };
    let is_capitalized = |w: &str| is_capitalized(w) && !is_attributive(w);
    // One phrase at a time, not a list of them: an article has a few dozen.
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < toks.len() && !is_capitalized(word(i)) {
            i += 1;
        }
        if i == toks.len() {
            return None;
        }
        let start = i;
        let mut end = i + 1;
        while joined(end - 1) {
            if is_capitalized(word(end)) {
                end += 1;
                continue;
            }
            // Connectors only inside a phrase: "Bank of Montreal", not "Montreal and".
            let mut k = end;
            while k < toks.len() && is_connector(word(k)) && joined(k) {
                k += 1;
            }
            if k > end && k < toks.len() && joined(k - 1) && is_capitalized(word(k)) {
                end = k + 1;
            } else {
                break;
            }
        }
        i = end;
        Some(start..end)
    })
}

/// One field's words and gazetteer matches: slices of lists shared by the fields of an
/// article, three allocations in all rather than three a paragraph.
pub(super) struct Field<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Tok],
    pub(super) gaz: &'a [(usize, usize, Entry)],
    /// For each token, the gazetteer match that covers it (an index into `gaz`).
    pub(super) tok_gaz: &'a [Option<u32>],
    pub(super) mode: Mode,
    /// Whether the article is a team-sport story, shared by its fields.
    pub(super) sport: &'a TeamSport,
}

impl<'a> Field<'a> {
    pub(super) fn team_sport(&self) -> bool {
        self.sport.get(self.text)
    }

    pub(super) fn word(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    pub(super) fn slice(&self, from: usize, to: usize) -> &str {
        &self.text[self.toks[from].start..self.toks[to - 1].end]
    }

    /// The gazetteer match that covers token `i` exactly or with its neighbours.
    pub(super) fn gaz_at(&self, i: usize) -> Option<(usize, usize, Entry)> {
        self.tok_gaz[i].map(|k| self.gaz[k as usize])
    }

    pub(super) fn is_title(&self, i: usize) -> Option<usize> {
        // The token index where a title starting at token `i` ends (exclusive).
        let (s, e, entry) = self.gaz_at(i)?;
        if entry != Entry::Title || s != self.toks[i].start {
            return None;
        }
        // Only the tokens inside the title: one that ends in a lowercase word ("deputy
        // head") has no token ending with it.
        (i..self.toks.len())
            .take_while(|&j| self.toks[j].start < e)
            .find(|&j| self.toks[j].end == e)
            .map(|j| j + 1)
    }

    pub(super) fn name_like(&self, g: &Gazetteer, i: usize) -> bool {
        let w = self.word(i);
        is_capitalized(w)
            && !g.stopwords.contains(w)
            && !g.org_heads.contains(w)
            && !g.event_heads.contains(w)
            // A user's person is a name still: a title before it is the person's.
            && self.gaz_at(i).is_none_or(|(_, _, e)| matches!(e, Entry::Person(_)))
            && w.chars().any(char::is_lowercase)
    }

    /// Whether the token starting at byte `start` directly follows a capitalized word that
    /// no gazetteer knows ("Patriot" in "Patriot Congress").
    pub(super) fn follows_name(&self, g: &Gazetteer, start: usize) -> bool {
        let i = self.toks.partition_point(|t| t.start < start);
        if self.toks.get(i).is_none_or(|t| t.start != start) {
            return false;
        }
        i > 0
            && !self.toks[i - 1].possessive
            && self.text[self.toks[i - 1].end..start].chars().all(is_gap)
            && self.name_like(g, i - 1)
    }

    /// The text just before token `i` and just after token `j - 1`.
    pub(super) fn before(&self, i: usize) -> &'a str {
        let from = floor_char_boundary(self.text, self.toks[i].start.saturating_sub(40));
        &self.text[from..self.toks[i].start]
    }

    pub(super) fn after(&self, j: usize) -> &'a str {
        let from = self.toks[j - 1].end;
        let to = ceil_char_boundary(self.text, from + 60);
        &self.text[from..to]
    }
}

/// What is known to be absent from a range of tokens: a search over a longer range with
/// the same end found no title that makes a person, or no organization's head word.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Absent {
    pub(super) titles: bool,
    pub(super) org_heads: bool,
}

/// The parts of a phrase left to classify, the one to do next last.
pub(super) type Todo = Vec<(Range<usize>, Absent)>;

/// Candidates from one capitalized phrase, tokens `range` of `field`. What a rule leaves of
/// the phrase before and after its find is classified in turn, the part before first; a
/// list of parts to do, not recursion, so that a phrase of a million words costs no stack,
/// and what a part is known to lack is not searched for again.
pub(super) fn classify(
    g: &Gazetteer,
    f: &Field,
    range: Range<usize>,
    out: &mut Vec<Candidate>,
    todo: &mut Todo,
) {
    todo.push((range, Absent::default()));
    while let Some((range, absent)) = todo.pop() {
        classify_part(g, f, range, absent, out, todo);
    }
}

/// `classify` for one part; the parts left go on `todo`, the one to do next last. The
/// rule families in turn, each a function of its own file; the first that finds a name
/// in the part classifies it.
fn classify_part(
    g: &Gazetteer,
    f: &Field,
    range: Range<usize>,
    absent: Absent,
    out: &mut Vec<Candidate>,
    todo: &mut Todo,
) {
    let (mut a, b) = (range.start, range.end);
    while a < b && (g.stopwords.contains(f.word(a)) || !is_capitalized(f.word(a))) {
        a += 1;
    }
    if a >= b {
        return;
    }
    // Russian strings names in the genitive one after another ("пресс-секретарь Билла
    // Клинтона Джо Локхарт"): a Russian given name inside a part opens a name of its own.
    // Looked for among the first words only, as a name is a few: a part is classified
    // again as its words are taken, and a scan of all of it each time would cost the
    // square of a long run's length.
    // (A Latin-script part strings no Russian names: its first byte says so.)
    let cyrillic = russian::is_cyrillic(f.word(a));
    // Not a second given name ("Реджеп Тайип Эрдоган").
    let near = || {
        (a + 1..b.min(a + RUSSIAN_NAME_WORDS))
            .find(|&k| russian::is_given_name(f.word(k)) && !russian::is_given_name(f.word(k - 1)))
    };
    if let Some(k) = cyrillic.then(near).flatten() {
        todo.push((k..b, absent));
        todo.push((a..k, absent));
        return;
    }
    if !absent.titles && people::by_title(g, f, (a, b), absent, out, todo) {
        return;
    }
    if !absent.org_heads && organizations::by_head(g, f, (a, b), out, todo) {
        return;
    }
    if events::by_head(g, f, (a, b), out, todo) {
        return;
    }
    events::exercises(f, (a, b), out);
    if organizations::by_noun(f, (a, b), out) {
        return;
    }
    if people::by_split(g, f, (a, b), out, todo) {
        return;
    }
    if people::by_context(g, f, (a, b), out) {
        return;
    }
    teams::by_context(g, f, (a, b), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributive_words_by_their_suffix_alone() {
        for word in ["Geneva-based", "Kremlin-backed", "state-run", "U.S.-led"] {
            assert!(is_attributive(word), "{word}");
        }
        for word in [
            "Geneva",
            "Abu-Dhabi",
            "Zapad-2017",
            "X-",
            "based",
            "Ledbased",
            "",
        ] {
            assert!(!is_attributive(word), "{word}");
        }
    }

    #[test]
    fn headline_capitals() {
        assert_eq!(headline_mode("GELCO SEES FLAT 1987 NET"), Mode::Skip);
        assert_eq!(
            headline_mode("Senate Panel Advances Bill to Expand Rural Broadband Grants"),
            Mode::KnownOnly
        );
        assert_eq!(
            headline_mode("Russia set to boost military cooperation — Shoigu"),
            Mode::Full
        );
    }
}
