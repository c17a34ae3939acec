//! The exit statuses of newsparse, all in one place: the numbers, what each means, and the
//! text `--help` prints about them (the README repeats it).

use std::process::ExitCode;

/// How a run ended. clap ends a run with bad arguments itself, with `Usage`'s 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every input gave a record; also when the reader of our output went away.
    Success = 0,
    /// At least one input failed (or its record could not be written); the others were still
    /// processed.
    InputFailed = 1,
    /// Bad arguments, or --output-dir refused before anything was written.
    Usage = 2,
    /// Stopped by Ctrl-C (SIGINT): the records written so far are whole lines.
    Interrupted = 130,
}

/// The statuses as `--help` lists them, after the examples.
pub const HELP: &str = "\
Exit status:
  0  every input gave a record (a closed output pipe also ends with 0)
  1  at least one input could not be read or is no article, or its record could not be
     written; the others were still processed
  2  usage error (unknown option, bad value; --output-dir where two inputs would share a
     file, or that cannot be made): nothing was written
  130  interrupted (Ctrl-C); the records written are whole lines";

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_every_status() {
        for exit in [
            Exit::Success,
            Exit::InputFailed,
            Exit::Usage,
            Exit::Interrupted,
        ] {
            let line = format!("\n  {}  ", exit as u8);
            assert!(HELP.contains(&line), "{exit:?} missing from the help");
        }
    }
}
