//! newsparse: the structure of a news-agency article (headline, lead, dateline, body) as
//! one JSON record. The library does no I/O: `decode` bytes, `parse` text, `render` the
//! record; the `newsparse` binary reads files and writes records.
//!
//! ```
//! use newsparse::{parse, Date, Options};
//! let options = Options { reference_date: Date::new(2026, 11, 27).unwrap() };
//! let article = parse("Title\n\nMOSCOW, May 4. /TASS/. Text.", &options);
//! assert_eq!(article.headline.as_deref(), Some("Title"));
//! assert_eq!(article.dateline.unwrap().location, "Moscow");
//! ```

mod entities;
mod layout;
mod quotes;
mod record;
mod text;

pub use layout::calendar::Date;
pub use record::json::{SCHEMA, Style, render};
pub use record::*;
pub use text::decode::{DecodeError, Decoded, decode, encoding_for_label};

use layout::dateline;
use text::sentences;
use text::span::CharIndex;

/// What a parse depends on besides the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The latest date a weekday may resolve a dateline's year to ("today").
    pub reference_date: Date,
}

/// The structure of one article. Never fails: text that is no article still gets a record.
pub fn parse<'a>(text: &'a str, options: &Options) -> Article<'a> {
    let layout = layout::layout(text);
    let index = CharIndex::new(text);
    let owned = |r: &std::ops::Range<usize>| text[r.clone()].to_owned();

    let body: Vec<Paragraph> = layout
        .body
        .iter()
        .map(|r| Paragraph {
            text: &text[r.clone()],
            span: index.span(r.clone()),
        })
        .collect();

    let dateline = layout.dateline.map(|(range, found)| {
        let year = found
            .year
            .or_else(|| match (found.month, found.day, body.first()) {
                (Some(m), Some(d), Some(first)) => {
                    dateline::year_from_weekday(m, d, first.text, options.reference_date)
                }
                _ => None,
            });
        let date = match (year, found.month, found.day) {
            (Some(y), Some(m), Some(d)) => Date::new(y, m, d).map(|date| date.to_string()),
            _ => None,
        };
        Dateline {
            text: owned(&range),
            location: found.location,
            region: found.region,
            month: found.month,
            day: found.day,
            year: date.as_ref().and(year),
            date,
            agency: found.agency,
            span: index.span(range),
        }
    });

    let stats = Stats {
        paragraphs: body.len(),
        sentences: body
            .iter()
            .map(|p| sentences::count_sentences(p.text))
            .sum(),
        words: body.iter().map(|p| sentences::count_words(p.text)).sum(),
        // Known to the decoder, not to `parse`.
        replaced_chars: 0,
    };

    let mut fields = Vec::with_capacity(body.len() + 2);
    if let Some(h) = &layout.headline {
        fields.push((h.clone(), entities::headline_mode(&text[h.clone()])));
    }
    fields.extend(
        layout
            .lead
            .iter()
            .chain(&layout.body)
            .map(|r| (r.clone(), entities::Mode::Full)),
    );
    let (entities, named) = entities::find(text, &fields, &index, entities::Gazetteer::builtin());
    let field_ranges: Vec<_> = fields.iter().map(|(r, _)| r.clone()).collect();
    let quotes = quotes::find(text, &field_ranges, &entities, &named, &index);

    Article {
        headline: layout.headline.as_ref().map(owned),
        lead: layout.lead.as_ref().map(owned),
        dateline,
        body,
        quotes,
        entities,
        stats,
    }
}
