//! Word lists from `src/data/` (one word or phrase a line), sorted by `build.rs` and
//! searched in place: nothing to build or hash when a process starts.

/// A sorted word list, with where each first byte starts in it.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    starts: &'static [usize],
}

impl WordSet {
    pub(crate) fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return false;
        };
        let b = usize::from(first);
        self.words[self.starts[b]..self.starts[b + 1]]
            .binary_search(&word)
            .is_ok()
    }

    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

include!(concat!(env!("OUT_DIR"), "/wordlists.rs"));
