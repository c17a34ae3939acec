//! The command line, apart from the library: arguments (`args`) resolved once into an
//! immutable configuration (`config`); the run loop (`run`) takes items from `inputs`,
//! parses them with the library and hands the records to the `sink`, which writes
//! --output-dir's files through `outdir`. Before the run, `outdir::prepare` walks the
//! inputs' names once, to refuse a run where two would share a file. Dependencies go one
//! way: run → inputs, run → sink → outdir, outdir → inputs; `failure` (why an input gave no
//! record), `names` (sources, file names, names in messages) and `exit` (the exit statuses)
//! are leaves that every part may use.

pub mod args;
pub mod config;
pub mod exit;
pub mod failure;
pub mod gazetteers;
pub mod inputs;
pub mod names;
pub mod outdir;
pub mod run;
pub mod sink;
