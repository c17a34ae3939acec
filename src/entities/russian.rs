//! Russian personal names in the nominative. Russian copy declines names ("по словам Сергея
//! Левченко"); the record names a person in the nominative ("Сергей Левченко") and keeps
//! each mention as written. A rule-based lemmatizer, no dictionary: the given name (from
//! `given-names-ru-*.txt`) is recognized under its case ending, which says the case and the
//! gender; patronymic and surname are then put back by the regular declension of Russian
//! surnames (-ов/-ев/-ин, -ский, -ая) and of nouns (a man's surname on a consonant), while
//! the indeclinable ones (-ко, -их/-ых, -аго, on a vowel; a woman's on a consonant) stay.

use crate::text::wordlist::{GIVEN_NAMES_RU_F, GIVEN_NAMES_RU_M, RU_PERSON_NOUNS, RU_PLACE_NOUNS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// A grammatical case, as far as a name's ending tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Nominative,
    Genitive,
    Dative,
    Accusative,
    Instrumental,
    Prepositional,
}

/// The case endings of given names: for a stem's last letter kind, (ending, replacement to
/// the nominative, case), tried in order. Men's names on a consonant (Борис), on -й
/// (Сергей, Юрий, Николай), on -ь (Игорь); women's on -а (Анна), -я (Мария, Наталья), -ь
/// (Любовь, which does not decline alike and is left to the list).
const MALE_ENDINGS: &[(&str, &str, Case)] = &[
    ("ием", "ий", Case::Instrumental),
    ("ия", "ий", Case::Genitive),
    ("ию", "ий", Case::Dative),
    ("ии", "ий", Case::Prepositional),
    ("еем", "ей", Case::Instrumental),
    ("ея", "ей", Case::Genitive),
    ("ею", "ей", Case::Dative),
    ("ее", "ей", Case::Prepositional),
    ("аем", "ай", Case::Instrumental),
    ("ая", "ай", Case::Genitive),
    ("аю", "ай", Case::Dative),
    ("ае", "ай", Case::Prepositional),
    ("ем", "ь", Case::Instrumental),
    ("я", "ь", Case::Genitive),
    ("ю", "ь", Case::Dative),
    ("е", "ь", Case::Prepositional),
    ("ом", "", Case::Instrumental),
    ("а", "", Case::Genitive),
    ("у", "", Case::Dative),
    ("е", "", Case::Prepositional),
    // Никита, Илья: men's names that decline as women's.
    ("ы", "а", Case::Genitive),
    ("ой", "а", Case::Instrumental),
    ("у", "а", Case::Accusative),
    ("и", "я", Case::Genitive),
    ("ей", "я", Case::Instrumental),
    ("ю", "я", Case::Accusative),
];

const FEMALE_ENDINGS: &[(&str, &str, Case)] = &[
    ("ией", "ия", Case::Instrumental),
    ("ии", "ия", Case::Genitive),
    ("ию", "ия", Case::Accusative),
    ("ьи", "ья", Case::Genitive),
    ("ье", "ья", Case::Dative),
    ("ью", "ья", Case::Accusative),
    ("ьей", "ья", Case::Instrumental),
    ("ы", "а", Case::Genitive),
    ("и", "а", Case::Genitive),
    ("е", "а", Case::Dative),
    ("у", "а", Case::Accusative),
    ("ой", "а", Case::Instrumental),
    ("ей", "я", Case::Instrumental),
    ("и", "я", Case::Genitive),
    ("е", "я", Case::Dative),
    ("ю", "я", Case::Accusative),
];

/// A given name in any case: its nominative, gender and case.
fn given(word: &str) -> Option<(String, Gender, Case)> {
    if GIVEN_NAMES_RU_M.contains(word) {
        return Some((word.to_owned(), Gender::Male, Case::Nominative));
    }
    if GIVEN_NAMES_RU_F.contains(word) {
        return Some((word.to_owned(), Gender::Female, Case::Nominative));
    }
    let undo = |endings: &[(&str, &str, Case)], set: &crate::text::wordlist::WordSet| {
        endings.iter().find_map(|&(ending, nominative, case)| {
            let stem = word.strip_suffix(ending)?;
            let name = format!("{stem}{nominative}");
            set.contains(&name).then_some((name, case))
        })
    };
    undo(MALE_ENDINGS, &GIVEN_NAMES_RU_M)
        .map(|(n, c)| (n, Gender::Male, c))
        .or_else(|| undo(FEMALE_ENDINGS, &GIVEN_NAMES_RU_F).map(|(n, c)| (n, Gender::Female, c)))
}

/// Whether `word` is a Russian given name in any case.
pub(super) fn is_given_name(word: &str) -> bool {
    // A Cyrillic capital's first byte is 0xD0: most words are turned away by it.
    word.as_bytes().first() == Some(&0xD0)
        && word.starts_with(|c: char| ('А'..='Я').contains(&c) || c == 'Ё')
        && given(word).is_some()
}

/// Whether `word` is a Russian noun for a person in any case and either capitalization
/// ("императора", "Певица"): before a capitalized word it says that word names a person.
pub(super) fn is_person_noun(word: &str) -> bool {
    let mut buf = [0; 64];
    is_cyrillic(word) && lower_first(word, &mut buf).is_some_and(|w| RU_PERSON_NOUNS.contains(w))
}

/// Whether `word` opens with a Cyrillic letter (its first byte says so).
pub(super) fn is_cyrillic(word: &str) -> bool {
    word.as_bytes()
        .first()
        .is_some_and(|b| (0xD0..=0xD3).contains(b))
}

/// Whether `c` is a Russian capital letter.
pub(super) fn is_cyrillic_capital(c: char) -> bool {
    matches!(c, 'А'..='Я' | 'Ё')
}

/// `w` with its first letter, if a Russian capital, put in lowercase, on the stack ("Певица"
/// is asked as "певица"; `None` for a word too long for `buf`): the rules ask it of every
/// capitalized word, and `to_lowercase` searched a Unicode table a letter (7 % of a
/// Russian batch). By the code points' layout: А–П (U+0410–041F) are D0 90–9F and а–п D0
/// B0–BF; Р–Я (U+0420–042F) are D0 A0–AF and р–я D1 80–8F; Ё is D0 81 and ё D1 91.
pub(super) fn lower_first<'b>(w: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() || b.len() < 2 {
        return None;
    }
    buf[..b.len()].copy_from_slice(b);
    if b[0] == 0xD0 {
        match b[1] {
            0x81 => buf[..2].copy_from_slice(&[0xD1, 0x91]),
            0x90..=0x9F => buf[1] = b[1] + 0x20,
            0xA0..=0xAF => buf[..2].copy_from_slice(&[0xD1, b[1] - 0x20]),
            _ => {}
        }
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// "В.Путин", "Дж.Коми", "В.В.Путин": initials glued to a surname, as Russian agencies
/// write a name; the word is then a person's name whatever stands around it.
pub(super) fn is_initialed_surname(word: &str) -> bool {
    let Some((initials, surname)) = word.rsplit_once('.') else {
        return false;
    };
    // Each initial one or two letters, a capital first ("Дж.").
    let initial = |i: &str| {
        (1..=2).contains(&i.chars().count())
            && i.starts_with(|c: char| ('А'..='Я').contains(&c) || c == 'Ё')
            && i.chars().skip(1).all(|c| ('а'..='я').contains(&c))
    };
    initials.split('.').all(initial)
        && surname.chars().count() >= 2
        && is_cyrillic_name_word(surname)
}

/// Whether `word` is Cyrillic and capitalized, as the words of a Russian name are.
pub(super) fn is_cyrillic_name_word(word: &str) -> bool {
    word.starts_with(|c: char| ('А'..='Я').contains(&c) || c == 'Ё')
        && word
            .chars()
            .skip(1)
            .any(|c| ('а'..='я').contains(&c) || c == 'ё')
}

/// Whether `word` ends as an adjective does in some case and gender ("Нижний",
/// "Центрального", "Северная"): a place's or a body's name opens so ("Нижний Новгород",
/// "Центральный банк"), a person's does not but for a given name (Юрий), asked first.
/// The endings a noun shares (-ом, -ем, -ой, -ей) say an adjective only where the next
/// word takes a noun's oblique ending but the instrumental's: "Нижнем Новгороде", "Новой
/// Шотландии", but "Бараком Обамой", "Анной Ивановой", "Соной Ованнисян".
pub(super) fn is_adjective_form(word: &str, next: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "ую",
        "юю", "ых", "их", "ыми", "ими",
    ];
    const SHARED: &[&str] = &["ом", "ем", "ой", "ей"];
    const INSTRUMENTAL: &[&str] = &["ом", "ем", "ой", "ей", "ым", "им"];
    let ends = |w: &str, endings: &[&str]| endings.iter().any(|e| w.ends_with(e));
    word.chars().count() > 3
        && (ends(word, ENDINGS)
            || ends(word, SHARED)
                && next.ends_with(['а', 'е', 'и', 'у', 'ы', 'ю', 'я'])
                && !ends(next, INSTRUMENTAL))
}

/// Whether `word` ends as a place's name does in the genitive and a person's name hardly
/// ever in the nominative: -ии (Калифорнии), a consonant and -ы (Европы).
pub(super) fn is_place_genitive(word: &str) -> bool {
    word.ends_with("ии")
        || word
            .strip_suffix('ы')
            .is_some_and(|stem| stem.ends_with(|c: char| !"аеёиоуыэюя".contains(c)))
}

/// Whether `word` is a Russian noun for a place in any case ("области", "моря"): a
/// capitalized adjective before it names a place ("Иркутской области").
pub(super) fn is_place_noun(word: &str) -> bool {
    let mut buf = [0; 64];
    lower_first(word, &mut buf).is_some_and(|w| RU_PLACE_NOUNS.contains(w))
}

/// A surname or patronymic in `case` put in the nominative, for a person of `gender`: the
/// case's ending undone where the word has it (Путина → Путин in the genitive), else the
/// word kept (Шойгу, Левченко, Карих, a woman's Лут are indeclinable).
fn nominative_surname(word: &str, gender: Gender, case: Case) -> String {
    use Case::*;
    // (ending in this case, ending in the nominative), the longer first.
    let rules: &[(&str, &str)] = match (gender, case) {
        (_, Nominative) => &[],
        (Gender::Male, Genitive | Accusative) => &[
            ("ича", "ич"),
            ("ского", "ский"),
            ("цкого", "цкий"),
            ("ого", "ой"),
            ("а", ""),
            // A man's surname on -а declines as a noun in -а does: Обамы is Обама.
            ("ы", "а"),
        ],
        (Gender::Male, Dative) => &[
            ("ичу", "ич"),
            ("скому", "ский"),
            ("цкому", "цкий"),
            ("ому", "ой"),
            ("у", ""),
            ("е", "а"),
        ],
        (Gender::Male, Instrumental) => &[
            ("ичем", "ич"),
            ("ским", "ский"),
            ("цким", "цкий"),
            ("овым", "ов"),
            ("евым", "ев"),
            ("ёвым", "ёв"),
            ("иным", "ин"),
            ("ыным", "ын"),
            ("ом", ""),
            ("ем", "ь"),
            ("ой", "а"),
        ],
        (Gender::Male, Prepositional) => {
            &[("иче", "ич"), ("ском", "ский"), ("цком", "цкий"), ("е", "")]
        }
        (Gender::Female, Accusative) => &[
            ("овну", "овна"),
            ("евну", "евна"),
            ("ичну", "ична"),
            ("скую", "ская"),
            ("цкую", "цкая"),
            ("ову", "ова"),
            ("еву", "ева"),
            ("ину", "ина"),
        ],
        (Gender::Female, Genitive) => &[
            ("овны", "овна"),
            ("евны", "евна"),
            ("ичны", "ична"),
            ("ской", "ская"),
            ("цкой", "цкая"),
            ("овой", "ова"),
            ("евой", "ева"),
            ("иной", "ина"),
        ],
        (Gender::Female, Dative | Prepositional) => &[
            ("овне", "овна"),
            ("евне", "евна"),
            ("ичне", "ична"),
            ("ской", "ская"),
            ("цкой", "цкая"),
            ("овой", "ова"),
            ("евой", "ева"),
            ("иной", "ина"),
        ],
        (Gender::Female, Instrumental) => &[
            ("овной", "овна"),
            ("евной", "евна"),
            ("ичной", "ична"),
            ("ской", "ская"),
            ("цкой", "цкая"),
            ("овой", "ова"),
            ("евой", "ева"),
            ("иной", "ина"),
        ],
    };
    // A consonant before a noun ending: Джонсона is Джонсон, but Шойгу no Шойг.
    let consonant = |stem: &str| stem.ends_with(|c: char| !"аеёиоуыэюяь".contains(c));
    rules
        .iter()
        .find_map(|&(ending, nominative)| {
            let stem = word.strip_suffix(ending)?;
            let noun_ending = ["", "ь", "а"].contains(&nominative);
            (stem.chars().count() >= 2 && (!noun_ending || consonant(stem)))
                .then(|| format!("{stem}{nominative}"))
        })
        .unwrap_or_else(|| word.to_owned())
}

/// `name` (words as written, the first a Russian given name in some case) in the
/// nominative; else as `agreeing_nominative` reads it, or None.
pub(super) fn nominative(name: &str) -> Option<String> {
    let mut words = name.split(' ');
    let Some((first, gender, case)) = given(words.next()?) else {
        return agreeing_nominative(name);
    };
    let mut out = first;
    for word in words {
        out.push(' ');
        // Each hyphenated part declines alone: Римского-Корсакова.
        let parts: Vec<String> = (word.split('-'))
            .map(|p| nominative_surname(p, gender, case))
            .collect();
        out.push_str(&parts.join("-"));
    }
    Some(out)
}

/// A man's name of two or three Cyrillic words whose given name no list knows, put in the
/// nominative where every word has the same noun ending after a consonant: -у (dative),
/// -ом (instrumental): "Лиамом Хоулеттом" is Лиам Хоулетт. Not -а, which a nominative
/// has as often as a genitive ("Никола Тесла"), nor -е, -ы: the name is left as written.
fn agreeing_nominative(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    if !(2..=3).contains(&words.len()) || !words.iter().all(|w| is_cyrillic_name_word(w)) {
        return None;
    }
    let consonant = |stem: &str| stem.ends_with(|c: char| !"аеёиоуыэюяйь".contains(c));
    ["у", "ом"].iter().find_map(|ending| {
        let stems: Option<Vec<&str>> = words
            .iter()
            .map(|w| {
                w.strip_suffix(ending)
                    .filter(|s| s.chars().count() >= 2 && consonant(s))
            })
            .collect();
        stems.map(|s| s.join(" "))
    })
}

/// The forms a Russian surname takes in the oblique cases, for the short forms that refer
/// back to a person: "Левченко" stays, "Пантелеев" is also "Пантелеева", "Пантелееву",
/// "Пантелеевым", "Пантелееве". Empty for a word that is not Cyrillic.
pub(super) fn surname_forms(surname: &str) -> Vec<String> {
    if !is_cyrillic(surname) {
        return Vec::new();
    }
    let cyrillic = surname
        .chars()
        .all(|c| matches!(c, 'А'..='я' | 'Ё' | 'ё' | '-'));
    if !cyrillic || surname.chars().count() < 3 {
        return Vec::new();
    }
    let endings: &[&str] = if surname.ends_with("ский") || surname.ends_with("цкий") {
        let stem = &surname[..surname.len() - "ий".len()];
        return ["ого", "ому", "им", "ом"]
            .iter()
            .map(|e| format!("{stem}{e}"))
            .collect();
    } else if surname.ends_with("ская") || surname.ends_with("цкая") {
        let stem = &surname[..surname.len() - "ая".len()];
        return ["ой", "ую"].iter().map(|e| format!("{stem}{e}")).collect();
    } else if surname.ends_with("ова") || surname.ends_with("ева") || surname.ends_with("ина")
    {
        let stem = &surname[..surname.len() - "а".len()];
        return ["ой", "у"].iter().map(|e| format!("{stem}{e}")).collect();
    } else if let Some(stem) = surname.strip_suffix('а')
        && stem.ends_with(|c: char| !"аеёиоуыэюя".contains(c))
    {
        // A consonant and -а declines as a noun does (Обама: Обамы, Обаме, Обаму, Обамой);
        // after г, к, х, ж, ш, ч, щ the genitive is in -и.
        let genitive = if stem.ends_with(['г', 'к', 'х', 'ж', 'ш', 'ч', 'щ']) {
            "и"
        } else {
            "ы"
        };
        return [genitive, "е", "у", "ой"]
            .iter()
            .map(|e| format!("{stem}{e}"))
            .collect();
    } else if surname.ends_with(['о', 'е', 'и', 'у', 'ю', 'ы', 'а', 'я', 'х']) {
        // A vowel, -их/-ых: indeclinable.
        &[]
    } else if surname.ends_with("ов") || surname.ends_with("ев") || surname.ends_with("ин") {
        &["а", "у", "ым", "е"]
    } else if surname.ends_with('й') || surname.ends_with('ь') {
        &[]
    } else {
        &["а", "у", "ом", "е"]
    };
    endings.iter().map(|e| format!("{surname}{e}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_case_to_the_nominative() {
        for (written, want) in [
            ("Сергей Левченко", "Сергей Левченко"),
            ("Сергея Левченко", "Сергей Левченко"),
            ("Юрия Карих", "Юрий Карих"),
            ("Бориса Джонсона", "Борис Джонсон"),
            ("Николаем Еркаевым", "Николай Еркаев"),
            ("Михаилу Пантелееву", "Михаил Пантелеев"),
            ("Елену Кочкину", "Елена Кочкина"),
            ("Елены Кочкиной", "Елена Кочкина"),
            ("Оксаны Лут", "Оксана Лут"),
            ("Сергея Кужугетовича Шойгу", "Сергей Кужугетович Шойгу"),
            ("Марии Захаровой", "Мария Захарова"),
            ("Владимира Жириновского", "Владимир Жириновский"),
            ("Игоря Шувалова", "Игорь Шувалов"),
            ("Барака Обамы", "Барак Обама"),
            ("Бараку Обаме", "Барак Обама"),
            ("Бараком Обамой", "Барак Обама"),
            ("Джона Керри", "Джон Керри"),
            ("Лиамом Хоулеттом", "Лиам Хоулетт"),
        ] {
            assert_eq!(nominative(written).as_deref(), Some(want), "{written}");
        }
        assert_eq!(nominative("Москва Сити"), None);
        // A woman's name, or no ending shared: left as written.
        assert_eq!(nominative("Зулема Томас"), None);
        assert_eq!(nominative("Дженна Ортега"), None);
        assert_eq!(nominative("Мейв Кеннеди"), None);
        assert!(is_given_name("Сергея") && is_given_name("Анной") && !is_given_name("Москва"));
    }

    #[test]
    fn a_surname_in_the_oblique_cases() {
        assert_eq!(
            surname_forms("Пантелеев"),
            ["Пантелеева", "Пантелееву", "Пантелеевым", "Пантелееве"]
        );
        assert_eq!(surname_forms("Кочкина"), ["Кочкиной", "Кочкину"]);
        assert!(surname_forms("Левченко").is_empty() && surname_forms("Johnson").is_empty());
        assert_eq!(
            surname_forms("Обама"),
            ["Обамы", "Обаме", "Обаму", "Обамой"]
        );
        assert!(surname_forms("Гарсиа").is_empty());
        assert_eq!(surname_forms("Джонсон")[0], "Джонсона");
    }

    #[test]
    fn a_russian_initial_lowercased_as_std_does() {
        for c in ('\u{400}'..='\u{4FF}').chain(['A', 'z', 'é']) {
            let word = format!("{c}ар");
            let want: String = c.to_lowercase().chain("ар".chars()).collect();
            let got = lower_first(&word, &mut [0; 64])
                .expect("a short word")
                .to_owned();
            // Only the Russian capitals are swapped; any other letter is left as it is.
            if ('А'..='Я').contains(&c) || c == 'Ё' {
                assert_eq!(got, want, "{c}");
            } else {
                assert_eq!(got, word, "{c}");
            }
        }
    }
}
