//! Russian copy: the cue of a quote and how a speaker's inflected surname is matched. TASS
//! attributes with the dialogue dash after a quote (`«…», — сказал он.`, `"…", - сообщили в
//! Минобороны.`; a hyphen or a dash) and, before one, with a verb and a colon (`Песков
//! заявил: «…»`) or a phrase (`по словам Пескова, «…»`, `как отметил он, "…"`).

use std::ops::Range;

use super::cues::Cue;
use crate::text::tokens::{Word, words};
use crate::text::wordlist::RU_CUE_VERBS;

fn is_verb(w: &str) -> bool {
    RU_CUE_VERBS.contains(&w.to_lowercase())
}

/// The nouns of `по словам X`, `по мнению X`, `по данным X`.
fn is_according(w: &str) -> bool {
    matches!(
        w,
        "словам" | "мнению" | "данным" | "сведениям" | "информации"
    )
}

/// The cue after a closing mark: `, — сказал он`, `, - говорится в сообщении`. Only
/// after the dialogue dash: a verb further on belongs to another clause.
pub(super) fn cue_after(text: &str, from: usize, end: usize) -> Option<Cue> {
    let rest = &text[from..end];
    let after_comma = rest.trim_start_matches([',', ' ']);
    let dash = after_comma.chars().next()?;
    if !matches!(dash, '-' | '—' | '–') {
        return None;
    }
    let base = end - after_comma.len() + dash.len_utf8();
    let ws: Vec<Word> = words(&text[base..end], base).take(40).collect();
    // `— сказал он`, `— также отметил в четверг Песков`: the verb among the first words.
    let v = ws.iter().take(4).position(|(_, w)| is_verb(w))?;
    if text[base..ws[v].0.start].contains([',', '.', ':', '"', '«', '»']) {
        return None;
    }
    let mut cue = ws[v].0.clone();
    // `говорится в сообщении`: the phrase is the cue, and its words the speaker's, for
    // the statement names its author.
    if matches!(ws[v].1, "говорится" | "сообщается")
        && let [(_, "в" | "на"), (noun, _), ..] = &ws[v + 1..]
    {
        cue = cue.start..noun.end;
    }
    // The speaker: the words after the verb to a comma or the end of the sentence; a
    // name in an apposition (`— сказал автор исследования, профессор МГУ Иван Петров`) is
    // looked at too, as the name before it in English.
    let speaker = segment(text, &ws, v + 1, end);
    let named = speaker
        .as_ref()
        .filter(|s| text[s.end..end].trim_start().starts_with(','))
        .map(|s| s.start..end);
    // A name before the verb: `— Песков сказал`, not `— также сказал`.
    let subject = (v > 0 && ws[..v].iter().any(|(_, w)| starts_upper(w)))
        .then(|| ws[0].0.start..ws[v - 1].0.end);
    Some(Cue {
        cue,
        speaker: subject.or(speaker),
        named,
    })
}

fn starts_upper(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
}

/// The words from word `k` to the first comma, colon or mark, at most twelve.
fn segment(text: &str, ws: &[Word], k: usize, end: usize) -> Option<Range<usize>> {
    let first = ws.get(k)?;
    let rest = &text[first.0.start..end];
    let stop = first.0.start
        + rest
            .find([',', ';', ':', '"', '«', '»', '('])
            .unwrap_or(rest.len());
    let n = ws[k..].iter().take_while(|(r, _)| r.end <= stop).count();
    (1..=12)
        .contains(&n)
        .then(|| first.0.start..ws[k + n - 1].0.end)
}

/// The cue before an opening mark, within its sentence: `по словам X, «…»`, `как отметил
/// X, "…"`, `X заявил: «…»`, `X сообщил, что "…"`.
pub(super) fn cue_before(text: &str, start: usize, to: usize) -> Option<Cue> {
    let ws: Vec<Word> = words(&text[start..to], start).collect();
    // `по словам X`, `по мнению X`: the phrase, and its X to a comma; `по его словам`:
    // the possessive between.
    // (Cyrillic case is not ASCII case.)
    let po = |k: usize| matches!(ws[k].1, "по" | "По");
    if let Some(k) = (1..ws.len()).rev().find(|&k| is_according(ws[k].1)) {
        if po(k - 1) {
            return Some(Cue {
                cue: ws[k - 1].0.start..ws[k].0.end,
                speaker: segment(text, &ws, k + 1, to),
                named: None,
            });
        }
        if k >= 2 && po(k - 2) {
            return Some(Cue {
                cue: ws[k - 2].0.start..ws[k].0.end,
                speaker: Some(ws[k - 1].0.clone()),
                named: None,
            });
        }
    }
    let v = ws.iter().rposition(|(_, w)| is_verb(w))?;
    let cue = ws[v].0.clone();
    // `как отметил X,`: the words after the verb.
    let as_said = v > 0 && matches!(ws[v - 1].1, "как" | "Как");
    // `X заявил: «`, else `заявил X: «` when nothing but marks stands between X and the
    // quote (in `заявил о желании видеть "…"` the words begin the reported clause).
    let inverted = || {
        segment(text, &ws, v + 1, to).filter(|r| {
            text[r.end..to]
                .chars()
                .all(|c| c.is_whitespace() || c.is_ascii_punctuation() || c == '«')
        })
    };
    let speaker = if as_said {
        segment(text, &ws, v + 1, to)
    } else {
        subject(text, &ws, v).or_else(inverted)
    };
    Some(Cue {
        cue,
        speaker,
        named: None,
    })
}

/// The words before the verb at `v`, back to a comma, colon, mark or the sentence's
/// start, the last ten of them: a Russian name comes last, after its title ("министр
/// внутренних дел Великобритании Прити Пател заявила").
fn subject(text: &str, ws: &[Word], v: usize) -> Option<Range<usize>> {
    let mut first = v;
    while first > 0 && v - first < 10 {
        let gap = &text[ws[first - 1].0.end..ws[first].0.start];
        if gap.contains([',', ';', ':', '"', '«', '»', '„', '“']) {
            break;
        }
        first -= 1;
    }
    (first < v).then(|| ws[first].0.start..ws[v - 1].0.end)
}

/// Whether `word` is `surname` inflected: Песков as Пескова, Пескову, Песковым, Пескове;
/// Достоевский as Достоевского; Петрова as Петровой; Джонсон as Джонсона. The endings of
/// Russian surnames by their ending in the nominative (adjectival -ий/-ый/-ой/-ая, the -ов/
/// -ев/-ин/-ын type, -а/-я, -ь, a consonant); an indeclinable name matches only itself.
pub(crate) fn inflects(word: &str, surname: &str) -> bool {
    if word == surname {
        return true;
    }
    let (stem, endings): (&str, &[&str]) = if let Some(stem) = ["ий", "ый", "ой"]
        .iter()
        .find_map(|e| surname.strip_suffix(e))
    {
        (stem, &["ий", "ый", "ой", "ого", "ому", "им", "ом"])
    } else if let Some(stem) = surname.strip_suffix("ая") {
        (stem, &["ая", "ой", "ую"])
    } else if ["ова", "ева", "ёва", "ина", "ына"]
        .iter()
        .any(|e| surname.ends_with(e))
    {
        (&surname[..surname.len() - "а".len()], &["а", "ой", "у"])
    } else if let Some(stem) = surname.strip_suffix('а') {
        (stem, &["а", "ы", "и", "е", "у", "ой", "ою"])
    } else if let Some(stem) = surname.strip_suffix('я') {
        (stem, &["я", "и", "е", "ю", "ей"])
    } else if let Some(stem) = surname.strip_suffix('ь') {
        (stem, &["ь", "я", "ю", "ем", "е"])
    } else if ["ов", "ев", "ёв", "ин", "ын"]
        .iter()
        .any(|e| surname.ends_with(e))
    {
        (surname, &["а", "у", "ым", "е", "ых"])
    } else if surname.ends_with(|c: char| "бвгджзклмнпрстфхцчшщ".contains(c)) {
        (surname, &["а", "у", "ом", "е"])
    } else {
        return false;
    };
    stem.chars().count() >= 3
        && word
            .strip_prefix(stem)
            .is_some_and(|ending| endings.contains(&ending))
}

#[cfg(test)]
mod tests {
    use super::inflects;

    #[test]
    fn a_surname_matches_its_case_forms_only() {
        for (word, surname) in [
            ("Пескова", "Песков"),
            ("Пескову", "Песков"),
            ("Песковым", "Песков"),
            ("Пескове", "Песков"),
            ("Смирновой", "Смирнова"),
            ("Горского", "Горский"),
            ("Белой", "Белая"),
            ("Джонсона", "Джонсон"),
            ("Гайдара", "Гайдар"),
            ("Зиминой", "Зимина"),
            ("Лавреном", "Лаврен"),
        ] {
            assert!(inflects(word, surname), "{word} {surname}");
        }
        for (word, surname) in [
            ("Песковский", "Песков"),
            ("Петрова", "Песков"),
            ("Лавровым", "Лаврова"),
            ("Джонсонов", "Джонсон"),
            ("Ли", "Ла"),
        ] {
            assert!(!inflects(word, surname), "{word} {surname}");
        }
    }
}
