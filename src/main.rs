//! The `newsparse` binary: arguments → configuration → run. All the parsing is in the library.

mod cli;

use std::process::ExitCode;

// A record costs a few hundred small allocations; mimalloc serves them at a fraction of
// glibc malloc's cost.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Bad arguments exit with 2 (clap's own errors too), a failure to write the output with 1;
/// `run` says how everything else ended (`cli::exit`).
/// mimalloc's option `purge_delay` (`mi_option_purge_delay` in its mimalloc.h, not in the
/// Rust bindings): how long freed memory is kept before it goes back to the system, a second
/// by default in mimalloc v3. At 10 ms (v2's default), 64 files of 1 MB peak at about half
/// the memory, with `--jobs 2` too (the records that one thread frees were made by
/// another); at 0, `--jobs 2` on short articles was a fifth slower.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // SAFETY: sets an option by its index, before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) };
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
    let exit = match cli::run::run(&config) {
        Ok(exit) => exit,
        Err(e) => {
            eprintln!("newsparse: {e:#}");
            cli::exit::Exit::InputFailed
        }
    };
    // The process ends: the system takes its memory back whole. Without this, mimalloc
    // gives its freed pages back one by one at exit (a hundred `madvise` calls after one
    // article, a tenth of its start-up). A negative delay is no purging at all.
    // SAFETY: sets an option by its index; the other threads are done or idle.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    exit.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_set_is_the_purge_delay() {
        // Its default (1000 ms in mimalloc v3): a wrong index would read another option.
        // SAFETY: reads an option by its index.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            1000
        );
    }
}
