//! `--format html`: the page holds each mention, quote and region where the record's spans
//! say, its text escaped. Checked on the page as newsparse writes it (every fixture), and
//! as headless Chromium parsed it (`--dump-dom`: the seed article, a hostile one, a quote
//! over several paragraphs), with a screenshot of the seed article's page kept under
//! `target/test-artifacts/`. Without Chromium those tests skip, unless
//! NEWSPARSE_REQUIRE_CHROMIUM=1 (CI) makes that a failure.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{REFERENCE_DATE, decoded, root, run, run_ok, stderr, temp_dir};
use serde_json::Value;

const SEED: &str = "fixtures/000_454c63ec9385e69c.txt";

/// An article that tries to be markup: a script, an event handler, a bare `&` and an entity,
/// quote marks of every kind, non-ASCII (accents, Cyrillic, an emoji beyond the BMP) and a
/// carriage return inside a quote.
const HOSTILE: &str = "Putin & Macron <b>meet</b> in Paris — “café” 🙂\n\n\
PARIS, May 4. /TASS/. Russian President Vladimir Putin met French President Emmanuel \
Macron in Paris on Tuesday, the Kremlin said. \"We talked about \
<script>document.body.setAttribute('data-pwned', '1')</script> &amp; more, and Россия \
and France agree,\" Putin told reporters.\n\n\
\"<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\"> is not a tag \
here,\r\nand NATO's 'summit' is no place for it,\" Macron said at the Élysée.\n";

/// What a page is checked against: its record and the text its spans count in.
struct Source {
    name: String,
    record: Value,
    text: Vec<char>,
}

fn source(path: &Path) -> Source {
    let arg = path.to_str().expect("a UTF-8 path");
    let record: Value =
        serde_json::from_str(&run_ok(&["--reference-date", REFERENCE_DATE, arg], b""))
            .expect("the record is JSON");
    let text = decoded(&std::fs::read(root().join(path)).expect("the article reads"));
    Source {
        name: arg.to_owned(),
        record,
        text: text.chars().collect(),
    }
}

fn page(path: &Path) -> String {
    let arg = path.to_str().expect("a UTF-8 path");
    run_ok(
        &["--format", "html", "--reference-date", REFERENCE_DATE, arg],
        b"",
    )
}

/// An element of a page: its tag, attributes and text content (references resolved).
#[derive(Debug)]
struct Element {
    tag: String,
    attrs: Vec<(String, String)>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        (self.attrs.iter())
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn span(&self) -> Option<(usize, usize)> {
        let n = |name| {
            self.attr(name)
                .map(|v| v.parse::<usize>().expect("a number"))
        };
        Some((n("data-start")?, n("data-end")?))
    }

    fn class(&self) -> &str {
        self.attr("class").unwrap_or("")
    }
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The character references an HTML serializer writes (and newsparse's `&#39;`, `&#13;`).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..]
            .find(';')
            .map(|j| i + j)
            .expect("a reference ends with ;");
        let name = &rest[i + 1..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "nbsp" => '\u{a0}',
            _ => {
                let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16),
                    None => name.strip_prefix('#').expect("a known reference").parse(),
                };
                char::from_u32(code.expect("a number")).expect("a character")
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Every element of serialized HTML (a page as written, or Chromium's DOM as it dumps it),
/// in the order they close. A reader of serialized markup only, not a general HTML parser:
/// attribute values are double-quoted, and every element but the void ones has an end tag.
fn elements(html: &str) -> Vec<Element> {
    let mut open: Vec<Element> = Vec::new();
    let mut done = Vec::new();
    let mut rest = html;
    let text = |open: &mut Vec<Element>, t: &str| {
        let t = unescape(t);
        for e in open.iter_mut() {
            e.text.push_str(&t);
        }
    };
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text(&mut open, rest);
            break;
        };
        text(&mut open, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->").expect("a comment ends") + 3..];
        } else if rest.starts_with("<!") {
            rest = &rest[rest.find('>').expect("a doctype ends") + 1..];
        } else if let Some(r) = rest.strip_prefix("</") {
            let gt = r.find('>').expect("an end tag ends");
            let tag = r[..gt].trim().to_ascii_lowercase();
            let e = open
                .pop()
                .unwrap_or_else(|| panic!("</{tag}> closes nothing"));
            assert_eq!(e.tag, tag, "</{tag}> closes <{}>", e.tag);
            done.push(e);
            rest = &r[gt + 1..];
        } else {
            let r = &rest[1..];
            let name_end = r
                .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                .expect("a tag ends");
            let tag = r[..name_end].to_ascii_lowercase();
            let mut r = &r[name_end..];
            let mut attrs = Vec::new();
            loop {
                r = r.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
                if let Some(after) = r.strip_prefix('>') {
                    r = after;
                    break;
                }
                let end = r
                    .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>')
                    .expect("an attribute ends");
                let name = r[..end].to_ascii_lowercase();
                r = &r[end..];
                let value = match r.strip_prefix("=\"") {
                    Some(v) => {
                        let q = v.find('"').expect("a value ends");
                        r = &v[q + 1..];
                        unescape(&v[..q])
                    }
                    None => String::new(),
                };
                attrs.push((name, value));
            }
            rest = r;
            let element = Element {
                tag: tag.clone(),
                attrs,
                text: String::new(),
            };
            if tag == "style" || tag == "script" {
                // Raw text: written as is, up to its end tag.
                let close = format!("</{tag}>");
                let end = rest.find(&close).expect("raw text ends");
                let mut e = element;
                e.text = rest[..end].to_owned();
                done.push(e);
                rest = &rest[end + close.len()..];
            } else if VOID.contains(&tag.as_str()) {
                done.push(element);
            } else {
                open.push(element);
            }
        }
    }
    assert!(
        open.iter()
            .all(|e| ["html", "head", "body"].contains(&e.tag.as_str())),
        "unclosed: {:?}",
        open.iter().map(|e| &e.tag).collect::<Vec<_>>()
    );
    done.extend(open);
    done
}

fn slice(text: &[char], (start, end): (usize, usize)) -> String {
    text[start..end].iter().collect()
}

const KINDS: [(&str, &str); 4] = [
    ("people", "person"),
    ("countries", "country"),
    ("organizations", "organization"),
    ("events", "event"),
];

/// The page's elements agree with the record: every element with a span holds exactly
/// those code points, every mention has its mark of its entity's type (and no mark is
/// made up), every quote its pieces, the headline, lead, dateline and paragraphs theirs,
/// and the panel each entity's mention count. Returns the elements, for more checks.
fn check_page(html: &str, source: &Source) -> Vec<Element> {
    let name = &source.name;
    let elements = elements(html);
    let spanned: Vec<&Element> = elements.iter().filter(|e| e.span().is_some()).collect();
    for e in &spanned {
        let span = e.span().unwrap();
        assert!(
            span.0 <= span.1 && span.1 <= source.text.len(),
            "{name}: {e:?}"
        );
        assert_eq!(
            e.text,
            slice(&source.text, span),
            "{name}: <{}> {span:?}",
            e.tag
        );
    }
    // Mentions: one mark each, of its type, linked to its entry.
    let record = &source.record;
    let mut wanted = BTreeSet::new();
    for (list, class) in KINDS {
        for (n, entity) in record["entities"][list]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            let mentions = entity["mentions"].as_array().unwrap();
            for m in mentions {
                let span = (
                    m["span"][0].as_u64().unwrap() as usize,
                    m["span"][1].as_u64().unwrap() as usize,
                );
                assert!(wanted.insert((span, class.to_owned(), format!("#{class}-{n}"))));
            }
            let id = format!("{class}-{n}");
            let entry = (elements.iter())
                .find(|e| e.tag == "li" && e.attr("id") == Some(&id))
                .unwrap_or_else(|| panic!("{name}: no entry {id}"));
            assert_eq!(
                entry.attr("data-mentions"),
                Some(&*mentions.len().to_string())
            );
            assert!(
                entry.text.contains(entity["name"].as_str().unwrap()),
                "{name}: {entry:?}"
            );
        }
    }
    let mut marks = BTreeSet::new();
    for e in spanned.iter().filter(|e| e.class().starts_with("m ")) {
        let class = e.class()["m ".len()..].to_owned();
        let href = e.attr("href").unwrap_or("").to_owned();
        assert!(
            e.attr("title").is_some_and(|t| !t.is_empty()),
            "{name}: {e:?}"
        );
        assert!(
            marks.insert((e.span().unwrap(), class, href)),
            "{name}: twice: {e:?}"
        );
    }
    assert_eq!(
        marks, wanted,
        "{name}: the marks are not the record's mentions"
    );
    // Quotes: pieces inside the quote's span, the first its anchor, its speaker linked.
    for (n, q) in record["quotes"].as_array().unwrap().iter().enumerate() {
        let span = (
            q["span"][0].as_u64().unwrap() as usize,
            q["span"][1].as_u64().unwrap() as usize,
        );
        let pieces: Vec<_> = (spanned.iter())
            .filter(|e| e.attr("data-quote") == Some(&*n.to_string()))
            .collect();
        assert!(!pieces.is_empty(), "{name}: quote {n} has no mark");
        for p in &pieces {
            let (s, e) = p.span().unwrap();
            assert!(span.0 <= s && e <= span.1, "{name}: quote {n}: {p:?}");
        }
        let anchor = format!("quote-{n}");
        assert_eq!(pieces[0].attr("id"), Some(&*anchor), "{name}");
        if let Some(speaker) = q["speaker"].as_str() {
            // A person's name, else an organization's (`Quote::speaker`).
            let entry = |list: &str, class: &str| {
                let list = record["entities"][list].as_array().unwrap();
                let n = list.iter().position(|e| e["name"] == speaker)?;
                Some(format!("#{class}-{n}"))
            };
            let href = entry("people", "person")
                .or_else(|| entry("organizations", "organization"))
                .unwrap_or_else(|| panic!("{name}: {speaker} is no entity"));
            assert!(
                elements
                    .iter()
                    .any(|e| e.class() == "said" && e.attr("href") == Some(&*href)),
                "{name}: quote {n} is not linked to {href}"
            );
        }
    }
    // The regions: headline, lead and dateline as the record has them, each paragraph.
    let region = |class: &str| {
        spanned
            .iter()
            .find(|e| e.class() == class)
            .map(|e| e.text.as_str())
    };
    assert_eq!(region("headline"), record["headline"].as_str(), "{name}");
    assert_eq!(region("lead"), record["lead"].as_str(), "{name}");
    assert_eq!(
        region("dateline"),
        record["dateline"]["text"].as_str(),
        "{name}"
    );
    let paragraphs: Vec<_> = (spanned.iter())
        .filter(|e| e.class() == "text")
        .map(|e| e.span().unwrap())
        .collect();
    let body: Vec<_> = (record["body"].as_array().unwrap().iter())
        .map(|p| {
            (
                p["span"][0].as_u64().unwrap() as usize,
                p["span"][1].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(paragraphs, body, "{name}");
    // Self-contained: nothing is loaded and nothing runs.
    for e in &elements {
        assert!(
            !["script", "link", "img", "iframe", "object", "embed"].contains(&e.tag.as_str()),
            "{name}: a <{}> in the page",
            e.tag
        );
        for (attr, value) in &e.attrs {
            assert!(
                !attr.starts_with("on") && attr != "src",
                "{name}: {attr}={value:?}"
            );
        }
    }
    elements
}

fn write_hostile(dir: &Path) -> PathBuf {
    let path = dir.join("hostile.txt");
    std::fs::write(&path, HOSTILE).expect("the article is written");
    path
}

#[test]
fn every_fixture_page_places_its_marks_by_the_spans() {
    for path in common::articles(&root().join("fixtures")) {
        let path = path.strip_prefix(root()).unwrap().to_owned();
        let source = source(&path);
        check_page(&page(&path), &source);
    }
    let dir = temp_dir("html-hostile");
    let hostile = write_hostile(&dir);
    let page = page(&hostile);
    assert!(page.contains("&lt;script&gt;document.body"), "{page}");
    assert!(page.contains("&amp;amp; more"), "{page}");
    check_page(&page, &source(&hostile));
}

#[test]
fn several_inputs_need_an_output_dir() {
    for args in [
        &["--format", "html", SEED, "fixtures/ap.txt"][..],
        &["--format", "html", "fixtures"],
        &["--format", "html", "--input", "jsonl"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("--output-dir"), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    let dir = temp_dir("html-outdir");
    let d = dir.to_str().unwrap();
    let lines = "{\"id\":\"a/1\",\"text\":\"MOSCOW, May 4. /TASS/. Russia spoke.\"}\n\
                 {\"id\":\"b\",\"text\":\" \"}\n";
    let out = run(
        &[
            "--format",
            "html",
            "--output-dir",
            d,
            "--error-records",
            "--input",
            "jsonl",
        ],
        lines.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let page = std::fs::read_to_string(dir.join("a%2F1.html")).expect("a page per id");
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("class=\"m country\""));
    assert!(!dir.join("a%2F1.json").exists() && !dir.join("b.html").exists());
    let errors = std::fs::read_to_string(dir.join("errors.jsonl")).unwrap();
    let error: Value = serde_json::from_str(errors.lines().next().unwrap()).unwrap();
    assert_eq!(
        (&error["source"], &error["error"]["kind"]),
        (&"b".into(), &"empty".into())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Chromium, where it is installed; else none, after `skip_unless_required`.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("NEWSPARSE_CHROMIUM")
        .map_or_else(|| "/usr/bin/chromium".into(), PathBuf::from);
    let works = Command::new(&path)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if works {
        return Some(path);
    }
    let why = format!(
        "no Chromium at {} (apt-get install chromium; NEWSPARSE_CHROMIUM names another)",
        path.display()
    );
    common::skip_unless_required(common::REQUIRE_CHROMIUM, &why);
    None
}

/// Runs headless Chromium on `page` with `args`, in a profile of its own, and returns its
/// standard output; killed after a minute.
fn headless(chromium: &Path, page: &Path, args: &[&str], profile: &Path) -> String {
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            // Root (CI's containers) has no sandbox.
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let reader = {
        let mut out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut out, &mut s).map(|_| s)
        })
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("chromium waits") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium took over a minute on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut err = String::new();
    let _ = std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err);
    assert!(status.success(), "chromium {args:?}: {status}: {err}");
    reader.join().unwrap().expect("chromium's output is UTF-8")
}

/// Where the tests keep what a person may want to look at: `target/test-artifacts/`.
fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .join("test-artifacts");
    std::fs::create_dir_all(&dir).expect("the artifacts folder");
    dir
}

#[test]
fn chromium_renders_the_marks_where_the_spans_say() {
    let Some(chromium) = chromium() else { return };
    let dir = temp_dir("html-chromium");
    let artifacts = artifacts();
    let hostile = write_hostile(&dir);
    let seed = PathBuf::from(SEED);
    let multi = PathBuf::from("fixtures/quotes-multiparagraph.txt");
    for (n, path) in [&seed, &hostile, &multi].into_iter().enumerate() {
        let source = source(path);
        let name = path.file_stem().unwrap().to_str().unwrap();
        let file = artifacts.join(format!("{name}.html"));
        std::fs::write(&file, page(path)).unwrap();
        let profile = dir.join(format!("profile-{n}"));
        let dom = headless(&chromium, &file, &["--dump-dom"], &profile);
        assert!(dom.contains("<main>"), "{name}: Chromium's DOM: {dom}");
        let elements = check_page(&dom, &source);
        let marks = elements
            .iter()
            .filter(|e| e.class().starts_with("m "))
            .count();
        assert!(marks > 0, "{name}: no mention marked");
        if path == &hostile {
            // The script is text, and nothing ran.
            let body = elements.iter().find(|e| e.tag == "body").unwrap();
            assert!(
                body.attr("data-pwned").is_none(),
                "{name}: the article's script ran"
            );
            assert!(body.text.contains("<script>document.body.setAttribute("));
            assert!(body.text.contains("<img src=x onerror="));
            assert!(body.text.contains("&amp; more") && body.text.contains("Россия"));
            let title = elements.iter().find(|e| e.tag == "title").unwrap();
            assert_eq!(title.text, HOSTILE.lines().next().unwrap());
        }
    }
    // The seed article's page as a person sees it.
    let png = artifacts.join("000_454c63ec9385e69c.png");
    let _ = std::fs::remove_file(&png);
    let file = artifacts.join("000_454c63ec9385e69c.html");
    let shot = format!("--screenshot={}", png.display());
    headless(
        &chromium,
        &file,
        &[&shot, "--window-size=1280,1400"],
        &dir.join("profile-shot"),
    );
    let bytes = std::fs::read(&png).expect("the screenshot is written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    // IHDR: width and height, then the size of a page of text and colour (a blank page
    // compresses to a few KB).
    let size = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (1280, 1400), "the window's size");
    assert!(
        bytes.len() > 30_000,
        "a {} byte screenshot is no page",
        bytes.len()
    );
    eprintln!("screenshot: {}", png.display());
    let _ = std::fs::remove_dir_all(&dir);
}
