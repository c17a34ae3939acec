//! Output: an `Article` as a JSON record, with the `schema_version` and `source` that
//! only the caller knows. Rendering goes to a buffer, so a record is written whole or not
//! at all.

use std::sync::LazyLock;

use regex::bytes::Regex;
use serde::Serialize;

use crate::record::{Article, SCHEMA_VERSION};

/// The JSON Schema (draft 2020-12) that every record validates against.
pub const SCHEMA: &str = include_str!("record.schema.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Indented, for one record read by a person.
    Pretty,
    /// One line, for JSON Lines.
    Compact,
}

#[derive(Serialize)]
struct Record<'a> {
    schema_version: u32,
    source: &'a str,
    #[serde(flatten)]
    article: &'a Article,
}

/// Appends the record for `article` from `source`, and a newline, to `out`.
pub fn render(out: &mut Vec<u8>, source: &str, article: &Article, style: Style) {
    let record = Record {
        schema_version: SCHEMA_VERSION,
        source,
        article,
    };
    // Serializing plain structs of strings and numbers into memory cannot fail.
    match style {
        Style::Pretty => {
            let pretty = serde_json::to_vec_pretty(&record).expect("a record always serializes");
            inline_spans(out, &pretty);
        }
        Style::Compact => {
            serde_json::to_writer(&mut *out, &record).expect("a record always serializes")
        }
    }
    out.push(b'\n');
}

/// A span spread over four lines by the pretty printer, `[` to `]`. Only the printer's own
/// newlines match: inside a JSON string a newline is always escaped.
static SPREAD_SPAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\n *([0-9]+),\n *([0-9]+)\n *\]").expect("span pattern"));

/// Copies pretty JSON to `out` with each span on one line: `"span": [265, 313]`.
fn inline_spans(out: &mut Vec<u8>, pretty: &[u8]) {
    let mut last = 0;
    for caps in SPREAD_SPAN.captures_iter(pretty) {
        let whole = caps.get(0).expect("match");
        out.extend_from_slice(&pretty[last..whole.start()]);
        out.push(b'[');
        out.extend_from_slice(&caps[1]);
        out.extend_from_slice(b", ");
        out.extend_from_slice(&caps[2]);
        out.push(b']');
        last = whole.end();
    }
    out.extend_from_slice(&pretty[last..]);
}
