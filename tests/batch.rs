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
        assert_eq!(
            written,
            run_ok(&args(&["--pretty", &source]), b""),
            "{name}"
        );
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

/// The records written under `out`, as `name → source`, sorted by name.
fn written(out: &std::path::Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut folders = vec![out.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let name = path.strip_prefix(out).unwrap().to_str().unwrap().to_owned();
            let text = fs::read_to_string(&path).unwrap();
            let source = match serde_json::from_str::<Value>(&text) {
                Ok(record) => record["source"].as_str().unwrap_or("?").to_owned(),
                Err(_) => text,
            };
            found.push((name, source));
        }
    }
    found.sort();
    found
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn output_dir_gives_every_input_its_own_file_or_refuses_the_run() {
    // Issue 17, defect 4: inputs with one output name overwrote each other with exit 0.
    let dir = temp_dir("outdir-names");
    let seed = fs::read(common::root().join("fixtures/000_454c63ec9385e69c.txt")).unwrap();
    for name in [
        "in1/x.txt",
        "in2/x.txt",
        "in2/sub/y.txt",
        "a/x.txt",
        "a/x.story",
    ] {
        fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
        fs::write(dir.join(name), &seed).unwrap();
    }
    let d = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let (out, o) = (dir.join("out"), d("out"));

    // Each input's path under the folder all share; several roots each under its name.
    run_ok(
        &args(&["--output-dir", &o, &d("in1/x.txt"), &d("in2/x.txt")]),
        b"",
    );
    let expected = [
        ("in1/x.json", d("in1/x.txt")),
        ("in2/x.json", d("in2/x.txt")),
    ];
    let expected: Vec<(&str, &str)> = expected.iter().map(|(a, b)| (*a, b.as_str())).collect();
    assert_eq!(written(&out), pairs(&expected));
    fs::remove_dir_all(&out).unwrap();
    run_ok(&args(&["--output-dir", &o, &d("in1"), &d("in2")]), b"");
    let expected = [
        ("in1/x.json", d("in1/x.txt")),
        ("in2/sub/y.json", d("in2/sub/y.txt")),
        ("in2/x.json", d("in2/x.txt")),
    ];
    let expected: Vec<(&str, &str)> = expected.iter().map(|(a, b)| (*a, b.as_str())).collect();
    assert_eq!(written(&out), pairs(&expected));
    fs::remove_dir_all(&out).unwrap();

    // Two inputs for one file: refused before anything is written, both named.
    let clash = run(&args(&["--output-dir", &o, "--glob", "*", &d("a")]), b"");
    assert_eq!(clash.status.code(), Some(2), "{}", stderr(&clash));
    assert!(!out.exists());
    let err = stderr(&clash);
    assert!(
        err.contains(&d("a/x.story")) && err.contains(&d("a/x.txt")) && err.contains("x.json"),
        "{err}"
    );

    // JSON Lines ids: one file each, however alike.
    let ids = "{\"id\": \"reuters.001\", \"text\": \"One.\"}\n\
        {\"id\": \"reuters.002\", \"text\": \"Two.\"}\n\
        {\"id\": 1, \"text\": \"Three.\"}\n{\"id\": 1.5, \"text\": \"Four.\"}\n\
        {\"id\": \"a/../b\", \"text\": \"Five.\"}\n";
    fs::write(dir.join("ids.jsonl"), ids).unwrap();
    run_ok(
        &args(&["--input", "jsonl", "--output-dir", &o, &d("ids.jsonl")]),
        b"",
    );
    let expected = pairs(&[
        ("1.5.json", "1.5"),
        ("1.json", "1"),
        ("a%2F..%2Fb.json", "a/../b"),
        ("reuters.001.json", "reuters.001"),
        ("reuters.002.json", "reuters.002"),
    ]);
    assert_eq!(written(&out), expected);
    fs::remove_dir_all(&out).unwrap();

    // One id twice: in a file, refused before anything is written...
    let twice = "{\"id\": \"x\", \"text\": \"One.\"}\n{\"id\": \"y\", \"text\": \"Two.\"}\n\
        {\"id\": \"x\", \"text\": \"Three.\"}\n";
    fs::write(dir.join("twice.jsonl"), twice).unwrap();
    let refused = run(
        &args(&["--input", "jsonl", "--output-dir", &o, &d("twice.jsonl")]),
        b"",
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(!out.exists());
    assert!(
        stderr(&refused).contains("twice.jsonl:1 (id x) and ")
            && stderr(&refused).contains("twice.jsonl:3 (id x)"),
        "{}",
        stderr(&refused)
    );
    // ...on standard input, which cannot be read twice, the second is an error, not written.
    let piped = run(
        &args(&["--input", "jsonl", "--output-dir", &o]),
        twice.as_bytes(),
    );
    assert_eq!(piped.status.code(), Some(1));
    assert!(
        stderr(&piped).starts_with("newsparse: x: not written: "),
        "{}",
        stderr(&piped)
    );
    assert_eq!(written(&out), pairs(&[("x.json", "x"), ("y.json", "y")]));
    let first = fs::read_to_string(out.join("x.json")).unwrap();
    assert!(first.contains("One."), "{first}");
    fs::remove_dir_all(&out).unwrap();

    // A line that gives no record (its text no string, or junk after it) takes no name.
    let failing = "{\"id\": \"x\", \"text\": \"One.\"}\n{\"id\": \"x\", \"text\": null}\n\
        {\"id\": \"x\", \"text\": \"Two.\"} junk\n";
    fs::write(dir.join("failing.jsonl"), failing).unwrap();
    let written_once = run(
        &args(&["--input", "jsonl", "--output-dir", &o, &d("failing.jsonl")]),
        b"",
    );
    assert_eq!(
        written_once.status.code(),
        Some(1),
        "{}",
        stderr(&written_once)
    );
    assert_eq!(written(&out), pairs(&[("x.json", "x")]));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_dir_keeps_every_error_in_errors_jsonl() {
    // Issue 17, defect 4: errors.json was rewritten per failure, so only the last survived.
    let out = temp_dir("outdir-errors");
    let o = out.to_str().unwrap();
    let input = "not json\n{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": 7}\n[]\n";
    let run_once = || {
        let done = run(
            &args(&["--input", "jsonl", "--error-records", "--output-dir", o]),
            input.as_bytes(),
        );
        assert_eq!(done.status.code(), Some(1));
        assert_eq!(stderr(&done).lines().count(), 3, "{}", stderr(&done));
    };
    run_once();
    // A second run replaces the first's errors: the file holds this run's.
    run_once();
    let errors = fs::read_to_string(out.join("errors.jsonl")).unwrap();
    let sources: Vec<String> = errors
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"].to_string())
        .collect();
    assert_eq!(sources, ["\"-:1\"", "\"7\"", "\"-:4\""], "{errors}");
    for line in errors.lines() {
        check_record(&serde_json::from_str(line).unwrap(), "");
    }
    let names: Vec<String> = written(&out).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["a.json", "errors.jsonl"]);
    fs::remove_dir_all(&out).unwrap();
}

#[cfg(unix)]
#[test]
fn output_dir_replaces_a_file_whole_and_never_writes_through_a_link() {
    // Issue 17, defect 4: a record was written in place (a kill left half of it) and through
    // a symbolic link at its name (overwriting the link's target).
    let dir = temp_dir("outdir-links");
    let input = dir.join("in/x.txt");
    fs::create_dir_all(input.parent().unwrap()).unwrap();
    fs::copy(
        common::root().join("fixtures/000_454c63ec9385e69c.txt"),
        &input,
    )
    .unwrap();
    let out = dir.join("out");
    fs::create_dir_all(&out).unwrap();
    let target = dir.join("precious.txt");
    fs::write(&target, "precious\n").unwrap();
    std::os::unix::fs::symlink(&target, out.join("x.json")).unwrap();
    let (o, i) = (out.to_str().unwrap(), input.to_str().unwrap());
    run_ok(&args(&["--output-dir", o, i]), b"");
    assert_eq!(fs::read_to_string(&target).unwrap(), "precious\n");
    let meta = fs::symlink_metadata(out.join("x.json")).unwrap();
    assert!(meta.is_file());
    let record = fs::read_to_string(out.join("x.json")).unwrap();
    assert_eq!(record, run_ok(&args(&["--pretty", i]), b""));

    // A reader of the old file (here a second link to it) keeps it whole: the new one is
    // renamed into place, never written over the old.
    fs::hard_link(out.join("x.json"), dir.join("reader.json")).unwrap();
    fs::write(&input, "Another article.\n").unwrap();
    run_ok(&args(&["--output-dir", o, i]), b"");
    assert_eq!(fs::read_to_string(dir.join("reader.json")).unwrap(), record);
    assert!(
        fs::read_to_string(out.join("x.json"))
            .unwrap()
            .contains("Another article.")
    );
    let names: Vec<String> = written(&out).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["x.json"], "no temporary file is left");
    fs::remove_dir_all(&dir).unwrap();
}
