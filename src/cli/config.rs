//! The run's configuration, resolved once from the arguments and the environment (is
//! standard output a terminal? how many cores?) and never changed after: a plan for
//! `inputs`, the settings of each parse, the sink's settings, and how many workers. Each
//! part goes only to the code that needs it.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::anyhow;
use globset::Glob;
use newsparse::{Date, Encoding, Gazetteer, Options, Style};

use crate::cli::args::{Cli, Generate, InputFormat, LanguageArg, OutputFormat};
use crate::cli::gazetteers;
use crate::cli::inputs::{self, Input, Plan};
use crate::cli::sink;

#[derive(Debug, Clone)]
pub enum Action {
    PrintSchema,
    Generate(Generate),
    Parse,
}

/// How each item's text becomes a record.
#[derive(Debug, Clone)]
pub struct Parsing {
    pub options: Options<'static>,
    /// The encoding the user forces, else detected per input.
    pub encoding: Option<&'static Encoding>,
    /// JSON records laid out as `style`, or HTML pages.
    pub format: OutputFormat,
    pub style: Style,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub action: Action,
    pub inputs: Plan,
    pub parsing: Parsing,
    pub sink: sink::Settings,
    /// Workers parsing at once; 1 parses on the main thread (and always for one article
    /// file or standard input: no threads are worth starting for it).
    pub jobs: usize,
}

impl Config {
    pub fn new(cli: Cli) -> anyhow::Result<Config> {
        let mut inputs: Vec<Input> = cli.paths.into_iter().map(input).collect();
        if inputs.is_empty() {
            // Waiting in silence for a user to type an article is no help.
            if std::io::stdin().is_terminal() {
                return Err(anyhow!(
                    "no input: give files or folders, or pipe articles into standard input \
                     (newsparse --help)"
                ));
            }
            inputs.push(Input::Stdin);
        }
        let single = inputs.len() == 1
            && cli.input == InputFormat::Text
            && match &inputs[0] {
                Input::Stdin => true,
                Input::Path(p) => !p.is_dir(),
            };
        // One article on a terminal is a pretty record; anything else that goes to standard
        // output is JSON Lines, so that `newsparse one/*.txt > all.jsonl` is JSON Lines
        // whether the glob matched one file or many. Files under --output-dir are pretty.
        let style = if cli.compact {
            Style::Compact
        } else if cli.pretty
            || cli.output_dir.is_some()
            || single && std::io::stdout().is_terminal()
        {
            Style::Pretty
        } else {
            Style::Compact
        };
        // Pages one after another are no page: more than one needs a file each.
        if cli.format == OutputFormat::Html && !single && cli.output_dir.is_none() {
            return Err(anyhow!(
                "--format html writes one page per article: with several inputs (files, a \
                 folder, --input jsonl), give --output-dir DIR for a NAME.html each"
            ));
        }
        let pattern = cli.glob.unwrap_or_else(|| {
            match cli.input {
                InputFormat::Text => "*.txt",
                InputFormat::Jsonl => "*.jsonl",
            }
            .to_owned()
        });
        // --glob is checked by its parser, and the defaults are globs.
        let glob = Glob::new(&pattern).expect("a glob").compile_matcher();
        // Read before any article: a bad line ends the run as a usage error.
        let gazetteer = gazetteers::load(&cli.gazetteer)?;
        let progress = !cli.quiet && !single && std::io::stderr().is_terminal();
        let options = options(cli.reference_date, cli.language, gazetteer);
        let jobs = match cli.jobs {
            _ if single => 1,
            Some(n) => n.get(),
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let mut config = Config {
            action: match (cli.schema, cli.generate) {
                (true, _) => Action::PrintSchema,
                (_, Some(what)) => Action::Generate(what),
                _ => Action::Parse,
            },
            inputs: Plan {
                inputs,
                format: cli.input,
                glob,
                max_bytes: cli.max_bytes,
                id_field: cli.id_field,
                text_field: cli.text_field,
                file_names: cli.output_dir.is_some(),
                extension: match cli.format {
                    OutputFormat::Json => "json",
                    OutputFormat::Html => "html",
                },
            },
            parsing: Parsing {
                options,
                encoding: cli.encoding,
                format: cli.format,
                style,
            },
            sink: sink::Settings {
                output_dir: cli.output_dir,
                error_records: cli.error_records,
                progress,
                total: None,
                flush_each: std::io::stdout().is_terminal(),
            },
            jobs,
        };
        // The total, for a person watching: folders are walked once more to count.
        if config.sink.progress {
            config.sink.total = inputs::count(&config.inputs);
        }
        Ok(config)
    }
}

/// The options of every parse: the gazetteer, today's date (or the one given), the
/// language if forced.
fn options(
    reference_date: Option<Date>,
    language: Option<LanguageArg>,
    gazetteer: Option<&'static Gazetteer>,
) -> Options<'static> {
    let options = Options::default()
        .with_gazetteer(gazetteer.unwrap_or(Gazetteer::builtin()))
        .with_reference_date(reference_date.unwrap_or_else(today));
    match language {
        Some(language) => options.with_language(language.into()),
        None => options,
    }
}

fn input(arg: OsString) -> Input {
    if arg == "-" {
        Input::Stdin
    } else {
        Input::Path(PathBuf::from(arg))
    }
}

/// Today in UTC: the one clock reading of a run. A clock before 1970, or past any year a
/// `Date` holds, reads as 1970-01-01.
fn today() -> Date {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    i64::try_from(days)
        .ok()
        .and_then(Date::from_unix_days)
        .or_else(|| Date::from_unix_days(0))
        .expect("1970-01-01 is a date")
}
