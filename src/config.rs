//! The run's configuration, resolved once from the arguments and the environment.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use newsparse::{Date, Options, Style};

use crate::cli::Cli;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// The name a record's `source` and an error message give this input.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::Path(p) => p.to_string_lossy().into_owned(),
        }
    }
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
    pub style: Style,
    pub options: Options,
    /// Whether stdout is a terminal: then records are flushed as they come.
    pub stdout_is_terminal: bool,
}

impl Config {
    pub fn new(cli: Cli) -> Config {
        let mut inputs: Vec<Input> = cli.files.into_iter().map(input).collect();
        if inputs.is_empty() {
            inputs.push(Input::Stdin);
        }
        let style = if cli.compact {
            Style::Compact
        } else if cli.pretty || inputs.len() == 1 {
            Style::Pretty
        } else {
            Style::Compact
        };
        Config {
            action: if cli.schema {
                Action::PrintSchema
            } else {
                Action::Parse
            },
            inputs,
            style,
            options: Options {
                reference_date: cli.reference_date.unwrap_or_else(today),
            },
            stdout_is_terminal: std::io::stdout().is_terminal(),
        }
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
