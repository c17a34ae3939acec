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
use self::furniture::{correction_note, is_furniture, is_signoff};

pub(crate) mod calendar;
pub(crate) mod dateline;
mod furniture;
mod tass_ru;

#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub headline: Option<Range<usize>>,
    pub lead: Option<Range<usize>>,
    pub dateline: Option<(Range<usize>, Found)>,
    pub body: Body,
}

/// Where the body lies, and how its paragraphs are cut. Their ranges are kept where they
/// cost no more than the text (paragraphs of 16 bytes or more on average, as in any
/// article); else they are read from the text each time they are asked for, so that ten
/// million one-letter lines hold no list of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Body {
    /// From the end of the dateline (or the first line after the headline) to the end of
    /// the last paragraph before the sign-off.
    start: usize,
    end: usize,
    /// Whether blank lines separate the paragraphs (else each line is one).
    blank_separated: bool,
    /// How many paragraphs there are.
    len: usize,
    /// The paragraphs, where kept.
    kept: Option<Vec<Range<usize>>>,
}

/// A body keeps the list of its paragraphs if they average at least this many bytes: the
/// size of a range with its span (the record's list), so that the list is never larger
/// than the text.
const KEPT_BYTES: usize = 2 * std::mem::size_of::<Range<usize>>();

/// Site furniture lines stand only before the headline, and only a few of them.
const MAX_FURNITURE: usize = 4;
/// The dateline opens one of the first lines after the furniture: headline, lead (one or
/// two lines), dateline.
const DATELINE_WITHIN: usize = 5;

/// Lines of `text` from byte `from`, as byte ranges without their terminators (`\n`,
/// `\r\n` or a lone `\r`).
fn lines(text: &str, from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = from;
    let mut ends = memchr::memchr2_iter(b'\n', b'\r', &bytes[from..]);
    std::iter::from_fn(move || {
        for i in ends.by_ref().map(|i| i + from) {
            // The \n of a \r\n was ended with its \r.
            if i < start {
                continue;
            }
            let line = start..i;
            start = i + 1;
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                start += 1;
            }
            return Some(line);
        }
        (start < bytes.len()).then(|| {
            let line = start..bytes.len();
            start = bytes.len();
            line
        })
    })
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
    // The lines with content at the top, as many as furniture and a dateline may take (not
    // a list of every line: an article of a million short lines would hold it).
    let top: Vec<Range<usize>> = lines(text, 0)
        .filter(|l| !is_blank(text, l))
        .take(MAX_FURNITURE + DATELINE_WITHIN + 1)
        .collect();
    if top.is_empty() {
        return Layout::default();
    }

    let mut first = 0;
    while first < MAX_FURNITURE.min(top.len() - 1) && is_furniture(&text[top[first].clone()]) {
        first += 1;
    }
    let top = &top[first..];

    let dateline = top
        .iter()
        .take(DATELINE_WITHIN)
        .enumerate()
        .find_map(|(nth, line)| {
            let line = trim(text, line.clone());
            dateline::find(&text[line.clone()]).map(|found| {
                let range = line.start + found.range.start..line.start + found.range.end;
                (nth, range, found)
            })
        });

    let mut layout = Layout::default();
    let body_from = match dateline {
        Some((nth, range, found)) => {
            if nth > 0 {
                layout.headline = Some(trim(text, top[0].clone()));
            }
            if nth > 1 {
                layout.lead = Some(trim(text, top[1].start..top[nth - 1].end));
            }
            let from = range.end;
            layout.dateline = Some((range, found));
            from
        }
        None => {
            layout.headline = Some(trim(text, top[0].clone()));
            top.get(1).map_or(text.len(), |next| next.start)
        }
    };
    layout.body = Body::new(text, body_from);
    layout
}

impl Body {
    /// The body from byte `start` to the end of `text`, less its sign-off ("Reuter",
    /// "(Reporting by …)"): whole paragraphs, or the last line of the last paragraph.
    pub(crate) fn new(text: &str, start: usize) -> Body {
        let blank_separated = lines(text, start).any(|l| is_blank(text, &l));
        let whole = Body {
            start,
            end: text.len(),
            blank_separated,
            len: 0,
            kept: None,
        };
        let most = (text.len() - start) / KEPT_BYTES;
        let mut kept = Some(Vec::new());
        // The paragraphs up to the last that is no sign-off.
        let (mut len, mut last) = (0, None);
        for (k, p) in whole.read(text).enumerate() {
            if !is_signoff(&text[p.clone()]) {
                (len, last) = (k + 1, Some(p.clone()));
            }
            match &mut kept {
                Some(list) if list.len() < most => list.push(p),
                _ => kept = None,
            }
        }
        let mut end = last.as_ref().map_or(start, |p| p.end);
        if let Some(last) = last {
            let para = &text[last.clone()];
            if let Some(cut) = para.rfind(['\n', '\r'])
                && is_signoff(&para[cut..])
            {
                end = trim(text, last.start..last.start + cut).end;
            }
            // A correction note ends the story, even inside its last paragraph.
            if let Some(cut) = correction_note(&text[last.start..end])
                && cut > 0
            {
                end = trim(text, last.start..last.start + cut).end;
            }
        }
        if let Some(list) = &mut kept {
            list.truncate(len);
            if let Some(last) = list.last_mut() {
                last.end = end;
            }
        }
        Body {
            end,
            len,
            kept,
            ..whole
        }
    }

    /// The list of the paragraphs, if kept, taken: from then on they are read.
    pub(crate) fn take_kept(&mut self) -> Option<Vec<Range<usize>>> {
        self.kept.take()
    }

    /// The number of paragraphs.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The bytes from the body's start to its end.
    pub(crate) fn bytes(&self) -> usize {
        self.end - self.start
    }

    /// The byte the body starts at (before its first paragraph's leading whitespace).
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    /// The paragraphs of `text` (the text this body was found in), as trimmed byte ranges.
    pub(crate) fn ranges<'b>(&'b self, text: &'b str) -> impl Iterator<Item = Range<usize>> + 'b {
        let (kept, read) = match &self.kept {
            Some(list) => (Some(list.iter().cloned()), None),
            None => (None, Some(self.read(text))),
        };
        kept.into_iter().flatten().chain(read.into_iter().flatten())
    }

    /// The paragraphs, read from the text.
    fn read<'t>(&self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        let Body {
            start,
            end,
            blank_separated,
            ..
        } = *self;
        let mut lines = lines(&text[..end], start).peekable();
        std::iter::from_fn(move || {
            loop {
                let line = lines.next()?;
                if is_blank(text, &line) {
                    continue;
                }
                let mut paragraph = line;
                while blank_separated && let Some(next) = lines.next_if(|l| !is_blank(text, l)) {
                    paragraph.end = next.end;
                }
                let paragraph = trim(text, paragraph);
                if !paragraph.is_empty() {
                    return Some(paragraph);
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(text: &str, r: &Option<Range<usize>>) -> Option<String> {
        r.clone().map(|r| text[r].to_owned())
    }

    fn body(text: &str, l: &Layout) -> Vec<String> {
        let body: Vec<String> = l.body.ranges(text).map(|r| text[r].to_owned()).collect();
        assert_eq!(body.len(), l.body.len());
        body
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
        assert_eq!(one.body.len(), 0);
    }

    #[test]
    fn dateline_first() {
        let text = "MOSCOW, May 4. /TASS/. Straight into the story.";
        let l = layout(text);
        assert_eq!(l.headline, None);
        assert_eq!(body(text, &l), ["Straight into the story."]);
    }
}
