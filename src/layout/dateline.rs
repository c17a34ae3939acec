//! Datelines: the place, date and agency that open a wire story's first paragraph.
//!
//! Two shapes cover the wire styles we know:
//! - TASS: `PATRIOT PARK /Moscow Region/, August 15. /TASS/.`, `MOSCOW, December 26. /TASS/.`
//! - dash-terminated: Reuters `WASHINGTON, March 4 -`, `TAUPO, New Zealand, March 23 -`,
//!   `MOSCOW (Reuters) -`; Xinhua `BEIJING, Jan. 5 (Xinhua) --`; AP `WASHINGTON (AP) —`.

use std::ops::Range;

use super::calendar::{self, Date, WEEKDAYS};

/// A dateline found at the start of a line, before the year is resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Byte range of the dateline text within the line given to `find`.
    pub range: Range<usize>,
    pub location: String,
    pub region: Option<String>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub year: Option<i32>,
    pub agency: Option<String>,
}

// A hand-written matcher rather than a regex: compiling the equivalent patterns took most
// of newsparse's start-up, and newsparse is started once per file in shell loops. The
// grammar, with the order in which alternatives are tried:
//
//   JUNK PLACE ( TASS | WIRE )
//   TASS = [ S "/" region "/" ] "," S DATE ["."] [S] "/" AGENCY "/" ["."] [[S] DASH]
//   WIRE = [ "," S REGION ]  ( ["," ] S DATE )?  ( [S] "(" AGENCY ")" )?  [S] DASH (space | end)
//   DATE = MONTH ["."] S DAY [ "," S YEAR ]
//
// PLACE takes as many words as it can (at most six), the wire REGION as few (at most four);
// the first parse that also passes `valid` wins.

/// Horizontal space: a dateline never spans lines.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}')
}

/// Letters of place names: Latin script, with the periods, apostrophes and hyphens of
/// "ST. JOHN'S" and "WINSTON-SALEM".
fn is_place_char(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' | 'Ā'..='ſ' | '.' | '\'' | '’' | '-')
}

fn is_place_start(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ')
}

/// Byte offsets in `s` where the parse goes on; every step returns the offset after it.
fn spaces(s: &str, i: usize) -> Option<usize> {
    let n = s[i..].len() - s[i..].trim_start_matches(is_space).len();
    (n > 0).then_some(i + n)
}

fn opt_spaces(s: &str, i: usize) -> usize {
    spaces(s, i).unwrap_or(i)
}

fn lit(s: &str, i: usize, what: &str) -> Option<usize> {
    s[i..].starts_with(what).then_some(i + what.len())
}

fn opt(s: &str, i: usize, what: &str) -> usize {
    lit(s, i, what).unwrap_or(i)
}

fn dash(s: &str, i: usize) -> Option<usize> {
    ["--", "-", "—", "–"].iter().find_map(|d| lit(s, i, d))
}

/// Ends of the first 1..=`max` words starting at `i`, whose first letter passes `first`.
fn word_ends(s: &str, i: usize, max: usize, first: fn(char) -> bool) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut j = i;
    while ends.len() < max {
        let rest = &s[j..];
        if !rest.starts_with(|c: char| {
            if ends.is_empty() {
                first(c)
            } else {
                is_place_char(c)
            }
        }) {
            break;
        }
        j += rest.len() - rest.trim_start_matches(is_place_char).len();
        ends.push(j);
        match spaces(s, j) {
            Some(k) => j = k,
            None => break,
        }
    }
    ends
}

/// Digits, `min..=max` of them and no more.
fn digits(s: &str, i: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let n = s[i..].bytes().take_while(u8::is_ascii_digit).count();
    if n < min || n > max {
        return None;
    }
    Some((s[i..i + n].parse().ok()?, i + n))
}

/// Month names, lowercase, with their numbers: full names before abbreviations, "sept"
/// before "sep".
const MONTHS: [(&str, u8); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The month named at byte `i`, in any case, and where its name ends.
fn month(s: &str, i: usize) -> Option<(u8, usize)> {
    let rest = &s.as_bytes()[i..];
    MONTHS.iter().find_map(|&(name, number)| {
        (rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes()))
            .then_some((number, i + name.len()))
    })
}

#[derive(Default, Clone, Copy)]
struct DateParts {
    month: Option<u8>,
    day: Option<u8>,
    year: Option<i32>,
}

/// MONTH ["."] S DAY [ "," S YEAR ]
fn date(s: &str, i: usize) -> Option<(DateParts, usize)> {
    let (month, i) = month(s, i)?;
    let i = spaces(s, opt(s, i, "."))?;
    let (day, i) = digits(s, i, 1, 2)?;
    let year = lit(s, i, ",")
        .and_then(|j| spaces(s, j))
        .and_then(|j| digits(s, j, 4, 4));
    let (year, i) = match year {
        Some((y, j)) => (Some(y as i32), j),
        None => (None, i),
    };
    Some((
        DateParts {
            month: Some(month),
            day: Some(day as u8),
            year,
        },
        i,
    ))
}

/// An agency's name: letters, or between parentheses also spaces and periods ("Xinhua", "AP").
fn agency(
    s: &str,
    i: usize,
    close: char,
    inner: fn(char) -> bool,
    max: usize,
) -> Option<(Range<usize>, usize)> {
    let len = s[i..].find(|c: char| !inner(c)).unwrap_or(s.len() - i);
    let name = s[i..i + len].trim_end();
    let ok = (2..=max).contains(&name.len()) && name.starts_with(|c: char| c.is_ascii_alphabetic());
    (ok && s[i + len..].starts_with(close)).then(|| (i..i + name.len(), i + len + close.len_utf8()))
}

struct Parse {
    place: Range<usize>,
    region: Option<Range<usize>>,
    date: DateParts,
    agency: Option<Range<usize>>,
    end: usize,
}

fn tass(s: &str, place: Range<usize>) -> Option<Parse> {
    let with_region = || {
        let i = lit(s, spaces(s, place.end)?, "/")?;
        // At least one character of region, then the closing slash.
        let first = s[i..].chars().next().filter(|&c| c != '/' && c != '\n')?;
        let from = i + first.len_utf8();
        let close = from + s[from..].find(['/', '\n'])?;
        (s[close..].starts_with('/') && close - i <= 60).then(|| (Some(i..close), close + 1))
    };
    [with_region(), Some((None, place.end))]
        .into_iter()
        .flatten()
        .find_map(|(region, i)| {
            let i = spaces(s, lit(s, i, ",")?)?;
            let (date, i) = date(s, i)?;
            let i = lit(s, opt_spaces(s, opt(s, i, ".")), "/")?;
            let (agency, i) = agency(s, i, '/', |c| c.is_ascii_alphabetic(), 12)?;
            let i = opt(s, i, ".");
            let end = dash(s, opt_spaces(s, i)).unwrap_or(i);
            Some(Parse {
                place: place.clone(),
                region,
                date,
                agency: Some(agency),
                end,
            })
        })
}

fn wire(s: &str, place: Range<usize>) -> Option<Parse> {
    let after_comma = lit(s, place.end, ",").and_then(|i| spaces(s, i));
    let regions = std::iter::once(None).chain(
        after_comma
            .map(|i| {
                word_ends(s, i, 4, |c| is_place_char(c) && c.is_alphabetic())
                    .into_iter()
                    .map(move |e| Some(i..e))
            })
            .into_iter()
            .flatten(),
    );
    for region in regions {
        let i = region.as_ref().map_or(place.end, |r| r.end);
        let dated = spaces(s, opt(s, i, ",")).and_then(|j| date(s, j));
        for (date, i) in [dated, Some((DateParts::default(), i))]
            .into_iter()
            .flatten()
        {
            let with_agency = lit(s, opt_spaces(s, i), "(").and_then(|j| {
                agency(
                    s,
                    j,
                    ')',
                    |c| c.is_ascii_alphabetic() || c == ' ' || c == '.',
                    20,
                )
            });
            for (agency, i) in [with_agency.map(|(a, j)| (Some(a), j)), Some((None, i))]
                .into_iter()
                .flatten()
            {
                let Some(end) = dash(s, opt_spaces(s, i)) else {
                    continue;
                };
                if s[end..].chars().next().is_none_or(char::is_whitespace) {
                    return Some(Parse {
                        place: place.clone(),
                        region: region.clone(),
                        date,
                        agency,
                        end,
                    });
                }
            }
        }
    }
    None
}

/// A place and a dash alone ("Analysts - ...") are no dateline: a date or an agency is;
/// and the date must exist (2000 is a leap year, so 29 February passes).
fn valid(p: &Parse) -> bool {
    let real_date = match (p.date.month, p.date.day) {
        (Some(m), Some(d)) => Date::new(2000, m, d).is_some(),
        _ => true,
    };
    real_date && (p.date.month.is_some() || p.agency.is_some())
}

/// The dateline at the very start of `line`, if there is one.
pub(crate) fn find(line: &str) -> Option<Found> {
    let start = line.len()
        - line
            .trim_start_matches(|c| {
                matches!(
                    c,
                    '*' | '#' | '•' | '·' | '>' | '_' | '=' | '~' | ' ' | '\t' | '-'
                )
            })
            .len();
    // Both shapes need a slash or a dash: most lines that are no dateline have neither, and
    // are turned away without a parse.
    let marked = memchr::memchr3_iter(b'/', b'-', 0xE2, line.as_bytes())
        .any(|i| line.as_bytes()[i] != 0xE2 || line[i..].starts_with(['—', '–']));
    if start > 8 || !marked {
        return None;
    }
    let places = word_ends(line, start, 6, is_place_start);
    let parse = places
        .iter()
        .rev()
        .find_map(|&end| tass(line, start..end).filter(valid))
        .or_else(|| {
            places
                .iter()
                .rev()
                .find_map(|&end| wire(line, start..end).filter(valid))
        })?;
    let text = |r: &Range<usize>| line[r.clone()].trim().to_owned();
    Some(Found {
        range: parse.place.start..parse.end,
        location: title_case(&line[parse.place.clone()]),
        region: parse.region.as_ref().map(text),
        month: parse.date.month,
        day: parse.date.day,
        year: parse.date.year,
        agency: parse.agency.as_ref().map(text),
    })
}

/// The year a weekday in the first paragraph pins ("on Tuesday"): the latest year, not after
/// `reference`, in which `month`/`day` fell on that weekday. A weekday after "last", "next"
/// or "this", or in the possessive ("Friday's auction"), names another day and is skipped.
pub(crate) fn year_from_weekday(
    month: u8,
    day: u8,
    paragraph: &str,
    reference: Date,
) -> Option<i32> {
    let mut previous = "";
    for word in paragraph.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        if word.is_empty() {
            continue;
        }
        let bare = word.trim_end_matches(['\'', '’']);
        // Weekday names are six to nine letters long: most words are no candidate at all.
        if (6..=9).contains(&bare.len())
            && let Some(weekday) = WEEKDAYS.iter().position(|w| *w == bare)
        {
            let other_day = matches!(
                previous.to_ascii_lowercase().as_str(),
                "last" | "next" | "this" | "past" | "coming"
            );
            if !other_day && bare.len() == word.len() {
                return calendar::latest_year_with_weekday(month, day, weekday as u8, reference);
            }
        }
        previous = word;
    }
    None
}

/// Lowercase inside a place name unless it comes first: "Rio de Janeiro", "Port-au-Prince".
const PARTICLES: &[&str] = &[
    "au", "aux", "da", "das", "de", "del", "della", "der", "des", "di", "do", "dos", "du", "el",
    "en", "es", "la", "le", "les", "of", "on", "sur", "upon", "y",
];

/// Title case as a person writes a place: "PATRIOT PARK" → "Patriot Park", "ST. JOHN'S" →
/// "St. John's", "New york" → "New York". Words already in mixed case ("McAllen") are kept.
pub(crate) fn title_case(place: &str) -> String {
    let mut out = String::with_capacity(place.len());
    let mut first = true;
    for (i, word) in place.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for (j, part) in word.split('-').enumerate() {
            if j > 0 {
                out.push('-');
            }
            let letters = part.chars().filter(|c| c.is_alphabetic());
            let mixed =
                letters.clone().any(char::is_uppercase) && letters.clone().any(char::is_lowercase);
            let lower = part.to_lowercase();
            if mixed {
                out.push_str(part);
            } else if !first && PARTICLES.contains(&lower.as_str()) {
                out.push_str(&lower);
            } else {
                capitalize_into(&lower, &mut out);
            }
            first = false;
        }
    }
    out
}

/// Upper-cases the first letter, and the letter after an apostrophe that follows a lone
/// initial ("O'Hare", but "John's").
fn capitalize_into(lower: &str, out: &mut String) {
    let mut letters_before = 0;
    let mut upper_next = true;
    for c in lower.chars() {
        if upper_next && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
        if c == '\'' || c == '’' {
            upper_next = letters_before == 1;
        }
        if c.is_alphabetic() {
            letters_before += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_name_is_found() {
        for (name, number) in MONTHS {
            for written in [name.to_owned(), name.to_uppercase()] {
                assert_eq!(month(&written, 0), Some((number, name.len())), "{written}");
            }
        }
        assert_eq!(month("Tuesday", 0), None);
    }

    fn found(line: &str) -> Found {
        find(line).unwrap_or_else(|| panic!("no dateline in {line:?}"))
    }

    fn fields(f: &Found) -> (&str, Option<&str>, Option<u8>, Option<u8>, Option<&str>) {
        (
            &f.location,
            f.region.as_deref(),
            f.month,
            f.day,
            f.agency.as_deref(),
        )
    }

    #[test]
    fn tass_with_region() {
        let line = "PATRIOT PARK /Moscow Region/, August 15. /TASS/. Russia will strengthen";
        let f = found(line);
        assert_eq!(
            fields(&f),
            (
                "Patriot Park",
                Some("Moscow Region"),
                Some(8),
                Some(15),
                Some("TASS")
            )
        );
        assert_eq!(
            &line[f.range.clone()],
            "PATRIOT PARK /Moscow Region/, August 15. /TASS/."
        );
    }

    #[test]
    fn tass_plain_and_with_year() {
        let f = found("MOSCOW, December 26. /TASS/. The United States");
        assert_eq!(
            fields(&f),
            ("Moscow", None, Some(12), Some(26), Some("TASS"))
        );
        let f = found("ST. PETERSBURG, June 7, 2024. /TASS/. Text");
        assert_eq!(
            fields(&f),
            ("St. Petersburg", None, Some(6), Some(7), Some("TASS"))
        );
        assert_eq!(f.year, Some(2024));
    }

    #[test]
    fn reuters_styles() {
        let f = found("WASHINGTON, March 4 - The Senate");
        assert_eq!(fields(&f), ("Washington", None, Some(3), Some(4), None));
        let line = "TAUPO, New Zealand, March 23 - Finance";
        let f = found(line);
        assert_eq!(
            fields(&f),
            ("Taupo", Some("New Zealand"), Some(3), Some(23), None)
        );
        assert_eq!(&line[f.range], "TAUPO, New Zealand, March 23 -");
        let f = found("EDEN PRAIRIE, MINN., March 2 - Gelco");
        assert_eq!(
            fields(&f),
            ("Eden Prairie", Some("MINN."), Some(3), Some(2), None)
        );
        let f = found("MOSCOW (Reuters) - Russia said");
        assert_eq!(fields(&f), ("Moscow", None, None, None, Some("Reuters")));
        let f = found("Lima, march 9 - the bank");
        assert_eq!(fields(&f), ("Lima", None, Some(3), Some(9), None));
        let f = found("****RIO DE JANEIRO, March 5 - Brazil");
        assert_eq!(fields(&f), ("Rio de Janeiro", None, Some(3), Some(5), None));
    }

    #[test]
    fn xinhua_and_ap() {
        let line = "BEIJING, Jan. 5 (Xinhua) -- China's";
        let f = found(line);
        assert_eq!(
            fields(&f),
            ("Beijing", None, Some(1), Some(5), Some("Xinhua"))
        );
        assert_eq!(&line[f.range], "BEIJING, Jan. 5 (Xinhua) --");
        let f = found("WASHINGTON (AP) — The House");
        assert_eq!(fields(&f), ("Washington", None, None, None, Some("AP")));
    }

    #[test]
    fn not_datelines() {
        for line in [
            "Russia will strengthen its military ties, Shoigu said.",
            "Analysts - including those at banks - expect",
            "MOSCOW, March 45 - impossible day",
            "In brief: Putin talks to reporters",
            "\"WASHINGTON, March 4 - quoted\"",
        ] {
            assert_eq!(find(line), None, "{line}");
        }
    }

    #[test]
    fn title_case_places() {
        assert_eq!(title_case("PORT-AU-PRINCE"), "Port-au-Prince");
        assert_eq!(title_case("ST. JOHN'S"), "St. John's");
        assert_eq!(title_case("DAR ES SALAAM"), "Dar es Salaam");
        assert_eq!(title_case("LA PAZ"), "La Paz");
        assert_eq!(title_case("New york"), "New York");
        assert_eq!(title_case("WINSTON-SALEM"), "Winston-Salem");
        assert_eq!(title_case("Fort McMurray"), "Fort McMurray");
    }

    #[test]
    fn weekday_pins_year() {
        let reference = Date::new(2026, 11, 27).unwrap();
        let p =
            "Russia will strengthen its ties, Shoigu said, addressing the conference on Tuesday.";
        assert_eq!(year_from_weekday(8, 15, p, reference), Some(2023));
        // A weekday that does not fall on the dateline's day in recent years still resolves
        // to the latest year where it does.
        assert_eq!(
            year_from_weekday(8, 15, "on Wednesday", reference),
            Some(2018)
        );
        for other in [
            "last Tuesday",
            "Tuesday's auction",
            "next Tuesday",
            "no weekday here",
        ] {
            assert_eq!(year_from_weekday(8, 15, other, reference), None, "{other}");
        }
    }
}
