//! Names of inputs as the run gives them out: a path as a record's `source` and a JSON Lines
//! id as a file name, each one to one, and any name as a message shows it (`shown`), where
//! it cannot act on the terminal. A leaf, like `failure`: every part may use it.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// A path as a record's `source`: its text, each backslash doubled and each byte that is
/// not UTF-8 written `\xHH`, so that two file names never print the same (a lossy U+FFFD
/// would) and the name can be read back.
pub fn source(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut source = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                source.push('\\');
            }
            source.push(c);
        }
        for byte in chunk.invalid() {
            let _ = write!(source, "\\x{byte:02X}");
        }
    }
    source
}

/// A JSON Lines id as the name of its record under --output-dir: the id as written, but for
/// what a file name cannot or should not hold (anything but letters, digits, `-`, `_` and a
/// `.` not first) written `%XX` for each UTF-8 byte, `%` too; then `.` and `extension`
/// (`json`, `html`). Two ids never share a name (`reuters.001` and `reuters.002`, `1` and
/// `1.5`), and the id reads back. An empty id is `%.json`: a lone `%` is no escape.
pub fn id_file_name(id: &str, extension: &str) -> PathBuf {
    let mut name = String::with_capacity(id.len() + 8);
    for (i, c) in id.char_indices() {
        if c.is_alphanumeric() || matches!(c, '-' | '_') || (c == '.' && i > 0) {
            name.push(c);
        } else {
            for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                let _ = write!(name, "%{byte:02X}");
            }
        }
    }
    if name.is_empty() {
        name.push('%');
    }
    name.push('.');
    name.push_str(extension);
    PathBuf::from(name)
}

/// Text as a message on standard error shows it: every character that acts on a terminal
/// rather than shows (`acts`) written as an escape, `\n`, `\u{1b}`, `\u{202e}`, so that a
/// name cannot forge a line, a colour or its reading order. Every message that names a
/// file, an id or a folder, or quotes an argument, goes through here.
pub fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether a character acts on a terminal rather than shows (the library's list: what a
/// record's `source` escapes too).
pub fn acts(c: char) -> bool {
    newsparse::acts_on_terminal(c)
}

/// serde_json's compact JSON, but for the characters that act on a terminal and that JSON
/// leaves as they are (all but C0), which are written `\uXXXX`: an error record may be read
/// on a terminal, and to a JSON reader its strings are the same. `record/json.rs` does the
/// same for a record's `source`.
pub struct InertJson;

impl serde_json::ser::Formatter for InertJson {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(acts) {
            let c = rest[at..].chars().next().unwrap_or_default();
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_file_names_one_to_one() {
        let name = |id: &str| id_file_name(id, "json").to_str().unwrap().to_owned();
        assert_eq!(name("reuters.001"), "reuters.001.json");
        assert_eq!(name("reuters.002"), "reuters.002.json");
        assert_eq!(name("1"), "1.json");
        assert_eq!(name("1.5"), "1.5.json");
        assert_eq!(name("Мир-2_x"), "Мир-2_x.json");
        assert_eq!(name("a/../b c"), "a%2F..%2Fb%20c.json");
        assert_eq!(name(".."), "%2E..json");
        assert_eq!(name("%2E."), "%252E..json");
        assert_eq!(name("x\u{202e}"), "x%E2%80%AE.json");
        assert_eq!(name(""), "%.json");
    }

    #[test]
    fn shown_names_cannot_act_on_the_terminal() {
        assert_eq!(shown("plain/name.txt"), "plain/name.txt");
        assert_eq!(shown("Мир — “x”"), "Мир — “x”");
        assert_eq!(
            shown("a\nb\u{1b}[31mc\u{9b}d\u{7f}"),
            "a\\nb\\u{1b}[31mc\\u{9b}d\\u{7f}"
        );
        for c in [
            '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
            '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}',
        ] {
            let name = format!("x{c}txt.exe");
            let escaped = format!("x\\u{{{:x}}}txt.exe", u32::from(c));
            assert_eq!(shown(&name), escaped);
        }
    }

    #[test]
    fn inert_json_is_the_same_json() {
        let text = "a\u{202e}b\n\u{9b}c\u{2069}";
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, InertJson);
        serde::Serialize::serialize(&[text], &mut ser).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out, r#"["a\u202eb\n\u009bc\u2069"]"#);
        assert_eq!(serde_json::from_str::<[String; 1]>(&out).unwrap(), [text]);
    }

    #[cfg(unix)]
    #[test]
    fn sources_keep_every_path_apart() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let of = |bytes: &[u8]| source(Path::new(OsStr::from_bytes(bytes)));
        assert_eq!(of(b"dir/a.txt"), "dir/a.txt");
        assert_eq!(of("Мир.txt".as_bytes()), "Мир.txt");
        assert_eq!(of(b"a\xFF.txt"), "a\\xFF.txt");
        assert_eq!(of(b"a\xFE.txt"), "a\\xFE.txt");
        // The text `\xFF` is not the byte.
        assert_eq!(of(b"a\\xFF.txt"), "a\\\\xFF.txt");
        assert_eq!(of(b"\xE2\x82"), "\\xE2\\x82");
    }
}
