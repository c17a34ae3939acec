//! People: what marks a run of capitalized words as a person's name besides a title before
//! it: a reporting verb or an apposition around it (`speaks`), a role word, an initial.
//! Takes a `Field` and token positions; gives yes or no.

use super::connectors::is_connector;
use super::countries;
use super::gazetteer::Gazetteer;
use super::phrases::{Absent, Field, Todo};
use super::{Candidate, Kind, Name};
use super::{russian, russian_phrases};
use crate::layout::calendar::{MONTHS, WEEKDAYS};
use crate::text::span::floor_char_boundary;
use crate::text::tokens::{is_capitalized, is_gap, is_word_char};
use crate::text::wordlist::{
    KIN_WORDS, NAME_PARTICLES, NAME_PREPOSITIONS, ORG_NOUNS, ROLE_WORDS, RU_CUE_VERBS,
    TITLE_MODIFIERS,
};

pub(super) fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

/// A lowercase particle of a surname: "von der Leyen", "de Silva".
pub(super) fn is_particle(word: &str) -> bool {
    NAME_PARTICLES.contains(word)
}

/// Where the name word at token `i` ends: a capitalized word, or the particles before one
/// ("von der Leyen"); none where neither starts at `i` (the phrase ends at `b`).
fn name_word_end(g: &Gazetteer, f: &Field, i: usize, b: usize) -> Option<usize> {
    let mut j = i;
    while j < b && is_particle(f.word(j)) {
        j += 1;
    }
    (j < b && f.name_like(g, j)).then_some(j + 1)
}

/// Whether `a..b` is a name of two or three words, particles aside ("Aravinda de Silva").
fn is_plain_name(g: &Gazetteer, f: &Field, a: usize, b: usize) -> bool {
    if a >= b || !f.name_like(g, a) {
        return false;
    }
    let (mut i, mut words) = (a + 1, 1);
    while i < b {
        let Some(next) = name_word_end(g, f, i, b) else {
            return false;
        };
        i = next;
        words += 1;
    }
    (2..=3).contains(&words)
}

/// A person named by the tokens `a..b`, found by context.
fn person(f: &Field, a: usize, b: usize, title: Option<(String, Option<usize>)>) -> Candidate {
    // A person's key is the name, one string for both: as written, or a Russian name put in
    // the nominative ("Сергея Левченко" is Сергей Левченко).
    let written = f.slice(a, b);
    let name = Name::from(russian::nominative(written).as_deref().unwrap_or(written));
    let (title, country) = title.map_or((None, None), |(t, c)| (Some(t.into()), c));
    Candidate {
        start: f.toks[a].start,
        end: f.toks[b - 1].end,
        kind: Kind::person(name.clone(), name, title, country),
        priority: 1,
    }
}

/// "Nasser Hussain and Peter Such", "John Casesa of Wertheim Bank": a phrase no rule took
/// whole is cut at its first "and" or "of", and each side classified alone. Two names
/// joined by "and" are both people when one of them opens with a given name.
pub(super) fn by_split(
    g: &Gazetteer,
    f: &Field,
    (a, b): (usize, usize),
    out: &mut Vec<Candidate>,
    todo: &mut Todo,
) -> bool {
    // "Mick Ardle on Friday": a date after "on" is no part of a name.
    let dated = |i: usize| {
        i + 1 < b && f.word(i) == "on" && {
            let next = f.word(i + 1);
            WEEKDAYS.contains(&next) || MONTHS.contains(&next)
        }
    };
    let Some(k) = (a + 1..b).find(|&i| matches!(f.word(i), "and" | "of") || dated(i)) else {
        return false;
    };
    // "of the Bank": the connectors after the cut belong to neither side.
    let mut right = k + 1;
    while right < b && !is_capitalized(f.word(right)) {
        right += 1;
    }
    if f.word(k) == "and"
        && right == k + 1
        && is_plain_name(g, f, a, k)
        && is_plain_name(g, f, right, b)
        && (g.is_given_name(f.word(a)) || g.is_given_name(f.word(right)))
    {
        out.push(person(f, a, k, None));
        out.push(person(f, right, b, None));
        return true;
    }
    todo.push((right..b, Absent::default()));
    todo.push((a..k, Absent::default()));
    true
}

/// Whether `gap`, the text between two items of a list, is a list's separator: a comma or
/// semicolon, after a bracketed note ("(captain), ") or before a shirt number (", 14 - ").
fn is_list_gap(gap: &str) -> bool {
    let mut gap = gap.trim_start();
    if let Some(note) = gap.strip_prefix('(') {
        let Some(k) = note.find(')') else {
            return false;
        };
        gap = note[k + 1..].trim_start();
    }
    gap.strip_prefix([',', ';']).is_some_and(|rest| {
        rest.chars()
            .all(|c| c.is_whitespace() || c.is_ascii_digit() || c == '-')
    })
}

fn is_number(f: &Field, i: usize) -> bool {
    f.word(i).bytes().all(|c| c.is_ascii_digit())
}

/// Whether token `i`, a neighbour of token `of` in either direction, goes on its name: a
/// name word or a particle, with only a space between them.
fn adjacent(g: &Gazetteer, f: &Field, i: usize, of: usize) -> bool {
    let (x, y) = (i.min(of), i.max(of));
    f.text[f.toks[x].end..f.toks[y].start].chars().all(is_gap)
        && (f.name_like(g, i) || is_particle(f.word(i)))
}

/// Whether a neighbour of the name `a..b` in a list ("Mike Atherton, Nick Knight, Alec
/// Stewart") is a name that opens with a given name, and the list goes on or ends on the
/// other side: then this one is a person's too. "In St Louis, Tom Pagnozzi" is no list.
fn in_list_of_people(g: &Gazetteer, f: &Field, a: usize, b: usize) -> bool {
    let known = |x: usize, y: usize| g.is_given_name(f.word(x)) && is_plain_name(g, f, x, y);
    let n = f.toks.len();
    // The item before: back over shirt numbers, then over the words of its name.
    let mut j = a;
    while j > 0 && is_number(f, j - 1) {
        j -= 1;
    }
    let gap_before = &f.text[if j > 0 { f.toks[j - 1].end } else { 0 }..f.toks[a].start];
    let list_before = j > 0 && is_list_gap(gap_before);
    // The item after: past shirt numbers.
    let mut e = b;
    while e < n && is_number(f, e) {
        e += 1;
    }
    let gap_after = &f.text[f.toks[b - 1].end..if e < n { f.toks[e].start } else { f.text.len() }];
    let list_after = e < n && is_list_gap(gap_after);
    // A list opens after a colon or a dash ("England: …", "Sri Lanka - …") and closes with
    // a full stop or "and".
    let opens = list_before || j == 0 || gap_before.trim_end().ends_with([':', '-']);
    let closes =
        list_after || gap_after.trim_start().starts_with('.') || e < n && f.word(e) == "and";
    if list_before && closes {
        let mut k = j - 1;
        while k > 0 && adjacent(g, f, k - 1, k) {
            k -= 1;
        }
        if known(k, j) {
            return true;
        }
    }
    if list_after && opens {
        let mut y = e + 1;
        while y < n && adjacent(g, f, y, y - 1) {
            y += 1;
        }
        return known(e, y);
    }
    false
}

/// Whether the words `a..b` stand where a speaker does: before or after a reporting verb,
/// after "according to", or before an apposition (", the head of …").
pub(super) fn speaks(g: &Gazetteer, f: &Field, a: usize, b: usize) -> bool {
    // "chief executive of Skyway Air, said": what a person is "of" is no person.
    let before = f.before(a).trim_end();
    if [" of", " for", " at"].iter().any(|p| before.ends_with(p)) {
        return false;
    }
    let after = f.after(b);
    let next_word = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if after.starts_with(char::is_whitespace) && g.speech_verbs.contains(next_word) {
        return true;
    }
    if let Some(rest) = after.strip_prefix(", ") {
        let first = rest.split_whitespace().next().unwrap_or("");
        // ", the head of …", ", Canadian secretary of state": a role within four words.
        let role = rest
            .split_whitespace()
            .take(4)
            .take_while(|w| !w.ends_with(','))
            .any(|w| ROLE_WORDS.contains(w.trim_matches(|c: char| !c.is_alphabetic())));
        // A role after a name is written in lowercase; a capitalized one ("…, Russian
        // Ambassador Viktor Koronelli") is the title of the next name.
        if role || first == "who" || g.speech_verbs.contains(first) {
            return true;
        }
    }
    // "Marshall Goldman of Harvard University".
    if after.strip_prefix(" of ").is_some_and(|rest| {
        rest.trim_start_matches("the ")
            .starts_with(char::is_uppercase)
    }) {
        return true;
    }
    let last = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    g.speech_verbs.contains(last) && !before.ends_with(',')
        || before.ends_with("according to")
        || before.ends_with("According to")
        || ROLE_WORDS.contains(last)
}

/// Whether token `a` follows a lowercase role word and a single space ("striker X").
fn after_lowercase_role(f: &Field, a: usize) -> bool {
    let before = f.before(a);
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let word = &rest[rest.rfind(' ').map_or(0, |k| k + 1)..];
    word.starts_with(|c: char| c.is_ascii_lowercase()) && ROLE_WORDS.contains(word)
        || word.starts_with(char::is_lowercase) && russian::is_person_noun(word)
}

/// A title written in lowercase right before the name at token `a`: a role word that is no
/// kin word ("spokeswoman", "aide"), after up to four words that say whose role it is:
/// organization nouns, role words, the words of title-modifiers.txt and capitalized names
/// ("Russian foreign ministry spokeswoman", "Kremlin aide", "U.S. Embassy spokesman");
/// with the country one of them names.
fn lowercase_title(g: &Gazetteer, f: &Field, a: usize) -> Option<(String, Option<usize>)> {
    if russian::is_cyrillic(f.word(a)) {
        return russian_title(f, a);
    }
    let before = f.before(a).strip_suffix(' ')?;
    let mut words = before.rsplit(' ');
    let role = words.next()?;
    if !role.starts_with(|c: char| c.is_ascii_lowercase())
        || !ROLE_WORDS.contains(role)
        || KIN_WORDS.contains(role)
    {
        return None;
    }
    let whose = |w: &str| {
        ROLE_WORDS.contains(w) && !KIN_WORDS.contains(w)
            || TITLE_MODIFIERS.contains(w)
            || ORG_NOUNS.iter().any(|(noun, _)| *noun == w)
            || is_capitalized(w)
                && !g.stopwords.contains(w)
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
    };
    let mut start = before.len() - role.len();
    for w in words.take(4).take_while(|w| whose(w)) {
        start -= w.len() + 1;
    }
    let offset = f.toks[a].start - f.before(a).len();
    let title = &before[start..];
    // The country of a capitalized word of the title ("Russian foreign ministry …").
    let first = f.toks.partition_point(|t| t.start < offset + start);
    Some((title.to_owned(), countries::in_title(f, first..a)))
}

/// How many words a Russian title runs to, its role noun included ("министром иностранных
/// дел Российской Федерации").
const RUSSIAN_TITLE_WORDS: usize = 6;

/// The Russian title right before the name at token `a`, as written: a role noun in any
/// case, then the lowercase words and names of whose role it is ("посол США", "министром
/// иностранных дел России", "Губернатор Иркутской области"), with the country it names.
fn russian_title(f: &Field, a: usize) -> Option<(String, Option<usize>)> {
    let end = f.toks[a].start;
    let from = floor_char_boundary(f.text, end.saturating_sub(RUSSIAN_TITLE_WORDS * 24));
    let before = f.text[from..end].strip_suffix(' ')?;
    // Words back from the name, separated by single spaces, with no mark between them; the
    // title opens at the nearest role noun, or at one right before that ("Пресс-секретарь
    // президента РФ"), not across other words ("Журналист встретился с губернатором").
    let (mut start, mut title) = (before.len(), None);
    for word in before.rsplit(' ').take(RUSSIAN_TITLE_WORDS) {
        if word.is_empty() || !word.ends_with(is_word_char) || !russian::is_cyrillic(word) {
            break;
        }
        start -= word.len();
        if russian::is_person_noun(word) {
            title = Some(start);
        } else if title.is_some() {
            break;
        }
        let Some(space) = start.checked_sub(1) else {
            break;
        };
        start = space;
    }
    let start = title?;
    let first = f.toks.partition_point(|t| t.start < from + start);
    Some((before[start..].to_owned(), countries::in_title(f, first..a)))
}

/// A role noun of an apposition or before a name ("economist Alain Marais"), in any case.
pub(super) fn is_role_word(word: &str) -> bool {
    if russian::is_cyrillic(word) {
        return russian::is_person_noun(word);
    }
    ROLE_WORDS.contains_lowercased(word)
}

/// "Minister of Electricity and Renewable Energy Mohamed Shaker": where the portfolio that
/// follows a title ending at `title_end` ends, at a given name that opens the person's name.
fn portfolio_end(g: &Gazetteer, f: &Field, title_end: usize, b: usize) -> Option<usize> {
    if !NAME_PREPOSITIONS.contains(f.word(title_end)) {
        return None;
    }
    // The portfolio's words: capitalized, or "and", "the" and "of" between them.
    for i in title_end + 1..b.min(title_end + 10) {
        let word = f.word(i);
        if i > title_end + 1 && i + 1 < b && g.is_given_name(word) && f.name_like(g, i + 1) {
            return Some(i);
        }
        if !is_capitalized(word) && !matches!(word, "and" | "the" | "of") {
            return None;
        }
    }
    None
}

/// A title and the name after it: "Russian Defense Minister Sergey Shoigu". Whether the
/// part `a..b` was one; what it leaves goes on `todo`.
pub(super) fn by_title(
    g: &Gazetteer,
    f: &Field,
    (a, b): (usize, usize),
    absent: Absent,
    out: &mut Vec<Candidate>,
    todo: &mut Todo,
) -> bool {
    for t in a..b {
        let Some(title_end) = f.is_title(t) else {
            continue;
        };
        if title_end >= b || f.toks[title_end - 1].possessive {
            continue;
        }
        let title_end = portfolio_end(g, f, title_end, b).unwrap_or(title_end);
        let (mut name_end, mut words) = (title_end, 0);
        while name_end < b && words < 4 {
            // "President Ursula von der Leyen": particles only after the first word.
            let next = if words == 0 {
                f.name_like(g, name_end).then_some(name_end + 1)
            } else {
                name_word_end(g, f, name_end, b)
            };
            let Some(next) = next else {
                break;
            };
            name_end = next;
            words += 1;
            if f.toks[name_end - 1].possessive {
                break;
            }
        }
        // "General Sales Manager Melvin Sims": the title runs to the last role word.
        let mut title_end = title_end;
        if let Some(role) = (title_end..name_end)
            .rev()
            .find(|&i| is_role_word(f.word(i)))
            && role + 1 < name_end
        {
            title_end = role + 1;
        }
        // "General Agreement on Tariffs and Trade": a name that goes on with "on", "of" or
        // "for" is no person's ("and" may join two people).
        if name_end == title_end || name_end < b && NAME_PREPOSITIONS.contains(f.word(name_end)) {
            continue;
        }
        let written = f.slice(title_end, name_end);
        let name = Name::from(russian::nominative(written).as_deref().unwrap_or(written));
        let country = countries::in_title(f, a..title_end);
        out.push(Candidate {
            start: f.toks[title_end].start,
            end: f.toks[name_end - 1].end,
            kind: Kind::person(
                name.clone(),
                name,
                Some(f.slice(a, title_end).into()),
                country,
            ),
            priority: 4,
        });
        if name_end < b {
            todo.push((name_end..b, absent));
        }
        // "Reserve Bank Governor Spencer Russell": the title may begin with a name.
        if t > a {
            todo.push((a..t, Absent::default()));
        }
        return true;
    }

    false
}

/// Whether `a..b` (`n` words) reads as a Russian name by its capitals alone. Russian
/// capitalizes only the first word of a body's or an event's name ("Центральный военный
/// округ"), so two or three capitalized Cyrillic words in mid-sentence that no gazetteer
/// knows name a person ("сообщил Мэтт Хэнкок") — unless the first is shaped as an
/// adjective, as a place's name opens ("Нижний Новгород"). At a sentence's start the
/// first word is capitalized anyway, so there other signs are needed.
fn russian_name_shape(f: &Field, a: usize, b: usize, n: usize) -> bool {
    // "в Усть-Куте Иркутской области": an adjective before a place noun ends no name.
    let next = next_word(f, b);
    (2..=3).contains(&n)
        && mid_sentence(f, a)
        && (a..b).all(|i| russian::is_cyrillic_name_word(f.word(i)))
        && !russian::is_adjective_form(f.word(a), f.word(a + 1))
        && !(russian::is_adjective_form(f.word(b - 1), next) && russian::is_place_noun(next))
        // "в Республике Коми", "Института Пушкина": a place's or a body's noun opens it.
        && !russian::is_place_noun(f.word(a))
        && !russian_phrases::is_head(f.word(a))
}

/// Whether token `a` stands in mid-sentence, where a Russian capital marks a name: after a
/// word, a comma or the like, a closing quote («Маска» Алена Рене) or a dash inside a line
/// ("Его супруга — Анна Рене"), not a dialogue's at a line's start.
fn mid_sentence(f: &Field, a: usize) -> bool {
    let before = f.before(a).trim_end();
    before.ends_with(|c: char| is_word_char(c) || matches!(c, ',' | ';' | ':' | ')' | '»'))
        || before
            .strip_suffix(['—', '–'])
            .is_some_and(|rest| rest.ends_with(|c: char| c != '\n' && c.is_whitespace()))
}

/// Whether the one capitalized Cyrillic word at token `a`, in mid-sentence, is a person's
/// name by what Russian copy puts around it: a given name alone ("сказал Андрей"); an age
/// before it ("83-летний Акихито"); a reporting verb after a dash ("— сказал Буффье"); a
/// role noun with the country or body it serves between ("Император Японии Акихито").
fn russian_one_word_name(g: &Gazetteer, f: &Field, a: usize) -> bool {
    let word = f.word(a);
    if !russian::is_cyrillic_name_word(word) || !mid_sentence(f, a) {
        return false;
    }
    if g.is_given_name(word) {
        return true;
    }
    let before = f.before(a);
    let mut words = before.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    let age = last.split_once('-').is_some_and(|(n, rest)| {
        n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty() && rest.starts_with("летн")
    });
    let dash_cue =
        RU_CUE_VERBS.contains(last) && words.next().is_some_and(|w| matches!(w, "—" | "–" | "-"));
    age || dash_cue || served_role(before)
}

/// Whether `before` ends with a Russian role noun and then one or two capitalized words,
/// the country or the body the role serves ("Император Японии", "глава МИД").
fn served_role(before: &str) -> bool {
    for (k, w) in before.split_whitespace().rev().take(3).enumerate() {
        if k > 0 && russian::is_person_noun(w) {
            return true;
        }
        // Capitalized, and no mark between them ("рэпера Jay Z: Он" is no title).
        if !w.starts_with(char::is_uppercase) || !w.ends_with(is_word_char) {
            return false;
        }
    }
    false
}

/// The word after token `b - 1`, lowercase too, without the marks after it.
fn next_word<'a>(f: &Field<'a>, b: usize) -> &'a str {
    let after = f.after(b).trim_start();
    let end = after
        .find(|c: char| !is_word_char(c) && c != '-')
        .unwrap_or(after.len());
    &after[..end]
}

/// "А. Илюшкиным", "В. В. Путина": Cyrillic initials, each a letter and a period, and a
/// surname.
fn russian_initials(f: &Field, a: usize, b: usize) -> bool {
    let initial = |w: &str| is_initial(w) && w.starts_with(|c: char| ('А'..='Я').contains(&c));
    let k = (a..b).find(|&i| !initial(f.word(i))).unwrap_or(b);
    k > a && k + 1 == b && russian::is_cyrillic_name_word(f.word(k))
}

/// A two-to-four-word name, where its first word is a given name or where a reporting
/// verb or an apposition says it is a person. Whether the part `a..b` was one.
pub(super) fn by_context(
    g: &Gazetteer,
    f: &Field,
    (mut a, b): (usize, usize),
    out: &mut Vec<Candidate>,
) -> bool {
    // "университет имени Дмитрия Рогачева": a name after "имени" is a body's, no person.
    let before = f.before(a).trim_end();
    if before.ends_with(" имени") || before.ends_with(" им.") {
        return false;
    }
    // "Ambassador to Havana Viktor Koronelli": a title and the place it is "to" first.
    let mut title = None;
    if b - a >= 3
        && let Some(place) = countries::leading_place(g, f, a)
    {
        title = place;
        a += 1;
    }
    // "CNPF Francois Perigot": an acronym or known name before a person's name.
    while b - a > 2 && !f.name_like(g, a) {
        a += 1;
    }
    // "Sales Manager Melvin Sims": a role written before the name is no part of it.
    let mut after_role = false;
    // A Russian one may stand before a single name ("Император Акихито").
    if let Some(role) = (a..b).rev().find(|&i| is_role_word(f.word(i)))
        && (b - role > 2 || b - role == 2 && russian::is_person_noun(f.word(role)))
    {
        a = role + 1;
        // "Coach Berti Vogts": the role says the name is a person's.
        after_role = true;
        // "Император Японии Акихито": a Russian role, then the country it serves.
        while russian::is_person_noun(f.word(role)) && b - a > 1 && !f.name_like(g, a) {
            a += 1;
        }
    }
    if russian_initials(f, a, b) {
        out.push(person(f, a, b, None));
        return true;
    }
    let n = (a..b).filter(|&i| !is_particle(f.word(i))).count();
    // "midfielder Donato", "his sister Lisa": one word after a lowercase role.
    // Not one cut from a longer phrase ("dealer Gill and Duffus").
    let cut = b < f.toks.len() && is_connector(f.word(b)) && !f.after(b).starts_with(',');
    // "губернатора Иркутской области": a region's adjective after a role is no name, nor
    // the place in the genitive that a role serves ("житель Калифорнии", "чемпион Европы").
    // ("депутат Слуцкий" is a name: the adjective's noun must follow.)
    let adjective = || {
        let (word, next) = (f.word(a), next_word(f, b));
        russian::is_adjective_form(word, next)
            && (russian::is_place_noun(next) || russian_phrases::is_head(next))
            || russian::is_place_genitive(word) && !g.is_given_name(word)
    };
    if n == 1
        && !cut
        && f.name_like(g, a)
        && !adjective()
        && (after_role
            || after_lowercase_role(f, a)
            || russian::is_initialed_surname(f.word(a))
            || russian_one_word_name(g, f, a))
    {
        out.push(person(f, a, b, lowercase_title(g, f, a)));
        return true;
    }
    if (2..=4).contains(&n)
        && (a..b).all(|i| {
            f.name_like(g, i)
                || i > a && i + 1 < b && is_initial(f.word(i))
                // "Aravinda de Silva": a particle between two name words.
                || i > a && i + 1 < b && is_particle(f.word(i))
                // "John Holland", "Kevin Jordan": after a given name, a country's name is a surname.
                || i > a
                    && g.is_given_name(f.word(a))
                    && countries::is_country_name(f, i)
        })
        && (after_role
            || g.is_given_name(f.word(a))
            || speaks(g, f, a, b)
            || in_list_of_people(g, f, a, b)
            || russian_name_shape(f, a, b, n))
    {
        let title = title.or_else(|| lowercase_title(g, f, a));
        out.push(person(f, a, b, title));
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::tests::entities;

    /// The names of the people found in `text`.
    fn people(text: &str) -> Vec<String> {
        entities(text)
            .people
            .iter()
            .map(|p| p.name.to_string())
            .collect()
    }

    #[test]
    fn particles_stay_inside_a_name() {
        assert_eq!(
            people("Commission President Ursula von der Leyen arrived."),
            ["Ursula von der Leyen"]
        );
        assert_eq!(
            people("Prices rose, said Aravinda de Silva."),
            ["Aravinda de Silva"]
        );
        assert_eq!(
            people("A save by keeper Ruben del Prado."),
            ["Ruben del Prado"]
        );
        // A particle never ends a name, nor starts one.
        assert!(people("He flew to Rio de Janeiro on Monday.").is_empty());
    }

    #[test]
    fn two_names_joined_by_and_are_cut_apart() {
        assert_eq!(
            people("The visit of Peter Vollmar and Tasso Brandauer ended."),
            ["Peter Vollmar", "Tasso Brandauer"]
        );
        assert_eq!(
            people("\"Fine,\" said Martin Oakes of Brindle Freight."),
            ["Martin Oakes"]
        );
        // No name on either side: nobody.
        assert!(people("Sales at Harbour Works and Delta Mills fell.").is_empty());
    }

    #[test]
    fn a_party_member_or_a_hyphenated_rank_is_a_title() {
        assert_eq!(
            people("Democrat Walter Kelm met Lieutenant-Colonel Max Brill."),
            ["Walter Kelm", "Max Brill"]
        );
    }

    #[test]
    fn a_title_in_lowercase_before_a_name() {
        let e = entities(
            "Russian foreign ministry spokeswoman Maria Kelm, Kremlin aide Yury Brill and his sister Anna Tarvik spoke.",
        );
        let people: Vec<(&str, Vec<&str>, Option<&str>)> = e
            .people
            .iter()
            .map(|p| {
                let titles = p.titles.iter().map(String::as_str).collect();
                (p.name.as_str(), titles, p.country.as_deref())
            })
            .collect();
        assert_eq!(
            people,
            [
                (
                    "Maria Kelm",
                    vec!["Russian foreign ministry spokeswoman"],
                    Some("RU")
                ),
                ("Yury Brill", vec!["Kremlin aide"], None),
                // A kin word is no title.
                ("Anna Tarvik", vec![], None)
            ]
        );
    }

    #[test]
    fn a_title_with_its_portfolio_before_a_name() {
        let e = entities(
            "Tarvian Minister of Electricity and Renewable Energy Mohamed Kelmar and the Chancellor of the Exchequer Nigel Brill met.",
        );
        let people: Vec<(&str, &str)> = e
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.titles[0].as_str()))
            .collect();
        assert_eq!(
            people,
            [
                (
                    "Mohamed Kelmar",
                    "Tarvian Minister of Electricity and Renewable Energy"
                ),
                ("Nigel Brill", "Chancellor of the Exchequer")
            ]
        );
        assert!(e.organizations.is_empty());
    }

    #[test]
    fn a_sports_position_or_a_kin_word_before_a_name() {
        assert_eq!(
            people("The club signed striker Oruno Dabeki."),
            ["Oruno Dabeki"]
        );
        assert_eq!(people("He thanked his sister Ilse Varga."), ["Ilse Varga"]);
        // No cue and no given name: nobody.
        assert!(people("The club signed Oruno Dabeki.").is_empty());
    }

    #[test]
    fn a_date_after_on_ends_a_name() {
        assert_eq!(
            people("The squad was named by Mick Ardle on Friday."),
            ["Mick Ardle"]
        );
        // "on" before anything but a date keeps the phrase whole: no person.
        assert!(people("He spoke at the Conference on Disarmament.").is_empty());
    }

    #[test]
    fn a_capitalized_role_before_a_name_marks_a_person() {
        assert_eq!(people("Then Coach Oruno Dabeki left."), ["Oruno Dabeki"]);
        assert!(people("Then Oruno Dabeki left.").is_empty());
    }

    #[test]
    fn one_word_after_a_lowercase_role() {
        assert_eq!(people("The goal came from midfielder Dabeki."), ["Dabeki"]);
        // Capitalized, or cut from a firm's name: no person.
        assert!(people("The goal came. Midfielder Dabeki ran.").is_empty());
        assert!(people("The dealer Brindle and Oakes said so.").is_empty());
    }

    #[test]
    fn names_in_a_list_beside_a_known_name() {
        assert_eq!(
            people("Squad: Oruno Dabeki (captain), Peter Vollmar, Tasso Brandauer."),
            ["Oruno Dabeki", "Peter Vollmar", "Tasso Brandauer"]
        );
        // An opening phrase before a name is no list.
        assert_eq!(
            people("In Port Arlen, Peter Vollmar scored twice."),
            ["Peter Vollmar"]
        );
    }

    #[test]
    fn russian_names_by_their_capitals() {
        // Two capitalized words in mid-sentence are a name, given name known or not.
        assert_eq!(
            people("Об этом сообщил Тобиас Варнхольм, а также Ринат Сабиров."),
            ["Тобиас Варнхольм", "Ринат Сабиров"]
        );
        // A line ends a name; an adjective opens a place's name; "имени" a body's.
        assert_eq!(
            people("Вчера в Нижнем Новгороде выступил Тобиас Варнхольм\nНовый сезон"),
            ["Тобиас Варнхольм"]
        );
        assert!(people("Он живет в Новой Каледонии и в Усть-Куте Иркутской области.").is_empty());
        assert!(people("Он учился в университете имени Ивана Петрова.").is_empty());
        assert!(people("Лагерь открыли в Республике Тарма и у Института Варнхольма.").is_empty());
    }

    #[test]
    fn one_russian_word_after_a_role_or_with_initials() {
        assert_eq!(
            people("Король Тобиас и певица Ларга, а В.Сабиров и Дж.Варнхольм ушли."),
            ["Тобиас", "Ларга", "В.Сабиров", "Дж.Варнхольм"]
        );
        // A region's adjective after a role is no name.
        assert!(people("Так считает губернатор Иркутской области.").is_empty());
        assert_eq!(
            people("Так считает депутат Варнхольмский."),
            ["Варнхольмский"]
        );
    }

    #[test]
    fn one_russian_word_by_what_stands_around_it() {
        assert_eq!(
            people(
                "Приехал 83-летний Варнхольм, — сказал Сабиров, — и с ним Андрей. \
                 Император Японии Кастеро уехал."
            ),
            ["Варнхольм", "Сабиров", "Андрей", "Кастеро"]
        );
        // A place after a verb, or a capital at a sentence's start, names no one.
        assert!(people("Он приехал в Таргино. Таргино встретило его.").is_empty());
    }

    #[test]
    fn russian_spaced_initials_and_two_given_names() {
        assert_eq!(
            people("Сценарий написан с А. Илюшкиным, а говорил Реджеп Тайип Варнхольм."),
            ["А. Илюшкиным", "Реджеп Тайип Варнхольм"]
        );
    }

    #[test]
    fn a_russian_title_before_a_name_in_any_case() {
        let e = entities(
            "Пресс-секретарь президента РФ Андрей Сабиров встретился с министром иностранных дел \
             Ларгонии Ринатом Варнхольмом и с ним посол США Джон Кастеро.",
        );
        let titles: Vec<(String, Vec<&str>, Option<&str>)> = e
            .people
            .iter()
            .map(|p| {
                let titles = p.titles.iter().map(String::as_str).collect();
                (p.name.to_string(), titles, p.country.as_deref())
            })
            .collect();
        assert_eq!(
            titles,
            [
                (
                    "Андрей Сабиров".to_owned(),
                    vec!["Пресс-секретарь президента РФ"],
                    Some("RU")
                ),
                (
                    "Ринат Варнхольм".to_owned(),
                    vec!["министром иностранных дел Ларгонии"],
                    None
                ),
                ("Джон Кастеро".to_owned(), vec!["посол США"], Some("US")),
            ]
        );
        // No title across other words.
        let e = entities("Журналист встретился с губернатором Андреем Сабировым.");
        assert_eq!(e.people[0].titles, ["губернатором"]);
    }
}
