//! The record newsparse prints for an article: a public interface, versioned by
//! `SCHEMA_VERSION` and described by `record.schema.json`. Field order here is the key order
//! of the JSON output, so reordering a field is a schema change. Every type is
//! `#[non_exhaustive]`: the record grows by new fields (a minor schema change), and a user's
//! code that reads it should not break when one comes. `Span` alone is a plain pair, as the
//! schema's two-number array is.

use serde::Serialize;

pub(crate) mod json;

pub use crate::text::span::Span;

/// Version of the record's shape; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// What `parse` finds in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Article<'a> {
    /// The encoding the input was read in, as the WHATWG Encoding Standard names it
    /// ("UTF-8", "windows-1251"); "UTF-8" for text given as a `str`.
    pub encoding: &'static str,
    /// The title line, without site furniture before it; null when the article opens
    /// with its dateline.
    pub headline: Option<String>,
    /// The standfirst between headline and dateline (TASS style); else null.
    pub lead: Option<String>,
    pub dateline: Option<Dateline>,
    /// Paragraphs after the dateline (after the headline when there is no dateline),
    /// without a sign-off such as `Reuter`.
    pub body: Vec<Paragraph<'a>>,
    pub quotes: Vec<Quote<'a>>,
    pub entities: Entities<'a>,
    pub stats: Stats,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Dateline {
    /// The dateline as written, e.g. `PATRIOT PARK /Moscow Region/, August 15. /TASS/.`
    pub text: String,
    /// The place in title case: "Patriot Park".
    pub location: String,
    /// As written between the slashes or after the place, e.g. "Moscow Region", "N.J.".
    pub region: Option<String>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// Only where the article pins it: written in the dateline, or by a weekday.
    pub year: Option<i32>,
    /// ISO 8601 `YYYY-MM-DD`, present exactly when `year` is.
    pub date: Option<String>,
    /// As written: TASS, Reuters, Xinhua, AP.
    pub agency: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Paragraph<'a> {
    pub text: &'a str,
    pub span: Span,
}

/// A stretch of the text that names something.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Mention<'a> {
    pub text: &'a str,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuoteKind {
    /// A whole sentence or more.
    Direct,
    /// Words woven into reported speech.
    Partial,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Quote<'a> {
    pub text: &'a str,
    pub span: Span,
    pub speaker: Option<String>,
    pub speaker_mention: Option<Mention<'a>>,
    pub cue: Option<String>,
    pub kind: QuoteKind,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Entities<'a> {
    pub people: Vec<Person<'a>>,
    pub countries: Vec<Country<'a>>,
    pub organizations: Vec<Organization<'a>>,
    pub events: Vec<Event<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Person<'a> {
    pub name: String,
    pub titles: Vec<String>,
    pub country: Option<String>,
    pub mentions: Vec<Mention<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Country<'a> {
    pub name: String,
    pub iso: Option<String>,
    pub mentions: Vec<Mention<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Organization<'a> {
    pub name: String,
    pub acronym: Option<String>,
    pub mentions: Vec<Mention<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Event<'a> {
    pub name: String,
    pub mentions: Vec<Mention<'a>>,
}

/// Counts over the body (the dateline excluded), and of the input's undecodable bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Stats {
    pub paragraphs: usize,
    pub sentences: usize,
    pub words: usize,
    /// Byte sequences of the input that were no text in its encoding, now U+FFFD (0 for
    /// text given as a `str`).
    pub replaced_chars: usize,
}
