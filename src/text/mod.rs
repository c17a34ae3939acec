//! Text: bytes to `str` (`decode`), byte ranges to code-point spans (`span`), and the
//! article's counts (`sentences`). The word lists and their hash tables live here too
//! (`wordlist`, `strtable`): every later stage reads them.

pub(crate) mod abbreviations;
pub(crate) mod decode;
pub(crate) mod sentences;
pub(crate) mod span;
pub(crate) mod strtable;
pub(crate) mod tokens;
pub(crate) mod wordlist;
