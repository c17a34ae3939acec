//! Output: an `Article` as a JSON record, with the `schema_version` and `source` that
//! only the caller knows. A record is made whole in a buffer (`render_to_vec`), or written
//! as it is made, a piece of about `CHUNK` bytes at a time (`render`): a long article's
//! record, several times its size, is never held whole.

use std::io;

use crate::record::{Article, Dateline, Entities, Mention, Quote, QuoteKind, SCHEMA_VERSION, Span};

/// The JSON Schema (draft 2020-12) that every record validates against.
pub const SCHEMA: &str = include_str!("record.schema.json");

/// How a record is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Style {
    /// Indented, for one record read by a person.
    Pretty,
    /// One line, for JSON Lines.
    Compact,
}

/// How much of a record `render` makes before writing it.
const CHUNK: usize = 64 * 1024;

/// Writes the record for `article` from `source` (a file name, an id: whatever names the
/// input), and a newline, to `out`, as it is made: a record of any size takes about `CHUNK`
/// bytes of memory. See `render_to_vec` for the record.
pub fn render<W: io::Write>(
    mut out: W,
    source: &str,
    article: &Article,
    style: Style,
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(size(article).min(2 * CHUNK));
    write(&mut buf, Some(&mut out), source, article, style)
}

/// Appends the record for `article` from `source`, and a newline, to `out`: `schema_version`,
/// `source`, then the article's fields in their order (`encoding` first). The buffer a
/// record is made in, for a caller that keeps records as bytes (no copy).
///
/// Written by hand rather than through serde, whose string escaping looks at one byte at a
/// time: records are mostly text, and writing them was a tenth of a batch's instructions.
/// The output is serde_json's, byte for byte (`tests::same_bytes_as_serde_json`).
pub fn render_to_vec(out: &mut Vec<u8>, source: &str, article: &Article, style: Style) {
    out.reserve(size(article));
    write(out, None, source, article, style).expect("nothing is written but to the buffer");
}

/// Room enough for most records of `article`: a record is about twice its article's size,
/// and room for more saves a copy.
fn size(article: &Article) -> usize {
    let text = article.headline.as_ref().map_or(0, String::len)
        + article.lead.as_ref().map_or(0, String::len)
        + article.body.bytes();
    text * 3 + 1024
}

/// Makes the record in `out`; with `spill`, writes it there whenever `out` holds `CHUNK`
/// bytes, and at the end.
fn write<'o>(
    out: &'o mut Vec<u8>,
    spill: Option<&'o mut (dyn io::Write + 'o)>,
    source: &str,
    article: &Article,
    style: Style,
) -> io::Result<()> {
    let mut j = Json {
        out,
        spill,
        written: Ok(()),
        pretty: style == Style::Pretty,
        depth: 0,
        empty: true,
    };
    j.open(b'{');
    j.key("schema_version");
    j.uint(u64::from(SCHEMA_VERSION));
    j.key("source");
    j.name(source);
    j.key("encoding");
    j.str(article.encoding);
    j.key("language");
    j.str(article.language.code());
    j.key("headline");
    j.opt_str(article.headline.as_deref());
    j.key("lead");
    j.opt_str(article.lead.as_deref());
    j.key("dateline");
    match &article.dateline {
        Some(d) => dateline(&mut j, d),
        None => j.null(),
    }
    j.key("body");
    j.list(article.body.iter(), |j, p| j.text_span(p.text, p.span));
    j.key("quotes");
    j.list(&article.quotes, quote);
    j.key("entities");
    entities(&mut j, &article.entities);
    j.key("stats");
    let s = &article.stats;
    j.open(b'{');
    for (name, n) in [
        ("paragraphs", s.paragraphs),
        ("sentences", s.sentences),
        ("words", s.words),
        ("replaced_chars", s.replaced_chars),
    ] {
        j.key(name);
        j.uint(n as u64);
    }
    j.close(b'}');
    j.close(b'}');
    j.out.push(b'\n');
    j.finish()
}

fn dateline(j: &mut Json, d: &Dateline) {
    j.open(b'{');
    j.key("text");
    j.str(&d.text);
    j.key("location");
    j.opt_str(d.location.as_deref());
    j.key("region");
    j.opt_str(d.region.as_deref());
    j.key("month");
    j.opt_uint(d.month.map(u64::from));
    j.key("day");
    j.opt_uint(d.day.map(u64::from));
    j.key("year");
    match d.year {
        Some(y) => j.int(i64::from(y)),
        None => j.null(),
    }
    j.key("date");
    j.opt_str(d.date.as_deref());
    j.key("agency");
    j.opt_str(d.agency.as_deref());
    j.key("span");
    j.span(d.span);
    j.close(b'}');
}

fn quote(j: &mut Json, q: &Quote) {
    j.open(b'{');
    j.key("text");
    j.str(q.text);
    j.key("span");
    j.span(q.span);
    j.key("speaker");
    j.opt_str(q.speaker.as_deref());
    j.key("speaker_mention");
    match &q.speaker_mention {
        Some(m) => j.text_span(m.text, m.span),
        None => j.null(),
    }
    j.key("cue");
    j.opt_str(q.cue.as_deref());
    j.key("kind");
    j.str(match q.kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
    });
    j.close(b'}');
}

fn entities(j: &mut Json, e: &Entities) {
    let mentions = |j: &mut Json, m: &[Mention]| {
        j.key("mentions");
        j.list(m, |j, m| j.text_span(m.text, m.span));
    };
    j.open(b'{');
    j.key("people");
    j.list(&e.people, |j, p| {
        j.open(b'{');
        j.key("name");
        j.str(&p.name);
        j.key("id");
        j.opt_str(p.id.as_deref());
        j.key("titles");
        j.list(&p.titles, |j, t| j.str(t));
        j.key("country");
        j.opt_str(p.country.as_deref());
        mentions(j, &p.mentions);
        j.close(b'}');
    });
    j.key("countries");
    j.list(&e.countries, |j, c| {
        j.open(b'{');
        j.key("name");
        j.str(&c.name);
        j.key("id");
        j.opt_str(c.id.as_deref());
        j.key("iso");
        j.opt_str(c.iso.as_deref());
        mentions(j, &c.mentions);
        j.close(b'}');
    });
    j.key("organizations");
    j.list(&e.organizations, |j, o| {
        j.open(b'{');
        j.key("name");
        j.str(&o.name);
        j.key("id");
        j.opt_str(o.id.as_deref());
        j.key("acronym");
        j.opt_str(o.acronym.as_deref());
        mentions(j, &o.mentions);
        j.close(b'}');
    });
    j.key("events");
    j.list(&e.events, |j, ev| {
        j.open(b'{');
        j.key("name");
        j.str(&ev.name);
        j.key("id");
        j.opt_str(ev.id.as_deref());
        mentions(j, &ev.mentions);
        j.close(b'}');
    });
    j.close(b'}');
}

/// A JSON writer in serde_json's two layouts: compact, or pretty with two-space indents
/// (spans aside: `[265, 313]` on one line).
struct Json<'o> {
    out: &'o mut Vec<u8>,
    /// Where `out` goes once it holds `CHUNK` bytes (`render`), if anywhere.
    spill: Option<&'o mut (dyn io::Write + 'o)>,
    /// The first error writing there: the record is still made (a few lines of code
    /// fewer than stopping), and the error given at the end.
    written: io::Result<()>,
    pretty: bool,
    depth: usize,
    /// Whether the innermost object or array open has nothing in it yet.
    empty: bool,
}

impl Json<'_> {
    /// Writes what is made if it is `CHUNK` bytes or more and there is somewhere to write.
    fn spill(&mut self) {
        if let Some(w) = &mut self.spill
            && self.out.len() >= CHUNK
        {
            if self.written.is_ok() {
                self.written = w.write_all(self.out);
            }
            self.out.clear();
        }
    }

    /// Writes the rest, if there is somewhere to write.
    fn finish(mut self) -> io::Result<()> {
        if let Some(w) = &mut self.spill {
            self.written =
                std::mem::replace(&mut self.written, Ok(())).and_then(|()| w.write_all(self.out));
            self.out.clear();
        }
        self.written
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push(b'\n');
            self.out.resize(self.out.len() + 2 * self.depth, b' ');
        }
    }

    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        // The container closed is an item of the one around it.
        self.empty = false;
    }

    /// Before each item of an object or array.
    fn item(&mut self) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.newline();
    }

    fn key(&mut self, key: &str) {
        self.item();
        // Keys are this file's own, with nothing to escape.
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out
            .extend_from_slice(if self.pretty { b"\": " } else { b"\":" });
    }

    fn list<T>(&mut self, items: impl IntoIterator<Item = T>, mut each: impl FnMut(&mut Self, T)) {
        self.open(b'[');
        for item in items {
            self.item();
            each(self, item);
            self.spill();
        }
        self.close(b']');
    }

    fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    fn uint(&mut self, n: u64) {
        self.out
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    fn int(&mut self, n: i64) {
        self.out
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    fn opt_uint(&mut self, n: Option<u64>) {
        match n {
            Some(n) => self.uint(n),
            None => self.null(),
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    fn span(&mut self, span: Span) {
        self.out.push(b'[');
        self.uint(span.0 as u64);
        self.out
            .extend_from_slice(if self.pretty { b", " } else { b"," });
        self.uint(span.1 as u64);
        self.out.push(b']');
    }

    /// `{"text": …, "span": […]}`: a paragraph or a mention.
    fn text_span(&mut self, text: &str, span: Span) {
        self.open(b'{');
        self.key("text");
        self.str(text);
        self.key("span");
        self.span(span);
        self.close(b'}');
    }

    /// A name as a JSON string: as `str` writes it, but for the characters that act on a
    /// terminal rather than show and that JSON leaves as they are (DEL, C1 controls, the
    /// bidirectional controls, the line and paragraph separators), written `\uXXXX`. To a
    /// JSON reader the string is the same; on a terminal a file name cannot reorder or break
    /// the line. Article text keeps its marks: a right-to-left quote needs them.
    fn name(&mut self, s: &str) {
        let start = self.out.len();
        self.out.push(b'"');
        escape(self.out, s.as_bytes());
        self.out.push(b'"');
        if !s.contains(acts_on_terminal) {
            return;
        }
        let written = self.out.split_off(start);
        let written = String::from_utf8(written).expect("a JSON string of a str is UTF-8");
        for c in written.chars() {
            if acts_on_terminal(c) {
                let escape = format!("\\u{:04x}", u32::from(c));
                self.out.extend_from_slice(escape.as_bytes());
            } else {
                self.out
                    .extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
        }
    }

    /// A JSON string, escaped as serde_json does: `"` and `\\`, the short forms `\b`,
    /// `\f`, `\n`, `\r`, `\t`, other control characters as `\u00XX`, everything else as
    /// it is. The bytes that need no escape are found sixteen at a time (`plain_prefix`).
    fn str(&mut self, s: &str) {
        self.out.push(b'"');
        // A paragraph may be megabytes long.
        for piece in s.as_bytes().chunks(CHUNK) {
            escape(self.out, piece);
            self.spill();
        }
        self.out.push(b'"');
    }
}

/// Appends the bytes `b` of a string, escaped as `Json::str` says. (Only ASCII bytes are
/// escaped, so `b` may end inside a character.)
fn escape(out: &mut Vec<u8>, b: &[u8]) {
    out.reserve(b.len() + 2);
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        i += plain_prefix(&b[i..]);
        let Some(&c) = b.get(i) else { break };
        out.extend_from_slice(&b[copied..i]);
        i += 1;
        copied = i;
        let short = match c {
            0x08 => b'b',
            0x0c => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0..0x20 => b'u',
            _ => c,
        };
        out.extend_from_slice(&[b'\\', short]);
        if short == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let hex = |d: u8| HEX[usize::from(d)];
            out.extend_from_slice(&[b'0', b'0', hex(c >> 4), hex(c & 15)]);
        }
    }
    out.extend_from_slice(&b[copied..]);
}

/// Whether a character acts on a terminal rather than shows: a control character (C0, DEL,
/// C1), a bidirectional control, which reorders what follows (U+202E makes `txt.exe` read
/// `exe.txt`), or a line or paragraph separator. A record's `source` has these as JSON
/// escapes; the command line shows them escaped in its messages.
pub fn acts_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// How many bytes at the start of `b` a JSON string takes as they are: up to the first
/// control character, `"` or `\\`.
fn plain_prefix(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte below `n`, in the classic borrow trick: a borrow only
    // starts at such a byte, so the lowest bit set is exact (those above may not be).
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGHS;
    let escapes = |x: u64| {
        below(x, 0x20)
            | below(x ^ (ONES * u64::from(b'"')), 1)
            | below(x ^ (ONES * u64::from(b'\\')), 1)
    };
    let first = |x: u64, at: usize| match escapes(x) {
        0 => None,
        m => Some(at + m.trailing_zeros() as usize / 8),
    };
    // Sixteen bytes a step while they last: one branch for both words.
    let load = |c: &[u8]| u64::from_le_bytes(c.try_into().expect("eight bytes"));
    let mut pairs = b.chunks_exact(16);
    for (k, pair) in pairs.by_ref().enumerate() {
        let (x, y) = (load(&pair[..8]), load(&pair[8..]));
        if escapes(x) | escapes(y) != 0 {
            return first(x, 16 * k)
                .or_else(|| first(y, 16 * k + 8))
                .expect("a byte to escape");
        }
    }
    let done = b.len() - pairs.remainder().len();
    let mut chunks = pairs.remainder().chunks_exact(8);
    if let Some(chunk) = chunks.next()
        && let Some(i) = first(load(chunk), done)
    {
        return i;
    }
    // The last few bytes, padded with spaces.
    let rest = chunks.remainder();
    let mut last = [b' '; 8];
    last[..rest.len()].copy_from_slice(rest);
    first(u64::from_le_bytes(last), b.len() - rest.len()).unwrap_or(b.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::span::CharIndex;
    use crate::{Body, Date, Options, Stats, parse};
    use serde::Serialize;

    #[test]
    fn plain_prefix_stops_where_a_byte_loop_stops() {
        // Every byte value at every position of strings across the 8- and 16-byte steps.
        let needs_escape = |c: &u8| *c < 0x20 || *c == b'"' || *c == b'\\';
        for len in 0..40 {
            for at in 0..len {
                for c in 0..=255u8 {
                    let mut b = vec![b'a'; len];
                    b[at] = c;
                    let expected = b.iter().position(needs_escape).unwrap_or(len);
                    assert_eq!(plain_prefix(&b), expected, "{b:?}");
                }
            }
        }
    }

    /// The reference: the record through serde_json, as newsparse wrote it before `Json`.
    struct Record<'a> {
        source: &'a str,
        encoding: &'a str,
        article: &'a Article<'a>,
    }

    impl Serialize for Record<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let a = self.article;
            let mut record = serializer.serialize_struct("Record", 11)?;
            record.serialize_field("schema_version", &SCHEMA_VERSION)?;
            record.serialize_field("source", self.source)?;
            record.serialize_field("encoding", self.encoding)?;
            record.serialize_field("language", &a.language)?;
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

    fn reference(source: &str, article: &Article, style: Style) -> Vec<u8> {
        let record = Record {
            source,
            encoding: article.encoding,
            article,
        };
        let mut out = Vec::new();
        match style {
            Style::Pretty => inline_spans(&mut out, &serde_json::to_vec_pretty(&record).unwrap()),
            Style::Compact => serde_json::to_writer(&mut out, &record).unwrap(),
        }
        out.push(b'\n');
        out
    }

    fn assert_same_as_reference(source: &str, article: &Article) {
        for style in [Style::Compact, Style::Pretty] {
            let mut out = Vec::new();
            render(&mut out, source, article, style).unwrap();
            let expected = reference(source, article, style);
            assert!(
                out == expected,
                "{source} ({style:?}):\n{}\nexpected:\n{}",
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&expected)
            );
        }
    }

    #[test]
    fn same_bytes_as_serde_json() {
        let options = Options::default().with_reference_date(Date::new(2026, 11, 27).unwrap());
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths: Vec<_> = std::fs::read_dir(root.join("fixtures"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        if let Some(dir) = crate::shared::shared_corpus() {
            let entries = std::fs::read_dir(dir).expect("the corpus folder reads");
            paths.extend(entries.flatten().map(|e| e.path()));
        }
        let texts = paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned());
        for (n, text) in texts.enumerate() {
            assert_same_as_reference(&format!("article {n}"), &parse(&text, &options));
        }
        // Every ASCII character, at each offset from an eight-byte boundary, and others.
        let ascii: String = (0..128u8).map(char::from).collect();
        let mut strings = vec![String::new(), ascii.clone(), "é — «ü» 😀\u{2028}".into()];
        strings.extend((0..16).map(|k| format!("{}{ascii}x\\\"", "a".repeat(k))));
        for (n, s) in strings.iter().enumerate() {
            let article = Article {
                encoding: "UTF-8",
                language: crate::Language::En,
                headline: Some(s.clone()),
                lead: None,
                headline_span: None,
                lead_span: None,
                dateline: None,
                body: Body::new(s, crate::layout::Body::new(s, 0), &CharIndex::new(s)),
                quotes: Vec::new(),
                entities: Entities::default(),
                stats: Stats {
                    paragraphs: usize::MAX - n,
                    ..Stats::default()
                },
            };
            // A source escapes more (`a_source_is_inert_on_a_terminal`).
            let source: String = s.chars().filter(|&c| !acts_on_terminal(c)).collect();
            assert_same_as_reference(&source, &article);
        }
    }

    #[test]
    fn a_source_is_inert_on_a_terminal() {
        let article = parse("Text.", &Options::default());
        let source = "in/\u{202e}txt.exe\u{7f}\u{9b}\u{2028}\n\u{1b}é";
        for style in [Style::Compact, Style::Pretty] {
            let mut out = Vec::new();
            render(&mut out, source, &article, style).unwrap();
            let out = String::from_utf8(out).unwrap();
            assert!(
                out.contains(r#""in/\u202etxt.exe\u007f\u009b\u2028\n\u001bé""#),
                "{out}"
            );
            let record: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(record["source"], source);
        }
        // Article text keeps its marks.
        let article = parse("Said \u{200f}x\u{200f}.", &Options::default());
        let mut out = Vec::new();
        render(&mut out, "s", &article, Style::Compact).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .contains("\u{200f}x\u{200f}")
        );
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
