//! The whole stage, through `parse`.

use crate::{Date, Options, Quote, QuoteKind, parse};

fn quotes(text: &str) -> Vec<Quote<'static>> {
    // Quotes borrow their text; the tests' texts are built in place, so kept for good.
    let text: &'static str = Box::leak(text.into());
    let options = Options::default().with_reference_date(Date::new(2026, 11, 27).unwrap());
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

#[test]
fn a_long_subject_and_a_reported_clause_after_the_verb() {
    let q = quotes(&format!(
        "{HEAD}Fund analyst Mara Olsen at Pell Harrow Securities Ltd said one lender, which she would not name, \"plans to sell the loans.\"\n\n\"Prices will fall,\" said Ivo Brand, an analyst with Kell Brothers Inc. \"Buyers are waiting.\"\n"
    ));
    assert_eq!(
        who(&q),
        [
            ("plans to sell the loans.", Some("Mara Olsen"), Some("said")),
            ("Prices will fall,", Some("Ivo Brand"), Some("said")),
            ("Buyers are waiting.", Some("Ivo Brand"), Some("said")),
        ]
    );
}

#[test]
fn a_source_introduced_here_speaks_for_no_organization_named_before() {
    let q = quotes(&format!(
        "{HEAD}Dorvan Corp said sales rose. \"Demand is weak,\" another trade source said.\n\nA Dorvan Corp source spoke. \"It is soon,\" the source said.\n"
    ));
    assert_eq!(
        who(&q),
        [
            ("Demand is weak,", None, Some("said")),
            ("It is soon,", Some("Dorvan Corp"), Some("said")),
        ]
    );
}

#[test]
fn a_document_speaks_for_the_owner_named_before_it() {
    let q = quotes(&format!(
        "{HEAD}A Tarmix Corp report on the grain trade came out.\n\nThe report, printed by a weekly, the Farm Letter, said exports \"will halve.\"\n\nSome said a study \"is late.\"\n"
    ));
    assert_eq!(
        who(&q),
        [
            ("will halve.", Some("Tarmix Corp"), Some("said")),
            ("is late.", None, Some("said"))
        ]
    );
}

#[test]
fn a_pronoun_after_a_conjunction_or_after_according_to() {
    let q = quotes(&format!(
        "{HEAD}But he said: \"Rates will rise.\"\n\nAccording to him, \"prices will fall.\"\n\nAccording to the plan, \"nothing changes.\"\n"
    ));
    let speakers: Vec<Option<&str>> = q.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("John Carver"), Some("John Carver"), None]);
}

#[test]
fn a_speaker_mention_closes_the_bracket_it_opens() {
    let q = quotes(&format!(
        "{HEAD}\"We are ready,\" the Tarvik Treaty Organization (TTO) said.\n"
    ));
    let mention = q[0].speaker_mention.as_ref().unwrap();
    assert_eq!(mention.text, "the Tarvik Treaty Organization (TTO)");
}

#[test]
fn according_to_after_a_quote_and_a_long_relative_clause() {
    let q = quotes(&format!(
        "{HEAD}\"The talks were useful,\" according to Carver.\n\nAnna Berg, who arrived late on Sunday after a long flight from the capital, said: \"We are hopeful.\"\n"
    ));
    assert_eq!(
        who(&q),
        [
            (
                "The talks were useful,",
                Some("John Carver"),
                Some("according to")
            ),
            ("We are hopeful.", Some("Anna Berg"), Some("said"))
        ]
    );
}

#[test]
fn an_organization_reports_and_a_full_stop_ends_the_sentence() {
    let q = quotes(&format!(
        "{HEAD}The Tarvian Defense Ministry said troops had left. \"All units are back,\" the ministry reported.\n\nCarver said the board would meet \"over the next several weeks.\" No other details of the plan were given, Kelmar Corp said.\n"
    ));
    assert_eq!(
        who(&q),
        [
            (
                "All units are back,",
                Some("Tarvian Defense Ministry"),
                Some("reported")
            ),
            (
                "over the next several weeks.",
                Some("John Carver"),
                Some("said")
            )
        ]
    );
}

const RU_HEAD: &str = "Заголовок\n\nМОСКВА, 4 мая. /ТАСС/. Министр выступил.\n\n";

#[test]
fn russian_names_nested_in_a_quote_belong_to_it() {
    let q = quotes(&format!(
        "{RU_HEAD}\"Завод \"Ромашка\" и АО \"Лютик\" работают\", - сообщили в ведомстве.\n\n\"Куплено 16 самолетов \"Бета\", - сказал он.\n"
    ));
    assert_eq!(
        who(&q).iter().map(|(t, _, c)| (*t, *c)).collect::<Vec<_>>(),
        [
            (
                "Завод \"Ромашка\" и АО \"Лютик\" работают",
                Some("сообщили")
            ),
            ("Куплено 16 самолетов \"Бета\"", Some("сказал")),
        ]
    );
    assert_eq!(q[0].speaker_mention.as_ref().unwrap().text, "в ведомстве");
    assert_eq!(q[1].speaker_mention.as_ref().unwrap().text, "он");
}

#[test]
fn russian_cues_before_a_quote() {
    let q = quotes(&format!(
        "{RU_HEAD}По словам Иванова, «работа идет по плану».\n\nПо его мнению, «сроки реальны».\n\nКак отметила Петрова, «все готово».\n\nСидоров заявил: «Мы готовы».\n\n«Все хорошо», — говорится в сообщении.\n\nВ свою очередь министр финансов Тарвии Анна Смит заявила о желании видеть «страну сильной».\n"
    ));
    let cues: Vec<(&str, Option<&str>, Option<&str>)> = q
        .iter()
        .map(|q| {
            (
                q.text,
                q.cue.as_deref(),
                q.speaker_mention.as_ref().map(|m| m.text),
            )
        })
        .collect();
    assert_eq!(
        cues,
        [
            ("работа идет по плану", Some("По словам"), Some("Иванова")),
            ("сроки реальны", Some("По его мнению"), Some("его")),
            ("все готово", Some("отметила"), Some("Петрова")),
            ("Мы готовы", Some("заявил"), Some("Сидоров")),
            (
                "Все хорошо",
                Some("говорится в сообщении"),
                Some("в сообщении")
            ),
            (
                "страну сильной",
                Some("заявила"),
                Some("В свою очередь министр финансов Тарвии Анна Смит")
            ),
        ]
    );
}
