//! The tab-cell text format that Word produces when a table is saved as plain text:
//!
//! ```text
//!  永济市2021年政务公开工作要点任务分解表      ← title (any line before the table)
//!                                              ← an empty line ends a row
//! \t序号                                       ← a line starting with TAB starts a cell
//! \t公开任务
//! …
//!
//! \t1
//! \t扩大公开范围
//! 打造阳光政府                                  ← no TAB: the cell above continues
//! ```
//!
//! The first row naming a requirement column is the header. This module only finds rows
//! and cells; meaning is [`build_plan`](super::table::build_plan)'s business.

use super::ImportError;
use super::cell::is_attachment_label;
use super::roles::ColumnSpec;
use super::table::{Row, Table};

/// Whitespace that pads a line but is not the TAB cell marker.
fn is_pad(c: char) -> bool {
    c.is_whitespace() && c != '\t'
}

pub fn read_table(text: &str, file: &str) -> Result<Table, ImportError> {
    read_table_with(text, file, None)
}

/// [`read_table`] with the roles `--columns` gave.
pub fn read_table_with(
    text: &str,
    file: &str,
    spec: Option<&ColumnSpec>,
) -> Result<Table, ImportError> {
    let mut title: Option<(String, usize)> = None;
    let mut rows: Vec<Row> = Vec::new();
    let mut open: Option<Row> = None;
    for (i, raw) in text.split('\n').enumerate() {
        let n = i + 1;
        // Only padding is stripped: a lone TAB is an (empty) cell, not a blank line.
        let line = raw.trim_end_matches(is_pad);
        if line.is_empty() {
            rows.extend(open.take());
            continue;
        }
        if let Some(cell) = line.trim_start_matches(is_pad).strip_prefix('\t') {
            let row = open.get_or_insert_with(|| Row {
                line: n,
                cells: Vec::new(),
            });
            row.cells.push(cell.trim().to_string());
        } else if let Some(last) = open.as_mut().and_then(|r| r.cells.last_mut()) {
            last.push('\n');
            last.push_str(line.trim());
        } else if rows.is_empty() {
            if title.is_none() && !is_attachment_label(line) {
                title = Some((line.trim().to_string(), n));
            }
        } else {
            let problem = "text outside the table: table lines start with a TAB, \
                           and an empty line cannot occur inside a cell";
            return Err(ImportError::new(file, n, problem));
        }
    }
    rows.extend(open);
    if rows.is_empty() {
        let line = title.as_ref().map_or(1, |t| t.1);
        return Err(ImportError::new(
            file,
            line,
            "no table: no line starts with a TAB cell marker",
        ));
    }
    Table::from_rows_with(title, rows, file, spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_cells_and_continuations() {
        let text = "附件1\n 标题2021年\n\n\t序号\t\r\n\t具体要求\n\n\t1\n\t甲\n乙 \n\t\n \n";
        let t = read_table(text, "f").expect("reads");
        assert_eq!(t.title.as_deref(), Some("标题2021年"));
        assert_eq!(t.title_line, 2);
        assert_eq!(
            t.header,
            Row {
                line: 4,
                cells: vec!["序号".into(), "具体要求".into()]
            }
        );
        assert_eq!(
            t.rows,
            vec![Row {
                line: 7,
                cells: vec!["1".into(), "甲\n乙".into(), String::new()]
            }]
        );
    }

    #[test]
    fn text_between_rows_is_refused() {
        let e = read_table("\t具体要求\n\n\t甲\n\n注：说明\n", "f").expect_err("refused");
        assert_eq!(
            (e.line, e.problem.starts_with("text outside the table")),
            (5, true)
        );
    }
}
