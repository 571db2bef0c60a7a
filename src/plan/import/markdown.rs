//! Markdown pipe tables, as plans are posted on government sites and pasted into chats:
//!
//! ```text
//! # 某区2024年政务公开工作要点任务分解表       ← title: the heading or line before the table
//!
//! | 序号 | 工作任务 | 具体要求 | 责任单位 |     ← header
//! |---|---|:--|---|                            ← separator (required)
//! | 1 | 甲 | 第一行<br>第二行 | 区政府办 |      ← <br> is a line break inside the cell
//! |  |  | 含 \| 的文字 | 区财政局 |            ← empty cells continue the cell above
//! ```
//!
//! The first table with a recognizable header is read. Rows keep their cell count as
//! written, so a ragged row is reported by line, like in the other formats.

use super::ImportError;
use super::cell::is_attachment_label;
use super::roles::ColumnSpec;
use super::table::{Row, Table};

/// Whether `text` holds a pipe table: a row line followed by a separator line.
pub fn has_table(text: &str) -> bool {
    // Both lines need a pipe: a document without one (most plain-text plans) has no table.
    if !text.contains('|') {
        return false;
    }
    let mut after_row = false;
    for line in text.lines() {
        if after_row && separator_columns(line).is_some() {
            return true;
        }
        after_row = is_row(line);
    }
    false
}

/// `spec`: the roles `--columns` gave, if any.
pub fn read_table(text: &str, file: &str, spec: Option<&ColumnSpec>) -> Result<Table, ImportError> {
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    // The last heading above the table titles it; without one, the last line of text.
    let mut heading: Option<(String, usize)> = None;
    let mut line: Option<(String, usize)> = None;
    let mut first_text: Option<usize> = None;
    let mut first_error: Option<ImportError> = None;
    let mut i = 0;
    while i < lines.len() {
        let starts_table = is_row(lines[i])
            && lines
                .get(i + 1)
                .and_then(|l| separator_columns(l))
                .is_some();
        if !starts_table {
            if let Some(t) = title_text(lines[i]) {
                first_text.get_or_insert(i + 1);
                if lines[i].trim_start().starts_with('#') {
                    heading = Some((t.clone(), i + 1));
                }
                line = Some((t, i + 1));
            }
            i += 1;
            continue;
        }
        let header = Row {
            line: i + 1,
            cells: split_row(lines[i]),
        };
        let columns = separator_columns(lines[i + 1]).unwrap_or_default();
        let mut rows = vec![header];
        let mut j = i + 2;
        while j < lines.len() && is_row(lines[j]) {
            rows.push(Row {
                line: j + 1,
                cells: split_row(lines[j]),
            });
            j += 1;
        }
        let width = rows[0].cells.len();
        let title = heading.clone().or_else(|| line.clone());
        match Table::from_rows_with(title, rows, file, spec) {
            Ok(_) if columns != width => {
                let problem =
                    format!("the separator line has {columns} columns, the header has {width}");
                return Err(ImportError::new(file, i + 2, problem));
            }
            Ok(t) => return Ok(t),
            // Not a plan table (a legend, a contact list): try the next one.
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
        i = j;
    }
    Err(first_error.unwrap_or_else(|| {
        ImportError::new(
            file,
            first_text.unwrap_or(1),
            "no pipe table: no `| … |` line followed by a `|---|` separator line",
        )
    }))
}

/// A table line: it has a cell delimiter and is not a paragraph that merely mentions one.
fn is_row(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') || (t.contains('|') && !t.is_empty() && split_row(t).len() > 1)
}

/// The column count of a `|---|:--:|` line, `None` for any other line.
fn separator_columns(line: &str) -> Option<usize> {
    let t = line.trim();
    if !t.contains('-') || !t.contains('|') {
        return None;
    }
    let cells = split_row(t);
    let ok = cells.iter().all(|c| {
        let c = c.trim().trim_start_matches(':').trim_end_matches(':');
        !c.is_empty() && c.chars().all(|ch| ch == '-')
    });
    ok.then_some(cells.len())
}

/// Cells between unescaped pipes, outer pipes dropped, `\|` unescaped, `<br>` as a line
/// break.
fn split_row(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    // A closing pipe leaves nothing after it; text after the last pipe is a last cell.
    if !cell.trim().is_empty() {
        cells.push(cell);
    }
    cells.into_iter().map(|c| cell_text(&c)).collect()
}

fn cell_text(raw: &str) -> String {
    let mut s = raw.trim().to_string();
    for br in ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />"] {
        s = s.replace(br, "\n");
    }
    for (entity, c) in [
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&amp;", "&"),
    ] {
        s = s.replace(entity, c);
    }
    // Bold is how posted plans mark section rows and headers; it is not part of the text.
    s = s.replace("**", "").replace("__", "");
    s.lines().map(str::trim).collect::<Vec<_>>().join("\n")
}

/// A heading or paragraph line that could title the table below it.
fn title_text(line: &str) -> Option<String> {
    let t = line
        .trim()
        .trim_start_matches('#')
        .trim()
        .replace("**", "")
        .replace("__", "");
    let t = t.trim();
    let quote = t.starts_with('>');
    (!t.is_empty() && !quote && !is_attachment_label(t) && !t.starts_with("---"))
        .then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_unescape_pipes_and_breaks() {
        assert_eq!(
            split_row("| a \\| b | 第一行<br>第二行 |  | **一、甲** |"),
            ["a | b", "第一行\n第二行", "", "一、甲"]
        );
        assert_eq!(split_row("a | b"), ["a", "b"]);
        assert_eq!(split_row("|a|b|"), ["a", "b"]);
    }

    #[test]
    fn separators() {
        assert_eq!(separator_columns("|---|:--:|--:|"), Some(3));
        assert_eq!(separator_columns("--- | ---"), Some(2));
        assert_eq!(separator_columns("| a |---|"), None);
        assert_eq!(separator_columns("---"), None);
        assert!(!has_table("正文 a|b 提到竖线\n---\n"));
    }

    #[test]
    fn title_is_the_last_line_before_the_table() {
        let text = "附件1\n\n## **2024年工作要点**\n\n| 具体要求 |\n|---|\n| 甲 |\n";
        let t = read_table(text, "f", None).expect("reads");
        assert_eq!(t.title.as_deref(), Some("2024年工作要点"));
        assert_eq!((t.title_line, t.header.line), (3, 5));
        assert_eq!(t.rows[0].cells, ["甲"]);
    }
}
