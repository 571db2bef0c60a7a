//! CSV as spreadsheets export it: any of the encodings [`decode`](super::decode) accepts
//! (Excel on Chinese Windows writes GBK), comma, semicolon or TAB separated, quoted cells
//! with line breaks inside. Rows are padded to the header's width as Excel pads them, so
//! only a row that really disagrees with the header is refused.

use super::ImportError;
use super::roles::ColumnSpec;
use super::table::{Row, Table};

/// `spec`: the roles `--columns` gave, if any.
pub fn read_table(text: &str, file: &str, spec: Option<&ColumnSpec>) -> Result<Table, ImportError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e
                .position()
                .and_then(|p| usize::try_from(p.line()).ok())
                .unwrap_or(0);
            ImportError::new(file, line, format!("not valid CSV: {e}"))
        })?;
        let line = record
            .position()
            .and_then(|p| usize::try_from(p.line()).ok())
            .unwrap_or(0);
        rows.push(Row {
            line,
            cells: record.iter().map(ToString::to_string).collect(),
        });
    }
    if rows.is_empty() {
        return Err(ImportError::new(file, 0, "the file is empty"));
    }
    let mut table = Table::from_rows_with(None, rows, file, spec)?;
    fit_to_header(&mut table);
    Ok(table)
}

/// The separator used most in the first lines: `,` unless `;` (European Excel) or TAB
/// clearly wins.
fn delimiter(text: &str) -> u8 {
    let head: String = text.lines().take(12).collect();
    let count = |c| head.matches(c).count();
    let (comma, semicolon, tab) = (count(','), count(';'), count('\t'));
    if tab > comma && tab > semicolon {
        b'\t'
    } else if semicolon > comma {
        b';'
    } else {
        b','
    }
}

/// Spreadsheets pad every row to the widest one: the table is as wide as its header or its
/// rightmost non-empty cell, trailing empty cells beyond that are dropped and shorter rows
/// padded. A row of one cell is left alone: it heads a section.
fn fit_to_header(table: &mut Table) {
    let extent = |cells: &[String]| {
        cells
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |i| i + 1)
    };
    let width = table
        .rows
        .iter()
        .filter(|r| r.cells.len() > 1)
        .map(|r| extent(&r.cells))
        .chain([extent(&table.header.cells)])
        .max()
        .unwrap_or(0);
    table.header.cells.resize(width, String::new());
    for row in &mut table.rows {
        if row.cells.len() > 1 {
            row.cells.resize(width, String::new());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_breaks_padding_and_lines() {
        let text = "标题2021年,,,\n序号,具体要求,责任单位,\n1,\"甲\n乙\",丙,\n2,丁\n一、节\n";
        let t = read_table(text, "f", None).expect("reads");
        assert_eq!(t.title.as_deref(), Some("标题2021年"));
        assert_eq!(t.header.cells, ["序号", "具体要求", "责任单位"]);
        let rows: Vec<(usize, Vec<String>)> =
            t.rows.into_iter().map(|r| (r.line, r.cells)).collect();
        assert_eq!(
            rows,
            [
                (3, vec!["1".into(), "甲\n乙".into(), "丙".into()]),
                (5, vec!["2".into(), "丁".into(), String::new()]),
                (6, vec!["一、节".into()]),
            ]
        );
    }

    #[test]
    fn semicolons_and_tabs() {
        assert_eq!(delimiter("序号;具体要求;单位\n1;甲;乙"), b';');
        assert_eq!(delimiter("序号\t具体要求\t单位"), b'\t');
        assert_eq!(delimiter("序号,具体要求（含；号）,单位"), b',');
    }
}
