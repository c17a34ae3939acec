//! The run's configuration, resolved once from the arguments and the environment.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context;
use globset::{Glob, GlobMatcher};
use newsparse::{Date, Options, Style};

use crate::cli::args::{Cli, InputFormat};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

#[derive(Debug, Clone)]
pub enum Action {
    PrintSchema,
    Parse,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub action: Action,
    pub inputs: Vec<Input>,
    pub format: InputFormat,
    pub id_field: String,
    pub text_field: String,
    pub glob: GlobMatcher,
    pub style: Style,
    pub options: Options,
    pub jobs: usize,
    /// One article file (or standard input): no threads are worth starting for it.
    pub single: bool,
    pub output_dir: Option<PathBuf>,
    pub error_records: bool,
    pub max_bytes: u64,
    /// The encoding the user forces, else detected per input.
    pub encoding: Option<&'static newsparse::Encoding>,
    /// A progress bar on standard error: only for a person watching a batch.
    pub progress: bool,
    /// Whether stdout is a terminal: then records are flushed as they come.
    pub stdout_is_terminal: bool,
}

impl Config {
    pub fn new(cli: Cli) -> anyhow::Result<Config> {
        let mut inputs: Vec<Input> = cli.paths.into_iter().map(input).collect();
        if inputs.is_empty() {
            inputs.push(Input::Stdin);
        }
        // One article file is one pretty record; anything that may hold more is JSON Lines.
        let single = inputs.len() == 1
            && cli.input == InputFormat::Text
            && match &inputs[0] {
                Input::Stdin => true,
                Input::Path(p) => !p.is_dir(),
            };
        let style = if cli.compact {
            Style::Compact
        } else if cli.pretty || single || cli.output_dir.is_some() {
            Style::Pretty
        } else {
            Style::Compact
        };
        let pattern = cli.glob.unwrap_or_else(|| {
            match cli.input {
                InputFormat::Text => "*.txt",
                InputFormat::Jsonl => "*.jsonl",
            }
            .to_owned()
        });
        let glob = Glob::new(&pattern)
            .with_context(|| format!("invalid --glob {pattern:?}"))?
            .compile_matcher();
        let jobs = cli.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            |n| n.get(),
        );
        Ok(Config {
            action: if cli.schema {
                Action::PrintSchema
            } else {
                Action::Parse
            },
            progress: !cli.quiet && !single && std::io::stderr().is_terminal(),
            inputs,
            format: cli.input,
            id_field: cli.id_field,
            text_field: cli.text_field,
            glob,
            style,
            options: Options::default()
                .with_reference_date(cli.reference_date.unwrap_or_else(today)),
            jobs,
            single,
            output_dir: cli.output_dir,
            error_records: cli.error_records,
            max_bytes: cli.max_bytes,
            encoding: cli.encoding,
            stdout_is_terminal: std::io::stdout().is_terminal(),
        })
    }
}

fn input(arg: OsString) -> Input {
    if arg == "-" {
        Input::Stdin
    } else {
        Input::Path(PathBuf::from(arg))
    }
}

/// Today in UTC.
fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days((secs / 86_400) as i64)
}
