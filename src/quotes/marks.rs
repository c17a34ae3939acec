//! Quote marks and their pairing: takes the text and its fields (paragraphs), gives each
//! quote's bytes, marks and fields. Marks are paired within a paragraph (straight, curly and
//! guillemet double quotes); a quote left open at the end of a paragraph goes on when the
//! next paragraph opens with a mark, so that a quote over several paragraphs is one, and an
//! odd mark never reaches past its paragraph. Also what the marks hold: a quoted term or a
//! quote, direct or partial.

use std::ops::Range;

use crate::record::QuoteKind;
use crate::text::span::ceil_char_boundary;
use crate::text::wordlist::TERM_INTRODUCERS;

/// A quote found in the text, in bytes; `text` is inside the marks.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub(super) text: Range<usize>,
    /// The opening and closing marks (the closing one is `text.end` when the quote was
    /// never closed).
    pub(super) open: usize,
    pub(super) close_end: usize,
    /// The field (paragraph) where the quote opens, and the last it runs into (their
    /// numbers, the first's start and the last's end).
    pub(super) field: usize,
    pub(super) last_field: usize,
    pub(super) field_start: usize,
    pub(super) last_field_end: usize,
}

/// The mark that closes a quote opened by `c`, if `c` opens one.
fn opens(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '“' => Some('”'),
        '«' => Some('»'),
        '„' => Some('“'),
        _ => None,
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
}

/// A quote not closed yet: where its text starts, its opening mark, the mark that will
/// close it and the field it opened in (its number and start).
#[derive(Debug, Clone, Copy)]
struct Open {
    start: usize,
    mark: usize,
    close: char,
    field: usize,
    field_start: usize,
}

/// Pairs the quotation marks of each field; see the module comment.
pub(super) fn pair(text: &str, fields: impl IntoIterator<Item = Range<usize>>) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    // The field before, its number and end.
    let mut before = (0, 0);
    for (f, field) in fields.into_iter().enumerate() {
        let body = &text[field.clone()];
        // The marks before `skip` are passed over: the one that carries a quote on.
        let skip = carry(text, &mut open, body, &mut out, before);
        for (i, c) in marks(body).filter(|&(i, _)| i >= skip) {
            let at = field.start + i;
            match open {
                Some(o) if c == o.close || (o.close == '”' && c == '"') => {
                    out.push(Raw {
                        text: o.start..at,
                        open: o.mark,
                        close_end: at + c.len_utf8(),
                        field: o.field,
                        last_field: f,
                        field_start: o.field_start,
                        last_field_end: field.end,
                    });
                    open = None;
                }
                Some(_) => {}
                None => {
                    open = opens(c).map(|close| Open {
                        start: at + c.len_utf8(),
                        mark: at,
                        close,
                        field: f,
                        field_start: field.start,
                    });
                }
            }
        }
        before = (f, field.end);
    }
    if let Some(o) = open {
        close_unfinished(&mut out, text, &o, before);
    }
    out
}

/// Pairs the marks of Russian copy, where marks nest: names inside a quote are set off by
/// marks of their own (`"… АО "КрасЭКО" …"`, `«… „Россети“ …»`, `«… «Ромашка» …»`), and
/// those belong to the quote, which is one. A straight mark after a space and before a word
/// opens, one after a word closes. One mark may close both a name and the quote when the
/// dialogue dash follows (`"… самолетов "МС-21", - сказал он`): the quote then ends with it.
pub(super) fn pair_nested(text: &str, fields: impl IntoIterator<Item = Range<usize>>) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut before = (0, 0);
    for (f, field) in fields.into_iter().enumerate() {
        let body = &text[field.clone()];
        let skip = carry(text, &mut open, body, &mut out, before);
        // The marks that close the names open inside the quote, innermost last.
        let mut inner: Vec<char> = Vec::new();
        for (i, c) in marks(body).filter(|&(i, _)| i >= skip) {
            let at = field.start + i;
            let Some(o) = open else {
                open = opens(c).map(|close| Open {
                    start: at + c.len_utf8(),
                    mark: at,
                    close,
                    field: f,
                    field_start: field.start,
                });
                inner.clear();
                continue;
            };
            let expected = inner.last().copied().unwrap_or(o.close);
            let side = side(body, i, c);
            let closes = (c == expected || expected == '”' && c == '"')
                && !(c == '"' && side == Side::Opens);
            // A guillemet or curly mark that closes the quote does so whatever was left
            // open inside it.
            let closes_outer = !closes && c == o.close && c != '"';
            let end = if closes && !inner.is_empty() {
                inner.pop();
                let rest = body[i + c.len_utf8()..]
                    .trim_start_matches(',')
                    .trim_start();
                let dash = rest.starts_with(['-', '—', '–'])
                    && rest[rest.chars().next().map_or(0, char::len_utf8)..]
                        .starts_with(char::is_whitespace);
                (inner.is_empty() && dash).then_some(at + c.len_utf8())
            } else if closes || closes_outer {
                Some(at)
            } else {
                if let Some(close) = opens(c).filter(|_| c != '"' || side != Side::Closes) {
                    inner.push(close);
                }
                None
            };
            if let Some(end) = end {
                out.push(Raw {
                    text: o.start..end,
                    open: o.mark,
                    close_end: if end == at { at + c.len_utf8() } else { end },
                    field: o.field,
                    last_field: f,
                    field_start: o.field_start,
                    last_field_end: field.end,
                });
                open = None;
                inner.clear();
            }
        }
        before = (f, field.end);
    }
    if let Some(o) = open {
        close_unfinished(&mut out, text, &o, before);
    }
    out
}

/// Which way a straight mark faces: after a space (or the start) and before a word it
/// opens, after a word and before a space (or the end) it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Opens,
    Closes,
    Either,
}

fn side(body: &str, i: usize, c: char) -> Side {
    let before = body[..i].chars().next_back();
    let after = body[i + c.len_utf8()..].chars().next();
    let open_before = before.is_none_or(|c| c.is_whitespace() || "([«„-—–".contains(c));
    let word_after = after.is_some_and(|c| c.is_alphanumeric() || "«„(".contains(c));
    match (open_before && word_after, !open_before && !word_after) {
        (true, _) => Side::Opens,
        (_, true) => Side::Closes,
        _ => Side::Either,
    }
}

/// A quote left open at the end of the field before (its number and end): carried on into
/// `body` if it opens with a mark (the bytes of `body` up to the end of that mark, which
/// are passed over), else closed there (0).
fn carry(
    text: &str,
    open: &mut Option<Open>,
    body: &str,
    out: &mut Vec<Raw>,
    before: (usize, usize),
) -> usize {
    let Some(o) = open.take() else { return 0 };
    match carried_on(text, &o, body) {
        Some(mark_end) => {
            *open = Some(o);
            mark_end
        }
        None => {
            close_unfinished(out, text, &o, before);
            0
        }
    }
}

/// The quote marks of `body` and their byte offsets. Only the marks matter: found by their
/// first byte, nothing else decoded.
fn marks(body: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    memchr::memchr3_iter(b'"', 0xC2, 0xE2, body.as_bytes()).filter_map(|i| {
        body[i..]
            .chars()
            .next()
            .filter(|&c| is_mark(c))
            .map(|c| (i, c))
    })
}

/// Whether the quote `o`, open at the end of a paragraph, goes on into the next, `body`:
/// only if `body` opens with a mark, and only a quote of whole sentences, which opened its
/// paragraph or a sentence (words woven into a sentence, `warned of a "long winter`, end
/// with it). If it does, the bytes of `body` up to the end of that mark.
fn carried_on(text: &str, o: &Open, body: &str) -> Option<usize> {
    let direct = text[o.start..].starts_with(|c: char| c.is_uppercase() || c == '<' || c == '[')
        && {
            let lead = text[o.field_start..o.mark].trim_end();
            lead.is_empty() || lead.ends_with([':', '.', '!', '?'])
        };
    let trimmed = body.trim_start();
    let c = trimmed.chars().next()?;
    (direct && is_mark(c) && c != '”' && c != '»')
        .then(|| body.len() - trimmed.len() + c.len_utf8())
}

/// A quote never closed runs to the end of its last paragraph (its number and end), if it
/// holds a few words.
fn close_unfinished(out: &mut Vec<Raw>, text: &str, o: &Open, (last, end): (usize, usize)) {
    if o.start < end && text[o.start..end].split_whitespace().count() >= 4 {
        out.push(Raw {
            text: o.start..end,
            open: o.mark,
            close_end: end,
            field: o.field,
            last_field: last,
            field_start: o.field_start,
            last_field_end: end,
        });
    }
}

/// Quoted names and terms ("so-called "shadow fleet"", "the "Zapad-2017" exercises",
/// "Medallion") are not quotes: a few words, introduced as a name, written as one, or
/// with no one said to speak them. (A quote followed by its cue is always speech.)
pub(super) fn is_term(text: &str, q: &Raw, spoken: bool, russian: bool) -> bool {
    let inner = text[q.text.clone()].trim_matches(|c: char| !c.is_alphanumeric());
    // (Five words are enough to know: a quote may run to paragraphs.) In Russian a dash
    // between words is no word: `фонд "Врачи, инновации, наука - детям"`.
    let n = inner
        .split_whitespace()
        .filter(|w| !russian || w.chars().any(char::is_alphanumeric))
        .take(5)
        .count();
    if n > 4 {
        return false;
    }
    let before = text[..q.open].trim_end();
    let tail = ceil_char_boundary(before, before.len().saturating_sub(20));
    let before_lower = before[tail..].to_lowercase();
    let introduced = ends_introducer(&before_lower);
    let title_like = inner
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    introduced || title_like && n <= 3 || !spoken
}

/// A whole sentence or more (direct) or words woven into reported speech (partial).
pub(super) fn kind(text: &str, q: &Raw, sentence_start: usize) -> QuoteKind {
    let inner = text[q.text.clone()].trim();
    let capital =
        inner.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '<' || c == '[');
    let at_start =
        text[sentence_start..q.open].trim().is_empty() || text[..q.open].trim_end().ends_with(':');
    let ends = inner.ends_with(['.', ',', '?', '!', '…']);
    if capital && (at_start || ends) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// Whether `before` (lowercase) ends with a word or phrase that introduces a term ("the",
/// "so-called", "known as"): a line of term-introducers.txt from a word's start to the end.
fn ends_introducer(before: &str) -> bool {
    let word_starts = before
        .char_indices()
        .filter(|&(_, c)| !c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8());
    std::iter::once(0)
        .chain(word_starts)
        .any(|k| TERM_INTRODUCERS.contains(&before[k..]))
}

#[cfg(test)]
mod tests {
    use super::ends_introducer;

    #[test]
    fn an_introducer_starts_at_a_word() {
        for before in ["the", "tankers of the", "(the", "so-called", "is known as"] {
            assert!(ends_introducer(before), "{before:?}");
        }
        for before in ["bathe", "unknown as", "as", "the ministry", ""] {
            assert!(!ends_introducer(before), "{before:?}");
        }
    }
}
