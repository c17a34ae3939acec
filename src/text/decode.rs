//! Input decoding: the bytes of a file into the text that every span counts in.
//!
//! In order: an encoding the user forces; a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//! UTF-8, when the bytes are UTF-8 but for a few broken sequences (each becomes U+FFFD and is
//! counted); else the legacy 8-bit encoding that chardetng finds most likely (Windows-1251
//! and KOI8-R Russian, Windows-1252 and Latin-1 western text, …). Unless an encoding is
//! forced, binary is refused whatever mark comes first: a mark is two or three bytes that
//! anything may begin with.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// Why bytes give no article's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The text is empty or whitespace alone (a byte-order mark does not count): there is
    /// no article to parse. The command line's `empty` error record.
    #[error("empty article (no text but whitespace)")]
    Empty,
    /// No encoding was forced and the bytes hold a NUL (after a UTF-8 mark too), or a NUL
    /// code unit after a UTF-16 mark: an image, an executable, or UTF-16 without its mark.
    /// The `not_text` error record.
    #[error("not a text file (contains NUL bytes)")]
    NotText,
    /// No encoding was forced and a UTF-16 byte-order mark (the encoding named) stands
    /// before bytes that are UTF-8 text: read as UTF-16 they would be CJK-looking garbage,
    /// and which of the two is wrong only the user knows. Also `not_text`.
    #[error(
        "a {0} byte-order mark before UTF-8 text, not {0} (--encoding utf-8 or utf-16 chooses)"
    )]
    FalseMark(&'static str),
}

/// Text and how it was read; `Decoded::parse` gives its article, these two filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded<'a> {
    /// Borrowed from the bytes where they were UTF-8 already.
    pub text: Cow<'a, str>,
    /// The encoding's name as the WHATWG Encoding Standard gives it: "UTF-8", "UTF-16LE",
    /// "windows-1251", "KOI8-R".
    pub encoding: &'static str,
    /// Byte sequences that were no text in that encoding, each now U+FFFD.
    pub replaced_chars: usize,
}

/// Decodes an article: in the encoding `forced`, else the one the bytes show (see the
/// module comment for the order of the choices). Whitespace alone is `Empty`.
pub fn decode<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
) -> Result<Decoded<'a>, DecodeError> {
    let decoded = match forced {
        Some(encoding) => with(encoding, strip_bom(bytes, encoding)),
        None => sniff(bytes)?,
    };
    if decoded.text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(decoded)
}

fn strip_bom<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> &'a [u8] {
    match Encoding::for_bom(bytes) {
        Some((found, len)) if found == encoding => &bytes[len..],
        _ => bytes,
    }
}

fn sniff(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some((encoding, len)) = Encoding::for_bom(bytes) {
        let rest = &bytes[len..];
        if encoding != UTF_8 {
            return utf16(encoding, rest);
        }
        if memchr::memchr(0, rest).is_some() {
            return Err(DecodeError::NotText);
        }
        return Ok(with(encoding, rest));
    }
    // Text has no NUL bytes; an image, an executable or BOM-less UTF-16 does.
    if memchr::memchr(0, bytes).is_some() {
        return Err(DecodeError::NotText);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8.name(),
            replaced_chars: 0,
        });
    }
    if mostly_utf8(bytes) {
        return Ok(with(UTF_8, bytes));
    }
    // Not ISO-2022-JP: that is 7-bit and never reaches here; news archives are not web pages.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    let decoded = with(guess, bytes);
    // KOI8-U differs from KOI8-R only in Ukrainian letters: without them, it is KOI8-R.
    if guess == encoding_rs::KOI8_U
        && !decoded
            .text
            .contains(['ґ', 'є', 'і', 'ї', 'Ґ', 'Є', 'І', 'Ї'])
    {
        return Ok(Decoded {
            encoding: encoding_rs::KOI8_R.name(),
            ..decoded
        });
    }
    Ok(decoded)
}

/// The bytes after a UTF-16 mark, if they are UTF-16 text. Bytes that read as UTF-8 text,
/// with no control byte but whitespace, are UTF-8 behind a stray mark: UTF-16 below U+2000
/// (ASCII, Latin, Greek, Cyrillic, Arabic…) has a byte under 0x20 in every code unit, and
/// CJK alone is almost never valid UTF-8. A NUL code unit is binary, as a NUL byte is in
/// 8-bit text.
fn utf16<'a>(encoding: &'static Encoding, rest: &'a [u8]) -> Result<Decoded<'a>, DecodeError> {
    let plain = |b: &u8| *b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r' | 0x0c);
    if !rest.is_empty()
        && rest.iter().all(plain)
        && (std::str::from_utf8(rest).is_ok() || mostly_utf8(rest))
    {
        return Err(DecodeError::FalseMark(encoding.name()));
    }
    let decoded = with(encoding, rest);
    if decoded.text.contains('\0') {
        return Err(DecodeError::NotText);
    }
    Ok(decoded)
}

/// Whether invalid UTF-8 is the exception: more well-formed multi-byte characters than
/// broken sequences. Legacy 8-bit text has almost no well-formed ones.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

fn with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Decoded<'a> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    // Each malformed sequence became one U+FFFD; a U+FFFD that the bytes themselves
    // hold is no replacement.
    let had = if encoding == UTF_8 {
        bytes
            .utf8_chunks()
            .map(|c| c.valid().matches('\u{FFFD}').count())
            .sum()
    } else {
        0
    };
    let replaced_chars = text.matches('\u{FFFD}').count().saturating_sub(had);
    Decoded {
        text,
        encoding: encoding.name(),
        replaced_chars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniffed(bytes: &[u8]) -> (String, &'static str, usize) {
        let d = decode(bytes, None).unwrap();
        (d.text.into_owned(), d.encoding, d.replaced_chars)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(sniffed(b"\xEF\xBB\xBFHello"), ("Hello".into(), "UTF-8", 0));
        assert_eq!(sniffed("Привет".as_bytes()), ("Привет".into(), "UTF-8", 0));
    }

    #[test]
    fn utf16_with_a_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Мир, peace".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(sniffed(&le), ("Мир, peace".into(), "UTF-16LE", 0));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Мир".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(sniffed(&be), ("Мир".into(), "UTF-16BE", 0));
    }

    #[test]
    fn legacy_russian_and_western_text() {
        let text = "Министр обороны России заявил, что армия продолжит учения в регионе.";
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        assert_eq!(sniffed(&cp1251), (text.into(), "windows-1251", 0));
        let (koi8, _, _) = encoding_rs::KOI8_R.encode(text);
        assert_eq!(sniffed(&koi8), (text.into(), "KOI8-R", 0));
        let western = "Le ministre français a déclaré que l'économie était forte à Genève.";
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(western);
        assert_eq!(sniffed(&latin), (western.into(), "windows-1252", 0));
    }

    #[test]
    fn broken_utf8_is_replaced_and_counted() {
        let mut bytes = "Ünïcødé text — “quoted” ".as_bytes().to_vec();
        bytes.extend_from_slice(b"bad \xFF byte \xC3 here ");
        bytes.extend_from_slice("\u{FFFD}".as_bytes());
        let (text, encoding, replaced) = sniffed(&bytes);
        assert_eq!(encoding, "UTF-8");
        assert_eq!(replaced, 2);
        assert!(text.ends_with("bad \u{FFFD} byte \u{FFFD} here \u{FFFD}"));
    }

    #[test]
    fn forced_encoding() {
        let (bytes, _, _) = encoding_rs::KOI8_R.encode("Москва");
        let d = decode(&bytes, Some(encoding_rs::KOI8_R)).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("Москва", "KOI8-R"));
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b"", None), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n", None), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF\n", None), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00", None),
            Err(DecodeError::NotText)
        );
    }

    #[test]
    fn a_mark_never_lets_binary_through() {
        let elf = b"\x00\x01\x02\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00";
        for mark in [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"] {
            let bytes = [mark, &elf[..]].concat();
            assert_eq!(decode(&bytes, None), Err(DecodeError::NotText), "{mark:?}");
        }
        // Forced, the user knows best.
        assert!(decode(&[b"\xEF\xBB\xBF", &elf[..]].concat(), Some(UTF_8)).is_ok());
    }

    #[test]
    fn a_utf16_mark_before_utf8_text_is_refused() {
        for (mark, name) in [(&b"\xFF\xFE"[..], "UTF-16LE"), (b"\xFE\xFF", "UTF-16BE")] {
            for text in ["Hello world, this is text.\n", "Мир, “peace” — ünïcødé.\n"] {
                let bytes = [mark, text.as_bytes()].concat();
                assert_eq!(
                    decode(&bytes, None),
                    Err(DecodeError::FalseMark(name)),
                    "{text}"
                );
            }
        }
        // UTF-16 of any script holds zero bytes, and a mark alone is empty.
        let cjk: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "新华社北京1月5日电"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert_eq!(sniffed(&cjk).0, "新华社北京1月5日电");
        assert_eq!(decode(b"\xFF\xFE", None), Err(DecodeError::Empty));
    }
}
