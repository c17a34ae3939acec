//! The command line, apart from the library: arguments (`args`) resolved once into an
//! immutable configuration (`config`), inputs found and read (`inputs`), and the run loop
//! that parses them and writes the records (`run`).

pub mod args;
pub mod config;
pub mod inputs;
pub mod run;
