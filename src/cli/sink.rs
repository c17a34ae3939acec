//! Where records go: standard output, or one file each under --output-dir (`outdir`); for an
//! input that failed, its message on standard error and, with --error-records, an error
//! record in its place (under --output-dir, a line of `errors.jsonl`). Takes finished
//! records (bytes) and failures from `run`, in input order; keeps the progress bar and
//! whether anything failed. It knows nothing of inputs or parsing.

use std::io::{self, BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use newsparse::SCHEMA_VERSION;
use serde::Serialize;

use crate::cli::failure::Failure;
use crate::cli::names::{InertJson, shown};
use crate::cli::outdir::Files;

/// How records are delivered, resolved by `config`.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Write one file per record under this folder instead of to standard output.
    pub output_dir: Option<PathBuf>,
    /// An error record in place of each failed input.
    pub error_records: bool,
    /// A progress bar on standard error: only for a person watching a batch; with the
    /// number of articles, where known.
    pub progress: bool,
    pub total: Option<u64>,
    /// Flush after each record: standard output is a terminal, where a person waits for it.
    pub flush_each: bool,
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

/// Standard output, block-buffered, shared with the Ctrl-C handler (`interrupt`): each
/// record is delivered under its lock, and the handler takes the lock, flushes and ends the
/// process while it holds it, so that no record or file is cut in half.
static STDOUT: Mutex<Option<BufWriter<Stdout>>> = Mutex::new(None);

/// Set by the first Ctrl-C: no record is begun after it.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// How long the handler waits for the records made to be written (a reader that has
/// stopped reading may never take them) before it ends the run regardless.
const GRACE: Duration = Duration::from_secs(1);

/// The output, locked for one delivery.
fn stdout() -> MutexGuard<'static, Option<BufWriter<Stdout>>> {
    STDOUT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Ctrl-C. The first: no record is begun after it; the record being delivered is
/// finished, the records made so far are flushed and the process ends with `status`
/// (`end_interrupted`), or after `GRACE` regardless, should the output not take them. The
/// second ends the process at once.
pub fn interrupt(status: i32) {
    if INTERRUPTED.swap(true, Ordering::SeqCst) {
        std::process::exit(status);
    }
    std::thread::spawn(move || end_interrupted(status));
    std::thread::spawn(move || {
        std::thread::sleep(GRACE);
        eprintln!("newsparse: interrupted (output not flushed)");
        std::process::exit(status)
    });
}

/// Waits for the record being delivered, flushes what was written and ends the process
/// with `status`, holding the output so that nothing more is written.
pub fn end_interrupted(status: i32) -> ! {
    let mut out = stdout();
    if let Some(w) = out.as_mut() {
        let _ = w.flush();
    }
    eprintln!("newsparse: interrupted");
    std::process::exit(status)
}

/// The error a delivery gives once Ctrl-C came: the run stops there.
fn interrupted() -> io::Result<()> {
    if INTERRUPTED.load(Ordering::SeqCst) {
        return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
    }
    Ok(())
}

pub struct Sink<'a> {
    settings: &'a Settings,
    progress: ProgressBar,
    /// How many inputs failed or had a record that could not be written.
    failures: u64,
    /// The files under --output-dir.
    files: Option<Files>,
}

impl<'a> Sink<'a> {
    pub fn new(settings: &'a Settings) -> Sink<'a> {
        *stdout() = Some(BufWriter::with_capacity(64 * 1024, io::stdout()));
        let progress = if settings.progress {
            let bar = ProgressBar::with_draw_target(settings.total, ProgressDrawTarget::stderr());
            let template = match settings.total {
                Some(_) => "{spinner} {pos}/{len} articles ({percent}%), {rate}, {elapsed}",
                None => "{spinner} {pos} articles, {rate}, {elapsed}",
            };
            // A rate in whole articles a second: its decimals only flicker.
            let rate = |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", state.per_sec());
            };
            let style = ProgressStyle::with_template(template).expect("template");
            bar.set_style(style.with_key("rate", rate));
            bar
        } else {
            ProgressBar::hidden()
        };
        Sink {
            settings,
            progress,
            failures: 0,
            files: settings.output_dir.clone().map(Files::new),
        }
    }

    /// Bytes that are no record (the schema), straight to the output.
    pub fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        writer(&mut stdout()).write_all(bytes)
    }

    /// Whether an input failed or its record could not be written: the run's exit status.
    pub fn failed(&self) -> bool {
        self.failures > 0
    }

    /// The run is over: no more progress to show, but (where it was shown) a line of what
    /// was done.
    pub fn clear_progress(&self) {
        self.progress.finish_and_clear();
        if self.settings.progress {
            let (done, failed) = (self.progress.position(), self.failures);
            let time = self.progress.elapsed().as_secs_f64();
            eprintln!("newsparse: {done} articles, {failed} failed, {time:.2} s");
        }
    }

    pub fn flush(&mut self) -> io::Result<()> {
        writer(&mut stdout()).flush()
    }

    /// Delivers the record of the input `source` as `write` makes it: to standard output
    /// as it comes, or (under --output-dir) made whole first.
    pub fn stream(
        &mut self,
        source: &str,
        out_name: &Path,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        if self.settings.output_dir.is_some() {
            let mut record = Vec::new();
            write(&mut record)?;
            return self.accept(source, out_name, Ok(record));
        }
        interrupted()?;
        self.progress.inc(1);
        let mut out = stdout();
        if self.settings.flush_each {
            // Standard output is a terminal, maybe the bar's: no record is drawn over it.
            return self.progress.suspend(|| {
                write(writer(&mut out))?;
                writer(&mut out).flush()
            });
        }
        write(writer(&mut out))
    }

    /// Delivers the record of the input `source` (to `out_name` under --output-dir), or
    /// reports why it has none. Only a failure to write to the output is an error.
    pub fn accept(
        &mut self,
        source: &str,
        out_name: &Path,
        outcome: Result<Vec<u8>, Failure>,
    ) -> io::Result<()> {
        interrupted()?;
        self.progress.inc(1);
        // Held until the record is delivered, whole, wherever it goes (`end_interrupted`).
        let mut out = stdout();
        let is_error = outcome.is_err();
        let record = match outcome {
            Ok(record) => record,
            Err(failure) => {
                self.report(source, &failure);
                if !self.settings.error_records {
                    return Ok(());
                }
                error_record(source, &failure)
            }
        };
        match &self.settings.output_dir {
            None if self.settings.flush_each => self.progress.suspend(|| {
                writer(&mut out).write_all(&record)?;
                writer(&mut out).flush()
            })?,
            None => writer(&mut out).write_all(&record)?,
            Some(_) => self.write_file(source, out_name, &record, is_error),
        }
        Ok(())
    }

    /// A record as its own file, or an error record as a line of `errors.jsonl`. A record
    /// that cannot be written fails its input, not the run: its error is reported, and
    /// recorded with --error-records.
    fn write_file(&mut self, source: &str, out_name: &Path, record: &[u8], is_error: bool) {
        let Some(files) = &mut self.files else { return };
        if is_error {
            if let Err(lost) = files.append_error(record) {
                self.report(source, &lost);
            }
            return;
        }
        let Err(unwritten) = files.write(out_name, record) else {
            return;
        };
        self.report(source, &unwritten);
        if self.settings.error_records {
            let line = error_record(source, &unwritten);
            let lost = self
                .files
                .as_mut()
                .and_then(|f| f.append_error(&line).err());
            if let Some(lost) = lost {
                self.report(source, &lost);
            }
        }
    }

    /// An input that gave no record, or whose record or error record was not written.
    fn report(&mut self, source: &str, failure: &Failure) {
        self.failures += 1;
        self.progress.suspend(|| {
            eprintln!("newsparse: {}: {}", shown(source), shown(&failure.message));
        });
    }
}

/// `{"schema_version":1,"source":…,"error":{"kind":…,"message":…}}` and a newline, its
/// strings inert on a terminal (`InertJson`).
fn error_record(source: &str, failure: &Failure) -> Vec<u8> {
    let mut line = Vec::new();
    let record = ErrorRecord {
        schema_version: SCHEMA_VERSION,
        source,
        error: ErrorBody {
            kind: failure.kind,
            message: &failure.message,
        },
    };
    record
        .serialize(&mut serde_json::Serializer::with_formatter(
            &mut line, InertJson,
        ))
        .expect("an error record always serializes");
    line.push(b'\n');
    line
}

/// The output (set up by `Sink::new`).
fn writer(out: &mut Option<BufWriter<Stdout>>) -> &mut BufWriter<Stdout> {
    out.as_mut().expect("Sink::new sets the output up")
}
