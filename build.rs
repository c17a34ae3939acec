//! Compiles the word lists of `src/data/` into the binary as static hash tables
//! (`wordlist::WordSet`), and the gazetteers (countries, not-countries, organizations,
//! titles) as tables of phrases keyed by their first word (`gazetteer::PhraseTable`), one
//! as written and one lowercased. Nothing is built or hashed when a process starts:
//! newsparse is started once per file in shell loops.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "src/text/strtable.rs"]
mod strtable;

/// Lines that are neither blank nor `#` comments.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// A `|`-separated field; `-` or nothing is none.
fn forms(field: &str) -> impl Iterator<Item = &str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty() && *f != "-")
}

fn read(name: &str) -> String {
    println!("cargo::rerun-if-changed=src/data/{name}");
    std::fs::read_to_string(format!("src/data/{name}"))
        .unwrap_or_else(|e| panic!("src/data/{name}: {e}"))
}

/// A `PhraseTable` named `name` over `(phrase, entry)` pairs: each phrase under its first
/// word (its leading letters and digits), longest first, so that the first phrase found
/// at a word is the longest.
fn phrase_table(name: &str, phrases: &[(String, usize)]) -> String {
    let mut keys: Vec<&str> = Vec::new();
    let mut under: HashMap<&str, Vec<usize>> = HashMap::new();
    for (p, (phrase, _)) in phrases.iter().enumerate() {
        let end = phrase
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(phrase.len(), |(i, _)| i);
        assert!(
            end > 0,
            "a gazetteer form must start with a letter or digit: {phrase:?}"
        );
        let key = &phrase[..end];
        under
            .entry(key)
            .or_insert_with(|| {
                keys.push(key);
                Vec::new()
            })
            .push(p);
    }
    let mut spans = Vec::new();
    let mut ordered = Vec::new();
    for key in &keys {
        let mut group = under[key].clone();
        group.sort_by_key(|&p| std::cmp::Reverse(phrases[p].0.len()));
        spans.push((ordered.len(), ordered.len() + group.len()));
        ordered.extend(group.iter().map(|&p| (phrases[p].0.as_str(), phrases[p].1)));
    }
    format!(
        "pub(crate) static {name}: PhraseTable = PhraseTable {{\n    keys: {},\n    \
         spans: &{spans:?},\n    phrases: &{ordered:?},\n}};\n",
        strtable::Table::source(&keys)
    )
}

struct Table {
    forms: Vec<String>,
    entries: Vec<String>,
    seen: HashSet<String>,
}

impl Table {
    /// The first entry given for a form wins: blockers, countries, organizations, titles.
    fn add(&mut self, form: &str, entry: String) {
        if self.seen.insert(form.to_owned()) {
            self.forms.push(form.to_owned());
            self.entries.push(entry);
        }
    }
}

fn main() {
    let mut table = Table {
        forms: Vec::new(),
        entries: Vec::new(),
        seen: HashSet::new(),
    };
    let mut code = String::new();

    for phrase in data_lines(&read("not-countries.txt")) {
        table.add(phrase.trim(), "Entry::NotCountry".into());
    }

    code.push_str("pub(crate) static COUNTRIES: &[CountryData] = &[\n");
    for (id, line) in data_lines(&read("countries.tsv")).enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [iso, name, names, demonyms] = cols[..] else {
            panic!("countries.tsv: not 4 columns: {line:?}");
        };
        let iso = if iso == "-" {
            "None".to_owned()
        } else {
            format!("Some({iso:?})")
        };
        writeln!(code, "    CountryData {{ name: {name:?}, iso: {iso} }},").unwrap();
        for form in std::iter::once(name).chain(forms(names)) {
            table.add(
                form,
                format!("Entry::Country {{ id: {id}, demonym: false }}"),
            );
        }
        for form in forms(demonyms) {
            table.add(
                form,
                format!("Entry::Country {{ id: {id}, demonym: true }}"),
            );
        }
    }
    code.push_str("];\n\npub(crate) static ORGANIZATION_ACRONYMS: &[Option<&str>] = &[\n");
    for (id, line) in data_lines(&read("organizations.tsv")).enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [name, acronym, others] = cols[..] else {
            panic!("organizations.tsv: not 3 columns: {line:?}");
        };
        let acronym = forms(acronym).next();
        writeln!(code, "    {acronym:?},").unwrap();
        for form in std::iter::once(name).chain(acronym).chain(forms(others)) {
            table.add(form, format!("Entry::Organization({id})"));
        }
    }
    code.push_str("];\n\n");
    for title in data_lines(&read("titles.txt")) {
        table.add(title.trim(), "Entry::Title".into());
    }

    writeln!(code, "/// What each form is, by its index.").unwrap();
    writeln!(code, "pub(crate) static ENTRIES: &[Entry] = &[").unwrap();
    for entry in &table.entries {
        writeln!(code, "    {entry},").unwrap();
    }
    code.push_str("];\n\n");

    let exact: Vec<(String, usize)> = table.forms.iter().cloned().zip(0..).collect();
    code.push_str(&phrase_table("EXACT", &exact));
    // For all-lowercase text: the forms with a lowercase letter (never acronyms, so that
    // "us" and "who" stay words), lowercased; the first form wins a lowercase spelling.
    let mut seen = HashSet::new();
    let caseless: Vec<(String, usize)> = table
        .forms
        .iter()
        .zip(0..)
        .filter(|(f, _)| f.chars().any(char::is_lowercase))
        .map(|(f, i)| (f.to_lowercase(), i))
        .filter(|(f, _)| seen.insert(f.clone()))
        .collect();
    code.push_str(&phrase_table("CASELESS", &caseless));

    let mut lists = String::new();
    for (name, file) in [
        ("ORG_HEADS", "org-heads.txt"),
        ("EVENT_HEADS", "event-heads.txt"),
        ("STOPWORDS", "stopwords.txt"),
        ("SPEECH_VERBS", "speech-verbs.txt"),
        ("CUE_VERBS", "cue-verbs.txt"),
        ("GIVEN_NAMES", "given-names.txt"),
        ("FURNITURE", "furniture.txt"),
        ("ABBREVIATIONS", "abbreviations.txt"),
        ("ROLE_WORDS", "role-words.txt"),
        ("PLACE_PARTICLES", "place-particles.txt"),
        ("OTHER_DAY_WORDS", "other-day-words.txt"),
    ] {
        let text = read(file);
        let mut words: Vec<&str> = data_lines(&text).map(str::trim).collect();
        words.sort_unstable();
        words.dedup();
        writeln!(
            lists,
            "\npub(crate) static {name}: WordSet = WordSet({});",
            strtable::Table::source(&words)
        )
        .unwrap();
    }

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("gazetteer.rs"), code).expect("write gazetteer.rs");
    std::fs::write(out.join("wordlists.rs"), lists).expect("write wordlists.rs");
    println!("cargo::rerun-if-changed=build.rs");
}
