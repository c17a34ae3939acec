//! Organizations: what makes a phrase a company, a ministry or an agency besides its head
//! word, and the keys that join an organization's mentions. Takes a `Field` and token
//! positions; gives the pieces `phrases::classify` and the short forms ask for.

use super::gazetteer::{Entry, Gazetteer};
use super::people::speaks;
use super::phrases::{Absent, Field, Todo};
use super::{Candidate, Kind};
use crate::text::tokens::{is_capitalized, run_end};
use crate::text::wordlist::{
    COMPANY_CUES, COMPANY_POSSESSIONS, COMPANY_ROLES, COMPANY_SUFFIXES, GIVEN_NAMES, LEGAL_FORMS,
    LEGAL_PREFIXES, MEDIA_NOUNS, NAME_OPENERS, NAME_PREPOSITIONS, PORTFOLIO_HEADS, ROMANCE_HEADS,
    STOPWORDS,
};

/// A word that ends a company's name: a company noun ("Corp") or a legal form ("SA").
pub(super) fn is_company_suffix(word: &str) -> bool {
    COMPANY_SUFFIXES.contains(word) || LEGAL_FORMS.contains(word)
}

/// A word that makes a phrase an organization: a head word or a legal form.
fn is_head(g: &Gazetteer, word: &str) -> bool {
    g.org_heads.contains(word) || LEGAL_FORMS.contains(word)
}

/// The key of an organization the gazetteer does not know: its name lowercased, without
/// "the", periods and commas, so that "the U.S. Fund" and "U.S. Fund" are one.
pub(super) fn org_key(name: &str) -> String {
    let lower = name.to_lowercase();
    lower
        .strip_prefix("the ")
        .unwrap_or(&lower)
        .replace(['.', ','], "")
}

/// " <GEL>", " <STGN.PA>": a stock ticker in angle brackets right after a name.
pub(super) fn ticker_after(f: &Field, b: usize) -> bool {
    let Some(rest) = f.after(b).strip_prefix(" <") else {
        return false;
    };
    let Some(close) = rest.find('>') else {
        return false;
    };
    let ticker = &rest[..close];
    (1..=12).contains(&ticker.len())
        && ticker
            .bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'.')
}

/// "Postimees newspaper", "the Kommersant daily".
pub(super) fn media_noun_after(f: &Field, b: usize) -> bool {
    let Some(rest) = f.after(b).strip_prefix(' ') else {
        return false;
    };
    MEDIA_NOUNS.iter().any(|noun| {
        rest.starts_with(noun) && !rest[noun.len()..].starts_with(char::is_alphanumeric)
    })
}

/// Where a name that a head word ends continues with "of …", "for …" or "on …" ("Bank of
/// Nova Scotia", "Conference on International Security"): capitalized words up to `b`, a
/// stopword ("on Tuesday") or "and" ("… and the EU").
pub(super) fn extension(g: &Gazetteer, f: &Field, from: usize, b: usize) -> usize {
    if from >= b || !NAME_PREPOSITIONS.contains(f.word(from)) {
        return from;
    }
    let mut k = from + 1;
    if k < b && f.word(k) == "the" {
        k += 1;
    }
    let first = k;
    while k < b && is_capitalized(f.word(k)) && !g.stopwords.contains(f.word(k)) {
        k += 1;
        if f.toks[k - 1].possessive {
            break;
        }
    }
    // "Ministry of Industry and Trade", but not "Bank of Montreal and Royal Bank"; "Japan
    // Organization for Metals and Energy Security (JOGMEC)", where the acronym after the
    // words after "and" says they end the name.
    if k > first && k + 1 < b && f.word(k) == "and" {
        // (A few words: the rest of a long phrase is no name's.)
        let most = b.min(k + 8);
        let run = (k + 1..most).find(|&i| !name_word(g, f, i)).unwrap_or(most);
        let one_word = run == k + 2 && (run >= b || !is_capitalized(f.word(run)));
        if one_word || run > k + 2 && acronym_after(f, run).is_some() {
            k = run;
        }
    }
    if k == b && PORTFOLIO_HEADS.contains(f.word(from - 1)) {
        k = portfolios(g, f, b);
    }
    if k > first { k } else { from }
}

/// A word that may go on a name past its head: capitalized, no stopword, and no name a
/// list knows (which would be a name of its own).
fn name_word(g: &Gazetteer, f: &Field, i: usize) -> bool {
    let word = f.word(i);
    is_capitalized(word) && !g.stopwords.contains(word) && f.gaz_at(i).is_none()
}

/// "Ministry of Economy, Trade and Industry": past the comma that ends the phrase at `b`,
/// the portfolios that a ministry's name goes on to list, a word or two each, the last
/// after "and". Where the list ends, or `b` where there is none.
fn portfolios(g: &Gazetteer, f: &Field, b: usize) -> usize {
    let n = f.toks.len();
    let gap = |i: usize| &f.text[f.toks[i - 1].end..f.toks[i].start];
    let name_word = |i: usize| i < n && name_word(g, f, i);
    // Where a portfolio of one or two words that starts at `i` ends.
    let item = |i: usize| {
        name_word(i).then(|| {
            if name_word(i + 1) && gap(i + 1) == " " {
                i + 2
            } else {
                i + 1
            }
        })
    };
    let mut i = b;
    for _ in 0..6 {
        if i >= n || gap(i) != ", " {
            break;
        }
        let Some(end) = item(i) else { break };
        if end < n && f.word(end) == "and" && gap(end) == " " && end + 1 < n && gap(end + 1) == " "
        {
            return match item(end + 1) {
                Some(last) if !name_word(last) => last,
                _ => b,
            };
        }
        i = end;
    }
    b
}

/// An organization no list knows, the words `a..b`, keyed by its name.
pub(super) fn organization(f: &Field, a: usize, b: usize, acronym: Option<String>) -> Candidate {
    let name = f.slice(a, b).to_owned();
    Candidate {
        start: f.toks[a].start,
        end: f.toks[b - 1].end,
        kind: Kind::organization(org_key(&name).into(), name.into(), acronym.map(Into::into)),
        priority: 2,
    }
}

/// The index of the known organization a key names (`known_key`'s inverse), if it is one's.
pub(super) fn known_id(key: &str) -> Option<usize> {
    key.strip_prefix('#')?.parse().ok()
}

/// The key of a known organization, `#ID`: no name written in a text starts with "#".
pub(super) fn known_key(id: usize) -> String {
    format!("#{id}")
}

/// The gazetteer organization that `name`, or `name` without its company suffix, is.
pub(super) fn known_organization(g: &Gazetteer, name: &str) -> Option<usize> {
    match name.rsplit_once(' ') {
        Some((stem, suffix)) if is_company_suffix(suffix) => whole_organization(g, name)
            // "Acme Corp." for a gazetteer's "Acme Corp": the abbreviation's period.
            .or_else(|| whole_organization(g, name.strip_suffix('.')?))
            .or_else(|| whole_organization(g, stem)),
        _ => whole_organization(g, name),
    }
}

/// The gazetteer organization that the whole of `form` is: what `g.find(form)` gives as
/// its one match from start to end, asked at the first word alone.
fn whole_organization(g: &Gazetteer, form: &str) -> Option<usize> {
    if form.is_empty() || run_end(form, 0, false) != 0 {
        return None;
    }
    let word_end = run_end(form, 0, true);
    match g.match_at(form, 0, word_end, g.table(false)) {
        Some((end, Entry::Organization(id))) if end == form.len() => Some(id),
        _ => None,
    }
}

/// The acronym in parentheses right after a name: "Collective Security Treaty Organization (CSTO)".
pub(super) fn acronym_after(f: &Field, end: usize) -> Option<String> {
    let rest = f.text[f.toks[end - 1].end..].strip_prefix(" (")?;
    // Within the longest acronym's reach: a "(" never closed must not cost the paragraph.
    let close = rest.bytes().take(12).position(|b| b == b')')?;
    let inner = &rest[..close];
    (inner.len() >= 2
        && inner.len() <= 10
        && inner
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '&' || c == '-'))
    .then(|| inner.to_owned())
}

/// Where a company's name that "&" joins starts ("Smith Barney & Co", "Douglas & Lomason
/// Co"): the capitalized words right before " & ", when the part at `start` follows it. The
/// "&" breaks the phrase, so the words before it were a phrase of their own.
fn ampersand_start(f: &Field, start: usize) -> usize {
    let gap = |i: usize| &f.text[f.toks[i - 1].end..f.toks[i].start];
    let joins = |i: usize| {
        let word = f.word(i);
        is_capitalized(word)
            && !f.toks[i].possessive
            && !STOPWORDS.contains(word)
            && !NAME_OPENERS.contains(word)
    };
    if start == 0 || gap(start) != " & " || !joins(start - 1) {
        return start;
    }
    let mut s = start - 1;
    while s > 0 && gap(s) == " " && joins(s - 1) {
        s -= 1;
    }
    s
}

/// A company that a legal form before its name starts ("PT Astra International", "OAO
/// Gazprom"): the form and the capitalized words after it, to the end of the part.
fn by_prefix(f: &Field, (a, b): (usize, usize), out: &mut Vec<Candidate>, todo: &mut Todo) -> bool {
    let Some(p) = (a..b).find(|&i| LEGAL_PREFIXES.contains(f.word(i))) else {
        return false;
    };
    let end = (p + 1..b)
        .find(|&i| !is_capitalized(f.word(i)) || f.gaz_at(i).is_some())
        .unwrap_or(b);
    if end - p < 2 {
        return false;
    }
    out.push(organization(f, p, end, acronym_after(f, end)));
    if end < b {
        todo.push((end..b, Absent::default()));
    }
    if p > a {
        todo.push((a..p, Absent::default()));
    }
    true
}

/// Where the name that head word `h` ends or heads stops (it starts at `start`; its
/// capitalized words run to `k`, the part to `b`), and the known organization that ends
/// it, if one does.
fn name_end(
    g: &Gazetteer,
    f: &Field,
    (start, h, k): (usize, usize, usize),
    b: usize,
) -> (usize, Option<usize>) {
    // "Daniels Inc of Philadelphia", "Dow Chemical Co of the United States": after a
    // legal form, or a company noun and "of the", the name has ended.
    let end = if LEGAL_FORMS.contains(f.word(h))
        || is_company_suffix(f.word(h)) && h + 2 < b && f.word(h + 2) == "the"
    {
        h + 1
    } else if start == h
        && h + 1 < k
        && ROMANCE_HEADS.contains(f.word(h))
        && !NAME_PREPOSITIONS.contains(f.word(h + 1))
    {
        // "Banque Indosuez", "Grupo Televisa": a Romance head that opens the name takes
        // the capitalized words after it.
        let run = (h + 1..k)
            .find(|&i| !is_capitalized(f.word(i)))
            .unwrap_or(k);
        extension(g, f, run, b)
    } else {
        extension(g, f, h + 1, b)
    };
    let end = in_place(f, end).unwrap_or(end);
    // "State Atomic Energy Corporation Rosatom": a description and the known name after
    // it are one organization, the known one.
    let brand = (end < b)
        .then(|| f.gaz_at(end))
        .flatten()
        .and_then(|(s, e, entry)| match entry {
            Entry::Organization(id) if s == f.toks[end].start && e == f.toks[end].end => Some(id),
            _ => None,
        });
    match brand {
        Some(id) => (end + 1, Some(id)),
        None => (end, None),
    }
}

/// "U.N. Interim Force in Lebanon (UNIFIL)": where a name that ends before token `end`
/// goes on with "in" and a place, when the acronym after them says they are its end.
fn in_place(f: &Field, end: usize) -> Option<usize> {
    let gap = |i: usize| &f.text[f.toks[i - 1].end..f.toks[i].start];
    if end == 0 || end >= f.toks.len() || gap(end) != " in " {
        return None;
    }
    // The place: up to three capitalized words, a space apart.
    let most = f.toks.len().min(end + 3);
    let run = (end..most)
        .find(|&i| !is_capitalized(f.word(i)) || i > end && gap(i) != " ")
        .unwrap_or(most);
    (run > end && acronym_after(f, run).is_some()).then_some(run)
}

/// An organization: a head word ends the name ("Food and Drug Administration") or heads
/// it before "of …" ("Bank of Montreal"). Whether the part `a..b` had one; what it leaves
/// goes on `todo`.
pub(super) fn by_head(
    g: &Gazetteer,
    f: &Field,
    (a, b): (usize, usize),
    out: &mut Vec<Candidate>,
    todo: &mut Todo,
) -> bool {
    let Some(mut h) = (a..b).find(|&i| is_head(g, f.word(i))) else {
        return by_prefix(f, (a, b), out, todo);
    };
    // "Petroleum Corp of Jamaica", "Eastman Chemical Products Inc", "China Aerospace
    // Science and Technology Corporation": a later head word, reached through
    // capitalized words and "and" (not "and the", not "of"), ends the name; a company
    // suffix ("Corp", "Inc") ends it for sure.
    let mut k = h + 1;
    while k < b && !is_company_suffix(f.word(h)) {
        let word = f.word(k);
        let is_org = |i: usize| matches!(f.gaz_at(i), Some((_, _, Entry::Organization(_))));
        // Never across "and" between two known names: "World Bank and International
        // Monetary Fund" are two.
        let joins = is_capitalized(word)
            || word == "and"
                && k + 1 < b
                && is_capitalized(f.word(k + 1))
                && !is_org(k - 1)
                && !is_org(k + 1);
        if !joins {
            break;
        }
        // A Romance head opens a name of its own ("… and Banco do Brasil").
        if ROMANCE_HEADS.contains(word) {
            break;
        }
        if is_head(g, word) {
            h = k;
        }
        k += 1;
    }
    // "Wuxi Tong Ling Company Ltd", "Roosevelt Financial Group Inc": a legal form after
    // a company noun is still the name.
    while h + 1 < b && LEGAL_FORMS.contains(f.word(h + 1)) {
        h += 1;
    }
    // "Marshall Goldman of Harvard University": the name starts after "of".
    let mut start = (a..h)
        .rev()
        .find(|&i| NAME_OPENERS.contains(f.word(i)))
        .map_or(a, |i| i + 1);
    // "vice chairman Dudley Taft and Narragansett Capital Inc": a person and a company.
    if let Some(and) = (start..h).find(|&i| f.word(i) == "and")
        && and > start
        && speaks(g, f, start, and)
    {
        start = and + 1;
    }
    if start == a {
        start = ampersand_start(f, start);
    }
    let (end, brand) = name_end(g, f, (start, h, k), b);
    if end - start >= 2 {
        let name = f.slice(start, end).to_owned();
        let (key, acronym) = match brand.or_else(|| known_organization(g, &name)) {
            Some(id) => (known_key(id), g.acronym(id).map(str::to_owned)),
            None => (org_key(&name), None),
        };
        out.push(Candidate {
            start: f.toks[start].start,
            end: f.toks[end - 1].end,
            kind: Kind::organization(
                key.into(),
                name.into(),
                acronym.or_else(|| acronym_after(f, end)).map(Into::into),
            ),
            priority: 2,
        });
    }
    let mut prefix_end = start;
    while prefix_end > a && !is_capitalized(f.word(prefix_end - 1)) {
        prefix_end -= 1;
    }
    if end < b {
        // No title in the whole part, and later head words may follow.
        let no_titles = Absent {
            titles: true,
            org_heads: false,
        };
        todo.push((end..b, no_titles));
    }
    if prefix_end > a {
        todo.push((a..prefix_end, Absent::default()));
    }
    true
}

/// A company named by its context, the words `from..b` being no name any list knows: a
/// company noun right before it ("the carmaker X"), "-based" ("Ohio-based X"), "shares of
/// X", or a company's possession after "X's" ("X's chairman"). Not a name that starts with
/// a given name: "London-based John X" is a person.
fn company_context(f: &Field, from: usize, b: usize) -> bool {
    // (One letter is a table's "N/A", no name.)
    if f.word(from).len() < 2 {
        return false;
    }
    let cue_before = || {
        f.before(from).strip_suffix(' ').is_some_and(|text| {
            let last = text.rsplit([' ', '\n']).next().unwrap_or("");
            let tail = text.len().checked_sub(9).map(|i| &text.as_bytes()[i..]);
            // "director of X", "an analyst at the X".
            let role = || {
                let mut words = text.rsplit([' ', '\n']);
                let mut prep = words.next().unwrap_or("");
                if prep == "the" {
                    prep = words.next().unwrap_or("");
                }
                matches!(prep, "of" | "at" | "with")
                    && COMPANY_ROLES.contains(words.next().unwrap_or(""))
            };
            COMPANY_CUES.contains(last)
                || last.ends_with("-based")
                || tail.is_some_and(|t| t.eq_ignore_ascii_case(b"shares of"))
                || role()
        })
    };
    let possession = || {
        f.toks[b - 1].possessive && {
            let after = f.after(b);
            let rest = after
                .strip_prefix("'s ")
                .or_else(|| after.strip_prefix("’s "))
                .unwrap_or("");
            let next = rest.split([' ', ',', '.']).next().unwrap_or("");
            COMPANY_POSSESSIONS.contains(next)
        }
    };
    (cue_before() || possession())
        && !GIVEN_NAMES.contains(f.word(from))
        && !(from..b).any(|i| STOPWORDS.contains(f.word(i)))
}

/// A newspaper or agency named by the noun after it ("Postimees newspaper"), a company by
/// its context or by its stock ticker, as Reuters writes it ("Ciba-Geigy <CIGZ.Z>"); the name starts
/// after "of" ("Shares of Ciba-Geigy"). Whether the part `a..b` was one.
pub(super) fn by_noun(f: &Field, (a, b): (usize, usize), out: &mut Vec<Candidate>) -> bool {
    let from = (a..b)
        .rev()
        .find(|&i| NAME_OPENERS.contains(f.word(i)))
        .map_or(a, |i| i + 1);
    let from = if from == a {
        ampersand_start(f, a)
    } else {
        from
    };
    if from < b
        && b - from <= 4
        && (from..b).all(|i| f.gaz_at(i).is_none())
        && (b - from <= 3 && (media_noun_after(f, b) || company_context(f, from, b))
            || ticker_after(f, b))
    {
        out.push(organization(f, from, b, None));
        return true;
    }
    false
}

/// A known organization the gazetteer matched at `start..end`, unless it is a word of a
/// longer name: "Patriot Congress", a one-word form after a capitalized word, is part of
/// a name that the gazetteer does not know.
/// Russian capitalizes only a name's first word, so a capitalized word that opens a
/// sentence says nothing there: "Если Роскомнадзор …", "Данные Росстата …".
pub(super) fn known(g: &Gazetteer, f: &Field, start: usize, end: usize, id: usize) -> Option<Kind> {
    if !f.text[start..end].contains(' ')
        && f.follows_name(g, start)
        && !after_russian_opener(f, start)
    {
        return None;
    }
    Some(Kind::organization(
        known_key(id).into(),
        f.text[start..end].into(),
        g.acronym(id).map(Into::into),
    ))
}

/// Whether the Cyrillic token at byte `start` follows the first word of a sentence.
fn after_russian_opener(f: &Field, start: usize) -> bool {
    let i = f.toks.partition_point(|t| t.start < start);
    i > 0
        && (0xD0..=0xD3).contains(&f.text.as_bytes()[start])
        && super::russian_phrases::opens_sentence(f, i - 1)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{entities, orgs};

    #[test]
    fn russian_organizations_by_their_contractions_and_cases() {
        let found = entities(
            "Как сообщили в Минобороны России, данные Роспотребнадзора проверят в ООН и в ТАСС.",
        );
        let names: Vec<(&str, Vec<&str>)> = (found.organizations.iter())
            .map(|o| (o.name.as_str(), o.mentions.iter().map(|m| m.text).collect()))
            .collect();
        assert_eq!(
            names,
            [
                ("Министерство обороны России", vec!["Минобороны России"]),
                ("Роспотребнадзор", vec!["Роспотребнадзора"]),
                ("ООН", vec!["ООН"]),
                ("ТАСС", vec!["ТАСС"]),
            ]
        );
        // English copy keeps its names: the same organization, as written.
        assert_eq!(
            orgs("TASS and the United Nations met."),
            ["TASS", "United Nations"]
        );
    }

    #[test]
    fn a_known_russian_name_after_a_sentence_opener() {
        assert_eq!(
            orgs("Если Роскомнадзор найдет сбой, сайт закроют. Данные Росстата готовы."),
            ["Роскомнадзор", "Росстат"]
        );
        assert_eq!(
            orgs("Об этом сообщили в Рособрнадзоре. Эксперты Первого канала и Ведомостей тоже."),
            ["Рособрнадзор", "Первый канал", "Ведомости"]
        );
    }

    #[test]
    fn a_legal_form_ends_the_name_and_follows_a_company_noun() {
        assert_eq!(
            orgs(
                "Tarvik Holding SA rose. Brill Paper Company Ltd and Nusa Textiles Group Inc of Ohio fell."
            ),
            [
                "Tarvik Holding SA",
                "Brill Paper Company Ltd",
                "Nusa Textiles Group Inc"
            ]
        );
        // A company noun may still head "of …", but not "of the …".
        assert_eq!(
            orgs("Public Water Corp of Tarvia sued Kelm Chemical Co of the Netherlands."),
            ["Public Water Corp of Tarvia", "Kelm Chemical Co"]
        );
    }

    #[test]
    fn an_ampersand_joins_a_company_name() {
        assert_eq!(
            orgs("Analysts at Brill Tarvik & Co and Hanna & Kelm Inc agreed."),
            ["Brill Tarvik & Co", "Hanna & Kelm Inc"]
        );
        // Not across a comma, nor without a head word.
        assert_eq!(
            orgs("Tarvik, & Co fell. Salt & Pepper rose."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn head_words_of_chambers_movements_and_family_firms() {
        assert_eq!(
            orgs(
                "Officials of the Kelmar Chamber of Commerce, Brill Brothers and the Tarvik Freedom Movement met."
            ),
            [
                "Kelmar Chamber of Commerce",
                "Brill Brothers",
                "Tarvik Freedom Movement"
            ]
        );
        // A head word alone names nothing.
        assert_eq!(
            orgs("The Movement grew. The School closed."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_company_known_by_its_context() {
        assert_eq!(
            orgs(
                "The mineral water firm Brillco rose, Ohio-based Tarvix fell and shares of Kelmora gained. Nuvatek's chairman quit."
            ),
            ["Brillco", "Tarvix", "Kelmora", "Nuvatek"]
        );
        // A person after "-based", a table's "N/A", a ship after "aircraft carrier".
        assert_eq!(
            orgs("London-based John Tarvik said the company N/A and the aircraft carrier Kelmora."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn utilities_stations_campaigns_and_treasuries_by_their_head() {
        assert_eq!(
            orgs("Tarvik Electric Power, Kelmar Radio and the Brill Treasury agreed."),
            ["Tarvik Electric Power", "Kelmar Radio", "Brill Treasury"]
        );
        assert_eq!(orgs("Power rose. The Radio was on."), Vec::<String>::new());
    }

    #[test]
    fn a_legal_form_before_the_name_starts_a_company() {
        assert_eq!(
            orgs("The cars are sold by PT Tarvik Motor Nusantara and OAO Kelmgaz."),
            ["PT Tarvik Motor Nusantara", "OAO Kelmgaz"]
        );
        assert_eq!(orgs("The PT was cancelled."), Vec::<String>::new());
    }

    #[test]
    fn a_name_runs_on_to_its_acronym_and_through_its_portfolios() {
        assert_eq!(
            orgs(
                "The Tarvian Organization for Metals and Energy Security (TOMES) and the Ministry of Economy, Trade and Industry met."
            ),
            [
                "Tarvian Organization for Metals and Energy Security",
                "Ministry of Economy, Trade and Industry"
            ]
        );
        // Without the acronym, two names; a bank's list of cities is no name.
        assert_eq!(
            orgs(
                "The Tarvian Organization for Metals and Energy Security met. The Bank of Kelmar, Brill and Nusa said."
            ),
            ["Tarvian Organization for Metals", "Bank of Kelmar"]
        );
    }

    #[test]
    fn a_name_goes_on_with_in_and_a_place_before_its_acronym() {
        assert_eq!(
            orgs(
                "The Tarvik Interim Force in Lebanon (TIFIL) left. The Bank of Kelmar in Brill said so."
            ),
            ["Tarvik Interim Force in Lebanon", "Bank of Kelmar"]
        );
    }

    #[test]
    fn a_description_and_the_known_name_after_it_are_one() {
        let e = entities("The State Atomic Energy Corporation Rosatom signed. Rosatom said so.");
        assert_eq!(e.organizations.len(), 1);
        assert_eq!(
            e.organizations[0].name,
            "State Atomic Energy Corporation Rosatom"
        );
        assert_eq!(e.organizations[0].mentions.len(), 2);
    }

    #[test]
    fn a_romance_head_opens_the_name() {
        assert_eq!(
            orgs("Banco do Tarvia, the Banque Kelmar and Grupo Brillvisa de Nusa agreed."),
            [
                "Banco do Tarvia",
                "Banque Kelmar",
                "Grupo Brillvisa de Nusa"
            ]
        );
        // An English head takes no name after it.
        assert_eq!(orgs("Treasury Bills rose."), Vec::<String>::new());
    }

    #[test]
    fn a_role_in_a_firm_before_of_or_at_names_a_company() {
        assert_eq!(
            orgs("said Al Kelm, associate director of Brill Tarvik, and an analyst at the Nusaco."),
            ["Brill Tarvik", "Nusaco"]
        );
        // A role that a place has too names no company.
        assert_eq!(orgs("the governor of Tarvia said."), Vec::<String>::new());
    }

    #[test]
    fn an_air_force_by_its_head() {
        assert_eq!(orgs("The Tarvian Air Force flew."), ["Tarvian Air Force"]);
    }
}
