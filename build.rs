//! Compiles the word lists of `src/data/` into the binary: the sorted lists that
//! `wordlist::WordSet` searches, and the gazetteers (countries, not-countries,
//! organizations, titles) as an Aho-Corasick automaton (daachorse's double array, built
//! leftmost-longest and serialized) and the tables its values index. Building the
//! automaton costs milliseconds; deserializing it costs microseconds, and newsparse is
//! started once per file in shell loops.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use daachorse::{DoubleArrayAhoCorasickBuilder, MatchKind};

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

    writeln!(
        code,
        "/// What each pattern of the automaton is, by its value."
    )
    .unwrap();
    writeln!(code, "pub(crate) static ENTRIES: &[Entry] = &[").unwrap();
    for entry in &table.entries {
        writeln!(code, "    {entry},").unwrap();
    }
    code.push_str(
        "];\n\n/// The patterns, in the same order.\npub(crate) static FORMS: &[&str] = &[\n",
    );
    for form in &table.forms {
        writeln!(code, "    {form:?},").unwrap();
    }
    code.push_str("];\n");

    // No prefilter: it adds 64 KiB to load at every start, to speed up texts of kilobytes.
    let mut lists = String::new();
    // Word lists, sorted for binary search: no hashing at start-up.
    for (name, file) in [
        ("ORG_HEADS", "org-heads.txt"),
        ("EVENT_HEADS", "event-heads.txt"),
        ("STOPWORDS", "stopwords.txt"),
        ("SPEECH_VERBS", "speech-verbs.txt"),
        ("GIVEN_NAMES", "given-names.txt"),
        ("FURNITURE", "furniture.txt"),
        ("ABBREVIATIONS", "abbreviations.txt"),
    ] {
        let text = read(file);
        let mut words: Vec<&str> = data_lines(&text).map(str::trim).collect();
        words.sort_unstable();
        words.dedup();
        // starts[b]: the first word whose first byte is b or more.
        let starts: Vec<usize> = (0..=256)
            .map(|b| words.partition_point(|w| usize::from(w.as_bytes()[0]) < b))
            .collect();
        writeln!(
            lists,
            "\npub(crate) static {name}: WordSet = WordSet {{ words: &{words:?}, starts: &{starts:?} }};"
        )
        .unwrap();
    }

    let automaton = DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .use_prefilter(false)
        .build_with_values(table.forms.iter().enumerate().map(|(i, f)| (f, i as u32)))
        .expect("gazetteer automaton");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("gazetteer.rs"), code).expect("write gazetteer.rs");
    std::fs::write(out.join("wordlists.rs"), lists).expect("write wordlists.rs");
    std::fs::write(out.join("gazetteer.daac"), automaton.serialize())
        .expect("write gazetteer.daac");
    println!("cargo::rerun-if-changed=build.rs");
}
