//! Connectors: the lowercase words inside names ("Bank of Montreal", "Charles de Gaulle"),
//! from `src/data/connectors.txt`. Takes a word; gives whether it is one.
//!
//! A kernel, kept by the performance budget: the tokenizer asks it of every lowercase word
//! of every field, and a word-set lookup there cost 2 to 9% of batch time (`benches/ab.sh`,
//! four interleaved A/Bs of the commit that tried it; 3.6% of instructions). So each word of
//! up to three bytes is packed into an integer and looked up in a perfect hash table of 64
//! slots, built at compile time from the list: one multiply and one compare. The test
//! below holds it to a plain search of the list.

use crate::text::wordlist::CONNECTORS;

/// A word of up to three bytes as an integer: its length in the low byte, its bytes above.
const fn pack(b: &[u8]) -> u32 {
    let mut key = b.len() as u32;
    let mut i = 0;
    while i < b.len() {
        key |= (b[i] as u32) << (8 * (i + 1));
        i += 1;
    }
    key
}

/// `CONNECTORS`, packed, each in the slot its key times `MULTIPLIER` gives (the top six
/// bits). Empty slots hold `u32::MAX`, which no word packs to (its length byte would be 255).
const SLOTS: [u32; 64] = match table(MULTIPLIER) {
    Some(t) => t,
    None => panic!("the multiplier gives each connector a slot"),
};

/// The first odd multiplier from the golden ratio's that gives each connector a slot.
const MULTIPLIER: u32 = {
    let mut multiplier: u32 = 0x9e37_79b9;
    while table(multiplier).is_none() {
        multiplier = multiplier.wrapping_add(2);
    }
    multiplier
};

const fn table(multiplier: u32) -> Option<[u32; 64]> {
    let mut t = [u32::MAX; 64];
    let mut i = 0;
    while i < CONNECTORS.len() {
        assert!(
            CONNECTORS[i].len() <= 3,
            "a connector of more than three bytes"
        );
        let key = pack(CONNECTORS[i].as_bytes());
        let slot = (key.wrapping_mul(multiplier) >> 26) as usize;
        if t[slot] != u32::MAX {
            return None;
        }
        t[slot] = key;
        i += 1;
    }
    Some(t)
}

fn is_key(key: u32) -> bool {
    SLOTS[(key.wrapping_mul(MULTIPLIER) >> 26) as usize] == key
}

/// Whether `word` is a connector.
pub(super) fn is_connector(word: &str) -> bool {
    word.len() <= 3 && is_key(pack(word.as_bytes()))
}

/// `is_connector` for the ASCII word `bytes[start..end]` (the tokenizer's question), without
/// a branch on its length where four bytes from `start` can be read: a word in three is
/// short enough to be one, and a branch on that mispredicts.
pub(super) fn is_connector_at(bytes: &[u8], start: usize, end: usize) -> bool {
    let n = end - start;
    let Some(four) = bytes.get(start..start + 4) else {
        return n <= 3 && is_key(pack(&bytes[start..end]));
    };
    const MASKS: [u32; 4] = [0, 0xff, 0xffff, 0xff_ffff];
    let x = u32::from_le_bytes(four.try_into().expect("four bytes"));
    // Longer words get key 0, which no connector has (its length byte is never 0).
    let short = n.min(3);
    let key = (short as u32 | (x & MASKS[short]) << 8) & u32::from(n <= 3).wrapping_neg();
    is_key(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connectors_and_nothing_else() {
        assert!(CONNECTORS.len() >= 20);
        assert!(CONNECTORS.iter().all(|c| is_connector(c)));
        for word in [
            "", "o", "Of", "off", "ofx", "an", "the ", "dex", "a&", "alx",
        ] {
            assert!(!is_connector(word), "{word:?}");
        }
    }

    /// The reference: every word of up to four of these bytes, alone, with text after it
    /// and after other text, answered as a plain search of the list answers.
    #[test]
    fn every_short_word_as_a_search_of_the_list() {
        let alphabet = b"adefhlnortuy&x";
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..4 {
            let longer: Vec<Vec<u8>> = words
                .iter()
                .filter(|w| w.len() == words.last().map_or(0, Vec::len))
                .flat_map(|w| alphabet.iter().map(move |&c| [w.as_slice(), &[c]].concat()))
                .collect();
            words.extend(longer);
        }
        let mut found = 0;
        for word in words.iter().filter(|w| !w.is_empty()) {
            let text = std::str::from_utf8(word).unwrap();
            let expected = CONNECTORS.contains(&text);
            found += usize::from(expected);
            assert_eq!(is_connector(text), expected, "{text:?}");
            for after in ["", " ", " of the"] {
                let bytes = [word.as_slice(), after.as_bytes()].concat();
                assert_eq!(is_connector_at(&bytes, 0, word.len()), expected, "{text:?}");
                let shifted = [b"x ".as_slice(), &bytes].concat();
                let at = is_connector_at(&shifted, 2, 2 + word.len());
                assert_eq!(at, expected, "{text:?}");
            }
        }
        assert!(found >= 10, "{found}");
    }
}
