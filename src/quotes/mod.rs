//! Quotes, and who said them.
//!
//! 1. Marks are paired within a paragraph (straight, curly and guillemet double quotes);
//!    a quote left open at the end of a paragraph goes on when the next paragraph opens
//!    with a mark, so that a quote over several paragraphs is one. An odd mark never
//!    reaches past its paragraph.
//! 2. Short quoted terms ("so-called "shadow fleet"", "the "Zapad-2017" exercises") are
//!    not quotes.
//! 3. The cue is looked for after the quote (`"…," X said`, `"…," said X`), then before
//!    it (`X said: "…"`, `according to X, "…"`); a quote without one continues the speaker
//!    of the quote just before it.
//! 4. The words that name the speaker are resolved to an entity: a name to its entity, a
//!    pronoun to the last person (or, for "it", organization) named before, a description
//!    ("Russia's defense chief") to the person whose titles fit it, "the ministry" to the
//!    last ministry named.

mod cues;
mod marks;
mod speakers;
#[cfg(test)]
mod tests;
mod words;

use std::ops::Range;

use crate::entities::{Named, Type};
use crate::record::{Entities, Mention, Quote, QuoteKind};
use crate::text::span::CharIndex;
use cues::{cue_after, cue_before, sentence_end, sentence_start};
use marks::{is_term, kind, pair};
use speakers::{Resolver, Speaker};

pub(crate) fn find<'a>(
    text: &'a str,
    fields: &[Range<usize>],
    entities: &Entities,
    named: &[Named],
    index: &CharIndex,
) -> Vec<Quote<'a>> {
    let resolver = Resolver::new(text, entities, named);
    let mut out: Vec<Quote> = Vec::new();
    // The last field of the quote before, and its speaker.
    let mut previous: Option<(usize, Option<Speaker>)> = None;
    for q in pair(text, fields) {
        let first = &fields[q.field];
        let last = &fields[q.last_field];
        let sent_start = sentence_start(text, first.start, q.open);
        let after_end = sentence_end(text, q.close_end, last.end);
        let after = cue_after(text, q.close_end, after_end).filter(|c| c.speaker.is_some());
        // `"Comply," it added`: punctuation inside the marks, then the cue.
        let cued_after = after.is_some()
            && text[q.text.clone()]
                .trim_end()
                .ends_with([',', '.', '!', '?', '…']);
        let cue = after.or_else(|| cue_before(text, sent_start, q.open));
        let kind = kind(text, &q, sent_start);
        if !cued_after && is_term(text, &q, cue.is_some() || kind == QuoteKind::Direct) {
            continue;
        }
        let before_speaker = previous.as_ref().and_then(|(_, s)| s.as_ref());
        let (speaker, speaker_mention, cue_text) = match &cue {
            Some(c) => {
                // The words before the verb, else the name before an apposition.
                // A name before an apposition beats the description after it.
                let names_entity = |r: &Range<usize>| {
                    resolver
                        .named_within(r)
                        .any(|n| matches!(n.kind, Type::Person | Type::Organization))
                };
                let candidates: Vec<&Range<usize>> = c
                    .named
                    .iter()
                    .filter(|r| names_entity(r))
                    .chain(&c.speaker)
                    .chain(&c.named)
                    .collect();
                // The first that names an entity; else the first, with no speaker.
                let chosen = candidates
                    .iter()
                    .find_map(|r| {
                        resolver
                            .resolve(r, before_speaker)
                            .map(|s| ((*r).clone(), Some(s)))
                    })
                    .or_else(|| candidates.first().map(|r| ((*r).clone(), None)));
                let (speaker, mention) = match chosen {
                    Some((r, found)) => (
                        found,
                        Some(Mention {
                            text: &text[r.clone()],
                            span: index.span(r),
                        }),
                    ),
                    None => (None, None),
                };
                (speaker, mention, Some(text[c.cue.clone()].to_owned()))
            }
            // No cue: a quote right after another continues its speaker; else it most
            // likely belongs to whom the article is about.
            None => {
                let opens_paragraph = text[first.start..q.open].trim().is_empty();
                // (An unknown speaker, "one said", goes on unknown.)
                let continued = previous
                    .as_ref()
                    .filter(|(f, _)| q.field == *f || opens_paragraph && q.field == f + 1)
                    .map(|(_, s)| s.clone());
                (
                    continued.unwrap_or_else(|| resolver.protagonist()),
                    None,
                    None,
                )
            }
        };
        previous = Some((q.last_field, speaker.clone()));
        out.push(Quote {
            text: &text[q.text.clone()],
            span: index.span(q.text.clone()),
            speaker: speaker.map(|s| s.name),
            speaker_mention,
            cue: cue_text,
            kind,
        });
    }
    out
}
