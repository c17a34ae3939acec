//! Names of inputs as the run gives them out: a path as a record's `source`, where two paths
//! never share one. A leaf, like `failure`: every part may use it.

use std::fmt::Write as _;
use std::path::Path;

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

#[cfg(test)]
mod tests {
    use super::*;

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
