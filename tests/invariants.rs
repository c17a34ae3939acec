//! Invariants over arbitrary text: `parse` never panics, its record validates against the
//! JSON Schema, and every `{text, span}` slices back to its text in code points.

mod common;

use newsparse::{Date, Options, Style, parse, render};
use proptest::prelude::*;

fn check(text: &str) {
    let options = Options::default().with_reference_date(Date::new(2026, 11, 27).unwrap());
    let article = parse(text, &options);
    let mut out = Vec::new();
    render(&mut out, "-", &article, Style::Compact).expect("a Vec takes it");
    let record: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    // Valid against the JSON Schema, every span inside the text and slicing to its text.
    common::check_record(&record, text);
    // The hand-written JSON says what serde says of the same article, in both layouts.
    let serde_view = serde_json::to_value(&article).expect("an article serializes");
    for (key, value) in serde_view.as_object().expect("an object") {
        assert_eq!(&record[key], value, "{key}");
    }
    let mut pretty = Vec::new();
    render(&mut pretty, "-", &article, Style::Pretty).expect("a Vec takes it");
    let pretty: serde_json::Value = serde_json::from_slice(&pretty).expect("valid JSON");
    assert_eq!(pretty, record);
}

/// Pieces of wire copy, to make texts that look enough like articles to reach every stage.
const PIECES: &[&str] = &[
    "MOSCOW, May 4. /TASS/. ",
    "WASHINGTON, March 4 (Reuters) - ",
    "BEIJING, Jan. 5 (Xinhua) -- ",
    "All news\n\n",
    "\n\n",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\"",
    "“",
    "”",
    "«",
    "»",
    "'",
    "’",
    "Russian Defense Minister Sergey Shoigu said",
    "the ministry said",
    "he added",
    "according to ",
    "U.S. ",
    "Mr. ",
    "Gelco Corp",
    "(NGEA)",
    "11th Conference on Peace",
    "Zapad-2017",
    "al-Sabah",
    "é",
    "🙂",
    "\u{200b}",
    "\u{a0}",
    "\t",
    ".",
    "?",
    "!",
    ",",
    ":",
    "Reuter",
    "on Tuesday",
    "<…>",
    "—",
    "-",
    "PARIS",
    "Paris",
    "NATO-like",
    "ASEAN",
    "Latin American",
    "John Holland",
    "\u{2000}",
    "\u{3000}",
    "\u{85}",
    "\u{2028}",
    "\u{301}",
    "\u{5d0}",
    "Ü",
    "’s",
    "s’",
    "Corp.",
    "of",
    "and",
    "President",
    "Bank",
    "Ministry",
    "(",
    ")",
    "/",
    "/TASS/.",
    " -- ",
    "Jan.",
    "15",
    "2024",
    "The",
    "said:",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn any_text(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn article_like_text(pieces in proptest::collection::vec(0..PIECES.len(), 0..80)) {
        let text: String = pieces.into_iter().map(|i| PIECES[i]).collect();
        check(&text);
    }
}

/// The corpus articles, where `../shared/corpus` is at hand (read once: the property
/// below runs hundreds of cases).
static CORPUS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    let Some(dir) = common::shared_corpus() else {
        return Vec::new();
    };
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    texts.sort();
    texts
});

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Real articles with pieces cut out and others put in.
    #[test]
    fn edited_corpus_articles(article in 0usize..1000, edits in proptest::collection::vec((0usize..100_000, 0usize..40, 0..PIECES.len()), 0..12)) {
        let texts = &*CORPUS;
        if texts.is_empty() {
            return Ok(());
        }
        let mut text = texts[article % texts.len()].clone();
        for (at, cut, piece) in edits {
            let at = at % (text.len() + 1);
            let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let end = (at + cut).min(text.len());
            let end = (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            text.replace_range(at..end, PIECES[piece]);
        }
        check(&text);
    }
}
