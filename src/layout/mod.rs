//! Layout: where the headline, lead, dateline and body paragraphs lie in an article.
//!
//! Takes an article's decoded text and gives byte ranges into it (`Layout`), so that every
//! field's span slices back to exactly its text. Lines are read in order: the site furniture
//! at the top is skipped (`furniture`), the dateline anchors the rest (`dateline`): what
//! stands between the headline and it is the lead; what follows it is the body, less its
//! sign-off. The dateline's year, when it has none, comes later from a weekday in the first
//! paragraph (`dateline::year_from_weekday`, by `calendar`).

use std::ops::Range;

use self::dateline::Found;
use self::furniture::{is_furniture, is_signoff};

pub(crate) mod calendar;
pub(crate) mod dateline;
mod furniture;

#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub headline: Option<Range<usize>>,
    pub lead: Option<Range<usize>>,
    pub dateline: Option<(Range<usize>, Found)>,
    pub body: Vec<Range<usize>>,
}

/// Site furniture lines stand only before the headline, and only a few of them.
const MAX_FURNITURE: usize = 4;
/// The dateline opens one of the first lines after the furniture: headline, lead (one or
/// two lines), dateline.
const DATELINE_WITHIN: usize = 5;

/// Lines of `text` as byte ranges without their terminators (`\n`, `\r\n` or a lone `\r`).
fn lines(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // The \n of a \r\n was ended with its \r.
        if i < start {
            continue;
        }
        out.push(start..i);
        start = i + 1;
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            start += 1;
        }
    }
    if start < bytes.len() {
        out.push(start..bytes.len());
    }
    out
}

/// `range` without the whitespace at either end.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.start + s.trim_end().len();
    start..end.max(start)
}

fn is_blank(text: &str, line: &Range<usize>) -> bool {
    text[line.clone()].trim().is_empty()
}

pub(crate) fn layout(text: &str) -> Layout {
    let lines = lines(text);
    let content_after = |from: usize| (from..lines.len()).find(|&i| !is_blank(text, &lines[i]));
    // The lines with content at the top, as many as furniture and a dateline may take (not
    // a list of every line: an article of a million short lines would hold it).
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !is_blank(text, &lines[i]))
        .take(MAX_FURNITURE + DATELINE_WITHIN + 1)
        .collect();
    if content.is_empty() {
        return Layout::default();
    }

    let mut first = 0;
    while first < MAX_FURNITURE.min(content.len() - 1)
        && is_furniture(&text[lines[content[first]].clone()])
    {
        first += 1;
    }
    let top = &content[first..];

    let dateline = top
        .iter()
        .take(DATELINE_WITHIN)
        .enumerate()
        .find_map(|(nth, &i)| {
            let line = trim(text, lines[i].clone());
            dateline::find(&text[line.clone()]).map(|found| {
                let range = line.start + found.range.start..line.start + found.range.end;
                (nth, i, range, found)
            })
        });

    let mut layout = Layout::default();
    let body_from = match dateline {
        Some((nth, i, range, found)) => {
            if nth > 0 {
                layout.headline = Some(trim(text, lines[top[0]].clone()));
            }
            if nth > 1 {
                layout.lead = Some(trim(text, lines[top[1]].start..lines[top[nth - 1]].end));
            }
            let from = range.end;
            layout.dateline = Some((range, found));
            (i, from)
        }
        None => {
            let headline = top[0];
            layout.headline = Some(trim(text, lines[headline].clone()));
            match content_after(headline + 1) {
                Some(next) => (next, lines[next].start),
                None => (lines.len(), text.len()),
            }
        }
    };
    layout.body = paragraphs(text, &lines, body_from);
    strip_signoff(text, &mut layout.body);
    layout
}

/// Body paragraphs from line `from.0`, whose text starts at byte `from.1`. Blank lines
/// separate paragraphs; an article with none has one paragraph a line.
fn paragraphs(
    text: &str,
    lines: &[Range<usize>],
    (first, start): (usize, usize),
) -> Vec<Range<usize>> {
    // The body's lines, the first from `start` (read twice, not copied).
    let first_line = lines
        .get(first)
        .map(|line| start.clamp(line.start, line.end)..line.end);
    let rest = lines.get(first + 1..).unwrap_or_default();
    let body_lines = || first_line.clone().into_iter().chain(rest.iter().cloned());
    let blank_separated = body_lines().any(|l| is_blank(text, &l));
    let mut out = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for line in body_lines() {
        if is_blank(text, &line) {
            out.extend(open.take());
        } else if blank_separated {
            open = Some(open.map_or(line.clone(), |p| p.start..line.end));
        } else {
            out.push(line);
        }
    }
    out.extend(open);
    out.into_iter()
        .map(|p| trim(text, p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Drops the sign-off ("Reuter", "(Reporting by …)") from the end of the body: whole
/// paragraphs, or the last line of the last paragraph.
fn strip_signoff(text: &str, body: &mut Vec<Range<usize>>) {
    while body.last().is_some_and(|p| is_signoff(&text[p.clone()])) {
        body.pop();
    }
    if let Some(last) = body.last_mut() {
        let para = &text[last.clone()];
        if let Some(cut) = para.rfind(['\n', '\r'])
            && is_signoff(&para[cut..])
        {
            *last = trim(text, last.start..last.start + cut);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(text: &str, r: &Option<Range<usize>>) -> Option<String> {
        r.clone().map(|r| text[r].to_owned())
    }

    fn body(text: &str, l: &Layout) -> Vec<String> {
        l.body.iter().map(|r| text[r.clone()].to_owned()).collect()
    }

    #[test]
    fn tass_with_furniture_and_lead() {
        let text = "All news\n\nHeadline here\n\nA lead sentence\n\nMOSCOW, May 4. /TASS/. First para.\n\nSecond para.\n";
        let l = layout(text);
        assert_eq!(slice(text, &l.headline).as_deref(), Some("Headline here"));
        assert_eq!(slice(text, &l.lead).as_deref(), Some("A lead sentence"));
        assert_eq!(
            &text[l.dateline.as_ref().unwrap().0.clone()],
            "MOSCOW, May 4. /TASS/."
        );
        assert_eq!(body(text, &l), ["First para.", "Second para."]);
    }

    #[test]
    fn reuters_with_signoff() {
        let text = "BANK RAISES RATE\n\nLONDON, March 3 - The bank said.\n\n\"Quote,\" he said.\n\nReuter\n";
        let l = layout(text);
        assert_eq!(
            slice(text, &l.headline).as_deref(),
            Some("BANK RAISES RATE")
        );
        assert_eq!(l.lead, None);
        assert_eq!(body(text, &l), ["The bank said.", "\"Quote,\" he said."]);
    }

    #[test]
    fn signoff_as_last_line_of_a_paragraph() {
        let text = "Title\n\nPARIS, June 1 - Text one.\n\nText two,\nwrapped.\n(Reporting by A. Writer; Editing by B. Editor)";
        let l = layout(text);
        assert_eq!(body(text, &l), ["Text one.", "Text two,\nwrapped."]);
    }

    #[test]
    fn crlf_cr_and_single_newline_paragraphs() {
        for text in [
            "Title\r\n\r\nMOSCOW, May 4. /TASS/. One.\r\n\r\nTwo.\r\n",
            "Title\r\rMOSCOW, May 4. /TASS/. One.\r\rTwo.\r",
            "Title\nMOSCOW, May 4. /TASS/. One.\nTwo.",
        ] {
            let l = layout(text);
            assert_eq!(
                slice(text, &l.headline).as_deref(),
                Some("Title"),
                "{text:?}"
            );
            assert_eq!(body(text, &l), ["One.", "Two."], "{text:?}");
        }
    }

    #[test]
    fn no_dateline() {
        let text = "A headline\n\nFirst paragraph.\n\nSecond.";
        let l = layout(text);
        assert_eq!(slice(text, &l.headline).as_deref(), Some("A headline"));
        assert!(l.dateline.is_none() && l.lead.is_none());
        assert_eq!(body(text, &l), ["First paragraph.", "Second."]);
        let one = layout("  Only a line  ");
        assert_eq!(
            slice("  Only a line  ", &one.headline).as_deref(),
            Some("Only a line")
        );
        assert!(one.body.is_empty());
    }

    #[test]
    fn dateline_first() {
        let text = "MOSCOW, May 4. /TASS/. Straight into the story.";
        let l = layout(text);
        assert_eq!(l.headline, None);
        assert_eq!(body(text, &l), ["Straight into the story."]);
    }
}
