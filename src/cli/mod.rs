//! The command line, apart from the library: arguments (`args`) resolved once into an
//! immutable configuration (`config`); the run loop (`run`) takes items from `inputs`,
//! parses them with the library and hands the records to the `sink`. Dependencies go one
//! way: run → inputs, run → sink; `failure` (why an input gave no record), `names` (names
//! as sources) and `exit` (the exit statuses) are leaves that every part may use.

pub mod args;
pub mod config;
pub mod exit;
pub mod failure;
pub mod inputs;
pub mod names;
pub mod run;
pub mod sink;
