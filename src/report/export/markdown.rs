//! The report as GitHub-flavoured Markdown: pipe tables, text progress bars.

use std::fmt::Write as _;

use super::doc::{Block, Cell, Document, RowKind, Table, Tone};

/// Width of the text progress bar, in characters.
const BAR: usize = 10;

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&doc.title));
    let _ = writeln!(out, "{}\n", escape(&doc.subtitle));
    let _ = writeln!(out, "**{}**\n", escape(&doc.summary));
    for s in &doc.sections {
        let _ = writeln!(out, "## {}\n", escape(&s.heading));
        for block in &s.blocks {
            match block {
                Block::Heading(h) => {
                    let _ = writeln!(out, "### {}\n", escape(h));
                }
                Block::Para(p) => {
                    let _ = writeln!(out, "{}\n", escape(p));
                }
                Block::Table(t) => {
                    table(&mut out, t);
                    out.push('\n');
                }
            }
        }
    }
    out
}

fn table(out: &mut String, t: &Table) {
    let header: Vec<String> = t.header.iter().map(|h| escape(h)).collect();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let rule: Vec<&str> = t
        .numeric
        .iter()
        .map(|&n| if n { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
    for row in &t.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| cell(c, row.kind == RowKind::Subtotal))
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

fn cell(c: &Cell, bold: bool) -> String {
    let mut text = escape(&c.text);
    if !text.is_empty() && (bold || c.tone == Tone::Overdue) {
        text = format!("**{text}**");
    }
    match c.bar {
        Some(pct) => format!("`{}` {text}", bar(pct)),
        None => text,
    }
}

/// `####------` for 40%.
pub fn bar(pct: u32) -> String {
    let filled = (usize::try_from(pct.min(100)).unwrap_or(0) * BAR).div_ceil(100);
    // A started bar shows at least one mark, a finished one is full only at 100%.
    let filled = if pct < 100 { filled.min(BAR - 1) } else { BAR };
    format!("{}{}", "#".repeat(filled), "-".repeat(BAR - filled))
}

/// Make text literal inside Markdown, table cells included: markup characters are
/// backslash-escaped, `<`/`&` become entities, line breaks `<br>`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut lines = s.trim_end().lines().peekable();
    while let Some(line) = lines.next() {
        for c in line.chars() {
            match c {
                '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' => {
                    out.push('\\');
                    out.push(c);
                }
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                _ => out.push(c),
            }
        }
        if lines.peek().is_some() {
            out.push_str("<br>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars() {
        assert_eq!(bar(0), "----------");
        assert_eq!(bar(5), "#---------");
        assert_eq!(bar(50), "#####-----");
        assert_eq!(bar(99), "#########-");
        assert_eq!(bar(100), "##########");
    }

    #[test]
    fn escaping_keeps_tables_intact() {
        assert_eq!(
            escape("a|b\nc<d> & *e*"),
            "a\\|b<br>c&lt;d&gt; &amp; \\*e\\*"
        );
        assert_eq!(escape("“十四五”规划"), "“十四五”规划");
    }
}
