//! newsparse: the structure of a news-agency article (headline, lead, dateline, body) as
//! one JSON record. The library does no I/O and reads no clock: `decode` bytes, `parse` the
//! text, `render` the record into any writer; the `newsparse` binary (feature `cli`) reads
//! files and writes records. Every public item is at this root; the modules are private.
//!
//! ```
//! use newsparse::{Date, Options, Style, decode, render};
//! let options = Options::default().with_reference_date(Date::new(2026, 11, 27).unwrap());
//! let decoded = decode(b"Title\n\nMOSCOW, May 4. /TASS/. Text.", None)?;
//! let article = decoded.parse(&options);
//! assert_eq!(article.headline.as_deref(), Some("Title"));
//! assert_eq!(article.dateline.as_ref().unwrap().location.as_deref(), Some("Moscow"));
//! assert_eq!((article.encoding, article.stats.replaced_chars), ("UTF-8", 0));
//! let mut record = Vec::new();
//! render(&mut record, "article.txt", &article, Style::Compact)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Bytes become a record in two calls, `decode` then `Decoded::parse`, not one, because the
//! `Article` borrows the decoded text (its paragraphs, quotes and mentions are slices of it,
//! not copies): the `Decoded` that owns that text must be kept in a variable of its own and
//! outlive the article. Text already in a `str` goes straight to `parse(text, &options)`,
//! and its article borrows that `str`.

#![warn(missing_docs)]

mod entities;
mod layout;
mod quotes;
mod record;
mod text;

/// The tests' access to the shared corpus beside the repository (CI requires it).
#[cfg(test)]
#[path = "../tests/common/shared.rs"]
mod shared;

pub use encoding_rs::Encoding;
pub use entities::{AddError, Gazetteer, UserType};
pub use layout::calendar::{Date, DateParseError};
pub use record::html::render_html;
pub use record::json::{SCHEMA, Style, acts_on_terminal, render, render_to_vec};
pub use record::*;
pub use text::decode::{DecodeError, Decoded, decode};

use layout::dateline;
use std::ops::Range;
use text::{sentences, wordcount};

use text::span::CharIndex;

/// What a parse depends on besides the text. `Options::default()` pins no year by a weekday
/// (that needs today's date, and the library reads no clock; the command line passes today)
/// and knows the names of the built-in gazetteer.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options<'g> {
    /// The latest date a weekday in the first paragraph ("on Tuesday") may resolve a
    /// dateline's year to: "today" for current news. None: a weekday pins no year.
    pub reference_date: Option<Date>,
    /// The names and words the entity rules know: a value, not statics, so that a user's
    /// own list can be merged into the built-in one.
    pub gazetteer: &'g Gazetteer,
    /// The article's language, if known; else decided from its text (`Language::of`).
    pub language: Option<Language>,
}

impl Default for Options<'static> {
    fn default() -> Self {
        Options {
            reference_date: None,
            language: None,
            gazetteer: Gazetteer::builtin(),
        }
    }
}

impl<'g> Options<'g> {
    /// These options with `reference_date` set.
    pub fn with_reference_date(self, date: Date) -> Options<'g> {
        Options {
            reference_date: Some(date),
            ..self
        }
    }

    /// These options with another gazetteer.
    pub fn with_gazetteer(self, gazetteer: &Gazetteer) -> Options<'_> {
        Options {
            reference_date: self.reference_date,
            gazetteer,
            language: self.language,
        }
    }

    /// These options with the language forced, not decided from the text.
    pub fn with_language(self, language: Language) -> Options<'g> {
        Options {
            language: Some(language),
            ..self
        }
    }
}

impl Decoded<'_> {
    /// The structure of the decoded article, with the encoding it was read in and the count
    /// of replaced bytes: `parse` of its text, and the two filled in.
    pub fn parse(&self, options: &Options) -> Article<'_> {
        let mut article = parse(&self.text, options);
        article.encoding = self.encoding;
        article.stats.replaced_chars = self.replaced_chars;
        article
    }
}

/// The structure of one article, from text in a `str` (so read as UTF-8, nothing replaced).
/// Never fails: text that is no article still gets a record.
pub fn parse<'a>(text: &'a str, options: &Options) -> Article<'a> {
    // Lines: furniture, headline, lead, dateline, body, sign-off (byte ranges).
    let mut layout = layout::layout(text);
    // Byte offsets to the code-point spans the record gives.
    let index = CharIndex::new(text);
    let body = Body::new(text, std::mem::take(&mut layout.body), &index);
    let dateline = layout
        .dateline
        .take()
        .map(|(range, found)| dateline(text, range, found, &body, options, &index));
    let stats = stats(&body);
    // Entities in the headline, the lead and the body; then the quotes and who said them.
    let fields = || fields(text, &layout, &body);
    let language = options.language.unwrap_or_else(|| Language::of(text));
    let russian = language == Language::Ru;
    let (mut entities, named) = entities::find(text, fields, &index, options.gazetteer, russian);
    // A Russian record names its countries as Russian copy does (GUIDELINES-ru.md).
    if language == Language::Ru {
        for c in &mut entities.countries {
            if let Some(ru) = options.gazetteer.russian_name(&c.name, c.iso.as_deref()) {
                c.name = ru.to_owned();
            }
        }
    }
    let field_ranges = fields().map(|(r, _)| r);
    let quotes = quotes::find(text, field_ranges, &entities, &named, &index, russian);
    let owned = |r: &Range<usize>| text[r.clone()].to_owned();
    Article {
        encoding: "UTF-8",
        language,
        headline: layout.headline.as_ref().map(owned),
        lead: layout.lead.as_ref().map(owned),
        headline_span: layout.headline.clone().map(|r| index.span(r)),
        lead_span: layout.lead.clone().map(|r| index.span(r)),
        dateline,
        body,
        quotes,
        entities,
        stats,
    }
}

/// The dateline found, its year pinned by a weekday in the first paragraph where the
/// dateline gives none and `options` has a reference date.
fn dateline(
    text: &str,
    range: Range<usize>,
    found: dateline::Found,
    body: &Body,
    options: &Options,
    index: &CharIndex,
) -> Dateline {
    let first = body.texts().next();
    let year =
        found.year.or_else(
            || match (found.month, found.day, first, options.reference_date) {
                (Some(m), Some(d), Some(first), Some(today)) => {
                    dateline::year_from_weekday(m, d, first, today)
                }
                _ => None,
            },
        );
    let date = match (year, found.month, found.day) {
        (Some(y), Some(m), Some(d)) => Date::new(y, m, d).map(|date| date.to_string()),
        _ => None,
    };
    Dateline {
        text: text[range.clone()].to_owned(),
        location: found.location,
        region: found.region,
        month: found.month,
        day: found.day,
        year: date.as_ref().and(year),
        date,
        agency: found.agency,
        span: index.span(range),
    }
}

fn stats(body: &Body) -> Stats {
    let (mut sentences, mut words) = (0, 0);
    for p in body.texts() {
        sentences += sentences::count_sentences(p);
        words += wordcount::count_words(p);
    }
    Stats {
        paragraphs: body.len(),
        sentences,
        words,
        // Text in a `str` is UTF-8 with nothing replaced; `Decoded::parse` says otherwise.
        replaced_chars: 0,
    }
}

/// The stretches entities and quotes are looked for in, each with how far its capitals are
/// trusted: the headline (a Title Case one for known names only, an ALL CAPS one not at
/// all), the lead and every paragraph; made afresh for each reading (the body's paragraphs
/// are not kept).
fn fields<'l>(
    text: &'l str,
    layout: &'l layout::Layout,
    body: &'l Body,
) -> impl Iterator<Item = (Range<usize>, entities::Mode)> + 'l {
    let headline =
        (layout.headline.clone()).map(|h| (h.clone(), entities::headline_mode(&text[h])));
    let rest = (layout.lead.clone().into_iter())
        .chain(body.ranges())
        .map(|r| (r, entities::Mode::Full));
    headline.into_iter().chain(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Title\n\nPATRIOT PARK, August 15. /TASS/. Shoigu spoke on Tuesday.";

    #[test]
    fn parse_names_what_the_gazetteer_of_its_options_knows() {
        let date = Date::new(2026, 11, 27).unwrap();
        let without = &entities::WITHOUT_PHRASES;
        let text = "MOSCOW, May 4. /TASS/. Russia and France met.";
        let builtin = Options::default().with_reference_date(date);
        assert_eq!(parse(text, &builtin).entities.countries.len(), 2);
        // Each setter keeps the other option.
        let options = builtin.clone().with_gazetteer(without);
        assert_eq!(options.reference_date, Some(date));
        assert!(std::ptr::eq(options.gazetteer, without));
        let options = Options::default()
            .with_gazetteer(without)
            .with_reference_date(date);
        assert!(std::ptr::eq(options.gazetteer, without));
        assert!(parse(text, &options).entities.countries.is_empty());
    }

    #[test]
    fn a_russian_record_names_its_countries_in_russian() {
        let names = |text, options: &Options| -> Vec<(String, Option<String>)> {
            let countries = parse(text, options).entities.countries;
            countries.into_iter().map(|c| (c.name, c.iso)).collect()
        };
        let ru = "МОСКВА, 4 мая. /ТАСС/. Переговоры России и Китая прошли в Пекине.";
        let expected = |a: &str, b: &str| {
            vec![
                (a.to_owned(), Some("RU".to_owned())),
                (b.to_owned(), Some("CN".to_owned())),
            ]
        };
        assert_eq!(names(ru, &Options::default()), expected("Россия", "Китай"));
        // The same words in a record forced to English keep the English names.
        let en = Options::default().with_language(Language::En);
        assert_eq!(names(ru, &en), expected("Russia", "China"));
    }

    #[test]
    fn a_weekday_pins_a_year_only_with_a_reference_date() {
        let dateline = |options| parse(ARTICLE, &options).dateline.expect("a dateline");
        let pinned =
            dateline(Options::default().with_reference_date(Date::new(2026, 11, 27).unwrap()));
        assert_eq!(
            (pinned.year, pinned.date.as_deref()),
            (Some(2023), Some("2023-08-15"))
        );
        let unpinned = dateline(Options::default());
        assert_eq!((unpinned.year, unpinned.date), (None, None));
        assert_eq!((unpinned.month, unpinned.day), (Some(8), Some(15)));
    }

    #[test]
    fn decoded_parse_fills_the_encoding_and_the_replaced_bytes() {
        let mut bytes = ARTICLE.as_bytes().to_vec();
        bytes.extend_from_slice(" Ünïcødé text, then a byte that is no UTF-8: ".as_bytes());
        bytes.push(0xFF);
        let decoded = decode(&bytes, None).unwrap();
        let article = decoded.parse(&Options::default());
        assert_eq!(
            (article.encoding, article.stats.replaced_chars),
            ("UTF-8", 1)
        );
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(ARTICLE);
        let decoded = decode(&cp1251, Encoding::for_label(b"windows-1251")).unwrap();
        let article = decoded.parse(&Options::default());
        assert_eq!(
            (article.encoding, article.stats.replaced_chars),
            ("windows-1251", 0)
        );
        assert_eq!(parse(ARTICLE, &Options::default()).encoding, "UTF-8");
    }
}
