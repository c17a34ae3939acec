//! A line diff of an expected and an actual record, printed when a fixture differs. Records
//! are a few hundred lines, so the longest common subsequence by a plain table will do, and
//! no diff crate is needed.

use std::fmt::Write as _;

/// Unchanged lines shown around each change.
const CONTEXT: usize = 3;
/// Lines shown at most: a record that differs everywhere needs its first changes only.
const MAX_LINES: usize = 60;

/// The lines of `expected` and `actual` that differ, as `-` and `+` lines with `CONTEXT`
/// lines around them, in hunks headed by their first line's number in `expected`; empty
/// where the lines are the same (the texts may still differ in line endings).
pub fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // common[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
    let mut common = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    // The edit script: (mark, line, its index in `expected`), removals before additions.
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i], i));
            (i, j) = (i + 1, j + 1);
        } else if i < a.len() && (j == b.len() || common[i + 1][j] >= common[i][j + 1]) {
            ops.push(('-', a[i], i));
            i += 1;
        } else {
            ops.push(('+', b[j], i));
            j += 1;
        }
    }
    let changes: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != ' ').collect();
    let mut out = String::new();
    let mut last = None;
    let mut shown = 0;
    for (k, (mark, line, at)) in ops.iter().enumerate() {
        if !changes.iter().any(|&c| c.abs_diff(k) <= CONTEXT) {
            continue;
        }
        if shown == MAX_LINES {
            out.push_str("…\n");
            break;
        }
        if last.is_none_or(|l| l + 1 != k) {
            writeln!(out, "@@ expected line {} @@", at + 1).unwrap();
        }
        writeln!(out, "{mark}{line}").unwrap();
        shown += 1;
        last = Some(k);
    }
    out
}
