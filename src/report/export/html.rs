//! The report as one self-contained, printable HTML page: inline CSS, no scripts, no external
//! assets. The markup is also well-formed XML (XHTML-compatible: every element closed, void
//! elements self-closed, all text escaped), so strict tools can read it.

use std::fmt::Write as _;

use super::doc::{Block, Cell, Document, RowKind, Table, Tone};
use crate::i18n::Lang;

const CSS: &str = include_str!("../../../assets/report.css");

pub fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let lang = match doc.lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{lang}\" xml:lang=\"{lang}\">\n\
         <head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"duban\"/>\n\
         <title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        escape(&doc.title)
    );
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n<p class=\"summary\">{}</p>\n</header>\n",
        escape(&doc.title),
        escape(&doc.subtitle),
        escape(&doc.summary)
    );
    for s in &doc.sections {
        let _ = writeln!(
            out,
            "<section id=\"{0}\" class=\"{0}\">\n<h2>{1}</h2>",
            s.key,
            escape(&s.heading)
        );
        for block in &s.blocks {
            match block {
                Block::Heading(h) => {
                    let _ = writeln!(out, "<h3>{}</h3>", escape(h));
                }
                Block::Para(p) => {
                    let _ = writeln!(out, "<p>{}</p>", escape_lines(p));
                }
                Block::Table(t) => table(&mut out, t),
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn table(out: &mut String, t: &Table) {
    out.push_str("<table>\n<thead><tr>");
    for (h, &numeric) in t.header.iter().zip(&t.numeric) {
        let class = if numeric { " class=\"num\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str(match row.kind {
            RowKind::Data => "<tr>",
            RowKind::Subtotal => "<tr class=\"subtotal\">",
        });
        for (i, c) in row.cells.iter().enumerate() {
            let numeric = t.numeric.get(i).copied().unwrap_or(false);
            let nowrap = t.nowrap.get(i).copied().unwrap_or(false);
            cell(out, c, numeric, nowrap);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn cell(out: &mut String, c: &Cell, numeric: bool, nowrap: bool) {
    let mut classes = Vec::new();
    if numeric {
        classes.push("num");
    } else if nowrap {
        classes.push("nw");
    }
    if c.bar.is_some() {
        classes.push("bar");
    }
    classes.push(match c.tone {
        Tone::Plain | Tone::Todo => "",
        Tone::Doing => "st-doing",
        Tone::Done => "st-done",
        Tone::Blocked => "st-blocked",
        Tone::Overdue => "st-overdue",
    });
    classes.retain(|c| !c.is_empty());
    if classes.is_empty() {
        out.push_str("<td>");
    } else {
        let _ = write!(out, "<td class=\"{}\">", classes.join(" "));
    }
    if let Some(pct) = c.bar {
        let _ = write!(
            out,
            "<span class=\"track\"><span class=\"fill\" style=\"width:{}%\"></span></span>",
            pct.min(100)
        );
    }
    out.push_str(&escape_lines(&c.text));
    out.push_str("</td>");
}

/// Escape text for element content and attribute values alike.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and line breaks are not allowed in XML.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks kept as `<br/>`.
fn escape_lines(s: &str) -> String {
    s.trim_end()
        .lines()
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br/>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_chars() {
        assert_eq!(
            escape("<b>\"A&B\"</b> 'x'\u{7}"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;"
        );
        assert_eq!(escape_lines("一\n二\n"), "一<br/>二");
    }

    #[test]
    fn css_keeps_the_page_well_formed() {
        assert!(!CSS.contains('<') && !CSS.contains('&'));
        assert!(CSS.contains("@page { size: A4;"));
    }
}
