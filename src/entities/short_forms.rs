//! Short forms, in the manner of GATE's orthographic matcher. Takes the candidates the
//! gazetteer and the phrases gave; gives each short form (a person's surname, a company
//! without its suffix, a ministry without its country, an acronym) as a candidate wherever
//! it stands as a capitalized word or phrase, and renames short finds to their long form's
//! entity.

use foldhash::HashMap;
use foldhash::HashMapExt as _;
use std::borrow::Cow;

use super::gazetteer::{Entry, Gazetteer};
use super::organizations::is_company_suffix;
use super::phrases::Field;
use super::russian;
use super::teams;
use super::{Candidate, Kind, kind_name};
use crate::text::tokens::{is_capitalized, is_gap};
use crate::text::wordlist::NAME_SUFFIXES;

/// Each short form with the candidate whose entity it names (the first to give it).
type Forms<'c> = HashMap<Cow<'c, str>, usize>;

/// Short forms of what the phrases found: a person's surname, a company without its
/// suffix, a ministry without its country, an acronym. Each becomes a candidate wherever
/// it stands as a capitalized word or phrase.
/// `fields` gives each field to the function it is called with.
pub(super) fn short_forms(
    g: &Gazetteer,
    candidates: &mut Vec<Candidate>,
    fields: impl FnOnce(&mut dyn FnMut(&Field)),
) {
    let mut forms: Forms = HashMap::new();
    // A name's words, one list for all names.
    let mut words: Vec<&str> = Vec::new();
    // An acronym found on its own ("МГУ") gives its form after the longer names whose
    // acronym it is ("МГУ им. Ломоносова"), wherever it stands: the form is the long one's.
    let bare = |c: &Candidate| match &c.kind {
        Kind::Organization(o) => o.acronym.as_deref() == Some(&*o.name),
        _ => false,
    };
    for last in [false, true] {
        for (k, c) in candidates.iter().enumerate() {
            if bare(c) != last {
                continue;
            }
            words.clear();
            match &c.kind {
                Kind::Person(p) => person_forms(&p.name, k, &mut forms, &mut words),
                Kind::Organization(o) if c.priority == teams::PRIORITY => {
                    team_forms(&o.name, k, &mut forms);
                }
                Kind::Organization(o) => {
                    let org = (&*o.key, &*o.name, o.acronym.as_deref());
                    organization_forms(g, org, k, &mut forms, &mut words);
                }
                _ => {}
            }
        }
    }
    if forms.is_empty() {
        return;
    }
    let renames = renames(candidates, &forms);
    let index = FormIndex::new(&forms);
    let mut found_forms: Vec<Candidate> = Vec::new();
    fields(&mut |f| index.find(f, candidates, &mut found_forms));
    for (k, kind) in renames {
        candidates[k].kind = kind;
    }
    candidates.append(&mut found_forms);
}

/// A person's surname ("Jr." and the like passed over) and whole name, for candidate `k`.
fn person_forms<'c>(name: &'c str, k: usize, forms: &mut Forms<'c>, words: &mut Vec<&'c str>) {
    words.extend(name.split_whitespace());
    if words.len() >= 2 {
        let last = words[words.len() - 1];
        let surname = if NAME_SUFFIXES.contains(last) {
            words[words.len() - 2]
        } else {
            last
        };
        forms.entry(surname.into()).or_insert(k);
        // A Russian surname in its other cases: "Пантелеева" is Пантелеев.
        for form in russian::surname_forms(surname) {
            forms.entry(form.into()).or_insert(k);
        }
        // The whole name too, so that a headline's "Wang Yi" is not read as "Yi".
        forms.entry(name.into()).or_insert(k);
    }
}

/// An organization's acronym, its name before "of", and for one not in the gazetteer its
/// name without a company suffix or a country, for candidate `k`.
fn organization_forms<'c>(
    g: &Gazetteer,
    (key, name, acronym): (&str, &'c str, Option<&'c str>),
    k: usize,
    forms: &mut Forms<'c>,
    words: &mut Vec<&'c str>,
) {
    if let Some(acr) = acronym {
        forms.entry(acr.into()).or_insert(k);
    }
    // "Reserve Bank of India" → "Reserve Bank".
    if let Some(head) = name.find(" of ").map(|i| &name[..i])
        && head.contains(' ')
    {
        forms.entry(head.into()).or_insert(k);
    }
    if key.starts_with('#') {
        return;
    }
    words.extend(name.split_whitespace());
    if words.len() >= 2 && is_company_suffix(words[words.len() - 1]) {
        let stem = words[..words.len() - 1].join(" ");
        forms.entry(stem.into()).or_insert(k);
        let first = words[0];
        if words.len() >= 3 && !g.stopwords.contains(first) && g.find(first).is_empty() {
            forms.entry(first.into()).or_insert(k);
        }
    }
    // "Russian Defense Ministry" → "Defense Ministry".
    if words.len() >= 3
        && g.find(words[0]).iter().any(|&(s, e, entry)| {
            s == 0 && e == words[0].len() && matches!(entry, Entry::Country { .. })
        })
    {
        forms.entry(words[1..].join(" ").into()).or_insert(k);
    }
}

/// A team's name wherever it stands (one context named it); a city's team by its plural
/// nickname or its city alone ("the Mariners", "Seattle" for "Seattle Mariners"); a
/// nickname in the singular before a noun ("a Springbok forward"). These take the form
/// from a team found by that form alone: "Seattle" named in a score line before.
fn team_forms<'c>(name: &'c str, k: usize, forms: &mut Forms<'c>) {
    forms.entry(name.into()).or_insert(k);
    let singular = |plural: &'c str| &plural[..plural.len() - 1];
    match name.rsplit_once(' ') {
        Some((city, nickname)) if teams::is_plural(nickname) => {
            for form in [city, nickname, singular(nickname)] {
                forms.insert(form.into(), k);
            }
        }
        None if teams::is_plural(name) => {
            forms.entry(singular(name).into()).or_insert(k);
        }
        _ => {}
    }
}

/// A short form found on its own ("Analyst Pulcine", "the Foreign Ministry") is the
/// entity of its long form, keeping what it adds (a title). Every rename and every new
/// find takes the long form's entity as it was before any rename.
fn renames(candidates: &[Candidate], forms: &Forms) -> Vec<(usize, Kind)> {
    let mut renames: Vec<(usize, Kind)> = Vec::new();
    for (k, c) in candidates.iter().enumerate() {
        let Some(&long) = forms.get(kind_name(&c.kind)) else {
            continue;
        };
        let renamed = match (&c.kind, &candidates[long].kind) {
            (Kind::Person(p), Kind::Person(long)) if p.key != long.key => Kind::person(
                long.key.clone(),
                long.name.clone(),
                p.title.clone(),
                p.country,
            ),
            (Kind::Organization(o), long @ Kind::Organization(long_org))
                if o.key != long_org.key && !o.key.starts_with('#') =>
            {
                long.clone()
            }
            _ => continue,
        };
        renames.push((k, renamed));
    }
    renames
}

/// The short forms as a trie of words: each token is looked up in a map, and a form is
/// matched a word at a time, so that the cost at a token is the length of the longest
/// form that starts there, not the number of forms that share its first word.
struct FormIndex<'c> {
    /// The trie's first edges: a form's first word gives its node.
    first: HashMap<&'c str, u32>,
    /// The other edges: a node and a word give the next node.
    next: HashMap<(u32, &'c str), u32>,
    /// Each node's form, if one ends there: its long form's candidate (the first one);
    /// and whether any form goes on from it (most are one word).
    ends: Vec<(Option<usize>, bool)>,
    /// The first words' first bytes and lengths (as in `strtable`): most tokens are none,
    /// and this says so before hashing them.
    shapes: [u64; 256],
}

/// A short form is a few words; longer ones (a whole name of many words) are left out, so
/// that a token costs at most this many lookups.
const MAX_FORM_WORDS: usize = 16;

/// A word's first byte, and its length as a bit.
fn shape(w: &str) -> (usize, u64) {
    (usize::from(w.as_bytes()[0]), 1u64 << w.len().min(63))
}

impl<'c> FormIndex<'c> {
    fn new(forms: &'c Forms) -> FormIndex<'c> {
        let mut index = FormIndex {
            first: HashMap::new(),
            next: HashMap::new(),
            ends: Vec::new(),
            shapes: [0u64; 256],
        };
        for (form, &long) in forms {
            let words = form.split_whitespace();
            if words.clone().count() > MAX_FORM_WORDS {
                continue;
            }
            let mut node = None;
            for word in words {
                let fresh = index.ends.len() as u32;
                let child = match node {
                    None => {
                        let (first, len) = shape(word);
                        index.shapes[first] |= len;
                        *index.first.entry(word).or_insert(fresh)
                    }
                    Some(parent) => {
                        index.ends[parent as usize].1 = true;
                        *index.next.entry((parent, word)).or_insert(fresh)
                    }
                };
                if child == fresh {
                    index.ends.push((None, false));
                }
                node = Some(child);
            }
            // Forms that differ only in spacing: the earliest candidate's, whatever the
            // map's order.
            if let Some(node) = node {
                let end = &mut index.ends[node as usize].0;
                if end.is_none_or(|e| long < e) {
                    *end = Some(long);
                }
            }
        }
        index
    }

    /// The short forms standing in field `f`, each as a candidate of its long form's kind.
    fn find(&self, f: &Field, candidates: &[Candidate], out: &mut Vec<Candidate>) {
        for i in 0..f.toks.len() {
            let word = f.word(i);
            let (first, len) = shape(word);
            if self.shapes[first] & len == 0 || !is_capitalized(word) {
                continue;
            }
            let Some(&(mut node)) = self.first.get(word) else {
                continue;
            };
            // The longest form from token i: words joined by gaps alone.
            let mut found = self.ends[node as usize].0.map(|long| (i, long));
            for k in i + 1..f.toks.len().min(i + MAX_FORM_WORDS) {
                let (_, goes_on) = self.ends[node as usize];
                let joined = || {
                    f.text[f.toks[k - 1].end..f.toks[k].start]
                        .chars()
                        .all(is_gap)
                };
                let child = (goes_on && joined())
                    .then(|| self.next.get(&(node, f.word(k))))
                    .flatten();
                let Some(&child) = child else { break };
                node = child;
                if let Some(long) = self.ends[node as usize].0 {
                    found = Some((k, long));
                }
            }
            if let Some((last, long)) = found {
                out.push(Candidate {
                    start: f.toks[i].start,
                    end: f.toks[last].end,
                    kind: candidates[long].kind.clone(),
                    priority: 1,
                });
            }
        }
    }
}
