//! Named entities: people, countries, organizations and events, found by rules alone.
//!
//! 1. Gazetteers (countries, organizations, titles) match in one pass over the words.
//! 2. Capitalized phrases are classified by what they contain and what stands around them:
//!    a title before a name makes a person; a head word makes an organization ("… Ministry",
//!    "… Corp") or an event ("11th … Conference"); a reporting verb or an apposition makes
//!    a two-to-four-word name a person.
//! 3. Short forms found in step 2 (a surname, a company without "Corp", an acronym) are
//!    looked for everywhere, in the manner of GATE's orthographic matcher.
//! 4. Overlapping candidates give way to the longest, so that a name inside a longer name
//!    belongs to that entity alone; mentions are grouped into entities in order of first
//!    mention.

mod gazetteer;

// foldhash: a fraction of SipHash's cost on short keys, and seeded per process, so that
// no text can be written to collide.
use foldhash::HashMap;
use foldhash::HashMapExt as _;
use std::borrow::Cow;
use std::ops::Range;

use gazetteer::{Entry, GAZETTEER, Gazetteer, PhraseTable};

use crate::record::{Country, Entities, Event, Mention, Organization, Person};
use crate::text::span::{CharIndex, ceil_char_boundary, floor_char_boundary};
use crate::text::strtable;
use crate::text::wordlist::ROLE_WORDS;

/// How much of a field to trust its capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Body text: capitals mark names.
    Full,
    /// A Title Case headline: only gazetteer entries and known short forms.
    KnownOnly,
    /// An ALL CAPS headline: nothing.
    Skip,
}

/// How the capitals of a headline can be read.
pub(crate) fn headline_mode(headline: &str) -> Mode {
    if !headline.chars().any(char::is_lowercase) {
        return Mode::Skip;
    }
    // Words of four letters or more, and how many of them are capitalized.
    let (mut long, mut capitalized) = (0usize, 0usize);
    for w in headline.split_whitespace() {
        if w.chars().filter(|c| c.is_alphabetic()).take(4).count() == 4 {
            long += 1;
            capitalized += usize::from(w.starts_with(char::is_uppercase));
        }
    }
    if long >= 3 && capitalized * 5 >= long * 4 {
        Mode::KnownOnly
    } else {
        Mode::Full
    }
}

#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    possessive: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Country(usize),
    Blocked,
    Organization {
        key: String,
        name: String,
        acronym: Option<String>,
    },
    Person {
        key: String,
        name: String,
        title: Option<String>,
        country: Option<usize>,
    },
    Event {
        key: String,
        name: String,
    },
}

#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    kind: Kind,
    /// Breaks ties between candidates of the same length: higher wins.
    priority: u8,
}

/// Lowercase words inside names ("Bank of Montreal", "Charles de Gaulle"), none longer
/// than three bytes.
const CONNECTORS: &[&str] = &[
    "of", "and", "for", "the", "on", "de", "du", "des", "la", "le", "van", "von", "der", "da",
    "do", "dos", "y", "&", "bin", "al",
];

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

/// `CONNECTORS`, packed, in a perfect hash table of 64 slots: each in the slot its key
/// times `CONNECTOR_MULTIPLIER` gives (the top six bits), so that a word is one compare
/// from its answer. Empty slots hold `u32::MAX`, which no word packs to (its length byte
/// would be 255).
const CONNECTOR_SLOTS: [u32; 64] = match connector_table(CONNECTOR_MULTIPLIER) {
    Some(t) => t,
    None => panic!("the multiplier gives each connector a slot"),
};

/// The first odd multiplier from the golden ratio's that gives each connector a slot.
const CONNECTOR_MULTIPLIER: u32 = {
    let mut multiplier: u32 = 0x9e37_79b9;
    while connector_table(multiplier).is_none() {
        multiplier = multiplier.wrapping_add(2);
    }
    multiplier
};

const fn connector_table(multiplier: u32) -> Option<[u32; 64]> {
    let mut t = [u32::MAX; 64];
    let mut i = 0;
    while i < CONNECTORS.len() {
        assert!(CONNECTORS[i].len() <= 3);
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

fn is_connector_key(key: u32) -> bool {
    CONNECTOR_SLOTS[(key.wrapping_mul(CONNECTOR_MULTIPLIER) >> 26) as usize] == key
}

/// Whether `word` is one of `CONNECTORS`: asked of every lowercase word, so compared as
/// integers rather than strings.
fn is_connector(word: &str) -> bool {
    word.len() <= 3 && is_connector_key(pack(word.as_bytes()))
}

/// `is_connector` for the ASCII word `bytes[start..end]`, without a branch on its length
/// where four bytes from `start` can be read.
fn is_connector_at(bytes: &[u8], start: usize, end: usize) -> bool {
    let n = end - start;
    let Some(four) = bytes.get(start..start + 4) else {
        return n <= 3 && is_connector_key(pack(&bytes[start..end]));
    };
    const MASKS: [u32; 4] = [0, 0xff, 0xffff, 0xff_ffff];
    let x = u32::from_le_bytes(four.try_into().expect("four bytes"));
    // Longer words get key 0, which no connector has (its length byte is never 0): by a
    // mask, since a branch on the length mispredicts (a word in three is that short).
    let short = n.min(3);
    let key = (short as u32 | (x & MASKS[short]) << 8) & u32::from(n <= 3).wrapping_neg();
    is_connector_key(key)
}

/// Suffixes of company names, dropped to make the short form ("Gelco Corp" → "Gelco").
const COMPANY_SUFFIXES: &[&str] = &[
    "Corp",
    "Corp.",
    "Corporation",
    "Inc",
    "Inc.",
    "Co",
    "Co.",
    "Company",
    "Ltd",
    "Ltd.",
    "PLC",
    "Plc",
    "AG",
    "NV",
    "SpA",
    "GmbH",
    "Holdings",
    "Group",
    "Oy",
    "Oyj",
    "AB",
    "ASA",
    "BV",
    "Bhd",
    "LLC",
    "LLP",
    "Pty",
    "Ltda",
    "KK",
];

/// Words of an article: letters and digits, with the hyphens, apostrophes, periods and
/// ampersands inside names ("al-Sabah", "O'Neill", "U.S.", "AT&T"); a possessive "'s" is
/// cut off and remembered. In the same pass, the gazetteer's matches in `table`: each run
/// of letters and digits is a word the table may have phrases under (see
/// `gazetteer::find`), and the search goes on after a match. Both go on the ends of `out`
/// and `gaz`, which hold every field's.
fn scan(
    text: &str,
    range: Range<usize>,
    table: &PhraseTable,
    out: &mut Vec<Tok>,
    gaz: &mut Vec<(usize, usize, Entry)>,
) {
    let field = &text[range.clone()];
    let bytes = field.as_bytes();
    // No match starts before the end of the last one.
    let mut resume = 0;
    // Called for every run of letters; most are turned away by `may_start`, inline.
    let mut lookup = |start: usize, end: usize, resume: &mut usize| {
        if let Some((to, entry)) = gazetteer::match_at(field, start, end, table) {
            gaz.push((range.start + start, range.start + to, entry));
            *resume = to;
        }
    };
    let wanted = |start: usize, end: usize, resume: usize| {
        start >= resume && table.may_start(&bytes[start..end])
    };
    // ASCII by table, other characters (`WIDE` in the table) decoded.
    const ALNUM: u8 = 1;
    const INNER: u8 = 2;
    const WIDE: u8 = 4;
    const CLASS: [u8; 256] = {
        let mut t = [WIDE; 256];
        let mut c = 0;
        while c < 128 {
            let b = c as u8;
            t[c] = if b.is_ascii_alphanumeric() {
                ALNUM | INNER
            } else if matches!(b, b'-' | b'\'' | b'.' | b'&') {
                INNER
            } else {
                0
            };
            c += 1;
        }
        t
    };
    // The class and length of the character at byte `i`, not ASCII.
    #[cold]
    fn wide(field: &str, i: usize) -> (u8, usize) {
        field[i..].chars().next().map_or((0, 1), |c| {
            let class = if c.is_alphanumeric() {
                ALNUM | INNER
            } else if c == '’' || is_combining(c) {
                INNER
            } else {
                0
            };
            (class, c.len_utf8())
        })
    }
    let class = |i: usize| -> (u8, usize) {
        match CLASS[usize::from(bytes[i])] {
            WIDE => wide(field, i),
            c => (c, 1),
        }
    };
    let ascii_alnum = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|&b| CLASS[usize::from(b)] & ALNUM != 0)
    };
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = class(i);
        if c & ALNUM == 0 {
            i += len;
            continue;
        }
        // Most words are ASCII letters and digits alone, followed by a space or a mark
        // that no word holds: one run, no possessive, nothing to trim.
        if len == 1 {
            let end = ascii_alnum_end(bytes, i + 1);
            if bytes
                .get(end)
                .is_none_or(|&b| CLASS[usize::from(b)] & (INNER | WIDE) == 0)
            {
                if wanted(i, end, resume) {
                    lookup(i, end, &mut resume);
                }
                // (Without a hyphen, no lowercase word is an "al-Sabah".) Pushed, then
                // taken back if not kept: which words are lowercase is the text's whim, and
                // a branch on it mispredicts.
                let keep = !bytes[i].is_ascii_lowercase() || is_connector_at(bytes, i, end);
                out.push(Tok {
                    start: range.start + i,
                    end: range.start + end,
                    possessive: false,
                });
                out.truncate(out.len() - usize::from(!keep));
                // The byte after the word (if any) starts none.
                i = end + 1;
                continue;
            }
        }
        let mut end = i + len;
        // Where the current run of letters and digits started, if one is open.
        let mut run = Some(i);
        loop {
            // ASCII letters and digits, the most of a word, a byte at a time.
            if run.is_none() && ascii_alnum(end) {
                run = Some(end);
            }
            end = ascii_alnum_end(bytes, end);
            if end == bytes.len() {
                break;
            }
            let (d, len) = class(end);
            if d & INNER == 0 {
                break;
            }
            if d & ALNUM == 0 {
                if let Some(from) = run.take()
                    && wanted(from, end, resume)
                {
                    lookup(from, end, &mut resume);
                }
            } else if run.is_none() {
                run = Some(end);
            }
            end += len;
        }
        if let Some(from) = run
            && wanted(from, end, resume)
        {
            lookup(from, end, &mut resume);
        }
        let mut word = &field[i..end];
        i = end;
        // Only capitalized words, numbers and the connectors inside names matter to the
        // rules; a lowercase word left out still breaks a phrase, since the text between
        // two tokens then is more than whitespace.
        let first = bytes[end - word.len()];
        // (A lowercase ASCII letter can only start "al-Sabah" and the like in "a" or "e".)
        if first.is_ascii_lowercase()
            && !(matches!(first, b'a' | b'e') && is_capitalized(word))
            && !is_connector(word)
        {
            continue;
        }
        // Most words end in a letter or digit and are no possessive: nothing to cut.
        let last = bytes[end - 1];
        if last.is_ascii_alphanumeric()
            && !(last == b's' && (word.ends_with("'s") || word.ends_with("’s")))
        {
            let start = range.start + (word.as_ptr() as usize - field.as_ptr() as usize);
            out.push(Tok {
                start,
                end: start + word.len(),
                possessive: false,
            });
            continue;
        }
        let mut possessive = false;
        for suffix in ["'s", "’s"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                word = stem;
                possessive = true;
            }
        }
        // Trailing punctuation belongs to the sentence, but for the period of an initial,
        // a dotted abbreviation or a title ("E.", "U.S.", "Mr.", "Corp.").
        let trimmed = word.trim_end_matches(|c: char| !c.is_alphanumeric() && !is_combining(c));
        if word.len() == trimmed.len() + 1 && word.ends_with('.') && keeps_period(trimmed) {
            word = &word[..trimmed.len() + 1];
        } else {
            if word.ends_with(['\'', '’']) && trimmed.ends_with('s') {
                possessive = true;
            }
            word = trimmed;
        }
        let start = range.start + (word.as_ptr() as usize - field.as_ptr() as usize);
        out.push(Tok {
            start,
            end: start + word.len(),
            possessive,
        });
    }
}

/// Where the run of ASCII letters and digits from `i` ends: eight bytes at a time, so that
/// a word's end is found by counting bits rather than by a branch on each byte, which
/// mispredicts at every word's end (about 4% of the time of a batch).
pub(crate) fn ascii_alnum_end(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Per byte below 0x80, the high bit of `v + 0x80 - lo` says `v >= lo`, carry-free.
        let low = x & !HIGHS;
        let at_least = |v: u64, lo: u8| (v + ONES * u64::from(0x80 - lo)) & HIGHS;
        // With bit 5 set, "A"–"Z" fall on "a"–"z" and nothing else does.
        let folded = low | (ONES * 0x20);
        let letters = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
        let digits = at_least(low, b'0') & !at_least(low, b'9' + 1);
        // The high bit of each ASCII letter or digit.
        let alnum = (letters | digits) & !x;
        if alnum != HIGHS {
            return i + (!alnum & HIGHS).trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i + b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count()
}

fn keeps_period(stem: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Corp", "Inc", "Co", "Ltd", "Gen", "Sen", "Rep",
        "Gov", "Lt", "Col", "Prof", "Adm", "Capt", "Maj", "Sgt", "Bros",
    ];
    let mut letters = stem.chars();
    let single = letters.next().is_some_and(char::is_alphabetic) && letters.next().is_none();
    single || stem.contains('.') || ABBREVIATIONS.contains(&stem)
}

/// A combining mark (an accent written after its letter, as in "José" decomposed).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// What may stand between two words of one name: spaces, and the zero-width characters
/// that copy-and-paste leaves inside names.
fn is_gap(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Capitalized, counting Arabic names' "al-Sabah" and "el-Sisi".
fn is_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => return true,
        Some(b) if b.is_ascii() && !matches!(b, b'a' | b'e') => return false,
        None => return false,
        // Most words in "a" or "e" are no Arabic name: the hyphen comes third or fourth.
        Some(b'a' | b'e') if !matches!(word.as_bytes(), [_, _, b'-', ..] | [_, _, _, b'-', ..]) => {
            return false;
        }
        _ => {}
    }
    match word.chars().next() {
        Some(c) if c.is_uppercase() => true,
        Some('a' | 'e') => [
            "al-", "el-", "ad-", "ash-", "as-", "at-", "ar-", "an-", "az-",
        ]
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .is_some_and(|rest| rest.starts_with(char::is_uppercase)),
        _ => false,
    }
}

fn kind_name(kind: &Kind) -> &str {
    match kind {
        Kind::Person { name, .. } | Kind::Organization { name, .. } | Kind::Event { name, .. } => {
            name
        }
        Kind::Country(_) | Kind::Blocked => "",
    }
}

/// The endings of a name turned into an adjective.
const ATTRIBUTIVE: &[&str] = &[
    "-based",
    "-backed",
    "-owned",
    "-led",
    "-born",
    "-listed",
    "-registered",
    "-run",
    "-controlled",
];

/// "Geneva-based", "Kremlin-backed": a name turned into an adjective, not part of a name.
fn is_attributive(word: &str) -> bool {
    // Asked of nearly every capitalized word, and most have no hyphen where a suffix's
    // would be (4, 5, 6, 7 or 11 bytes from the end, the suffixes' lengths): five byte
    // tests, no branch between them, turn them away before nine suffix compares.
    let b = word.as_bytes();
    let hyphen = |k: usize| b.get(b.len().wrapping_sub(k)) == Some(&b'-');
    if !(hyphen(4) | hyphen(5) | hyphen(6) | hyphen(7) | hyphen(11)) {
        return false;
    }
    ATTRIBUTIVE.iter().any(|s| word.ends_with(s))
}

/// For each token, the match (both in text order, matches not overlapping) that covers it.
fn cover(toks: &[Tok], gaz: &[(usize, usize, Entry)], out: &mut Vec<Option<u32>>) {
    let mut k = 0;
    out.extend(toks.iter().map(|t| {
        while k < gaz.len() && gaz[k].1 < t.end {
            k += 1;
        }
        (k < gaz.len() && gaz[k].0 <= t.start && t.end <= gaz[k].1).then_some(k as u32)
    }));
}

/// Maximal runs of capitalized words, joined by whitespace and inner connectors
/// ("Bank of Montreal"), and broken by a possessive or by punctuation.
fn phrases<'t>(
    g: &'t Gazetteer,
    text: &'t str,
    toks: &'t [Tok],
) -> impl Iterator<Item = Range<usize>> + 't {
    let word = move |i: usize| &text[toks[i].start..toks[i].end];
    // A possessive ends a name, but for an organization's ("Cocoa Growers' Council").
    let joined = move |i: usize| {
        i + 1 < toks.len()
            && (!toks[i].possessive || g.org_heads.contains(word(i + 1)))
            && text[toks[i].end..toks[i + 1].start].chars().all(is_gap)
    };
    let is_capitalized = |w: &str| is_capitalized(w) && !is_attributive(w);
    // One phrase at a time, not a list of them: an article has a few dozen.
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < toks.len() && !is_capitalized(word(i)) {
            i += 1;
        }
        if i == toks.len() {
            return None;
        }
        let start = i;
        let mut end = i + 1;
        while joined(end - 1) {
            if is_capitalized(word(end)) {
                end += 1;
                continue;
            }
            // Connectors only inside a phrase: "Bank of Montreal", not "Montreal and".
            let mut k = end;
            while k < toks.len() && is_connector(word(k)) && joined(k) {
                k += 1;
            }
            if k > end && k < toks.len() && joined(k - 1) && is_capitalized(word(k)) {
                end = k + 1;
            } else {
                break;
            }
        }
        i = end;
        Some(start..end)
    })
}

/// One field's words and gazetteer matches: slices of lists shared by the fields of an
/// article, three allocations in all rather than three a paragraph.
struct Field<'a> {
    text: &'a str,
    toks: &'a [Tok],
    gaz: &'a [(usize, usize, Entry)],
    /// For each token, the gazetteer match that covers it (an index into `gaz`).
    tok_gaz: &'a [Option<u32>],
    mode: Mode,
}

impl Field<'_> {
    fn word(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    fn slice(&self, from: usize, to: usize) -> &str {
        &self.text[self.toks[from].start..self.toks[to - 1].end]
    }

    /// The gazetteer match that covers token `i` exactly or with its neighbours.
    fn gaz_at(&self, i: usize) -> Option<(usize, usize, Entry)> {
        self.tok_gaz[i].map(|k| self.gaz[k as usize])
    }

    fn is_title(&self, i: usize) -> Option<usize> {
        // The token index where a title starting at token `i` ends (exclusive).
        let (s, e, entry) = self.gaz_at(i)?;
        if entry != Entry::Title || s != self.toks[i].start {
            return None;
        }
        // Only the tokens inside the title: one that ends in a lowercase word ("deputy
        // head") has no token ending with it.
        (i..self.toks.len())
            .take_while(|&j| self.toks[j].start < e)
            .find(|&j| self.toks[j].end == e)
            .map(|j| j + 1)
    }

    fn name_like(&self, g: &Gazetteer, i: usize) -> bool {
        let w = self.word(i);
        is_capitalized(w)
            && !g.stopwords.contains(w)
            && !g.org_heads.contains(w)
            && !g.event_heads.contains(w)
            && self.gaz_at(i).is_none()
            && w.chars().any(char::is_lowercase)
    }

    /// Whether the token starting at byte `start` directly follows a capitalized word that
    /// no gazetteer knows ("Patriot" in "Patriot Congress").
    fn follows_name(&self, g: &Gazetteer, start: usize) -> bool {
        let i = self.toks.partition_point(|t| t.start < start);
        if self.toks.get(i).is_none_or(|t| t.start != start) {
            return false;
        }
        i > 0
            && !self.toks[i - 1].possessive
            && self.text[self.toks[i - 1].end..start].chars().all(is_gap)
            && self.name_like(g, i - 1)
    }

    /// The text just before token `i` and just after token `j - 1`.
    fn before(&self, i: usize) -> &str {
        let from = floor_char_boundary(self.text, self.toks[i].start.saturating_sub(40));
        &self.text[from..self.toks[i].start]
    }

    fn after(&self, j: usize) -> &str {
        let from = self.toks[j - 1].end;
        let to = ceil_char_boundary(self.text, from + 60);
        &self.text[from..to]
    }
}

fn org_key(name: &str) -> String {
    let lower = name.to_lowercase();
    lower
        .strip_prefix("the ")
        .unwrap_or(&lower)
        .replace(['.', ','], "")
}

/// Which list of `Entities` a mention belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Type {
    Person,
    Country,
    Organization,
    Event,
}

/// Where an entity is named, in bytes, and which entity it is (an index into its list).
#[derive(Debug, Clone)]
pub(crate) struct Named {
    pub range: Range<usize>,
    pub kind: Type,
    pub index: usize,
}

/// The entities in the given fields of `text` (byte ranges with their modes), and every
/// place they are named, in text order.
pub(crate) fn find<'a>(
    text: &'a str,
    fields: &[(Range<usize>, Mode)],
    index: &CharIndex,
) -> (Entities<'a>, Vec<Named>) {
    let g = &GAZETTEER;
    // Room for what most articles need, so that the lists seldom grow (measured on the
    // corpus: a token every 20 bytes, at most one every 17; a gazetteer match every 220).
    let bytes = fields.iter().map(|(r, _)| r.len()).sum::<usize>();
    let mut toks = Vec::with_capacity(bytes / 16);
    let mut gaz = Vec::with_capacity(bytes / 128);
    let mut tok_gaz = Vec::new();
    let mut bounds = Vec::with_capacity(fields.len());
    for (range, mode) in fields.iter().filter(|(_, mode)| *mode != Mode::Skip) {
        // An all-lowercase story still names countries and organizations.
        let caseless = !text[range.clone()].chars().any(char::is_uppercase);
        let (t, m) = (toks.len(), gaz.len());
        scan(text, range.clone(), g.table(caseless), &mut toks, &mut gaz);
        cover(&toks[t..], &gaz[m..], &mut tok_gaz);
        bounds.push((t..toks.len(), m..gaz.len(), *mode));
    }
    let fields: Vec<Field> = bounds
        .into_iter()
        .map(|(t, m, mode)| Field {
            text,
            toks: &toks[t.clone()],
            gaz: &gaz[m],
            tok_gaz: &tok_gaz[t],
            mode,
        })
        .collect();

    let mut candidates = Vec::with_capacity(gaz.len() + toks.len() / 4);
    // The parts of a phrase left to classify; one list for all phrases.
    let mut todo = Vec::new();
    for field in &fields {
        for &(start, end, entry) in field.gaz {
            let kind = match entry {
                Entry::Country { id, .. } => Kind::Country(id),
                Entry::NotCountry => Kind::Blocked,
                // "Patriot Congress": a one-word form after a capitalized word is part of
                // a longer name that the gazetteer does not know.
                Entry::Organization(_)
                    if !text[start..end].contains(' ') && field.follows_name(g, start) =>
                {
                    continue;
                }
                Entry::Organization(id) => Kind::Organization {
                    key: known_key(id),
                    name: text[start..end].to_owned(),
                    acronym: g.acronym(id).map(str::to_owned),
                },
                Entry::Title => continue,
            };
            candidates.push(Candidate {
                start,
                end,
                kind,
                priority: 3,
            });
        }
        if field.mode == Mode::Full {
            for phrase in phrases(g, text, field.toks) {
                classify(g, field, phrase, &mut candidates, &mut todo);
            }
        }
    }

    short_forms(g, &fields, &mut candidates);
    let chosen = choose(candidates);
    group(g, text, chosen, index)
}

/// What is known to be absent from a range of tokens: a search over a longer range with
/// the same end found no title that makes a person, or no organization's head word.
#[derive(Debug, Clone, Copy, Default)]
struct Absent {
    titles: bool,
    org_heads: bool,
}

/// Candidates from one capitalized phrase, tokens `range` of `field`. What a rule leaves of
/// the phrase before and after its find is classified in turn, the part before first; a
/// list of parts to do, not recursion, so that a phrase of a million words costs no stack,
/// and what a part is known to lack is not searched for again.
fn classify(
    g: &Gazetteer,
    f: &Field,
    range: Range<usize>,
    out: &mut Vec<Candidate>,
    todo: &mut Vec<(Range<usize>, Absent)>,
) {
    todo.push((range, Absent::default()));
    while let Some((range, absent)) = todo.pop() {
        classify_part(g, f, range, absent, out, todo);
    }
}

/// `classify` for one part; the parts left go on `todo`, the one to do next last.
fn classify_part(
    g: &Gazetteer,
    f: &Field,
    range: Range<usize>,
    absent: Absent,
    out: &mut Vec<Candidate>,
    todo: &mut Vec<(Range<usize>, Absent)>,
) {
    let (mut a, b) = (range.start, range.end);
    while a < b && (g.stopwords.contains(f.word(a)) || !is_capitalized(f.word(a))) {
        a += 1;
    }
    if a >= b {
        return;
    }

    // A title and the name after it: "Russian Defense Minister Sergey Shoigu".
    let titles = if absent.titles { b..b } else { a..b };
    for t in titles {
        let Some(title_end) = f.is_title(t) else {
            continue;
        };
        if title_end >= b || f.toks[title_end - 1].possessive {
            continue;
        }
        let mut name_end = title_end;
        while name_end < b && name_end - title_end < 4 && f.name_like(g, name_end) {
            name_end += 1;
            if f.toks[name_end - 1].possessive {
                break;
            }
        }
        // "General Sales Manager Melvin Sims": the title runs to the last role word.
        let mut title_end = title_end;
        if let Some(role) = (title_end..name_end)
            .rev()
            .find(|&i| is_role_word(f.word(i)))
            && role + 1 < name_end
        {
            title_end = role + 1;
        }
        // "General Agreement on Tariffs and Trade": a name that goes on with "on", "of" or
        // "for" is no person's ("and" may join two people).
        if name_end == title_end || name_end < b && matches!(f.word(name_end), "of" | "on" | "for")
        {
            continue;
        }
        let name = f.slice(title_end, name_end).to_owned();
        let country = (a..title_end).find_map(|i| match f.gaz_at(i) {
            Some((_, _, Entry::Country { id, .. })) => Some(id),
            _ => None,
        });
        out.push(Candidate {
            start: f.toks[title_end].start,
            end: f.toks[name_end - 1].end,
            kind: Kind::Person {
                key: name.clone(),
                name,
                title: Some(f.slice(a, title_end).to_owned()),
                country,
            },
            priority: 4,
        });
        if name_end < b {
            todo.push((name_end..b, absent));
        }
        // "Reserve Bank Governor Spencer Russell": the title may begin with a name.
        if t > a {
            todo.push((a..t, Absent::default()));
        }
        return;
    }

    // An organization: a head word ends the name ("Food and Drug Administration") or
    // heads it before "of …" ("Bank of Montreal").
    let org_heads = if absent.org_heads { b..b } else { a..b };
    let org_head = org_heads
        .into_iter()
        .find(|&i| g.org_heads.contains(f.word(i)));
    if let Some(mut h) = org_head {
        // "Petroleum Corp of Jamaica", "Eastman Chemical Products Inc", "China Aerospace
        // Science and Technology Corporation": a later head word, reached through
        // capitalized words and "and" (not "and the", not "of"), ends the name; a company
        // suffix ("Corp", "Inc") ends it for sure.
        let mut k = h + 1;
        while k < b && !COMPANY_SUFFIXES.contains(&f.word(h)) {
            let word = f.word(k);
            let is_org = |i: usize| matches!(f.gaz_at(i), Some((_, _, Entry::Organization(_))));
            // Never across "and" between two known names: "World Bank and International
            // Monetary Fund" are two.
            let joins = is_capitalized(word)
                || word == "and"
                    && k + 1 < b
                    && is_capitalized(f.word(k + 1))
                    && !is_org(k - 1)
                    && !is_org(k + 1);
            if !joins {
                break;
            }
            if g.org_heads.contains(word) {
                h = k;
            }
            k += 1;
        }
        // "Marshall Goldman of Harvard University": the name starts after "of".
        let mut start = (a..h)
            .rev()
            .find(|&i| matches!(f.word(i), "of" | "for" | "the" | "on" | "at"))
            .map_or(a, |i| i + 1);
        // "vice chairman Dudley Taft and Narragansett Capital Inc": a person and a company.
        if let Some(and) = (start..h).find(|&i| f.word(i) == "and")
            && and > start
            && speaks(g, f, start, and)
        {
            start = and + 1;
        }
        let end = extension(g, f, h + 1, b);
        if end - start >= 2 {
            let name = f.slice(start, end).to_owned();
            let (key, acronym) = match known_organization(g, &name) {
                Some(id) => (known_key(id), g.acronym(id).map(str::to_owned)),
                None => (org_key(&name), None),
            };
            out.push(Candidate {
                start: f.toks[start].start,
                end: f.toks[end - 1].end,
                kind: Kind::Organization {
                    key,
                    name,
                    acronym: acronym.or_else(|| acronym_after(f, end)),
                },
                priority: 2,
            });
        }
        let mut prefix_end = start;
        while prefix_end > a && !is_capitalized(f.word(prefix_end - 1)) {
            prefix_end -= 1;
        }
        if end < b {
            // No title in the whole part, and later head words may follow.
            let no_titles = Absent {
                titles: true,
                org_heads: false,
            };
            todo.push((end..b, no_titles));
        }
        if prefix_end > a {
            todo.push((a..prefix_end, Absent::default()));
        }
        return;
    }

    // An event: "11th Moscow Conference on International Security", "Eastern Economic Forum".
    if let Some(e) = (a..b).find(|&i| g.event_heads.contains(f.word(i))) {
        let end = if e + 1 < b && is_roman(f.word(e + 1)) {
            e + 2
        } else {
            extension(g, f, e + 1, b)
        };
        let ordinal = a.checked_sub(1).filter(|&p| {
            is_ordinal_or_year(f.word(p))
                && f.text[f.toks[p].end..f.toks[a].start].chars().all(is_gap)
        });
        if e > a || ordinal.is_some() {
            let key = f.slice(a, end).to_lowercase();
            let start = ordinal.unwrap_or(a);
            out.push(Candidate {
                start: f.toks[start].start,
                end: f.toks[end - 1].end,
                kind: Kind::Event {
                    key,
                    name: f.slice(start, end).to_owned(),
                },
                priority: 2,
            });
        }
        if end < b {
            let neither = Absent {
                titles: true,
                org_heads: true,
            };
            todo.push((end..b, neither));
        }
        return;
    }

    for i in a..b {
        if let Some(event) = exercise_name(f, i) {
            out.push(event);
        }
    }
    // A newspaper or agency named by the noun after it ("Postimees newspaper"), or a
    // company by its stock ticker, as Reuters writes it ("Ciba-Geigy <CIGZ.Z>"); the name
    // starts after "of" ("Shares of Ciba-Geigy").
    let from = (a..b)
        .rev()
        .find(|&i| matches!(f.word(i), "of" | "for" | "the" | "on" | "at"))
        .map_or(a, |i| i + 1);
    if from < b
        && b - from <= 4
        && (from..b).all(|i| f.gaz_at(i).is_none())
        && (b - from <= 3 && media_noun_after(f, b) || ticker_after(f, b))
    {
        let name = f.slice(from, b).to_owned();
        out.push(Candidate {
            start: f.toks[from].start,
            end: f.toks[b - 1].end,
            kind: Kind::Organization {
                key: org_key(&name),
                name,
                acronym: None,
            },
            priority: 2,
        });
        return;
    }
    // A two-to-four-word name, where its first word is a given name or where a reporting
    // verb or an apposition says it is a person.
    // "Ambassador to Havana Viktor Koronelli", "envoy to Russia Alexander Darchiev": the
    // place the title is "to" comes first.
    let to_place = f
        .before(a)
        .trim_end()
        .strip_suffix(" to")
        .is_some_and(|rest| {
            let title = &rest[rest.bytes().rposition(|b| b == b' ').map_or(0, |k| k + 1)..];
            is_role_word(title)
        });
    // The title then runs from its first capitalized word to the place: "Russian
    // Ambassador to Vietnam".
    let mut title = None;
    if b - a >= 3
        && (to_place
            || matches!(
                f.gaz_at(a),
                Some((_, _, Entry::Country { demonym: false, .. }))
            ))
    {
        if to_place {
            let mut first = a - 1;
            while first > 0
                && is_capitalized(f.word(first - 1))
                && f.text[f.toks[first - 1].end..f.toks[first].start]
                    .chars()
                    .all(is_gap)
            {
                first -= 1;
            }
            let text = &f.text[f.toks[first].start..f.toks[a].end];
            let country = g.find(text).into_iter().find_map(|(_, _, e)| match e {
                Entry::Country { id, .. } => Some(id),
                _ => None,
            });
            title = Some((text.to_owned(), country));
        }
        a += 1;
    }
    // "CNPF Francois Perigot": an acronym or known name before a person's name.
    while b - a > 2 && !f.name_like(g, a) {
        a += 1;
    }
    // "Sales Manager Melvin Sims": a role written before the name is no part of it.
    if let Some(role) = (a..b).rev().find(|&i| is_role_word(f.word(i)))
        && b - role > 2
    {
        a = role + 1;
    }
    let n = b - a;
    if (2..=4).contains(&n)
        && (a..b).all(|i| {
            f.name_like(g, i)
                || i > a && i + 1 < b && is_initial(f.word(i))
                // "John Holland", "Kevin Jordan": after a given name, a country's name is a surname.
                || i > a
                    && g.given_names.contains(f.word(a))
                    && matches!(f.gaz_at(i), Some((_, _, Entry::Country { demonym: false, .. })))
        })
        && (g.given_names.contains(f.word(a)) || speaks(g, f, a, b))
    {
        let name = f.slice(a, b).to_owned();
        out.push(Candidate {
            start: f.toks[a].start,
            end: f.toks[b - 1].end,
            kind: Kind::Person {
                key: name.clone(),
                name,
                country: title.as_ref().and_then(|(_, c)| *c),
                title: title.map(|(t, _)| t),
            },
            priority: 1,
        });
    }
}

/// "Postimees newspaper", "the Kommersant daily".
/// " <GEL>", " <STGN.PA>": a stock ticker in angle brackets right after a name.
fn ticker_after(f: &Field, b: usize) -> bool {
    let Some(rest) = f.after(b).strip_prefix(" <") else {
        return false;
    };
    let Some(close) = rest.find('>') else {
        return false;
    };
    let ticker = &rest[..close];
    (1..=12).contains(&ticker.len())
        && ticker
            .bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'.')
}

fn media_noun_after(f: &Field, b: usize) -> bool {
    let Some(rest) = f.after(b).strip_prefix(' ') else {
        return false;
    };
    [
        "newspaper",
        "daily",
        "weekly",
        "magazine",
        "news agency",
        "broadcaster",
        "TV channel",
        "news outlet",
    ]
    .iter()
    .any(|noun| {
        rest.as_bytes()
            .get(..noun.len())
            .is_some_and(|head| strtable::same(head, noun.as_bytes()))
            && !rest[noun.len()..].starts_with(char::is_alphanumeric)
    })
}

/// Where a name that a head word ends continues with "of …", "for …" or "on …" ("Bank of
/// Nova Scotia", "Conference on International Security"): capitalized words up to `b`, a
/// stopword ("on Tuesday") or "and" ("… and the EU").
fn extension(g: &Gazetteer, f: &Field, from: usize, b: usize) -> usize {
    if from >= b || !matches!(f.word(from), "of" | "for" | "on") {
        return from;
    }
    let mut k = from + 1;
    if k < b && f.word(k) == "the" {
        k += 1;
    }
    let first = k;
    while k < b && is_capitalized(f.word(k)) && !g.stopwords.contains(f.word(k)) {
        k += 1;
        if f.toks[k - 1].possessive {
            break;
        }
    }
    // "Ministry of Industry and Trade", but not "Bank of Montreal and Royal Bank".
    if k > first
        && k + 1 < b
        && f.word(k) == "and"
        && is_capitalized(f.word(k + 1))
        && !g.stopwords.contains(f.word(k + 1))
        && f.gaz_at(k + 1).is_none()
        && (k + 2 >= b || !is_capitalized(f.word(k + 2)))
    {
        k += 2;
    }
    if k > first { k } else { from }
}

/// The key of a known organization, `#ID`: by hand, since `format!` costs more.
fn known_key(id: impl itoa::Integer) -> String {
    let mut key = String::with_capacity(8);
    key.push('#');
    key.push_str(itoa::Buffer::new().format(id));
    key
}

/// The gazetteer organization that `name`, or `name` without its company suffix, is.
fn known_organization(g: &Gazetteer, name: &str) -> Option<usize> {
    // (The space found as a byte: `rsplit_once(' ')` costs a memrchr call.)
    let stem = match name.bytes().rposition(|b| b == b' ') {
        Some(k) if COMPANY_SUFFIXES.contains(&&name[k + 1..]) => &name[..k],
        _ => name,
    };
    [name, stem]
        .into_iter()
        .find_map(|form| match g.find(form)[..] {
            [(0, end, Entry::Organization(id))] if end == form.len() => Some(id),
            _ => None,
        })
}

fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

fn is_ordinal_or_year(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &word[digits.len()..];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && (matches!(suffix, "st" | "nd" | "rd" | "th") || suffix.is_empty() && digits.len() == 4)
}

/// "Zapad-2017": a capitalized word joined to a year names an exercise or a games.
fn exercise_name(f: &Field, i: usize) -> Option<Candidate> {
    let w = f.word(i);
    // Asked of every word of many phrases: the hyphen found as a byte, not by memrchr.
    let hyphen = w.bytes().rposition(|b| b == b'-')?;
    let (stem, year) = (&w[..hyphen], &w[hyphen + 1..]);
    let named = is_capitalized(stem) && stem.chars().all(char::is_alphabetic) && stem.len() >= 3;
    (named && year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())).then(|| Candidate {
        start: f.toks[i].start,
        end: f.toks[i].end,
        kind: Kind::Event {
            key: w.to_lowercase(),
            name: w.to_owned(),
        },
        priority: 2,
    })
}

/// Whether the words `a..b` stand where a speaker does: before or after a reporting verb,
/// after "according to", or before an apposition (", the head of …").
fn speaks(g: &Gazetteer, f: &Field, a: usize, b: usize) -> bool {
    // "chief executive of Skyway Air, said": what a person is "of" is no person.
    let before = f.before(a).trim_end();
    if [" of", " for", " at"].iter().any(|p| before.ends_with(p)) {
        return false;
    }
    let after = f.after(b);
    let next_word = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if after.starts_with(char::is_whitespace) && g.speech_verbs.contains(next_word) {
        return true;
    }
    if let Some(rest) = after.strip_prefix(", ") {
        let first = rest.split_whitespace().next().unwrap_or("");
        // ", the head of …", ", Canadian secretary of state": a role within four words.
        let role = rest
            .split_whitespace()
            .take(4)
            .take_while(|w| !w.ends_with(','))
            .any(|w| ROLE_WORDS.contains(w.trim_matches(|c: char| !c.is_alphabetic())));
        // A role after a name is written in lowercase; a capitalized one ("…, Russian
        // Ambassador Viktor Koronelli") is the title of the next name.
        if role || first == "who" || g.speech_verbs.contains(first) {
            return true;
        }
    }
    // "Marshall Goldman of Harvard University".
    if after.strip_prefix(" of ").is_some_and(|rest| {
        rest.trim_start_matches("the ")
            .starts_with(char::is_uppercase)
    }) {
        return true;
    }
    let last = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    g.speech_verbs.contains(last) && !before.ends_with(',')
        || before.ends_with("according to")
        || before.ends_with("According to")
        || ROLE_WORDS.contains(last)
}

/// A role noun of an apposition or before a name ("economist Alain Marais"), in any case.
fn is_role_word(word: &str) -> bool {
    // ASCII words are lowercased on the stack: this runs for words of every name.
    let mut buf = [0u8; 16];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            ROLE_WORDS.contains_bytes(lower)
        }
        _ => ROLE_WORDS.contains(&word.to_lowercase()),
    }
}

/// The acronym in parentheses right after a name: "Collective Security Treaty Organization (CSTO)".
fn acronym_after(f: &Field, end: usize) -> Option<String> {
    let rest = f.text[f.toks[end - 1].end..].strip_prefix(" (")?;
    // Within the longest acronym's reach: a "(" never closed must not cost the paragraph.
    let close = rest.bytes().take(12).position(|b| b == b')')?;
    let inner = &rest[..close];
    (inner.len() >= 2
        && inner.len() <= 10
        && inner
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '&' || c == '-'))
    .then(|| inner.to_owned())
}

/// Short forms of what the phrases found: a person's surname, a company without its
/// suffix, a ministry without its country, an acronym. Each becomes a candidate wherever
/// it stands as a capitalized word or phrase.
fn short_forms(g: &Gazetteer, fields: &[Field], candidates: &mut Vec<Candidate>) {
    // Each short form with the candidate whose entity it names (the first to give it).
    let mut forms: HashMap<Cow<str>, usize> = HashMap::new();
    let mut words: Vec<&str> = Vec::new();
    for (k, c) in candidates.iter().enumerate() {
        words.clear();
        match &c.kind {
            Kind::Person { name, .. } => {
                words.extend(name.split_whitespace());
                if words.len() >= 2 {
                    let last = words[words.len() - 1];
                    let surname = if matches!(last, "Jr." | "Jr" | "Sr." | "II" | "III") {
                        words[words.len() - 2]
                    } else {
                        last
                    };
                    forms.entry(surname.into()).or_insert(k);
                }
            }
            Kind::Organization { key, name, acronym } => {
                if let Some(acr) = acronym {
                    forms.entry(acr.as_str().into()).or_insert(k);
                }
                // "Reserve Bank of India" → "Reserve Bank".
                // (Found by its spaces: a substring searcher costs more to set up than a
                // name of a few words takes to read.)
                if let Some(head) = memchr::memchr_iter(b' ', name.as_bytes())
                    .find(|&i| name[i..].starts_with(" of "))
                    .map(|i| &name[..i])
                    && head.contains(' ')
                {
                    forms.entry(head.into()).or_insert(k);
                }
                if key.starts_with('#') {
                    continue;
                }
                words.extend(name.split_whitespace());
                if words.len() >= 2 && COMPANY_SUFFIXES.contains(&words[words.len() - 1]) {
                    let stem = words[..words.len() - 1].join(" ");
                    forms.entry(stem.into()).or_insert(k);
                    let first = words[0];
                    if words.len() >= 3 && !g.stopwords.contains(first) && g.find(first).is_empty()
                    {
                        forms.entry(first.into()).or_insert(k);
                    }
                }
                // "Russian Defense Ministry" → "Defense Ministry".
                if words.len() >= 3
                    && g.find(words[0]).iter().any(|&(s, e, entry)| {
                        s == 0 && e == words[0].len() && matches!(entry, Entry::Country { .. })
                    })
                {
                    forms.entry(words[1..].join(" ").into()).or_insert(k);
                }
            }
            _ => {}
        }
    }
    if forms.is_empty() {
        return;
    }
    // A short form found on its own ("Analyst Pulcine", "the Foreign Ministry") is the
    // entity of its long form, keeping what it adds (a title). Every rename and every new
    // find takes the long form's entity as it was before any rename.
    let mut renames: Vec<(usize, Kind)> = Vec::new();
    for (k, c) in candidates.iter().enumerate() {
        let Some(&long) = forms.get(kind_name(&c.kind)) else {
            continue;
        };
        let renamed = match (&c.kind, &candidates[long].kind) {
            (
                Kind::Person {
                    key,
                    title,
                    country,
                    ..
                },
                Kind::Person {
                    key: long, name, ..
                },
            ) if key != long => Kind::Person {
                key: long.clone(),
                name: name.clone(),
                title: title.clone(),
                country: *country,
            },
            (Kind::Organization { key, .. }, long @ Kind::Organization { key: long_key, .. })
                if key != long_key && !key.starts_with('#') =>
            {
                long.clone()
            }
            _ => continue,
        };
        renames.push((k, renamed));
    }
    // Forms sorted by first word, longest first, and where each first word's run starts
    // and ends: each token is looked up in a map. The forms' words all go in `words`.
    words.clear();
    let mut by_first: Vec<(Range<usize>, usize)> = Vec::with_capacity(forms.len());
    for (form, &long) in &forms {
        let from = words.len();
        words.extend(form.split_whitespace());
        if words.len() > from {
            by_first.push((from..words.len(), long));
        }
    }
    by_first.sort_by(|(a, _), (b, _)| {
        words[a.start]
            .cmp(words[b.start])
            .then(b.len().cmp(&a.len()))
    });
    let mut runs: HashMap<&str, Range<usize>> = HashMap::new();
    // The first words' first bytes and lengths (as in `strtable`): most tokens are none,
    // and this says so before hashing them.
    let shape = |w: &str| (usize::from(w.as_bytes()[0]), 1u64 << w.len().min(63));
    let mut shapes = [0u64; 256];
    for (k, (form, _)) in by_first.iter().enumerate() {
        let first_word = words[form.start];
        runs.entry(first_word).or_insert(k..k).end = k + 1;
        let (first, len) = shape(first_word);
        shapes[first] |= len;
    }
    let mut found_forms: Vec<Candidate> = Vec::new();
    for f in fields {
        for i in 0..f.toks.len() {
            let word = f.word(i);
            let (first, len) = shape(word);
            if shapes[first] & len == 0 || !is_capitalized(word) {
                continue;
            }
            let Some(run) = runs.get(word) else {
                continue;
            };
            let found = by_first[run.clone()].iter().find(|(form, _)| {
                let n = form.len();
                i + n <= f.toks.len()
                    && (1..n).all(|k| f.word(i + k) == words[form.start + k])
                    && (i..i + n - 1).all(|k| {
                        f.text[f.toks[k].end..f.toks[k + 1].start]
                            .chars()
                            .all(is_gap)
                    })
            });
            if let Some((form, long)) = found {
                found_forms.push(Candidate {
                    start: f.toks[i].start,
                    end: f.toks[i + form.len() - 1].end,
                    kind: candidates[*long].kind.clone(),
                    priority: 1,
                });
            }
        }
    }
    for (k, kind) in renames {
        candidates[k].kind = kind;
    }
    candidates.append(&mut found_forms);
}

/// Non-overlapping candidates: longest first, then by priority, then leftmost.
fn choose(candidates: Vec<Candidate>) -> Vec<Candidate> {
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

/// Which entity a mention joins.
#[derive(PartialEq, Eq, Hash)]
enum Slot {
    Country(usize),
    Organization(String),
    Person(String),
    Event(String),
}

/// Mentions grouped into entities, in order of first mention.
fn group<'a>(
    g: &Gazetteer,
    text: &'a str,
    chosen: Vec<Candidate>,
    index: &CharIndex,
) -> (Entities<'a>, Vec<Named>) {
    let mut entities = Entities::default();
    let mut named = Vec::with_capacity(chosen.len());
    let mut slots: HashMap<Slot, usize> = HashMap::new();
    for c in chosen {
        let mention = Mention {
            text: &text[c.start..c.end],
            span: index.span(c.start..c.end),
        };
        match c.kind {
            Kind::Country(id) => {
                let slot = *slots.entry(Slot::Country(id)).or_insert_with(|| {
                    entities.countries.push(Country {
                        name: g.country(id).name.to_owned(),
                        iso: g.country(id).iso.map(str::to_owned),
                        mentions: Vec::new(),
                    });
                    entities.countries.len() - 1
                });
                entities.countries[slot].mentions.push(mention);
                named.push(Named {
                    range: c.start..c.end,
                    kind: Type::Country,
                    index: slot,
                });
            }
            Kind::Organization { key, name, acronym } => {
                let slot = *slots.entry(Slot::Organization(key)).or_insert_with(|| {
                    entities.organizations.push(Organization {
                        name: name.clone(),
                        acronym: acronym.clone(),
                        mentions: Vec::new(),
                    });
                    entities.organizations.len() - 1
                });
                let org = &mut entities.organizations[slot];
                let written = name.strip_prefix("the ").unwrap_or(&name);
                if written.chars().count() > org.name.chars().count() {
                    org.name = written.to_owned();
                }
                org.acronym = org.acronym.take().or(acronym);
                org.mentions.push(mention);
                named.push(Named {
                    range: c.start..c.end,
                    kind: Type::Organization,
                    index: slot,
                });
            }
            Kind::Person {
                key,
                name,
                title,
                country,
            } => {
                let slot = *slots.entry(Slot::Person(key)).or_insert_with(|| {
                    entities.people.push(Person {
                        name: name.clone(),
                        titles: Vec::new(),
                        country: None,
                        mentions: Vec::new(),
                    });
                    entities.people.len() - 1
                });
                let person = &mut entities.people[slot];
                if let Some(title) = title
                    && !person.titles.contains(&title)
                {
                    person.titles.push(title);
                }
                if person.country.is_none() {
                    person.country = country.and_then(|id| g.country(id).iso.map(str::to_owned));
                }
                person.mentions.push(mention);
                named.push(Named {
                    range: c.start..c.end,
                    kind: Type::Person,
                    index: slot,
                });
            }
            Kind::Event { key, name } => {
                let slot = *slots.entry(Slot::Event(key)).or_insert_with(|| {
                    entities.events.push(Event {
                        name: name.clone(),
                        mentions: Vec::new(),
                    });
                    entities.events.len() - 1
                });
                let event = &mut entities.events[slot];
                if name.len() > event.name.len() {
                    event.name = name;
                }
                event.mentions.push(mention);
                named.push(Named {
                    range: c.start..c.end,
                    kind: Type::Event,
                    index: slot,
                });
            }
            Kind::Blocked => {}
        }
    }
    (entities, named)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_alnum_runs_end_where_a_byte_loop_ends_them() {
        // Every byte value at every position of a run, with runs across the eight-byte steps.
        for len in 0..20 {
            for at in 0..len {
                for c in 0..=255u8 {
                    let mut b = vec![b'a'; len];
                    b[at] = c;
                    let expected = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                    assert_eq!(ascii_alnum_end(&b, 0), expected, "{b:?}");
                }
            }
        }
        assert_eq!(ascii_alnum_end(b"x Zz09 ", 2), 6);
    }

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

    #[test]
    fn attributive_words_by_their_suffix_alone() {
        // The hyphen test before the suffixes knows their lengths.
        assert!(
            ATTRIBUTIVE
                .iter()
                .all(|s| [4, 5, 6, 7, 11].contains(&s.len()))
        );
        let suffixes = ATTRIBUTIVE;
        for stem in ["", "K", "Kremlin", "Abu-Dhabi", "X-"] {
            for tail in suffixes
                .iter()
                .chain(&["-bas", "-ruled", "-", "led", "-ledx", ""])
            {
                let word = format!("{stem}{tail}");
                let expected = suffixes.iter().any(|s| word.ends_with(s));
                assert_eq!(is_attributive(&word), expected, "{word}");
            }
        }
    }

    #[test]
    fn connectors_and_nothing_else() {
        assert!(CONNECTORS.iter().all(|c| is_connector(c)));
        for word in [
            "", "o", "Of", "off", "ofx", "an", "the ", "dex", "a&", "alx",
        ] {
            assert!(!is_connector(word), "{word:?}");
        }
    }

    #[test]
    fn connectors_at_a_position_as_connectors() {
        // Every word of up to four of these bytes, with text after it and at the end.
        let alphabet = b"adefhlnortu&x";
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..4 {
            let longer: Vec<Vec<u8>> = words
                .iter()
                .filter(|w| w.len() == words.last().map_or(0, Vec::len))
                .flat_map(|w| alphabet.iter().map(move |&c| [w.as_slice(), &[c]].concat()))
                .collect();
            words.extend(longer);
        }
        for word in words.iter().filter(|w| !w.is_empty()) {
            let text = std::str::from_utf8(word).unwrap();
            let expected = is_connector(text);
            for after in ["", " ", " of the"] {
                let bytes = [word.as_slice(), after.as_bytes()].concat();
                assert_eq!(is_connector_at(&bytes, 0, word.len()), expected, "{text:?}");
                let shifted = [b"x ".as_slice(), &bytes].concat();
                assert_eq!(
                    is_connector_at(&shifted, 2, 2 + word.len()),
                    expected,
                    "{text:?}"
                );
            }
        }
        assert!(
            words
                .iter()
                .filter(|w| is_connector(std::str::from_utf8(w).unwrap()))
                .count()
                >= 10
        );
    }

    #[test]
    fn capitalized_words_and_arabic_articles() {
        for word in [
            "Putin",
            "Élysée",
            "al-Sabah",
            "el-Sisi",
            "ash-Sharaa",
            "U.S.",
        ] {
            assert!(is_capitalized(word), "{word}");
        }
        for word in [
            "and",
            "al",
            "al-",
            "al-qaeda",
            "e-mail",
            "ex-Soviet",
            "élan",
            "",
            "3",
        ] {
            assert!(!is_capitalized(word), "{word}");
        }
    }

    fn entities(text: &str) -> Entities<'_> {
        let (found, _) = find(text, &[(0..text.len(), Mode::Full)], &CharIndex::new(text));
        // Every mention slices back to its text.
        let chars: Vec<char> = text.chars().collect();
        let mentions = found
            .people
            .iter()
            .flat_map(|p| &p.mentions)
            .chain(found.countries.iter().flat_map(|c| &c.mentions))
            .chain(found.organizations.iter().flat_map(|o| &o.mentions))
            .chain(found.events.iter().flat_map(|e| &e.mentions));
        for m in mentions {
            assert_eq!(chars[m.span.0..m.span.1].iter().collect::<String>(), m.text);
        }
        found
    }

    fn names<T>(items: &[T], name: impl Fn(&T) -> &str) -> Vec<&str> {
        items.iter().map(name).collect()
    }

    #[test]
    fn title_and_name_make_a_person_with_country() {
        let e =
            entities("Russian Defense Minister Sergey Shoigu spoke. Later Shoigu said it again.");
        assert_eq!(e.people.len(), 1);
        let p = &e.people[0];
        assert_eq!(p.name, "Sergey Shoigu");
        assert_eq!(p.titles, ["Russian Defense Minister"]);
        assert_eq!(p.country.as_deref(), Some("RU"));
        assert_eq!(names(&p.mentions, |m| m.text), ["Sergey Shoigu", "Shoigu"]);
        assert_eq!(names(&e.countries, |c| &c.name), ["Russia"]);
    }

    #[test]
    fn a_title_on_a_surname_joins_the_full_name() {
        let e = entities(
            "\"Rates will hold,\" said Donna Pulcine, an analyst. Analyst Pulcine added more.",
        );
        assert_eq!(names(&e.people, |p| &p.name), ["Donna Pulcine"]);
        assert_eq!(e.people[0].mentions.len(), 2);
        assert_eq!(e.people[0].titles, ["Analyst"]);
    }

    #[test]
    fn speech_verbs_and_appositions_mark_people() {
        let e = entities(
            "Prices rose, said Alain Marais. Marshall Goldman of Harvard University agreed. Joe Clark, Canadian secretary of state, left.",
        );
        assert_eq!(
            names(&e.people, |p| &p.name),
            ["Alain Marais", "Marshall Goldman", "Joe Clark"]
        );
        assert_eq!(names(&e.organizations, |o| &o.name), ["Harvard University"]);
        assert_eq!(names(&e.countries, |c| &c.name), ["Canada"]);
    }

    #[test]
    fn head_words_make_organizations_and_short_forms_join_them() {
        let e = entities(
            "The Northern Grain Exporters Association (NGEA) met Tarmix Corp on Friday. Tarmix and the NGEA agreed.",
        );
        let orgs: Vec<(&str, Option<&str>, usize)> = e
            .organizations
            .iter()
            .map(|o| (o.name.as_str(), o.acronym.as_deref(), o.mentions.len()))
            .collect();
        assert_eq!(
            orgs,
            [
                ("Northern Grain Exporters Association", Some("NGEA"), 3),
                ("Tarmix Corp", None, 2)
            ]
        );
    }

    #[test]
    fn a_name_inside_a_longer_name_belongs_to_it() {
        let e = entities(
            "The Russian Defense Ministry said. The Defense Ministry added. The Bank of Canada agreed.",
        );
        assert_eq!(
            names(&e.organizations, |o| &o.name),
            ["Russian Defense Ministry", "Bank of Canada"]
        );
        assert_eq!(e.organizations[0].mentions.len(), 2);
        assert!(e.countries.is_empty(), "{:?}", e.countries);
    }

    #[test]
    fn names_inside_other_words_still_count() {
        let e = entities(
            "the ASEAN-centric system, NATO’s practices and Russian-Belarusian ties with Russia's allies",
        );
        assert_eq!(names(&e.organizations, |o| &o.name), ["ASEAN", "NATO"]);
        assert_eq!(names(&e.countries, |c| &c.name), ["Russia", "Belarus"]);
        assert_eq!(e.countries[0].mentions.len(), 2);
    }

    #[test]
    fn phrases_with_country_words_that_are_no_countries() {
        let e = entities("Latin American debt and the Patriot Congress hall.");
        assert!(
            e.countries.is_empty() && e.organizations.is_empty(),
            "{e:?}"
        );
    }

    #[test]
    fn events_keep_their_ordinal_or_year() {
        let e = entities(
            "He addressed the 11th Moscow Conference on International Security on Tuesday. The Moscow Conference on International Security ends today, and the Zapad-2017 exercise begins.",
        );
        let events: Vec<(&str, usize)> = e
            .events
            .iter()
            .map(|v| (v.name.as_str(), v.mentions.len()))
            .collect();
        assert_eq!(
            events,
            [
                ("11th Moscow Conference on International Security", 2),
                ("Zapad-2017", 1)
            ]
        );
    }

    #[test]
    fn a_stock_ticker_marks_a_company() {
        let e = entities(
            "Shares of Ciba-Geigy <CIGZ.Z> and H.J. Heinz <HNZ.N> rose, but not those of Paris <here>.",
        );
        assert_eq!(
            names(&e.organizations, |o| &o.name),
            ["Ciba-Geigy", "H.J. Heinz"]
        );
    }

    #[test]
    fn headline_capitals() {
        assert_eq!(headline_mode("GELCO SEES FLAT 1987 NET"), Mode::Skip);
        assert_eq!(
            headline_mode("Senate Panel Advances Bill to Expand Rural Broadband Grants"),
            Mode::KnownOnly
        );
        assert_eq!(
            headline_mode("Russia set to boost military cooperation — Shoigu"),
            Mode::Full
        );
    }

    #[test]
    fn lowercase_text_still_names_countries() {
        let e = entities(
            "peru's state mining company expects exports to west germany to rise, us traders said.",
        );
        assert_eq!(names(&e.countries, |c| &c.name), ["Peru", "Germany"]);
    }
}
