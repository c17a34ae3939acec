//! The invariants every record must hold, written once for both fuzz targets (`parse.rs`
//! and `article.rs` include this file by `#[path]`): bytes in, decode, parse, render, and
//! then
//! - the record is JSON, valid against `src/record/record.schema.json`, and says what
//!   serde says of the same article; the pretty layout is the same record;
//! - every `{text, span}` slices back to its text in code points (the integration tests'
//!   span checker, the very file);
//! - a second parse of the same text is equal and renders to the same bytes;
//! - the record agrees with itself: the counts and encoding with the decoded text, every
//!   quote's speaker names a person or organization in the record, paragraphs, quotes and
//!   each entity's mentions in text order and apart, entities in order of first mention and
//!   each named once, no mention inside the dateline, a dateline's month, day and date real.

use std::sync::LazyLock;

use newsparse::{Article, Date, Encoding, Mention, Options, Span, Style, decode, render};
use serde_json::Value;

#[path = "../../tests/common/spans.rs"]
mod spans;

static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: Value =
        serde_json::from_str(include_str!("../../src/record/record.schema.json")).unwrap();
    jsonschema::validator_for(&schema).expect("the schema compiles")
});

/// Decodes `bytes` (in `forced`, else as sniffed), parses and checks every invariant;
/// panics on a broken one. Bytes that decode to no text are no article, and pass.
pub fn check(bytes: &[u8], forced: Option<&'static Encoding>) {
    let Ok(decoded) = decode(bytes, forced) else {
        return;
    };
    let options = Options::default().with_reference_date(Date::new(2026, 11, 27).unwrap());
    let article = decoded.parse(&options);
    let mut out = Vec::new();
    render(&mut out, "-", &article, Style::Compact).expect("a Vec takes it");
    let record: Value = serde_json::from_slice(&out).expect("the record is JSON");
    let errors: Vec<String> = SCHEMA.iter_errors(&record).map(|e| e.to_string()).collect();
    assert!(
        errors.is_empty(),
        "the record fails the schema: {errors:#?}"
    );
    // The hand-written JSON says what serde says of the same article.
    let serde_view = serde_json::to_value(&article).expect("an article serializes");
    for (key, value) in serde_view.as_object().expect("an object") {
        assert_eq!(&record[key], value, "{key}");
    }
    let mut pretty = Vec::new();
    render(&mut pretty, "-", &article, Style::Pretty).expect("a Vec takes it");
    let pretty: Value = serde_json::from_slice(&pretty).expect("the pretty record is JSON");
    assert_eq!(pretty, record, "the pretty record differs");
    let chars: Vec<char> = decoded.text.chars().collect();
    spans::check_spans(&record, &chars);

    // Deterministic: hash maps seeded afresh, the same article and the same bytes.
    let again = decoded.parse(&options);
    assert_eq!(again, article, "a second parse differs");
    let mut out_again = Vec::new();
    render(&mut out_again, "-", &again, Style::Compact).expect("a Vec takes it");
    assert!(out_again == out, "a second render differs");

    assert_eq!(article.encoding, decoded.encoding);
    assert_eq!(article.stats.replaced_chars, decoded.replaced_chars);
    check_article(&article);
}

fn check_article(article: &Article) {
    assert_eq!(
        article.stats.paragraphs,
        article.body.len(),
        "stats.paragraphs"
    );
    let dateline = article.dateline.as_ref().map(|d| d.span);
    if let Some(d) = &article.dateline {
        if let Some(month) = d.month {
            assert!((1..=12).contains(&month), "dateline month {month}");
        }
        if let Some(day) = d.day {
            assert!((1..=31).contains(&day), "dateline day {day}");
        }
        assert_eq!(
            d.year.is_some(),
            d.date.is_some(),
            "a date exactly with a year"
        );
        if let (Some(year), Some(date)) = (d.year, &d.date) {
            let (month, day) = (
                d.month.expect("a date's month"),
                d.day.expect("a date's day"),
            );
            assert_eq!(
                *date,
                format!("{year:04}-{month:02}-{day:02}"),
                "dateline date"
            );
            assert!(day <= days_in_month(year, month), "no such day: {date}");
        }
    }

    // Paragraphs: in order, apart, after the dateline.
    let mut last_end = dateline.map_or(0, |d| d.1);
    for p in article.body.iter() {
        assert!(
            p.span.0 >= last_end,
            "paragraph {:?} overlaps what precedes it",
            p.span
        );
        assert!(p.span.0 < p.span.1, "empty paragraph at {:?}", p.span);
        last_end = p.span.1;
    }

    // Quotes: in text order and apart; a speaker is an entity in the record.
    let mut last_end = 0;
    for q in &article.quotes {
        assert!(
            q.span.0 >= last_end,
            "quote {:?} overlaps the one before",
            q.span
        );
        last_end = q.span.1;
        if let Some(speaker) = &q.speaker {
            let e = &article.entities;
            assert!(
                e.people.iter().any(|p| p.name == *speaker)
                    || e.organizations.iter().any(|o| o.name == *speaker),
                "quote {:?}: speaker {speaker:?} is no person or organization of the record",
                q.span
            );
        }
        if let Some(cue) = &q.cue {
            assert!(!cue.trim().is_empty(), "quote {:?}: blank cue", q.span);
        }
        if let Some(m) = &q.speaker_mention {
            check_mention(m, dateline);
        }
    }

    let e = &article.entities;
    check_list(
        "people",
        e.people.iter().map(|p| (&p.name, &p.mentions[..])),
        dateline,
    );
    check_list(
        "countries",
        e.countries.iter().map(|c| (&c.name, &c.mentions[..])),
        dateline,
    );
    check_list(
        "organizations",
        e.organizations.iter().map(|o| (&o.name, &o.mentions[..])),
        dateline,
    );
    check_list(
        "events",
        e.events.iter().map(|v| (&v.name, &v.mentions[..])),
        dateline,
    );
}

/// One list of entities: each named once, with mentions in text order and apart, the
/// list in order of first mention, no span a mention of two entities.
fn check_list<'a, 'b: 'a>(
    kind: &str,
    entities: impl Iterator<Item = (&'a String, &'a [Mention<'b>])>,
    dateline: Option<Span>,
) {
    let mut names = std::collections::HashSet::new();
    let mut spans = std::collections::HashSet::new();
    let mut last_first = None;
    for (name, mentions) in entities {
        assert!(!name.trim().is_empty(), "{kind}: a blank name");
        assert!(names.insert(name), "{kind}: {name:?} twice");
        let first = mentions
            .first()
            .unwrap_or_else(|| panic!("{kind}: {name:?} unmentioned"));
        assert!(
            last_first.is_none_or(|s| s < first.span.0),
            "{kind}: {name:?} out of order of first mention"
        );
        last_first = Some(first.span.0);
        let mut last_end = 0;
        for m in mentions {
            check_mention(m, dateline);
            assert!(
                m.span.0 >= last_end,
                "{kind}: {name:?}'s mention {:?} out of order or overlapping",
                m.span
            );
            last_end = m.span.1;
            assert!(
                spans.insert(m.span),
                "{kind}: {:?} a mention of two",
                m.span
            );
        }
    }
}

fn check_mention(m: &Mention, dateline: Option<Span>) {
    assert!(
        m.span.0 < m.span.1 && !m.text.trim().is_empty(),
        "blank mention at {:?}",
        m.span
    );
    if let Some(d) = dateline {
        assert!(
            m.span.1 <= d.0 || m.span.0 >= d.1,
            "mention {:?} {:?} inside the dateline {d:?}",
            m.text,
            m.span
        );
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
