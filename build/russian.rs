//! Russian nominal declension for the build script: the case forms of a country's name
//! and of its demonym adjective, by the general rules of the language (feminine -а/-я/-ия,
//! masculine consonant and -й, feminine -ь, neuter -ство, plurals in -ы, adjectives in
//! -ый/-ий/-ой/-ая…; foreign names in -о/-е/-и/-у/-ю and after a vowel, and acronyms, do
//! not decline). Forms a language never uses may come out ("Штатов" and a harmless
//! "Нидерланд"): a form that never stands in a text matches nothing, so a rule may
//! overgenerate; irregular forms are listed in the data file.

/// The six cases, in order: nominative, genitive, dative, accusative, instrumental,
/// prepositional; each with the forms it may take.
type Paradigm = [Vec<String>; 6];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
    Neuter,
    Plural,
}

fn strip<'a>(w: &'a str, suffix: &str) -> Option<&'a str> {
    w.strip_suffix(suffix)
}

fn ends_in_any(w: &str, letters: &str) -> bool {
    w.chars().last().is_some_and(|c| letters.contains(c))
}

fn is_vowel(c: char) -> bool {
    "аеёиоуыэюяАЕЁИОУЫЭЮЯ".contains(c)
}

/// Six forms, one each, from a stem and six endings.
fn with(stem: &str, endings: [&str; 6]) -> Paradigm {
    endings.map(|e| vec![format!("{stem}{e}")])
}

/// A noun's forms by case (`masculine_soft`: a word in -ь that is masculine, "Израиль");
/// the word itself in every case when it does not decline.
fn noun(w: &str, masculine_soft: bool) -> Paradigm {
    let fixed = || std::array::from_fn(|_| vec![w.to_owned()]);
    let last = w.chars().last().unwrap_or(' ');
    // Acronyms (США, ОАЭ) do not decline, and neither does a word without a lowercase letter.
    if !w.chars().any(char::is_lowercase) {
        return fixed();
    }
    let before_last = w.chars().rev().nth(1).unwrap_or(' ');
    if let Some(stem) = strip(w, "ия") {
        return with(stem, ["ия", "ии", "ии", "ию", "ией", "ии"]);
    }
    if let Some(stem) = strip(w, "я") {
        return with(stem, ["я", "и", "е", "ю", "ей", "е"]);
    }
    if let Some(stem) = strip(w, "а") {
        // A foreign name in a vowel and -а (Антигуа, Никарагуа) does not decline.
        if is_vowel(before_last) {
            return fixed();
        }
        let velar_or_sibilant = ends_in_any(stem, "гкхжшчщ");
        let genitive = if velar_or_sibilant { "и" } else { "ы" };
        let mut p = with(stem, ["а", genitive, "е", "у", "ой", "е"]);
        if ends_in_any(stem, "жшчщц") {
            p[4].push(format!("{stem}ей"));
        }
        return p;
    }
    if let Some(stem) = strip(w, "ство") {
        let stem = format!("{stem}ств");
        return with(&stem, ["о", "а", "у", "о", "ом", "е"]);
    }
    if let Some(stem) = strip(w, "ы") {
        // Pluralia tantum: the genitive in -ов, or with no ending for island groups
        // (Мальдив), which the data file lists.
        return with(stem, ["ы", "ов", "ам", "ы", "ами", "ах"]);
    }
    if let Some(stem) = strip(w, "й") {
        return with(stem, ["й", "я", "ю", "й", "ем", "е"]);
    }
    if let Some(stem) = strip(w, "ь") {
        return if masculine_soft {
            with(stem, ["ь", "я", "ю", "ь", "ем", "е"])
        } else {
            with(stem, ["ь", "и", "и", "ь", "ью", "и"])
        };
    }
    // Foreign names in a vowel (Того, Перу, Чили, Зимбабве) do not decline.
    if is_vowel(last) || !last.is_alphabetic() {
        return fixed();
    }
    let mut p = with(w, ["", "а", "у", "", "ом", "е"]);
    if ends_in_any(w, "жшчщц") {
        p[4].push(format!("{w}ем"));
    }
    p
}

/// A hyphenated name declines in its last part if that one declines (Коста-Рики,
/// Кот-д’Ивуара), else in its first (Гвинеи-Бисау).
fn hyphenated(w: &str, masculine_soft: bool) -> Paradigm {
    let Some((head, tail)) = w.rsplit_once('-') else {
        return noun(w, masculine_soft);
    };
    let last = noun(tail, masculine_soft);
    if last[1][0] != tail {
        return last.map(|f| f.into_iter().map(|t| format!("{head}-{t}")).collect());
    }
    let (first, rest) = w.split_once('-').expect("a hyphen");
    noun(first, masculine_soft).map(|f| f.into_iter().map(|t| format!("{t}-{rest}")).collect())
}

/// Adjective endings by case for a gender, given the stem's class.
fn adjective_endings(class: AdjClass, g: Gender) -> [&'static str; 6] {
    use AdjClass::*;
    use Gender::*;
    match (class, g) {
        (Hard, Masculine) => ["ый", "ого", "ому", "ый", "ым", "ом"],
        (Hard, Feminine) => ["ая", "ой", "ой", "ую", "ой", "ой"],
        (Hard, Neuter) => ["ое", "ого", "ому", "ое", "ым", "ом"],
        (Hard, Plural) => ["ые", "ых", "ым", "ые", "ыми", "ых"],
        (Velar, Masculine) => ["ий", "ого", "ому", "ий", "им", "ом"],
        (Velar, Feminine) => ["ая", "ой", "ой", "ую", "ой", "ой"],
        (Velar, Neuter) => ["ое", "ого", "ому", "ое", "им", "ом"],
        (Velar, Plural) => ["ие", "их", "им", "ие", "ими", "их"],
        (Sibilant, Masculine) => ["ий", "его", "ему", "ий", "им", "ем"],
        (Sibilant, Feminine) => ["ая", "ей", "ей", "ую", "ей", "ей"],
        (Sibilant, Neuter) => ["ее", "его", "ему", "ее", "им", "ем"],
        (Sibilant, Plural) => ["ие", "их", "им", "ие", "ими", "их"],
        (Soft, Masculine) => ["ий", "его", "ему", "ий", "им", "ем"],
        (Soft, Feminine) => ["яя", "ей", "ей", "юю", "ей", "ей"],
        (Soft, Neuter) => ["ее", "его", "ему", "ее", "им", "ем"],
        (Soft, Plural) => ["ие", "их", "им", "ие", "ими", "их"],
    }
}

#[derive(Clone, Copy)]
enum AdjClass {
    /// Российск-ий: a stem in г, к, х takes и for ы.
    Velar,
    /// Ведущ-ий: a stem in ж, ш, ч, щ takes и for ы and, unstressed, е for о.
    Sibilant,
    /// Восточн-ый.
    Hard,
    /// Верхн-ий.
    Soft,
}

/// If `w` is an adjective in the nominative (Южная, Российская, Соединенные, Восточный):
/// its stem, class and gender; stressed -ой counts as masculine hard.
fn adjective(w: &str) -> Option<(&str, AdjClass, Gender)> {
    use Gender::*;
    for (ending, g) in [
        ("ый", Masculine),
        ("ий", Masculine),
        ("ой", Masculine),
        ("ая", Feminine),
        ("яя", Feminine),
        ("ое", Neuter),
        ("ее", Neuter),
        ("ые", Plural),
        ("ие", Plural),
    ] {
        if let Some(stem) = w.strip_suffix(ending) {
            if stem.chars().count() < 3 {
                return None;
            }
            // Stressed -ой (большой) keeps its о after a sibilant.
            let class = if ends_in_any(stem, "жшчщ") && ending != "ой" {
                AdjClass::Sibilant
            } else if ends_in_any(stem, "гкхжшчщ") {
                AdjClass::Velar
            } else if ["ий", "яя", "ее", "ие"].contains(&ending) {
                AdjClass::Soft
            } else {
                AdjClass::Hard
            };
            return Some((stem, class, g));
        }
    }
    None
}

/// Every form of a demonym adjective given in the masculine nominative ("российский"):
/// each case of each gender and the plural.
pub fn adjective_forms(w: &str) -> Vec<String> {
    let Some((stem, class, _)) = adjective(w) else {
        panic!("countries-ru.tsv: not an adjective in -ый/-ий/-ой: {w:?}");
    };
    let mut out = Vec::new();
    for g in [
        Gender::Masculine,
        Gender::Feminine,
        Gender::Neuter,
        Gender::Plural,
    ] {
        for e in adjective_endings(class, g) {
            push(&mut out, format!("{stem}{e}"));
        }
    }
    out
}

fn push(out: &mut Vec<String>, form: String) {
    if !out.contains(&form) {
        out.push(form);
    }
}

/// Every case form of a name in the nominative: a run of words declined together
/// (adjectives agreeing with the first noun, the words after that noun as written:
/// "Соединенные Штаты Америки", "Республика Корея"), and each side of " и " on its own
/// ("Босния и Герцеговина"). `masculine_soft`: the noun in -ь is masculine.
pub fn name_forms(name: &str, masculine_soft: bool) -> Vec<String> {
    let parts: Vec<&str> = name.split(" и ").collect();
    let declined: Vec<Paradigm> = parts
        .iter()
        .map(|p| phrase_paradigm(p, masculine_soft))
        .collect();
    let mut out = Vec::new();
    for case in 0..6 {
        let mut forms = vec![String::new()];
        for (k, p) in declined.iter().enumerate() {
            let sep = if k == 0 { "" } else { " и " };
            forms = forms
                .iter()
                .flat_map(|f| p[case].iter().map(move |t| format!("{f}{sep}{t}")))
                .collect();
        }
        for f in forms {
            push(&mut out, f);
        }
    }
    out
}

fn phrase_paradigm(phrase: &str, masculine_soft: bool) -> Paradigm {
    let words: Vec<&str> = phrase.split(' ').collect();
    // The head: the first word that is no adjective (the last word in any case).
    let head = (0..words.len())
        .find(|&i| i + 1 == words.len() || adjective(words[i]).is_none())
        .unwrap_or(0);
    let noun_forms = hyphenated(words[head], masculine_soft);
    let rest = words[head + 1..].join(" ");
    let mut p: Paradigm = Default::default();
    for (case, slot) in p.iter_mut().enumerate() {
        let mut forms = vec![String::new()];
        for w in &words[..head] {
            // An adjective agrees with its noun: its own ending says in what gender, even
            // before a foreign noun that does not decline (Американское Самоа).
            let (stem, class, g) = adjective(w).expect("an adjective");
            let e = adjective_endings(class, g)[case];
            forms = forms.iter().map(|f| format!("{f}{stem}{e} ")).collect();
        }
        for f in forms {
            for n in &noun_forms[case] {
                let mut form = format!("{f}{n}");
                if !rest.is_empty() {
                    form.push(' ');
                    form.push_str(&rest);
                }
                slot.push(form);
            }
        }
    }
    p
}

/// Every singular case form of a common noun ("певица": певицы, певице, …): an adjectival
/// noun (ученый, ведущая, набережная; in -ий only on a stem an adjective has there, so
/// муфтий and парламентарий are nouns) as an adjective, a noun in -ец with its fleeting
/// vowel (певец: певца; боец: бойца; владелец: владельца), a noun in -ь as a masculine
/// (писатель: писателя) but for the feminine -сть, -дь, -чь (область: области). Irregular
/// nouns come out wrong ("дочи" for дочери): a form no text has matches nothing.
pub fn noun_forms(w: &str) -> Vec<String> {
    let noun_in_ий = w
        .strip_suffix("ий")
        .is_some_and(|stem| !ends_in_any(stem, "гкхжшчщн"));
    if adjective(w).is_some() && !w.ends_with("ой") && !noun_in_ий {
        return adjective_forms(w);
    }
    if let Some(stem) = w.strip_suffix("ец") {
        // After a vowel the fleeting е leaves a й (боец, бойца), after л a ь (владельца).
        let stem = if stem.strip_suffix(is_vowel).is_some() {
            format!("{stem}й")
        } else if stem.ends_with('л') {
            format!("{stem}ь")
        } else {
            stem.to_owned()
        };
        let mut out = vec![w.to_owned()];
        for e in ["ца", "цу", "цом", "це", "цем"] {
            push(&mut out, format!("{stem}{e}"));
        }
        return out;
    }
    let feminine = ["сть", "дь", "чь"].iter().any(|e| w.ends_with(e));
    name_forms(w, !feminine)
}

/// The combining form of a -ский/-цкий adjective in compounds ("российско-китайский"): the
/// stem and -о. Irregular ones (американо-, франко-) are listed in the data file.
pub fn combining_form(w: &str) -> Option<String> {
    let (stem, class, _) = adjective(w)?;
    matches!(class, AdjClass::Velar)
        .then(|| format!("{stem}о"))
        .filter(|_| stem.ends_with('к'))
}

/// `w` with its first letter capitalized (a demonym at the start of a sentence).
pub fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Every case form of the head noun of a name, singular (or plural for `gender` "p", a
/// plural noun), by the regular endings: masculine hard and in -й or -ь, feminine in
/// -а/-я/-ия, neuter in -о/-е/-ие, plurals in -ы/-и/-а/-я (the genitive plural with no
/// ending, "игр", "войск", or in -ов, "выборов").
pub fn head_forms(nom: &str, gender: &str) -> Vec<String> {
    let endings = |stem: &str, e: &[&str]| -> Vec<String> {
        e.iter().map(|e| format!("{stem}{e}")).collect()
    };
    let strip = |s: &str| nom.strip_suffix(s).unwrap_or(nom).to_owned();
    match gender {
        "p" => {
            let stem = strip(&nom.chars().last().unwrap_or(' ').to_string());
            let soft = nom.ends_with('я');
            let mut f = if soft {
                endings(&stem, &["я", "й", "ям", "ями", "ях"])
            } else {
                endings(&stem, &["", "ов", "ам", "ами", "ах"])
            };
            f.insert(0, nom.to_owned());
            f
        }
        "n" if nom.ends_with("ие") => endings(&strip("ие"), &["ие", "ия", "ию", "ием", "ии"]),
        "n" if nom.ends_with('о') => endings(&strip("о"), &["о", "а", "у", "ом", "е"]),
        "n" => endings(&strip("е"), &["е", "а", "у", "ем"]),
        "m" if nom.ends_with('ь') => endings(&strip("ь"), &["ь", "я", "ю", "ем", "е"]),
        "m" => name_forms(nom, false),
        _ => name_forms(nom, false),
    }
}
