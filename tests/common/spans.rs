//! The span check: every `{text, span}` of a record slices back to its text in code
//! points. One file for the integration tests (through `common`) and the fuzz targets
//! (`fuzz/fuzz_targets/check.rs` includes it by `#[path]`), so that both check the same
//! thing; it needs serde_json alone, which both have.

use serde_json::Value;

/// Checks every `{text, span}` in `value` against `chars`, the text as code points, and
/// returns how many it checked.
pub fn check_spans(value: &Value, chars: &[char]) -> usize {
    match value {
        Value::Object(map) => {
            let mut checked = 0;
            if let (Some(span), Some(Value::String(expected))) = (map.get("span"), map.get("text"))
            {
                let start = span[0].as_u64().expect("span start") as usize;
                let end = span[1].as_u64().expect("span end") as usize;
                assert!(
                    start <= end && end <= chars.len(),
                    "span {span} outside the text"
                );
                let got: String = chars[start..end].iter().collect();
                assert_eq!(&got, expected, "span {span} does not slice to its text");
                checked += 1;
            }
            checked + map.values().map(|v| check_spans(v, chars)).sum::<usize>()
        }
        Value::Array(items) => items.iter().map(|v| check_spans(v, chars)).sum(),
        _ => 0,
    }
}
