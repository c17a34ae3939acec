//! Speakers: takes the words a cue names the speaker by, gives the person or organization
//! they mean. A name resolves to its entity, a pronoun to the last person (or, for "it",
//! organization) named before, a description ("Russia's defense chief") to the person whose
//! titles fit it, "the ministry" to the last ministry named, a document to its author.

use std::cell::OnceCell;
use std::ops::Range;

use super::cues::{Cue, REACH};
use crate::entities::{Named, Type};
use crate::record::{Entities, Person};
use crate::text::span::{ceil_char_boundary, floor_char_boundary};
use crate::text::wordlist::{
    DOCUMENT_NOUNS, GROUP_PRONOUNS, ORG_NOUNS, PERSON_PRONOUNS, PERSON_ROLES, REPRESENTATIVES,
    RU_AGENCIES, RU_DOCUMENT_NOUNS, RU_ORG_DESCRIPTIONS, RU_PERSON_PRONOUNS, RU_PERSON_ROLES,
    RU_UNNAMED_SOURCES,
};

/// A speaker already resolved: its name and whether it is an organization.
#[derive(Debug, Clone)]
pub(super) struct Speaker {
    pub(super) name: String,
    organization: bool,
}

pub(super) struct Resolver<'a> {
    text: &'a str,
    entities: &'a Entities<'a>,
    named: &'a [Named],
    /// Indices into `named` of each type's mentions, in text order.
    people: Vec<usize>,
    organizations: Vec<usize>,
    /// Each person's titles, lowercased and joined, at most `TITLES_BYTES` of them: made
    /// once, when a description is first matched against them.
    titles: Vec<OnceCell<String>>,
    /// Each organization's kinds, a bit for each row of `ORG_NOUNS` that its name fits:
    /// found once, when first asked, not in a long name at every "the ministry said".
    org_kinds: Vec<OnceCell<u64>>,
    protagonist: Option<Speaker>,
    /// Russian copy: its pronouns, descriptions and inflected names (`resolve_russian`).
    russian: bool,
    /// The quotes' texts, in text order (Russian copy): a name inside a quote is no one a
    /// description or pronoun after it goes back to ("…Питер Хиггс…", — пояснил глава
    /// правительства).
    pub(super) quoted: Vec<Range<usize>>,
}

/// How many earlier mentions a description is matched against: the speaker of a quote is
/// named near it, and the bound keeps the cost linear in the article's length.
const LOOK_BACK: usize = 64;

/// How much of a person's titles a description is matched against: a person holds a few
/// titles; what a text of thousands adds past this is not looked at for each quote.
const TITLES_BYTES: usize = 512;

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

    pub(super) fn new(
        text: &'a str,
        entities: &'a Entities,
        named: &'a [Named],
        russian: bool,
    ) -> Resolver<'a> {
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
            titles: vec![OnceCell::new(); people.len()],
            org_kinds: vec![OnceCell::new(); entities.organizations.len()],
            protagonist,
            russian,
            quoted: Vec::new(),
        }
    }

    /// The bits of the rows of `ORG_NOUNS` whose kind the name of organization `k` fits.
    fn org_kinds(&self, k: usize) -> u64 {
        *self.org_kinds[k].get_or_init(|| {
            let name = &self.entities.organizations[k].name;
            (ORG_NOUNS.iter().enumerate())
                .filter(|(_, (_, fits))| fits.iter().any(|f| name.contains(f)))
                .fold(0, |kinds, (row, _)| kinds | 1 << row)
        })
    }

    /// The titles of person `k`, lowercased and joined.
    fn titles(&self, k: usize) -> &str {
        self.titles[k].get_or_init(|| {
            let mut joined = String::new();
            for t in &self.entities.people[k].titles {
                if joined.len() + t.len() > TITLES_BYTES {
                    break;
                }
                joined.push_str(t);
                joined.push(' ');
            }
            joined.to_lowercase()
        })
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
    pub(super) fn named_within(&self, r: &Range<usize>) -> impl Iterator<Item = &Named> {
        let from = self.named.partition_point(|n| n.range.start < r.start);
        self.named[from..]
            .iter()
            .take_while(move |n| n.range.start < r.end)
            .filter(move |n| n.range.end <= r.end)
    }

    pub(super) fn protagonist(&self) -> Option<Speaker> {
        self.protagonist.clone()
    }

    /// The speaker a cue names and the words that name it: the first of the cue's word
    /// ranges that resolves, else the first with no speaker. The words before the verb come
    /// first, then the name before an apposition; but a name before an apposition that names
    /// an entity beats the description after it.
    pub(super) fn choose(
        &self,
        cue: &Cue,
        previous: Option<&Speaker>,
    ) -> Option<(Range<usize>, Option<Speaker>)> {
        let names_entity = |r: &Range<usize>| {
            self.named_within(r)
                .any(|n| matches!(n.kind, Type::Person | Type::Organization))
        };
        if self.russian {
            return self.choose_russian(cue);
        }
        let candidates: Vec<&Range<usize>> = cue
            .named
            .iter()
            .filter(|r| names_entity(r))
            .chain(&cue.speaker)
            .chain(&cue.named)
            .collect();
        candidates
            .iter()
            .find_map(|r| self.resolve(r, previous).map(|s| ((*r).clone(), Some(s))))
            .or_else(|| candidates.first().map(|r| ((*r).clone(), None)))
    }

    /// The entity that the words `r` name, if they name one; `previous` is the speaker of
    /// the quote before.
    pub(super) fn resolve(&self, r: &Range<usize>, previous: Option<&Speaker>) -> Option<Speaker> {
        let before = r.start;
        // A person or organization named in the words themselves; a person first.
        let inside: Vec<&Named> = self.named_within(r).collect();
        if self.russian {
            return self.resolve_russian(r, &inside);
        }
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
        if let [w] = ws[..] {
            if PERSON_PRONOUNS.contains(w) {
                return self.last_speaker(Type::Person, before);
            }
            if GROUP_PRONOUNS.contains(w) {
                // "it said": the organization that spoke last, else the last one named.
                return match previous.filter(|p| p.organization) {
                    Some(p) => Some(p.clone()),
                    None => self.last_speaker(Type::Organization, before),
                };
            }
        }
        let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
        // A document speaks for its author: "a joint statement by the European Commission".
        if lower.iter().any(|w| DOCUMENT_NOUNS.contains(w))
            && let Some(author) = self.author(&lower, before).or_else(|| previous.cloned())
        {
            return Some(author);
        }
        if let Some(n) = self.organization_by_kind(&lower, before) {
            return self.speaker(n);
        }
        self.described_person(&lower, &inside, before)
    }

    /// `choose` for Russian copy: the words after the verb up to a comma, if they resolve;
    /// else the person whose name closes an apposition after them (`— сказал ведущий автор
    /// исследования, профессор МГУ Иван Петров,`), for a Russian name follows its titles.
    fn choose_russian(&self, cue: &Cue) -> Option<(Range<usize>, Option<Speaker>)> {
        let first = cue.speaker.clone().or_else(|| cue.named.clone())?;
        if let Some(s) = self.resolve(&first, None) {
            return Some((first, Some(s)));
        }
        if let Some(named) = &cue.named {
            let closing = self.named_within(named).find(|n| {
                n.kind == Type::Person
                    && self.text[n.range.end..named.end]
                        .trim_start()
                        .chars()
                        .next()
                        .is_none_or(|c| matches!(c, ',' | '.' | ';'))
            });
            if let Some(n) = closing {
                return Some((n.range.clone(), self.speaker(n)));
            }
        }
        Some((first, None))
    }

    /// The mentions of one type that end by `before` outside the quotes, latest first; no
    /// news agency among the organizations (`RU_AGENCIES`).
    fn recent_outside(&self, kind: Type, before: usize) -> impl Iterator<Item = &Named> {
        self.recent(kind, before).filter(move |n| {
            let k = self.quoted.partition_point(|q| q.end <= n.range.start);
            let quoted = self.quoted.get(k).is_some_and(|q| q.start <= n.range.start);
            let agency = kind == Type::Organization
                && RU_AGENCIES.contains(&self.entities.organizations[n.index].name);
            !quoted && !agency
        })
    }

    fn last_outside(&self, kind: Type, before: usize) -> Option<Speaker> {
        self.recent_outside(kind, before)
            .next()
            .and_then(|n| self.speaker(n))
    }

    /// `resolve` for Russian copy: a person named in the words, else one whose surname a
    /// word inflects ("по словам Пескова"; a person's name is nominative, the words are in
    /// any case), else an organization named in them ("сообщили в Минобороны"); a pronoun
    /// ("сказал он", "по его словам") is the last person named, a description ("в
    /// ведомстве", "пресс-служба вуза", "говорится в сообщении") the last organization
    /// named, and an unnamed source ("собеседник агентства") the organization named
    /// earlier in the paragraph, else nobody.
    fn resolve_russian(&self, r: &Range<usize>, inside: &[&Named]) -> Option<Speaker> {
        let before = r.start;
        if let Some(n) = inside.iter().find(|n| n.kind == Type::Person) {
            return self.speaker(n);
        }
        let ws: Vec<&str> = self.text[r.clone()]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        if let Some(person) = self.inflected_person(&ws, before) {
            return Some(person);
        }
        let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
        let has = |list: &crate::text::wordlist::WordSet| lower.iter().any(|w| list.contains(w));
        // "глава МВД", "министр обороны": the head of an organization, not it.
        if lower.first().is_some_and(|w| RU_PERSON_ROLES.contains(w)) {
            return self.described_russian(&lower, before);
        }
        if let Some(n) = inside.iter().find(|n| n.kind == Type::Organization) {
            return self.speaker(n);
        }
        // A pronoun stands alone or near it: "он", "в четверг он", "его".
        if lower.len() <= 3 && has(&RU_PERSON_PRONOUNS) {
            return self.last_outside(Type::Person, before);
        }
        if has(&RU_UNNAMED_SOURCES) {
            // The organization that introduces the source, first in the paragraph ("В
            // пресс-службе компании X ТАСС сообщили, что … — сказал собеседник агентства").
            let paragraph = self.text[..before].rfind('\n').map_or(0, |i| i + 1);
            return self
                .recent_outside(Type::Organization, before)
                .take_while(|n| n.range.start >= paragraph)
                .last()
                .and_then(|n| self.speaker(n));
        }
        if has(&RU_PERSON_ROLES) {
            return self.described_russian(&lower, before);
        }
        if has(&RU_ORG_DESCRIPTIONS) {
            return self.described_organization(&lower, before);
        }
        if has(&RU_DOCUMENT_NOUNS) {
            return self.last_outside(Type::Organization, before);
        }
        None
    }

    /// An organization by a Russian description ("в министерстве", "в ведомстве"): of those
    /// named before, the latest whose name holds the noun (by its first five letters, for
    /// the noun is inflected), else the one named most often, the latest on a tie.
    fn described_organization(&self, lower: &[String], before: usize) -> Option<Speaker> {
        let stems: Vec<String> = lower
            .iter()
            .filter(|w| RU_ORG_DESCRIPTIONS.contains(w))
            .map(|w| w.chars().take(5).collect())
            .collect();
        let named: Vec<&Named> = self.recent_outside(Type::Organization, before).collect();
        let fits = named.iter().find(|n| {
            let name = self.entities.organizations[n.index].name.to_lowercase();
            stems.iter().any(|s| name.contains(s.as_str()))
        });
        let count = |n: &Named| named.iter().filter(|m| m.index == n.index).count();
        let mut most: Option<&Named> = None;
        for n in &named {
            if most.is_none_or(|m| count(n) > count(m)) {
                most = Some(n);
            }
        }
        fits.copied().or(most).and_then(|n| self.speaker(n))
    }

    /// A person by a Russian description ("глава правительства", "министр"): of the people
    /// named before, the one whose titles hold most of its words (compared by their first
    /// five letters, for the words are inflected), the latest on a tie.
    fn described_russian(&self, lower: &[String], before: usize) -> Option<Speaker> {
        let stems: Vec<String> = lower
            .iter()
            .filter(|w| w.chars().count() > 3)
            .map(|w| w.chars().take(5).collect())
            .collect();
        let mut best: Option<(usize, &Named)> = None;
        for n in self.recent_outside(Type::Person, before) {
            let titles = self.titles(n.index);
            let score = stems.iter().filter(|s| titles.contains(s.as_str())).count();
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, n));
            }
        }
        best.and_then(|(_, n)| self.speaker(n))
    }

    /// The person whose surname (the last word of the name) a capitalized word among `ws`
    /// inflects: of those named before, the latest, else any.
    fn inflected_person(&self, ws: &[&str], before: usize) -> Option<Speaker> {
        let fits = |k: usize| {
            let surname = self.entities.people[k].name.split_whitespace().next_back();
            surname.is_some_and(|s| {
                ws.iter()
                    .any(|w| w.starts_with(char::is_uppercase) && super::russian::inflects(w, s))
            })
        };
        if let Some(n) = self
            .recent_outside(Type::Person, before)
            .find(|n| fits(n.index))
        {
            return self.speaker(n);
        }
        let k = (0..self.entities.people.len()).find(|&k| fits(k))?;
        Some(Speaker {
            name: self.entities.people[k].name.clone(),
            organization: false,
        })
    }

    /// The speaker last named before `before` of one type.
    fn last_speaker(&self, kind: Type, before: usize) -> Option<Speaker> {
        self.recent(kind, before)
            .next()
            .and_then(|n| self.speaker(n))
    }

    /// An organization by its kind ("the ministry", "a company spokesman"): for the first
    /// kind noun among the words, the latest organization named before whose name fits it.
    fn organization_by_kind(&self, lower: &[String], before: usize) -> Option<&Named> {
        (ORG_NOUNS.iter().enumerate())
            .filter(|(_, (noun, _))| lower.iter().any(|w| w == noun))
            .find_map(|(row, _)| {
                self.recent(Type::Organization, before)
                    .find(|n| self.org_kinds(n.index) & 1 << row != 0)
            })
    }

    /// A person by description ("Russia's defense chief", "the Russian leader"): of the
    /// people named before, the one whose titles fit best. An unnamed official speaks for
    /// the organization, unless a named person holds the very role ("the spokesman" after
    /// "Vladimir Vasilenko, spokesman for …").
    fn described_person(
        &self,
        lower: &[String],
        inside: &[&Named],
        before: usize,
    ) -> Option<Speaker> {
        let roles: Vec<&[&str]> = PERSON_ROLES
            .iter()
            .filter(|(role, _)| lower.iter().any(|w| w == role))
            .map(|(_, fits)| *fits)
            .collect();
        // Without a role or an official, no description to fit a person to.
        let official = lower.iter().any(|w| REPRESENTATIVES.contains(w));
        if roles.is_empty() && !official {
            return None;
        }
        let country = inside
            .iter()
            .find(|n| n.kind == Type::Country)
            .and_then(|n| self.entities.countries[n.index].iso.as_deref());
        let mut best: Option<(usize, &Named)> = None;
        for n in self.recent(Type::Person, before) {
            let person = &self.entities.people[n.index];
            let score = fit(person, self.titles(n.index), &roles, lower, country);
            // Latest first: a tie keeps the later mention.
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, n));
            }
        }
        if official {
            if let Some((score, n)) = best
                && score >= 3
            {
                return self.speaker(n);
            }
            // "another trade source", "industry sources": a source introduced here is
            // nobody's official, unless the words name its organization (resolved before
            // this); "the source" goes back to one named before, and so to its organization.
            let definite = lower
                .first()
                .is_some_and(|w| matches!(w.as_str(), "the" | "this" | "that" | "these" | "those"));
            let unnamed_source = !definite
                && lower
                    .iter()
                    .filter(|w| REPRESENTATIVES.contains(w))
                    .all(|w| w.starts_with("source"));
            if unnamed_source {
                return None;
            }
            return self.last_speaker(Type::Organization, before);
        }
        best.and_then(|(_, n)| self.speaker(n))
    }

    /// The author of a document named near `before` ("statement by X", "the study,
    /// conducted by X and Y"): the first person or organization after "by", looked for
    /// in the document's mentions before the quote, then after it.
    fn author(&self, lower: &[String], before: usize) -> Option<Speaker> {
        let noun = lower.iter().find(|w| DOCUMENT_NOUNS.contains(w))?;
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

    /// The person or organization named right before the document named at `at` ("a
    /// World Bank report", "Tarmix's statement"), else after "by" just after it.
    fn author_at(&self, at: usize, noun_len: usize) -> Option<Speaker> {
        let last = self.named.partition_point(|n| n.range.start < at);
        let owner = self.named[..last].iter().rev().take(2).find(|n| {
            let between = self.text.get(n.range.end..at).unwrap_or("x");
            matches!(n.kind, Type::Person | Type::Organization)
                && between
                    .trim_start_matches(['\'', '’'])
                    .trim_start_matches('s')
                    .trim()
                    .is_empty()
        });
        if let Some(n) = owner {
            return self.speaker(n);
        }
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

/// How well a person's titles fit a description: 1, and 2 more if they hold a role's title
/// words, 1 for each other long word of the description in them ("defense"), 1 if the
/// description names the person's country.
fn fit(
    person: &Person,
    titles: &str,
    roles: &[&[&str]],
    lower: &[String],
    country: Option<&str>,
) -> usize {
    let mut score = 1;
    if roles
        .iter()
        .any(|fits| fits.iter().any(|f| titles.contains(f)))
    {
        score += 2;
    }
    score += lower
        .iter()
        .filter(|w| w.len() > 3 && titles.contains(w.as_str()))
        .count();
    if person.country.is_some() && person.country.as_deref() == country {
        score += 1;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::Resolver;
    use crate::entities::{Named, Type};
    use crate::record::{Entities, Organization, Person};
    use crate::text::wordlist::{ORG_NOUNS, PERSON_ROLES};

    /// Russian entities are found elsewhere: here they are given, with a mention each
    /// where their name stands in the text.
    #[test]
    fn russian_speakers_by_inflected_surname_pronoun_role_and_description() {
        let text = "Пресс-секретарь президента Дмитрий Песков выступил. Министерство \
                    обороны Тарвии провело учения.\n\nПо словам Пескова, все идет. Он сказал. \
                    Пресс-секретарь сказал. В ведомстве сообщили. Собеседник агентства сказал.\n\n\
                    Собеседник агентства сказал.";
        let person = Person {
            name: "Дмитрий Песков".into(),
            id: None,
            titles: vec!["Пресс-секретарь президента".into()],
            country: None,
            mentions: Vec::new(),
        };
        let org = Organization {
            name: "Министерство обороны Тарвии".into(),
            id: None,
            acronym: None,
            mentions: Vec::new(),
        };
        let entities = Entities {
            people: vec![person],
            organizations: vec![org],
            ..Entities::default()
        };
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            i..i + w.len()
        };
        let named = [
            Named {
                range: at("Дмитрий Песков"),
                kind: Type::Person,
                index: 0,
            },
            Named {
                range: at("Министерство обороны Тарвии"),
                kind: Type::Organization,
                index: 0,
            },
        ];
        let resolver = Resolver::new(text, &entities, &named, true);
        let who = |r: std::ops::Range<usize>| resolver.resolve(&r, None).map(|s| s.name);
        let person = Some("Дмитрий Песков".to_owned());
        let org = Some("Министерство обороны Тарвии".to_owned());
        assert_eq!(who(at("Пескова")), person);
        assert_eq!(who(at("Он")), person);
        assert_eq!(
            who(at("Пресс-секретарь сказал").start
                ..at("Пресс-секретарь сказал").start + "Пресс-секретарь".len()),
            person
        );
        assert_eq!(who(at("В ведомстве")), org);
        // An unnamed source speaks for the organization named in its paragraph, else for
        // nobody.
        assert_eq!(who(at("Собеседник агентства")), None);
        let last = text.rfind("Собеседник агентства").unwrap();
        assert_eq!(who(last..last + "Собеседник агентства".len()), None);
        let para = "Министерство обороны Тарвии провело учения.";
        let text2 = format!("{para} Собеседник агентства сказал.");
        let named2 = [Named {
            range: 0.."Министерство обороны Тарвии".len(),
            kind: Type::Organization,
            index: 0,
        }];
        let mut resolver2 = Resolver::new(&text2, &entities, &named2, true);
        let s = text2.find("Собеседник").unwrap();
        let r = s..s + "Собеседник агентства".len();
        assert_eq!(resolver2.resolve(&r, None).map(|s| s.name), org);
        // A name inside a quote is no one a description goes back to.
        resolver2.quoted = vec![named2[0].range.clone()];
        assert_eq!(resolver2.resolve(&r, None).map(|s| s.name), None);
    }

    /// "в ведомстве" goes back to the organization named most, "в министерстве" to one
    /// whose name is a ministry's; a news agency is the addressee, never the speaker.
    #[test]
    fn russian_organizations_by_description() {
        let text = "ТАСС спросил. Министерство обороны Тарвии сообщило. Министерство обороны \
                    Тарвии добавило. Центральный округ Тарвии ответил. Фонд Тарвии ответил. \
                    В ведомстве сказали. В министерстве сказали. Собеседник сказал.";
        let org = |name: &str| Organization {
            name: name.into(),
            id: None,
            acronym: None,
            mentions: Vec::new(),
        };
        let entities = Entities {
            organizations: vec![
                org("Министерство обороны Тарвии"),
                org("Центральный округ Тарвии"),
                org("Фонд Тарвии"),
                org("ТАСС"),
            ],
            ..Entities::default()
        };
        let mut named = Vec::new();
        for (index, name) in [
            "Министерство обороны Тарвии",
            "Центральный округ Тарвии",
            "Фонд Тарвии",
            "ТАСС",
        ]
        .into_iter()
        .enumerate()
        {
            for (at, _) in text.match_indices(name) {
                named.push(Named {
                    range: at..at + name.len(),
                    kind: Type::Organization,
                    index,
                });
            }
        }
        named.sort_by_key(|n| n.range.start);
        let resolver = Resolver::new(text, &entities, &named, true);
        let who = |w: &str| {
            let at = text.find(w).unwrap();
            resolver.resolve(&(at..at + w.len()), None).map(|s| s.name)
        };
        let ministry = Some("Министерство обороны Тарвии".to_owned());
        assert_eq!(who("В ведомстве"), ministry);
        assert_eq!(who("В министерстве"), ministry);
        // The source's organization is the first named in its paragraph, the agency aside.
        assert_eq!(who("Собеседник"), ministry);
    }

    #[test]
    fn keyed_lists_are_their_files_in_order() {
        for (table, file) in [
            (PERSON_ROLES, include_str!("../data/person-roles.tsv")),
            (ORG_NOUNS, include_str!("../data/org-nouns.tsv")),
        ] {
            let rows: Vec<(&str, Vec<&str>)> = file
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .map(|l| {
                    let (key, fits) = l.split_once('\t').expect("two columns");
                    (key, fits.split('|').filter(|f| *f != "-").collect())
                })
                .collect();
            let compiled: Vec<(&str, Vec<&str>)> = table
                .iter()
                .map(|(key, fits)| (*key, fits.to_vec()))
                .collect();
            assert_eq!(compiled, rows);
        }
        // An organization's kinds are a bit for each row.
        assert!(ORG_NOUNS.len() <= 64);
    }
}
