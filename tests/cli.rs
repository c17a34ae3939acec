//! The command-line contract: output formats, standard input, errors and exit statuses.

mod common;

use std::io::Read;
use std::process::Stdio;

use common::{newsparse, run, run_ok, stderr, stdout};
use serde_json::Value;

const SEED: &str = "fixtures/000_454c63ec9385e69c.txt";
const OTHER: &str = "fixtures/reuters-classic.txt";

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Runs newsparse with `args` on a terminal of its own (`script`, of util-linux, essential
/// on Debian), standard input the terminal too: its output, the terminal's CRLFs undone.
fn on_a_terminal(args: &[&str]) -> String {
    let bin = env!("CARGO_BIN_EXE_newsparse");
    let command = std::iter::once(bin)
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(common::root())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script (util-linux) runs");
    String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n")
}

#[test]
fn one_file_prints_a_pretty_record_on_a_terminal_and_one_line_into_a_pipe() {
    let text = on_a_terminal(&[SEED]);
    assert!(
        text.starts_with("{\n  \"schema_version\": 1,\n  \"source\": "),
        "{text}"
    );
    assert!(
        text.contains("\"span\": [265, 313]"),
        "spans stay on one line"
    );
    let out = run(&[SEED], b"");
    assert!(out.status.success());
    let line = stdout(&out);
    assert_eq!(line.lines().count(), 1, "{line}");
    assert_eq!(json(line), json(&text));
    let record = json(line);
    assert_eq!(record["source"], SEED);
    assert_eq!(record["dateline"]["location"], "Patriot Park");
    assert!(stderr(&out).is_empty());
}

#[test]
fn no_input_on_a_terminal_is_a_usage_hint_not_a_wait() {
    let text = on_a_terminal(&[]);
    assert!(
        text.starts_with("newsparse: no input: give files or folders"),
        "{text}"
    );
    let out = common::newsparse()
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    // Standard input that is no terminal is read: empty, it is an empty article.
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn keys_come_in_the_documented_order() {
    // serde_json's map sorts keys when parsed, so the order is read off the raw text.
    let raw = stdout(&run(&["--compact", SEED], b"")).to_owned();
    let order = [
        "\"schema_version\"",
        "\"source\"",
        "\"encoding\"",
        "\"headline\"",
        "\"lead\"",
        "\"dateline\"",
        "\"body\"",
        "\"quotes\"",
        "\"entities\"",
        "\"stats\"",
    ];
    let positions: Vec<usize> = order.iter().map(|k| raw.find(k).expect(k)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    let dateline_keys = [
        "text", "location", "region", "month", "day", "year", "date", "agency", "span",
    ];
    let start = raw.find("\"dateline\"").unwrap();
    let positions: Vec<usize> = dateline_keys
        .iter()
        .map(|k| start + raw[start..].find(&format!("\"{k}\"")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

#[test]
fn several_files_print_json_lines_in_order() {
    let out = run(&[OTHER, SEED, OTHER], b"");
    assert!(out.status.success());
    let lines: Vec<&str> = stdout(&out).lines().collect();
    assert_eq!(lines.len(), 3);
    let sources: Vec<Value> = lines.iter().map(|l| json(l)["source"].clone()).collect();
    assert_eq!(sources, [OTHER, SEED, OTHER]);
}

#[test]
fn compact_and_pretty_override_the_default_and_conflict() {
    let one = on_a_terminal(&["--compact", SEED]);
    assert_eq!(one.lines().count(), 1);
    let two = run(&["--pretty", SEED, OTHER], b"");
    let text = stdout(&two);
    assert!(text.lines().count() > 20);
    let records: Vec<Value> = serde_json::Deserializer::from_str(text)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(records.len(), 2);
    let both = run(&["--pretty", "--compact", SEED], b"");
    assert_eq!(both.status.code(), Some(2));
    assert!(
        stderr(&both).contains("cannot be used with"),
        "{}",
        stderr(&both)
    );
}

#[test]
fn standard_input_with_no_file_or_a_dash() {
    let article = std::fs::read(common::root().join(SEED)).unwrap();
    for args in [&[][..], &["-"][..]] {
        let out = run(args, &article);
        assert!(out.status.success(), "{}", stderr(&out));
        let record = json(stdout(&out));
        assert_eq!(record["source"], "-");
        assert_eq!(record["dateline"]["agency"], "TASS");
    }
}

#[test]
fn a_bad_input_is_reported_and_the_others_still_print() {
    let dir = std::env::temp_dir().join(format!("newsparse-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let blank = dir.join("blank.txt");
    std::fs::write(&blank, " \n\t\n").unwrap();
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, b"PK\x03\x04\x00\x00").unwrap();
    let (empty, blank, binary) = (
        empty.to_str().unwrap(),
        blank.to_str().unwrap(),
        binary.to_str().unwrap(),
    );

    let out = run(
        &[SEED, "no/such/file.txt", empty, binary, blank, OTHER],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let sources: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| json(l)["source"].clone())
        .collect();
    assert_eq!(sources, [SEED, OTHER]);
    let err = stderr(&out);
    assert!(
        err.contains("newsparse: no/such/file.txt: no such file or directory\n"),
        "{err}"
    );
    assert!(
        err.contains(&format!("newsparse: {empty}: empty article")),
        "{err}"
    );
    assert!(
        err.contains(&format!("newsparse: {blank}: empty article")),
        "{err}"
    );
    assert!(
        err.contains(&format!("newsparse: {binary}: not a text file")),
        "{err}"
    );
    assert_eq!(err.lines().count(), 4, "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn empty_standard_input_is_an_error() {
    let out = run(&[], b"\n\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        "newsparse: -: empty article (no text but whitespace)\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--no-such-flag"][..],
        &["--reference-date", "2023-13-01", SEED],
        &["--reference-date"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(!stderr(&out).is_empty());
    }
}

#[test]
fn help_and_version() {
    let out = run(&["--help"], b"");
    assert!(out.status.success());
    let help = stdout(&out);
    for needle in [
        "Usage: newsparse",
        "--compact",
        "--pretty",
        "--reference-date",
        "Examples:",
        "Exit status:",
    ] {
        assert!(help.contains(needle), "{needle} missing from --help");
    }
    let out = run(&["--version"], b"");
    assert_eq!(
        stdout(&out),
        format!("newsparse {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn reference_date_bounds_the_weekday_year() {
    let year = |args: &[&str]| json(stdout(&run(args, b"")))["dateline"]["date"].clone();
    // The seed's "on Tuesday" with August 15: 2023 is the latest such year up to 2026...
    assert_eq!(
        year(&["--reference-date", "2026-11-27", SEED]),
        "2023-08-15"
    );
    // ...and 2017 the latest one before 15 August 2023.
    assert_eq!(
        year(&["--reference-date", "2023-08-14", SEED]),
        "2017-08-15"
    );
    assert_eq!(
        year(&["--reference-date", "2023-08-15", SEED]),
        "2023-08-15"
    );
}

#[test]
fn schema_flag_prints_the_schema() {
    let out = run(&["--schema"], b"");
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        include_str!("../src/record/record.schema.json")
    );
    assert_eq!(run(&["--schema", SEED], b"").status.code(), Some(2));
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    let args: Vec<&str> = std::iter::repeat_n(SEED, 500).collect();
    let mut child = newsparse()
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // The read end is now closed: newsparse's next write fails with EPIPE.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn endless_inputs_are_read_only_up_to_max_bytes() {
    for args in [
        &["--max-bytes", "1K", "/dev/zero"][..],
        &["--input", "jsonl", "--max-bytes", "1K", "/dev/zero"],
    ] {
        let start = std::time::Instant::now();
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("larger than --max-bytes (1024 bytes)"),
            "{}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty());
        assert!(start.elapsed().as_secs() < 10);
    }
    assert_eq!(run(&["--max-bytes", "0", SEED], b"").status.code(), Some(2));
    assert_eq!(
        run(&["--max-bytes", "lots", SEED], b"").status.code(),
        Some(2)
    );
    let big = run(&["--max-bytes", "100", SEED], b"");
    assert_eq!(big.status.code(), Some(1));
}

#[test]
fn a_json_lines_line_over_max_bytes_is_an_error_and_the_next_lines_go_on() {
    // Issue 17, defect 3: the lines after an over-long one were dropped without a word.
    let long = format!("{{\"id\": \"long\", \"text\": \"{}\"}}", "x".repeat(3000));
    let input = format!(
        "{{\"id\": \"a\", \"text\": \"One.\"}}\n{long}\n{{\"id\": \"b\", \"text\": \"Two.\"}}\n"
    );
    let dir = std::env::temp_dir().join(format!("newsparse-long-line-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("in.jsonl");
    std::fs::write(&file, &input).unwrap();
    for (args, stdin) in [
        (
            vec![
                "--input",
                "jsonl",
                "--max-bytes",
                "1K",
                file.to_str().unwrap(),
            ],
            &b""[..],
        ),
        (
            vec!["--input", "jsonl", "--max-bytes", "1K"],
            input.as_bytes(),
        ),
    ] {
        let out = run(&args, stdin);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let sources: Vec<String> = stdout(&out)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"].to_string())
            .collect();
        assert_eq!(sources, ["\"a\"", "\"b\""], "{args:?}");
        assert!(stderr(&out).contains(":2: "), "{}", stderr(&out));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn absurd_option_values_are_usage_errors_and_the_largest_size_works() {
    // Issue 17, defects 6 and 8: a panic, an abort, a wrap to 0, a year of no four digits.
    for args in [
        &["--jobs", "18446744073709551615", SEED][..],
        &["--jobs", "4611686018427387904", SEED],
        &["--jobs", "1000000000", SEED],
        &["--jobs", "0", SEED],
        &["--reference-date", "0000-05-04", SEED],
        &["--reference-date", "0999-05-04", SEED],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
    assert_eq!(run(&["--jobs", "1024", SEED], b"").status.code(), Some(0));
    let out = run(&["--max-bytes", "18446744073709551615", SEED], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let jsonl = b"{\"id\": 1, \"text\": \"One.\"}\n";
    let out = run(
        &["--input", "jsonl", "--max-bytes", "18446744073709551615"],
        jsonl,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1);
}

#[test]
fn control_characters_in_names_cannot_forge_lines() {
    let name = "no/such\ndir/\u{1b}[31mfile.txt";
    let out = run(&[name], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "newsparse: no/such\\ndir/\\u{1b}[31mfile.txt: no such file or directory\n"
    );
}

#[test]
fn encodings_are_detected_or_forced() {
    let encoding = |args: &[&str]| json(stdout(&run(args, b"")))["encoding"].clone();
    assert_eq!(
        encoding(&["fixtures/encoding-windows-1251.txt"]),
        "windows-1251"
    );
    assert_eq!(encoding(&["fixtures/encoding-koi8-r.txt"]), "KOI8-R");
    assert_eq!(encoding(&["fixtures/encoding-utf-16le.txt"]), "UTF-16LE");
    assert_eq!(encoding(&["fixtures/encoding-latin1.txt"]), "windows-1252");
    assert_eq!(encoding(&[SEED]), "UTF-8");
    // Forced: the KOI8-R bytes read as Windows-1251 give other letters, and say so.
    let forced = json(stdout(&run(
        &["--encoding", "cp1251", "fixtures/encoding-koi8-r.txt"],
        b"",
    )));
    assert_eq!(forced["encoding"], "windows-1251");
    assert_ne!(
        forced["headline"],
        json(stdout(&run(&["fixtures/encoding-koi8-r.txt"], b"")))["headline"]
    );
    assert_eq!(
        run(&["--encoding", "no-such-thing", SEED], b"")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn broken_utf8_is_counted() {
    let mut bytes = "Title\n\nMOSCOW, May 4. /TASS/. Ünïcødé text with “marks” and — dashes "
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"and one bad \xFF byte.\n");
    let record = json(stdout(&run(&[], &bytes)));
    assert_eq!(record["encoding"], "UTF-8");
    assert_eq!(record["stats"]["replaced_chars"], 1);
    assert!(
        record["body"][0]["text"]
            .as_str()
            .unwrap()
            .contains("bad \u{FFFD} byte")
    );
}

#[test]
fn a_byte_order_mark_never_lets_binary_through() {
    // Issue 17, defect 9: a mark skipped the binary test, and a UTF-16 mark before UTF-8
    // text gave CJK garbage.
    let elf = b"\xEF\xBB\xBF\x00\x01\x02\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00";
    let out = run(&[], elf);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        "newsparse: -: not a text file (contains NUL bytes)\n"
    );
    let out = run(
        &["--error-records"],
        b"\xFF\xFEHello world, this is text.\n",
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let record = json(stdout(&out));
    assert_eq!(record["error"]["kind"], "not_text");
    assert!(
        stderr(&out).contains("a UTF-16LE byte-order mark before UTF-8 text"),
        "{}",
        stderr(&out)
    );
    // Forced, the same bytes are read as asked.
    let out = run(
        &["--encoding", "utf-8"],
        b"\xFF\xFEHello world, this is text.\n",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(stdout(&out))["stats"]["replaced_chars"], 2);
}

/// The `source` of each record that `args` and `stdin` give.
fn sources(args: &[&str], stdin: &[u8]) -> Vec<String> {
    let out = run(args, stdin);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| json(l)["source"].as_str().expect("a source").to_owned())
        .collect()
}

#[test]
fn json_lines_ids_are_kept_as_written() {
    // Issue 17, defect 11: integer ids beyond 64 bits became one float.
    let input = b"{\"id\": 12345678901234567890123, \"text\": \"One.\"}\n\
        {\"id\": 12345678901234567890124, \"text\": \"Two.\"}\n\
        {\"id\": -1.50, \"text\": \"Three.\"}\n{\"id\": \"1.5\", \"text\": \"Four.\"}\n";
    assert_eq!(
        sources(&["--input", "jsonl", "-j", "1"], input),
        [
            "12345678901234567890123",
            "12345678901234567890124",
            "-1.50",
            "1.5"
        ]
    );
}

#[test]
fn a_byte_order_mark_on_the_first_json_lines_line_is_accepted() {
    // Issue 17, defect 11: the first line was invalid JSON.
    let input =
        b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n";
    assert_eq!(sources(&["--input", "jsonl"], input), ["a", "b"]);
    let dir = common::temp_dir("jsonl-bom");
    let file = dir.join("in.jsonl");
    std::fs::write(&file, input).unwrap();
    assert_eq!(
        sources(&["--input", "jsonl", file.to_str().unwrap()], b""),
        ["a", "b"]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_keep_their_sources_apart() {
    // Issue 17, defect 11: both printed as `a\u{FFFD}.txt`.
    use std::os::unix::ffi::OsStrExt;
    let dir = common::temp_dir("non-utf8-names");
    let article = std::fs::read(common::root().join(SEED)).unwrap();
    for name in [&b"a\xFE.txt"[..], b"a\xFF.txt", b"a\\xFF.txt"] {
        let path = dir.join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(path, &article).unwrap();
    }
    let d = dir.to_str().unwrap();
    assert_eq!(
        sources(&[d], b""),
        [
            format!("{d}/a\\\\xFF.txt"),
            format!("{d}/a\\xFE.txt"),
            format!("{d}/a\\xFF.txt"),
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The bidirectional controls, which reorder what follows them on a terminal.
const BIDI: [char; 12] = [
    '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

#[test]
fn names_in_messages_and_error_records_are_escaped_bidirectional_controls_too() {
    // Issue 17, defect 7: a name in an --output-dir write error printed a raw escape and a
    // forged line; U+202E and the other bidirectional controls were escaped nowhere.
    let dir = common::temp_dir("escaped-names");
    let stem = "x\u{1b}[31m\nnewsparse: forged \u{202e}txt.exe";
    let input = dir.join(format!("{stem}.txt"));
    std::fs::copy(common::root().join(SEED), &input).unwrap();
    let out_dir = dir.join("out");
    // A folder where the record goes: the write fails.
    std::fs::create_dir_all(out_dir.join(format!("{stem}.json"))).unwrap();
    let out = run(
        &[
            "--output-dir",
            out_dir.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains(['\u{1b}', '\u{202e}']), "{err}");
    assert!(
        err.contains("x\\u{1b}[31m\\nnewsparse: forged \\u{202e}txt.exe"),
        "{err}"
    );

    for c in BIDI {
        let name = format!("no/such/{c}txt.exe");
        let out = run(&["--error-records", &name], b"");
        assert_eq!(
            stderr(&out),
            format!(
                "newsparse: no/such/\\u{{{:x}}}txt.exe: no such file or directory\n",
                u32::from(c)
            )
        );
        let line = stdout(&out);
        assert!(!line.contains(c), "{line}");
        assert!(line.contains(&format!("\\u{:04x}", u32::from(c))), "{line}");
        assert_eq!(json(line)["source"], name.as_str());
    }

    // A usage error quotes the argument or value as it was typed.
    for args in [
        &["--encoding", "\u{202e}x\nnewsparse: forged"][..],
        &["--x\u{202e}\nnewsparse: forged"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(!err.contains(['\u{202e}', '\u{1b}']), "{err}");
        assert!(!err.contains("\nnewsparse: forged"), "{err}");
        assert!(err.contains("\\u{202e}"), "{err}");
    }

    // A record's source too, the same string to a JSON reader.
    let file = dir.join("\u{2067}a.txt");
    std::fs::copy(common::root().join(SEED), &file).unwrap();
    let out = run(&["--compact", file.to_str().unwrap()], b"");
    let line = stdout(&out);
    assert!(
        !line.contains('\u{2067}') && line.contains("\\u2067a.txt"),
        "{line}"
    );
    assert_eq!(json(line)["source"], file.to_str().unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_folder_without_a_matching_file_is_a_failed_input() {
    let dir = common::temp_dir("no-match");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/notes.md"), "Not an article.").unwrap();
    let d = dir.to_str().unwrap();
    let out = run(&["--error-records", d, SEED], b"");
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&out).lines().map(json).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"]["kind"], "no_match");
    assert_eq!(lines[1]["source"], SEED);
    assert!(stderr(&out).contains("no file in this folder matches *.txt"));
    // Matched by another glob, it is read.
    let out = run(&["--glob", "*.md", d], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn completions_and_the_man_page_come_from_the_arguments() {
    for (what, needle) in [
        ("complete-bash", "--gazetteer"),
        ("complete-zsh", "--gazetteer"),
        ("complete-fish", "gazetteer"),
        ("complete-powershell", "--gazetteer"),
        ("man", "\\-\\-gazetteer"),
    ] {
        let out = run(&["--generate", what], b"");
        assert!(out.status.success(), "{what}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains("newsparse") && text.contains(needle),
            "{what}"
        );
    }
    let man = run_ok(&["--generate", "man"], b"");
    assert!(man.contains(".TH newsparse 1"), "{man}");
    // Alone, as --schema: with anything else it is a usage error.
    assert_eq!(
        run(&["--generate", "man", SEED], b"").status.code(),
        Some(2)
    );
}

#[test]
fn a_bad_glob_or_no_jobs_is_a_usage_error_as_clap_gives_any() {
    for args in [&["--glob", "a[", SEED][..], &["--jobs", "0", SEED]] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2));
        let errors = stderr(&out);
        assert!(errors.starts_with("error: invalid value"), "{errors}");
        assert!(
            errors.contains("For more information, try '--help'."),
            "{errors}"
        );
    }
}

#[test]
fn progress_on_a_terminal_ends_with_a_line_of_what_was_done() {
    let out = common::temp_dir("progress-out");
    let o = out.to_str().unwrap();
    let text = on_a_terminal(&["--output-dir", o, "fixtures", "no-such-file.txt"]);
    let last = text.lines().last().unwrap_or_default();
    // The bar is cleared (an erase-line sequence) before the line.
    let last = last.rsplit("\u{1b}[2K").next().unwrap();
    fn articles(dir: &std::path::Path) -> usize {
        let entries = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path());
        entries
            .map(|p| match p.extension() {
                _ if p.is_dir() => articles(&p),
                Some(x) if x == "txt" => 1,
                _ => 0,
            })
            .sum()
    }
    let articles = articles(&common::root().join("fixtures"));
    let done = format!("newsparse: {} articles, 1 failed, ", articles + 1);
    assert!(last.starts_with(&done), "{last:?}");
    assert!(last.ends_with(" s"), "{last:?}");
    // Into a pipe, no bar and no closing line.
    let quiet = run(&["--output-dir", o, "fixtures"], b"");
    assert!(stderr(&quiet).is_empty(), "{}", stderr(&quiet));
}

#[test]
fn the_language_is_decided_from_the_text_or_forced() {
    let ru = "Заголовок\n\nМОСКВА, 2 октября. /ТАСС/. Министр сообщила во вторник.";
    let record = json(stdout(&run(&["-"], ru.as_bytes())));
    assert_eq!(record["language"], "ru");
    assert_eq!(record["dateline"]["location"], "Москва");
    let forced = json(stdout(&run(&["--language", "en", "-"], ru.as_bytes())));
    assert_eq!(forced["language"], "en");
    let en = json(stdout(&run(&[SEED], b"")));
    assert_eq!(en["language"], "en");
    assert_eq!(run(&["--language", "de", SEED], b"").status.code(), Some(2));
}
