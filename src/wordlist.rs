//! Word lists from `src/data/` (one word or phrase a line), laid out as hash tables by
//! `build.rs`: nothing to build when a process starts.

use crate::strtable::Table;

/// A set of words, as a static hash table.
pub(crate) struct WordSet(Table);

impl WordSet {
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.find(word).is_some()
    }
}

include!(concat!(env!("OUT_DIR"), "/wordlists.rs"));
