//! Organizations in Russian copy that no list knows. Russian capitalizes only the first word
//! of a name, so the capitalized phrases that find English names find few Russian ones;
//! two shapes are sure enough to take alone:
//! - an acronym: a word of three to eight Cyrillic capitals ("МГУ", "ЦВО", "ФБР") that is
//!   no common noun, code of law or legal form (`ru-common-abbreviations.txt`);
//! - a name in quotation marks after a legal form or a noun that says what it names
//!   (`АО "КрасЭКО"`, `компании «Россети Сибирь»`): the name without its marks, as
//!   GUIDELINES-ru.md asks.

use super::organizations::org_key;
use super::phrases::Field;
use super::{Candidate, Kind};
use crate::text::wordlist::RU_COMMON_ABBREVIATIONS;

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

fn is_cyrillic_capital(c: char) -> bool {
    matches!(c, 'А'..='Я' | 'Ё')
}

/// Candidates for the Russian acronyms and quoted names of field `f`.
pub(super) fn candidates(f: &Field, out: &mut Vec<Candidate>) {
    for i in 0..f.toks.len() {
        let word = f.word(i);
        // Only a Cyrillic word (its first byte 0xD0 to 0xD3) is either, and a look at the
        // first byte spares the rest of an English text.
        if !(0xD0..=0xD3).contains(&word.as_bytes()[0]) {
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
}
