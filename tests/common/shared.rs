//! Tests that need what lies outside the repository: the shared corpus beside it, GNU
//! parallel, PySpark and Java, Chromium. Where it is missing they skip, saying so, unless
//! CI's variable says it must be there. No dependency but std, so that the library's unit tests include this file too.

#![allow(dead_code)] // Each includer uses its part.

use std::path::{Path, PathBuf};

/// CI sets these (`.ci/run`): what they name must be there, and a test that would skip
/// without it fails instead.
pub const REQUIRE_SHARED: &str = "NEWSPARSE_REQUIRE_SHARED";
pub const REQUIRE_PARALLEL: &str = "NEWSPARSE_REQUIRE_PARALLEL";
pub const REQUIRE_SPARK: &str = "NEWSPARSE_REQUIRE_SPARK";
pub const REQUIRE_CHROMIUM: &str = "NEWSPARSE_REQUIRE_CHROMIUM";

/// For a test that cannot run, `why`: says it skips, or fails where the variable `require`
/// is set (to anything but empty or 0).
pub fn skip_unless_required(require: &str, why: &str) {
    let required = std::env::var_os(require).is_some_and(|v| !v.is_empty() && v != "0");
    assert!(!required, "{why}, and {require} is set: this test must run");
    eprintln!("skipped: {why} ({require}=1 makes this a failure)");
}

/// The folder of real wire articles, `../shared/corpus` next to the repository (or the one
/// `NEWSPARSE_CORPUS` names), where it is at hand; else none, after `skip_unless_required`.
pub fn shared_corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSPARSE_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        Into::into,
    );
    if dir.is_dir() {
        return Some(dir);
    }
    let why = format!(
        "no corpus at {} (NEWSPARSE_CORPUS can name another folder)",
        dir.display()
    );
    skip_unless_required(REQUIRE_SHARED, &why);
    None
}
