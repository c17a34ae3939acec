//! Runs a configuration: items from `inputs` are parsed, one at a time or by a pool of
//! workers, and their records handed in input order to the `sink`. The one module that
//! knows the others: it asks `inputs` for items and bytes, the library for records, and
//! gives them to `sink`; neither of those calls back into it.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use anyhow::Context;
use newsparse::{DecodeError, SCHEMA, decode, parse, render_to_vec};

use crate::cli::config::{Action, Config, Parsing};
use crate::cli::exit::Exit;
use crate::cli::failure::Failure;
use crate::cli::inputs::{self, Item, Plan, Work};
use crate::cli::sink::Sink;

/// Set by the first Ctrl-C: the run stops before its next record, so that only whole
/// records reach the output. A second Ctrl-C ends the process at once.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

fn on_interrupt() {
    if INTERRUPTED.swap(true, Ordering::SeqCst) {
        std::process::exit(Exit::Interrupted as i32);
    }
}

pub fn run(config: &Config) -> anyhow::Result<Exit> {
    let stdout = io::stdout().lock();
    // Block-buffered when piped; a terminal sees each record as soon as it is made.
    let out: Box<dyn Write> = if config.sink.flush_each {
        Box::new(stdout)
    } else {
        Box::new(BufWriter::with_capacity(64 * 1024, stdout))
    };
    let mut sink = Sink::new(&config.sink, out);
    // Without a handler (another one is set, say) Ctrl-C simply ends the process.
    let _ = ctrlc::set_handler(on_interrupt);
    let (plan, parsing) = (&config.inputs, &config.parsing);
    let result = match config.action {
        Action::PrintSchema => sink.write_raw(SCHEMA.as_bytes()),
        Action::Parse if config.jobs <= 1 => sequential(plan, parsing, &mut sink),
        Action::Parse => parallel(plan, parsing, config.jobs, &mut sink),
    };
    sink.clear_progress();
    match result.and_then(|()| sink.flush()) {
        Ok(()) if sink.failed => Ok(Exit::InputFailed),
        Ok(()) => Ok(Exit::Success),
        Err(e) if e.kind() == io::ErrorKind::Interrupted => {
            let _ = sink.flush();
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

/// Hands an item's outcome to the sink, unless Ctrl-C came: then the run ends here.
fn deliver(sink: &mut Sink, item: &Item, outcome: Outcome) -> io::Result<()> {
    if INTERRUPTED.load(Ordering::SeqCst) {
        return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
    }
    sink.accept(&item.source, &item.out_name, outcome)
}

/// Parses one item; a JSON Lines line first becomes its article (and gets its id).
fn process(plan: &Plan, parsing: &Parsing, item: Item) -> (Item, Outcome) {
    let item = match item.work {
        Work::Line(line) => inputs::article(plan, item.source, &line),
        _ => item,
    };
    let outcome = record(plan.max_bytes, parsing, &item);
    (item, outcome)
}

/// The record of an item: its bytes read (up to `max_bytes`), decoded, parsed and rendered.
fn record(max_bytes: u64, parsing: &Parsing, item: &Item) -> Outcome {
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
                return Err(Failure::decode(&DecodeError::Empty));
            }
            parse(text, &parsing.options)
        }
        Work::File(path) => {
            bytes = inputs::read(Some(path), max_bytes)?;
            decoded = decode(&bytes, parsing.encoding).map_err(|e| Failure::decode(&e))?;
            decoded.parse(&parsing.options)
        }
        Work::Stdin => {
            bytes = inputs::read(None, max_bytes)?;
            decoded = decode(&bytes, parsing.encoding).map_err(|e| Failure::decode(&e))?;
            decoded.parse(&parsing.options)
        }
    };
    let mut buf = Vec::new();
    render_to_vec(&mut buf, &item.source, &article, parsing.style);
    Ok(buf)
}

fn sequential(plan: &Plan, parsing: &Parsing, sink: &mut Sink) -> io::Result<()> {
    let mut result = Ok(());
    inputs::walk(plan, |item| {
        let (item, outcome) = process(plan, parsing, item);
        result = deliver(sink, &item, outcome);
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
fn parallel(plan: &Plan, parsing: &Parsing, jobs: usize, sink: &mut Sink) -> io::Result<()> {
    let in_flight = jobs * 4;
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
            inputs::walk(plan, |item| {
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
        for _ in 0..jobs {
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
                        .map(|item| process(plan, parsing, item))
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
                    deliver(sink, &item, outcome)?;
                }
                next += 1;
                let _ = permit_tx.send(());
            }
        }
        Ok(())
    })
}
