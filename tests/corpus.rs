//! Robustness over the real wire articles of `../shared/corpus` (not part of this
//! repository: the tests skip, saying so, where that folder is absent, and fail there when
//! `NEWSPARSE_REQUIRE_SHARED` is set, as CI does).

mod common;

use common::{REFERENCE_DATE, check_record, decoded, newsparse};

/// The layout may miss a dateline in a few odd articles, but no more.
const MAX_WITHOUT_DATELINE: usize = 4;

#[test]
fn every_corpus_article_gives_a_sound_record() {
    let Some(dir) = common::shared_corpus() else {
        return;
    };
    let articles = common::articles(&dir);
    assert!(!articles.is_empty(), "no articles in {}", dir.display());

    // One call for all of them: JSON Lines, in argument order.
    let output = newsparse()
        .arg("--reference-date")
        .arg(REFERENCE_DATE)
        .args(&articles)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<&[u8]> = output
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), articles.len(), "one record per article");

    let mut without_dateline = Vec::new();
    for (path, line) in articles.iter().zip(lines) {
        let record: serde_json::Value = serde_json::from_slice(line).expect("each line is JSON");
        assert_eq!(record["source"].as_str(), path.to_str());
        check_record(&record, &decoded(&std::fs::read(path).expect("article")));
        let headline = record["headline"].as_str().unwrap_or_default();
        assert!(
            !headline.trim().is_empty(),
            "{}: no headline",
            path.display()
        );
        if record["dateline"].is_null() {
            without_dateline.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    eprintln!(
        "{} articles; no dateline found in {}: {without_dateline:?}",
        articles.len(),
        without_dateline.len()
    );
    assert!(
        without_dateline.len() <= MAX_WITHOUT_DATELINE,
        "no dateline in {without_dateline:?}"
    );
}

/// Every corpus article written in Windows-1252 where it can be, else in Windows-1251 where
/// it can be, and in UTF-16 (both byte orders, with a BOM), must decode to the very text of
/// its UTF-8 original, and so give the same record but `encoding`. Detection without a BOM
/// is a guess: the guesses that miss are listed, and may be no more than one in a hundred.
#[test]
fn every_corpus_article_survives_re_encoding() {
    let Some(dir) = common::shared_corpus() else {
        return;
    };
    let mut variants = 0;
    let mut missed = Vec::new();
    for path in common::articles(&dir) {
        let text = std::fs::read_to_string(&path).expect("UTF-8 article");
        let mut encoded: Vec<(&str, Vec<u8>)> = Vec::new();
        for legacy in [encoding_rs::WINDOWS_1252, encoding_rs::WINDOWS_1251] {
            let (bytes, _, unmappable) = legacy.encode(&text);
            if !unmappable {
                encoded.push((legacy.name(), bytes.into_owned()));
                break;
            }
        }
        let units: Vec<u16> = text.encode_utf16().collect();
        let le = [0xFF, 0xFE]
            .into_iter()
            .chain(units.iter().flat_map(|u| u.to_le_bytes()));
        let be = [0xFE, 0xFF]
            .into_iter()
            .chain(units.iter().flat_map(|u| u.to_be_bytes()));
        encoded.push(("UTF-16LE", le.collect()));
        encoded.push(("UTF-16BE", be.collect()));
        for (label, bytes) in encoded {
            variants += 1;
            let decoded = newsparse::decode(&bytes, None).expect("decodes");
            if decoded.text != text {
                let name = path.file_name().unwrap().to_string_lossy();
                missed.push(format!("{name} in {label}, read as {}", decoded.encoding));
            }
        }
    }
    eprintln!("{variants} variants; decoded otherwise: {missed:?}");
    assert!(missed.len() * 100 <= variants, "{missed:#?}");
}
