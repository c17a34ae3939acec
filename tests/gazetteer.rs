//! `--gazetteer`: a user's own entities (TSV and spaCy JSONL) in the record, with their ids;
//! a bad line stops the run before any article is read.

mod common;

use std::path::Path;

use common::{check_record, root, run, stderr};
use serde_json::Value;

/// The record of `fixtures/gazetteers/article.txt` read with the given gazetteer files.
fn record_with(gazetteers: &[&str]) -> (Value, String) {
    let dir = root().join("fixtures/gazetteers");
    let mut args = Vec::new();
    for g in gazetteers {
        args.push("--gazetteer".to_owned());
        args.push(dir.join(g).display().to_string());
    }
    let article = dir.join("article.txt");
    args.extend(["--compact".to_owned(), article.display().to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args, b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let record: Value = serde_json::from_slice(&out.stdout).expect("a JSON record");
    check_record(&record, &std::fs::read_to_string(&article).unwrap());
    (record, stderr(&out).to_owned())
}

/// Each entity of a list as (name, id, mentions as written).
fn entities<'r>(record: &'r Value, list: &str) -> Vec<(&'r str, Option<&'r str>, Vec<&'r str>)> {
    let list = record["entities"][list].as_array().expect("a list");
    list.iter()
        .map(|e| {
            let mentions = e["mentions"].as_array().unwrap();
            let texts = mentions
                .iter()
                .map(|m| m["text"].as_str().unwrap())
                .collect();
            (e["name"].as_str().unwrap(), e["id"].as_str(), texts)
        })
        .collect()
}

fn find<'e, 'r>(
    list: &'e [(&'r str, Option<&'r str>, Vec<&'r str>)],
    name: &str,
) -> &'e (&'r str, Option<&'r str>, Vec<&'r str>) {
    list.iter()
        .find(|e| e.0 == name)
        .unwrap_or_else(|| panic!("no {name} in {list:?}"))
}

#[test]
fn without_a_gazetteer_only_countries_have_ids() {
    let (record, _) = record_with(&[]);
    let countries = entities(&record, "countries");
    assert_eq!(find(&countries, "Russia").1, Some("Q159"));
    assert_eq!(find(&countries, "Kazakhstan").1, Some("Q232"));
    for list in ["people", "organizations", "events"] {
        assert!(
            entities(&record, list).iter().all(|e| e.1.is_none()),
            "{list}"
        );
    }
    // No list knows it.
    assert!(!countries.iter().any(|e| e.0 == "Freedonia"));
}

#[test]
fn a_tsv_gazetteer_names_its_entities_and_gives_their_ids() {
    let (record, _) = record_with(&["field.tsv"]);
    let people = entities(&record, "people");
    // Its name and id, a title the rules read before it, and its surname referring back.
    let ivan = find(&people, "Ivan Petrovsky");
    assert_eq!(ivan.1, Some("Q900001"));
    assert_eq!(ivan.2, ["Ivan Petrovsky", "Petrovsky", "Petrovsky"]);
    let person = &record["entities"]["people"][0];
    assert_eq!(person["titles"][0], "Russian Transport Minister");
    assert_eq!(record["quotes"][0]["speaker"], "Ivan Petrovsky");
    // An organization with its alias as acronym; a built-in one given an id.
    let orgs = entities(&record, "organizations");
    let nsl = find(&orgs, "Northern Shipping Lines");
    assert_eq!((nsl.1, nsl.2.len()), (Some("Q900002"), 3));
    assert!(nsl.2.contains(&"NSL"));
    assert_eq!(find(&orgs, "NATO").1, Some("Q7184"));
    // A built-in country by its ISO code keeps its QID and gains a form; a new one.
    let countries = entities(&record, "countries");
    let russia = find(&countries, "Russia");
    assert_eq!(
        (russia.1, &russia.2[..]),
        (Some("Q159"), &["Russian", "RF"][..])
    );
    assert_eq!(find(&countries, "Freedonia").1, Some("Q900004"));
    let events = entities(&record, "events");
    assert_eq!(find(&events, "Baltic Harbour Forum").1, Some("Q900003"));
}

#[test]
fn spacy_patterns_take_effect_and_what_is_skipped_is_said_once() {
    let (record, errors) = record_with(&["spacy.jsonl"]);
    let orgs = entities(&record, "organizations");
    // A string pattern, the same with its period, and a LOWER pattern in capitals: one
    // entity by their id.
    let acme = find(&orgs, "Acme Corp");
    assert_eq!(acme.1, Some("Q900005"));
    assert_eq!(acme.2, ["Acme Corp", "Acme Corp.", "ACME CORPORATION"]);
    assert_eq!(record["entities"]["organizations"][0]["name"], "Acme Corp");
    let people = entities(&record, "people");
    assert_eq!(find(&people, "Olga Marsh").1, Some("900006"));
    // GPE and NORP of a known country: its id and its demonym.
    let countries = entities(&record, "countries");
    let kz = find(&countries, "Kazakhstan");
    assert_eq!(
        (kz.1, &kz.2[..]),
        (Some("Q232"), &["Kazakhstan", "Kazakhstani"][..])
    );
    for skipped in [
        "1 line(s) skipped: GPE or LOC names no known country",
        "1 line(s) skipped: label DATE",
        "1 line(s) skipped: label MONEY",
        "1 line(s) skipped: token attributes other than ORTH, TEXT and LOWER",
    ] {
        assert_eq!(
            errors.matches(skipped).count(),
            1,
            "{skipped:?} in {errors}"
        );
    }
    assert_eq!(errors.lines().count(), 4, "{errors}");
}

/// Runs with the gazetteer `text` written to a file named `name`, and an article that does
/// not exist: a bad gazetteer must stop the run before that is found missing.
fn bad(name: &str, text: &[u8]) -> (i32, String) {
    let dir = common::temp_dir(&format!("gazetteer-{name}"));
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let missing = dir.join("no-such-article.txt");
    let args = [
        "--gazetteer",
        path.to_str().unwrap(),
        missing.to_str().unwrap(),
    ];
    let out = run(&args, b"");
    assert!(out.stdout.is_empty());
    let message = stderr(&out).replace(path.to_str().unwrap(), "FILE");
    (out.status.code().unwrap(), message)
}

#[test]
fn a_bad_line_stops_the_run_with_its_place_before_any_article() {
    let cases: [(&str, &[u8], &str); 9] = [
        (
            "a.tsv",
            b"# ok\r\nperson\tA Name\r\n\nplace\tParis\n",
            "FILE:4: type \"place\"",
        ),
        ("b.tsv", b"\xEF\xBB\xBFperson\t\t\n", "FILE:1: no name"),
        ("c.tsv", b"event\tA\tB\tC\tD\n", "FILE:1: 5 columns"),
        (
            "d.tsv",
            b"organization\t(Acme)\n",
            "FILE:1: \"(Acme)\" does not start",
        ),
        (
            "e.jsonl",
            b"{\"label\": \"ORG\", \"pattern\": \"A\"}\n{oops}\n",
            "FILE:2: not JSON",
        ),
        (
            "f.jsonl",
            b"{\"label\": \"ORG\"}\n",
            "FILE:1: no \"pattern\"",
        ),
        ("g.jsonl", b"[1, 2]\n", "FILE:1: not a JSON object"),
        (
            "h.txt",
            b"person\tA\n",
            "FILE: a gazetteer is a .tsv or a .jsonl file",
        ),
        ("i.tsv", b"person\tA B\nperson\t\xFF\n", "FILE:2: not UTF-8"),
    ];
    for (name, text, message) in cases {
        let (code, errors) = bad(name, text);
        assert_eq!(code, 2, "{name}: {errors}");
        assert!(
            errors.starts_with(&format!("newsparse: {message}")),
            "{name}: {errors}"
        );
        assert!(!errors.contains("no-such-article"), "{name}: {errors}");
    }
    assert!(Path::new(&root().join("fixtures/gazetteers/field.tsv")).exists());
}
