//! Bytes in: decode, parse, render; the record must be JSON, agree with serde's view of the
//! article, and every `{text, span}` in it slice back to its text in code points. Run
//! (stable toolchain):
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run parse fuzz/corpus/parse fixtures`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsparse::{Date, Options, Style, decode, render};

// The integration tests' span checker, the very file, so that both check the same thing.
#[path = "../../tests/common/spans.rs"]
mod spans;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes, None) else {
        return;
    };
    let options = Options::default().with_reference_date(Date::new(2026, 11, 27).unwrap());
    let article = decoded.parse(&options);
    let mut out = Vec::new();
    render(&mut out, "-", &article, Style::Compact).expect("a Vec takes it");
    let record: serde_json::Value = serde_json::from_slice(&out).expect("the record is JSON");
    // The hand-written JSON says what serde says of the same article.
    let serde_view = serde_json::to_value(&article).expect("an article serializes");
    for (key, value) in serde_view.as_object().expect("an object") {
        assert_eq!(&record[key], value, "{key}");
    }
    let chars: Vec<char> = decoded.text.chars().collect();
    spans::check_spans(&record, &chars);
});
