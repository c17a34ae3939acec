//! Sports teams. In a team-sport story (two words of `team-sport-words.txt` or
//! `team-sports.txt` in it: "SOCCER", "innings", "striker"), a name that no other rule took is a club or a team where
//! its context says so, as sports copy writes it:
//! - a team noun before it: "first division side X", "title rivals X";
//! - a player or follower after it: "X striker Y", "X fans";
//! - a result verb or a match's preposition beside it: "X beat Y", "a victory over X";
//! - a plural verb after it, British usage for a club and never for a person: "X have";
//! - a score after it ("X 2-1"), a player's name after its possessive ("X's John Doe");
//! - "the" before a plural nickname: "the Texas Rangers", "the All Blacks".
//!
//! A cue before a list of names or after it ("title rivals X, Y and Z") holds for each of
//! them. The story is read for its words once, in one search for all of them, when its
//! first unclassified name comes. A team gives way to any other reading of its words (a
//! surname found elsewhere): its candidates have the lowest priority.

use std::cell::OnceCell;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use aho_corasick::packed::{Config, MatchKind, Searcher};

use super::Candidate;
use super::gazetteer::Gazetteer;
use super::organizations::organization;
use super::phrases::Field;
use crate::text::wordlist::{
    TEAM_MEMBERS, TEAM_NOUNS, TEAM_PLURAL_VERBS, TEAM_SPORT_WORDS, TEAM_SPORTS, TEAM_VERBS,
};

/// Whether an article is a team-sport story, read once when a rule first asks.
#[derive(Debug, Default)]
pub(super) struct TeamSport(OnceCell<bool>);

/// The words of team sports, searched for all at once: a story is read for them in a
/// fraction of the time its words take to look up one by one. The SIMD searcher where the
/// machine has one (it is cheap to build, so start-up stays as it was), else an automaton.
static SPORT_WORDS: LazyLock<(Option<Searcher>, Option<AhoCorasick>)> = LazyLock::new(|| {
    // The longest match at a place: "homered", not "homer" and a letter after it.
    let packed = Config::new()
        .match_kind(MatchKind::LeftmostLongest)
        .builder()
        .extend(sport_words())
        .build();
    match packed {
        Some(packed) => (Some(packed), None),
        None => {
            let automaton = AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(sport_words());
            (None, automaton.ok())
        }
    }
});

/// Where the words of team sports stand in `bytes`, as byte ranges.
fn sport_words_in(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let (packed, automaton) = &*SPORT_WORDS;
    let packed = packed
        .as_ref()
        .map(|s| s.find_iter(bytes).map(|m| (m.start(), m.end())));
    let automaton = automaton
        .as_ref()
        .map(|a| a.find_iter(bytes).map(|m| (m.start(), m.end())));
    packed
        .into_iter()
        .flatten()
        .chain(automaton.into_iter().flatten())
}

/// The words as the lists write them (lowercase), and the names of the sports capitalized
/// and in capitals too, as a headline or a slug writes them ("Football club …", "SOCCER -
/// …"): few enough patterns for the fastest search.
fn sport_words() -> Vec<String> {
    let capitalized = TEAM_SPORTS
        .iter()
        .map(|w| w[..1].to_ascii_uppercase() + &w[1..]);
    let upper = TEAM_SPORTS.iter().map(|w| w.to_ascii_uppercase());
    let lower = TEAM_SPORTS
        .iter()
        .chain(TEAM_SPORT_WORDS)
        .map(|w| w.to_string());
    lower.chain(capitalized).chain(upper).collect()
}

impl TeamSport {
    /// Whether `text`, the whole article, is a team-sport story: two of the words, each a
    /// whole word.
    pub(super) fn get(&self, text: &str) -> bool {
        *self.0.get_or_init(|| {
            let bytes = text.as_bytes();
            let inside = |i: Option<&u8>| i.is_some_and(|c| c.is_ascii_alphabetic() || *c == b'-');
            sport_words_in(bytes)
                .filter(|&(start, end)| {
                    let before = start.checked_sub(1).and_then(|k| bytes.get(k));
                    !inside(before) && !inside(bytes.get(end))
                })
                .nth(1)
                .is_some()
        })
    }
}

/// The priority of a team's candidates, the lowest: a team gives way to any other reading
/// of its words. Short forms read it to know a team.
pub(super) const PRIORITY: u8 = 0;

/// How far a list of names is followed, in words each way: a cue's reach, and a bound on
/// the work a name costs.
const LIST_REACH: usize = 12;

/// A club or team named by its context, the part `a..b` being a name of one to three words
/// that no other rule took. Whether it was one.
pub(super) fn by_context(
    g: &Gazetteer,
    f: &Field,
    (a, b): (usize, usize),
    out: &mut Vec<Candidate>,
) -> bool {
    // The story first: read once, it spares every other story the work below.
    if b - a > 3 || !f.team_sport() || !(a..b).all(|i| f.name_like(g, i)) {
        return false;
    }
    let (first, last) = list_ends(g, f, a, b);
    let cue = nickname(f, a, b) || cue_before(f, first) || cue_after(g, f, last);
    if !cue {
        return false;
    }
    let mut team = organization(f, a, b, None);
    team.priority = PRIORITY;
    out.push(team);
    true
}

/// The last word of `text`.
fn last_word(text: &str) -> &str {
    &text[text.rfind([' ', '\n']).map_or(0, |k| k + 1)..]
}

/// A team noun or a result verb before token `i` and a single space, "the" aside: "rivals
/// X", "beat the X".
fn cue_before(f: &Field, i: usize) -> bool {
    let Some(before) = f.before(i).strip_suffix(' ') else {
        return false;
    };
    let mut word = last_word(before);
    if word == "the" {
        word = before[..before.len() - 3]
            .strip_suffix(' ')
            .map_or("", last_word);
    }
    TEAM_NOUNS.contains(word) || TEAM_VERBS.contains(word)
}

/// After the name that ends at token `last`: a player or follower, a result verb, a
/// plural verb, a score, the apposition ", the club", or a possessive and a player's name.
fn cue_after(g: &Gazetteer, f: &Field, last: usize) -> bool {
    let after = f.after(last + 1);
    if f.toks[last].possessive {
        // "Everton's Duncan Ferguson".
        let rest = after
            .strip_prefix("'s ")
            .or_else(|| after.strip_prefix("’s "))
            .unwrap_or("");
        let next = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        return g.given_names.contains(next);
    }
    if let Some(rest) = after.strip_prefix(", the ") {
        return TEAM_NOUNS.contains(first_word(rest));
    }
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word = first_word(rest);
    // A plural verb after a plural noun says nothing: "Prices have risen".
    let plural_verb = || TEAM_PLURAL_VERBS.contains(word) && !f.word(last).ends_with('s');
    TEAM_MEMBERS.contains(word) || TEAM_VERBS.contains(word) || plural_verb() || is_score(rest)
}

/// The word that `text` starts with, hyphens kept ("all-rounder").
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphabetic() && c != '-')
        .unwrap_or(text.len());
    &text[..end]
}

/// "2-1 in the league": a score.
fn is_score(text: &str) -> bool {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let n = digits(text);
    (1..=3).contains(&n)
        && text[n..]
            .strip_prefix('-')
            .is_some_and(|rest| (1..=3).contains(&digits(rest)))
}

/// "the Texas Rangers", "the All Blacks": "the" before a name whose last word is a plural.
fn nickname(f: &Field, a: usize, b: usize) -> bool {
    let before = f.before(a).strip_suffix(' ').unwrap_or("");
    let the = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric));
    the && !f.toks[b - 1].possessive && is_plural(f.word(b - 1))
}

/// Whether a capitalized word looks like a plural nickname: "Rangers", "Mets".
pub(super) fn is_plural(word: &str) -> bool {
    // "Texas", "Kansas", "Paris", "Aarhus" are no plurals.
    word.len() >= 4
        && word.ends_with('s')
        && !["as", "is", "us", "ss"]
            .iter()
            .any(|end| word.ends_with(end))
        && word.is_ascii()
}

/// How a name word is joined to the name word before it.
#[derive(PartialEq)]
enum Join {
    Space,
    Comma,
    And,
}

/// The first and last tokens of the list of names that `a..b` stands in: names joined by
/// commas and a last "and" ("Essex, Derbyshire and Surrey"). Commas without "and" make
/// no list: "club X, Spanish-German businessman Y".
fn list_ends(g: &Gazetteer, f: &Field, a: usize, b: usize) -> (usize, usize) {
    let gap = |i: usize| &f.text[f.toks[i - 1].end..f.toks[i].start];
    // How name word `i` joins the name word before it, or the one before "and"; the
    // token before it, and how.
    let join = |i: usize| -> Option<(usize, Join)> {
        if i == 0 || i >= f.toks.len() {
            return None;
        }
        // The gap first: most tokens are no list's.
        let (before, how) = match gap(i) {
            " " if f.word(i - 1) == "and" => {
                (i >= 2 && gap(i - 1) == " ").then_some((i - 2, Join::And))?
            }
            " " => (i - 1, Join::Space),
            ", " => (i - 1, Join::Comma),
            _ => return None,
        };
        (f.name_like(g, i) && f.name_like(g, before)).then_some((before, how))
    };
    let (mut commas, mut ands) = (0, 0);
    let mut count = |how: Join| {
        commas += usize::from(how == Join::Comma);
        ands += usize::from(how == Join::And);
    };
    let mut first = a;
    while a - first < LIST_REACH
        && let Some((before, how)) = join(first)
    {
        count(how);
        first = before;
    }
    let mut last = b - 1;
    // The next name word joins `last` directly or through "and".
    let next = |last: usize| {
        [last + 1, last + 2]
            .into_iter()
            .find_map(|i| join(i).and_then(|(before, how)| (before == last).then_some((i, how))))
    };
    while last + 1 - b < LIST_REACH
        && let Some((after, how)) = next(last)
    {
        count(how);
        last = after;
    }
    if commas > 0 && ands == 0 {
        return (a, b - 1);
    }
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{entities, orgs};

    /// A team-sport story's opening sentence, so that the team rules apply.
    const SPORT: &str = "The striker scored twice in the first innings. ";

    /// The reference: the story's words one by one, as the searcher must find them.
    fn sport_words_by_word(text: &str) -> usize {
        let words: Vec<String> = super::sport_words();
        text.split(|c: char| !c.is_ascii_alphabetic() && c != '-')
            .filter(|w| words.iter().any(|s| s == w))
            .count()
    }

    #[test]
    fn the_searcher_finds_whole_words_as_a_word_by_word_reading_does() {
        for text in [
            "He homered twice in the innings; two homers, one inning.",
            "SOCCER - The strikers' wickets",
            "a non-striker and a striker-like batsmanship, a pitcher",
            "homerun innings-long wicket goalless",
            "",
            "Soccer and cricket and hockey",
            "Football club and the English Football League",
        ] {
            let expected = sport_words_by_word(text) >= 2;
            assert_eq!(super::TeamSport::default().get(text), expected, "{text:?}");
        }
    }

    #[test]
    fn team_nouns_players_and_results_name_teams() {
        assert_eq!(
            orgs(&format!(
                "{SPORT}The first division side Tarvik sacked its coach. Kelmar striker Oruno Dabeki scored as Brillton beat Nusaville 2-1."
            )),
            ["Tarvik", "Kelmar", "Brillton", "Nusaville"]
        );
    }

    #[test]
    fn a_plural_verb_a_score_and_a_possessive_name_teams() {
        assert_eq!(
            orgs(&format!(
                "{SPORT}Tarvik have lost three games. The defeat to Kelmar 2-1 hurt. Brillton's John Dabeki scored."
            )),
            ["Tarvik", "Kelmar", "Brillton"]
        );
    }

    #[test]
    fn a_cue_holds_for_a_whole_list_of_names() {
        assert_eq!(
            orgs(&format!(
                "{SPORT}Title rivals Tarvik, Kelmar and Brillton all won. The former Nusaville and Oruville skipper retired."
            )),
            ["Tarvik", "Kelmar", "Brillton", "Nusaville", "Oruville"]
        );
    }

    #[test]
    fn the_before_a_plural_nickname() {
        assert_eq!(
            orgs(&format!(
                "{SPORT}The Tarvik Rangers beat the Kelmar Hawks and the Brillbacks lost."
            )),
            ["Tarvik Rangers", "Kelmar Hawks", "Brillbacks"]
        );
    }

    #[test]
    fn a_team_is_named_by_its_city_its_nickname_and_the_singular() {
        let text = format!(
            "{SPORT}The Tarvik Rangers won. Tarvik scored first, the Rangers held on and a Ranger fan cheered."
        );
        let e = entities(&text);
        assert_eq!(e.organizations.len(), 1);
        let mentions: Vec<&str> = e.organizations[0].mentions.iter().map(|m| m.text).collect();
        assert_eq!(mentions, ["Tarvik Rangers", "Tarvik", "Rangers", "Ranger"]);
    }

    #[test]
    fn only_in_a_team_sport_story() {
        // The same sentences without a word of team sport: a tennis player beats another.
        assert!(orgs("Tarvik beat Kelmar 6-4 in the final. Brillton have said so.").is_empty());
    }

    #[test]
    fn a_person_or_a_known_name_is_no_team() {
        let text =
            format!("{SPORT}John Dabeki scored. Dabeki beat the keeper. England beat Tarvik.");
        let e = entities(&text);
        let people: Vec<&str> = e.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(people, ["John Dabeki"]);
        assert_eq!(e.people[0].mentions.len(), 2);
        let names: Vec<&str> = e.organizations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["Tarvik"]);
    }
}
