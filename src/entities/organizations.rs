//! Organizations: what makes a phrase a company, a ministry or an agency besides its head
//! word, and the keys that join an organization's mentions. Takes a `Field` and token
//! positions; gives the pieces `phrases::classify` and the short forms ask for.

use super::gazetteer::{Entry, Gazetteer};
use super::phrases::Field;
use crate::text::strtable;
use crate::text::tokens::is_capitalized;

/// Suffixes of company names, dropped to make the short form ("Gelco Corp" → "Gelco").
pub(super) const COMPANY_SUFFIXES: &[&str] = &[
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

pub(super) fn org_key(name: &str) -> String {
    let lower = name.to_lowercase();
    lower
        .strip_prefix("the ")
        .unwrap_or(&lower)
        .replace(['.', ','], "")
}

/// " <GEL>", " <STGN.PA>": a stock ticker in angle brackets right after a name.
pub(super) fn ticker_after(f: &Field, b: usize) -> bool {
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

/// "Postimees newspaper", "the Kommersant daily".
pub(super) fn media_noun_after(f: &Field, b: usize) -> bool {
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
pub(super) fn extension(g: &Gazetteer, f: &Field, from: usize, b: usize) -> usize {
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
pub(super) fn known_key(id: impl itoa::Integer) -> String {
    let mut key = String::with_capacity(8);
    key.push('#');
    key.push_str(itoa::Buffer::new().format(id));
    key
}

/// The gazetteer organization that `name`, or `name` without its company suffix, is.
pub(super) fn known_organization(g: &Gazetteer, name: &str) -> Option<usize> {
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

/// The acronym in parentheses right after a name: "Collective Security Treaty Organization (CSTO)".
pub(super) fn acronym_after(f: &Field, end: usize) -> Option<String> {
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
