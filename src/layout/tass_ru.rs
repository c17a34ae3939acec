//! The Russian TASS dateline: `МОСКВА, 15 августа. /ТАСС/.`, `ПАТРИОТ /Московская область/,
//! 15 августа. /ТАСС/.`, a correspondent's byline in the agency's place (`/Корр. ТАСС Иван
//! Петров/.`), and the form without a place, the agency first: `ТАСС, 10 августа.` The place
//! is Cyrillic capitals (as TASS writes it), with hyphens and periods (`САНКТ-ПЕТЕРБУРГ`).
//!
//! Read by plain code, not a `regex` pattern: compiling the pattern was a fifth of the
//! start-up of a Russian article, and newsparse is started once per file. The pattern is
//! kept in the tests (`pattern`) as the reference this code is held to: the same match and
//! the same parts, read as the pattern reads them (each part's longest reading, the agency
//! before a place).

use super::dateline::{JUNK_CHARS, Parts, RU_MONTHS};

/// The parts of the dateline at the start of `line`, if the pattern matches there.
pub(super) fn parts(line: &str) -> Option<Parts> {
    let start = run(line, 0, |c| JUNK_CHARS.contains(&c));
    let opened = Parts {
        junk: Some(0..start),
        ..Parts::default()
    };
    // The agency alone first: a place is capitals too.
    if let Some(end) = agency(line, start)
        && let Some(parts) = rest(line, end, opened.clone())
    {
        return Some(Parts {
            cityless: Some(start..end),
            ..parts
        });
    }
    // The place: words of letters, hyphens and periods, the first a capital, parted by
    // spaces; then a region between slashes or none, and the comma.
    if !line[start..].starts_with(is_capital) {
        return None;
    }
    let mut end = run(line, start, is_place_char);
    loop {
        let word = run(line, end, is_space);
        let word_end = run(line, word, is_place_char);
        if word == end || word_end == word {
            break;
        }
        end = word_end;
    }
    let mut parts = Parts {
        place: Some(start..end),
        ..opened
    };
    let slash = run(line, end, is_space);
    let mut comma = end;
    if slash > end && line[slash..].starts_with('/') {
        let region = slash + 1;
        let close = line[region..]
            .find(['/', '\n'])
            .map_or(line.len(), |i| region + i);
        if close > region && line[close..].starts_with("/,") {
            parts.region = Some(region..close);
            comma = close + 1;
        }
    }
    rest(line, comma, parts)
}

/// From the comma on: `, 15 августа 2020 г. /ТАСС/. -`, the date, the agency or a byline,
/// and a dash, the last three optional.
fn rest(line: &str, comma: usize, mut parts: Parts) -> Option<Parts> {
    let spaces = after(line, comma, ",")?;
    let day = run(line, spaces, is_space);
    let digits = run(line, day, |c| c.is_ascii_digit());
    let month = run(line, digits, is_space);
    if day == spaces || !(1..=2).contains(&(digits - day)) || month == digits {
        return None;
    }
    let month_end = month_at(line, month)?;
    parts.day = Some(day..digits);
    parts.month = Some(month..month_end);
    let mut at = run(line, month_end, is_space);
    // A year, as `2020 г.`, `2020 года` or `2020 г`.
    let year_end = at + 4;
    if line
        .get(at..year_end)
        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
    {
        let g = run(line, year_end, is_space);
        if g > year_end
            && let Some(g) = after(line, g, "г")
        {
            parts.year = Some(at..year_end);
            at = after(line, g, "ода").or(after(line, g, ".")).unwrap_or(g);
        }
    }
    at = after(line, at, ".").unwrap_or(at);
    // The agency between slashes, or a byline: `/Корр. ТАСС Иван Петров/`, up to 60
    // characters after the agency.
    let slash = run(line, at, is_space);
    if let Some(inside) = after(line, slash, "/") {
        if let Some(end) = agency(line, inside).filter(|&e| line[e..].starts_with('/')) {
            parts.agency = Some(inside..end);
            at = end + 1;
        } else if let Some(corr) = after(line, inside, "Корр.")
            && run(line, corr, is_space) > corr
            && let corr = run(line, corr, is_space)
            && let Some(end) = agency(line, corr)
        {
            let close = line[end..]
                .find(['/', '\n'])
                .map_or(line.len(), |i| end + i);
            if line[close..].starts_with('/') && line[end..close].chars().count() <= 60 {
                parts.corr = Some(corr..end);
                at = close + 1;
            }
        }
        if parts.agency.is_some() || parts.corr.is_some() {
            at = after(line, at, ".").unwrap_or(at);
        }
    }
    let dash = run(line, at, is_space);
    if let Some(end) = ["--", "-", "—", "–"]
        .iter()
        .find_map(|d| after(line, dash, d))
    {
        parts.dash = Some(dash..end);
        at = end;
    }
    parts.end = at;
    Some(parts)
}

/// Where `(?:ИТАР-)?ТАСС` at `i` ends.
fn agency(line: &str, i: usize) -> Option<usize> {
    after(line, i, "ИТАР-ТАСС").or(after(line, i, "ТАСС"))
}

/// Where a month's name in the genitive at `i` ends, in any case: `августа`, `АВГУСТА`.
/// (The pattern's `(?i)` also takes a few old letter shapes, U+1C80 to U+1C88, for в, д, о,
/// с, т; a month so written is no month of `month_number`'s, so no dateline either way.)
fn month_at(line: &str, i: usize) -> Option<usize> {
    RU_MONTHS.iter().find_map(|m| {
        let name = line.get(i..i + m.len())?;
        let lower = name.chars().flat_map(char::to_lowercase);
        lower.eq(m.chars()).then_some(i + m.len())
    })
}

/// Where `text` ends if it is at `i`.
fn after(line: &str, i: usize, text: &str) -> Option<usize> {
    line[i..].starts_with(text).then_some(i + text.len())
}

/// Where the run of characters that are `is` from `i` ends.
fn run(line: &str, i: usize, is: impl Fn(char) -> bool) -> usize {
    line[i..].find(|c| !is(c)).map_or(line.len(), |k| i + k)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}')
}

fn is_capital(c: char) -> bool {
    matches!(c, 'А'..='Я' | 'Ё')
}

fn is_place_char(c: char) -> bool {
    matches!(c, 'А'..='Я' | 'Ё' | 'а'..='я' | 'ё' | '.' | '-')
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;
    use regex::bytes::Regex;

    use super::super::dateline::{DASH, JUNK, SP};
    use super::*;

    /// The pattern this module reads by hand, as it was compiled before.
    static PATTERN: LazyLock<Regex> = LazyLock::new(pattern);

    fn pattern() -> Regex {
        let char = "[А-ЯЁа-яё.-]";
        let place = format!(r"(?P<place>[А-ЯЁ]{char}*(?:{SP}+{char}+)*)");
        let region = format!(r"(?:{SP}+/(?P<region>(?-u:[^/\n])+)/)?");
        let date = format!(
            r"(?P<day>[0-9]{{1,2}}){SP}+(?P<month>(?i:{})){SP}*(?:(?P<year>[0-9]{{4}}){SP}+г(?:ода|\.)?)?",
            RU_MONTHS.join("|")
        );
        let agency = r"(?P<agency>(?:ИТАР-)?ТАСС)";
        let byline = format!(r"/(?:{agency}|Корр\.{SP}+(?P<corr>(?:ИТАР-)?ТАСС)[^/\n]{{0,60}})/");
        let cityless = r"(?P<cityless>(?:ИТАР-)?ТАСС)";
        Regex::new(&format!(
            r"\A{JUNK}(?:{cityless}|{place}{region}),{SP}+{date}\.?(?:{SP}*{byline}\.?)?(?:{SP}*{DASH})?"
        ))
        .expect("Russian TASS dateline pattern")
    }

    fn reference(re: &Regex, line: &str) -> Option<Parts> {
        re.captures(line.as_bytes()).map(|c| Parts::of(&c))
    }

    #[test]
    fn the_datelines_of_each_form() {
        let re = pattern();
        for line in [
            "МОСКВА, 15 августа. /ТАСС/. Текст.",
            "САНКТ-ПЕТЕРБУРГ, 25 мая. /ТАСС/. Текст.",
            "ПАТРИОТ /Московская область/, 1 марта. /ИТАР-ТАСС/. Текст.",
            "МОСКВА, 1 октября. /Корр. ТАСС Иван Петров/. Текст.",
            "ТАСС, 10 августа. Текст.",
            "ИТАР-ТАСС, 10 АВГУСТА 2014 года. Текст.",
            "** НЬЮ-ЙОРК, 3 Января 2020 г. /ТАСС/ — Текст.",
            "ТАСС, 10 августа /ТАСС/ -- x",
            "ТАССР, 10 августа. /ТАСС/.",
            "МОСКВА  /a/b/, 1 мая.",
            "МОСКВА /обл/, 1 мая 2020  г.. /ТАСС/.- x",
            "МОСКВА, 123 мая. /ТАСС/.",
            "МОСКВА, 12мая. /ТАСС/.",
            "МОСКВА, 1 октября. /Корр. ТАСС Иван\nПетров/. Текст.",
            "Москва и область, 1 мая /ТАСС/",
        ] {
            assert_eq!(parts(line), reference(&re, line), "{line}");
        }
        assert!(parts("МОСКВА, 15 августа. /ТАСС/.").is_some());
    }

    #[test]
    fn a_byline_up_to_60_characters_after_the_agency() {
        let re = pattern();
        for n in [59, 60, 61] {
            let line = format!("МОСКВА, 1 мая. /Корр. ТАСС {}/. - Текст", "ж".repeat(n - 1));
            let p = parts(&line);
            assert_eq!(p, reference(&re, &line), "{n}");
            assert_eq!(p.unwrap().corr.is_some(), n <= 60);
        }
    }

    #[test]
    fn a_month_in_any_case_as_the_pattern_takes_it() {
        // Every letter of every month in place of its own, from the whole Basic
        // Multilingual Plane: the same parts, or (the old letter shapes that `(?i)`
        // folds) no dateline either way.
        let re = pattern();
        for month in RU_MONTHS {
            let letters: Vec<char> = month.chars().collect();
            for k in 0..letters.len() {
                for c in (0..=0xFFFF).filter_map(char::from_u32) {
                    if c.to_lowercase().eq(Some(letters[k])) || c == letters[k] {
                        let mut word = letters.clone();
                        word[k] = c;
                        let word: String = word.into_iter().collect();
                        let line = format!("ТАСС, 1 {word}. x");
                        assert_eq!(parts(&line), reference(&re, &line), "{line}");
                    }
                }
            }
        }
        // Only the letters' own cases are read: a month in an old shape (U+1C84, a tall
        // т) is the pattern's, but no month of `month_number`'s, so no dateline.
        let line = "ТАСС, 1 авгус\u{1C84}а. x";
        assert!(reference(&re, line).is_some() && parts(line).is_none());
        assert_eq!(super::super::dateline::find(line), None);
    }

    #[test]
    fn the_case_folds_the_pattern_takes_are_the_letters_own_or_old_shapes() {
        // What `(?i)` matches for each letter of the months, beyond its two cases: only
        // the old shapes U+1C80 to U+1C88 (Unicode folds no Cyrillic letter onto a
        // character outside the Basic Multilingual Plane).
        let mut letters: Vec<char> = RU_MONTHS.concat().chars().collect();
        letters.sort_unstable();
        letters.dedup();
        for letter in letters {
            let one = Regex::new(&format!("^(?i:{letter})$")).unwrap();
            for c in (0..=0xFFFF).filter_map(char::from_u32) {
                let mine = c.to_lowercase().eq(Some(letter));
                let theirs = one.is_match(c.to_string().as_bytes());
                if mine != theirs {
                    assert!(('\u{1C80}'..='\u{1C88}').contains(&c), "{letter} {c:?}");
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn the_same_parts_as_the_pattern(pieces in prop::collection::vec(prop::sample::select(vec![
            "МОСКВА", "САНКТ-ПЕТЕРБУРГ", "Москва", "ТАСС", "ИТАР-ТАСС", "ИТАР-", "Корр.", "Иван",
            "ж", "Ё", "ё", "x", "A", ",", ", ", " ", "  ", "\t", "\u{A0}", "\n", "/", ". ", ".",
            "1", "15", "123", "2020", "г", "ода", "года", "г.", "августа", "АВГУСТА", "мая",
            "Мая", "-", "--", "—", "–", "*", "•", "> ", "/ТАСС/", "/Корр. ТАСС ",
            "/Московская область/", "é",
        ]), 0..14)) {
            let line: String = pieces.concat();
            prop_assert_eq!(parts(&line), reference(&PATTERN, &line), "{:?}", line);
        }

        #[test]
        fn the_same_parts_as_the_pattern_on_a_dateline_changed(
            line in "(ТАСС|[А-ЯЁ .-]{1,12})( /[^/]{0,8}/)?, [0-9]{1,3} (мая|ИЮНЯ|[а-я]{3}) ?([0-9]{4} ?г(ода|\\.)?)?\\.? ?(/(ИТАР-)?ТАСС/|/Корр\\. ТАСС[^/]{0,70}/)?\\.? ?(-|—|--)? ?[а-я]{0,3}"
        ) {
            prop_assert_eq!(parts(&line), reference(&PATTERN, &line), "{:?}", line);
        }
    }
}
