//! The `newsparse` binary: arguments → configuration → run. All the work is in the library.

mod cli;
mod config;
mod run;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let config = config::Config::new(cli::Cli::parse());
    match run::run(&config) {
        Ok(exit) => exit.into(),
        Err(e) => {
            eprintln!("newsparse: {e:#}");
            run::Exit::InputFailed.into()
        }
    }
}
