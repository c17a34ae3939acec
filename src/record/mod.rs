//! The record newsparse prints for an article: a public interface, versioned by
//! `SCHEMA_VERSION` and described by `record.schema.json`. Field order here is the key order
//! of the JSON output, so reordering a field is a schema change. Every type is
//! `#[non_exhaustive]`: the record grows by new fields (a minor schema change), and a user's
//! code that reads it should not break when one comes. `Span` alone is a plain pair, as the
//! schema's two-number array is.

use std::ops::Range;

use serde::Serialize;

use crate::text::span::CharIndex;

pub(crate) mod html;
pub(crate) mod json;

pub use crate::text::span::Span;

/// Version of the record's shape; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// What `parse` finds in one article: the record but for `schema_version` and `source`,
/// which `render` adds. It borrows the text it was parsed from (`'a`): the paragraphs,
/// quotes and mentions are slices of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Article<'a> {
    /// The encoding the input was read in, as the WHATWG Encoding Standard names it
    /// ("UTF-8", "windows-1251"); "UTF-8" for text given as a `str`.
    pub encoding: &'static str,
    /// The language the article is written in, as decided from its text (or forced by
    /// `Options::with_language`).
    pub language: Language,
    /// The title line, without site furniture before it; null when the article opens
    /// with its dateline.
    pub headline: Option<String>,
    /// The standfirst between headline and dateline (TASS style); else null.
    pub lead: Option<String>,
    /// The dateline (`MOSCOW, May 4. /TASS/.`, `LONDON (Reuters) -`); None when none is found.
    pub dateline: Option<Dateline>,
    /// Paragraphs after the dateline (after the headline when there is no dateline),
    /// without a sign-off such as `Reuter`.
    pub body: Body<'a>,
    /// Every quotation in the headline, lead and body, in text order.
    pub quotes: Vec<Quote<'a>>,
    /// The people, countries, organizations and events named in the headline, lead and
    /// body (not the dateline).
    pub entities: Entities<'a>,
    /// Counts over the body, and of the input's replaced bytes.
    pub stats: Stats,
    /// Where `headline` and `lead` are in the decoded input: not in the record (whose
    /// headline and lead are strings, schema version 1), but the HTML page places the
    /// headline's and lead's mentions and quotes by them.
    #[serde(skip)]
    pub(crate) headline_span: Option<Span>,
    #[serde(skip)]
    pub(crate) lead_span: Option<Span>,
}

/// A language newsparse reads, as ISO 639-1 names it in the record (`en`, `ru`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Language {
    /// English.
    En,
    /// Russian.
    Ru,
}

impl Language {
    /// Its ISO 639-1 code: "en", "ru".
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ru => "ru",
        }
    }

    /// The language of `text`: Russian where Cyrillic letters outnumber Latin ones in its
    /// first kilobyte (a Russian story quotes English names, an English one Russian words
    /// seldom), else English. Counted in bytes: a Cyrillic letter (U+0400 to U+04FF) is two
    /// bytes, the first 0xD0 to 0xD3; a Latin one an ASCII letter. Decoding each character
    /// of every article cost a fifth of a batch.
    pub fn of(text: &str) -> Language {
        let head = &text.as_bytes()[..text.len().min(1024)];
        // One pass without branches, which the compiler turns into vector instructions.
        let (mut cyrillic, mut latin) = (0u32, 0u32);
        for &b in head {
            cyrillic += u32::from(b & 0xFC == 0xD0);
            latin += u32::from((b | 0x20).wrapping_sub(b'a') < 26);
        }
        if cyrillic > latin {
            Language::Ru
        } else {
            Language::En
        }
    }
}

/// The line that opens a wire story with its place, and often its date and agency:
/// `PATRIOT PARK /Moscow Region/, August 15. /TASS/.`, `BEIJING, Jan. 5 (Xinhua) --`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Dateline {
    /// The dateline as written, e.g. `PATRIOT PARK /Moscow Region/, August 15. /TASS/.`
    pub text: String,
    /// The place in title case: "Patriot Park", "Москва"; None in a dateline that names
    /// none (Russian TASS's `ТАСС, 10 августа.`).
    pub location: Option<String>,
    /// As written between the slashes or after the place, e.g. "Moscow Region", "N.J.".
    pub region: Option<String>,
    /// The month, 1 to 12; None in a dateline without a date (`MOSCOW (Reuters) -`).
    pub month: Option<u8>,
    /// The day of the month, 1 to 31; None in a dateline without a date.
    pub day: Option<u8>,
    /// Only where the article pins it: written in the dateline, or by a weekday.
    pub year: Option<i32>,
    /// ISO 8601 `YYYY-MM-DD`, present exactly when `year` is.
    pub date: Option<String>,
    /// As written: TASS, Reuters, Xinhua, AP.
    pub agency: Option<String>,
    /// Where `text` is in the decoded input.
    pub span: Span,
}

/// The paragraphs of the body. Kept in a list where that costs no more than their text (as
/// in any article); else read from the text each time they are asked for, so that an
/// article of millions of one-letter lines costs no memory for them. Serialized as the list
/// of its paragraphs.
#[derive(Clone, PartialEq)]
pub struct Body<'a> {
    text: &'a str,
    layout: crate::layout::Body,
    /// The paragraphs as byte ranges with their spans, where kept.
    kept: Option<Vec<(Range<usize>, Span)>>,
    /// The code points before the body's first byte, where the spans of paragraphs read
    /// again start counting.
    chars_before: usize,
}

impl<'a> Body<'a> {
    pub(crate) fn new(text: &'a str, mut layout: crate::layout::Body, index: &CharIndex) -> Self {
        let kept = (layout.take_kept()).map(|list| {
            list.into_iter()
                .map(|r| (r.clone(), index.span(r)))
                .collect()
        });
        Body {
            text,
            chars_before: index.chars_before(layout.start()),
            layout,
            kept,
        }
    }

    /// The paragraphs in order.
    pub fn iter(&self) -> impl Iterator<Item = Paragraph<'a>> + '_ {
        let text = self.text;
        let paragraph = move |(r, span): (Range<usize>, Span)| Paragraph {
            text: &text[r],
            span,
        };
        if let Some(kept) = &self.kept {
            return Either::Kept(kept.iter().cloned().map(paragraph));
        }
        // Code points are counted from paragraph to paragraph: linear over the body.
        let (mut byte, mut chars) = (self.layout.start(), self.chars_before);
        Either::Read(self.layout.ranges(text).map(move |r| {
            let count = |r: Range<usize>| text[r].chars().count();
            let start = chars + count(byte..r.start);
            let end = start + count(r.clone());
            (byte, chars) = (r.end, end);
            paragraph((r, Span(start, end)))
        }))
    }

    /// The paragraphs' texts, without their spans (which cost a count of code points).
    pub(crate) fn texts(&self) -> impl Iterator<Item = &'a str> + '_ {
        let text = self.text;
        self.ranges().map(|r| &text[r])
    }

    /// The paragraphs as byte ranges of the text.
    pub(crate) fn ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        match &self.kept {
            Some(kept) => Either::Kept(kept.iter().map(|(r, _)| r.clone())),
            None => Either::Read(self.layout.ranges(self.text)),
        }
    }

    /// The number of paragraphs.
    pub fn len(&self) -> usize {
        self.layout.len()
    }

    /// The bytes from the first paragraph's start to the last one's end, or a little more.
    pub(crate) fn bytes(&self) -> usize {
        self.layout.bytes()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A body's paragraphs from its list, or read from the text.
enum Either<K, R> {
    Kept(K),
    Read(R),
}

impl<T, K: Iterator<Item = T>, R: Iterator<Item = T>> Iterator for Either<K, R> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self {
            Either::Kept(k) => k.next(),
            Either::Read(r) => r.next(),
        }
    }
}

impl std::fmt::Debug for Body<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Body<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// One paragraph of the body. Paragraphs are separated by blank lines (lines wrapped
/// inside one stay in it); in an article without blank lines, each line is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Paragraph<'a> {
    /// The paragraph as written, a slice of the decoded text.
    pub text: &'a str,
    /// Where `text` is in the decoded input.
    pub span: Span,
}

/// A stretch of the text that names something.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Mention<'a> {
    /// The words as written ("Shoigu", "Russian", "Russia’s defense chief", "he").
    pub text: &'a str,
    /// Where `text` is in the decoded input.
    pub span: Span,
}

/// How much of what was said a quote holds; `direct` or `partial` in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuoteKind {
    /// A whole sentence or more.
    Direct,
    /// Words woven into reported speech.
    Partial,
}

/// A quotation in `"…"`, `“…”` or `«…»`, and who said it. A quote over several paragraphs
/// is one quote; quoted names and terms (the "Zapad-2017" exercises) are none.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Quote<'a> {
    /// The words between the marks, marks excluded (TASS's `<…>` kept); over several
    /// paragraphs, from the first to the last as written.
    pub text: &'a str,
    /// Where `text` is in the decoded input.
    pub span: Span,
    /// Who said it: the `name` of a `Person` or `Organization` in `entities`, resolved
    /// through the cue from a name, a surname, a pronoun, a description ("Russia's defense
    /// chief") or "the ministry". A quote without a cue continues the one just before it.
    /// None where the article does not say.
    pub speaker: Option<String>,
    /// The words naming the speaker at this quote ("Shoigu", "Russia’s defense chief",
    /// "he", "the ministry"), or None.
    pub speaker_mention: Option<Mention<'a>>,
    /// The reporting verb or phrase as written ("said", "told reporters", "According to"),
    /// or None.
    pub cue: Option<String>,
    /// Whether the quote is a whole sentence or words woven into reported speech.
    pub kind: QuoteKind,
}

/// The things an article names, each list in order of first mention, one entry per
/// real-world thing however it is written ("Sergey Shoigu" … "Shoigu"; "Russia",
/// "Russian", "Russia's"). An ALL CAPS headline gives none; a Title Case one only names
/// already known.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Entities<'a> {
    /// People, by name.
    pub people: Vec<Person<'a>>,
    /// Countries, named or by demonym ("Vietnamese") or possessive.
    pub countries: Vec<Country<'a>>,
    /// Organizations: ministries, councils, agencies, parties, companies, armed forces.
    pub organizations: Vec<Organization<'a>>,
    /// Named events: conferences, forums, summits, games, exercises.
    pub events: Vec<Event<'a>>,
}

/// A person the article names.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Person<'a> {
    /// The fullest form of the name in the article ("Sergey Shoigu"); as your gazetteer
    /// names the person where one of its forms was found.
    pub name: String,
    /// Its identifier where your own gazetteer gives one (typically a Wikidata QID), else
    /// None.
    pub id: Option<String>,
    /// The roles written before the name ("Russian Defense Minister", "President").
    pub titles: Vec<String>,
    /// The ISO 3166-1 alpha-2 code (such as "RU", not a name like `Country::name`) that a
    /// title's demonym or country implies ("Russian …"), else None.
    pub country: Option<String>,
    /// Every place the person is named, in text order (at least one).
    pub mentions: Vec<Mention<'a>>,
}

/// A country the article names. A country word inside a longer name ("Bank of Canada",
/// "Latin America") is no mention of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Country<'a> {
    /// The common English short name ("United States", "South Korea"), however the text
    /// writes it; in a Russian record the Russian short name ("США", "Россия").
    pub name: String,
    /// Its Wikidata QID ("Q159" for Russia; from `country-qids.tsv`), or the one your own
    /// gazetteer gives; None where none is known (Yugoslavia).
    pub id: Option<String>,
    /// The ISO 3166-1 alpha-2 code ("RU"; "XK" for Kosovo); None for former states such as
    /// the Soviet Union.
    pub iso: Option<String>,
    /// Every place the country is named, its demonyms and possessives included, in text
    /// order (at least one).
    pub mentions: Vec<Mention<'a>>,
}

/// An organization the article names.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Organization<'a> {
    /// The fullest form written ("Russian Defense Ministry", "Collective Security Treaty
    /// Organization"); as your gazetteer names it where one of its forms was found.
    pub name: String,
    /// Its identifier where your own gazetteer gives one (typically a Wikidata QID), else
    /// None.
    pub id: Option<String>,
    /// Its acronym where known or given in parentheses ("CSTO"), else None.
    pub acronym: Option<String>,
    /// Every place the organization is named, by name or acronym, in text order (at least
    /// one).
    pub mentions: Vec<Mention<'a>>,
}

/// A named event: a conference, forum, summit, games or an exercise.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Event<'a> {
    /// The name as written, with its ordinal or year ("11th Moscow Conference on
    /// International Security"); as your gazetteer names it where one of its forms was found.
    pub name: String,
    /// Its identifier where your own gazetteer gives one (typically a Wikidata QID), else
    /// None.
    pub id: Option<String>,
    /// Every place the event is named, in text order (at least one).
    pub mentions: Vec<Mention<'a>>,
}

/// Counts over the body (the dateline excluded), and of the input's undecodable bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Stats {
    /// The number of body paragraphs (`Article::body`'s length).
    pub paragraphs: usize,
    /// Sentences in the body: Unicode sentence boundaries (UAX #29), except after
    /// abbreviations ("Mr.", "U.S.", "Aug.", initials).
    pub sentences: usize,
    /// Words in the body, by UAX #29 word boundaries.
    pub words: usize,
    /// Byte sequences of the input that were no text in its encoding, now U+FFFD (0 for
    /// text given as a `str`).
    pub replaced_chars: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs<'a>(body: &Body<'a>) -> Vec<Paragraph<'a>> {
        body.iter().collect()
    }

    #[test]
    fn the_language_is_the_script_most_letters_are_in() {
        assert_eq!(
            Language::of("МОСКВА, 2 октября. /ТАСС/. Министр Оксана Лут."),
            Language::Ru
        );
        // A Russian story quoting English names, an English one quoting a Russian word.
        let ru = "Авторы полагают, что метод будет использован миссией PLATO (Planetary Transits).";
        assert_eq!(Language::of(ru), Language::Ru);
        let en = "The word \"спасибо\" means thank you, the minister said in Moscow on Monday.";
        assert_eq!(Language::of(en), Language::En);
        assert_eq!(Language::of("2024 — 15%"), Language::En);
        assert_eq!(serde_json::to_string(&Language::Ru).unwrap(), "\"ru\"");
    }

    #[test]
    fn paragraphs_kept_or_read_again_are_the_same() {
        let long = "A paragraph long enough to be kept, «with marks» and été";
        let texts = [
            format!("Title\n\nMOSCOW, May 4. /TASS/. {long}.\n\n{long},\nwrapped.\n\nReuter"),
            format!("Title\nLONDON, May 4 (Reuters) - {long}.\n{long}.\n(Reporting by A. Writer)"),
            "Τίτλος\n\nα\n\nβ\n\nγ\r\n\r\nδ\n".to_owned(),
        ];
        for (n, text) in texts.iter().enumerate() {
            let layout = crate::layout::layout(text);
            let index = CharIndex::new(text);
            let kept = Body::new(text, layout.body.clone(), &index);
            assert_eq!(kept.kept.is_some(), n < 2, "{text:?}");
            let mut read = layout.body;
            read.take_kept();
            let read = Body::new(text, read, &index);
            assert!(read.kept.is_none());
            assert_eq!(paragraphs(&kept), paragraphs(&read), "{text:?}");
            assert_eq!(kept.len(), paragraphs(&read).len());
            assert_eq!(
                kept.ranges().collect::<Vec<_>>(),
                read.ranges().collect::<Vec<_>>()
            );
            for p in kept.iter() {
                let (start, len) = (p.span.0, p.span.1 - p.span.0);
                let chars: String = text.chars().skip(start).take(len).collect();
                assert_eq!(chars, p.text);
            }
        }
    }
}
