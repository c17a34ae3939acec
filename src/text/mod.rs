//! Text: bytes to `str` (`decode`), byte ranges to code-point spans (`span`), the words of
//! the rules (`tokens`), whether a period ends a word or a sentence (`abbreviations`), and
//! the article's counts (`sentences`, `wordcount`). The word lists live here too: read and
//! checked by `datafile` (which `build.rs` includes), laid out as static hash tables by
//! `strtable`, named in `wordlist`; every later stage reads them.

pub(crate) mod abbreviations;
pub(crate) mod decode;
pub(crate) mod sentences;
pub(crate) mod span;
pub(crate) mod strtable;
pub(crate) mod tokens;
pub(crate) mod wordcount;
pub(crate) mod wordlist;
