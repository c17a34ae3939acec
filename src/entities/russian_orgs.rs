//! Organizations in Russian copy that no list knows. Russian capitalizes only the first word
//! of a name, so the capitalized phrases that find English names find few Russian ones;
//! two shapes are sure enough to take alone:
//! - an acronym: a word of three to eight Cyrillic capitals ("МГУ", "ЦВО", "ФБР") that is
//!   no common noun, code of law or legal form (`ru-common-abbreviations.txt`);
//! - a name in quotation marks after a legal form or a noun that says what it names
//!   (`АО "КрасЭКО"`, `компании «Россети Сибирь»`): the name without its marks, as
//!   GUIDELINES-ru.md asks.
//!
//! And in a Russian article (`latin`), a name in Latin letters: Russian copy writes the
//! names of foreign companies, bands, media and agencies as their owners do ("Monsanto",
//! "The Prodigy", "CITIC Pacific", "ZANU-PF"), and transliterates the names of people. A
//! capitalized Latin run is taken as an organization unless it is a person's (an English
//! given name opens it), a product or model (a number in it or after it: "COVID-19",
//! "iPhone 12"), a Roman numeral, a title in quotation marks (a song, a film), a gloss in
//! parentheses after a Cyrillic name ("Фолькер Буфье (Volker Bouffier)"), part of an
//! address, a word of English prose, or a common acronym (`ru-latin-non-names.txt`).

use std::collections::HashSet;
use std::ops::Range;

use super::gazetteer::{Entry, Gazetteer};
use super::organizations::org_key;
use super::phrases::Field;
use super::russian::{is_cyrillic, is_cyrillic_capital};
use super::{Candidate, Kind};
use crate::text::wordlist::{RU_COMMON_ABBREVIATIONS, RU_LATIN_KIND_NOUNS, RU_LATIN_NON_NAMES};

/// Below the gazetteer's names and the English rules' (a known "ООН" is the gazetteer's).
const PRIORITY: u8 = 1;

/// The words before a quoted name that say an organization is named: legal forms and the
/// nouns of companies, parties and media, in the cases they stand in.
const NAMERS: &[&str] = &[
    "АО",
    "ОАО",
    "ПАО",
    "ЗАО",
    "ООО",
    "АНО",
    "НКО",
    "ГК",
    "ФГУП",
    "ГУП",
    "МУП",
    "ФГБУ",
    "НП",
    "компания",
    "компании",
    "компанию",
    "компанией",
    "компаниями",
    "корпорация",
    "корпорации",
    "корпорацию",
    "корпорацией",
    "холдинг",
    "холдинга",
    "холдингом",
    "холдинге",
    "концерн",
    "концерна",
    "концерном",
    "концерне",
    "банк",
    "банка",
    "банку",
    "банком",
    "банке",
    "партия",
    "партии",
    "партию",
    "партией",
    "движение",
    "движения",
    "движению",
    "движением",
    "движении",
    "газета",
    "радиостанция",
    "радиостанции",
    "радиостанцию",
    "радиостанцией",
    "издание",
    "издания",
    "изданию",
    "изданием",
    "издании",
    "телекомпания",
    "телекомпании",
    "телекомпанию",
    "телекомпанией",
    "портал",
    "портала",
    "порталу",
    "порталом",
    "портале",
    "газеты",
    "газете",
    "газету",
    "газетой",
    "журнал",
    "журнала",
    "журналу",
    "журналом",
    "журнале",
    "телеканал",
    "телеканала",
    "телеканалу",
    "телеканалом",
    "телеканале",
    "агентство",
    "агентства",
    "агентству",
    "агентством",
    "агентстве",
    "фонд",
    "фонда",
    "фонду",
    "фондом",
    "фонде",
    "завод",
    "завода",
    "заводом",
    "заводе",
    "комбинат",
    "комбината",
    "комбинатом",
    "комбинате",
    "группа",
    "группы",
    "группу",
    "группой",
    "группе",
    "организация",
    "организации",
    "организацию",
    "организацией",
];

/// Candidates for the Russian acronyms and quoted names of field `f`.
pub(super) fn candidates(f: &Field, out: &mut Vec<Candidate>) {
    for i in 0..f.toks.len() {
        let word = f.word(i);
        // Only a Cyrillic word (its first byte 0xD0 to 0xD3) is either, and a look at the
        // first byte spares the rest of an English text.
        if !is_cyrillic(word) {
            continue;
        }
        let letters = word.chars().count();
        if (3..=8).contains(&letters)
            && word.chars().all(is_cyrillic_capital)
            && !RU_COMMON_ABBREVIATIONS.contains(word)
        {
            let kind = Kind::organization(org_key(word).into(), word.into(), Some(word.into()));
            out.push(Candidate {
                start: f.toks[i].start,
                end: f.toks[i].end,
                kind,
                priority: PRIORITY,
            });
        }
        // The quotation mark first: most words have none after them, and the list is
        // searched in turn.
        if let Some((start, end)) = quoted_after(f.text, f.toks[i].end)
            && NAMERS.contains(&word)
        {
            let name = &f.text[start..end];
            out.push(Candidate {
                start,
                end,
                kind: Kind::organization(org_key(name).into(), name.into(), None),
                priority: PRIORITY + 1,
            });
        }
    }
}

/// The bytes of a name in quotation marks right after byte `at` (one space, then «…», "…"
/// or „…“ of one to six words starting with a capital or a digit): its text without the
/// marks.
fn quoted_after(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = text[at..].strip_prefix(' ')?;
    let open = rest.chars().next()?;
    let close = match open {
        '«' => '»',
        '"' => '"',
        '„' => '“',
        _ => return None,
    };
    let start = at + 1 + open.len_utf8();
    let inner = &text[start..];
    let len = inner.find(close)?;
    let name = &inner[..len];
    let words = name.split_whitespace().count();
    let first = name.chars().next()?;
    ((1..=6).contains(&words)
        && (first.is_uppercase() || first.is_ascii_digit())
        && !name.contains(['\n', '«', '»']))
    .then_some((start, start + len))
}

/// Whether token `i` is a word in Latin letters: its first byte an ASCII letter, and no
/// Cyrillic in it ("IT-компаний" is Russian, and so is "Cолист" with a Latin "C").
fn is_latin(f: &Field, i: usize) -> bool {
    let b = &f.text.as_bytes()[f.toks[i].start..f.toks[i].end];
    b[0].is_ascii_alphabetic() && !b.iter().any(|&c| (0xD0..=0xD3).contains(&c))
}

/// The capitalized phrase `range` of a Russian field cut where its script changes
/// ("Газета Global Times" is a Russian word and a Latin name), each part in `parts`.
pub(super) fn script_parts(f: &Field, range: Range<usize>, parts: &mut Vec<Range<usize>>) {
    parts.clear();
    let mut start = range.start;
    for i in range.start + 1..range.end {
        if is_latin(f, i) != is_latin(f, i - 1) {
            parts.push(start..i);
            start = i;
        }
    }
    parts.push(start..range.end);
}

/// Whether `w` is a Roman numeral ("II", "XIV").
fn is_roman(w: &str) -> bool {
    w.bytes()
        .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'M'))
}

/// The word right before byte `at` across spaces only (none after other marks).
fn word_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end_matches(' ');
    if before.len() == at {
        return None;
    }
    let from = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '-')
        .map_or(0, |(k, c)| k + c.len_utf8());
    Some(&before[from..])
}

/// The word right after byte `at` across spaces only.
fn word_after(text: &str, at: usize) -> Option<&str> {
    let after = text[at..].trim_start_matches(' ');
    if after.len() == text.len() - at {
        return None;
    }
    let to = after
        .find(|c: char| !c.is_alphanumeric() && c != '-')
        .unwrap_or(after.len());
    Some(&after[..to])
}

fn starts_lowercase(w: &str) -> bool {
    w.starts_with(char::is_lowercase)
}

/// A candidate for the Latin-script name that is the capitalized phrase part `range` of a
/// Russian field, if it is one (see the module's head). `not_names`: the names a kind
/// noun has shown to be no organization's earlier in the article ("белок WASP … в
/// WASP"), kept from field to field.
pub(super) fn latin(
    g: &Gazetteer,
    f: &Field,
    range: Range<usize>,
    out: &mut Vec<Candidate>,
    not_names: &mut HashSet<Box<str>>,
) {
    if !is_latin(f, range.start) {
        return;
    }
    let (start, end) = (f.toks[range.start].start, f.toks[range.end - 1].end);
    let text = f.text;
    let name = &text[start..end];
    let mut words = range.clone().map(|i| f.word(i));
    let first = f.word(range.start);
    let person_or_place = |i: usize| {
        matches!(
            f.gaz_at(i),
            Some((
                _,
                _,
                Entry::Person(_) | Entry::Country { .. } | Entry::Title
            ))
        )
    };
    if name.len() < 2
        || name.bytes().any(|b| b.is_ascii_digit())
        || words.all(is_roman)
        || g.is_given_name(first)
        || (range.len() == 1 && RU_LATIN_NON_NAMES.contains(first))
        // A possessive's owner: "Victoria's Secret", "It's My Life" are cut at it.
        || f.toks[range.end - 1].possessive
        || range.clone().any(person_or_place)
    {
        return;
    }
    // A lowercase noun that says what it names: "гена WAS", "премии Grammy".
    let before_word = word_before(text, start);
    // (The noun may open a sentence: "Ген WAS …".)
    let kind_noun = |w: &str| {
        RU_LATIN_KIND_NOUNS.contains(w)
            || w.starts_with(char::is_uppercase) && RU_LATIN_KIND_NOUNS.contains(&w.to_lowercase())
    };
    if before_word.is_some_and(kind_noun) {
        not_names.insert(name.into());
        return;
    }
    if not_names.contains(name) {
        return;
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    // An address, a handle or a file: "youtube.com/…?v=Ab", "@Name", "Site.ru".
    let address = |c: Option<char>| c.is_some_and(|c| "/.@#=_:&?".contains(c));
    if address(before) || matches!(after, Some('/' | '@')) {
        return;
    }
    if after == Some('.') && text[end + 1..].starts_with(char::is_alphanumeric) {
        return;
    }
    // A number after it: a model or product ("Boeing 737"), or a work and its year ("The
    // Fat of the Land (1997)").
    let rest = text[end..].strip_prefix(' ').unwrap_or("");
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    // Within quotation marks, a title: a song, an album, a film ("«Чаплин AV»").
    if matches!(before, Some('«' | '„' | '“')) || matches!(after, Some('»' | '”' | '“')) {
        return;
    }
    if matches!(
        (before, after),
        (Some('"'), Some('"')) | (Some('\''), Some('\''))
    ) {
        return;
    }
    // A gloss in parentheses after a name: "Фолькер Буфье (Volker Bouffier)", "PLATO
    // (Planetary Transits …)"; but an acronym after a description is a body's own
    // ("Движения за демократические перемены (MDC)").
    if before == Some('(') {
        let acronym = !name.bytes().any(|b| b.is_ascii_lowercase());
        let described = word_before(text, start - 1).is_some_and(starts_lowercase);
        if !(acronym && described) {
            return;
        }
    }
    // A word of English (or other Latin-script) prose: "… in Confessione".
    let latin_lowercase =
        |w: Option<&str>| w.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()));
    if latin_lowercase(before_word) || latin_lowercase(word_after(text, end)) {
        return;
    }
    let acronym = (!name.bytes().any(|b| b.is_ascii_lowercase())).then(|| name.into());
    out.push(Candidate {
        start,
        end,
        kind: Kind::organization(org_key(name).into(), name.into(), acronym),
        priority: PRIORITY,
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::entities;

    #[test]
    fn acronyms_and_quoted_names() {
        let found = entities(
            "Ученые МГУ и специалисты АО \"СеверЭнерго\" вместе с компанией «Волна Сибирь» \
             изучили ЛЭП и данные СМИ.",
        );
        let names: Vec<&str> = found
            .organizations
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(names, ["МГУ", "СеверЭнерго", "Волна Сибирь"]);
        let mgu = &found.organizations[0];
        assert_eq!(mgu.acronym.as_deref(), Some("МГУ"));
        // English text is untouched: "NATO" is the gazetteer's, capitals alone make nothing.
        assert!(entities("The CEO of ACME said.").organizations.is_empty());
    }

    #[test]
    fn latin_names_in_russian_text() {
        let found = entities(
            "Иск к компании Kelvarto подали в суд. Группа The Brightwaves подписала контракт с \
             лейблом Norvik Records, а партия ZAPU-NF выиграла выборы.",
        );
        let names: Vec<&str> = found
            .organizations
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["Kelvarto", "The Brightwaves", "Norvik Records", "ZAPU-NF"]
        );
    }

    #[test]
    fn latin_words_that_name_no_organization() {
        let found = entities(
            "Премьер Ганс Мюллер (Hans Muller) переболел COVID-19 и выпустил сингл «Blue Days». \
             Ген WAS кодирует белок WASP; в WASP нашли сбой. Пишут о нем Robert Kelm и в \
             Instagram, а также на сайте tarvik.com/Page и в эпоху Louis XIV.",
        );
        let names: Vec<&str> = found
            .organizations
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert!(names.is_empty(), "{names:?}");
        // English text is untouched: a lone capitalized word is no organization there.
        assert!(super::super::tests::orgs("Kelvarto sued the farmers.").is_empty());
    }
}
