//! Runs a configuration: items from `inputs` are parsed, one at a time or by a pool of
//! workers, and their records handed in input order to the `sink`. The one module that
//! knows the others: it asks `inputs` for items and bytes, the library for records, and
//! gives them to `sink` (one at a time, a record is made as the sink writes it, through a
//! closure given to `Sink::stream`).

use std::collections::BTreeMap;
use std::io;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use anyhow::Context;
use newsparse::{Article, DecodeError, SCHEMA, decode, parse, render, render_html, render_to_vec};

use crate::cli::args::{Cli, Generate, OutputFormat};
use crate::cli::config::{Action, Config, Parsing};
use crate::cli::exit::Exit;
use crate::cli::failure::Failure;
use crate::cli::inputs::{self, Item, Plan, Work};
use crate::cli::sink::{self, Sink};

pub fn run(config: &Config) -> anyhow::Result<Exit> {
    let mut sink = Sink::new(&config.sink);
    // Ctrl-C ends the run at once, whatever it waits on (an idle pipe, a long article),
    // once the record being written is whole. Without a handler (another one is set, say)
    // Ctrl-C simply ends the process.
    let _ = ctrlc::set_handler(|| sink::interrupt(Exit::Interrupted as i32));
    let (plan, parsing) = (&config.inputs, &config.parsing);
    let result = match config.action {
        Action::PrintSchema => sink.write_raw(SCHEMA.as_bytes()),
        Action::Generate(what) => sink.write_raw(&generate(what)),
        Action::Parse if config.jobs <= 1 => sequential(plan, parsing, &mut sink),
        Action::Parse => parallel(plan, parsing, config.jobs, &mut sink),
    };
    sink.clear_progress();
    match result.and_then(|()| sink.flush()) {
        Ok(()) if sink.failed() => Ok(Exit::InputFailed),
        Ok(()) => Ok(Exit::Success),
        // Ctrl-C: the handler ends the run once the output is flushed.
        Err(e) if e.kind() == io::ErrorKind::Interrupted => {
            sink::end_interrupted(Exit::Interrupted as i32)
        }
        // `newsparse … | head`: the reader has what it wanted.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Exit::Success),
        Err(e) => Err(e).context("cannot write output"),
    }
}

/// What one item gives: its record, or why there is none.
type Outcome = Result<Vec<u8>, Failure>;

/// A JSON Lines line becomes its article (and gets its id); other items are as they are.
fn prepare(plan: &Plan, item: Item) -> Item {
    match item.work {
        Work::Line(line) => inputs::article(plan, item.source, &line),
        _ => item,
    }
}

/// Parses one item and makes its record in memory, for a worker.
fn process(plan: &Plan, parsing: &Parsing, item: Item) -> (Item, Outcome) {
    let item = prepare(plan, item);
    let outcome = with_article(plan.max_bytes, parsing, &item, |article| {
        let mut buf = Vec::new();
        match parsing.format {
            OutputFormat::Json => render_to_vec(&mut buf, &item.source, article, parsing.style),
            OutputFormat::Html => render_html(&mut buf, &item.source, article)
                .expect("nothing is written but to the buffer"),
        }
        buf
    });
    (item, outcome)
}

/// The article of an item, its bytes read (up to `max_bytes`), decoded and parsed, given
/// to `then`; or why there is none.
fn with_article<R>(
    max_bytes: u64,
    parsing: &Parsing,
    item: &Item,
    then: impl FnOnce(&Article) -> R,
) -> Result<R, Failure> {
    let bytes;
    let decoded;
    let article = match &item.work {
        Work::Failed(failure) => return Err(failure.clone()),
        // `prepare` turns every line into an article first.
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
    Ok(then(&article))
}

/// One item at a time, each record written as it is made (never held whole).
fn sequential(plan: &Plan, parsing: &Parsing, sink: &mut Sink) -> io::Result<()> {
    let mut result = Ok(());
    inputs::walk(plan, |item| {
        let item = prepare(plan, item);
        let (source, out_name) = (&item.source, &item.out_name);
        let written = with_article(plan.max_bytes, parsing, &item, |article| {
            sink.stream(source, out_name, |out| match parsing.format {
                OutputFormat::Json => render(out, source, article, parsing.style),
                OutputFormat::Html => render_html(out, source, article),
            })
        });
        result = match written {
            Ok(written) => written,
            Err(failure) => sink.accept(source, out_name, Err(failure)),
        };
        result.is_ok()
    });
    result
}

/// A batch is one file or standard input (read by its worker, its size unknown till
/// then), or JSON Lines and failed inputs up to this many, or this many bytes of lines,
/// or as many as have come when the reader has had nothing for `WAIT`: one channel
/// operation per batch of small lines keeps the threads from waiting on each other; a file a
/// batch sets the workers on the first files at once; and nothing that has come waits for
/// more.
const BATCH: usize = 64;
const BATCH_BYTES: usize = 256 * 1024;
const WAIT: Duration = Duration::from_millis(2);

/// How many bytes of records may wait, made, for an earlier one still being made: a worker
/// takes no new batch past this. Many small records may wait (the workers keep going while
/// one of them is on a long article); a record of a megabyte waits alone, so that `--jobs N`
/// holds about N long articles at once.
const WAITING_BYTES: usize = 1 << 20;

/// A pool of workers parses while this thread writes, in input order. At most four batches
/// a worker are between reading and writing, and at most `WAITING_BYTES` of records made
/// wait to be written, so memory stays bounded however many inputs there are.
fn parallel(plan: &Plan, parsing: &Parsing, jobs: usize, sink: &mut Sink) -> io::Result<()> {
    let in_flight = jobs * 4;
    let waiting = Waiting::default();
    std::thread::scope(|scope| {
        let (item_tx, item_rx) = sync_channel::<Item>(4);
        let (job_tx, job_rx) = sync_channel::<(usize, Vec<Item>)>(in_flight);
        let (done_tx, done_rx) = sync_channel::<(usize, Vec<(Item, Outcome)>)>(in_flight);
        // A permit per batch in flight: taken by the batcher, given back once written.
        let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            permit_tx
                .send(())
                .expect("the channel has room for every permit");
        }
        scope.spawn(move || inputs::walk(plan, |item| item_tx.send(item).is_ok()));
        scope.spawn(move || batches(&item_rx, &permit_rx, &job_tx));
        let job_rx = Arc::new(Mutex::new(job_rx));
        for _ in 0..jobs {
            let (job_rx, done_tx, waiting) = (Arc::clone(&job_rx), done_tx.clone(), &waiting);
            scope.spawn(move || {
                loop {
                    // The oldest batch not yet written was taken before any later one, so
                    // a worker holding it never waits here: the records waiting go.
                    waiting.wait_below(WAITING_BYTES);
                    let next = job_rx
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner())
                        .recv();
                    let Ok((seq, batch)) = next else { break };
                    let done: Vec<(Item, Outcome)> = batch
                        .into_iter()
                        .map(|item| process(plan, parsing, item))
                        .collect();
                    waiting.add(record_bytes(&done));
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
                let bytes = record_bytes(&done);
                for (item, outcome) in done {
                    // Returning drops the receivers, and the reader and workers stop.
                    sink.accept(&item.source, &item.out_name, outcome)?;
                }
                waiting.sub(bytes);
                next += 1;
                let _ = permit_tx.send(());
            }
        }
        Ok(())
    })
}

fn record_bytes(done: &[(Item, Outcome)]) -> usize {
    done.iter()
        .map(|(_, outcome)| outcome.as_ref().map_or(0, Vec::len))
        .sum()
}

/// The bytes of records made and not yet written, for the workers to wait on.
#[derive(Default)]
struct Waiting {
    bytes: Mutex<usize>,
    written: Condvar,
}

impl Waiting {
    fn lock(&self) -> std::sync::MutexGuard<'_, usize> {
        self.bytes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn wait_below(&self, limit: usize) {
        let mut bytes = self.lock();
        while *bytes > limit {
            bytes = self
                .written
                .wait(bytes)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    fn add(&self, n: usize) {
        *self.lock() += n;
    }

    fn sub(&self, n: usize) {
        *self.lock() -= n;
        self.written.notify_all();
    }
}

/// Gathers the reader's items into batches (see `BATCH`), each sent with a permit taken
/// before it is gathered, so that what comes while the workers are busy joins it.
fn batches(items: &Receiver<Item>, permits: &Receiver<()>, jobs: &SyncSender<(usize, Vec<Item>)>) {
    let mut seq = 0;
    while permits.recv().is_ok() {
        let Ok(first) = items.recv() else { return };
        let mut bytes = 0;
        let mut batch = Vec::with_capacity(BATCH);
        let mut next = Ok(first);
        while let Ok(item) = next {
            let whole = matches!(item.work, Work::File(_) | Work::Stdin);
            if let Work::Line(line) = &item.work {
                bytes += line.len();
            }
            batch.push(item);
            if whole || batch.len() == BATCH || bytes >= BATCH_BYTES {
                break;
            }
            // A timeout: the input makes the reader wait; what has come goes now.
            next = items.recv_timeout(WAIT);
        }
        if jobs.send((seq, batch)).is_err() {
            return;
        }
        seq += 1;
    }
}

/// Shell completions or the man page, made by clap's own generators from the definition of
/// the arguments, so that they never disagree with `--help`.
fn generate(what: Generate) -> Vec<u8> {
    use clap::CommandFactory as _;
    use clap_complete::Shell;
    let mut command = Cli::command();
    let mut out = Vec::new();
    let shell = match what {
        Generate::CompleteBash => Shell::Bash,
        Generate::CompleteZsh => Shell::Zsh,
        Generate::CompleteFish => Shell::Fish,
        Generate::CompletePowershell => Shell::PowerShell,
        Generate::Man => {
            let man = clap_mangen::Man::new(command);
            man.render(&mut out).expect("a Vec takes it");
            return out;
        }
    };
    clap_complete::generate(shell, &mut command, "newsparse", &mut out);
    out
}
