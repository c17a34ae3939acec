//! Runs a configuration: items from `inputs` are parsed, one at a time or by a pool of
//! workers, and their records written in input order to standard output or to files.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsparse::{DecodeError, SCHEMA, SCHEMA_VERSION, decode, parse, render_to_vec};
use serde::Serialize;

use crate::cli::config::{Action, Config};
use crate::cli::inputs::{self, Failure, Item, Work};

/// The exit statuses of newsparse, all in one place (the README lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every input gave a record; also when the reader of our output went away.
    Success = 0,
    /// At least one input failed; the others were still processed.
    InputFailed = 1,
    /// Bad arguments.
    Usage = 2,
    /// Stopped by Ctrl-C (SIGINT): the records written so far are whole lines.
    Interrupted = 130,
}

/// Set by the first Ctrl-C: the run stops before its next record, so that only whole
/// records reach the output. A second Ctrl-C ends the process at once.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

fn on_interrupt() {
    if INTERRUPTED.swap(true, Ordering::SeqCst) {
        std::process::exit(Exit::Interrupted as i32);
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

pub fn run(config: &Config) -> anyhow::Result<Exit> {
    let stdout = io::stdout().lock();
    // Block-buffered when piped; a terminal sees each record as soon as it is made.
    let out: Box<dyn Write> = if config.stdout_is_terminal {
        Box::new(stdout)
    } else {
        Box::new(BufWriter::with_capacity(64 * 1024, stdout))
    };
    let mut sink = Sink::new(config, out);
    // Without a handler (another one is set, say) Ctrl-C simply ends the process.
    let _ = ctrlc::set_handler(on_interrupt);
    let result = match config.action {
        Action::PrintSchema => sink.out.write_all(SCHEMA.as_bytes()),
        Action::Parse if config.jobs <= 1 || config.single => sequential(config, &mut sink),
        Action::Parse => parallel(config, &mut sink),
    };
    sink.progress.finish_and_clear();
    match result.and_then(|()| sink.out.flush()) {
        Ok(()) if sink.failed => Ok(Exit::InputFailed),
        Ok(()) => Ok(Exit::Success),
        Err(e) if e.kind() == io::ErrorKind::Interrupted => {
            let _ = sink.out.flush();
            eprintln!("newsparse: interrupted");
            Ok(Exit::Interrupted)
        }
        // `newsparse … | head`: the reader has what it wanted.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Exit::Success),
        Err(e) => Err(e).context("cannot write output"),
    }
}

/// What one item gives: its record, or why there is none.
type Outcome = Result<Vec<u8>, Failure>;

/// Parses one item; a JSON Lines line first becomes its article (and gets its id).
fn process(config: &Config, item: Item) -> (Item, Outcome) {
    let item = match item.work {
        Work::Line(line) => inputs::article(config, item.source, &line),
        _ => item,
    };
    let outcome = parse_item(config, &item);
    (item, outcome)
}

fn parse_item(config: &Config, item: &Item) -> Outcome {
    let bytes;
    let decoded;
    let article = match &item.work {
        Work::Failed(failure) => return Err(failure.clone()),
        // `process` turns every line into an article first.
        Work::Line(_) => {
            return Err(Failure {
                kind: "invalid_json",
                message: "not a JSON object".into(),
            });
        }
        // JSON Lines are UTF-8, and the JSON decoder has read them already.
        Work::Text(text) => {
            if text.trim().is_empty() {
                return Err(decode_failure(&DecodeError::Empty));
            }
            parse(text, &config.options)
        }
        Work::File(path) => {
            bytes = inputs::read(Some(path), config.max_bytes)?;
            decoded = decode(&bytes, config.encoding).map_err(|e| decode_failure(&e))?;
            decoded.parse(&config.options)
        }
        Work::Stdin => {
            bytes = inputs::read(None, config.max_bytes)?;
            decoded = decode(&bytes, config.encoding).map_err(|e| decode_failure(&e))?;
            decoded.parse(&config.options)
        }
    };
    let mut buf = Vec::new();
    render_to_vec(&mut buf, &item.source, &article, config.style);
    Ok(buf)
}

fn decode_failure(e: &DecodeError) -> Failure {
    let kind = match e {
        DecodeError::Empty => "empty",
        // NotText, and any reason a later version adds.
        _ => "not_text",
    };
    Failure {
        kind,
        message: e.to_string(),
    }
}

fn sequential(config: &Config, sink: &mut Sink) -> io::Result<()> {
    let mut result = Ok(());
    inputs::walk(config, |item| {
        let (item, outcome) = process(config, item);
        result = sink.accept(&item, outcome);
        result.is_ok()
    });
    result
}

/// Items go to the workers in batches of up to this many, or of this many bytes of JSON
/// Lines: one channel operation per batch, not per article, keeps the threads from waiting
/// on each other, and the byte limit keeps batches of long lines small.
const BATCH: usize = 64;
const BATCH_BYTES: usize = 256 * 1024;

/// A pool of workers parses while this thread writes, in input order. At most
/// `4 × jobs` batches are between reading and writing at any time, so memory stays bounded
/// however many inputs there are.
fn parallel(config: &Config, sink: &mut Sink) -> io::Result<()> {
    let in_flight = config.jobs * 4;
    std::thread::scope(|scope| {
        let (job_tx, job_rx) = sync_channel::<(usize, Vec<Item>)>(in_flight);
        let (done_tx, done_rx) = sync_channel::<(usize, Vec<(Item, Outcome)>)>(in_flight);
        // A permit per batch in flight: taken by the reader, given back once written.
        let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            permit_tx
                .send(())
                .expect("the channel has room for every permit");
        }
        scope.spawn(move || {
            let mut seq = 0;
            let mut batch = Vec::with_capacity(BATCH);
            let mut bytes = 0;
            let mut send = |batch: Vec<Item>| {
                let sent = permit_rx.recv().is_ok() && job_tx.send((seq, batch)).is_ok();
                seq += 1;
                sent
            };
            let mut open = true;
            inputs::walk(config, |item| {
                if let Work::Line(line) = &item.work {
                    bytes += line.len();
                }
                batch.push(item);
                if batch.len() == BATCH || bytes >= BATCH_BYTES {
                    open = send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                    bytes = 0;
                }
                open
            });
            if open && !batch.is_empty() {
                send(batch);
            }
        });
        let job_rx = Arc::new(Mutex::new(job_rx));
        for _ in 0..config.jobs {
            let (job_rx, done_tx) = (Arc::clone(&job_rx), done_tx.clone());
            scope.spawn(move || {
                loop {
                    let next = job_rx
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner())
                        .recv();
                    let Ok((seq, batch)) = next else { break };
                    let done = batch
                        .into_iter()
                        .map(|item| process(config, item))
                        .collect();
                    if done_tx.send((seq, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop((job_rx, done_tx));
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (seq, done) in done_rx {
            pending.insert(seq, done);
            while let Some(done) = pending.remove(&next) {
                for (item, outcome) in done {
                    // Returning drops the receivers, and the reader and workers stop.
                    sink.accept(&item, outcome)?;
                }
                next += 1;
                let _ = permit_tx.send(());
            }
        }
        Ok(())
    })
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    schema_version: u32,
    source: &'a str,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    message: &'a str,
}

/// Where records go: standard output, or one file each under --output-dir.
struct Sink<'a> {
    config: &'a Config,
    out: Box<dyn Write + 'a>,
    progress: ProgressBar,
    failed: bool,
}

impl<'a> Sink<'a> {
    fn new(config: &'a Config, out: Box<dyn Write + 'a>) -> Sink<'a> {
        let progress = if config.progress {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} articles, {per_sec}, {elapsed}")
                    .expect("template"),
            );
            bar
        } else {
            ProgressBar::hidden()
        };
        Sink {
            config,
            out,
            progress,
            failed: false,
        }
    }

    fn accept(&mut self, item: &Item, outcome: Outcome) -> io::Result<()> {
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
        }
        self.progress.inc(1);
        let record = match outcome {
            Ok(record) => record,
            Err(failure) => {
                self.failed = true;
                self.progress.suspend(|| {
                    eprintln!("newsparse: {}: {}", visible(&item.source), failure.message)
                });
                if !self.config.error_records {
                    return Ok(());
                }
                let mut line = serde_json::to_vec(&ErrorRecord {
                    schema_version: SCHEMA_VERSION,
                    source: &item.source,
                    error: ErrorBody {
                        kind: failure.kind,
                        message: &failure.message,
                    },
                })
                .expect("an error record always serializes");
                line.push(b'\n');
                line
            }
        };
        match &self.config.output_dir {
            None => {
                self.out.write_all(&record)?;
                if self.config.stdout_is_terminal {
                    self.out.flush()?;
                }
            }
            Some(dir) => {
                let path = if item.out_name.as_os_str().is_empty() {
                    PathBuf::from("errors.json")
                } else {
                    item.out_name.clone()
                };
                let path = dir.join(path);
                let written = path
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| std::fs::write(&path, &record));
                if let Err(e) = written {
                    self.failed = true;
                    let message = Failure::io(&e).message;
                    self.progress
                        .suspend(|| eprintln!("newsparse: {}: {message}", path.display()));
                }
            }
        }
        Ok(())
    }
}

/// A name as it may go to a terminal: control characters (a newline, an escape sequence)
/// shown as escapes, so that a file name cannot forge lines or colours.
fn visible(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.chars().any(char::is_control) {
        return name.into();
    }
    name.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}
