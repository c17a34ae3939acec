//! Cue phrases around a quote: takes the text and a quote's marks, gives the verb as
//! written (`said`, `told reporters`, `according to`) and the words that name the speaker,
//! unresolved. The cue is looked for after the quote (`"…," X said`, `"…," said X`), then
//! before it (`X said: "…"`, `according to X, "…"`), within the sentence on each side.

use std::ops::Range;

use crate::text::abbreviations::{ends_abbreviation, ends_abbreviation_or_acronym};
use crate::text::span::{ceil_char_boundary, floor_char_boundary};
use crate::text::tokens::{Word, words};
use crate::text::wordlist::{CUE_ADVERBS, CUE_AUDIENCES, CUE_SUBJECT_STOPS, CUE_VERBS};

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
    // `," according to X.`
    if let [(according, first), (to, "to"), ..] = &ws[..]
        && first.eq_ignore_ascii_case("according")
    {
        return Some(Cue {
            cue: according.start..to.end,
            speaker: words_after(text, &ws, 1, end, &[',', ';', '('], 8),
            named: None,
        });
    }
    let v = ws.iter().take(20).position(|(_, w)| is_verb(w))?;
    let cue = verb_phrase(&ws, v);
    if v == 0 {
        // said X: the words after the verb up to a comma or the sentence's end.
        let speaker = words_after(text, &ws, 0, end, &[',', ';', '('], 8);
        return Some(Cue {
            cue,
            speaker,
            named: None,
        });
    }
    let (speaker, named) = subject_and_name(text, &ws, v)?;
    Some(Cue {
        cue,
        speaker: Some(speaker),
        named,
    })
}

/// The subject of `," X said`: the words before the verb, split at commas into the name
/// and its apposition ("Senator Margaret Ellison, the bill's lead sponsor, said"), adverbs
/// dropped. Gives the last part, the speaker, and the first if short, the name; nothing if
/// a sentence ends or a quote opens before the verb.
fn subject_and_name(
    text: &str,
    ws: &[Word],
    v: usize,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let between = &text[ws[0].0.start..ws[v].0.start];
    if has_sentence_end(between) || between.contains(['"', '“', '”', ';', ':', '?', '!']) {
        return None;
    }
    let last = without_adverbs(ws, 0, v);
    let mut segments: Vec<Range<usize>> = Vec::new(); // word indices
    let mut start = 0;
    for k in 0..last {
        if k + 1 == last || gap(text, ws, k).contains(',') {
            segments.push(start..k + 1);
            start = k + 1;
        }
    }
    let words_of = |seg: &Range<usize>| ws[seg.start].0.start..ws[seg.end - 1].0.end;
    let speaker = segments.last()?;
    if segments.len() == 1 && speaker.len() > 8 {
        return None;
    }
    let named = (segments.len() > 1 && segments[0].len() <= 5).then(|| words_of(&segments[0]));
    Some((words_of(speaker), named))
}

/// Whether `s` holds the end of a sentence: a period, question or exclamation mark before
/// a space, but for the period of an abbreviation ("Mr.", "Rep.", "U.S.", "E.").
fn has_sentence_end(s: &str) -> bool {
    s.char_indices().any(|(i, c)| {
        matches!(c, '.' | '?' | '!')
            && s[i + 1..].starts_with(char::is_whitespace)
            && !(c == '.' && ends_abbreviation_or_acronym(s, i))
    })
}

/// "told reporters", "told a news conference": the verb with its audience, as written.
fn verb_phrase(ws: &[Word], v: usize) -> Range<usize> {
    let verb = ws[v].0.clone();
    if ws[v].1 == "told"
        && let Some((r, w)) = ws.get(v + 1)
        && CUE_AUDIENCES.contains(w)
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
    let ws: Vec<_> = words(&text[start..to], start).collect();
    if let Some(cue) = according_to(text, &ws, to) {
        return Some(cue);
    }
    let v = ws.iter().rposition(|(_, w)| is_verb(w))?;
    let cue = verb_phrase(&ws, v);
    let speaker = if ws[v].1 == "saying" && v >= 2 && ws[v - 1].1 == "as" {
        // "quoted Cappy as saying": the subject stands before "as".
        Some(ws[v - 2].0.clone())
    } else {
        // `X said: "…"`, else `said X: "…"`.
        subject(text, &ws, v).or_else(|| inverted(text, &ws, v, to))
    };
    let named = speaker
        .as_ref()
        .and_then(|r| opening_name(text, &ws, r.start));
    Some(Cue {
        cue,
        speaker,
        named,
    })
}

/// The sentence's opening words up to its first comma, at most five, when the subject
/// found before the verb comes after them: in `The report, published by a weekly, the
/// Lima Letter, said "…"` the subject is the report, not the aside after it.
fn opening_name(text: &str, ws: &[Word], subject_start: usize) -> Option<Range<usize>> {
    let k = (0..ws.len().saturating_sub(1).min(5)).find(|&k| gap(text, ws, k).contains(','))?;
    (ws[k].0.end < subject_start).then(|| ws[0].0.start..ws[k].0.end)
}

/// The speaker of `said X: "…"`: the words after the verb, when nothing but punctuation
/// stands between them and the mark, or the verb opens the sentence or follows a quote
/// (`"…," said X, an analyst with Y Inc. "…"`). In `Y said one bank, which he would not
/// name, "…"` the words after the verb begin the reported clause, not a speaker.
fn inverted(text: &str, ws: &[Word], v: usize, to: usize) -> Option<Range<usize>> {
    let r = words_after(text, ws, v, to, &[',', ';', ':', '.', '"', '“', '«'], 6)?;
    let rest = &text[r.end..to];
    let bare = rest
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_punctuation());
    let no_subject = v == 0 || gap(text, ws, v - 1).contains(['"', '”', ',']);
    (bare || no_subject).then_some(r)
}

/// "according to X" anywhere in the sentence, X running to a comma, a stop or a mark.
fn according_to(text: &str, ws: &[Word], to: usize) -> Option<Cue> {
    let k = ws
        .windows(2)
        .position(|w| w[0].1.eq_ignore_ascii_case("according") && w[1].1 == "to")?;
    let speaker = words_after(
        text,
        ws,
        k + 1,
        to,
        &[',', ';', '.', '"', '“', '«'],
        usize::MAX,
    )?;
    Some(Cue {
        cue: ws[k].0.start..ws[k + 1].0.end,
        speaker: Some(speaker),
        named: None,
    })
}

/// How many words a subject that opens its sentence may have: a name with its title and
/// employer ("Bank analyst Jo Cole at Fir Securities Ltd").
const LONG_SUBJECT: usize = 12;

/// The subject before the verb at `v`: the words back to a comma, a mark, "that", "and" or
/// the sentence's start, at most seven, the adverbs before the verb dropped. In "Cappy, in a
/// statement, said" a short aside between subject and verb is skipped.
fn subject(text: &str, ws: &[Word], v: usize) -> Option<Range<usize>> {
    let aside = aside(text, ws, v);
    let end = aside.map_or(v, |k| k + 1);
    let mut first = end;
    while first > 0 {
        // Between the subject's last word and the aside's comma there is nothing to check.
        let gap = if first == end && aside.is_some() {
            ""
        } else {
            gap(text, ws, first - 1)
        };
        if gap.contains([',', ';', ':', '"', '“', '”'])
            || CUE_SUBJECT_STOPS.contains(ws[first - 1].1)
        {
            break;
        }
        first -= 1;
        if end - first > LONG_SUBJECT {
            break;
        }
    }
    let last = without_adverbs(ws, first, end);
    // A subject that opens the sentence may be longer: "Bank analyst Jo Cole at Fir
    // Securities Ltd said".
    let most = if first == 0 { LONG_SUBJECT } else { 7 };
    (last > first && end - first <= most).then(|| ws[first].0.start..ws[last - 1].0.end)
}

/// The last word before an aside between subject and verb ("Cappy" in "Cappy, in a
/// statement, said"): a comma right before the verb, and one at most five words before,
/// or at most twenty before "who" or "which" ("Blinken, who arrived late on Sunday after a
/// long flight, said").
fn aside(text: &str, ws: &[Word], v: usize) -> Option<usize> {
    if v < 2 || !gap(text, ws, v - 1).contains(',') {
        return None;
    }
    let comma = |k: &usize| gap(text, ws, *k).contains(',');
    (v.saturating_sub(5)..v - 1).rev().find(comma).or_else(|| {
        (v.saturating_sub(20)..v - 1)
            .rev()
            .find(comma)
            .filter(|&k| matches!(ws[k + 1].1, "who" | "which"))
    })
}

/// The end of the words `from..to` once the adverbs and auxiliaries before a verb are
/// dropped ("he also said", "Shoigu has said").
fn without_adverbs(ws: &[Word], from: usize, to: usize) -> usize {
    let mut last = to;
    while last > from && CUE_ADVERBS.contains(ws[last - 1].1) {
        last -= 1;
    }
    last
}

/// The text between the words `k` and `k + 1`.
fn gap<'t>(text: &'t str, ws: &[Word], k: usize) -> &'t str {
    &text[ws[k].0.end..ws[k + 1].0.start]
}

/// The words after the word `k` that end before the first of `stops` (or `end`), as one
/// range, if there are one to `most` of them: the speaker of `said X,` or `according to X,`.
fn words_after(
    text: &str,
    ws: &[Word],
    k: usize,
    end: usize,
    stops: &[char],
    most: usize,
) -> Option<Range<usize>> {
    let from = ws[k].0.end;
    let rest = &text[from..end];
    let stop = from + rest.find(stops).unwrap_or(rest.len());
    let inner = &ws[k + 1..];
    // Words run in text order: those before the stop are the first few.
    let n = inner.iter().take_while(|(r, _)| r.end <= stop).count();
    (1..=most)
        .contains(&n)
        .then(|| inner[0].0.start..inner[n - 1].0.end)
}
