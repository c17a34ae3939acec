//! Static string hash tables. `build.rs` includes this file too: it lays the tables out
//! with `Table::source`, the crate looks words up with `Table::find`, both with the same
//! `hash`, so that a process starts with every table ready. Most words of a text are in no
//! table: a bitmap of the keys' first and last bytes and lengths turns them away before
//! hashing.

/// Strings as static data with no pointer to each: their bytes one after another, and
/// where each starts. A `&'static [&'static str]` costs the loader of a position-independent
/// program a relocation, and a written page, for each string at every start: the tables'
/// 40 000 were a fifth of the start-up of a one-article run.
pub struct Strs {
    pub text: &'static str,
    /// Where each string starts in `text`, and at the end where `text` ends.
    pub starts: &'static [u32],
}

impl Strs {
    /// String `i`.
    #[inline]
    #[allow(dead_code)] // the crate's half
    pub fn get(&self, i: usize) -> &'static str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    #[allow(dead_code)] // the crate's half
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Rust source for `Strs` of `strs`, as a constant expression.
    #[allow(dead_code)] // build.rs's half
    pub fn source(strs: &[&str]) -> String {
        let mut starts = vec![0u32];
        for s in strs {
            starts.push(starts[starts.len() - 1] + u32::try_from(s.len()).expect("u32"));
        }
        format!("Strs {{ text: {:?}, starts: &{starts:?} }}", strs.concat())
    }
}

/// A set of keys, as static data.
pub struct Table {
    pub keys: Strs,
    /// Open addressing with linear probing, a power of two of them, at most half full: 0
    /// when empty, else a key's index plus one in the low 16 bits and 16 bits of its hash
    /// above, so that a probe reads a key only when those bits agree.
    pub slots: &'static [u32],
    /// 16 384 bits, one set for each key's `shape`: its first and last bytes and its
    /// length, hashed. News words pass it half as often as a bitmap of first bytes and
    /// lengths alone.
    pub shapes: &'static [u64; 256],
}

/// A hash of a word's length and its first and last four bytes: words are short, and a
/// lookup per word of a text must not loop over its bytes. Mixed twice (a multiply, then the
/// high half folded down and multiplied again), so that the low bits, the slot, depend on
/// every byte: the low bits of one product depend on the low bits of its factor alone, and
/// once made a slot of the last bytes and length, so that keys of one ending ("-ого",
/// "-tion") piled up in runs of 10 to 20 probes.
pub fn hash(key: &[u8]) -> u64 {
    let n = key.len();
    let word = |b: &[u8]| u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let x = match n {
        0 => 0,
        1..=3 => u64::from(key[0]) | u64::from(key[n / 2]) << 8 | u64::from(key[n - 1]) << 16,
        _ => word(key) << 32 | word(&key[n - 4..]),
    };
    let h = (x ^ (n as u64).rotate_right(8)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let h = (h ^ h >> 32).wrapping_mul(0xd6e8_feb8_6659_fd93);
    h ^ h >> 32
}

/// Whether `a` and `b` are the same bytes. Keys and words are short: for up to 16 bytes,
/// two overlapping loads of each, in place of a call to `memcmp`.
#[inline]
pub fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let load8 = |s: &[u8], i: usize| u64::from_le_bytes(s[i..i + 8].try_into().expect("8"));
    let load4 = |s: &[u8], i: usize| u32::from_le_bytes(s[i..i + 4].try_into().expect("4"));
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => load4(a, 0) == load4(b, 0) && load4(a, n - 4) == load4(b, n - 4),
        8..=16 => load8(a, 0) == load8(b, 0) && load8(a, n - 8) == load8(b, n - 8),
        // Longer phrases mostly differ in their first or last bytes: ask those first.
        _ => load8(a, 0) == load8(b, 0) && load8(a, n - 8) == load8(b, n - 8) && a == b,
    }
}

/// The hash bits kept in a slot: the top 16, which the slot's position (the low bits) does
/// not tell.
fn tag(h: u64) -> u32 {
    ((h >> 48) as u32) << 16
}

/// A key's bit in `shapes`, from its first and last bytes and its length: which word, and
/// the bit in it.
fn shape(key: &[u8]) -> (usize, u64) {
    let n = key.len();
    let x = u32::from(key[0]) | u32::from(key[n - 1]) << 8 | (n.min(255) as u32) << 16;
    let h = x.wrapping_mul(0x9e37_79b1) >> 18;
    ((h >> 6) as usize, 1 << (h & 63))
}

impl Table {
    /// Whether a key of the first and last byte and length of `key` may exist: false for
    /// most words of a text, and cheap enough to ask inline before a lookup.
    #[inline]
    pub fn may_contain(&self, key: &[u8]) -> bool {
        !key.is_empty() && {
            let (word, bit) = shape(key);
            self.shapes[word] & bit != 0
        }
    }

    /// The index of `key` in `keys`.
    #[allow(dead_code)] // the crate's half
    pub fn find(&self, key: &[u8]) -> Option<usize> {
        if !self.may_contain(key) {
            return None;
        }
        let h = hash(key);
        let tag = tag(h);
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            let k = (slot & 0xffff) as usize - 1;
            if slot & 0xffff_0000 == tag && same(self.keys.get(k).as_bytes(), key) {
                return Some(k);
            }
            i = (i + 1) & mask;
        }
    }

    /// The slots and shapes for `keys` (none empty).
    #[allow(dead_code)] // build.rs's half, and the tests'
    pub fn layout(keys: &[&str]) -> (Vec<u32>, [u64; 256]) {
        let size = (keys.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![0u32; size];
        let mut shapes = [0u64; 256];
        for (k, key) in keys.iter().enumerate() {
            assert!(!key.is_empty(), "an empty key");
            let (word, bit) = shape(key.as_bytes());
            shapes[word] |= bit;
            let h = hash(key.as_bytes());
            let mut i = h as usize & (size - 1);
            while slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            assert!(k + 1 < 0x1_0000, "at most 65 534 keys");
            slots[i] = tag(h) | (k as u32 + 1);
        }
        (slots, shapes)
    }

    /// Rust source for a `Table` of `keys`, as a constant expression.
    #[allow(dead_code)] // build.rs's half
    pub fn source(keys: &[&str]) -> String {
        let (slots, shapes) = Table::layout(keys);
        let keys = Strs::source(keys);
        format!("Table {{ keys: {keys}, slots: &{slots:?}, shapes: &{shapes:?} }}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_at_every_length() {
        for n in 0..40 {
            let a: Vec<u8> = (0..n as u8).map(|i| b'a' + i % 26).collect();
            assert!(same(&a, &a.clone()));
            assert!(!same(&a, &[a.as_slice(), b"x"].concat()));
            for i in 0..n {
                let mut b = a.clone();
                b[i] = b'#';
                assert!(!same(&a, &b), "{n} {i}");
            }
        }
    }

    #[test]
    fn keys_of_one_ending_spread_over_the_slots() {
        // 1 024 Russian words of one length and ending, "абого" to "яяого": they differ in
        // their first four bytes only.
        let letters: Vec<char> = ('а'..='я').collect();
        let keys: Vec<String> = (letters.iter())
            .flat_map(|a| letters.iter().map(move |b| format!("{a}{b}ого")))
            .collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let (slots, _) = Table::layout(&keys);
        let mask = slots.len() - 1;
        // How far each key lies from its hash's slot, on average: about 1.5 at half full.
        let mut distance = 0;
        for (i, &slot) in slots.iter().enumerate() {
            if slot != 0 {
                let key = keys[(slot & 0xffff) as usize - 1].as_bytes();
                distance += i.wrapping_sub(hash(key) as usize) & mask;
            }
        }
        assert!(
            distance < keys.len(),
            "{} on average",
            distance / keys.len()
        );
    }

    #[test]
    fn finds_every_key_and_nothing_else() {
        const KEYS: &[&str] = &["President", "Ministry", "of", "Ministry of Defense", "é"];
        let (slots, shapes) = Table::layout(KEYS);
        let mut starts = vec![0];
        for key in KEYS {
            starts.push(starts[starts.len() - 1] + key.len() as u32);
        }
        let keys = Strs {
            text: KEYS.concat().leak(),
            starts: starts.leak(),
        };
        assert_eq!(
            Strs::source(KEYS),
            format!(
                "Strs {{ text: {:?}, starts: &{:?} }}",
                keys.text, keys.starts
            )
        );
        assert_eq!(
            (0..keys.len()).map(|k| keys.get(k)).collect::<Vec<_>>(),
            KEYS
        );
        let table = Table {
            keys,
            slots: Box::leak(slots.into_boxed_slice()),
            shapes: Box::leak(Box::new(shapes)),
        };
        assert!(table.slots.len().is_power_of_two() && table.slots.len() >= 2 * KEYS.len());
        for (k, key) in KEYS.iter().enumerate() {
            assert_eq!(table.find(key.as_bytes()), Some(k));
        }
        for other in [
            "president",
            "Minister",
            "o",
            "e",
            "Ministry of",
            "",
            "Presidents",
            "Ministrx",
            "Mx",
        ] {
            assert_eq!(table.find(other.as_bytes()), None);
        }
        for key in KEYS {
            assert!(table.may_contain(key.as_bytes()));
        }
        // The first byte and length of a key, but no key of eight bytes ends in "x" (and no
        // other shape of the five keys shares a bit with these, out of 16 384).
        assert!(!table.may_contain(b"Ministrx") && !table.may_contain(b"Mx"));
    }
}
