//! Quote marks and their pairing: takes the text and its fields (paragraphs), gives each
//! quote's bytes, marks and fields. Marks are paired within a paragraph (straight, curly and
//! guillemet double quotes); a quote left open at the end of a paragraph goes on when the
//! next paragraph opens with a mark, so that a quote over several paragraphs is one, and an
//! odd mark never reaches past its paragraph. Also what the marks hold: a quoted term or a
//! quote, direct or partial.

use std::ops::Range;

use crate::record::QuoteKind;
use crate::text::span::ceil_char_boundary;

/// A quote found in the text, in bytes; `text` is inside the marks.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub(super) text: Range<usize>,
    /// The opening and closing marks (the closing one is `text.end` when the quote was
    /// never closed).
    pub(super) open: usize,
    pub(super) close_end: usize,
    /// The field (paragraph) where the quote opens.
    pub(super) field: usize,
    pub(super) last_field: usize,
}

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

/// Pairs the quotation marks of each field; see the module comment.
pub(super) fn pair(text: &str, fields: &[Range<usize>]) -> Vec<Raw> {
    let mut out = Vec::new();
    // The open quote: where its text starts, its closing mark, its field.
    let mut open: Option<(usize, usize, char, usize)> = None;
    for (f, field) in fields.iter().enumerate() {
        let body = &text[field.clone()];
        // Only the marks matter: find them by their first byte, decode nothing else.
        let mut chars = memchr::memchr3_iter(b'"', 0xC2, 0xE2, body.as_bytes())
            .filter_map(|i| {
                body[i..]
                    .chars()
                    .next()
                    .filter(|&c| is_mark(c))
                    .map(|c| (i, c))
            })
            .peekable();
        if let Some((start, mark, close, first)) = open.take() {
            // A quote goes on into this paragraph only if it opens with a mark.
            let trimmed = body.trim_start();
            // ...and if it is a quote of whole sentences, which opened its paragraph or a
            // sentence: words woven into a sentence ("warned of a "long winter) end with it.
            let direct =
                text[start..].starts_with(|c: char| c.is_uppercase() || c == '<' || c == '[') && {
                    let lead = text[fields[first].start..mark].trim_end();
                    lead.is_empty() || lead.ends_with([':', '.', '!', '?'])
                };
            match trimmed.chars().next() {
                Some(c) if direct && is_mark(c) && c != '”' && c != '»' => {
                    open = Some((start, mark, close, first));
                    let skip = body.len() - trimmed.len() + c.len_utf8();
                    while chars.peek().is_some_and(|&(i, _)| i < skip) {
                        chars.next();
                    }
                }
                _ => close_unfinished(&mut out, text, fields, (start, mark, first), f - 1),
            }
        }
        for (i, c) in chars {
            let at = field.start + i;
            match open {
                Some((start, mark, close, first)) if c == close || (close == '”' && c == '"') => {
                    out.push(Raw {
                        text: start..at,
                        open: mark,
                        close_end: at + c.len_utf8(),
                        field: first,
                        last_field: f,
                    });
                    open = None;
                }
                Some(_) => {}
                None => {
                    if let Some(close) = opens(c) {
                        open = Some((at + c.len_utf8(), at, close, f));
                    }
                }
            }
        }
    }
    if let Some((start, mark, _, first)) = open {
        close_unfinished(
            &mut out,
            text,
            fields,
            (start, mark, first),
            fields.len() - 1,
        );
    }
    out
}

/// A quote never closed runs to the end of its last paragraph, if it holds a few words.
fn close_unfinished(
    out: &mut Vec<Raw>,
    text: &str,
    fields: &[Range<usize>],
    (start, mark, first): (usize, usize, usize),
    last: usize,
) {
    let end = fields[last].end;
    if start < end && text[start..end].split_whitespace().count() >= 4 {
        out.push(Raw {
            text: start..end,
            open: mark,
            close_end: end,
            field: first,
            last_field: last,
        });
    }
}

/// Quoted names and terms ("so-called "shadow fleet"", "the "Zapad-2017" exercises",
/// "Medallion") are not quotes: a few words, introduced as a name, written as one, or
/// with no one said to speak them. (A quote followed by its cue is always speech.)
pub(super) fn is_term(text: &str, q: &Raw, spoken: bool) -> bool {
    let inner = text[q.text.clone()].trim_matches(|c: char| !c.is_alphanumeric());
    // (Five words are enough to know: a quote may run to paragraphs.)
    let n = inner.split_whitespace().take(5).count();
    if n > 4 {
        return false;
    }
    let before = text[..q.open].trim_end();
    let tail = ceil_char_boundary(before, before.len().saturating_sub(20));
    let before_lower = before[tail..].to_lowercase();
    let introduced = [
        "so-called",
        "dubbed",
        "called",
        "named",
        "known as",
        "term",
        "word",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
    ]
    .iter()
    .any(|w| {
        before_lower.ends_with(w)
            && before_lower[..before_lower.len() - w.len()]
                .ends_with(|c: char| !c.is_alphanumeric())
            || before_lower == *w
    });
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
