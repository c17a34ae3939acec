//! Quotes, and who said them. Takes the text, its fields (headline, lead, body paragraphs),
//! the entities found in it and their mentions; gives each quote with its speaker, the words
//! that name the speaker, its cue and its kind. A step per module, in the order a reader
//! works a quote out, so that each rule has one room:
//!
//! 1. [`marks`]: marks are paired within a paragraph; a quote over several paragraphs is
//!    one, an odd mark never reaches past its paragraph; short quoted terms ("so-called
//!    "shadow fleet"") are not quotes.
//! 2. [`cues`]: the cue is looked for after the quote (`"…," X said`, `"…," said X`), then
//!    before it (`X said: "…"`, `according to X, "…"`).
//! 3. [`speakers`]: the cue's words are resolved to a person or organization: a name, a
//!    pronoun, a description ("Russia's defense chief"), "the ministry", a document.
//! 4. Here: a quote without a cue continues the speaker of the quote just before it, else
//!    is given to the person the article names most.

mod cues;
mod marks;
mod russian;
mod speakers;
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::entities::Named;
use crate::record::{Entities, Mention, Quote, QuoteKind};
use crate::text::span::CharIndex;
use cues::{Cue, cue_after, cue_before, sentence_end, sentence_start};
use marks::{Raw, is_term, kind, pair, pair_nested};
use speakers::{Resolver, Speaker};

/// The quotes of an article, in text order.
pub(crate) fn find<'a>(
    text: &'a str,
    fields: impl IntoIterator<Item = Range<usize>>,
    entities: &Entities,
    named: &[Named],
    index: &CharIndex,
    russian: bool,
) -> Vec<Quote<'a>> {
    let raws = if russian {
        pair_nested(text, fields)
    } else {
        pair(text, fields)
    };
    // The quotes with their cues, quoted terms left out: known before any speaker is
    // resolved, for in Russian copy a name inside a quote is passed over.
    let found: Vec<(Raw, Option<Cue>, QuoteKind)> = raws
        .into_iter()
        .filter_map(|q| cue_and_kind(text, &q, russian).map(|(c, k)| (q, c, k)))
        .collect();
    let mut resolver = Resolver::new(text, entities, named, russian);
    if russian {
        resolver.quoted = found.iter().map(|(q, ..)| q.text.clone()).collect();
    }
    let mut out: Vec<Quote> = Vec::new();
    // The last field of the quote before, and its speaker.
    let mut previous: Option<(usize, Option<Speaker>)> = None;
    for (q, cue, kind) in found {
        let (speaker, words) = match &cue {
            Some(c) => {
                let before = previous.as_ref().and_then(|(_, s)| s.as_ref());
                resolver
                    .choose(c, before)
                    .map_or((None, None), |(r, s)| (s, Some(r)))
            }
            None => (continued(text, &q, previous.as_ref(), &resolver), None),
        };
        previous = Some((q.last_field, speaker.clone()));
        out.push(Quote {
            text: &text[q.text.clone()],
            span: index.span(q.text.clone()),
            speaker: speaker.map(|s| s.name),
            speaker_mention: words.map(|r| {
                let r = closed(text, r);
                Mention {
                    text: &text[r.clone()],
                    span: index.span(r),
                }
            }),
            cue: cue.map(|c| text[c.cue].to_owned()),
            kind,
        });
    }
    out
}

/// The words of a speaker with the bracket they leave open closed: the words before a verb
/// end at a word, and "the Collective Security Treaty Organization (CSTO" takes its ")".
fn closed(text: &str, words: Range<usize>) -> Range<usize> {
    let inner = &text[words.clone()];
    let open = inner.matches('(').count() > inner.matches(')').count();
    if open && text[words.end..].starts_with(')') {
        words.start..words.end + 1
    } else {
        words
    }
}

/// A quote's cue, if it has one, and its kind; nothing for a quoted term.
fn cue_and_kind(text: &str, q: &Raw, russian: bool) -> Option<(Option<Cue>, QuoteKind)> {
    let sent_start = sentence_start(text, q.field_start, q.open);
    let after_end = sentence_end(text, q.close_end, q.last_field_end);
    // `"… proposal." No other details were disclosed.`: a full stop inside the marks ends
    // the sentence, unless the cue follows at once (`"…." Smith said`).
    let stopped = text[q.text.clone()].trim_end().ends_with('.');
    let after = if russian {
        russian::cue_after(text, q.close_end, after_end)
    } else {
        cue_after(text, q.close_end, after_end)
    };
    let after = after.filter(|c| {
        c.speaker.is_some()
            && (!stopped || text[q.close_end..c.cue.start].split_whitespace().count() <= 4)
    });
    // `"Comply," it added`: punctuation inside the marks, then the cue.
    let cued_after = after.is_some()
        && text[q.text.clone()]
            .trim_end()
            .ends_with([',', '.', '!', '?', '…']);
    let cue = after.or_else(|| {
        if russian {
            russian::cue_before(text, sent_start, q.open)
        } else {
            cue_before(text, sent_start, q.open)
        }
    });
    let kind = kind(text, q, sent_start);
    if !cued_after && is_term(text, q, cue.is_some() || kind == QuoteKind::Direct, russian) {
        return None;
    }
    Some((cue, kind))
}

/// The speaker of a quote without a cue: a quote right after another (in its paragraph, or
/// opening the next) continues its speaker, even an unknown one ("one said"); else the
/// quote most likely belongs to whom the article is about.
fn continued(
    text: &str,
    q: &Raw,
    previous: Option<&(usize, Option<Speaker>)>,
    resolver: &Resolver,
) -> Option<Speaker> {
    let opens_paragraph = text[q.field_start..q.open].trim().is_empty();
    previous
        .filter(|(f, _)| q.field == *f || opens_paragraph && q.field == f + 1)
        .map_or_else(|| resolver.protagonist(), |(_, s)| s.clone())
}
