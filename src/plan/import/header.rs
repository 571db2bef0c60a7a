//! Finding the header row among a reader's rows, or taking the roles `--columns` gives.
//!
//! Without `--columns` the header is the first of the first [`HEADER_SEARCH_ROWS`] rows that
//! names a requirement column. With `--columns`, a row duban recognises is still the header;
//! otherwise the table's first row with two or more filled cells is the header — or, with
//! `--no-header`, its first data row (the columns are then named after their roles).

use std::fmt::Write as _;

use super::ImportError;
use super::cell;
use super::columns::{self, Columns};
use super::roles::{self, ColumnSpec, Role};
use super::table::{HEADER_SEARCH_ROWS, Row, Table};

impl Table {
    /// Splits a reader's rows into leading rows, header and data. The header is the first
    /// row naming a requirement column; without a title from the reader, the first
    /// non-empty leading row that is not an attachment label supplies it.
    pub fn from_rows(
        title: Option<(String, usize)>,
        rows: Vec<Row>,
        file: &str,
    ) -> Result<Table, ImportError> {
        Table::from_rows_with(title, rows, file, None)
    }

    /// [`Table::from_rows`] with the roles `--columns` gave, if any.
    pub fn from_rows_with(
        title: Option<(String, usize)>,
        mut rows: Vec<Row>,
        file: &str,
        spec: Option<&ColumnSpec>,
    ) -> Result<Table, ImportError> {
        let Some(at) = header_position_with(&rows, spec) else {
            let line = rows.first().map_or(1, |r| r.line);
            let problem = match spec {
                None => no_header_problem(&rows),
                Some(_) => format!(
                    "no table row: none of the first {HEADER_SEARCH_ROWS} rows has two filled \
                     cells"
                ),
            };
            return Err(ImportError::new(file, line, problem));
        };
        let detected = Columns::detect(&rows[at].cells).is_some();
        let (header, data) = match spec {
            Some(spec) if !spec.header_row => {
                let data = rows.split_off(at);
                // As wide as the first row: more roles than that is refused by name later.
                let width = data[0].cells.len();
                let header = Row {
                    line: data[0].line,
                    cells: (0..width).map(|i| role_name(spec, i)).collect(),
                };
                (header, data)
            }
            _ => {
                let data = rows.split_off(at + 1);
                let header = rows.pop().expect("the header row is at index `at`");
                if let Some(spec) = spec.filter(|_| !detected) {
                    refuse_data_as_header(&header, spec, file)?;
                }
                (header, data)
            }
        };
        let title = title.or_else(|| {
            rows.iter().find_map(|r| {
                let text: Vec<String> = r
                    .cells
                    .iter()
                    .map(|c| cell::normalize(c))
                    .filter(|c| !c.is_empty())
                    .collect();
                let text = text.join(" ");
                (!text.is_empty() && !cell::is_attachment_label(&text)).then_some((text, r.line))
            })
        });
        let (title, title_line) = title.map_or((None, 0), |(t, l)| (Some(t), l));
        let leading = rows.iter().flat_map(|r| r.cells.iter().map(String::as_str));
        let start = super::stated::stated_start(title.as_deref().into_iter().chain(leading));
        Ok(Table {
            title,
            title_line,
            header,
            rows: data,
            columns: spec.cloned(),
            start,
        })
    }
}

/// A column of a table without a header row is named after its role: 要求, 责任单位 …, and
/// 第3列 for a column with none.
fn role_name(spec: &ColumnSpec, i: usize) -> String {
    match spec.roles.get(i).copied().flatten() {
        Some(role) => role.chinese().to_string(),
        None => format!("第{}列", i + 1),
    }
}

/// With `--columns` and a header duban does not recognise, the row taken as the header must
/// not be the table's first requirement: a number in its number column says it is.
fn refuse_data_as_header(header: &Row, spec: &ColumnSpec, file: &str) -> Result<(), ImportError> {
    let number = spec.roles.iter().position(|r| *r == Some(Role::Number));
    let written = number.and_then(|i| header.cells.get(i)).map(|c| c.trim());
    match written.filter(|c| cell::parse_number(c).is_some()) {
        Some(n) => Err(ImportError::new(
            file,
            header.line,
            format!(
                "this row is taken as the header, but its number column holds {n}: if the \
                 table has no header row, add --no-header so that this row is read as data"
            ),
        )),
        None => Ok(()),
    }
}

/// Index of the header among the first [`HEADER_SEARCH_ROWS`] rows; readers that choose
/// between several tables use it to skip tables without one.
pub fn header_position(rows: &[Row]) -> Option<usize> {
    header_position_with(rows, None)
}

/// [`header_position`] with `--columns`: a recognised header, else the first row with two
/// or more filled cells (the header, or with `--no-header` the first data row).
pub fn header_position_with(rows: &[Row], spec: Option<&ColumnSpec>) -> Option<usize> {
    let leading = || rows.iter().take(HEADER_SEARCH_ROWS);
    let detected = || leading().position(|r| Columns::detect(&r.cells).is_some());
    match spec {
        None => detected(),
        Some(s) if !s.header_row => leading().position(|r| filled(r) >= 2),
        Some(_) => detected().or_else(|| leading().position(|r| filled(r) >= 2)),
    }
}

fn filled(row: &Row) -> usize {
    row.cells.iter().filter(|c| !c.trim().is_empty()).count()
}

/// Why no header was found, with the fullest leading row's cells (most likely the header)
/// and the `--columns` value that would read them.
pub fn no_header_problem(rows: &[Row]) -> String {
    let mut problem = format!(
        "no header row: none of the first {HEADER_SEARCH_ROWS} rows has a {} column",
        columns::requirement_names()
    );
    let fullest = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .filter(|r| filled(r) >= 2)
        .max_by_key(|r| (filled(r), std::cmp::Reverse(r.line)));
    let Some(row) = fullest else {
        return problem;
    };
    let names: Vec<String> = row.cells.iter().map(|c| cell::key(c)).collect();
    let guess = columns::detect_roles(&row.cells);
    let _ = write!(
        problem,
        "; the fullest of them (at {}) reads: {}. Name each column's role by hand, in order, \
         for example --columns {} with `requirement` for the column of requirement texts \
         (roles: {}; - keeps a column as an extra field); add --no-header if that row is \
         already data",
        row.line,
        names.join(" | "),
        roles::spec_text(&guess),
        roles::role_list(),
    );
    problem
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, cells: &[&str]) -> Row {
        Row {
            line,
            cells: cells.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_table_without_a_requirement_column_lists_its_headers_and_the_fix() {
        let rows = [
            row(1, &["某区2024年计划"]),
            row(2, &["序号", "事项", "单位", "完成时限"]),
            row(3, &["1", "甲", "区政府办", "6月底前"]),
        ];
        assert_eq!(header_position(&rows), None);
        let p = no_header_problem(&rows);
        assert!(
            p.starts_with("no header row: none of the first 10 rows"),
            "{p}"
        );
        assert!(
            p.contains("(at 2) reads: 序号 | 事项 | 单位 | 完成时限"),
            "{p}"
        );
        assert!(p.contains("--columns number,-,-,deadline"), "{p}");
        assert!(p.contains("--no-header"), "{p}");
    }

    #[test]
    fn columns_given_take_the_first_full_row_as_header_or_data() {
        let rows = vec![
            row(1, &["某区2024年计划"]),
            row(2, &["序号", "事项", "单位"]),
            row(3, &["1", "甲", "区政府办"]),
        ];
        let mut spec: ColumnSpec = "number,requirement,lead".parse().expect("valid");
        let t = Table::from_rows_with(None, rows.clone(), "f", Some(&spec)).expect("reads");
        assert_eq!((t.header.line, t.rows.len()), (2, 1));
        assert_eq!(t.title.as_deref(), Some("某区2024年计划"));
        spec.header_row = false;
        let rows = rows[..1].iter().chain(&rows[2..]).cloned().collect();
        let t = Table::from_rows_with(None, rows, "f", Some(&spec)).expect("reads");
        assert_eq!(t.header.cells, ["序号", "要求", "责任单位"]);
        assert_eq!((t.header.line, t.rows.len()), (3, 1));
    }

    #[test]
    fn a_numbered_row_is_not_taken_as_the_header() {
        let rows = vec![
            row(1, &["1", "甲", "区政府办"]),
            row(2, &["2", "乙", "区财政局"]),
        ];
        let spec: ColumnSpec = "number,requirement,lead".parse().expect("valid");
        let e = Table::from_rows_with(None, rows, "f", Some(&spec)).expect_err("refused");
        assert_eq!(e.line, 1);
        assert!(e.problem.contains("add --no-header"), "{e}");
    }
}
