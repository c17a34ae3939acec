//! `--gazetteer FILE`: a user's own people, countries, organizations and events, read into
//! the library's `Gazetteer` before any article. Two formats, by the file's extension:
//!
//! - `.tsv`: `type<TAB>name<TAB>aliases<TAB>id` a line (`#` comments, blank lines), `type`
//!   one of person, country, organization, event; aliases `|`-separated; the trailing empty
//!   columns may be left out.
//! - `.jsonl`: spaCy EntityRuler patterns, `{"label": "ORG", "pattern": "Acme Corp", "id":
//!   "Q1"}`; a pattern is a string or a list of token objects with `ORTH`, `TEXT` or `LOWER`.
//!
//! A line that is wrong stops the run (`FILE:LINE: reason`, exit 2); a line that is right
//! but asks for what newsparse does not do (another label, another token attribute) is
//! skipped, and counted once on standard error.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow, bail};
use newsparse::{Gazetteer, UserType};
use serde_json::Value;

use crate::cli::names::{shown, source};

/// The built-in gazetteer with the entities of `paths` added, or None without any. It lives
/// as long as the run (every parse borrows it).
pub fn load(paths: &[PathBuf]) -> anyhow::Result<Option<&'static Gazetteer>> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut g = Gazetteer::new();
    for path in paths {
        let name = shown(&source(path)).into_owned();
        let read: fn(&mut Gazetteer, &mut Lines) -> Result<Skipped, LineError> =
            match extension(path) {
                Some("tsv") => tsv,
                Some("jsonl") => jsonl,
                _ => bail!("{name}: a gazetteer is a .tsv or a .jsonl file"),
            };
        let file = File::open(path).with_context(|| format!("{name}: cannot read"))?;
        let mut lines = Lines::new(BufReader::with_capacity(1 << 16, file));
        let skipped = read(&mut g, &mut lines).map_err(|(line, reason)| match line {
            0 => anyhow!("{name}: {reason}"),
            _ => anyhow!("{name}:{line}: {reason}"),
        })?;
        for (what, lines) in skipped {
            eprintln!("newsparse: {name}: {lines} line(s) skipped: {what}");
        }
    }
    Ok(Some(Box::leak(Box::new(g))))
}

fn extension(path: &Path) -> Option<&str> {
    path.extension().and_then(|e| e.to_str())
}

/// What a file's lines skipped, with how many: none for a TSV file, whose every line is
/// read or wrong.
type Skipped = BTreeMap<String, usize>;

/// A line's number and what is wrong with it.
type LineError = (usize, String);

/// A file's lines that hold something, one at a time (a gazetteer of a million lines is
/// never held whole), numbered, without a byte-order mark or line ends.
struct Lines {
    reader: BufReader<File>,
    line: Vec<u8>,
    number: usize,
}

impl Lines {
    fn new(reader: BufReader<File>) -> Lines {
        Lines {
            reader,
            line: Vec::new(),
            number: 0,
        }
    }

    /// The next line with something in it, or an error with its number (0 for a read error).
    fn next(&mut self) -> Result<Option<(usize, &str)>, LineError> {
        loop {
            self.line.clear();
            let read = self.reader.read_until(b'\n', &mut self.line);
            if read.map_err(|e| (0, format!("cannot read: {e}")))? == 0 {
                return Ok(None);
            }
            self.number += 1;
            let n = self.number;
            let text = std::str::from_utf8(&self.line).map_err(|_| (n, "not UTF-8".into()))?;
            let text = if n == 1 {
                text.trim_start_matches('\u{feff}')
            } else {
                text
            };
            let text = text.trim_end_matches(['\n', '\r']);
            if !text.trim().is_empty() {
                // Taken again by its range: a loop may not return a borrow it keeps.
                let start = text.as_ptr() as usize - self.line.as_ptr() as usize;
                let line = &self.line[start..start + text.len()];
                return Ok(Some((n, std::str::from_utf8(line).expect("checked above"))));
            }
        }
    }
}

fn tsv(g: &mut Gazetteer, lines: &mut Lines) -> Result<Skipped, LineError> {
    while let Some((n, line)) = lines.next()? {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (t, name, aliases, id) = match cols[..] {
            [t, name] => (t, name, "", ""),
            [t, name, aliases] => (t, name, aliases, ""),
            [t, name, aliases, id] => (t, name, aliases, id),
            _ => {
                let reason = format!(
                    "{} columns; a line is type<TAB>name<TAB>aliases<TAB>id",
                    cols.len()
                );
                return Err((n, reason));
            }
        };
        let t = match t {
            "person" => UserType::Person,
            "country" => UserType::Country,
            "organization" => UserType::Organization,
            "event" => UserType::Event,
            _ => {
                let reason = format!("type {t:?} is none of person, country, organization, event");
                return Err((n, reason));
            }
        };
        if name.is_empty() {
            return Err((n, "no name".into()));
        }
        let id = Some(id).filter(|id| !id.is_empty());
        let forms = std::iter::once(name).chain(aliases.split('|').map(str::trim));
        for form in forms.filter(|f| !f.is_empty()) {
            g.add(t, (name, id), form, false)
                .map_err(|e| (n, e.to_string()))?;
        }
    }
    Ok(Skipped::new())
}

fn jsonl(g: &mut Gazetteer, lines: &mut Lines) -> Result<Skipped, LineError> {
    let mut skipped = Skipped::new();
    while let Some((n, line)) = lines.next()? {
        let value: Value = serde_json::from_str(line).map_err(|e| (n, format!("not JSON: {e}")))?;
        let pattern = Pattern::read(&value).map_err(|reason| (n, reason))?;
        let why = match pattern.add(g) {
            Ok(()) => continue,
            Err(why) => why,
        };
        *skipped.entry(why).or_default() += 1;
    }
    Ok(skipped)
}

/// One spaCy pattern, read.
struct Pattern<'v> {
    label: &'v str,
    /// The form as text, and whether it matches in any case; or why it cannot be read as
    /// one (a token attribute newsparse does not match on).
    form: Result<(String, bool), String>,
    id: Option<String>,
}

impl<'v> Pattern<'v> {
    /// The pattern of a line, or what is wrong with it.
    fn read(value: &'v Value) -> Result<Pattern<'v>, String> {
        let Value::Object(object) = value else {
            return Err("not a JSON object".into());
        };
        let Some(Value::String(label)) = object.get("label") else {
            return Err("no \"label\" string".into());
        };
        let id = match object.get("id") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(_) => return Err("\"id\" is neither a string nor a number".into()),
        };
        let form = match object.get("pattern") {
            Some(Value::String(s)) => Ok((s.trim().to_owned(), false)),
            Some(Value::Array(tokens)) => tokens_form(tokens)?,
            _ => return Err("no \"pattern\" string or list of tokens".into()),
        };
        Ok(Pattern { label, form, id })
    }

    /// Adds the pattern to `g`, or says why it is skipped.
    fn add(self, g: &mut Gazetteer) -> Result<(), String> {
        let (form, any_case) = self.form?;
        let t = match self.label {
            "PERSON" => UserType::Person,
            "ORG" => UserType::Organization,
            "EVENT" => UserType::Event,
            "GPE" | "LOC" if g.is_country(&form) => UserType::Country,
            "GPE" | "LOC" => return Err("GPE or LOC names no known country".into()),
            "NORP" => UserType::Demonym,
            other => {
                return Err(format!(
                    "label {other} (newsparse reads PERSON, ORG, GPE, LOC, EVENT, NORP)"
                ));
            }
        };
        match g.add(t, (&form, self.id.as_deref()), &form, any_case) {
            Ok(()) => Ok(()),
            Err(newsparse::AddError::UnknownCountry(_)) => {
                Err("NORP is no demonym of a known country".into())
            }
            Err(e) => Err(e.to_string()),
        }
    }
}

/// The text a list of token patterns matches: the tokens joined by spaces, but a token of
/// punctuation alone ("-", ".", "'s") joined to its neighbours, as spaCy splits
/// "Coca-Cola" and "Corp." (spaCy's patterns say nothing of the spaces between tokens).
/// Matched in any case if a token asks `LOWER`. Err with the reason for a wrong token; Ok
/// of Err for a pattern skipped (an attribute other than ORTH, TEXT and LOWER).
fn tokens_form(tokens: &[Value]) -> Result<Result<(String, bool), String>, String> {
    let (mut form, mut any_case, mut glued) = (String::new(), false, true);
    for token in tokens {
        let Value::Object(attrs) = token else {
            return Err("a token pattern is not an object".into());
        };
        let mut text = None;
        for (key, value) in attrs {
            match (key.as_str(), value) {
                ("ORTH" | "TEXT", Value::String(s)) => text = Some(s.as_str()),
                ("LOWER", Value::String(s)) => {
                    text = Some(s.as_str());
                    any_case = true;
                }
                ("ORTH" | "TEXT" | "LOWER", _) => {
                    return Err(format!("token attribute {key} is not a string"));
                }
                _ => {
                    let why = "token attributes other than ORTH, TEXT and LOWER (OP, POS, …)";
                    return Ok(Err(why.into()));
                }
            }
        }
        let Some(text) = text else {
            return Ok(Err("a token with no ORTH, TEXT or LOWER".into()));
        };
        let punctuation = !text.chars().any(char::is_alphanumeric);
        if !(glued || punctuation) {
            form.push(' ');
        }
        form.push_str(text);
        glued = punctuation;
    }
    Ok(Ok((form, any_case)))
}
