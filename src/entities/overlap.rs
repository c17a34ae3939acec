//! Overlap: of candidates that share bytes, the longest wins (then the higher priority,
//! then the leftmost), so that a name inside a longer name belongs to that entity alone.
//! Takes every candidate; gives those kept, in text order. The order is one 128-bit key a
//! candidate and the bytes taken a bitset: both measured, both with a reference test.

use std::ops::Range;

use super::{Candidate, Kind};

/// Non-overlapping candidates: longest first, then by priority, then leftmost.
pub(super) fn choose(candidates: Vec<Candidate>) -> Vec<Candidate> {
    // The order as one integer a candidate, not the candidates themselves (each holds its
    // names): longest, highest priority, leftmost, then first found, in 40 + 8 + 40 + 40
    // bits (a terabyte of text), so that an unstable sort gives the stable order.
    const FIELD: u128 = (1 << 40) - 1;
    let field = |n: usize| n as u128 & FIELD;
    let mut order: Vec<u128> = candidates
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let longer = field(!(c.end - c.start));
            let higher = u128::from(!c.priority);
            longer << 88 | higher << 80 | field(c.start) << 40 | field(k)
        })
        .collect();
    order.sort_unstable();
    // The bytes taken, a bit each from the first candidate's start: a clash is a bit set
    // in the range (an article is a few kilobytes, a few dozen words of bits).
    let from = candidates.iter().map(|c| c.start).min().unwrap_or(0);
    let to = candidates.iter().map(|c| c.end).max().unwrap_or(0);
    let mut taken = vec![0u64; (to - from).div_ceil(64)];
    let mut keep = vec![false; candidates.len()];
    for &key in &order {
        let k = (key & FIELD) as usize;
        let c = &candidates[k];
        let bits = c.start - from..c.end - from;
        // (Every candidate covers a word; an empty one would name nothing.)
        debug_assert!(!bits.is_empty(), "an empty candidate");
        if bits.is_empty() || any_bit(&taken, bits.clone()) {
            continue;
        }
        set_bits(&mut taken, bits);
        keep[k] = c.kind != Kind::Blocked;
    }
    let mut chosen: Vec<Candidate> = candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(c, keep)| keep.then_some(c))
        .collect();
    // No two overlap, so no two start at the same byte: unstable is stable here.
    chosen.sort_unstable_by_key(|c| c.start);
    chosen
}

/// Adds to `chosen` (in text order, none overlapping) the events named by a holder
/// ("BRICS summit"), each where every candidate it overlaps lies inside it and names an
/// organization or a country: the holder is still a mention of its own. Linear: both
/// lists are in text order.
pub(super) fn nest(chosen: &mut Vec<Candidate>, held: Vec<Candidate>) {
    if held.is_empty() {
        return;
    }
    let mut k = 0;
    let mut kept = Vec::with_capacity(held.len());
    for e in held {
        while k < chosen.len() && chosen[k].end <= e.start {
            k += 1;
        }
        let fits = chosen[k..].iter().take_while(|c| c.start < e.end).all(|c| {
            e.start <= c.start
                && c.end <= e.end
                && matches!(c.kind, Kind::Organization(_) | Kind::Country(_))
        });
        if fits {
            kept.push(e);
        }
    }
    chosen.extend(kept);
    // The event before the holder it starts with.
    chosen.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
}

/// The bits `start..end` of a bitset, as a mask in each word they touch.
fn bit_words(bits: Range<usize>) -> impl Iterator<Item = (usize, u64)> {
    let (first, last) = (bits.start / 64, (bits.end - 1) / 64);
    (first..=last).map(move |w| {
        let lo = if w == first { bits.start % 64 } else { 0 };
        let hi = if w == last { (bits.end - 1) % 64 } else { 63 };
        (w, (u64::MAX >> (63 - hi)) & (u64::MAX << lo))
    })
}

/// Whether any of the bits `bits` (not empty) is set.
fn any_bit(set: &[u64], bits: Range<usize>) -> bool {
    bit_words(bits).any(|(w, mask)| set[w] & mask != 0)
}

/// Sets the bits `bits` (not empty).
fn set_bits(set: &mut [u64], bits: Range<usize>) {
    for (w, mask) in bit_words(bits) {
        set[w] |= mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_bits_clash_where_a_bool_per_byte_would() {
        // Every range of a 200-bit set (four words) against every range already set.
        for taken in [1..2, 60..70, 63..64, 64..128, 130..199] {
            let mut set = vec![0u64; 4];
            set_bits(&mut set, taken.clone());
            for start in 0..200 {
                for end in start + 1..=200 {
                    let expected = start < taken.end && taken.start < end;
                    assert_eq!(
                        any_bit(&set, start..end),
                        expected,
                        "{taken:?} {start}..{end}"
                    );
                }
            }
            let ones: u32 = set.iter().map(|w| w.count_ones()).sum();
            assert_eq!(ones as usize, taken.len());
        }
    }
}
