//! Quotes, and who said them.
//!
//! 1. Marks are paired within a paragraph (straight, curly and guillemet double quotes);
//!    a quote left open at the end of a paragraph goes on when the next paragraph opens
//!    with a mark, so that a quote over several paragraphs is one. An odd mark never
//!    reaches past its paragraph.
//! 2. Short quoted terms ("so-called "shadow fleet"", "the "Zapad-2017" exercises") are
//!    not quotes.
//! 3. The cue is looked for after the quote (`"…," X said`, `"…," said X`), then before
//!    it (`X said: "…"`, `according to X, "…"`); a quote without one continues the speaker
//!    of the quote just before it.
//! 4. The words that name the speaker are resolved to an entity: a name to its entity, a
//!    pronoun to the last person (or, for "it", organization) named before, a description
//!    ("Russia's defense chief") to the person whose titles fit it, "the ministry" to the
//!    last ministry named.

use std::ops::Range;

use crate::entities::{Named, Type};
use crate::record::{Entities, Mention, Quote, QuoteKind};
use crate::text::span::{CharIndex, ceil_char_boundary, floor_char_boundary};
use crate::text::tokens::ascii_alnum_end;
use crate::text::wordlist::CUE_VERBS;

/// A quote found in the text, in bytes; `text` is inside the marks.
#[derive(Debug, Clone)]
struct Raw {
    text: Range<usize>,
    /// The opening and closing marks (the closing one is `text.end` when the quote was
    /// never closed).
    open: usize,
    close_end: usize,
    /// The field (paragraph) where the quote opens.
    field: usize,
    last_field: usize,
}

fn opens(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '“' => Some('”'),
        '«' => Some('»'),
        '„' => Some('“'),
        _ => None,
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
}

/// Pairs the quotation marks of each field; see the module comment.
fn pair(text: &str, fields: &[Range<usize>]) -> Vec<Raw> {
    let mut out = Vec::new();
    // The open quote: where its text starts, its closing mark, its field.
    let mut open: Option<(usize, usize, char, usize)> = None;
    for (f, field) in fields.iter().enumerate() {
        let body = &text[field.clone()];
        // Only the marks matter: find them by their first byte, decode nothing else.
        let mut chars = memchr::memchr3_iter(b'"', 0xC2, 0xE2, body.as_bytes())
            .filter_map(|i| {
                body[i..]
                    .chars()
                    .next()
                    .filter(|&c| is_mark(c))
                    .map(|c| (i, c))
            })
            .peekable();
        if let Some((start, mark, close, first)) = open.take() {
            // A quote goes on into this paragraph only if it opens with a mark.
            let trimmed = body.trim_start();
            // ...and if it is a quote of whole sentences, which opened its paragraph or a
            // sentence: words woven into a sentence ("warned of a "long winter) end with it.
            let direct =
                text[start..].starts_with(|c: char| c.is_uppercase() || c == '<' || c == '[') && {
                    let lead = text[fields[first].start..mark].trim_end();
                    lead.is_empty() || lead.ends_with([':', '.', '!', '?'])
                };
            match trimmed.chars().next() {
                Some(c) if direct && is_mark(c) && c != '”' && c != '»' => {
                    open = Some((start, mark, close, first));
                    let skip = body.len() - trimmed.len() + c.len_utf8();
                    while chars.peek().is_some_and(|&(i, _)| i < skip) {
                        chars.next();
                    }
                }
                _ => close_unfinished(&mut out, text, fields, (start, mark, first), f - 1),
            }
        }
        for (i, c) in chars {
            let at = field.start + i;
            match open {
                Some((start, mark, close, first)) if c == close || (close == '”' && c == '"') => {
                    out.push(Raw {
                        text: start..at,
                        open: mark,
                        close_end: at + c.len_utf8(),
                        field: first,
                        last_field: f,
                    });
                    open = None;
                }
                Some(_) => {}
                None => {
                    if let Some(close) = opens(c) {
                        open = Some((at + c.len_utf8(), at, close, f));
                    }
                }
            }
        }
    }
    if let Some((start, mark, _, first)) = open {
        close_unfinished(
            &mut out,
            text,
            fields,
            (start, mark, first),
            fields.len() - 1,
        );
    }
    out
}

/// A quote never closed runs to the end of its last paragraph, if it holds a few words.
fn close_unfinished(
    out: &mut Vec<Raw>,
    text: &str,
    fields: &[Range<usize>],
    (start, mark, first): (usize, usize, usize),
    last: usize,
) {
    let end = fields[last].end;
    if start < end && text[start..end].split_whitespace().count() >= 4 {
        out.push(Raw {
            text: start..end,
            open: mark,
            close_end: end,
            field: first,
            last_field: last,
        });
    }
}

/// Words between a speaker and the verb ("he also said", "Shoigu further noted").
const ADVERBS: &[&str] = &[
    "also", "further", "later", "then", "earlier", "again", "recently", "once", "has", "had",
    "have", "was", "is",
];

const PRONOUNS_PERSON: &[&str] = &["he", "she", "He", "She"];
const PRONOUNS_GROUP: &[&str] = &["it", "It", "they", "They"];

/// A cue found around a quote: the verb as written and the words naming the speaker.
#[derive(Debug, Clone)]
struct Cue {
    cue: Range<usize>,
    speaker: Option<Range<usize>>,
    /// The name before an apposition: in `," Gavin Herbert, president of the group, said`
    /// the words before the verb describe, the words after the quote name.
    named: Option<Range<usize>>,
}

/// Words of `s` with their byte ranges (offset by `base`): letters, digits, and the
/// apostrophes, hyphens and periods inside them. ASCII is classified by byte, without
/// decoding: most of a sentence is.
fn words(s: &str, base: usize) -> impl Iterator<Item = (Range<usize>, &str)> {
    let b = s.as_bytes();
    // The character at byte `i` (not ASCII), and its length.
    let wide = move |i: usize| {
        let c = s[i..]
            .chars()
            .next()
            .expect("a char boundary inside the text");
        (c, c.len_utf8())
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        // A word starts at a letter or digit.
        loop {
            let &c = b.get(i)?;
            if c.is_ascii_alphanumeric() {
                break;
            }
            if c.is_ascii() {
                i += 1;
                continue;
            }
            let (c, len) = wide(i);
            if c.is_alphanumeric() {
                break;
            }
            i += len;
        }
        let start = i;
        loop {
            // Letters and digits eight bytes a step, then what stopped them.
            i = ascii_alnum_end(b, i);
            let Some(&c) = b.get(i) else { break };
            if matches!(c, b'\'' | b'-' | b'.') {
                i += 1;
                continue;
            }
            if c.is_ascii() {
                break;
            }
            let (c, len) = wide(i);
            if !(c.is_alphanumeric() || c == '’') {
                break;
            }
            i += len;
        }
        let word = &s[start..i];
        // Most words end in a letter or digit: nothing to trim.
        let w = if b[i - 1].is_ascii_alphanumeric() {
            word
        } else {
            word.trim_end_matches(['.', '\'', '’', '-'])
        };
        Some((base + start..base + start + w.len(), w))
    })
}

/// How far the cue of a quote is looked for, before and after it: a sentence of wire copy
/// is shorter, and the bound keeps a huge paragraph from costing its length per quote.
const REACH: usize = 600;

/// The end of the sentence that goes on at `from` (a period, question or exclamation mark
/// followed by a space, or the end of the paragraph).
fn sentence_end(text: &str, from: usize, para_end: usize) -> usize {
    let para_end = floor_char_boundary(text, para_end.min(from + REACH));
    let s = &text[from..para_end];
    // Only the stops matter: found by memchr, the word before each looked at backwards.
    for i in memchr::memchr3_iter(b'.', b'?', b'!', s.as_bytes()) {
        if s[i + 1..].starts_with(char::is_whitespace) && !ends_abbreviation(s, i) {
            return from + i;
        }
    }
    para_end
}

/// Whether the stop at byte `i` of `s` ends a short capitalized word ("Mr.", "U.S.", "E."),
/// an abbreviation rather than a sentence's end.
fn ends_abbreviation(s: &str, i: usize) -> bool {
    let word_start = s[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(w, c)| w + c.len_utf8());
    let word = &s[word_start..i];
    word.len() <= 3 && word.starts_with(char::is_uppercase)
}

/// The start of the sentence that `to` stands in: after the last sentence end before it.
fn sentence_start(text: &str, para_start: usize, to: usize) -> usize {
    let para_start = para_start.max(to.saturating_sub(REACH));
    let para_start = ceil_char_boundary(text, para_start);
    let s = &text[para_start..to];
    let bytes = s.as_bytes();
    // Only the stops matter: found from the end by memchr, not a byte at a time.
    for i in memchr::memrchr3_iter(b'.', b'?', b'!', bytes) {
        if bytes.get(i + 1).is_some_and(|b| b.is_ascii_whitespace()) && !ends_abbreviation(s, i) {
            return para_start + i + 1;
        }
    }
    para_start
}

fn is_verb(w: &str) -> bool {
    CUE_VERBS.contains(w)
}

/// The cue after a closing mark: `," X said`, `," said X`, `," X told reporters`,
/// `," X, the head of Y, said`.
fn cue_after(text: &str, from: usize, end: usize) -> Option<Cue> {
    // The verb is among the first 20 words, and nothing after the 22nd is looked at.
    let ws: Vec<_> = words(&text[from..end], from).take(22).collect();
    let v = ws.iter().take(20).position(|(_, w)| is_verb(w))?;
    let cue = verb_phrase(&ws, v);
    if v == 0 {
        // said X: the words after the verb up to a comma or the sentence's end.
        let after = ws[0].0.end;
        let rest = &text[after..end];
        let stop = rest.find([',', ';', '(']).unwrap_or(rest.len());
        let speaker_words: Vec<_> = ws
            .iter()
            .skip(1)
            .filter(|(r, _)| r.end <= after + stop)
            .collect();
        let speaker = match (speaker_words.first(), speaker_words.last()) {
            (Some(a), Some(b)) if speaker_words.len() <= 8 => Some(a.0.start..b.0.end),
            _ => None,
        };
        return Some(Cue {
            cue,
            speaker,
            named: None,
        });
    }
    let between = &text[ws[0].0.start..ws[v].0.start];
    if has_sentence_end(between) || between.contains(['"', '“', '”', ';', ':', '?', '!']) {
        return None;
    }
    // X said: the words before the verb, split at commas into the name and its apposition
    // ("Senator Margaret Ellison, the bill's lead sponsor, said"), adverbs dropped.
    let mut last = v;
    while last > 0 && ADVERBS.contains(&ws[last - 1].1) {
        last -= 1;
    }
    let mut segments: Vec<Range<usize>> = Vec::new(); // word indices
    let mut start = 0;
    for k in 0..last {
        let comma_after = k + 1 < ws.len() && text[ws[k].0.end..ws[k + 1].0.start].contains(',');
        if comma_after || k + 1 == last {
            segments.push(start..k + 1);
            start = k + 1;
        }
    }
    let words_of = |seg: &Range<usize>| ws[seg.start].0.start..ws[seg.end - 1].0.end;
    let speaker_seg = segments.last()?;
    if segments.len() == 1 && speaker_seg.len() > 8 {
        return None;
    }
    let named = (segments.len() > 1 && segments[0].len() <= 5).then(|| words_of(&segments[0]));
    Some(Cue {
        cue,
        speaker: Some(words_of(speaker_seg)),
        named,
    })
}

/// Whether `s` holds the end of a sentence: a period, question or exclamation mark before
/// a space, but for the period of an abbreviation ("Mr.", "Rep.", "U.S.", "E.").
fn has_sentence_end(s: &str) -> bool {
    s.char_indices().any(|(i, c)| {
        matches!(c, '.' | '?' | '!') && s[i + 1..].starts_with(char::is_whitespace) && {
            let word = s[..i].rsplit(char::is_whitespace).next().unwrap_or("");
            !(c == '.'
                && (word.len() <= 3 && word.starts_with(char::is_uppercase) || word.contains('.')))
        }
    })
}

/// "told reporters", "told a news conference": the verb with its audience, as written.
fn verb_phrase(ws: &[(Range<usize>, &str)], v: usize) -> Range<usize> {
    let verb = ws[v].0.clone();
    if ws[v].1 == "told"
        && let Some((r, w)) = ws.get(v + 1)
        && matches!(
            *w,
            "reporters" | "journalists" | "TASS" | "Reuters" | "Izvestia" | "RIA"
        )
    {
        return verb.start..r.end;
    }
    if ws[v].1 == "pointed"
        && let Some((r, "out")) = ws.get(v + 1)
    {
        return verb.start..r.end;
    }
    verb
}

/// The cue before an opening mark: `X said: "`, `X said that "`, `according to X, "`.
fn cue_before(text: &str, start: usize, to: usize) -> Option<Cue> {
    let seg = &text[start..to];
    let ws: Vec<_> = words(seg, start).collect();
    // "according to X" anywhere in the sentence.
    if let Some(k) = ws
        .windows(2)
        .position(|w| w[0].1.eq_ignore_ascii_case("according") && w[1].1 == "to")
    {
        let from = ws[k + 1].0.end;
        let rest = &text[from..to];
        let stop = rest
            .find([',', ';', '.', '"', '“', '«'])
            .unwrap_or(rest.len());
        let inner: Vec<_> = ws
            .iter()
            .skip(k + 2)
            .filter(|(r, _)| r.end <= from + stop)
            .collect();
        if let (Some(a), Some(b)) = (inner.first(), inner.last()) {
            return Some(Cue {
                cue: ws[k].0.start..ws[k + 1].0.end,
                speaker: Some(a.0.start..b.0.end),
                named: None,
            });
        }
    }
    let v = ws.iter().rposition(|(_, w)| is_verb(w))?;
    let cue = verb_phrase(&ws, v);
    // "quoted Cappy as saying": the subject stands before "as".
    if ws[v].1 == "saying" && v >= 2 && ws[v - 1].1 == "as" {
        return Some(Cue {
            cue,
            speaker: Some(ws[v - 2].0.clone()),
            named: None,
        });
    }
    // "Cappy, in a statement, said": a short aside between subject and verb is skipped,
    // so the subject ends before the aside's comma.
    let aside = (v >= 2 && text[ws[v - 1].0.end..ws[v].0.start].contains(','))
        .then(|| {
            (v.saturating_sub(5)..v - 1)
                .rev()
                .find(|&k| text[ws[k].0.end..ws[k + 1].0.start].contains(','))
        })
        .flatten();
    // The subject: words before the verb back to a comma, "that", "and" or the start.
    let end = aside.map_or(v, |k| k + 1);
    let mut first = end;
    while first > 0 {
        let (r, w) = &ws[first - 1];
        // Between the subject's last word and the aside's comma there is nothing to check.
        let gap = if first == end && aside.is_some() {
            ""
        } else {
            &text[r.end..ws[first].0.start]
        };
        if gap.contains([',', ';', ':', '"', '“', '”'])
            || matches!(
                *w,
                "that" | "and" | "but" | "as" | "while" | "which" | "who"
            )
        {
            break;
        }
        first -= 1;
        if end - first > 7 {
            break;
        }
    }
    let mut last = end;
    while last > first && ADVERBS.contains(&ws[last - 1].1) {
        last -= 1;
    }
    if last > first && end - first <= 7 {
        return Some(Cue {
            cue,
            speaker: Some(ws[first].0.start..ws[last - 1].0.end),
            named: None,
        });
    }
    // "said X: "…"": the words after the verb.
    let from = ws[v].0.end;
    let rest = &text[from..to];
    let stop = rest
        .find([',', ';', ':', '.', '"', '“', '«'])
        .unwrap_or(rest.len());
    let inner: Vec<_> = ws
        .iter()
        .skip(v + 1)
        .filter(|(r, _)| r.end <= from + stop)
        .collect();
    let speaker = match (inner.first(), inner.last()) {
        (Some(a), Some(b)) if inner.len() <= 6 => Some(a.0.start..b.0.end),
        _ => None,
    };
    Some(Cue {
        cue,
        speaker,
        named: None,
    })
}

/// Role words of descriptions, with the title words they fit.
const PERSON_ROLES: &[(&str, &[&str])] = &[
    ("minister", &["minister"]),
    (
        "chief",
        &[
            "minister",
            "chief",
            "head",
            "director",
            "chairman",
            "executive",
        ],
    ),
    (
        "head",
        &[
            "head",
            "president",
            "chief",
            "chairman",
            "director",
            "leader",
        ],
    ),
    ("president", &["president"]),
    (
        "leader",
        &[
            "president",
            "leader",
            "prime",
            "premier",
            "chairman",
            "head",
        ],
    ),
    ("premier", &["premier", "prime"]),
    ("chancellor", &["chancellor"]),
    ("spokesman", &["spokesman", "spokesperson"]),
    ("spokeswoman", &["spokeswoman", "spokesperson"]),
    (
        "spokesperson",
        &["spokesman", "spokeswoman", "spokesperson"],
    ),
    (
        "diplomat",
        &["foreign minister", "ambassador", "envoy", "diplomat"],
    ),
    ("ambassador", &["ambassador"]),
    ("envoy", &["envoy", "ambassador"]),
    ("governor", &["governor"]),
    ("mayor", &["mayor"]),
    ("chairman", &["chairman"]),
    ("official", &[]),
    ("lawmaker", &["lawmaker", "deputy", "senator"]),
    ("secretary", &["secretary"]),
    ("king", &["king"]),
    ("general", &["general", "commander"]),
    ("commander", &["commander", "general"]),
    ("state", &["president"]),
];

/// Organization nouns of descriptions ("the ministry said"), with the name words they fit.
const ORG_NOUNS: &[(&str, &[&str])] = &[
    ("ministry", &["Ministry"]),
    (
        "company",
        &[
            "Corp",
            "Corp.",
            "Inc",
            "Inc.",
            "Co",
            "Co.",
            "Company",
            "Corporation",
            "AG",
            "PLC",
            "Ltd",
            "Ltd.",
            "Group",
            "Laboratories",
        ],
    ),
    (
        "firm",
        &[
            "Corp",
            "Corp.",
            "Inc",
            "Inc.",
            "Co",
            "Co.",
            "Company",
            "Corporation",
            "AG",
            "PLC",
            "Ltd",
            "Ltd.",
        ],
    ),
    ("group", &["Group", "Corp", "Inc", "Co", "AG"]),
    ("bank", &["Bank", "Bundesbank"]),
    ("agency", &["Agency"]),
    ("department", &["Department"]),
    ("commission", &["Commission"]),
    ("committee", &["Committee"]),
    ("council", &["Council"]),
    ("board", &["Board"]),
    ("organization", &["Organization", "Organisation"]),
    ("organisation", &["Organization", "Organisation"]),
    ("office", &["Office"]),
    ("service", &["Service"]),
    ("union", &["Union"]),
    ("fund", &["Fund"]),
    ("diplomats", &["Foreign Ministry", "Foreign Affairs"]),
];

/// Nouns for a document, whose words belong to its author.
const DOCUMENTS: &[&str] = &[
    "statement",
    "report",
    "study",
    "communique",
    "document",
    "letter",
    "declaration",
    "survey",
    "release",
    "note",
];

/// Nouns for someone who speaks for an organization without being named.
const REPRESENTATIVES: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "source",
    "sources",
    "executive",
    "diplomats",
    "statement",
];

/// A speaker already resolved: its name and whether it is an organization.
#[derive(Debug, Clone)]
struct Speaker {
    name: String,
    organization: bool,
}

struct Resolver<'a> {
    text: &'a str,
    entities: &'a Entities<'a>,
    named: &'a [Named],
    /// Indices into `named` of each type's mentions, in text order.
    people: Vec<usize>,
    organizations: Vec<usize>,
    protagonist: Option<Speaker>,
}

/// How many earlier mentions a description is matched against: the speaker of a quote is
/// named near it, and the bound keeps the cost linear in the article's length.
const LOOK_BACK: usize = 64;

impl<'a> Resolver<'a> {
    fn speaker(&self, n: &Named) -> Option<Speaker> {
        match n.kind {
            Type::Person => Some(Speaker {
                name: self.entities.people[n.index].name.clone(),
                organization: false,
            }),
            Type::Organization => Some(Speaker {
                name: self.entities.organizations[n.index].name.clone(),
                organization: true,
            }),
            Type::Country | Type::Event => None,
        }
    }

    fn new(text: &'a str, entities: &'a Entities, named: &'a [Named]) -> Resolver<'a> {
        let of = |kind: Type| {
            (0..named.len())
                .filter(|&i| named[i].kind == kind)
                .collect::<Vec<_>>()
        };
        // The person named most often: who a quote with no cue at all most likely belongs to.
        let people = &entities.people;
        let protagonist = (0..people.len())
            .max_by_key(|&i| (people[i].mentions.len(), std::cmp::Reverse(i)))
            .map(|i| Speaker {
                name: people[i].name.clone(),
                organization: false,
            });
        Resolver {
            text,
            entities,
            named,
            people: of(Type::Person),
            organizations: of(Type::Organization),
            protagonist,
        }
    }

    /// The mentions of one type that end by `before`, latest first, at most `LOOK_BACK`.
    fn recent(&self, kind: Type, before: usize) -> impl Iterator<Item = &Named> {
        let list = if kind == Type::Person {
            &self.people
        } else {
            &self.organizations
        };
        let upto = list.partition_point(|&i| self.named[i].range.end <= before);
        list[upto.saturating_sub(LOOK_BACK)..upto]
            .iter()
            .rev()
            .map(|&i| &self.named[i])
    }

    /// The mentions inside the bytes `r`, by binary search: a quote costs no pass over
    /// every mention of a long text.
    fn named_within(&self, r: &Range<usize>) -> impl Iterator<Item = &Named> {
        let from = self.named.partition_point(|n| n.range.start < r.start);
        self.named[from..]
            .iter()
            .take_while(move |n| n.range.start < r.end)
            .filter(move |n| n.range.end <= r.end)
    }

    fn last_before(&self, kind: Type, before: usize) -> Option<&Named> {
        self.recent(kind, before).next()
    }

    fn protagonist(&self) -> Option<Speaker> {
        self.protagonist.clone()
    }

    /// The entity that the words `r` name, if they name one; `previous` is the speaker of
    /// the quote before.
    fn resolve(&self, r: &Range<usize>, previous: Option<&Speaker>) -> Option<Speaker> {
        let before = r.start;
        // A person or organization named in the words themselves; a person first.
        let inside: Vec<&Named> = self.named_within(r).collect();
        if let Some(n) = inside
            .iter()
            .find(|n| n.kind == Type::Person)
            .or_else(|| inside.iter().find(|n| n.kind == Type::Organization))
        {
            return self.speaker(n);
        }
        let ws: Vec<&str> = self.text[r.clone()]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        if ws.len() == 1 && PRONOUNS_PERSON.contains(&ws[0]) {
            return self
                .last_before(Type::Person, before)
                .and_then(|n| self.speaker(n));
        }
        if ws.len() == 1 && PRONOUNS_GROUP.contains(&ws[0]) {
            // "it said": the organization that spoke last, else the last one named.
            if let Some(p) = previous.filter(|p| p.organization) {
                return Some(p.clone());
            }
            return self
                .last_before(Type::Organization, before)
                .and_then(|n| self.speaker(n));
        }
        let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
        let has = |list: &[&str]| lower.iter().any(|w| list.contains(&w.as_str()));
        // A document speaks for its author: "a joint statement by the European Commission".
        if has(DOCUMENTS) {
            if let Some(author) = self.author(&lower, before) {
                return Some(author);
            }
            if let Some(p) = previous {
                return Some(p.clone());
            }
        }
        // An organization by its kind: "the ministry", "a company spokesman".
        for (noun, fits) in ORG_NOUNS {
            if lower.iter().any(|w| w == noun) {
                let org = self.recent(Type::Organization, before).find(|n| {
                    let name = &self.entities.organizations[n.index].name;
                    fits.iter()
                        .any(|f| name.split_whitespace().any(|w| w == *f) || name.contains(f))
                });
                if let Some(n) = org {
                    return self.speaker(n);
                }
            }
        }
        // A person by description: "Russia's defense chief", "the Russian leader".
        let roles: Vec<&[&str]> = PERSON_ROLES
            .iter()
            .filter(|(role, _)| lower.iter().any(|w| w == role))
            .map(|(_, fits)| *fits)
            .collect();
        // Without a role or an official, no description to fit a person to.
        let official = has(REPRESENTATIVES);
        if roles.is_empty() && !official {
            return None;
        }
        let country = inside
            .iter()
            .find(|n| n.kind == Type::Country)
            .map(|n| self.entities.countries[n.index].iso.clone());
        let mut best: Option<(usize, &Named)> = None;
        for n in self.recent(Type::Person, before) {
            let person = &self.entities.people[n.index];
            let titles = person.titles.join(" ").to_lowercase();
            let mut score = 1;
            if roles
                .iter()
                .any(|fits| fits.iter().any(|f| titles.contains(f)))
            {
                score += 2;
            }
            // Other words of the description in the title ("defense").
            score += lower
                .iter()
                .filter(|w| w.len() > 3 && titles.contains(w.as_str()))
                .count();
            if let Some(iso) = &country
                && person.country.is_some()
                && person.country == *iso
            {
                score += 1;
            }
            // Latest first: a tie keeps the later mention.
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, n));
            }
        }
        // An unnamed official speaks for the organization, unless a named person holds
        // the very role ("the spokesman" after "Vladimir Vasilenko, spokesman for …").
        if official {
            if let Some((score, n)) = best
                && score >= 3
            {
                return self.speaker(n);
            }
            return self
                .last_before(Type::Organization, before)
                .and_then(|n| self.speaker(n));
        }
        best.and_then(|(_, n)| self.speaker(n))
    }

    /// The author of a document named near `before` ("statement by X", "the study,
    /// conducted by X and Y"): the first person or organization after "by", looked for
    /// in the document's mentions before the quote, then after it.
    fn author(&self, lower: &[String], before: usize) -> Option<Speaker> {
        let noun = lower.iter().find(|w| DOCUMENTS.contains(&w.as_str()))?;
        let floor = ceil_char_boundary(self.text, before.saturating_sub(4 * REACH));
        let ceiling = floor_char_boundary(self.text, (before + 4 * REACH).min(self.text.len()));
        let earlier = self.text[floor..before]
            .rmatch_indices(noun.as_str())
            .map(|(at, _)| floor + at);
        let later = self.text[before..ceiling]
            .match_indices(noun.as_str())
            .map(|(at, _)| before + at);
        earlier
            .chain(later)
            .find_map(|at| self.author_at(at, noun.len()))
    }

    /// The person or organization after "by" just after the document named at `at`.
    fn author_at(&self, at: usize, noun_len: usize) -> Option<Speaker> {
        let window_end = floor_char_boundary(self.text, (at + 160).min(self.text.len()));
        let window = &self.text[at..window_end];
        let by = window.find(" by ")?;
        if by > noun_len + 30 || window[..by].contains(['"', '“', '”', '«', '»']) {
            return None;
        }
        let from = at + by;
        let first = self.named.partition_point(|n| n.range.start < from);
        let n = self.named[first..]
            .iter()
            .take_while(|n| n.range.start < window_end)
            .find(|n| {
                n.range.end <= window_end && matches!(n.kind, Type::Person | Type::Organization)
            })?;
        self.speaker(n)
    }
}

/// Quoted names and terms ("so-called "shadow fleet"", "the "Zapad-2017" exercises",
/// "Medallion") are not quotes: a few words, introduced as a name, written as one, or
/// with no one said to speak them. (A quote followed by its cue is always speech.)
fn is_term(text: &str, q: &Raw, spoken: bool) -> bool {
    let inner = text[q.text.clone()].trim_matches(|c: char| !c.is_alphanumeric());
    // (Five words are enough to know: a quote may run to paragraphs.)
    let n = inner.split_whitespace().take(5).count();
    if n > 4 {
        return false;
    }
    let before = text[..q.open].trim_end();
    let tail = ceil_char_boundary(before, before.len().saturating_sub(20));
    let before_lower = before[tail..].to_lowercase();
    let introduced = [
        "so-called",
        "dubbed",
        "called",
        "named",
        "known as",
        "term",
        "word",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
    ]
    .iter()
    .any(|w| {
        before_lower.ends_with(w)
            && before_lower[..before_lower.len() - w.len()]
                .ends_with(|c: char| !c.is_alphanumeric())
            || before_lower == *w
    });
    let title_like = inner
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    introduced || title_like && n <= 3 || !spoken
}

/// A whole sentence or more (direct) or words woven into reported speech (partial).
fn kind(text: &str, q: &Raw, sentence_start: usize) -> QuoteKind {
    let inner = text[q.text.clone()].trim();
    let capital =
        inner.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '<' || c == '[');
    let at_start =
        text[sentence_start..q.open].trim().is_empty() || text[..q.open].trim_end().ends_with(':');
    let ends = inner.ends_with(['.', ',', '?', '!', '…']);
    if capital && (at_start || ends) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

pub(crate) fn find<'a>(
    text: &'a str,
    fields: &[Range<usize>],
    entities: &Entities,
    named: &[Named],
    index: &CharIndex,
) -> Vec<Quote<'a>> {
    let resolver = Resolver::new(text, entities, named);
    let mut out: Vec<Quote> = Vec::new();
    // The last field of the quote before, and its speaker.
    let mut previous: Option<(usize, Option<Speaker>)> = None;
    for q in pair(text, fields) {
        let first = &fields[q.field];
        let last = &fields[q.last_field];
        let sent_start = sentence_start(text, first.start, q.open);
        let after_end = sentence_end(text, q.close_end, last.end);
        let after = cue_after(text, q.close_end, after_end).filter(|c| c.speaker.is_some());
        // `"Comply," it added`: punctuation inside the marks, then the cue.
        let cued_after = after.is_some()
            && text[q.text.clone()]
                .trim_end()
                .ends_with([',', '.', '!', '?', '…']);
        let cue = after.or_else(|| cue_before(text, sent_start, q.open));
        let kind = kind(text, &q, sent_start);
        if !cued_after && is_term(text, &q, cue.is_some() || kind == QuoteKind::Direct) {
            continue;
        }
        let before_speaker = previous.as_ref().and_then(|(_, s)| s.as_ref());
        let (speaker, speaker_mention, cue_text) = match &cue {
            Some(c) => {
                // The words before the verb, else the name before an apposition.
                // A name before an apposition beats the description after it.
                let names_entity = |r: &Range<usize>| {
                    resolver
                        .named_within(r)
                        .any(|n| matches!(n.kind, Type::Person | Type::Organization))
                };
                let candidates: Vec<&Range<usize>> = c
                    .named
                    .iter()
                    .filter(|r| names_entity(r))
                    .chain(&c.speaker)
                    .chain(&c.named)
                    .collect();
                // The first that names an entity; else the first, with no speaker.
                let chosen = candidates
                    .iter()
                    .find_map(|r| {
                        resolver
                            .resolve(r, before_speaker)
                            .map(|s| ((*r).clone(), Some(s)))
                    })
                    .or_else(|| candidates.first().map(|r| ((*r).clone(), None)));
                let (speaker, mention) = match chosen {
                    Some((r, found)) => (
                        found,
                        Some(Mention {
                            text: &text[r.clone()],
                            span: index.span(r),
                        }),
                    ),
                    None => (None, None),
                };
                (speaker, mention, Some(text[c.cue.clone()].to_owned()))
            }
            // No cue: a quote right after another continues its speaker; else it most
            // likely belongs to whom the article is about.
            None => {
                let opens_paragraph = text[first.start..q.open].trim().is_empty();
                // (An unknown speaker, "one said", goes on unknown.)
                let continued = previous
                    .as_ref()
                    .filter(|(f, _)| q.field == *f || opens_paragraph && q.field == f + 1)
                    .map(|(_, s)| s.clone());
                (
                    continued.unwrap_or_else(|| resolver.protagonist()),
                    None,
                    None,
                )
            }
        };
        previous = Some((q.last_field, speaker.clone()));
        out.push(Quote {
            text: &text[q.text.clone()],
            span: index.span(q.text.clone()),
            speaker: speaker.map(|s| s.name),
            speaker_mention,
            cue: cue_text,
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{Date, Options, Quote, QuoteKind, parse};

    fn quotes(text: &str) -> Vec<Quote<'static>> {
        // Quotes borrow their text; the tests' texts are built in place, so kept for good.
        let text: &'static str = Box::leak(text.into());
        let options = Options {
            reference_date: Date::new(2026, 11, 27).unwrap(),
        };
        let quotes = parse(text, &options).quotes;
        let chars: Vec<char> = text.chars().collect();
        for q in &quotes {
            assert_eq!(chars[q.span.0..q.span.1].iter().collect::<String>(), q.text);
            if let Some(m) = &q.speaker_mention {
                assert_eq!(chars[m.span.0..m.span.1].iter().collect::<String>(), m.text);
            }
        }
        quotes
    }

    fn who<'q>(quotes: &'q [Quote]) -> Vec<(&'q str, Option<&'q str>, Option<&'q str>)> {
        quotes
            .iter()
            .map(|q| (q.text, q.speaker.as_deref(), q.cue.as_deref()))
            .collect()
    }

    const HEAD: &str = "Title\n\nLONDON, May 4 - Finance Minister John Carver spoke.\n\n";

    /// `words` as the definition reads, a character at a time: letters and digits, with
    /// apostrophes, hyphens and periods inside; the marks at the end trimmed.
    fn words_by_chars(s: &str) -> Vec<(std::ops::Range<usize>, &str)> {
        let inner = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | '’');
        let mut out = Vec::new();
        let mut chars = s.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek().filter(|&&(_, c)| inner(c)) {
                end = i + c.len_utf8();
                chars.next();
            }
            let w = s[start..end].trim_end_matches(['.', '\'', '’', '-']);
            out.push((100 + start..100 + start + w.len(), w));
        }
        out
    }

    /// Pieces of text whose joins `words` must get right.
    const PIECES: &[&str] = &[
        "Carver",
        "said",
        "U.S.",
        "don't",
        "Putin’s",
        "al-Sabah",
        "--",
        "3.5",
        " ",
        "  ",
        ",",
        "\"",
        "“",
        "Ünïcødé",
        "—",
        "x",
        "long-",
        "end.",
        "abcdefghijklmnop",
        "\n",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn words_as_a_char_by_char_reading_finds_them(
            picks in proptest::collection::vec(0..PIECES.len(), 0..9)
        ) {
            let s: String = picks.iter().map(|&k| PIECES[k]).collect();
            proptest::prop_assert_eq!(super::words(&s, 100).collect::<Vec<_>>(), words_by_chars(&s));
        }
    }

    #[test]
    fn cue_after_the_quote() {
        let q = quotes(&format!(
            "{HEAD}\"Rates will rise,\" Carver said. \"Not soon,\" said Anna Berg, an economist.\n"
        ));
        assert_eq!(
            who(&q),
            [
                ("Rates will rise,", Some("John Carver"), Some("said")),
                ("Not soon,", Some("Anna Berg"), Some("said"))
            ]
        );
        assert_eq!(q[0].speaker_mention.as_ref().unwrap().text, "Carver");
    }

    #[test]
    fn cue_before_the_quote() {
        let q = quotes(&format!(
            "{HEAD}Carver said: \"We are ready.\"\n\nAccording to Carver, \"the budget holds.\"\n"
        ));
        assert_eq!(
            who(&q),
            [
                ("We are ready.", Some("John Carver"), Some("said")),
                (
                    "the budget holds.",
                    Some("John Carver"),
                    Some("According to")
                )
            ]
        );
        assert_eq!(q[0].kind, QuoteKind::Direct);
        assert_eq!(q[1].kind, QuoteKind::Partial);
    }

    #[test]
    fn pronouns_and_descriptions() {
        let q = quotes(&format!(
            "{HEAD}\"We are ready,\" he said. \"It is done,\" the finance minister told reporters.\n"
        ));
        assert_eq!(
            who(&q),
            [
                ("We are ready,", Some("John Carver"), Some("said")),
                ("It is done,", Some("John Carver"), Some("told reporters"))
            ]
        );
    }

    #[test]
    fn a_quote_over_paragraphs_is_one() {
        let q = quotes(&format!(
            "{HEAD}\u{201c}First part.\n\n\u{201c}Second part,\u{201d} Carver said.\n"
        ));
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "First part.\n\n\u{201c}Second part,");
        assert_eq!(q[0].speaker.as_deref(), Some("John Carver"));
    }

    #[test]
    fn an_odd_mark_stays_in_its_paragraph() {
        let q = quotes(&format!(
            "{HEAD}He warned of a \"long winter ahead for the industry.\n\n\"Prices will fall,\" Carver said.\n"
        ));
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].text, "Prices will fall,");
        assert_eq!(q[1].speaker.as_deref(), Some("John Carver"));
    }

    #[test]
    fn quoted_terms_are_not_quotes() {
        let q = quotes(&format!(
            "{HEAD}Tankers of the so-called \"shadow fleet\" joined the \"Zapad-2025\" exercises.\n"
        ));
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn a_quote_without_cue_continues_the_speaker() {
        let q = quotes(&format!(
            "{HEAD}\"We are ready,\" Carver said.\n\n\"The rest can wait.\"\n"
        ));
        assert_eq!(q[1].speaker.as_deref(), Some("John Carver"));
        assert_eq!(q[1].cue, None);
    }

    #[test]
    fn organizations_speak_through_officials_and_pronouns() {
        let q = quotes(&format!(
            "{HEAD}The Treasury Department issued rules. \"They apply now,\" the department said. \"Comply,\" it added.\n"
        ));
        assert_eq!(who(&q)[0].1, Some("Treasury Department"));
        assert_eq!(who(&q)[1].1, Some("Treasury Department"));
    }
}
