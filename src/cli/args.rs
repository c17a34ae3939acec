//! Command-line arguments, as the user types them (clap derive), checked one by one;
//! `config` resolves them together.

use std::ffi::OsString;
use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use newsparse::Date;

use crate::cli::exit;
use crate::cli::names::shown;

const EXAMPLES: &str = "\
Examples:
  newsparse article.txt                      one article, pretty-printed
  newsparse article.txt | jq .dateline       pick a field with jq
  newsparse a.txt b.txt c.txt > all.jsonl    several articles, one JSON line each
  newsparse archive/ > all.jsonl             every *.txt under a folder, in sorted order
  newsparse --output-dir out/ archive/       one out/…/NAME.json per article, mirroring archive/
  newsparse --format html a.txt > a.html     a page to look at: highlighted entities, quotes
  cat article.txt | newsparse                read standard input
  newsparse --input jsonl < articles.jsonl   {\"id\": …, \"text\": …} per line in, a record per line out
  parallel --pipe -k -N 1000 newsparse --input jsonl -j 1 < articles.jsonl > records.jsonl";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The JSON record (pretty for one file, else JSON Lines).
    Json,
    /// A self-contained HTML page to look at: the article as written, mentions highlighted
    /// by type, quotes linked to their speakers, a side panel of the entities. One input
    /// only, unless --output-dir writes a NAME.html per input.
    Html,
}

/// `--language`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    /// English.
    En,
    /// Russian.
    Ru,
}

impl From<LanguageArg> for newsparse::Language {
    fn from(l: LanguageArg) -> Self {
        match l {
            LanguageArg::En => newsparse::Language::En,
            LanguageArg::Ru => newsparse::Language::Ru,
        }
    }
}

/// What `--generate` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    /// Completions for bash.
    CompleteBash,
    /// Completions for zsh.
    CompleteZsh,
    /// Completions for fish.
    CompleteFish,
    /// Completions for PowerShell.
    CompletePowershell,
    /// The man page (roff), newsparse.1.
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One article per file (or standard input).
    Text,
    /// JSON Lines: one article per line, as an object with an id and a text field.
    Jsonl,
}

/// Splits news-agency articles (TASS, Reuters, Xinhua, AP) into headline, lead, dateline and
/// body, finds the people, countries, organizations, events and quotes they hold, and prints
/// each article as one JSON record.
#[derive(Debug, Parser)]
#[command(name = "newsparse", version, about, after_help = format!("{EXAMPLES}\n\n{}", exit::HELP))]
pub struct Cli {
    /// Articles: files, or folders walked recursively for files matching --glob (a folder
    /// with none is a failed input). None, or `-`, reads standard input (none given on a
    /// terminal is a usage error). One article on a terminal prints one pretty record;
    /// otherwise JSON Lines, one compact record per line, in order.
    #[arg(value_name = "PATH")]
    pub paths: Vec<OsString>,

    /// Print each record on one line: the default whenever standard output is no terminal
    /// (a pipe, a file), so that the output is JSON Lines however many inputs there are.
    #[arg(long, conflicts_with = "pretty")]
    pub compact: bool,

    /// Print each record indented over several lines: the default for one article on a
    /// terminal, and for the files of --output-dir.
    #[arg(long)]
    pub pretty: bool,

    /// What each record is written as. `html` is one page per article, for a person:
    /// `newsparse --format html article.txt > page.html`. It loads nothing from the
    /// network (inline CSS, no script); the article's text is always escaped. Several
    /// inputs need --output-dir (pages are not concatenated).
    #[arg(long, value_enum, default_value = "json", value_name = "FORMAT")]
    pub format: OutputFormat,

    /// How inputs hold articles.
    #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
    pub input: InputFormat,

    /// With --input jsonl: the field that names an article, a string or a number; its value
    /// becomes `source` as written.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,

    /// With --input jsonl: the field that holds an article's text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,

    /// Files to take from folders [default: *.txt, or *.jsonl with --input jsonl].
    #[arg(long, value_name = "PATTERN", value_parser = parse_glob)]
    pub glob: Option<String>,

    /// Parse this many articles at once, 1 to 1024 [default: the number of cores]. Output
    /// keeps the input order.
    #[arg(long, short = 'j', value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<NonZeroUsize>,

    /// Write one NAME.json (NAME.html with --format html) per input into DIR instead of
    /// printing records: each file's path after the folders that all inputs share (a folder
    /// given alone: the tree under it; several: each under its name), a JSON Lines article
    /// as its id (characters a name cannot hold as %XX). A run where two inputs would share a file is refused (exit 2)
    /// before anything is written (but for JSON Lines from a stream such as standard input,
    /// where the later one is an error, not written). Each file is written whole, by a
    /// rename, never through a link at its name.
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,

    /// For an input that fails, print an error record in its place:
    /// {"schema_version":1,"source":…,"error":{"kind":…,"message":…}}. The error also goes to
    /// standard error. With --output-dir, the run's error records are the lines of
    /// DIR/errors.jsonl (emptied as the run starts).
    #[arg(long)]
    pub error_records: bool,

    /// Read articles in this encoding (a WHATWG label: utf-8, utf-16le, windows-1251,
    /// koi8-r, latin1…) instead of detecting it [default: a byte-order mark, else UTF-8,
    /// else the likeliest legacy encoding].
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static newsparse::Encoding>,

    /// The largest article (or JSON Lines line) read, in bytes; K, M and G suffixes are
    /// binary multiples. A larger input is refused, and a device or pipe that never ends is
    /// read only this far.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,

    /// No progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// The latest date a weekday in the first paragraph ("on Tuesday") may resolve the
    /// dateline's year to, its year of four digits [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_reference_date)]
    pub reference_date: Option<Date>,

    /// The articles' language, ISO 639-1 [default: decided from each article's text:
    /// Russian where Cyrillic letters outnumber Latin ones]. It is the record's `language`.
    #[arg(long, value_enum, value_name = "CODE")]
    pub language: Option<LanguageArg>,

    /// Your own people, countries, organizations and events, besides the built-in lists;
    /// repeatable. A `.tsv` file holds type<TAB>name<TAB>aliases<TAB>id a line (type:
    /// person, country, organization or event; aliases `|`-separated; id free text, such as
    /// a Wikidata QID, or a country's ISO code); a `.jsonl` file spaCy EntityRuler patterns
    /// ({"label": "ORG", "pattern": "Acme Corp", "id": "Q1"}). Each entity's `id` goes into
    /// the record. A bad line stops the run before any article is read.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,

    /// Print a shell's completions or the man page and exit: `newsparse --generate
    /// complete-bash > /etc/bash_completion.d/newsparse`, `newsparse --generate man >
    /// newsparse.1` (see the README for where each goes).
    #[arg(long, value_enum, value_name = "WHAT", exclusive = true)]
    pub generate: Option<Generate>,

    /// Print the JSON Schema of the record and exit.
    #[arg(long, exclusive = true)]
    pub schema: bool,
}

impl Cli {
    /// The arguments of the process, or the end of it, as `Parser::parse`; but the argument
    /// or value a usage error quotes is shown as every name is (`names::shown`), where clap
    /// would print a newline or a bidirectional control in it as it is.
    pub fn parse_args() -> Cli {
        use clap::error::{ContextKind, ContextValue};
        Cli::try_parse().unwrap_or_else(|mut e| {
            for kind in [ContextKind::InvalidArg, ContextKind::InvalidValue] {
                if let Some(ContextValue::String(value)) = e.get(kind) {
                    let value = shown(value).into_owned();
                    e.insert(kind, ContextValue::String(value));
                }
            }
            // The tips quote the argument too ("to pass '--x' as a value, use '-- --x'").
            if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
                let tips = tips
                    .iter()
                    .map(|tip| shown(&tip.to_string()).into_owned().into())
                    .collect();
                e.insert(ContextKind::Suggested, ContextValue::StyledStrs(tips));
            }
            e.exit()
        })
    }
}

/// The most `--jobs`: a thread each, and room for a batch of articles each; more is a typo.
const MAX_JOBS: usize = 1024;

/// `--jobs`: 1 to `MAX_JOBS`.
fn parse_jobs(text: &str) -> Result<NonZeroUsize, String> {
    text.parse::<NonZeroUsize>()
        .ok()
        .filter(|n| n.get() <= MAX_JOBS)
        .ok_or_else(|| format!("not a number of jobs from 1 to {MAX_JOBS}: {text:?}"))
}

/// `--glob`: a pattern globset reads, checked here so that a bad one is a usage error like
/// any other.
fn parse_glob(text: &str) -> Result<String, String> {
    globset::Glob::new(text)
        .map(|_| text.to_owned())
        .map_err(|e| format!("not a glob: {}", e.kind()))
}

/// `--reference-date`: a date whose year has four digits, as the record's dates do.
fn parse_reference_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .ok()
        .filter(|d| (1000..=9999).contains(&d.year()))
        .ok_or_else(|| format!("not a date YYYY-MM-DD with a year from 1000 to 9999: {text:?}"))
}

/// `1000`, `64K`, `64M`, `1G` (binary multiples).
fn parse_size(text: &str) -> Result<u64, String> {
    let (digits, shift) = match text.as_bytes().last() {
        Some(b'K' | b'k') => (&text[..text.len() - 1], 10),
        Some(b'M' | b'm') => (&text[..text.len() - 1], 20),
        Some(b'G' | b'g') => (&text[..text.len() - 1], 30),
        _ => (text, 0),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("not a size: {text:?} (e.g. 1000, 64K, 64M, 1G)"))?;
    n.checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("not a usable size: {text:?}"))
}

/// The encoding a WHATWG label names ("utf-8", "cp1251", "latin1", "koi8-r"), by
/// `Encoding::for_label`: the library takes an `Encoding`, and only `--encoding` reads labels.
fn parse_encoding(label: &str) -> Result<&'static newsparse::Encoding, String> {
    newsparse::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!("unknown encoding {label:?} (e.g. utf-8, utf-16le, windows-1251, koi8-r, latin1)")
    })
}
