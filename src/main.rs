//! The `newsparse` binary: arguments → configuration → run. All the parsing is in the library.

mod cli;

use std::process::ExitCode;

use clap::Parser;

// A record costs a few hundred small allocations; mimalloc serves them at a fraction of
// glibc malloc's cost.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let config = match cli::config::Config::new(cli::args::Cli::parse()) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("newsparse: {e:#}");
            return cli::run::Exit::Usage.into();
        }
    };
    match cli::run::run(&config) {
        Ok(exit) => exit.into(),
        Err(e) => {
            eprintln!("newsparse: {e:#}");
            cli::run::Exit::InputFailed.into()
        }
    }
}
