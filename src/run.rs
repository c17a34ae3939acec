//! Runs a configuration: reads each input, parses it, writes its record, reports failures.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use anyhow::Context;
use newsparse::{SCHEMA, decode, parse, render};

use crate::config::{Action, Config, Input};

/// The exit statuses of newsparse, all in one place (the README lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every input gave a record; also when the reader of our output went away.
    Success = 0,
    /// At least one input failed; the others were still processed.
    InputFailed = 1,
    /// Bad arguments: clap exits with this code itself.
    #[allow(dead_code)]
    Usage = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

pub fn run(config: &Config) -> anyhow::Result<Exit> {
    let stdout = io::stdout().lock();
    // Block-buffered when piped; a terminal sees each record as soon as it is made.
    let mut out: Box<dyn Write> = if config.stdout_is_terminal {
        Box::new(stdout)
    } else {
        Box::new(BufWriter::with_capacity(64 * 1024, stdout))
    };
    match emit(config, &mut out).and_then(|exit| out.flush().map(|()| exit)) {
        Ok(exit) => Ok(exit),
        // `newsparse … | head`: the reader has what it wanted.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Exit::Success),
        Err(e) => Err(e).context("cannot write output"),
    }
}

fn emit(config: &Config, out: &mut dyn Write) -> io::Result<Exit> {
    if let Action::PrintSchema = config.action {
        out.write_all(SCHEMA.as_bytes())?;
        return Ok(Exit::Success);
    }
    let mut exit = Exit::Success;
    let mut buf = Vec::new();
    for input in &config.inputs {
        let name = input.name();
        let result = read(input).and_then(|bytes| {
            let text = decode(&bytes).map_err(|e| e.to_string())?;
            buf.clear();
            render(
                &mut buf,
                &name,
                &parse(&text, &config.options),
                config.style,
            );
            Ok(())
        });
        match result {
            Ok(()) => {
                out.write_all(&buf)?;
                if config.stdout_is_terminal {
                    out.flush()?;
                }
            }
            Err(reason) => {
                // Records written so far go out before the message about this input.
                out.flush()?;
                eprintln!("newsparse: {name}: {reason}");
                exit = Exit::InputFailed;
            }
        }
    }
    Ok(exit)
}

/// The bytes of an input, or the reason they cannot be had, worded for a person.
fn read(input: &Input) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    match input {
        Input::Stdin => io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| reason(&e))?,
        Input::Path(path) => {
            let mut file = File::open(path).map_err(|e| reason(&e))?;
            if file.metadata().map_err(|e| reason(&e))?.is_dir() {
                return Err("is a directory".to_owned());
            }
            file.read_to_end(&mut bytes).map_err(|e| reason(&e))?
        }
    };
    Ok(bytes)
}

fn reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => {
            // Drop the " (os error N)" that io::Error's Display appends.
            let text = e.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_owned()
        }
    }
}
