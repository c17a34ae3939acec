//! Batch runs: folders, --jobs, --output-dir, JSON Lines input, error records. Whatever
//! the way in, each article's record is the same, byte for byte.

mod common;

use std::fs;

use common::{REFERENCE_DATE, check_record, decoded, run, run_ok, stderr, stdout, temp_dir};
use serde_json::{Value, json};

const DATE: &[&str] = &["--reference-date", REFERENCE_DATE];

fn args<'a>(more: &[&'a str]) -> Vec<&'a str> {
    DATE.iter().copied().chain(more.iter().copied()).collect()
}

/// The fixture articles as paths relative to the crate, sorted.
fn fixture_paths() -> Vec<String> {
    common::articles(&common::root().join("fixtures"))
        .iter()
        .map(|p| {
            p.strip_prefix(common::root())
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// A small tree: t/10.txt, t/2.txt, t/b/1.txt, t/skip.md, from two fixtures.
fn tree(name: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    let seed = fs::read(common::root().join("fixtures/000_454c63ec9385e69c.txt")).unwrap();
    let other = fs::read(common::root().join("fixtures/reuters-classic.txt")).unwrap();
    fs::create_dir_all(dir.join("b")).unwrap();
    fs::write(dir.join("10.txt"), &seed).unwrap();
    fs::write(dir.join("2.txt"), &other).unwrap();
    fs::write(dir.join("b/1.txt"), &seed).unwrap();
    fs::write(dir.join("skip.md"), &other).unwrap();
    dir
}

#[test]
fn folders_are_walked_in_sorted_order() {
    let dir = tree("walk");
    let d = dir.to_str().unwrap();
    let out = run_ok(&args(&[d]), b"");
    let sources: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["source"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        sources,
        [
            format!("{d}/10.txt"),
            format!("{d}/2.txt"),
            format!("{d}/b/1.txt")
        ]
    );
    // Each line is the record the file gives alone.
    for (line, source) in out.lines().zip(&sources) {
        assert_eq!(line, run_ok(&args(&["--compact", source]), b"").trim_end());
    }
    let md = run_ok(&args(&["--glob", "*.md", d]), b"");
    assert_eq!(md.lines().count(), 1);
    assert!(md.contains("skip.md"));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn jobs_keep_the_input_order() {
    let paths = fixture_paths();
    let mut many: Vec<&str> = Vec::new();
    for _ in 0..5 {
        many.extend(paths.iter().map(String::as_str));
    }
    let one = run_ok(&args(&[&["-j", "1"][..], &many].concat()), b"");
    let four = run_ok(&args(&[&["-j", "4"][..], &many].concat()), b"");
    assert_eq!(one.lines().count(), many.len());
    assert!(one == four, "-j 4 differs from -j 1");
}

#[test]
fn output_dir_mirrors_the_tree() {
    let dir = tree("outdir");
    let out = temp_dir("outdir-out");
    let (d, o) = (dir.to_str().unwrap(), out.to_str().unwrap());
    let printed = run_ok(&args(&["--output-dir", o, d]), b"");
    assert!(printed.is_empty());
    for name in ["10", "2", "b/1"] {
        let written = fs::read_to_string(out.join(format!("{name}.json"))).unwrap();
        let source = format!("{d}/{name}.txt");
        assert_eq!(written, run_ok(&args(&[&source]), b""), "{name}");
    }
    assert!(!out.join("skip.json").exists());
    fs::remove_dir_all(dir).unwrap();
    fs::remove_dir_all(out).unwrap();
}

/// The fixtures as JSON Lines, with their paths as ids.
fn fixtures_jsonl(id: &str, text: &str) -> String {
    let mut lines = String::new();
    for path in fixture_paths() {
        let article = decoded(&fs::read(common::root().join(&path)).unwrap());
        lines.push_str(&json!({ id: path, text: article }).to_string());
        lines.push('\n');
    }
    lines
}

#[test]
fn json_lines_give_the_records_of_single_files() {
    let input = fixtures_jsonl("id", "text");
    let out = run_ok(&args(&["--input", "jsonl"]), input.as_bytes());
    let paths = fixture_paths();
    assert_eq!(out.lines().count(), paths.len());
    for (line, path) in out.lines().zip(&paths) {
        // JSON Lines are UTF-8 whatever the file was: only `encoding` may differ.
        let single = run_ok(&args(&["--compact", path]), b"");
        let single = match single.split_once(",\"encoding\":\"") {
            Some((head, rest)) => format!(
                "{head},\"encoding\":\"UTF-8{}",
                &rest[rest.find('"').unwrap()..]
            ),
            None => single,
        };
        assert_eq!(line, single.trim_end(), "{path}");
        let record: Value = serde_json::from_str(line).unwrap();
        check_record(
            &record,
            &decoded(&fs::read(common::root().join(path)).unwrap()),
        );
    }
    // The same from -j 1, and with the fields renamed.
    assert_eq!(
        run_ok(&args(&["--input", "jsonl", "-j", "1"]), input.as_bytes()),
        out
    );
    let renamed = input
        .replace("\"id\":", "\"doc\":")
        .replace("\"text\":", "\"body\":");
    let out2 = run_ok(
        &args(&[
            "--input",
            "jsonl",
            "--id-field",
            "doc",
            "--text-field",
            "body",
        ]),
        renamed.as_bytes(),
    );
    assert_eq!(out2, out);
}

#[test]
fn every_input_gives_exactly_one_line_with_error_records() {
    let good = json!({"id": "a", "text": "Title\n\nMOSCOW, May 4. /TASS/. Text."}).to_string();
    let input =
        format!("{good}\nnot json\n{{\"id\": 7}}\n{{\"id\": \"e\", \"text\": \"  \"}}\n{good}\n");
    let out = run(
        &args(&["--input", "jsonl", "--error-records"]),
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let records: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 5);
    let kinds: Vec<Value> = records.iter().map(|r| r["error"]["kind"].clone()).collect();
    assert_eq!(
        kinds,
        [
            Value::Null,
            json!("invalid_json"),
            json!("missing_field"),
            json!("empty"),
            Value::Null
        ]
    );
    assert_eq!(records[1]["source"], "-:2");
    assert_eq!(records[2]["source"], "7");
    for r in &records {
        check_record(r, "Title\n\nMOSCOW, May 4. /TASS/. Text.");
    }
    // Errors always go to standard error too, one line each.
    assert_eq!(stderr(&out).lines().count(), 3, "{}", stderr(&out));
    // Without --error-records the failures leave no line.
    let plain = run(&args(&["--input", "jsonl"]), input.as_bytes());
    assert_eq!(stdout(&plain).lines().count(), 2);
    assert_eq!(plain.status.code(), Some(1));
}

#[test]
fn error_records_for_files() {
    let out = run(
        &args(&["--error-records", "fixtures/one-line.txt", "no/such.txt"]),
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[1],
        json!({"schema_version": 1, "source": "no/such.txt", "error": {"kind": "not_found", "message": "no such file or directory"}})
    );
}

/// Whether `parallel` is GNU parallel (moreutils has another, with other arguments).
fn gnu_parallel() -> bool {
    std::process::Command::new("parallel")
        .arg("--version")
        .output()
        .is_ok_and(|o| {
            o.status.success() && String::from_utf8_lossy(&o.stdout).contains("GNU parallel")
        })
}

#[test]
fn gnu_parallel_pipe_gives_the_sequential_records() {
    if !gnu_parallel() {
        let why = "GNU parallel is not installed (.ci/run installs it)";
        common::skip_unless_required(common::REQUIRE_PARALLEL, why);
        return;
    }
    let input = fixtures_jsonl("id", "text");
    let exe = env!("CARGO_BIN_EXE_newsparse");
    let sequential = run_ok(&args(&["--input", "jsonl", "-j", "1"]), input.as_bytes());
    let mut child = std::process::Command::new("parallel")
        .args([
            "--will-cite",
            "--pipe",
            "-N",
            "3",
            "-k",
            exe,
            "--input",
            "jsonl",
            "-j",
            "1",
            "--reference-date",
            REFERENCE_DATE,
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("parallel runs");
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), sequential);
}
