//! Bytes in as choices: an article-like text made of them — furniture lines, a headline, a
//! lead, a dateline in one of several wire styles (TASS, Reuters, Xinhua, AP, Russian TASS),
//! body paragraphs of people with titles, countries and demonyms, organizations with
//! acronyms, events, quotes in every kind of mark with their cues — now and then with raw
//! bytes, odd whitespace, CR line ends or long repetition, encoded as UTF-8 (with or without a
//! byte-order mark), UTF-16 or a legacy 8-bit encoding, sometimes forced. Then the same
//! invariants as the `parse` target (`check.rs`, one file for both). The word pools are
//! small and general, invented or common names; nothing is copied from a corpus.
//!
//! Run (stable toolchain, from the repository's root, on one core), after seeding the
//! corpus with a few random inputs (any bytes make an article; longer ones make longer
//! articles, which an empty corpus reaches only slowly):
//! ```text
//! mkdir -p fuzz/corpus/article
//! for n in 512 1024 2048 4096; do head -c $n /dev/urandom >fuzz/corpus/article/seed-$n; done
//! RUSTC_BOOTSTRAP=1 cargo fuzz run article fuzz/corpus/article -- -timeout=10 \
//!     -rss_limit_mb=2048 -max_len=65536 -max_total_time=7200
//! ```
//! (`-fork=1 -ignore_crashes=1 -ignore_timeouts=1` to go on past a failure, each still
//! saved under `fuzz/artifacts/article/`.) To see the article an input makes, and run
//! `newsparse` on it, run the target on that input with `NEWSPARSE_FUZZ_OUT=<file>` in the
//! environment.
#![no_main]

use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use newsparse::Encoding;

#[path = "check.rs"]
mod check;

/// The text stays within this many bytes (a piece that would go past it is left out), so
/// that an input is slow by its shape, not by the sheer size repetition can give it.
const MAX_TEXT: usize = 128 * 1024;

const FURNITURE: &[&str] = &[
    "All news",
    "Read more",
    "Military & Defense",
    "World",
    "Politics",
    "Share",
    "Advertisement",
    "Top stories",
    "Subscribe",
    "TASS",
    "Reuters",
    "© 2024",
    "26 DEC 2024, 14:30",
    "Updated 12:05 GMT",
    "March 3, 2025",
    "15.08.2017",
];
const FIRST: &[&str] = &[
    "Sergei", "Sergey", "Anna", "Ivan", "Maria", "John", "Li", "Elena", "Ahmed", "Olga", "Peter",
    "Jean-Luc", "Kim", "Oksana", "J.", "Mary Ann",
];
const LAST: &[&str] = &[
    "Shoigu",
    "Volkov",
    "Petrov",
    "Ivanova",
    "Smith",
    "Chen",
    "Garcia",
    "Novak",
    "Haddad",
    "Lindqvist",
    "Tanaka",
    "al-Sabah",
    "de la Cruz",
    "O'Brien",
    "Holland",
    "Park",
];
const TITLES: &[&str] = &[
    "Defense Minister",
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Deputy Prime Minister",
    "Minister of Agriculture",
    "spokesman",
    "Senator",
    "Rep.",
    "Governor",
    "Secretary-General",
    "Chief of the General Staff",
    "Ambassador",
    "Mayor",
    "Mr.",
    "Dr.",
    "Gen.",
    "Captain",
    "Chairman",
    "former",
];
const DESCRIPTIONS: &[&str] = &[
    "the minister",
    "the president",
    "the spokesman",
    "the diplomat",
    "the official",
    "the governor",
    "the general",
    "the ministry",
    "the agency",
    "the company",
    "the organization",
    "the bank",
    "the press service",
    "the source",
    "a spokeswoman",
    "the country's top diplomat",
    "the Russian minister",
    "Russia’s defense chief",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "I"];
/// A name and its demonym.
const COUNTRIES: &[(&str, &str)] = &[
    ("Russia", "Russian"),
    ("the United States", "American"),
    ("the U.S.", "U.S."),
    ("China", "Chinese"),
    ("France", "French"),
    ("Germany", "German"),
    ("Vietnam", "Vietnamese"),
    ("Finland", "Finnish"),
    ("Turkey", "Turkish"),
    ("Egypt", "Egyptian"),
    ("India", "Indian"),
    ("South Korea", "South Korean"),
    ("Britain", "British"),
    ("the United Kingdom", "British"),
    ("the Soviet Union", "Soviet"),
    ("Kosovo", "Kosovar"),
    ("Canada", "Canadian"),
    ("New Zealand", "New Zealand"),
    ("Georgia", "Georgian"),
    ("Latin America", "Latin American"),
];
/// A full name and its acronym ("" for none).
const ORGS: &[(&str, &str)] = &[
    ("World Health Organization", "WHO"),
    ("Collective Security Treaty Organization", "CSTO"),
    ("International Monetary Fund", "IMF"),
    ("North Atlantic Treaty Organization", "NATO"),
    ("European Union", "EU"),
    ("United Nations", "UN"),
    ("Defense Ministry", ""),
    ("Foreign Ministry", ""),
    ("Ministry of Agriculture", ""),
    ("State Duma", ""),
    ("Security Council", ""),
    ("Central Bank", ""),
    ("Federal Security Service", "FSB"),
    ("Gelco Corp", ""),
    ("Alpha Bank of Nowhere", ""),
    ("Northline Ferries Oy", ""),
    ("Grain Union", ""),
    ("Pacific Fleet", ""),
    ("Association of Southeast Asian Nations", "ASEAN"),
    ("National Grid Energy Agency", "NGEA"),
];
/// Words of invented long names ("Alpha Northern Bank of …").
const NAME_WORDS: &[&str] = &[
    "Alpha", "Northern", "United", "National", "Energy", "Grid", "Bank", "of", "and", "the",
    "Trade", "Union", "Council", "Agency", "Company", "Fund", "Group", "Holding",
];
const EVENTS: &[&str] = &[
    "11th Moscow Conference on International Security",
    "International Economic Forum",
    "Eastern Economic Forum",
    "G20 summit",
    "BRICS summit",
    "Zapad-2025 exercises",
    "Vostok-2022 strategic exercises",
    "Olympic Games",
    "2018 World Cup",
    "Army-2024 forum",
    "Conference on Peace",
    "Summit of the Americas",
    "Games of the Future",
];
const CITIES: &[&str] = &[
    "MOSCOW",
    "WASHINGTON",
    "BEIJING",
    "LONDON",
    "PARIS",
    "KRASNODAR",
    "VLADIVOSTOK",
    "PATRIOT PARK",
    "ST. PETERSBURG",
    "NEW YORK",
    "TAUPO",
    "ULAN-UDE",
    "SAN JOSE",
    "Moscow",
    "Geneva",
];
const REGIONS: &[&str] = &[
    "Moscow Region",
    "Krasnodar Territory",
    "Primorsky Region",
    "N.J.",
    "Calif.",
    "New Zealand",
    "Republic of Buryatia",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Sep",
    "Dec.",
    "MARCH",
    "Thursday",
];
const RU_CITIES: &[&str] = &["МОСКВА", "САНКТ-ПЕТЕРБУРГ", "КРАСНОДАР", "Москва"];
const RU_MONTHS: &[&str] = &[
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const RU_PIECES: &[&str] = &[
    "Министр обороны Сергей Петров",
    "министр сельского хозяйства Анна Волкова",
    "Петров",
    "Россия",
    "России",
    "Турции",
    "Египет",
    "Министерство иностранных дел",
    "Всемирная организация здравоохранения (ВОЗ)",
    "ВОЗ",
    "Госдума",
    "сказал",
    "сообщила",
    "заявил",
    "отметил",
    "по его словам",
    "По словам",
    "во вторник",
    "Урожай станет одним из крупнейших",
    "Мы готовы к диалогу",
];
const SAID: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "stressed",
    "noted",
    "said in a statement",
    "told TASS",
    "told a news conference",
    "wrote on Telegram",
    "said on Tuesday",
    "warned",
    "explained",
    "said earlier",
    "replied",
    "quoted",
    "says",
];
const VERBS: &[&str] = &[
    "met",
    "held talks with",
    "visited",
    "signed an agreement with",
    "criticized",
    "spoke at",
    "arrived in",
    "called on",
    "took part in",
    "agreed with",
    "said that",
    "announced",
];
const FILLER: &[&str] = &[
    "the new measures",
    "on Tuesday",
    "last week",
    "in the region",
    "over the border",
    "about 120 mln dlrs",
    "more than 500 servicemen",
    "the talks",
    "a new satellite",
    "sanctions",
    "in 2024",
    "on August 15",
    "at 14:30 GMT",
    "U.S. forces",
    "the crisis",
];
const QUOTED: &[&str] = &[
    "We have never closed the door to dialogue",
    "This buys us time, but it is not a solution",
    "Our decision stands",
    "It serves no one",
    "The crews practiced in stormy conditions",
    "Yes",
    "We will respond",
    "No comment",
    "a step forward",
    "unacceptable",
    "The situation remains difficult. We are monitoring it",
    "<…> the work continues",
    "Is this the end? No!",
    "as he put it, 'a mistake'",
];
/// Opening and closing marks, some mismatched.
const MARKS: &[(&str, &str)] = &[
    ("“", "”"),
    ("“", "”"),
    ("«", "»"),
    ("\"", "\""),
    ("\"", "\""),
    ("'", "'"),
    ("„", "“"),
    ("„", "”"),
    ("‘", "’"),
    ("‹", "›"),
    ("”", "“"),
    ("«", "“"),
    ("\"", "”"),
    ("»", "«"),
    ("``", "''"),
];
const SPACES: &[&str] = &[
    "  ", "\u{a0}", "\t", "\u{200b}", "", "\n", "\r\n", "\r", "\u{2028}", "\u{3000}", "\u{85}",
    " \u{301}", "🙂 ", " - ", " -- ", " — ",
];
const BREAKS: &[&str] = &[
    "\n\n", "\n\n", "\n\n", "\n", "\r\n\r\n", "\r\r", "\n \n", "\n\n\n", "\u{2029}", "\n\t\n",
    "\u{c}",
];
const SIGN_OFFS: &[&str] = &[
    "Reuter",
    "Enditem",
    "(Reporting by Anna Smith; Editing by John Chen)",
    "/TASS/",
    "(AP)",
    "©",
];

#[derive(Clone, Copy)]
struct Person {
    first: &'static str,
    last: &'static str,
    title: &'static str,
    demonym: &'static str,
}

struct Gen<'a> {
    u: Unstructured<'a>,
    out: String,
    people: Vec<Person>,
    /// Full name and acronym ("" for none).
    orgs: Vec<(String, String)>,
    countries: Vec<(&'static str, &'static str)>,
    events: Vec<&'static str>,
    russian: bool,
}

impl Gen<'_> {
    fn below(&mut self, n: usize) -> usize {
        self.u.choose_index(n).unwrap_or(0)
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        self.u.int_in_range(lo..=hi).unwrap_or(lo)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// True about once in `n` times.
    fn one_in(&mut self, n: u8) -> bool {
        self.u.ratio(1, n).unwrap_or(false)
    }

    fn put(&mut self, s: &str) {
        if self.out.len() + s.len() <= MAX_TEXT {
            self.out.push_str(s);
        }
    }

    /// A space between words, now and then an odd one, or raw bytes.
    fn space(&mut self) {
        if self.one_in(24) {
            if self.one_in(4) {
                let n = self.range(1, 16).min(self.u.len());
                let raw = self.u.bytes(n).unwrap_or_default();
                let raw = String::from_utf8_lossy(raw).into_owned();
                self.put(&raw);
            } else {
                let s = self.pick(SPACES);
                self.put(s);
            }
        } else {
            self.put(" ");
        }
    }

    /// Punctuation, glued to the word before it.
    fn punct(&mut self, s: &str) {
        if self.out.ends_with(' ') {
            self.out.pop();
        }
        self.put(s);
    }

    fn word(&mut self, s: &str) {
        self.put(s);
        self.space();
    }

    /// Furniture, headline, lead, dateline, body, sign-off.
    fn article(&mut self) {
        self.russian = self.one_in(8);
        for _ in 0..self.range(1, 3) {
            let person = Person {
                first: self.pick(FIRST),
                last: self.pick(LAST),
                title: self.pick(TITLES),
                demonym: self.pick(COUNTRIES).1,
            };
            self.people.push(person);
        }
        for _ in 0..self.range(1, 3) {
            let org = self.org_name();
            self.orgs.push(org);
        }
        for _ in 0..self.range(1, 3) {
            let country = self.pick(COUNTRIES);
            self.countries.push(country);
        }
        for _ in 0..self.range(0, 2) {
            let event = self.pick(EVENTS);
            self.events.push(event);
        }

        for _ in 0..self.range(0, 3) {
            let line = self.pick(FURNITURE);
            self.put(line);
            let b = self.pick(BREAKS);
            self.put(b);
        }
        if !self.one_in(8) {
            let start = self.out.len();
            self.sentence(false);
            match self.below(6) {
                0 => {
                    let caps = self.out[start..].to_uppercase();
                    self.out.replace_range(start.., &caps);
                }
                1 => {
                    let title: String = self.out[start..]
                        .split(' ')
                        .map(|w| {
                            let mut c = w.chars();
                            c.next().map_or_else(String::new, |f| {
                                f.to_uppercase().chain(c).collect::<String>()
                            })
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    self.out.replace_range(start.., &title);
                }
                _ => {}
            }
            let b = self.pick(BREAKS);
            self.put(b);
            if self.one_in(2) {
                self.sentence(false);
                let b = self.pick(BREAKS);
                self.put(b);
            }
        }
        if !self.one_in(6) {
            self.dateline();
        }
        let paragraphs = self.range(1, 8);
        let mut open_quote = false;
        for i in 0..paragraphs {
            if i > 0 {
                let b = self.pick(BREAKS);
                self.put(b);
            }
            let start = self.out.len();
            for _ in 0..self.range(1, 4) {
                open_quote = self.sentence(open_quote);
            }
            // Long repetition: the paragraph again and again.
            if self.one_in(32) {
                let again = self.out[start..].to_owned();
                for _ in 0..self.range(1, 255) * self.range(1, 8) {
                    let b = if self.one_in(2) {
                        " "
                    } else {
                        self.pick(BREAKS)
                    };
                    self.put(b);
                    self.put(&again);
                }
            }
        }
        if self.one_in(4) {
            let b = self.pick(BREAKS);
            self.put(b);
            let s = self.pick(SIGN_OFFS);
            self.put(s);
        }
        if self.one_in(8) {
            let b = self.pick(BREAKS);
            self.put(b);
        }
    }

    fn org_name(&mut self) -> (String, String) {
        if self.one_in(8) {
            // An invented name, long now and then, with an acronym of its initials.
            let n = if self.one_in(4) {
                self.range(1, 60)
            } else {
                self.range(1, 5)
            };
            let words: Vec<&str> = (0..n).map(|_| self.pick(NAME_WORDS)).collect();
            let acronym: String = words
                .iter()
                .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
                .map(|w| &w[..1])
                .collect();
            let acronym = if acronym.len() >= 2 && self.one_in(2) {
                acronym
            } else {
                String::new()
            };
            return (words.join(" "), acronym);
        }
        let (name, acronym) = self.pick(ORGS);
        (name.to_owned(), acronym.to_owned())
    }

    fn dateline(&mut self) {
        let day = if self.one_in(16) {
            self.range(0, 99)
        } else {
            self.range(1, 31)
        };
        let year = if self.one_in(3) {
            format!(
                ", {}",
                if self.one_in(8) {
                    self.range(0, 99_999)
                } else {
                    self.range(1990, 2030)
                }
            )
        } else {
            String::new()
        };
        if self.russian || self.one_in(10) {
            let city = self.pick(RU_CITIES);
            let month = self.pick(RU_MONTHS);
            self.put(&format!("{city}, {day} {month}{year}. /ТАСС/. "));
            return;
        }
        let city = self.pick(CITIES);
        let month = self.pick(MONTHS);
        let region = self.pick(REGIONS);
        let line = match self.below(8) {
            0 | 1 => format!("{city} /{region}/, {month} {day}{year}. /TASS/. "),
            2 => format!("{city}, {month} {day}{year}. /TASS/. "),
            3 => format!("{city}, {month} {day} (Reuters) - "),
            4 => format!("{city} (Reuters) - "),
            5 => format!("{city}, {region}, {month} {day} - "),
            6 => format!("{city}, {month} {day} (Xinhua) -- "),
            _ => format!("{city} (AP) — "),
        };
        self.put(&line);
    }

    /// One sentence, or the rest of a quote left open in the paragraph before; returns
    /// whether it leaves a quote open (to go on in the next paragraph).
    fn sentence(&mut self, open_quote: bool) -> bool {
        let start = self.out.len();
        let (open, close) = self.pick(MARKS);
        if open_quote {
            // The next paragraph of a long quote opens with the mark again.
            self.put(open);
            let q = self.pick(QUOTED);
            self.put(q);
            self.put(".");
            if self.one_in(2) {
                return true;
            }
            self.put(close);
            self.space();
            self.cue_after();
            self.end();
            return false;
        }
        if self.russian && self.one_in(2) {
            for _ in 0..self.range(2, 8) {
                if self.one_in(4) {
                    self.put(open);
                    let s = self.pick(RU_PIECES);
                    self.put(s);
                    self.put(close);
                    self.punct(",");
                } else {
                    let s = self.pick(RU_PIECES);
                    self.put(s);
                }
                self.space();
            }
            self.end();
            return false;
        }
        let mut left_open = false;
        match self.below(8) {
            0 | 1 => {
                self.subject();
                let verb = self.pick(VERBS);
                self.word(verb);
                self.object();
                self.end();
            }
            2 | 3 => {
                // “…,” cue.
                self.put(open);
                let q = self.pick(QUOTED);
                self.put(q);
                let s = if self.one_in(3) { "." } else { "," };
                self.punct(s);
                self.put(close);
                self.space();
                self.cue_after();
                self.end();
            }
            4 => {
                // Cue: “…”
                self.subject();
                let said = self.pick(SAID);
                self.put(said);
                let s = if self.one_in(2) { ":" } else { "," };
                self.punct(s);
                self.space();
                self.put(open);
                let q = self.pick(QUOTED);
                self.put(q);
                if self.one_in(4) {
                    self.put(".");
                    left_open = true;
                } else {
                    self.put(".");
                    self.put(close);
                }
            }
            5 => {
                let s = if self.one_in(2) {
                    "According to"
                } else {
                    "according to"
                };
                self.put(s);
                self.space();
                self.subject();
                self.punct(",");
                self.space();
                if self.one_in(2) {
                    self.put(open);
                    let q = self.pick(QUOTED);
                    self.put(q);
                    self.put(close);
                } else {
                    self.subject();
                    let verb = self.pick(VERBS);
                    self.word(verb);
                    self.object();
                }
                self.end();
            }
            6 => {
                // A partial quote woven into reported speech.
                self.subject();
                self.word("called");
                self.object();
                self.put(open);
                let q = self.pick(QUOTED);
                self.put(q);
                self.put(close);
                self.end();
            }
            _ => {
                // Bare pieces in any order.
                for _ in 0..self.range(1, 12) {
                    match self.below(6) {
                        0 => self.person(),
                        1 => self.org(),
                        2 => self.country(),
                        3 => self.event(),
                        4 => {
                            let m = if self.one_in(2) { open } else { close };
                            self.put(m);
                        }
                        _ => {
                            let s = self.pick(SAID);
                            self.word(s);
                        }
                    }
                }
                self.end();
            }
        }
        // A sentence starts with a capital.
        if let Some(c) = self.out[start..].chars().next()
            && c.is_ascii_lowercase()
            && self.below(8) != 0
        {
            self.out
                .replace_range(start..start + 1, &c.to_ascii_uppercase().to_string());
        }
        left_open
    }

    fn end(&mut self) {
        let end = self.pick(&[".", ".", ".", "?", "!", "", ";", "..."]);
        self.punct(end);
        self.space();
    }

    /// The cue after a quote: “he said”, “said Anna Smith”, “the ministry added”.
    fn cue_after(&mut self) {
        let said = self.pick(SAID);
        if self.one_in(3) {
            self.word(said);
            self.subject();
        } else {
            self.subject();
            self.word(said);
        }
        if self.one_in(4) {
            self.punct(",");
            self.space();
            self.object();
        }
    }

    fn subject(&mut self) {
        match self.below(10) {
            0..=4 => self.person(),
            5 | 6 => self.org(),
            7 => self.country(),
            8 => {
                let d = self.pick(DESCRIPTIONS);
                self.word(d);
            }
            _ => {
                let p = self.pick(PRONOUNS);
                self.word(p);
            }
        }
    }

    fn object(&mut self) {
        match self.below(6) {
            0 => self.person(),
            1 => self.org(),
            2 => self.country(),
            3 => self.event(),
            _ => {
                let f = self.pick(FILLER);
                self.word(f);
            }
        }
    }

    fn person(&mut self) {
        let i = self.below(self.people.len());
        let Person {
            first,
            last,
            title,
            demonym,
        } = self.people[i];
        match self.below(12) {
            0 | 1 => {
                self.word(demonym);
                self.word(title);
                self.word(first);
                self.word(last);
            }
            2 | 3 => {
                self.word(title);
                self.word(first);
                self.word(last);
            }
            4 => {
                self.word(first);
                self.word(last);
            }
            5 | 6 => self.word(last),
            7 => {
                self.put(last);
                let s = if self.one_in(2) { "'s" } else { "’s" };
                self.put(s);
                self.space();
            }
            8 => {
                self.word(title);
                self.word(last);
            }
            9 => {
                // An apposition: “Anna Smith, the Finnish minister,”
                self.word(first);
                self.put(last);
                self.punct(",");
                self.space();
                let d = self.pick(DESCRIPTIONS);
                self.put(d);
                self.punct(",");
                self.space();
            }
            10 => {
                let d = self.pick(DESCRIPTIONS);
                self.word(d);
            }
            _ => {
                let p = self.pick(PRONOUNS);
                self.word(p);
            }
        }
    }

    fn org(&mut self) {
        let i = self.below(self.orgs.len());
        let (name, acronym) = self.orgs[i].clone();
        match self.below(6) {
            0 | 1 => {
                self.word("the");
                if acronym.is_empty() {
                    self.word(&name);
                } else {
                    self.put(&name);
                    self.space();
                    self.put(&format!("({acronym})"));
                    self.space();
                }
            }
            2 if !acronym.is_empty() => self.word(&acronym),
            3 => {
                let (_, demonym) = self.pick(COUNTRIES);
                self.word(demonym);
                self.word(&name);
            }
            4 => {
                let d = self.pick(&["the ministry", "the agency", "the bank", "the company"]);
                self.word(d);
            }
            _ => self.word(&name),
        }
    }

    fn country(&mut self) {
        let i = self.below(self.countries.len());
        let (name, demonym) = self.countries[i];
        match self.below(4) {
            0 | 1 => self.word(name),
            2 => {
                self.word(demonym);
                let f = self.pick(&["officials", "troops", "side", "forces", "companies"]);
                self.word(f);
            }
            _ => {
                self.put(name);
                self.put("'s");
                self.space();
            }
        }
    }

    fn event(&mut self) {
        let name = if self.events.is_empty() || self.one_in(4) {
            self.pick(EVENTS)
        } else {
            let i = self.below(self.events.len());
            self.events[i]
        };
        if self.one_in(2) {
            self.word("the");
        }
        self.word(name);
    }

    /// The text as bytes in some encoding, and the encoding to force, if any.
    fn encode(mut self) -> (Vec<u8>, Option<&'static Encoding>) {
        let text = std::mem::take(&mut self.out);
        let (mut bytes, forced) = match self.below(16) {
            0 => ([&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(), None),
            1 => {
                let mut b = vec![0xFF, 0xFE];
                b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                (b, None)
            }
            2 => {
                let mut b = vec![0xFE, 0xFF];
                b.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
                (b, None)
            }
            3 | 4 => {
                let label = self.pick(&["windows-1251", "koi8-r", "windows-1252"]);
                let encoding = Encoding::for_label(label.as_bytes()).unwrap();
                let (b, _, _) = encoding.encode(&text);
                let forced = if self.one_in(2) { Some(encoding) } else { None };
                (b.into_owned(), forced)
            }
            5 => {
                // UTF-8 read as something else.
                let label = self.pick(&["windows-1251", "iso-8859-1", "utf-16le"]);
                (text.into_bytes(), Encoding::for_label(label.as_bytes()))
            }
            _ => (text.into_bytes(), None),
        };
        // Now and then the fuzzer's own bytes at the end, to break the encoding.
        if self.one_in(16) {
            bytes.extend_from_slice(self.u.take_rest());
        }
        (bytes, forced)
    }
}

/// `NEWSPARSE_FUZZ_OUT=<file>`: each input's article is written there (the last one run
/// stays), and a forced encoding said on standard error.
static OUT: std::sync::LazyLock<Option<std::ffi::OsString>> =
    std::sync::LazyLock::new(|| std::env::var_os("NEWSPARSE_FUZZ_OUT"));

fuzz_target!(|data: &[u8]| {
    let mut generator = Gen {
        u: Unstructured::new(data),
        out: String::new(),
        people: Vec::new(),
        orgs: Vec::new(),
        countries: Vec::new(),
        events: Vec::new(),
        russian: false,
    };
    generator.article();
    let (bytes, forced) = generator.encode();
    if let Some(path) = &*OUT {
        std::fs::write(path, &bytes).expect("NEWSPARSE_FUZZ_OUT is writable");
        if let Some(encoding) = forced {
            eprintln!("forced encoding: {}", encoding.name());
        }
    }
    check::check(&bytes, forced);
});
