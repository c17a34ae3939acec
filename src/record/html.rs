//! Output: an `Article` as one self-contained HTML page to look at (`--format html`). The
//! text is shown as written, each mention highlighted by its entity's type, each quote
//! marked and linked to its speaker, and a side panel lists the entities. No script, no
//! stylesheet, font or image from elsewhere: a Content-Security-Policy says so to the
//! browser too, so that even a page whose escaping failed could run nothing and fetch
//! nothing.
//!
//! Everything is placed by the record's spans (code points), each region of text (headline,
//! lead, dateline, paragraph) from its own text and the span where it starts: mentions and
//! quotes become elements at those offsets, and every element that stands for a span
//! carries it as `data-start`/`data-end`, so that a test (or a reader's tool) can check
//! that the element's text is exactly the span's.

use std::cell::Cell;
use std::io;

use crate::record::{Article, Mention, Quote, Span};

/// How much of a page `render_html` makes before writing it.
const CHUNK: usize = 64 * 1024;

/// The four kinds of entity, in the record's order: the class a mention's element gets,
/// the prefix of its entry's id, and the legend's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Person,
    Country,
    Organization,
    Event,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Person, Kind::Country, Kind::Organization, Kind::Event];

    fn class(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Country => "country",
            Kind::Organization => "organization",
            Kind::Event => "event",
        }
    }

    fn legend(self) -> &'static str {
        match self {
            Kind::Person => "Person",
            Kind::Country => "Country",
            Kind::Organization => "Organization",
            Kind::Event => "Event",
        }
    }

    fn heading(self) -> &'static str {
        match self {
            Kind::Person => "People",
            Kind::Country => "Countries",
            Kind::Organization => "Organizations",
            Kind::Event => "Events",
        }
    }
}

/// One entity as the page shows it: its entry's id, its name, what the panel says of it
/// besides (titles, country, ISO code, acronym) and its mentions.
struct Entry<'r, 'a> {
    kind: Kind,
    index: usize,
    name: &'r str,
    details: Vec<String>,
    mentions: &'r [Mention<'a>],
}

impl Entry<'_, '_> {
    fn id(&self) -> String {
        format!("{}-{}", self.kind.class(), self.index)
    }

    /// What hovering a mention shows: the type, the name and the details.
    fn title(&self) -> String {
        let mut title = format!("{}: {}", self.kind.legend(), self.name);
        if !self.details.is_empty() {
            title.push_str(" (");
            title.push_str(&self.details.join("; "));
            title.push(')');
        }
        title
    }
}

fn entries<'r, 'a>(article: &'r Article<'a>) -> Vec<Entry<'r, 'a>> {
    let e = &article.entities;
    let mut all = Vec::new();
    for (index, p) in e.people.iter().enumerate() {
        let mut details = Vec::new();
        if !p.titles.is_empty() {
            details.push(p.titles.join(", "));
        }
        details.extend(p.country.as_ref().map(|c| format!("country {c}")));
        details.extend(p.id.as_ref().map(|id| format!("id {id}")));
        all.push(Entry {
            kind: Kind::Person,
            index,
            name: &p.name,
            details,
            mentions: &p.mentions,
        });
    }
    for (index, c) in e.countries.iter().enumerate() {
        all.push(Entry {
            kind: Kind::Country,
            index,
            name: &c.name,
            details: (c.iso.iter().map(|iso| format!("ISO {iso}")))
                .chain(c.id.iter().map(|id| format!("id {id}")))
                .collect(),
            mentions: &c.mentions,
        });
    }
    for (index, o) in e.organizations.iter().enumerate() {
        all.push(Entry {
            kind: Kind::Organization,
            index,
            name: &o.name,
            details: (o.acronym.iter().map(|a| format!("acronym {a}")))
                .chain(o.id.iter().map(|id| format!("id {id}")))
                .collect(),
            mentions: &o.mentions,
        });
    }
    for (index, ev) in e.events.iter().enumerate() {
        all.push(Entry {
            kind: Kind::Event,
            index,
            name: &ev.name,
            details: ev.id.iter().map(|id| format!("id {id}")).collect(),
            mentions: &ev.mentions,
        });
    }
    all
}

/// Writes one self-contained HTML page for `article` from `source` (a file name, an id:
/// whatever names the input) to `out`, a piece of about 64 KiB at a time.
///
/// The page shows the headline, lead, dateline and body as written (the article's text is
/// always escaped: a `<script>` in it is text), every mention highlighted by its entity's
/// type with a legend, each quote marked and linked to its speaker's entry, and a side
/// panel of the people (titles, country), countries (ISO code), organizations (acronym) and
/// events with their mention counts; hovering a mention shows its entity. The page loads
/// nothing from elsewhere and holds no script.
///
/// Every element that stands for a stretch of the text (headline, lead, dateline,
/// paragraph, mention, piece of a quote) carries its code-point span as `data-start` and
/// `data-end`, and its text content is exactly those code points of the decoded input
/// (a carriage return is written `&#13;`, which an HTML parser keeps; a NUL, which no HTML
/// text can hold, is shown as U+FFFD).
///
/// ```
/// use newsparse::{Options, parse, render_html};
/// let article = parse("Title\n\nMOSCOW, May 4. /TASS/. Russia <b>met</b> France.", &Options::default());
/// let mut page = Vec::new();
/// render_html(&mut page, "article.txt", &article)?;
/// let page = String::from_utf8(page)?;
/// assert!(page.contains("&lt;b&gt;met&lt;/b&gt;"));
/// assert!(page.contains(r##"class="m country" href="#country-0""##));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_html<W: io::Write>(mut out: W, source: &str, article: &Article) -> io::Result<()> {
    let mut page = Page {
        buf: Vec::with_capacity(CHUNK + 1024),
        out: &mut out,
    };
    let entries = entries(article);
    write_page(&mut page, source, article, &entries)?;
    page.flush()
}

/// The page being made, written out whenever it holds `CHUNK` bytes.
struct Page<'o> {
    buf: Vec<u8>,
    out: &'o mut dyn io::Write,
}

impl Page<'_> {
    fn raw(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// `text` escaped for an element's content or a double-quoted attribute value.
    fn text(&mut self, text: &str) {
        let mut from = 0;
        for (i, c) in text.char_indices() {
            let escaped = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                // The parser would read a CR (and CRLF) as LF; a reference keeps it, so that
                // an element's text stays its span's.
                '\r' => "&#13;",
                // A NUL is dropped or replaced by any HTML parser, however it is written.
                '\0' => "\u{FFFD}",
                _ => continue,
            };
            self.buf.extend_from_slice(&text.as_bytes()[from..i]);
            self.raw(escaped);
            from = i + c.len_utf8();
        }
        self.buf.extend_from_slice(&text.as_bytes()[from..]);
    }

    fn spill(&mut self) -> io::Result<()> {
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()
    }
}

const STYLE: &str = "
:root{--person:#cfe3ff;--person-b:#2f6fd0;--country:#d3f2d0;--country-b:#2e8b3a;
--organization:#ffe2c2;--organization-b:#d0741c;--event:#ead9fb;--event-b:#8148c4;
--quote:#fff6bf;--quote-b:#c9a400}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 Georgia,'Times New Roman',serif;color:#1d1d1f;background:#fafaf7;
display:flex;flex-wrap:wrap;align-items:flex-start}
main{flex:1 1 34em;max-width:46em;padding:1.5em 2em;background:#fff;min-height:100vh;
border-right:1px solid #e2e2dc}
aside{flex:1 1 18em;max-width:30em;padding:1.2em 1.5em;font:14px/1.45 system-ui,sans-serif;
position:sticky;top:0;max-height:100vh;overflow:auto}
.source{font:12px/1.4 ui-monospace,monospace;color:#777;margin:0 0 1em;word-break:break-all}
h1,.lead,.para{white-space:pre-wrap;overflow-wrap:anywhere}
h1{font-size:1.7em;line-height:1.25;margin:.2em 0 .5em}
.lead{font-size:1.12em;color:#444;font-style:italic}
.dateline{font-variant:small-caps;font-weight:bold;color:#555}
.m{color:inherit;text-decoration:none;border-bottom:2px solid;border-radius:2px;padding:0 1px}
.m.person{background:var(--person);border-color:var(--person-b)}
.m.country{background:var(--country);border-color:var(--country-b)}
.m.organization{background:var(--organization);border-color:var(--organization-b)}
.m.event{background:var(--event);border-color:var(--event-b)}
.q{background:var(--quote);box-shadow:inset 3px 0 0 var(--quote-b)}
.said{font:11px/1 system-ui,sans-serif;vertical-align:super;margin-left:2px;padding:1px 4px;
border-radius:8px;background:var(--quote-b);color:#fff;text-decoration:none;white-space:nowrap}
.said::after{content:'\\2192\\00a0' attr(data-speaker)}
aside h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:#666;
margin:1.3em 0 .4em}
aside ul{list-style:none;margin:0;padding:0}
aside li{margin:.25em 0;padding:.25em .4em;border-left:4px solid #ccc;border-radius:2px}
aside li.person{border-color:var(--person-b)}
aside li.country{border-color:var(--country-b)}
aside li.organization{border-color:var(--organization-b)}
aside li.event{border-color:var(--event-b)}
aside li.quote{border-color:var(--quote-b)}
aside li:target{background:#fff3a8}
.count{float:right;color:#666;font-variant-numeric:tabular-nums}
.details{display:block;color:#555;font-size:12px}
.legend span{display:inline-block;margin:0 .6em .3em 0;padding:0 .4em;border-bottom:2px solid}
.legend .none{color:#888;border:0}
.empty{color:#888}
";

fn write_page(
    page: &mut Page,
    source: &str,
    article: &Article,
    entries: &[Entry],
) -> io::Result<()> {
    page.raw("<!DOCTYPE html>\n<html lang=\"");
    page.raw(article.language.code());
    page.raw(
        "\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"newsparse\">\n<title>",
    );
    page.text(article.headline.as_deref().unwrap_or(source));
    page.raw("</title>\n<style>");
    page.raw(STYLE);
    page.raw("</style>\n</head>\n<body>\n<main>\n<p class=\"source\">");
    page.text(source);
    page.raw(" · ");
    page.text(article.encoding);
    page.raw("</p>\n");
    let marks = Marks::new(article, entries);
    if let (Some(text), Some(span)) = (&article.headline, article.headline_span) {
        region(page, "h1", "headline", text, span, &marks);
        page.raw("\n");
    }
    if let (Some(text), Some(span)) = (&article.lead, article.lead_span) {
        region(page, "p", "lead", text, span, &marks);
        page.raw("\n");
    }
    let mut dateline = article.dateline.as_ref();
    for p in article.body.iter() {
        page.raw("<p class=\"para\">");
        // The dateline opens the first paragraph's line, as in the article.
        if let Some(d) = dateline.take() {
            dateline_span(page, d);
            page.raw(" ");
        }
        region(page, "span", "text", p.text, p.span, &marks);
        page.raw("</p>\n");
        page.spill()?;
    }
    if let Some(d) = dateline {
        page.raw("<p class=\"para\">");
        dateline_span(page, d);
        page.raw("</p>\n");
    }
    page.raw("</main>\n");
    panel(page, article, entries, &marks);
    page.raw("</body>\n</html>\n");
    Ok(())
}

fn dateline_span(page: &mut Page, d: &crate::record::Dateline) {
    let parts = [&d.location, &d.region, &d.date, &d.agency];
    let title = parts.into_iter().flatten().map(String::as_str);
    let title = title.collect::<Vec<_>>().join(" · ");
    page.raw("<span class=\"dateline\"");
    span_attrs(page, d.span);
    page.raw(" title=\"Dateline: ");
    page.text(&title);
    page.raw("\">");
    page.text(&d.text);
    page.raw("</span>");
}

fn span_attrs(page: &mut Page, span: Span) {
    page.raw(&format!(
        " data-start=\"{}\" data-end=\"{}\"",
        span.0, span.1
    ));
}

/// The mentions and quotes of the article in text order, with what their elements say.
struct Marks<'m> {
    /// (span, entry) for every mention; mentions never overlap.
    mentions: Vec<(Span, &'m Entry<'m, 'm>)>,
    quotes: &'m [Quote<'m>],
    /// For each quote: the id of its speaker's entry, where the speaker is one.
    speakers: Vec<Option<String>>,
    /// For each quote: whether a piece of it has been written, which holds its anchor.
    anchored: Vec<Cell<bool>>,
}

impl<'m> Marks<'m> {
    fn new(article: &'m Article, entries: &'m [Entry<'m, 'm>]) -> Marks<'m> {
        let mut mentions: Vec<(Span, &Entry)> = entries
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (m.span, e)))
            .collect();
        mentions.sort_by_key(|(span, _)| *span);
        // A speaker is the name of a person, else of an organization (`Quote::speaker`):
        // the first of each name, the people's inserted last so that they win.
        let mut by_name = std::collections::HashMap::new();
        for kind in [Kind::Organization, Kind::Person] {
            let of_kind = entries.iter().filter(|e| e.kind == kind);
            for e in of_kind.rev() {
                by_name.insert(e.name, e);
            }
        }
        let speakers = (article.quotes.iter())
            .map(|q| by_name.get(q.speaker.as_deref()?).map(|e| e.id()))
            .collect();
        Marks {
            mentions,
            quotes: &article.quotes,
            speakers,
            anchored: vec![Cell::new(false); article.quotes.len()],
        }
    }

    /// The mentions inside `span`.
    fn mentions_in(&self, span: Span) -> &[(Span, &'m Entry<'m, 'm>)] {
        let from = self.mentions.partition_point(|(m, _)| m.0 < span.0);
        let to = self.mentions.partition_point(|(m, _)| m.0 < span.1);
        &self.mentions[from..to]
    }
}

/// An element's edge inside a region: where it is (code points) and what it is. At one
/// offset, elements close before others open, and a mention, the inner element, closes
/// first and opens last, so that the markup nests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Edge {
    CloseMention,
    CloseQuote { quote: usize, last: bool },
    OpenQuote { quote: usize, end: usize },
    OpenMention { mention: usize },
}

/// One stretch of text (`text`, starting at code point `span.0`) as an element `tag` of
/// `class`, its mentions and the pieces of quotes inside it marked.
fn region(page: &mut Page, tag: &str, class: &str, text: &str, span: Span, marks: &Marks) {
    let mentions = marks.mentions_in(span);
    let mut edges: Vec<(usize, Edge)> = Vec::new();
    for (n, (m, _)) in mentions.iter().enumerate() {
        if m.0 < m.1 && m.1 <= span.1 {
            edges.push((m.0, Edge::OpenMention { mention: n }));
            edges.push((m.1, Edge::CloseMention));
        }
    }
    // A quote over several paragraphs is a piece in each. Quotes contain mentions; should a
    // mention reach over a quote's edge, the piece is narrowed to leave the mention whole,
    // since a mention's element must hold its whole span.
    let inside = |at: usize| {
        let n = mentions.partition_point(|(m, _)| m.0 < at);
        n.checked_sub(1).map(|k| mentions[k].0).filter(|m| m.1 > at)
    };
    let mut after = span.0;
    // Quotes come in text order and do not overlap: those in the region are found by
    // halving, so that an article of many paragraphs and quotes costs no product of both.
    let first = marks.quotes.partition_point(|q| q.span.1 <= span.0);
    let quotes = marks.quotes[first..]
        .iter()
        .take_while(|q| q.span.0 < span.1);
    for (n, q) in (first..).zip(quotes) {
        let mut start = q.span.0.max(span.0).max(after);
        let mut end = q.span.1.min(span.1);
        if let Some(m) = inside(start) {
            start = m.1;
        }
        if let Some(m) = inside(end) {
            end = m.0;
        }
        if start >= end {
            continue;
        }
        after = end;
        edges.push((start, Edge::OpenQuote { quote: n, end }));
        let last = q.span.1 <= span.1;
        edges.push((end, Edge::CloseQuote { quote: n, last }));
    }
    edges.sort();

    page.raw(&format!("<{tag} class=\"{class}\""));
    span_attrs(page, span);
    page.raw(">");
    // Code points to bytes, walking the text once.
    let mut chars = text.char_indices();
    let (mut at, mut byte) = (span.0, 0);
    for (offset, edge) in edges {
        while at < offset {
            match chars.next() {
                Some(_) => at += 1,
                None => break,
            }
        }
        let next = chars.clone().next().map_or(text.len(), |(i, _)| i);
        page.text(&text[byte..next]);
        byte = next;
        match edge {
            Edge::OpenMention { mention } => {
                let (m, entry) = mentions[mention];
                page.raw(&format!(
                    "<a class=\"m {}\" href=\"#{}\"",
                    entry.kind.class(),
                    entry.id()
                ));
                span_attrs(page, m);
                page.raw(" title=\"");
                page.text(&entry.title());
                page.raw("\">");
            }
            Edge::CloseMention => page.raw("</a>"),
            Edge::OpenQuote { quote, end } => {
                let q = &marks.quotes[quote];
                page.raw("<span class=\"q\"");
                // The first piece is the quote's anchor, for the panel's list.
                if !marks.anchored[quote].replace(true) {
                    page.raw(&format!(" id=\"quote-{quote}\""));
                }
                page.raw(&format!(" data-quote=\"{quote}\""));
                span_attrs(page, Span(offset, end));
                page.raw(" title=\"");
                page.text(&quote_title(quote, q));
                page.raw("\">");
            }
            Edge::CloseQuote { quote, last } => {
                page.raw("</span>");
                if last {
                    said(page, &marks.quotes[quote], marks.speakers[quote].as_deref());
                }
            }
        }
    }
    page.text(&text[byte..]);
    page.raw(&format!("</{tag}>"));
}

fn quote_title(n: usize, q: &Quote) -> String {
    let kind = match q.kind {
        crate::record::QuoteKind::Direct => "direct",
        crate::record::QuoteKind::Partial => "partial",
    };
    let mut title = format!("Quote {} ({kind})", n + 1);
    match &q.speaker {
        Some(s) => title.push_str(&format!(", said by {s}")),
        None => title.push_str(", speaker unknown"),
    }
    if let Some(cue) = &q.cue {
        title.push_str(&format!(" (cue: {cue})"));
    }
    title
}

/// The mark after a quote that names its speaker and links to the speaker's entry. The
/// name is drawn by CSS from an attribute, not written as text, so that the paragraph's
/// text stays the article's (and its span's).
fn said(page: &mut Page, q: &Quote, speaker: Option<&str>) {
    let Some(name) = &q.speaker else { return };
    match speaker {
        Some(id) => page.raw(&format!("<a class=\"said\" href=\"#{id}\"")),
        None => page.raw("<span class=\"said\""),
    }
    page.raw(" data-speaker=\"");
    page.text(name);
    page.raw("\" title=\"said by ");
    page.text(name);
    page.raw("\">");
    page.raw(if speaker.is_some() { "</a>" } else { "</span>" });
}

fn panel(page: &mut Page, article: &Article, entries: &[Entry], marks: &Marks) {
    page.raw("<aside>\n<h2>Legend</h2>\n<p class=\"legend\">");
    for kind in Kind::ALL {
        page.raw(&format!(
            "<span class=\"m {}\">{}</span>",
            kind.class(),
            kind.legend()
        ));
    }
    page.raw("<span class=\"q\">Quote</span></p>\n");
    for kind in Kind::ALL {
        page.raw(&format!("<h2>{}</h2>\n", kind.heading()));
        let mut of_kind = entries.iter().filter(|e| e.kind == kind).peekable();
        if of_kind.peek().is_none() {
            page.raw("<p class=\"empty\">none</p>\n");
            continue;
        }
        page.raw("<ul>\n");
        for e in of_kind {
            let count = e.mentions.len();
            page.raw(&format!(
                "<li class=\"{}\" id=\"{}\" data-mentions=\"{count}\"><span class=\"count\" \
                 title=\"mentions\">×{count}</span><b>",
                kind.class(),
                e.id()
            ));
            page.text(e.name);
            page.raw("</b>");
            if !e.details.is_empty() {
                page.raw("<span class=\"details\">");
                page.text(&e.details.join(" · "));
                page.raw("</span>");
            }
            page.raw("</li>\n");
        }
        page.raw("</ul>\n");
    }
    page.raw("<h2>Quotes</h2>\n");
    if article.quotes.is_empty() {
        page.raw("<p class=\"empty\">none</p>\n");
    } else {
        page.raw("<ul>\n");
        for (n, q) in article.quotes.iter().enumerate() {
            page.raw(&format!(
                "<li class=\"quote\"><a href=\"#quote-{n}\">Quote {}</a> ",
                n + 1
            ));
            match (&q.speaker, &marks.speakers[n]) {
                (Some(name), Some(id)) => {
                    page.raw(&format!("<a href=\"#{id}\">"));
                    page.text(name);
                    page.raw("</a>");
                }
                (Some(name), None) => page.text(name),
                (None, _) => page.raw("<span class=\"empty\">speaker unknown</span>"),
            }
            let mut details = Vec::new();
            if let Some(m) = &q.speaker_mention {
                details.push(format!("as “{}”", m.text));
            }
            details.extend(q.cue.iter().map(|c| format!("cue “{c}”")));
            if !details.is_empty() {
                page.raw("<span class=\"details\">");
                page.text(&details.join(" · "));
                page.raw("</span>");
            }
            page.raw("</li>\n");
        }
        page.raw("</ul>\n");
    }
    page.raw("</aside>\n");
}
