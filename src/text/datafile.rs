//! The lists of `src/data/`, read and checked: text in, the entries with their line
//! numbers out, or every bad line as `FILE:LINE: reason`. `build.rs` includes this file (as
//! it does `strtable.rs`) and stops the build on a bad line; the word-list test reads the
//! lists through it too, so both see the same entries. A line is a `#` comment, blank, or
//! an entry of the list's shape, and nothing else: a header line that lost its `#`, a
//! duplicate or a stray space would otherwise become an entry without a word said.

use std::collections::HashMap;

/// What each entry line of a list holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One word, no space in it (stopwords, verbs, given names): looked up word by word,
    /// so a line of several words could never be found.
    Word,
    /// Words separated by single spaces (titles, furniture lines).
    Phrase,
    /// `count` tab-separated columns, none with spaces around it; column `key` names the
    /// entry, is never empty and never repeats.
    Columns { count: usize, key: usize },
}

/// The entries of `text`, the list `file`, in order, each with its line number (from 1);
/// or every bad line, one a line.
pub fn entries<'a>(
    file: &str,
    text: &'a str,
    shape: Shape,
) -> Result<Vec<(usize, &'a str)>, String> {
    let mut found = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut errors = Vec::new();
    for (at, line) in text.lines().enumerate() {
        let at = at + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let key = match check(line, shape) {
            Ok(key) => key,
            Err(why) => {
                errors.push(format!("{file}:{at}: {why}: {line:?}"));
                continue;
            }
        };
        if let Some(first) = seen.insert(key, at) {
            errors.push(format!("{file}:{at}: a duplicate of line {first}: {key:?}"));
            continue;
        }
        found.push((at, line));
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors.join("\n"))
    }
}

/// The key of an entry line (the line, or its key column), or why it is none.
fn check(line: &str, shape: Shape) -> Result<&str, String> {
    match shape {
        Shape::Word | Shape::Phrase if line.trim() != line => {
            Err("spaces before or after the entry".into())
        }
        Shape::Word if line.contains(char::is_whitespace) => {
            Err("several words (or a tab) in a one-word list".into())
        }
        Shape::Phrase if !single_spaced(line) => Err("words not separated by single spaces".into()),
        Shape::Word | Shape::Phrase => Ok(line),
        Shape::Columns { count, key } => {
            let columns: Vec<&str> = line.split('\t').collect();
            if columns.len() != count {
                return Err(format!(
                    "{} tab-separated columns, not {count}",
                    columns.len()
                ));
            }
            if let Some(n) = columns.iter().position(|c| c.trim() != *c) {
                return Err(format!("spaces around column {}", n + 1));
            }
            if columns[key].is_empty() {
                return Err(format!("column {} (the name) is empty", key + 1));
            }
            Ok(columns[key])
        }
    }
}

fn single_spaced(phrase: &str) -> bool {
    phrase
        .split(' ')
        .all(|w| !w.is_empty() && !w.contains(char::is_whitespace))
}

/// The words of a list of `count` columns — a word, then `yes` or `no` for each use —
/// whose column `column` says `yes`, in order (one list for words that differ only in
/// where they count: the verbs of `verbs.tsv`). A word must be marked for some use.
pub fn marked<'a>(
    file: &str,
    text: &'a str,
    count: usize,
    column: usize,
) -> Result<Vec<&'a str>, String> {
    let rows = entries(file, text, Shape::Columns { count, key: 0 })?;
    let mut words = Vec::new();
    let mut errors = Vec::new();
    for (at, line) in rows {
        let columns: Vec<&str> = line.split('\t').collect();
        if columns[0].contains(char::is_whitespace) {
            errors.push(format!(
                "{file}:{at}: several words in a one-word list: {line:?}"
            ));
        } else if columns[1..].iter().any(|c| *c != "yes" && *c != "no") {
            errors.push(format!(
                "{file}:{at}: a use column neither yes nor no: {line:?}"
            ));
        } else if !columns[1..].contains(&"yes") {
            errors.push(format!("{file}:{at}: marked for no use: {line:?}"));
        } else if columns[column] == "yes" {
            words.push(columns[0]);
        }
    }
    if errors.is_empty() {
        Ok(words)
    } else {
        Err(errors.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, shape: Shape) -> Result<Vec<&str>, String> {
        entries("x.txt", text, shape).map(|e| e.into_iter().map(|(_, l)| l).collect())
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let text = "# a header\n#\n\nsaid\n   \nsays\r\n# more\n";
        assert_eq!(words(text, Shape::Word), Ok(vec!["said", "says"]));
        let lines = entries("x.txt", text, Shape::Word).unwrap();
        assert_eq!(lines.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [4, 6]);
    }

    #[test]
    fn a_header_line_that_lost_its_hash_is_refused_in_a_one_word_list() {
        let text = "# Role nouns (\"economist Alain Marais\")\neconomist Alain Marais\nhead\n";
        let err = words(text, Shape::Word).unwrap_err();
        assert!(err.starts_with("x.txt:2: several words"), "{err}");
        // A phrase list takes it.
        assert_eq!(words(text, Shape::Phrase).unwrap().len(), 2);
    }

    #[test]
    fn duplicates_are_refused_naming_both_lines() {
        let err = words("May\nJune\n\nMay\n", Shape::Word).unwrap_err();
        assert_eq!(err, "x.txt:4: a duplicate of line 1: \"May\"");
        let tsv = "RU\tRussia\t\t\n-\tUSSR\t\t\n-\tUSSR\tSoviet Union\t\n";
        let err = entries("c.tsv", tsv, Shape::Columns { count: 4, key: 1 }).unwrap_err();
        assert_eq!(err, "c.tsv:3: a duplicate of line 2: \"USSR\"");
    }

    #[test]
    fn stray_spaces_are_refused_and_every_bad_line_is_named() {
        let err = words(" head\nchief \nboss\n\tdean\n", Shape::Word).unwrap_err();
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 3, "{err}");
        assert!(lines[0].starts_with("x.txt:1: spaces before or after"));
        assert!(lines[1].starts_with("x.txt:2: spaces before or after"));
        assert!(lines[2].starts_with("x.txt:4: spaces before or after"));
        for bad in ["Prime  Minister", "Prime\tMinister", "Prime\u{a0}Minister"] {
            let err = words(bad, Shape::Phrase).unwrap_err();
            assert!(err.contains("single spaces"), "{err}");
        }
    }

    #[test]
    fn a_tsv_line_must_have_its_columns() {
        let shape = Shape::Columns { count: 3, key: 0 };
        assert_eq!(
            entries("o.tsv", "Bank of Japan\tBOJ\t-\n", shape).unwrap(),
            [(1, "Bank of Japan\tBOJ\t-")]
        );
        let err = entries("o.tsv", "Bank of Japan\tBOJ\n", shape).unwrap_err();
        assert!(
            err.starts_with("o.tsv:1: 2 tab-separated columns, not 3"),
            "{err}"
        );
        let err = entries("o.tsv", "Bank of Japan\tBOJ \t-\n", shape).unwrap_err();
        assert!(err.starts_with("o.tsv:1: spaces around column 2"), "{err}");
        let err = entries("o.tsv", "\tBOJ\t-\n", shape).unwrap_err();
        assert!(
            err.starts_with("o.tsv:1: column 1 (the name) is empty"),
            "{err}"
        );
    }

    #[test]
    fn marked_words_are_those_with_yes_in_their_column() {
        let text = "# verb\tspeech\tcue\nsaid\tyes\tyes\nbelieved\tyes\tno\nvowed\tno\tyes\n";
        assert_eq!(marked("v.tsv", text, 3, 1), Ok(vec!["said", "believed"]));
        assert_eq!(marked("v.tsv", text, 3, 2), Ok(vec!["said", "vowed"]));
        let err = marked("v.tsv", "said\tyes\tmaybe\n", 3, 1).unwrap_err();
        assert!(err.starts_with("v.tsv:1: a use column neither"), "{err}");
        let err = marked("v.tsv", "said\tno\tno\n", 3, 1).unwrap_err();
        assert!(err.starts_with("v.tsv:1: marked for no use"), "{err}");
        let err = marked("v.tsv", "went on\tyes\tyes\n", 3, 1).unwrap_err();
        assert!(err.starts_with("v.tsv:1: several words"), "{err}");
    }
}
