//! Bytes in, as they are: decode, parse, render, and check every invariant of `check.rs`
//! (the record is schema-valid JSON that says what serde says of the article, every
//! `{text, span}` slices back to its text in code points, a second parse is the same, and
//! the record agrees with itself). Its sibling `article.rs` makes article-like text of the
//! bytes instead. Run (stable toolchain, from the repository's root, on one core):
//! ```text
//! RUSTC_BOOTSTRAP=1 cargo fuzz run parse fuzz/corpus/parse fixtures -- -timeout=10 \
//!     -rss_limit_mb=2048 -max_len=65536 -max_total_time=7200
//! ```
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|bytes: &[u8]| {
    check::check(bytes, None);
});
