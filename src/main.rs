//! The `newsparse` binary: arguments → configuration → run. All the parsing is in the library.

mod cli;

use std::process::ExitCode;

// A record costs a few hundred small allocations; mimalloc serves them at a fraction of
// glibc malloc's cost.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Bad arguments exit with 2 (clap's own errors too), a failure to write the output with 1;
/// `run` says how everything else ended (`cli::exit`).
fn main() -> ExitCode {
    let config = match cli::config::Config::new(cli::args::Cli::parse_args()) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("newsparse: {e:#}");
            return cli::exit::Exit::Usage.into();
        }
    };
    // Before anything is written: --output-dir's names must not collide.
    if let Err(e) = cli::outdir::prepare(&config) {
        eprintln!("newsparse: {e:#}");
        return cli::exit::Exit::Usage.into();
    }
    match cli::run::run(&config) {
        Ok(exit) => exit.into(),
        Err(e) => {
            eprintln!("newsparse: {e:#}");
            cli::exit::Exit::InputFailed.into()
        }
    }
}
