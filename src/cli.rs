//! Command-line arguments, as the user types them. `config` resolves them.

use std::ffi::OsString;

use clap::Parser;
use newsparse::Date;

const EXAMPLES: &str = "\
Examples:
  newsparse article.txt                      one article, pretty-printed
  newsparse article.txt | jq .dateline       pick a field with jq
  newsparse a.txt b.txt c.txt > all.jsonl    several articles, one JSON line each
  cat article.txt | newsparse                read standard input
  newsparse --reference-date 2024-01-01 article.txt
  for f in *.txt; do newsparse \"$f\" > \"${f%.txt}.json\"; done

Exit status:
  0  every article was parsed (a closed output pipe also ends with 0)
  1  at least one input could not be read or is no article; the others were still printed
  2  usage error (unknown option, bad value)";

/// Splits news-agency articles (TASS, Reuters, Xinhua, AP) into headline, lead, dateline and
/// body, and prints each as one JSON record.
#[derive(Debug, Parser)]
#[command(name = "newsparse", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Article files (UTF-8 text). None, or `-`, reads standard input. One file prints one
    /// pretty record; several print JSON Lines, one compact record per line, in order.
    #[arg(value_name = "FILE")]
    pub files: Vec<OsString>,

    /// Print each record on one line (the default for several files).
    #[arg(long, overrides_with = "pretty")]
    pub compact: bool,

    /// Print each record indented over several lines (the default for one file).
    #[arg(long, overrides_with = "compact")]
    pub pretty: bool,

    /// The latest date a weekday in the first paragraph ("on Tuesday") may resolve the
    /// dateline's year to [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub reference_date: Option<Date>,

    /// Print the JSON Schema of the record and exit.
    #[arg(long, exclusive = true)]
    pub schema: bool,
}
