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

#[path = "src/text/datafile.rs"]
mod datafile;

use datafile::Shape;

#[path = "build/russian.rs"]
mod russian;

/// The word sets whose lines are phrases; every other one holds one word a line.
const PHRASE_LISTS: &[&str] = &[
    "furniture.txt",
    "term-introducers.txt",
    "media-nouns.txt",
    "credit-openers.txt",
    "correction-openers.txt",
];

/// How the lines of a plain list are checked: phrases or single words.
fn shape_of(file: &str) -> Shape {
    if PHRASE_LISTS.contains(&file) {
        Shape::Phrase
    } else {
        Shape::Word
    }
}

/// The entries of `src/data/{name}`, checked against `shape`: a bad line stops the build,
/// naming its file and line.
fn entries(name: &str, shape: Shape) -> Vec<&'static str> {
    let path = format!("src/data/{name}");
    datafile::entries(&path, read(name), shape)
        .unwrap_or_else(|e| panic!("\n{e}\n"))
        .into_iter()
        .map(|(_, line)| line)
        .collect()
}

/// A `|`-separated field; `-` or nothing is none.
fn forms(field: &str) -> impl Iterator<Item = &str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty() && *f != "-")
}

/// A build script runs once: its files can live as long as it does.
fn read(name: &str) -> &'static str {
    println!("cargo::rerun-if-changed=src/data/{name}");
    std::fs::read_to_string(format!("src/data/{name}"))
        .unwrap_or_else(|e| panic!("src/data/{name}: {e}"))
        .leak()
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
    let (forms, entries): (Vec<&str>, Vec<usize>) = ordered.into_iter().unzip();
    format!(
        "pub(crate) static {name}: PhraseTable = PhraseTable {{\n    keys: {},\n    \
         spans: &{spans:?},\n    phrases: {},\n    entries: &{entries:?},\n}};\n",
        strtable::Table::source(&keys),
        strtable::Strs::source(&forms)
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

/// The static `WordSet` `name` of `words`.
fn word_set(lists: &mut String, name: &str, mut words: Vec<&str>) {
    words.sort_unstable();
    writeln!(
        lists,
        "\npub(crate) static {name}: WordSet = WordSet({});",
        strtable::Table::source(&words)
    )
    .unwrap();
}

fn main() {
    let mut table = Table {
        forms: Vec::new(),
        entries: Vec::new(),
        seen: HashSet::new(),
    };
    let mut code = String::new();

    for phrase in entries("not-countries.txt", Shape::Phrase) {
        table.add(phrase, "Entry::NotCountry".into());
    }
    // Russian ones in the nominative, each declined (see not-countries-ru.txt).
    for phrase in entries("not-countries-ru.txt", Shape::Phrase) {
        for form in with_e(russian::name_forms(phrase, false)) {
            table.add(&form, "Entry::NotCountry".into());
        }
    }

    code.push_str("pub(crate) static COUNTRIES: &[CountryData] = &[\n");
    let countries = entries("countries.tsv", Shape::Columns { count: 4, key: 1 });
    let qids = entries("country-qids.tsv", Shape::Columns { count: 3, key: 1 });
    assert_eq!(
        countries.len(),
        qids.len(),
        "country-qids.tsv: not a line for each country of countries.tsv"
    );
    let russian = russian_countries();
    let mut ids = HashMap::new();
    for (id, (line, qid_line)) in countries.into_iter().zip(qids).enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [iso, name, names, demonyms] = cols[..] else {
            panic!("countries.tsv: not 4 columns: {line:?}");
        };
        let [qid_iso, qid_name, qid] = qid_line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("country-qids.tsv: not 3 columns: {qid_line:?}");
        };
        assert!(
            (qid_iso, qid_name) == (iso, name),
            "country-qids.tsv: {qid_line:?} where countries.tsv has {iso} {name}"
        );
        let optional = |field: &str| {
            if field == "-" {
                "None".to_owned()
            } else {
                format!("Some({field:?})")
            }
        };
        ids.insert((iso, name), id);
        let name_ru = russian
            .iter()
            .find(|(k, _)| *k == (iso, name))
            .map(|(_, r)| r.name);
        let (iso, qid, name_ru) = (
            optional(iso),
            optional(qid),
            optional(name_ru.unwrap_or("-")),
        );
        writeln!(
            code,
            "    CountryData {{ name: {name:?}, name_ru: {name_ru}, iso: {iso}, qid: {qid} }},"
        )
        .unwrap();
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
    // The Russian names and demonyms, declined, after the English forms.
    for ((iso, name), r) in &russian {
        let id = *ids
            .get(&(*iso, *name))
            .unwrap_or_else(|| panic!("countries-ru.tsv: {iso} {name} is not in countries.tsv"));
        for (forms, demonym) in [(&r.names, false), (&r.demonyms, true)] {
            for form in forms {
                table.add(
                    form,
                    format!("Entry::Country {{ id: {id}, demonym: {demonym} }}"),
                );
            }
        }
    }
    code.push_str("];\n\npub(crate) static ORGANIZATION_ACRONYMS: &[Option<&str>] = &[\n");
    let mut english_ids = HashMap::new();
    for (id, line) in entries("organizations.tsv", Shape::Columns { count: 3, key: 0 })
        .into_iter()
        .enumerate()
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [name, acronym, others] = cols[..] else {
            panic!("organizations.tsv: not 3 columns: {line:?}");
        };
        english_ids.insert(name, id);
        let acronym = forms(acronym).next();
        writeln!(code, "    {acronym:?},").unwrap();
        for form in std::iter::once(name).chain(acronym).chain(forms(others)) {
            table.add(form, format!("Entry::Organization({id})"));
        }
    }
    // Russian copy's names: of the same organizations where an English name is given, else
    // of organizations of their own, numbered after the English ones.
    let mut full_names = vec![None; english_ids.len()];
    for line in entries("organizations-ru.tsv", Shape::Columns { count: 4, key: 0 }) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [main, others, full, english] = cols[..] else {
            panic!("organizations-ru.tsv: not 4 columns: {line:?}");
        };
        let id = match forms(english).next() {
            Some(english) => *english_ids.get(english).unwrap_or_else(|| {
                panic!("organizations-ru.tsv: no {english:?} in organizations.tsv")
            }),
            None => {
                let acronym = (!main.chars().any(char::is_lowercase)).then_some(main);
                writeln!(code, "    {acronym:?},").unwrap();
                full_names.push(None);
                full_names.len() - 1
            }
        };
        let full = forms(full).next();
        // The record's name: the full name; else a word the copy declines (Роспотребнадзора
        // is Роспотребнадзор), but not an acronym, which stays as the text writes it.
        full_names[id] = full.or((main.chars().any(char::is_lowercase)).then_some(main));
        for form in std::iter::once(main).chain(forms(others)).chain(full) {
            for inflected in russian_cases(form) {
                table.add(&inflected, format!("Entry::Organization({id})"));
            }
        }
    }
    code.push_str("];\n\n");
    code.push_str(
        "/// The full Russian name of each organization that has one (organizations-ru.tsv).\n",
    );
    code.push_str("pub(crate) static ORGANIZATION_NAMES_RU: &[Option<&str>] = &[\n");
    for full in &full_names {
        writeln!(code, "    {full:?},").unwrap();
    }
    code.push_str("];\n\n");
    for title in entries("titles.txt", Shape::Phrase) {
        table.add(title, "Entry::Title".into());
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

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("gazetteer.rs"), code).expect("write gazetteer.rs");
    std::fs::write(out.join("wordlists.rs"), word_lists()).expect("write wordlists.rs");
    println!("cargo::rerun-if-changed=build.rs");
}

/// A Russian organization's name and its oblique cases, declined as the country names are
/// (`russian::name_forms`: the first noun and the adjectives before it agree, the words
/// after it stay: Министерства обороны России, Росгвардии, Кремлем). Acronyms and
/// contractions that do not decline (Минобороны, ФСБ) stay as they are.
fn russian_cases(form: &str) -> Vec<String> {
    let first = form.split([' ', '-']).next().unwrap_or(form);
    let declines = first.chars().any(char::is_lowercase)
        && !first.ends_with(['ы', 'и', 'у', 'ю', 'э'])
        && first.chars().any(|c| matches!(c, 'а'..='я'));
    if !declines {
        return vec![form.to_owned()];
    }
    let mut out = russian::name_forms(form, true);
    if !out.iter().any(|f| f == form) {
        out.insert(0, form.to_owned());
    }
    out
}

/// A country of `countries-ru.tsv`: its Russian name, and every form of its names and
/// demonyms.
struct Russian {
    name: &'static str,
    names: Vec<String>,
    demonyms: Vec<String>,
}

/// `countries-ru.tsv` by (ISO code, English name), in the file's order: each name declined,
/// a form after "=" taken as written; each demonym in every case, gender and number,
/// capitalized too (a sentence starts with it), with its combining form (российско-).
fn russian_countries() -> Vec<((&'static str, &'static str), Russian)> {
    let mut out = Vec::new();
    for line in entries("countries-ru.tsv", Shape::Columns { count: 5, key: 1 }) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [iso, english, ru, others, demonyms] = cols[..] else {
            panic!("countries-ru.tsv: not 5 columns: {line:?}");
        };
        let declined = |n: &str| match n.strip_prefix('=') {
            Some(literal) => vec![literal.to_owned()],
            None => match n.strip_suffix("@m") {
                Some(n) => russian::name_forms(n, true),
                None => russian::name_forms(n, false),
            },
        };
        let names = std::iter::once(ru).chain(forms(others)).flat_map(declined);
        let mut adjectives = Vec::new();
        for d in forms(demonyms) {
            let each = match d.strip_prefix('=') {
                Some(literal) => vec![literal.to_owned()],
                None => {
                    let mut f = russian::adjective_forms(d);
                    f.extend(russian::combining_form(d));
                    f
                }
            };
            for f in each {
                adjectives.push(russian::capitalized(&f));
                adjectives.push(f);
            }
        }
        // The record's name as TASS writes it, with е for ё (GUIDELINES-ru.md).
        let name: &'static str = ru.strip_suffix("@m").unwrap_or(ru).replace('ё', "е").leak();
        assert!(
            !name.starts_with('='),
            "countries-ru.tsv: a literal name: {line:?}"
        );
        out.push((
            (iso, english),
            Russian {
                name,
                names: with_e(names.collect()),
                demonyms: with_e(adjectives),
            },
        ));
    }
    out
}

/// `forms` with each one written with ё also written with е, as most copy does.
fn with_e(forms: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for f in forms {
        let e = f.replace('ё', "е").replace('Ё', "Е");
        for f in [f, e] {
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    out
}

/// The word lists (`wordlist`'s statics): sets, keyed lists and ordered lists.
fn word_lists() -> String {
    let mut lists = String::new();
    // The heads of organizations' names, English and Romance (see romance-heads.txt).
    let mut org_heads = entries("org-heads.txt", Shape::Word);
    org_heads.extend(entries("romance-heads.txt", Shape::Word));
    word_set(&mut lists, "ORG_HEADS", org_heads);
    // Role words, offices and kin alike (see kin-words.txt).
    let mut role_words = entries("role-words.txt", Shape::Word);
    role_words.extend(entries("kin-words.txt", Shape::Word));
    word_set(&mut lists, "ROLE_WORDS", role_words);
    // Russian nouns for a person and for a place, in every case (see their files).
    for (name, file) in [
        ("RU_PERSON_NOUNS", "ru-person-nouns.txt"),
        ("RU_PLACE_NOUNS", "ru-place-nouns.txt"),
    ] {
        let mut forms = Vec::new();
        for noun in entries(file, Shape::Word) {
            for form in with_e(russian::noun_forms(noun)) {
                if !forms.contains(&form) {
                    forms.push(form);
                }
            }
        }
        word_set(&mut lists, name, forms.iter().map(String::as_str).collect());
    }
    for (name, file) in [
        ("ROMANCE_HEADS", "romance-heads.txt"),
        ("EVENT_HEADS", "event-heads.txt"),
        ("STOPWORDS", "stopwords.txt"),
        ("GIVEN_NAMES", "given-names.txt"),
        ("GIVEN_NAMES_RU_M", "given-names-ru-male.txt"),
        ("GIVEN_NAMES_RU_F", "given-names-ru-female.txt"),
        ("RU_COMMON_ABBREVIATIONS", "ru-common-abbreviations.txt"),
        ("RU_LATIN_NON_NAMES", "ru-latin-non-names.txt"),
        ("RU_LATIN_KIND_NOUNS", "ru-latin-kind-nouns.txt"),
        ("FURNITURE", "furniture.txt"),
        ("KIN_WORDS", "kin-words.txt"),
        ("CUE_ADVERBS", "cue-adverbs.txt"),
        ("CUE_AUDIENCES", "cue-audiences.txt"),
        ("CUE_SUBJECT_STOPS", "cue-subject-stops.txt"),
        ("TERM_INTRODUCERS", "term-introducers.txt"),
        ("PERSON_PRONOUNS", "person-pronouns.txt"),
        ("GROUP_PRONOUNS", "group-pronouns.txt"),
        ("RU_CUE_VERBS", "ru-cue-verbs.txt"),
        ("RU_PERSON_PRONOUNS", "ru-person-pronouns.txt"),
        ("RU_ORG_DESCRIPTIONS", "ru-org-descriptions.txt"),
        ("RU_UNNAMED_SOURCES", "ru-unnamed-sources.txt"),
        ("RU_PERSON_ROLES", "ru-person-roles.txt"),
        ("RU_AGENCIES", "ru-agencies.txt"),
        ("RU_PO_IDIOMS", "ru-po-idioms.txt"),
        ("RU_NAME_STOPS", "ru-name-stops.txt"),
        ("RU_STRESSED_ADJECTIVES", "ru-stressed-adjectives.txt"),
        ("RU_DOCUMENT_NOUNS", "ru-document-nouns.txt"),
        ("DOCUMENT_NOUNS", "document-nouns.txt"),
        ("REPRESENTATIVES", "representatives.txt"),
        ("COMPANY_SUFFIXES", "company-suffixes.txt"),
        ("PLACE_PARTICLES", "place-particles.txt"),
        ("OTHER_DAY_WORDS", "other-day-words.txt"),
        ("NAME_PREPOSITIONS", "name-prepositions.txt"),
        ("NAME_OPENERS", "name-openers.txt"),
        ("NAME_SUFFIXES", "name-suffixes.txt"),
        ("LEGAL_FORMS", "legal-forms.txt"),
        ("COMPANY_CUES", "company-cues.txt"),
        ("COMPANY_POSSESSIONS", "company-possessions.txt"),
        ("COMPANY_ROLES", "company-roles.txt"),
        ("PORTFOLIO_HEADS", "portfolio-heads.txt"),
        ("TITLE_MODIFIERS", "title-modifiers.txt"),
        ("EVENT_OPENERS", "event-openers.txt"),
        ("LEGAL_PREFIXES", "legal-prefixes.txt"),
        ("NAME_PARTICLES", "name-particles.txt"),
        ("MEETING_HEADS", "meeting-heads.txt"),
        ("TEAM_NOUNS", "team-nouns.txt"),
        ("TEAM_MEMBERS", "team-members.txt"),
        ("TEAM_VERBS", "team-verbs.txt"),
        ("TEAM_PLURAL_VERBS", "team-plural-verbs.txt"),
    ] {
        word_set(&mut lists, name, entries(file, shape_of(file)));
    }
    // The heads of Russian names, every case form of each (see ru-name-heads.tsv): a set of
    // the forms, and for each form (in the set's order) its head, a line of the file.
    let heads = entries("ru-name-heads.tsv", Shape::Columns { count: 3, key: 0 });
    let mut head_of: Vec<(String, usize)> = Vec::new();
    writeln!(
        lists,
        "\npub(crate) static RU_HEADS: &[(&str, u8, u8)] = &["
    )
    .unwrap();
    for (k, line) in heads.iter().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [nom, gender, kinds] = cols[..] else {
            panic!("ru-name-heads.tsv: not 3 columns: {line:?}");
        };
        let gender_code = match gender {
            "m" => 0,
            "f" => 1,
            "n" => 2,
            "p" => 3,
            _ => panic!("ru-name-heads.tsv: gender m, f, n or p: {line:?}"),
        };
        let mut kind_bits = 0u8;
        for kind in kinds.split('|') {
            kind_bits |= match kind {
                "org" => 1,
                "event" => 2,
                "meeting" => 4,
                _ => panic!("ru-name-heads.tsv: kinds org, event, meeting: {line:?}"),
            };
        }
        writeln!(lists, "    ({nom:?}, {gender_code}, {kind_bits}),").unwrap();
        for form in russian::head_forms(nom, gender) {
            if !head_of.iter().any(|(f, _)| *f == form) {
                head_of.push((form, k));
            }
        }
    }
    lists.push_str("];\n");
    head_of.sort_unstable();
    let head_forms: Vec<&str> = head_of.iter().map(|(f, _)| f.as_str()).collect();
    let index: Vec<u16> = head_of.iter().map(|&(_, k)| k as u16).collect();
    writeln!(
        lists,
        "\npub(crate) static RU_HEAD_FORMS: WordSet = WordSet({});\npub(crate) static RU_HEAD_OF: &[u16] = &{index:?};",
        strtable::Table::source(&head_forms)
    )
    .unwrap();
    // One verb list and one abbreviation list, a column for each use (see their headers).
    for (file, sets) in [
        ("verbs.tsv", [("SPEECH_VERBS", 1), ("CUE_VERBS", 2)]),
        (
            "abbreviations.tsv",
            [("SENTENCE_ABBREVIATIONS", 1), ("NAME_ABBREVIATIONS", 2)],
        ),
    ] {
        let text = read(file);
        for (name, column) in sets {
            let words = datafile::marked(&format!("src/data/{file}"), text, 3, column)
                .unwrap_or_else(|e| panic!("\n{e}\n"));
            word_set(&mut lists, name, words);
        }
    }

    // Keyed lists, in the file's order: a word, a tab, and the words that fit it.
    for (name, file) in [
        ("PERSON_ROLES", "person-roles.tsv"),
        ("ORG_NOUNS", "org-nouns.tsv"),
    ] {
        writeln!(lists, "\npub(crate) static {name}: &[(&str, &[&str])] = &[").unwrap();
        for line in entries(file, Shape::Columns { count: 2, key: 0 }) {
            let Some((key, fits)) = line.split_once('\t') else {
                panic!("{file}: not 2 columns: {line:?}");
            };
            let fits: Vec<&str> = forms(fits).collect();
            writeln!(lists, "    ({:?}, &{fits:?}),", key.trim()).unwrap();
        }
        lists.push_str("];\n");
    }

    // Lists matched as prefixes or suffixes, or spliced into a pattern, in order: static
    // slices, as in their files.
    for (name, file) in [
        ("ATTRIBUTIVE_SUFFIXES", "attributive-suffixes.txt"),
        ("MEDIA_NOUNS", "media-nouns.txt"),
        ("ARABIC_ARTICLES", "arabic-articles.txt"),
        // Spliced into the timestamp pattern (src/layout/furniture.rs).
        ("TIME_WORDS", "time-words.txt"),
        ("SIGNOFF_WORDS", "signoff-words.txt"),
        ("CORRECTION_OPENERS", "correction-openers.txt"),
        ("CREDIT_OPENERS", "credit-openers.txt"),
        // Searched for all at once (src/entities/teams.rs).
        ("TEAM_SPORT_WORDS", "team-sport-words.txt"),
        ("TEAM_SPORTS", "team-sports.txt"),
    ] {
        let words = entries(file, shape_of(file));
        writeln!(lists, "\npub(crate) static {name}: &[&str] = &{words:?};").unwrap();
    }
    // A const, not a static: the connectors' perfect hash table is built from it at compile
    // time (src/entities/connectors.rs).
    let words = entries("connectors.txt", shape_of("connectors.txt"));
    writeln!(
        lists,
        "\npub(crate) const CONNECTORS: &[&str] = &{words:?};"
    )
    .unwrap();
    lists
}
