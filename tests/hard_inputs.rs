//! Inputs that try to break newsparse: huge lines, floods of quote marks, interruptions.
//! Each must give a sound record (or a clear error) in time linear in its size.

mod common;

use std::time::{Duration, Instant};

use common::{check_record, run};

fn record_of(text: &str) -> serde_json::Value {
    let out = run(&["--compact", "-"], text.as_bytes());
    assert!(out.status.success(), "{}", common::stderr(&out));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    check_record(&record, text);
    record
}

#[test]
fn a_hundred_thousand_unbalanced_quote_marks() {
    let start = Instant::now();
    let text = format!(
        "Title\n\nMOSCOW, May 4. /TASS/. {}\n\nA \"normal,\" he said.\n",
        "\"".repeat(100_001)
    );
    let record = record_of(&text);
    // The flood stays in its paragraph: the next one's quote is still found.
    let quotes = record["quotes"].as_array().unwrap();
    assert!(quotes.iter().any(|q| q["text"] == "normal,"), "{quotes:?}");
    assert!(start.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_ten_megabyte_line_without_a_newline() {
    // A title that ends in a lowercase word ("Kremlin spokesman") ends at no token, and a
    // name before a "(" that never closes has no acronym: looking for either once cost a
    // pass over the rest of the line.
    let sentence = "President Vladimir Putin said \"we will respond\" to NATO in Moscow, \
                    Kremlin spokesman Dmitry Peskov said (citing the Foreign Ministry (sic. ";
    let mut text = String::from("Title\n\nMOSCOW, May 4. /TASS/. ");
    while text.len() < 10_000_000 {
        text.push_str(sentence);
    }
    let start = Instant::now();
    let record = record_of(&text);
    assert_eq!(record["entities"]["people"][0]["name"], "Vladimir Putin");
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_phrase_of_a_million_capitalized_words() {
    // One capitalized phrase with a title, or an event's head word, every few words: each
    // find once left the rest of the phrase to a recursive call (a stack overflow), which
    // searched it again from the start (quadratic).
    for (unit, kind, name) in [
        ("President Putin ", "people", "Putin"),
        (
            "Eastern Economic Forum ",
            "events",
            "Eastern Economic Forum",
        ),
    ] {
        let text = format!(
            "Title\n\nMOSCOW, May 4. /TASS/. {}",
            unit.repeat(2_000_000 / unit.len())
        );
        let start = Instant::now();
        let record = record_of(&text);
        let found = record["entities"][kind].as_array().unwrap();
        assert!(found.iter().any(|e| e["name"] == name), "{unit}: {found:?}");
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{unit}: {:?}",
            start.elapsed()
        );
    }
}

/// A distinct capitalized word for each `i`: "Bako", "Cako", …
fn word(mut i: usize) -> String {
    let mut w = String::new();
    loop {
        w.push(char::from(b"BCDFGHKLMNPRSTVZ"[i % 16]));
        w.push(char::from(b"aeiou"[i / 16 % 5]));
        i /= 80;
        if i == 0 {
            return w + "ko";
        }
    }
}

#[test]
fn text_that_once_cost_the_square_of_its_length() {
    // Each was quadratic: a title list joined for each of 64 recent mentions at each quote
    // (a new title every paragraph); every short form sharing a first word tried at each
    // token; "the ministry" looked for in a long name at each quote; an acronym's mention
    // copying (and its entity hashing) the whole long name. (A name of thousands of words
    // is no name now, and the last two hold as well for the longest names that are.) And
    // the Latin names a Russian kind noun rules out, below.
    let long_name = |words: usize| (0..words).map(word).collect::<Vec<_>>().join(" ");
    let families = [
        (
            "a title a paragraph",
            (0..6_000)
                .map(|i| {
                    format!(
                        "{} Minister Sergey Shoigu spoke. \u{201c}Yes,\u{201d} the minister said.\n\n",
                        word(i)
                    )
                })
                .collect::<String>(),
        ),
        (
            "forms sharing a first word",
            (0..20_000)
                .map(|i| format!("Alpha {} Bank of Nowhere met.\n\n", word(i)))
                .collect(),
        ),
        (
            "a long name and its kind",
            format!("The {} Ministry met.\n\n", long_name(20_000))
                + &"\u{201c}Yes,\u{201d} the ministry said.\n\n".repeat(20_000),
        ),
        (
            "an acronym of a long name",
            format!("The {} Agency (ABCD) met.\n\n", long_name(20_000))
                + &"ABCD agreed.\n\n".repeat(20_000),
        ),
        (
            // In Russian copy a kind noun rules its Latin name out for the whole article:
            // the names ruled out were a list, searched at every Latin name.
            "Latin names after a kind noun",
            (0..160_000)
                .map(|i| format!("ген {} и компания {} работали. ", word(2 * i), word(2 * i + 1)))
                .collect(),
        ),
    ];
    for (family, body) in families {
        let text = format!("Title\n\nMOSCOW, May 4. /TASS/. {body}");
        let start = Instant::now();
        let record = record_of(&text);
        assert!(record["entities"].is_object());
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{family}: {:?} for {} bytes",
            start.elapsed(),
            text.len()
        );
    }
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_whole_lines() {
    use std::process::Stdio;
    // Enough articles to be still running when the signal comes.
    let article =
        std::fs::read_to_string(common::root().join("fixtures/000_454c63ec9385e69c.txt")).unwrap();
    let line = serde_json::json!({"id": "a", "text": article}).to_string() + "\n";
    let input = line.repeat(20_000);
    let mut child = common::newsparse()
        .args(["--input", "jsonl", "-j", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(input.as_bytes());
    });
    std::thread::sleep(Duration::from_millis(300));
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.is_empty() || text.ends_with('\n'));
    for line in text.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("a whole JSON line");
    }
}

/// Inputs on which newsparse once panicked, found by the property tests and the fuzzer
/// (their seeds are in `invariants.proptest-regressions` too).
#[test]
fn regressions_found_by_fuzzing() {
    for text in [
        // A sentence end after a multi-byte space.
        "\"\"\u{2000}.\u{a0}0",
        // A word start after a multi-byte space, inside a quote's sentence.
        "𐡗 #ₐA0 ଓ 0¡AA𖼀🌀®🌀 Σ\"\"",
        // A headline followed only by blank lines, after a lone CR.
        "\rAll news\n\n",
        // A period after a multi-byte apostrophe.
        "é’.",
        // A multi-byte character right after a dateline's opening slash.
        "MOSCOW /Ü/, May 4. /TASS/. Text",
        "MOSCOW /Ü",
    ] {
        let out = run(&["--compact", "-"], text.as_bytes());
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(1),
            "{text:?}: {}",
            common::stderr(&out)
        );
        if out.status.success() {
            check_record(&serde_json::from_slice(&out.stdout).expect("JSON"), text);
        }
    }
}
