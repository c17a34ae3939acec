//! The `newsparse` binary: arguments → configuration → run. All the parsing is in the library.

mod cli;
mod config;
mod inputs;
mod run;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let config = match config::Config::new(cli::Cli::parse()) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("newsparse: {e:#}");
            return run::Exit::Usage.into();
        }
    };
    match run::run(&config) {
        Ok(exit) => exit.into(),
        Err(e) => {
            eprintln!("newsparse: {e:#}");
            run::Exit::InputFailed.into()
        }
    }
}
