//! Russian names of organizations and events written as phrases: Russian capitalizes only
//! a name's first word, so the capitalized runs that find English names find one word of
//! a Russian one. A capitalized word in mid-sentence, lowercase adjectives after it and a
//! head noun (`ru-name-heads.tsv`) in any case make a name ("Центрального военного округа",
//! "Европейского суда по правам человека", "Петербургский международный экономический
//! форум"); a head that opens it takes its genitive complement ("Совета безопасности",
//! "Института Пушкина"). After the head the name goes on with lowercase genitives, a remit
//! after "по", and a proper name in the genitive (a country, a region, an acronym, "имени
//! …", another body: "Следственного комитета Армении", "Центр … РАН"). The name is given
//! in the nominative (the adjectives agree with the head's gender); mentions stay as
//! written. A lowercase meeting head with a holder's name after it makes an event
//! ("саммита БРИКС" is the "саммит БРИКС"), as GUIDELINES-ru.md asks.
//!
//! Each name is parsed from its first word, a bounded number of words on: the cost is
//! linear in the text, however long a run of capitalized words.

use super::gazetteer::{Entry, Gazetteer};
use super::organizations::{known_key, known_organization, org_key};
use super::phrases::Field;
use super::russian::{is_cyrillic, is_cyrillic_capital, is_given_name, lower_first};
use super::{Candidate, Kind};
use crate::text::wordlist::{
    RU_COMMON_ABBREVIATIONS, RU_HEAD_FORMS, RU_HEAD_OF, RU_HEADS, RU_NAME_STOPS, RU_PO_IDIOMS,
    RU_STRESSED_ADJECTIVES,
};

/// Below the gazetteer's names (3), level with the English rules.
const PRIORITY: u8 = 2;

const ORG: u8 = 1;
const EVENT: u8 = 2;
const MEETING: u8 = 4;

/// Adjectives before a head, at most ("Петербургский международный экономический форум").
const MAX_ADJECTIVES: usize = 4;
/// Complements after a head, at most; each is a few words.
const MAX_COMPLEMENTS: usize = 5;

/// A head noun as a form stands in the text: its nominative, gender (0 m, 1 f, 2 n, 3
/// plural), kinds, and whether the form is the nominative itself.
#[derive(Clone, Copy)]
struct Head {
    nom: &'static str,
    gender: u8,
    kinds: u8,
    nominative: bool,
}

/// Whether `word`, capitalized or not, is a form of a head noun of a body's or an event's
/// name ("Совета", "Институт"): a phrase it opens names no person.
pub(super) fn is_head(word: &str) -> bool {
    let mut buf = [0; 64];
    lower_first(word, &mut buf).is_some_and(|w| head(w).is_some())
}

fn head(lower: &str) -> Option<Head> {
    let k = RU_HEAD_FORMS.index(lower)?;
    let (nom, gender, kinds) = RU_HEADS[usize::from(RU_HEAD_OF[k])];
    Some(Head {
        nom,
        gender,
        kinds,
        nominative: nom == lower,
    })
}

/// The second byte of a Cyrillic capital after 0xD0 (Ё, А…Я).
fn capital_byte(b: u8) -> bool {
    b == 0x81 || (0x90..=0xAF).contains(&b)
}

/// A Cyrillic word with a capital first and lowercase after ("Совета"), not an acronym.
fn is_capital_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(is_cyrillic_capital) && c.next().is_some_and(char::is_lowercase)
}

fn is_lower_word(w: &str) -> bool {
    w.starts_with(|c: char| matches!(c, 'а'..='я' | 'ё'))
}

/// Two to eight Cyrillic capitals ("РФ", "РАН", "ООН").
fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=8).contains(&n) && w.chars().all(is_cyrillic_capital)
}

/// An adjective's stem and ending, the stem of three letters or more.
fn adjective(lower: &str) -> Option<(&str, &str)> {
    const ENDINGS: &[&str] = &[
        "ого", "его", "ому", "ему", "ыми", "ими", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые",
        "ие", "ых", "их", "ым", "им", "ом", "ем", "ую", "юю", "ей",
    ];
    ENDINGS.iter().find_map(|e| {
        let stem = lower.strip_suffix(e)?;
        (stem.chars().count() >= 3).then_some((stem, *e))
    })
}

/// The genitive of an adjective ("федерального", "экологической", "фундаментальных").
fn is_genitive_adjective(lower: &str) -> bool {
    adjective(lower).is_some_and(|(_, e)| matches!(e, "ого" | "его" | "ой" | "ей" | "ых" | "их"))
}

/// A noun that may be a genitive on its own ending ("безопасности", "обороны", "наук"
/// only after an adjective), and no verb's form ("приняла", "заявили").
fn is_genitive_noun(lower: &str) -> bool {
    let genitive = ["а", "я", "ы", "и", "ов", "ев", "ий"]
        .iter()
        .any(|e| lower.ends_with(e));
    // A past tense ends in a vowel and -л- ("приняла", "заявили"); "торговли" is a noun.
    let mut back = lower.chars().rev();
    let (last, l, vowel) = (back.next(), back.next(), back.next());
    let past = l == Some('л')
        && matches!(last, Some('а' | 'о' | 'и'))
        && vowel.is_some_and(|c| "аеиоуыяэ".contains(c));
    let verb = past || ["ть", "ся", "сь"].iter().any(|e| lower.ends_with(e));
    genitive && !verb && lower.chars().count() >= 3
}

/// The nominative of adjective `word` (as written, any case) agreeing with a head of
/// `gender`, its first letter as written.
fn nominative_adjective(word: &str, gender: u8) -> String {
    let lower = word.to_lowercase();
    let Some((stem, ending)) = adjective(&lower) else {
        return word.to_owned();
    };
    let last = stem.chars().last().unwrap_or(' ');
    let velar = "гкхжшчщ".contains(last);
    let soft = !velar && ending.starts_with(['е', 'ю', 'я', 'и']);
    let nominative = match gender {
        0 if RU_STRESSED_ADJECTIVES.contains(&format!("{stem}ой")) => "ой",
        0 if velar || soft => "ий",
        0 => "ый",
        1 if soft => "яя",
        1 => "ая",
        2 if soft => "ее",
        2 => "ое",
        _ if velar || soft => "ие",
        _ => "ые",
    };
    // The stem as written (its capital), the new ending. Cut by characters, not by the
    // lowercase stem's bytes: lowercasing may change a character's length (İ).
    let cut = word
        .char_indices()
        .rev()
        .nth(ending.chars().count().saturating_sub(1))
        .map_or(0, |(i, _)| i);
    format!("{}{nominative}", &word[..cut])
}

fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// A name parsed from its first word.
struct Parsed {
    /// The token after its last.
    end: usize,
    name: String,
    kinds: u8,
    /// Whether a proper name ends it (a country, a region, an acronym).
    proper: bool,
    /// Whether another body's name ends it: an acronym after it is that body's.
    nested_last: bool,
}

/// The tokens `i` and `i + 1` stand a space apart.
fn spaced(f: &Field, i: usize) -> bool {
    i + 1 < f.toks.len() && {
        let end = f.toks[i].end;
        f.toks[i + 1].start == end + 1 && f.text.as_bytes()[end] == b' '
    }
}

/// The Russian name that starts at token `i`, a capitalized word; `nested`: inside
/// another's complement, where no further body is looked for.
fn parse(g: &Gazetteer, f: &Field, i: usize, nested: bool) -> Option<Parsed> {
    let n = f.toks.len();
    let mut j = i;
    let found = loop {
        let w = f.word(j);
        if !is_cyrillic(w) || j > i + MAX_ADJECTIVES {
            return None;
        }
        if j > i && !is_lower_word(w) && !is_capital_word(w) {
            return None;
        }
        let mut buf = [0u8; 64];
        let lower = lower_first(w, &mut buf)?;
        if let Some(h) = head(lower) {
            break h;
        }
        adjective(lower)?;
        if !spaced(f, j) {
            return None;
        }
        j += 1;
    };
    if found.kinds & (ORG | EVENT) == 0 {
        return None;
    }
    // A military district is a body; a federal or autonomous one is a region.
    if found.nom == "округ" && !(i..j).any(|k| f.word(k).to_lowercase().starts_with("военн"))
    {
        return None;
    }
    let h = j;
    let mut k = h + 1;
    let mut complements = 0;
    let mut lowercase_nps = 0;
    let mut proper = false;
    let mut remit = false;
    let mut nested_last = false;
    while complements < MAX_COMPLEMENTS && k < n && spaced(f, k - 1) {
        let w = f.word(k);
        if !proper && lowercase_nps < 3 {
            let from = if lowercase_nps > 0 && w == "и" && spaced(f, k) {
                k + 1
            } else {
                k
            };
            if (from == k || lowercase_nps > 0)
                && let Some(end) = genitive_np(f, from)
            {
                k = end;
                lowercase_nps += 1;
                complements += 1;
                continue;
            }
        }
        if !remit
            && w == "по"
            && let Some(end) = remit_after(f, k + 1)
        {
            k = end;
            nested_last = false;
            remit = true;
            complements += 1;
            continue;
        }
        if let Some((end, body)) =
            proper_genitive(g, f, k, nested, lowercase_nps == 0 && k == h + 1)
        {
            k = end;
            nested_last = body;
            proper = true;
            complements += 1;
            continue;
        }
        break;
    }
    if h == i && complements == 0 {
        return None;
    }
    let kinds = if found.kinds & ORG != 0 { ORG } else { EVENT };
    let mut name = String::new();
    for a in i..h {
        let w = f.word(a);
        if found.nominative {
            name.push_str(w);
        } else {
            name.push_str(&nominative_adjective(w, found.gender));
        }
        name.push(' ');
    }
    if found.nominative {
        name.push_str(f.word(h));
    } else if h == i {
        name.push_str(&capitalized(found.nom));
    } else {
        name.push_str(found.nom);
    }
    name.push_str(&f.text[f.toks[h].end..f.toks[k - 1].end]);
    Some(Parsed {
        end: k,
        name,
        kinds,
        proper,
        nested_last,
    })
}

/// A lowercase genitive phrase from token `k` ("безопасности", "фундаментальных
/// исследований", "теоретических проблем"): genitive adjectives and a noun; its end.
fn genitive_np(f: &Field, k: usize) -> Option<usize> {
    let n = f.toks.len();
    let mut j = k;
    while j < n && j < k + 4 {
        let w = f.word(j);
        if !is_lower_word(w) || RU_NAME_STOPS.contains(w) {
            return None;
        }
        if is_genitive_adjective(w) && spaced(f, j) {
            j += 1;
            continue;
        }
        // After an adjective any noun ("иностранных дел"), else one a genitive ends.
        return (j > k || is_genitive_noun(w)).then_some(j + 1);
    }
    None
}

/// The remit after "по", from token `k`: lowercase adjectives and a noun, and a genitive
/// after it ("правам человека", "экономической политике"), or a region ("Кировской
/// области"); not an adverbial phrase ("по итогам"). Its end.
fn remit_after(f: &Field, k: usize) -> Option<usize> {
    let n = f.toks.len();
    if k >= n || !spaced(f, k - 1) {
        return None;
    }
    if let Some(end) = region(f, k) {
        return Some(end);
    }
    // "по Москве": a place in the dative, no person's given name.
    let w = f.word(k);
    if is_capital_word(w) && !is_given_name(w) && f.gaz_at(k).is_none() {
        return Some(k + 1);
    }
    let mut j = k;
    while j < n && j < k + 4 {
        let w = f.word(j);
        if !is_lower_word(w) || RU_PO_IDIOMS.contains(w) || RU_NAME_STOPS.contains(w) {
            return None;
        }
        if adjective(w).is_some() && spaced(f, j) && j + 1 < n && is_lower_word(f.word(j + 1)) {
            j += 1;
            continue;
        }
        let end = j + 1;
        if spaced(f, j)
            && let Some(more) = genitive_np(f, end)
        {
            return Some(more);
        }
        return Some(end);
    }
    None
}

/// "Кировской области", "Краснодарского края": a capitalized adjective and a region noun.
fn region(f: &Field, k: usize) -> Option<usize> {
    const REGIONS: &[&str] = &["области", "края", "района", "округа", "республики"];
    let w = f.word(k);
    (is_capital_word(w)
        && is_genitive_adjective(&w.to_lowercase())
        && spaced(f, k)
        && REGIONS.contains(&f.word(k + 1)))
    .then_some(k + 2)
}

/// A proper name in the genitive at token `k` that belongs to the name before it: an
/// acronym, a country, a region, "имени …", a known organization, another body (not when
/// `nested`), a place's name; a surname only right after a head that opens the name
/// (`bare`: "Института Пушкина"). Its end.
fn proper_genitive(
    g: &Gazetteer,
    f: &Field,
    k: usize,
    nested: bool,
    bare: bool,
) -> Option<(usize, bool)> {
    let w = f.word(k);
    if !is_cyrillic(w) {
        return None;
    }
    if is_acronym(w) {
        return Some((k + 1, false));
    }
    if let Some((s, e, entry)) = f.gaz_at(k) {
        // A known name that the name's first words began ("Совета Федерации") goes on to
        // its end too.
        let whole = match entry {
            Entry::Organization(_) => true,
            Entry::Country { demonym: false, .. } => s == f.toks[k].start,
            _ => false,
        };
        let end = (k..f.toks.len()).find(|&t| f.toks[t].end == e);
        return end.filter(|_| whole).map(|t| (t + 1, false));
    }
    if w == "имени" || w.strip_suffix('.').unwrap_or(w) == "им" && dotted(f, k) {
        return eponym(f, k + 1).map(|e| (e, false));
    }
    if !is_capital_word(w) {
        return None;
    }
    if let Some(end) = region(f, k) {
        return Some((end, false));
    }
    if !nested
        && let Some(inner) = parse(g, f, k, true)
        && inner.kinds == ORG
    {
        return Some((inner.end, true));
    }
    let lower = w.to_lowercase();
    let place = ["ии", "ья", "ы", "и", "а", "я"]
        .iter()
        .any(|e| lower.ends_with(e));
    let surname = ["ова", "ева", "ёва", "ина", "ына", "ого", "его"]
        .iter()
        .any(|e| lower.ends_with(e));
    let next_capital = spaced(f, k) && is_capital_word(f.word(k + 1));
    (place
        && !is_given_name(w)
        && (bare || !surname)
        && !next_capital
        && adjective(&lower).is_none())
    .then_some((k + 1, false))
}

/// The person a body is named after, from token `k` after "имени"/"им.": initials ("И.
/// М."), given names, and the surname that ends it. Its end.
fn eponym(f: &Field, k: usize) -> Option<usize> {
    let n = f.toks.len();
    let mut j = k;
    while j < n && j < k + 4 {
        let w = f.word(j);
        let letter = w.strip_suffix('.').unwrap_or(w);
        let initial =
            letter.chars().count() == 1 && letter.starts_with(is_cyrillic_capital) && dotted(f, j);
        if initial || is_given_name(w) {
            j += 1;
            continue;
        }
        return is_capital_word(w).then_some(j + 1);
    }
    None
}

/// Token `k` ends in a period, in it or right after it ("И.", "им.").
fn dotted(f: &Field, k: usize) -> bool {
    f.word(k).ends_with('.') || f.text[f.toks[k].end..].starts_with('.')
}

/// Whether token `i` opens a sentence (or its field): the words a capital says nothing of.
pub(super) fn opens_sentence(f: &Field, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let gap = f.text[f.toks[i - 1].end..f.toks[i].start].trim_end_matches(' ');
    gap.contains('\n') || gap.ends_with(['.', '!', '?', '…', ':', '«', '"', '„', '“'])
}

/// Candidates for the Russian names that start in the capitalized phrase `range` of field
/// `f` (the phrases hold every capitalized word, and are found anyway): organizations and
/// events named by a phrase, and an event named by a holder after a meeting head right
/// before it (on `held`, as the holder stays a mention of its own).
pub(super) fn candidates(
    g: &Gazetteer,
    f: &Field,
    range: std::ops::Range<usize>,
    out: &mut Vec<Candidate>,
    held: &mut Vec<Candidate>,
) {
    let bytes = f.text.as_bytes();
    // Most phrases are turned away by their first bytes: no Cyrillic capital.
    let starts = |i: usize| {
        let t = &f.toks[i];
        t.end - t.start >= 2 && bytes[t.start] == 0xD0 && capital_byte(bytes[t.start + 1])
    };
    if !range.clone().any(starts) {
        return;
    }
    if range.start > 0 && starts(range.start) && spaced(f, range.start - 1) {
        meeting(g, f, range.start - 1, held);
    }
    let mut i = range.start;
    while i < range.end {
        if !starts(i) {
            i += 1;
            continue;
        }
        let b = f.word(i).as_bytes();
        let w = f.word(i);
        // (An acronym's second letter is a capital too.)
        let capitals = b.len() >= 4 && b[2] == 0xD0 && capital_byte(b[3]);
        if capitals && let Some((start, end, name)) = named_after(f, i) {
            let acronym = f.word(start.max(i));
            out.push(Candidate {
                start: f.toks[start].start,
                end: f.toks[end - 1].end,
                kind: Kind::organization(org_key(&name).into(), name.into(), Some(acronym.into())),
                priority: PRIORITY,
            });
            i = end;
            continue;
        }
        if is_capital_word(w) {
            let blocked = matches!(
                f.gaz_at(i),
                Some((
                    _,
                    _,
                    Entry::Country { demonym: false, .. } | Entry::NotCountry
                )) | Some((_, _, Entry::Title | Entry::Person(_) | Entry::Event(_)))
            );
            // A name opening a sentence counts only for a ministry (`official_at_start`):
            // the other words there are not parsed at all.
            let opens = opens_sentence(f, i);
            if !blocked
                && (!opens || b[1] == 0x9C && w.starts_with("Министерств"))
                && let Some(p) = parse(g, f, i, false)
                && (!opens || official_at_start(f, i, &p))
            {
                out.push(candidate(g, f, i, &p));
            }
        }
        i += 1;
    }
}

/// "саммита БРИКС": the lowercase meeting head at token `i` and the holder after it, an
/// event on `held`. The token after it, if there is one.
fn meeting(g: &Gazetteer, f: &Field, i: usize, held: &mut Vec<Candidate>) -> Option<usize> {
    let w = f.word(i);
    if !is_lower_word(w) {
        return None;
    }
    let h = head(w).filter(|h| h.kinds & MEETING != 0)?;
    let end = holder(g, f, i + 1)?;
    let name = format!("{}{}", h.nom, &f.text[f.toks[i].end..f.toks[end - 1].end]);
    held.push(Candidate {
        start: f.toks[i].start,
        end: f.toks[end - 1].end,
        kind: Kind::event(name.to_lowercase().into(), name.into()),
        priority: PRIORITY,
    });
    // The holder is a name still: its first word is looked at again.
    Some(i + 1)
}

/// "МГТУ имени Н. Э. Баумана", "Первого МГМУ имени И. М. Сеченова": acronyms from token
/// `i` (one or a few, no common abbreviation, no country) named after a person, with an
/// ordinal adjective before them. Its first and end tokens and its name, the adjective in
/// the nominative (masculine, as most such bodies are: университет, институт, центр).
fn named_after(f: &Field, i: usize) -> Option<(usize, usize, String)> {
    let is_body = |k: usize| {
        let w = f.word(k);
        is_acronym(w) && !RU_COMMON_ABBREVIATIONS.contains(w) && f.gaz_at(k).is_none()
    };
    if !is_body(i) || i > 0 && is_body(i - 1) && spaced(f, i - 1) {
        return None;
    }
    let mut k = i + 1;
    while k < f.toks.len() && k < i + 3 && spaced(f, k - 1) && is_body(k) {
        k += 1;
    }
    if !(k < f.toks.len() && spaced(f, k - 1)) {
        return None;
    }
    let w = f.word(k);
    if !(w == "имени" || w.strip_suffix('.').unwrap_or(w) == "им" && dotted(f, k)) {
        return None;
    }
    let end = eponym(f, k + 1)?;
    let ordinal = i > 0
        && spaced(f, i - 1)
        && !opens_sentence(f, i - 1)
        && is_capital_word(f.word(i - 1))
        && adjective(&f.word(i - 1).to_lowercase()).is_some();
    let start = if ordinal { i - 1 } else { i };
    let mut name = String::new();
    if ordinal {
        let lower = f.word(i - 1).to_lowercase();
        let gender = match adjective(&lower).map(|(_, e)| e) {
            Some("ая" | "яя" | "ой" | "ей" | "ую" | "юю") => 1,
            _ => 0,
        };
        name.push_str(&nominative_adjective(f.word(i - 1), gender));
        name.push(' ');
    }
    name.push_str(&f.text[f.toks[i].start..f.toks[end - 1].end]);
    Some((start, end, name))
}

/// A ministry's full official name opens a sentence as it stands in one: "Министерство
/// экологии … Подмосковья" (a head that opens it, a complement, a proper name at its end).
fn official_at_start(f: &Field, i: usize, p: &Parsed) -> bool {
    p.proper
        && p.end > i + 2
        && head(&f.word(i).to_lowercase()).is_some_and(|h| h.nom == "министерство")
}

/// The holder of a meeting from token `k`: an acronym that is no common abbreviation, a
/// known organization, or a body's name ("заседания Совета безопасности ООН"). Its end.
fn holder(g: &Gazetteer, f: &Field, k: usize) -> Option<usize> {
    let w = f.word(k);
    if !is_cyrillic(w) {
        return None;
    }
    if let Some((s, e, Entry::Organization(_))) = f.gaz_at(k) {
        return (s == f.toks[k].start)
            .then(|| {
                (k..f.toks.len())
                    .find(|&t| f.toks[t].end == e)
                    .map(|t| t + 1)
            })
            .flatten();
    }
    if f.gaz_at(k).is_some() {
        return None;
    }
    if is_acronym(w) && w.chars().count() >= 3 {
        return Some(k + 1);
    }
    if is_capital_word(w) {
        return parse(g, f, k, false)
            .filter(|p| p.kinds == ORG)
            .map(|p| p.end);
    }
    None
}

/// The acronym in parentheses right after a name: "Центрального военного округа (ЦВО)".
fn acronym_after<'a>(f: &Field<'a>, end: usize) -> Option<&'a str> {
    let rest = f.text[f.toks[end - 1].end..].strip_prefix(" (")?;
    let close = rest.char_indices().take(10).find(|&(_, c)| c == ')')?.0;
    let inner = &rest[..close];
    is_acronym(inner).then_some(inner)
}

fn candidate(g: &Gazetteer, f: &Field, i: usize, p: &Parsed) -> Candidate {
    let kind = if p.kinds == ORG {
        let acronym = (!p.nested_last)
            .then(|| acronym_after(f, p.end))
            .flatten()
            .map(Into::into);
        match known_organization(g, &p.name) {
            Some(id) => Kind::organization(
                known_key(id).into(),
                p.name.as_str().into(),
                g.acronym(id).map(Into::into).or(acronym),
            ),
            None => Kind::organization(org_key(&p.name).into(), p.name.as_str().into(), acronym),
        }
    } else {
        Kind::event(p.name.to_lowercase().into(), p.name.as_str().into())
    };
    Candidate {
        start: f.toks[i].start,
        end: f.toks[p.end - 1].end,
        kind,
        priority: PRIORITY,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{entities, orgs};

    #[test]
    fn a_letter_that_lowercases_longer_cuts_no_character() {
        // "İ" lowercases to two characters: the stem is cut by the word's own characters.
        assert_eq!(
            orgs("Учения прошли в частях Центрİального военного округа."),
            ["Центрİальный военный округ"]
        );
    }

    #[test]
    fn a_capitalized_phrase_and_its_head_in_the_nominative() {
        assert_eq!(
            orgs("Учения прошли в частях Южного военного округа и Тарского городского суда."),
            ["Южный военный округ", "Тарский городской суд"]
        );
        assert_eq!(
            orgs(
                "Жалобу подали в Восточный суд по делам торговли, а не в Северный федеральный округ."
            ),
            ["Восточный суд по делам торговли"]
        );
    }

    #[test]
    fn a_head_that_opens_a_name_takes_its_genitives() {
        assert_eq!(
            orgs(
                "Об этом сообщили в Совете обороны Кельмарии и в Институте Тарасова по итогам встречи."
            ),
            ["Совет обороны Кельмарии", "Институт Тарасова"]
        );
        // A head alone, or lowercase, names nothing.
        assert!(orgs("Об этом сказал глава совета директоров, а Центр молчит.").is_empty());
    }

    #[test]
    fn a_body_named_after_a_person_and_inside_another() {
        assert_eq!(
            orgs(
                "В работе участвовали сотрудники Института прикладной химии имени И. П. Ланина РАН."
            ),
            ["Институт прикладной химии имени И. П. Ланина РАН"]
        );
        assert_eq!(
            orgs("Он работает в Горном институте Северного технического университета."),
            ["Горный институт Северного технического университета"]
        );
    }

    #[test]
    fn a_sentence_start_says_nothing_but_for_a_ministry() {
        assert!(orgs("Региональное управление ведомства провело проверку.").is_empty());
        assert_eq!(
            orgs("Министерство транспорта и связи Кельмарии объявило конкурс."),
            ["Министерство транспорта и связи Кельмарии"]
        );
    }

    #[test]
    fn events_by_phrase_and_by_holder() {
        let found = entities(
            "Делегаты Тарского экономического форума вспомнили Великую Северную войну и саммит ОДКБ.",
        );
        let events: Vec<&str> = found.events.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            events,
            [
                "Тарский экономический форум",
                "Великая Северная война",
                "саммит ОДКБ"
            ]
        );
    }
}
