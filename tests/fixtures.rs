//! Data-driven tests: each `fixtures/NAME.txt` runs through the binary and its record must
//! equal `fixtures/NAME.json` byte for byte. After a deliberate change of behaviour,
//! `NEWSPARSE_BLESS=1 cargo test --test fixtures` rewrites the expected records; review
//! the diff before committing it.

mod common;

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
        let output = run(&["--reference-date", REFERENCE_DATE, rel], b"");
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
            failures.push(rel.to_owned());
        }
    }
    assert!(
        failures.is_empty(),
        "records differ from the expected ones (diff with `newsparse --reference-date {REFERENCE_DATE} FILE`): {failures:?}"
    );
}
