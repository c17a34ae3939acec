//! Helpers shared by the integration tests, which all drive the real binary: running it,
//! the record checks (schema and spans), the line diff of a fixture, and where a test needs
//! what the repository does not hold (`../shared/corpus`, GNU parallel, PySpark, Chromium),
//! skipping with a message, or failing where CI requires it.
#![allow(dead_code)]

pub mod diff;
mod shared;
mod spans;

#[allow(unused_imports)] // Each test binary uses its part.
pub use shared::{
    REQUIRE_CHROMIUM, REQUIRE_PARALLEL, REQUIRE_SPARK, shared_corpus, skip_unless_required,
};

pub use spans::check_spans;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::LazyLock;

use serde_json::Value;

/// Fixed, so that records whose year a weekday pins do not change with the calendar.
pub const REFERENCE_DATE: &str = "2026-11-27";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn newsparse() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsparse"));
    cmd.current_dir(root());
    cmd
}

/// Starts newsparse with `args`, its standard streams piped: the child and its input.
pub fn spawn(args: &[&str]) -> (Child, ChildStdin) {
    let mut child = newsparse()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsparse starts");
    let stdin = child.stdin.take().expect("stdin");
    (child, stdin)
}

/// Runs newsparse with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let (child, mut pipe) = spawn(args);
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("newsparse runs");
    writer.join().expect("stdin writer");
    output
}

pub fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).expect("stderr is UTF-8")
}

/// The text spans count in: the input as newsparse decodes it (a byte-order mark dropped,
/// a legacy encoding read as such).
pub fn decoded(bytes: &[u8]) -> String {
    newsparse::decode(bytes, None).map_or_else(|_| String::new(), |d| d.text.into_owned())
}

static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: Value = serde_json::from_str(include_str!("../../src/record/record.schema.json"))
        .expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
});

/// Checks the invariants every record must hold against the text it came from: it
/// validates against the JSON Schema, and every `{text, span}` slices back to its text.
/// (An error record has no text to check.)
pub fn check_record(record: &Value, text: &str) {
    let errors: Vec<String> = SCHEMA
        .iter_errors(record)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "record of {} does not fit the schema: {errors:#?}",
        record["source"]
    );
    if record.get("error").is_some() {
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    let checked = check_spans(record, &chars);
    if record["dateline"].is_object() || !record["body"].as_array().is_some_and(Vec::is_empty) {
        assert!(checked > 0, "no span checked in {}", record["source"]);
    }
    // Body paragraphs stand in text order and do not overlap.
    let body = record["body"].as_array().expect("body");
    for pair in body.windows(2) {
        assert!(
            pair[0]["span"][1].as_u64() <= pair[1]["span"][0].as_u64(),
            "{pair:?}"
        );
    }
}

/// The articles `*.txt` in `dir`, sorted.
pub fn articles(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// A fresh, empty folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsparse-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs newsparse with `args` in the crate's folder and returns its output.
pub fn run_ok(args: &[&str], stdin: &[u8]) -> String {
    let out = run(args, stdin);
    assert!(out.status.success(), "newsparse {args:?}: {}", stderr(&out));
    stdout(&out).to_owned()
}
