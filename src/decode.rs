//! Input decoding: the bytes of a file into the text that every span counts in.

use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty article (no text but whitespace)")]
    Empty,
    #[error("not a text file (contains NUL bytes)")]
    NotText,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// UTF-8 text without its byte-order mark. Invalid sequences become U+FFFD.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(DecodeError::NotText);
    }
    let text = String::from_utf8_lossy(bytes);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFHello").unwrap(), "Hello");
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF\n"), Err(DecodeError::Empty));
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(DecodeError::NotText));
    }
}
