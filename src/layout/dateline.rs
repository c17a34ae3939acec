//! Datelines: the place, date and agency that open a wire story's first paragraph.
//!
//! Takes one line (trimmed; `layout` offers the first few after the furniture) and gives the
//! dateline at its start, as `Found`: its byte range, the place in title case, the region,
//! month, day, year and agency as written. Also gives the year that a weekday named in the
//! first paragraph pins, for a dateline that has none (`year_from_weekday`).
//!
//! Two shapes cover the wire styles we know, each a `regex` pattern built from the named
//! parts below and compiled once, on first use:
//! - TASS: `PATRIOT PARK /Moscow Region/, August 15. /TASS/.`, `MOSCOW, December 26. /TASS/.`
//! - wire, ended by a dash: Reuters `WASHINGTON, March 4 -`, `TAUPO, New Zealand, March 23 -`,
//!   `MOSCOW (Reuters) -`; Xinhua `BEIJING, Jan. 5 (Xinhua) --`; AP `WASHINGTON (AP) —`.
//!
//! A pattern's first match is the parse, so alternatives are written in the order they are
//! to be tried: the longest place first; no region, then the shortest; a date and an agency
//! before none. What a pattern does not say is code, in `found`: the decoration before the
//! place is at most 8 bytes, the place at most six words and a region within its bound (a
//! bound in a pattern compiles a copy per step), the date must exist, and a place and a dash
//! alone ("Analysts - ...") are no dateline; and the place is put in title case. The patterns
//! are byte patterns (`regex::bytes`) only so that a TASS region is any bytes but a slash
//! (one small class, counted in bytes by `found`); with Unicode on,
//! they read UTF-8 text as text, Cyrillic included.

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::{Captures, Regex};

use super::calendar::{self, Date, MONTHS, WEEKDAYS};
use super::tass_ru;
use crate::text::tokens::{is_letter, is_word_char};
use crate::text::wordlist::{OTHER_DAY_WORDS, PLACE_PARTICLES};

/// A dateline found at the start of a line, before the year is resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Byte range of the dateline text within the line given to `find`.
    pub range: Range<usize>,
    /// None in a dateline without a place (`ТАСС, 10 августа.`).
    pub location: Option<String>,
    pub region: Option<String>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub year: Option<i32>,
    pub agency: Option<String>,
}

/// Horizontal space, one character of it: a dateline never spans lines.
pub(super) const SP: &str = r"[ \t\u{A0}]";
/// Decoration that a feed puts before the place: `****RIO DE JANEIRO`, `>> MOSCOW`.
pub(super) const JUNK: &str = r"(?P<junk>[*#•·>_=~ \t-]*)";
/// Letters of place names: Latin script, in which English wire copy writes them ("ZÜRICH",
/// "BOGOTÁ"). Ranges rather than Unicode classes, which cost more to compile.
const LETTER: &str = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſ";
/// The marks inside place names, besides letters: the periods, apostrophes and hyphens of
/// "ST. JOHN'S" and "WINSTON-SALEM" (the hyphen last, as it ends a character class).
const MARK: &str = ".'’-";
/// The dashes that end a wire dateline, the double one first (`(Xinhua) --`).
pub(super) const DASH: &str = "(?P<dash>--|-|—|–)";

/// The place: a word that begins with a capital, and more words, as many as the rest of the
/// pattern allows. At most six words in all, which `found` checks: a bound written in the
/// pattern (`{0,5}`) would be compiled as five copies of the word.
fn place() -> String {
    let char = format!("[{LETTER}{MARK}]");
    format!(r"(?P<place>[A-ZÀ-ÖØ-Þ]{char}*(?:{SP}+{char}+)*)")
}

/// A month, in any case, by its first three letters and the rest of its name if written
/// (September also "Sept"): `Jan(?:uary)?`. The longer reading is tried first.
fn month() -> String {
    let names: Vec<String> = MONTHS
        .iter()
        .map(|m| match m.split_at(3) {
            (_, "") => m.to_string(),
            ("Sep", rest) => format!("Sep(?:t(?:{})?)?", &rest[1..]),
            (short, rest) => format!("{short}(?:{rest})?"),
        })
        .collect();
    format!("(?P<month>(?i-u:{}))", names.join("|"))
}

/// `August 15`, `Jan. 5`, `June 7, 2024`: a day of one or two digits, a year of four.
fn date() -> String {
    let month = month();
    format!(r"{month}\.?{SP}+(?P<day>[0-9]{{1,2}})(?:,{SP}+(?P<year>[0-9]{{4}}))?")
}

/// `PATRIOT PARK /Moscow Region/, August 15. /TASS/.`: the place, a region between slashes
/// (up to 60 bytes, which `found` checks) or none, a comma, the date, the agency between slashes, and a dash
/// that some copies add.
static TASS: LazyLock<Regex> = LazyLock::new(|| {
    let (place, date) = (place(), date());
    let region = format!(r"(?:{SP}+/(?P<region>(?-u:[^/\n])+)/)?");
    let agency = r"/(?P<agency>[A-Za-z]{2,12})/";
    Regex::new(&format!(
        r"\A{JUNK}{place}{region},{SP}+{date}\.?{SP}*{agency}\.?(?:{SP}*{DASH})?"
    ))
    .expect("TASS dateline pattern")
});

/// The months as a Russian date writes them, in the genitive: `15 августа`.
pub(super) const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// The days of the week as Russian names a day "on" it (`во вторник`), Monday first as
/// `WEEKDAYS`.
const RU_WEEKDAYS: [&str; 7] = [
    "понедельник",
    "вторник",
    "среду",
    "четверг",
    "пятницу",
    "субботу",
    "воскресенье",
];

/// `TAUPO, New Zealand, March 23 -`, `BEIJING, Jan. 5 (Xinhua) --`, `MOSCOW (Reuters) -`: the
/// place; after a comma, a region of one to four words (as few as will do; `found` checks
/// the four) or none; a date;
/// an agency in parentheses (letters, spaces and periods, up to 20 of them); then a dash,
/// with a space or the line's end after it.
static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    let (place, date) = (place(), date());
    let char = format!("[{LETTER}{MARK}]");
    let region = format!(r"(?:,{SP}+(?P<region>[{LETTER}]{char}*(?:{SP}+{char}+)*?))??");
    let agency = format!(r"(?:{SP}*\((?P<agency>[A-Za-z][A-Za-z .]{{0,18}}[A-Za-z.]) *\))?");
    Regex::new(&format!(
        r"\A{JUNK}{place}{region}(?:,?{SP}+{date})?{agency}{SP}*{DASH}(?:\s|\z)"
    ))
    .expect("wire dateline pattern")
});

/// The dateline at the very start of `line`, if there is one: TASS's shape first, then the
/// wire's. Each pattern's first match is its answer, and one that `found` turns down is
/// final (a later match could only be a shorter place, and none such parses).
pub(crate) fn find(line: &str) -> Option<Found> {
    // A line is only given to a pattern it could match, so that an article compiles only
    // the patterns it needs (each costs about half a millisecond) and a headline is not
    // searched: TASS's shape has slashes and a date, so a digit; the wire's a dash, and a
    // date or an agency in parentheses. Both open with a place in Latin capitals, after the
    // decoration (which has none of them), so a Russian dateline compiles neither.
    let bytes = line.as_bytes();
    let digit = bytes.iter().any(u8::is_ascii_digit);
    let latin = || {
        line.trim_start_matches(JUNK_CHARS)
            .starts_with(|c| matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ'))
    };
    let tass = || {
        TASS.captures(bytes)
            .and_then(|c| found(line, &Parts::of(&c), |r| r.len() <= 60))
    };
    let wire = || {
        WIRE.captures(bytes)
            .and_then(|c| found(line, &Parts::of(&c), |r| words(r) <= 4))
    };
    let could_be_wire = || (digit || line.contains('(')) && line.contains(['-', '—', '–']);
    let tass_ru = || {
        let parts = tass_ru::parts(line)?;
        // A place needs the agency after the date; without one it is no dateline.
        let agency = parts.agency.as_ref().or(parts.corr.as_ref());
        agency
            .or(parts.cityless.as_ref())
            .and_then(|_| found(line, &parts, |r| r.len() <= 120))
    };
    // Cyrillic letters are two bytes from 0xD0 to 0xD3.
    let cyrillic = || bytes.iter().take(80).any(|b| (0xD0..=0xD3).contains(b));
    (digit && line.contains('/') && latin())
        .then(tass)
        .flatten()
        .or_else(|| (digit && cyrillic()).then(tass_ru).flatten())
        .or_else(|| (could_be_wire() && latin()).then(wire).flatten())
}

/// The characters of `JUNK`.
pub(super) const JUNK_CHARS: [char; 11] = ['*', '#', '•', '·', '>', '_', '=', '~', ' ', '\t', '-'];

/// What a dateline pattern matched: the byte ranges of its named parts in the line, and
/// where the match ends (it starts at the line's start).
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Parts {
    pub junk: Option<Range<usize>>,
    pub place: Option<Range<usize>>,
    pub region: Option<Range<usize>>,
    pub month: Option<Range<usize>>,
    pub day: Option<Range<usize>>,
    pub year: Option<Range<usize>>,
    pub agency: Option<Range<usize>>,
    /// A Russian byline's agency (`/Корр. ТАСС Иван Петров/`).
    pub corr: Option<Range<usize>>,
    /// The agency of a Russian dateline without a place (`ТАСС, 10 августа.`).
    pub cityless: Option<Range<usize>>,
    pub dash: Option<Range<usize>>,
    pub end: usize,
}

impl Parts {
    /// The parts of a pattern's match, by their group names.
    pub(super) fn of(caps: &Captures) -> Parts {
        let range = |name: &str| caps.name(name).map(|m| m.range());
        Parts {
            junk: range("junk"),
            place: range("place"),
            region: range("region"),
            month: range("month"),
            day: range("day"),
            year: range("year"),
            agency: range("agency"),
            corr: range("corr"),
            cityless: range("cityless"),
            dash: range("dash"),
            end: caps.get(0).map_or(0, |m| m.end()),
        }
    }
}

/// The dateline a pattern's match describes, if it is one; `region_fits` is the pattern's
/// bound on its region.
fn found(line: &str, parts: &Parts, region_fits: fn(&str) -> bool) -> Option<Found> {
    let text = |part: &Option<Range<usize>>| part.clone().map(|r| &line[r]);
    // Counted in bytes: a line that opens with more decoration is no story's first.
    if text(&parts.junk)?.len() > 8 {
        return None;
    }
    // The bounds the patterns leave to code. A match beyond one is final too: the pattern
    // prefers the longest place, and a shorter one would be followed by a word, which no
    // dateline's place is; a region is as short as will do (wire) or ends at its slash.
    if text(&parts.place).is_some_and(|p| words(p) > 6)
        || !text(&parts.region).is_none_or(region_fits)
    {
        return None;
    }
    let month = text(&parts.month).map(month_number);
    let day = text(&parts.day).and_then(|d| d.parse().ok());
    // 2000 is a leap year, so 29 February passes.
    if let (Some(m), Some(d)) = (month, day)
        && Date::new(2000, m, d).is_none()
    {
        return None;
    }
    // A Russian byline gives the agency after "Корр."; the form without a place, first.
    let agency = text(&parts.agency)
        .or(text(&parts.corr))
        .or(text(&parts.cityless));
    if month.is_none() && agency.is_none() {
        return None;
    }
    let place = parts.place.clone();
    let start = place.clone().or(parts.cityless.clone())?.start;
    let end = parts.dash.clone().map_or(parts.end, |d| d.end);
    Some(Found {
        range: start..end,
        location: place.map(|p| title_case(&line[p])),
        region: text(&parts.region).map(|r| r.trim().to_owned()),
        month,
        day,
        year: text(&parts.year).and_then(|y| y.parse().ok()),
        agency: agency.map(str::to_owned),
    })
}

/// The number of words in a place or region: parted by `SP`.
fn words(text: &str) -> usize {
    let space = |c: char| matches!(c, ' ' | '\t' | '\u{A0}');
    text.split(space).filter(|w| !w.is_empty()).count()
}

/// The number of a month named as `month()` matches it: by its first three letters.
fn month_number(name: &str) -> u8 {
    let number = MONTHS
        .iter()
        .position(|m| {
            name.get(..3)
                .is_some_and(|n| m[..3].eq_ignore_ascii_case(n))
        })
        .or_else(|| {
            let lower = name.to_lowercase();
            RU_MONTHS.iter().position(|m| *m == lower)
        });
    number.map_or(0, |i| i as u8 + 1)
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
    // `is_word_char` is `is_alphanumeric`, quicker on Cyrillic.
    for word in paragraph.split(|c: char| !is_word_char(c) && c != '\'' && c != '’') {
        if word.is_empty() {
            continue;
        }
        let bare = word.trim_end_matches(['\'', '’']);
        // Russian names the day after "в" or "во" ("во вторник"); "в прошлый вторник",
        // another day, has another word before it.
        let russian = || {
            matches!(previous, "в" | "во" | "В" | "Во")
                .then(|| RU_WEEKDAYS.iter().position(|w| *w == bare))
                .flatten()
        };
        if let Some(weekday) = WEEKDAYS.iter().position(|w| *w == bare).or_else(russian) {
            let other_day = OTHER_DAY_WORDS.contains(&previous.to_ascii_lowercase());
            if !other_day && bare.len() == word.len() {
                return calendar::latest_year_with_weekday(month, day, weekday as u8, reference);
            }
        }
        previous = word;
    }
    None
}

/// Title case as a person writes a place, with the particles of `place-particles.txt` in
/// lowercase unless they come first: "PATRIOT PARK" → "Patriot Park", "ST. JOHN'S" →
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
            let letters = part.chars().filter(|&c| is_letter(c));
            let mixed =
                letters.clone().any(char::is_uppercase) && letters.clone().any(char::is_lowercase);
            let lower = part.to_lowercase();
            if mixed {
                out.push_str(part);
            } else if !first && PLACE_PARTICLES.contains(&lower) {
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
        if upper_next && is_letter(c) {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
        if c == '\'' || c == '’' {
            upper_next = letters_before == 1;
        }
        if is_letter(c) {
            letters_before += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_is_found_in_full_and_short_in_any_case() {
        let short = [
            "Jan.", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept.", "Oct", "Nov", "Dec",
        ];
        for (i, name) in MONTHS.iter().enumerate() {
            for written in [
                name.to_string(),
                name.to_uppercase(),
                short[i].to_lowercase(),
            ] {
                let f = found(&format!("LONDON, {written} 3 - Text"));
                assert_eq!((f.month, f.day), (Some(i as u8 + 1), Some(3)), "{written}");
            }
        }
        assert_eq!(find("LONDON, Sep. 3 - Text").unwrap().month, Some(9));
        assert_eq!(find("LONDON, Tuesday 3 - Text"), None);
    }

    fn found(line: &str) -> Found {
        find(line).unwrap_or_else(|| panic!("no dateline in {line:?}"))
    }

    fn fields(f: &Found) -> (&str, Option<&str>, Option<u8>, Option<u8>, Option<&str>) {
        (
            f.location.as_deref().unwrap_or_default(),
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
    fn tass_with_a_dash_and_spaces_before_the_agency() {
        let line = "MINSK, April 2 /TASS/ - Text";
        let f = found(line);
        assert_eq!(fields(&f), ("Minsk", None, Some(4), Some(2), Some("TASS")));
        assert_eq!(&line[f.range], "MINSK, April 2 /TASS/ -");
        let line = "HANOI, May 20./TASS/.— Text";
        assert_eq!(&line[found(line).range], "HANOI, May 20./TASS/.—");
    }

    #[test]
    fn tass_region_up_to_60_bytes() {
        let region = "É".repeat(30);
        let line = format!("KAZAN /{region}/, May 4. /TASS/. Text");
        assert_eq!(found(&line).region.as_deref(), Some(region.as_str()));
        let line = format!("KAZAN /{region}x/, May 4. /TASS/. Text");
        assert_eq!(find(&line), None);
    }

    #[test]
    fn wire_with_year_agency_and_each_dash() {
        let line = "WASHINGTON, March 4, 2025 (Reuters) - The";
        let f = found(line);
        assert_eq!(
            fields(&f),
            ("Washington", None, Some(3), Some(4), Some("Reuters"))
        );
        assert_eq!(f.year, Some(2025));
        for dash in ["-", "--", "—", "–"] {
            let line = format!("OSLO, Feb 3 {dash} Text");
            assert_eq!(
                line[found(&line).range].trim_end(),
                format!("OSLO, Feb 3 {dash}")
            );
            // Straight after the date, and at the end of the line.
            assert!(find(&format!("OSLO, Feb 3{dash} Text")).is_some(), "{dash}");
            assert!(find(&format!("OSLO, Feb 3 {dash}")).is_some(), "{dash}");
        }
        // A dash must be followed by a space: "- Text", not "-Text".
        assert_eq!(find("OSLO, Feb 3 -Text"), None);
        // The date without its comma.
        let f = found("WASHINGTON March 4 - Text");
        assert_eq!(fields(&f), ("Washington", None, Some(3), Some(4), None));
    }

    #[test]
    fn wire_agency_in_parentheses() {
        let f = found("PARIS (A. B. C.  ) - Text");
        assert_eq!(f.agency.as_deref(), Some("A. B. C."));
        for no in [
            "PARIS (A) - Text",
            "PARIS (ABCDEFGHIJKLMNOPQRSTU) - Text",
            "PARIS (1A) - x",
        ] {
            assert_eq!(find(no), None, "{no}");
        }
    }

    #[test]
    fn place_up_to_six_words_and_wire_region_up_to_four() {
        let f = found("A B C D E F, March 4 - Text");
        assert_eq!(f.location.as_deref(), Some("A B C D E F"));
        assert_eq!(find("A B C D E F G, March 4 - Text"), None);
        assert_eq!(find("A B C D E F G, May 4. /TASS/. Text"), None);
        let f = found("TAUPO, One Two Three Four, March 23 - Text");
        assert_eq!(f.region.as_deref(), Some("One Two Three Four"));
        assert_eq!(
            find("TAUPO, One Two Three Four Five, March 23 - Text"),
            None
        );
    }

    #[test]
    fn decoration_before_the_place_up_to_8_bytes() {
        assert_eq!(
            found("> ** MOSCOW, May 4. /TASS/.").location.as_deref(),
            Some("Moscow")
        );
        // Three bullets are 9 bytes.
        assert_eq!(find("••• MOSCOW, May 4. /TASS/."), None);
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(found("OSLO, Feb. 29 - Text").day, Some(29));
        assert_eq!(find("OSLO, Feb. 30 - Text"), None);
        assert_eq!(find("MOSCOW, April 31. /TASS/. Text"), None);
        assert_eq!(find("OSLO, May 0 - Text"), None);
        assert_eq!(found("OSLO, May 05 - Text").day, Some(5));
        assert_eq!(find("OSLO, May 123 - Text"), None);
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
    fn russian_tass_datelines() {
        let cases = [
            (
                "МОСКВА, 15 августа. /ТАСС/. Текст.",
                ("Москва", None, Some(8), Some(15), Some("ТАСС")),
            ),
            (
                "САНКТ-ПЕТЕРБУРГ, 25 мая. /ТАСС/. Текст.",
                ("Санкт-Петербург", None, Some(5), Some(25), Some("ТАСС")),
            ),
            (
                "ПАТРИОТ /Московская область/, 1 марта. /ИТАР-ТАСС/. Текст.",
                (
                    "Патриот",
                    Some("Московская область"),
                    Some(3),
                    Some(1),
                    Some("ИТАР-ТАСС"),
                ),
            ),
            // A correspondent's byline in the agency's place.
            (
                "МОСКВА, 1 октября. /Корр. ТАСС Иван Петров/. Текст.",
                ("Москва", None, Some(10), Some(1), Some("ТАСС")),
            ),
            // No place: the agency first, and the record's location null.
            (
                "ТАСС, 10 августа. Текст.",
                ("", None, Some(8), Some(10), Some("ТАСС")),
            ),
        ];
        for (line, want) in cases {
            let f = found(line);
            assert_eq!(fields(&f), want, "{line}");
            assert!(line[f.range.clone()].ends_with('.'), "{line}");
        }
        assert_eq!(found("ТАСС, 10 августа. Текст.").location, None);
        assert_eq!(
            found("ТАСС, 10 августа. Текст.").range,
            0.."ТАСС, 10 августа.".len()
        );
        // A place and a date without the agency is no dateline; nor a date of no month.
        assert!(find("МОСКВА, 15 августа. Текст.").is_none());
        assert!(find("МОСКВА, 31 июня. /ТАСС/. Текст.").is_none());
        assert!(find("МОСКВА. Министр сообщила о росте экспорта на 15%.").is_none());
    }

    #[test]
    fn a_russian_weekday_after_v_pins_the_year() {
        let today = Date::new(2026, 11, 27).unwrap();
        let year = |p| year_from_weekday(10, 2, p, today);
        assert_eq!(
            year("Аграрии собрали урожай, сообщила министр во вторник."),
            Some(2018)
        );
        assert_eq!(year("В среду министр сообщила."), Some(2024));
        assert_eq!(year("В прошлый вторник министр сообщила."), None);
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
