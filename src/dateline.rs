//! Datelines: the place, date and agency that open a wire story's first paragraph.
//!
//! Two shapes cover the wire styles we know:
//! - TASS: `PATRIOT PARK /Moscow Region/, August 15. /TASS/.`, `MOSCOW, December 26. /TASS/.`
//! - dash-terminated: Reuters `WASHINGTON, March 4 -`, `TAUPO, New Zealand, March 23 -`,
//!   `MOSCOW (Reuters) -`; Xinhua `BEIJING, Jan. 5 (Xinhua) --`; AP `WASHINGTON (AP) —`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::calendar::{self, Date, WEEKDAYS};

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

// Pieces shared by both shapes. `S` is horizontal space only: a dateline never spans lines.
const S: &str = r"[\x20\t\u00A0]+";
const JUNK: &str = r"[*#•·>_=~\x20\t-]{0,8}";
// Latin letters only: the full Unicode classes cost milliseconds to compile at every start,
// and datelines in English wire copy are written in Latin script ("ZÜRICH", "BOGOTÁ").
const PLACE: &str =
    r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ.'’-]*(?:[\x20\t\u00A0]+[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ.'’-]+){0,5}";
const REGION: &str = r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ.'’-]*(?:[\x20\t\u00A0]+[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ.'’-]+){0,3}";
// Full names before abbreviations, "sept" before "sep": alternation prefers the first.
const MONTH: &str = r"(?i-u:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
const DASH: &str = r"(?:--|-|—|–)";

static TASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\A{JUNK}(?P<loc>{PLACE})(?:{S}/(?P<region>[^/\n]{{1,60}}?)/)?,{S}(?P<month>{MONTH})\.?{S}(?P<day>[0-9]{{1,2}})(?:,{S}(?P<year>[0-9]{{4}}))?\.?(?:{S})?/(?P<agency>[A-Za-z]{{2,12}})/\.?(?:(?:{S})?{DASH})?"
    ))
    .expect("TASS dateline pattern")
});

static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\A{JUNK}(?P<loc>{PLACE})(?:,{S}(?P<region>{REGION}))??(?:,?{S}(?P<month>{MONTH})\.?{S}(?P<day>[0-9]{{1,2}})(?:,{S}(?P<year>[0-9]{{4}}))?)?(?:(?:{S})?\((?P<agency>[A-Za-z][A-Za-z\x20.]{{0,19}})\))?(?:{S})?{DASH}(?:[\x20\t\r\n\u00A0]|\z)"
    ))
    .expect("wire dateline pattern")
});

/// The dateline at the very start of `line`, if there is one.
pub(crate) fn find(line: &str) -> Option<Found> {
    let caps = TASS.captures(line).or_else(|| WIRE.captures(line))?;
    let month = caps.name("month").map(|m| month_number(m.as_str()));
    let day = match caps.name("day") {
        Some(d) => Some(d.as_str().parse::<u8>().ok()?),
        None => None,
    };
    if let (Some(month), Some(day)) = (month, day) {
        // 2000 is a leap year, so 29 February passes.
        Date::new(2000, month, day)?;
    }
    let agency = caps.name("agency").map(|a| a.as_str().trim().to_owned());
    // A place and a dash alone ("Analysts - ...") are no dateline: a date or agency is.
    if month.is_none() && agency.is_none() {
        return None;
    }
    let loc = caps.name("loc")?;
    let whole = caps.get(0)?;
    let end = whole.start() + whole.as_str().trim_end().len();
    Some(Found {
        range: loc.start()..end,
        location: title_case(loc.as_str()),
        region: caps.name("region").map(|r| r.as_str().trim().to_owned()),
        month,
        day,
        year: caps.name("year").and_then(|y| y.as_str().parse().ok()),
        agency,
    })
}

fn month_number(name: &str) -> u8 {
    const PREFIXES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_ascii_lowercase();
    PREFIXES
        .iter()
        .position(|p| lower.starts_with(p))
        .map_or(0, |i| i as u8 + 1)
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
        if let Some(weekday) = WEEKDAYS.iter().position(|w| *w == bare) {
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
