//! Cue phrases around a quote: takes the text and a quote's marks, gives the verb as
//! written (`said`, `told reporters`, `according to`) and the words that name the speaker,
//! unresolved. The cue is looked for after the quote (`"…," X said`, `"…," said X`), then
//! before it (`X said: "…"`, `according to X, "…"`), within the sentence on each side.

use std::ops::Range;

use super::words::words;
use crate::text::span::{ceil_char_boundary, floor_char_boundary};
use crate::text::wordlist::CUE_VERBS;

/// Words between a speaker and the verb ("he also said", "Shoigu further noted").
const ADVERBS: &[&str] = &[
    "also", "further", "later", "then", "earlier", "again", "recently", "once", "has", "had",
    "have", "was", "is",
];

/// A cue found around a quote: the verb as written and the words naming the speaker.
#[derive(Debug, Clone)]
pub(super) struct Cue {
    pub(super) cue: Range<usize>,
    pub(super) speaker: Option<Range<usize>>,
    /// The name before an apposition: in `," Gavin Herbert, president of the group, said`
    /// the words before the verb describe, the words after the quote name.
    pub(super) named: Option<Range<usize>>,
}

/// How far the cue of a quote is looked for, before and after it: a sentence of wire copy
/// is shorter, and the bound keeps a huge paragraph from costing its length per quote.
pub(super) const REACH: usize = 600;

/// The end of the sentence that goes on at `from` (a period, question or exclamation mark
/// followed by a space, or the end of the paragraph).
pub(super) fn sentence_end(text: &str, from: usize, para_end: usize) -> usize {
    let para_end = floor_char_boundary(text, para_end.min(from + REACH));
    let s = &text[from..para_end];
    // Only the stops matter: found by memchr, the word before each looked at backwards.
    for i in memchr::memchr3_iter(b'.', b'?', b'!', s.as_bytes()) {
        if s[i + 1..].starts_with(char::is_whitespace) && !ends_abbreviation(s, i) {
            return from + i;
        }
    }
    para_end
}

/// Whether the stop at byte `i` of `s` ends a short capitalized word ("Mr.", "U.S.", "E."),
/// an abbreviation rather than a sentence's end.
fn ends_abbreviation(s: &str, i: usize) -> bool {
    let word_start = s[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(w, c)| w + c.len_utf8());
    let word = &s[word_start..i];
    word.len() <= 3 && word.starts_with(char::is_uppercase)
}

/// The start of the sentence that `to` stands in: after the last sentence end before it.
pub(super) fn sentence_start(text: &str, para_start: usize, to: usize) -> usize {
    let para_start = para_start.max(to.saturating_sub(REACH));
    let para_start = ceil_char_boundary(text, para_start);
    let s = &text[para_start..to];
    let bytes = s.as_bytes();
    // Only the stops matter: found from the end by memchr, not a byte at a time.
    for i in memchr::memrchr3_iter(b'.', b'?', b'!', bytes) {
        if bytes.get(i + 1).is_some_and(|b| b.is_ascii_whitespace()) && !ends_abbreviation(s, i) {
            return para_start + i + 1;
        }
    }
    para_start
}

fn is_verb(w: &str) -> bool {
    CUE_VERBS.contains(w)
}

/// The cue after a closing mark: `," X said`, `," said X`, `," X told reporters`,
/// `," X, the head of Y, said`.
pub(super) fn cue_after(text: &str, from: usize, end: usize) -> Option<Cue> {
    // The verb is among the first 20 words, and nothing after the 22nd is looked at.
    let ws: Vec<_> = words(&text[from..end], from).take(22).collect();
    let v = ws.iter().take(20).position(|(_, w)| is_verb(w))?;
    let cue = verb_phrase(&ws, v);
    if v == 0 {
        // said X: the words after the verb up to a comma or the sentence's end.
        let after = ws[0].0.end;
        let rest = &text[after..end];
        let stop = rest.find([',', ';', '(']).unwrap_or(rest.len());
        let speaker_words: Vec<_> = ws
            .iter()
            .skip(1)
            .filter(|(r, _)| r.end <= after + stop)
            .collect();
        let speaker = match (speaker_words.first(), speaker_words.last()) {
            (Some(a), Some(b)) if speaker_words.len() <= 8 => Some(a.0.start..b.0.end),
            _ => None,
        };
        return Some(Cue {
            cue,
            speaker,
            named: None,
        });
    }
    let between = &text[ws[0].0.start..ws[v].0.start];
    if has_sentence_end(between) || between.contains(['"', '“', '”', ';', ':', '?', '!']) {
        return None;
    }
    // X said: the words before the verb, split at commas into the name and its apposition
    // ("Senator Margaret Ellison, the bill's lead sponsor, said"), adverbs dropped.
    let mut last = v;
    while last > 0 && ADVERBS.contains(&ws[last - 1].1) {
        last -= 1;
    }
    let mut segments: Vec<Range<usize>> = Vec::new(); // word indices
    let mut start = 0;
    for k in 0..last {
        let comma_after = k + 1 < ws.len() && text[ws[k].0.end..ws[k + 1].0.start].contains(',');
        if comma_after || k + 1 == last {
            segments.push(start..k + 1);
            start = k + 1;
        }
    }
    let words_of = |seg: &Range<usize>| ws[seg.start].0.start..ws[seg.end - 1].0.end;
    let speaker_seg = segments.last()?;
    if segments.len() == 1 && speaker_seg.len() > 8 {
        return None;
    }
    let named = (segments.len() > 1 && segments[0].len() <= 5).then(|| words_of(&segments[0]));
    Some(Cue {
        cue,
        speaker: Some(words_of(speaker_seg)),
        named,
    })
}

/// Whether `s` holds the end of a sentence: a period, question or exclamation mark before
/// a space, but for the period of an abbreviation ("Mr.", "Rep.", "U.S.", "E.").
fn has_sentence_end(s: &str) -> bool {
    s.char_indices().any(|(i, c)| {
        matches!(c, '.' | '?' | '!') && s[i + 1..].starts_with(char::is_whitespace) && {
            let word = s[..i].rsplit(char::is_whitespace).next().unwrap_or("");
            !(c == '.'
                && (word.len() <= 3 && word.starts_with(char::is_uppercase) || word.contains('.')))
        }
    })
}

/// "told reporters", "told a news conference": the verb with its audience, as written.
fn verb_phrase(ws: &[(Range<usize>, &str)], v: usize) -> Range<usize> {
    let verb = ws[v].0.clone();
    if ws[v].1 == "told"
        && let Some((r, w)) = ws.get(v + 1)
        && matches!(
            *w,
            "reporters" | "journalists" | "TASS" | "Reuters" | "Izvestia" | "RIA"
        )
    {
        return verb.start..r.end;
    }
    if ws[v].1 == "pointed"
        && let Some((r, "out")) = ws.get(v + 1)
    {
        return verb.start..r.end;
    }
    verb
}

/// The cue before an opening mark: `X said: "`, `X said that "`, `according to X, "`.
pub(super) fn cue_before(text: &str, start: usize, to: usize) -> Option<Cue> {
    let seg = &text[start..to];
    let ws: Vec<_> = words(seg, start).collect();
    // "according to X" anywhere in the sentence.
    if let Some(k) = ws
        .windows(2)
        .position(|w| w[0].1.eq_ignore_ascii_case("according") && w[1].1 == "to")
    {
        let from = ws[k + 1].0.end;
        let rest = &text[from..to];
        let stop = rest
            .find([',', ';', '.', '"', '“', '«'])
            .unwrap_or(rest.len());
        let inner: Vec<_> = ws
            .iter()
            .skip(k + 2)
            .filter(|(r, _)| r.end <= from + stop)
            .collect();
        if let (Some(a), Some(b)) = (inner.first(), inner.last()) {
            return Some(Cue {
                cue: ws[k].0.start..ws[k + 1].0.end,
                speaker: Some(a.0.start..b.0.end),
                named: None,
            });
        }
    }
    let v = ws.iter().rposition(|(_, w)| is_verb(w))?;
    let cue = verb_phrase(&ws, v);
    // "quoted Cappy as saying": the subject stands before "as".
    if ws[v].1 == "saying" && v >= 2 && ws[v - 1].1 == "as" {
        return Some(Cue {
            cue,
            speaker: Some(ws[v - 2].0.clone()),
            named: None,
        });
    }
    // "Cappy, in a statement, said": a short aside between subject and verb is skipped,
    // so the subject ends before the aside's comma.
    let aside = (v >= 2 && text[ws[v - 1].0.end..ws[v].0.start].contains(','))
        .then(|| {
            (v.saturating_sub(5)..v - 1)
                .rev()
                .find(|&k| text[ws[k].0.end..ws[k + 1].0.start].contains(','))
        })
        .flatten();
    // The subject: words before the verb back to a comma, "that", "and" or the start.
    let end = aside.map_or(v, |k| k + 1);
    let mut first = end;
    while first > 0 {
        let (r, w) = &ws[first - 1];
        // Between the subject's last word and the aside's comma there is nothing to check.
        let gap = if first == end && aside.is_some() {
            ""
        } else {
            &text[r.end..ws[first].0.start]
        };
        if gap.contains([',', ';', ':', '"', '“', '”'])
            || matches!(
                *w,
                "that" | "and" | "but" | "as" | "while" | "which" | "who"
            )
        {
            break;
        }
        first -= 1;
        if end - first > 7 {
            break;
        }
    }
    let mut last = end;
    while last > first && ADVERBS.contains(&ws[last - 1].1) {
        last -= 1;
    }
    if last > first && end - first <= 7 {
        return Some(Cue {
            cue,
            speaker: Some(ws[first].0.start..ws[last - 1].0.end),
            named: None,
        });
    }
    // "said X: "…"": the words after the verb.
    let from = ws[v].0.end;
    let rest = &text[from..to];
    let stop = rest
        .find([',', ';', ':', '.', '"', '“', '«'])
        .unwrap_or(rest.len());
    let inner: Vec<_> = ws
        .iter()
        .skip(v + 1)
        .filter(|(r, _)| r.end <= from + stop)
        .collect();
    let speaker = match (inner.first(), inner.last()) {
        (Some(a), Some(b)) if inner.len() <= 6 => Some(a.0.start..b.0.end),
        _ => None,
    };
    Some(Cue {
        cue,
        speaker,
        named: None,
    })
}
