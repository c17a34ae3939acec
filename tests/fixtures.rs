//! Data-driven tests: each `fixtures/NAME.txt` runs through the binary and its record must
//! equal `fixtures/NAME.json` byte for byte. After a deliberate change of behaviour,
//! `NEWSPARSE_BLESS=1 cargo test --test fixtures` rewrites the expected records; review
//! the diff before committing it. A record that differs is shown as a line diff.

mod common;

use common::diff::line_diff;
use common::{REFERENCE_DATE, check_record, decoded, root, run};

#[test]
fn every_fixture_gives_its_expected_record() {
    let bless = std::env::var_os("NEWSPARSE_BLESS").is_some();
    let fixtures = common::articles(&root().join("fixtures"));
    assert!(fixtures.len() >= 13, "fixtures missing: {}", fixtures.len());
    let mut failures = Vec::new();
    for txt in &fixtures {
        let rel = txt.strip_prefix(root()).expect("inside the crate");
        let rel = rel.to_str().expect("UTF-8 path");
        let output = run(&["--pretty", "--reference-date", REFERENCE_DATE, rel], b"");
        assert!(
            output.status.success(),
            "{rel}: {}",
            common::stderr(&output)
        );
        let record: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        check_record(&record, &decoded(&std::fs::read(txt).expect("fixture")));

        let expected_path = txt.with_extension("json");
        if bless {
            std::fs::write(&expected_path, &output.stdout).expect("write expected record");
            continue;
        }
        let expected = std::fs::read(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        if expected != output.stdout {
            failures.push(differ(rel, &expected, &output.stdout));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} records differ from the expected ones (`NEWSPARSE_BLESS=1` takes the new \
         ones after a deliberate change):\n\n{}",
        failures.len(),
        fixtures.len(),
        failures.join("\n")
    );
}

/// What differs between the expected record of `rel` and the one it gave: the lines, or
/// where the bytes first differ when the lines agree (line endings, a final newline).
fn differ(rel: &str, expected: &[u8], actual: &[u8]) -> String {
    let (expected, actual) = (
        String::from_utf8_lossy(expected),
        String::from_utf8_lossy(actual),
    );
    let diff = line_diff(&expected, &actual);
    if !diff.is_empty() {
        let json = rel.strip_suffix(".txt").unwrap_or(rel);
        return format!("--- {json}.json (expected)\n+++ newsparse {rel} (actual)\n{diff}");
    }
    let at = expected
        .bytes()
        .zip(actual.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(actual.len()));
    format!("{rel}: the same lines, but the bytes differ from byte {at} (line endings?)\n")
}

#[test]
fn a_changed_record_shows_its_changed_lines_with_context() {
    let expected: String = (1..=20).map(|n| format!("{n}\n")).collect();
    let actual = expected
        .replace("\n5\n", "\nfive\n")
        .replace("\n18\n", "\n");
    let want = [
        "@@ expected line 2 @@",
        " 2",
        " 3",
        " 4",
        "-5",
        "+five",
        " 6",
        " 7",
        " 8",
        "@@ expected line 15 @@",
        " 15",
        " 16",
        " 17",
        "-18",
        " 19",
        " 20",
    ];
    assert_eq!(
        line_diff(&expected, &actual).lines().collect::<Vec<_>>(),
        want
    );
    assert_eq!(line_diff(&expected, &expected), "");
    assert!(differ("f.json", b"{}\n", b"{}\r\n").contains("from byte 2"));
}
