//! Output: an `Article` as a JSON record, with the `schema_version` and `source` that
//! only the caller knows. Rendering goes to a buffer, so a record is written whole or not
//! at all.

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

struct Record<'a> {
    source: &'a str,
    encoding: &'a str,
    article: &'a Article,
}

/// `schema_version`, `source` and `encoding`, then the article's own fields in their order. Written
/// out rather than with `#[serde(flatten)]`, which goes through a map and is several times
/// slower.
impl Serialize for Record<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let a = self.article;
        let mut record = serializer.serialize_struct("Record", 10)?;
        record.serialize_field("schema_version", &SCHEMA_VERSION)?;
        record.serialize_field("source", self.source)?;
        record.serialize_field("encoding", self.encoding)?;
        record.serialize_field("headline", &a.headline)?;
        record.serialize_field("lead", &a.lead)?;
        record.serialize_field("dateline", &a.dateline)?;
        record.serialize_field("body", &a.body)?;
        record.serialize_field("quotes", &a.quotes)?;
        record.serialize_field("entities", &a.entities)?;
        record.serialize_field("stats", &a.stats)?;
        record.end()
    }
}

/// Appends the record for `article` from `source` (read as `encoding`, e.g. "UTF-8"), and a
/// newline, to `out`.
pub fn render(out: &mut Vec<u8>, source: &str, encoding: &str, article: &Article, style: Style) {
    let record = Record {
        source,
        encoding,
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

/// Copies pretty JSON to `out` with each span on one line: `"span": [265, 313]`. The
/// printer spreads a span over four lines, `[`, start, end, `]`; only the printer's own
/// newlines are seen, since inside a JSON string a newline is always escaped.
fn inline_spans(out: &mut Vec<u8>, pretty: &[u8]) {
    let mut last = 0;
    let mut i = 0;
    while let Some(offset) = pretty[i..].iter().position(|&b| b == b'[') {
        let open = i + offset;
        i = open + 1;
        if let Some((start, end, close)) = spread_pair(pretty, open + 1) {
            out.extend_from_slice(&pretty[last..=open]);
            out.extend_from_slice(start);
            out.extend_from_slice(b", ");
            out.extend_from_slice(end);
            out.push(b']');
            last = close + 1;
            i = last;
        }
    }
    out.extend_from_slice(&pretty[last..]);
}

/// After a `[`: newline, spaces, digits, comma, newline, spaces, digits, newline, spaces,
/// `]`. Returns the two numbers and the position of the `]`.
fn spread_pair(b: &[u8], mut i: usize) -> Option<(&[u8], &[u8], usize)> {
    let number = |i: &mut usize, then: u8| {
        (b.get(*i) == Some(&b'\n')).then_some(())?;
        *i += 1;
        while b.get(*i) == Some(&b' ') {
            *i += 1;
        }
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        (*i > from && b.get(*i) == Some(&then)).then_some(from..*i)
    };
    let start = number(&mut i, b',')?;
    i += 1;
    let end = number(&mut i, b'\n')?;
    i += 1;
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    (b.get(i) == Some(&b']')).then(|| (&b[start], &b[end], i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_go_on_one_line_and_nothing_else_changes() {
        let pretty = b"{\n  \"span\": [\n    265,\n    313\n  ],\n  \"text\": \"[ 1, 2 ]\",\n  \"list\": [\n    1,\n    2,\n    3\n  ]\n}";
        let mut out = Vec::new();
        inline_spans(&mut out, pretty);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n  \"span\": [265, 313],\n  \"text\": \"[ 1, 2 ]\",\n  \"list\": [\n    1,\n    2,\n    3\n  ]\n}"
        );
    }
}
