//! Excel workbooks (.xlsx): the first sheet, or the one `--sheet` names. Merged ranges read
//! as Word's text layout reads merged cells: only the top-left cell keeps the text, the
//! cells it covers are empty (and so continue the cell above), and a range across the whole
//! table makes its row a single cell, a section heading.
//!
//! Cells are read sparsely, as the sheet lists them: a cell at XFD1048576 or a `<dimension>`
//! claiming the whole sheet costs nothing until the used columns are known to be within
//! [`limits::MAX_COLUMNS`]; rows without text are not laid out at all.

mod book;
mod sheet;

use self::sheet::{Merge, Sheet, at, read_sheet};
use super::archive::Archive;
use super::limits::{self, MAX_COLUMNS};
use super::roles::ColumnSpec;
use super::table::{self, Row, Table};
use super::{ImportError, Part, Place};

pub fn read_table(bytes: &[u8], file: &str, sheet: Option<&str>) -> Result<Table, ImportError> {
    read(bytes, file, sheet, None).map(|(table, _)| table)
}

/// [`read_table`] with the roles `--columns` gave, also naming the sheet read.
pub(super) fn read(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
    spec: Option<&ColumnSpec>,
) -> Result<(Table, Part), ImportError> {
    let whole_file = |problem: String| ImportError::new(file, 0, problem).counting(Place::SheetRow);
    let mut zip = Archive::open(bytes, file)?;
    let book = book::open(&mut zip, file)?;
    let names: Vec<&str> = book.sheets.iter().map(|(n, _)| n.as_str()).collect();
    let index = match sheet {
        Some(wanted) => names
            .iter()
            .position(|n| *n == wanted || n.trim() == wanted.trim())
            .ok_or_else(|| {
                whole_file(format!(
                    "no sheet named `{wanted}` (sheets: {})",
                    names.join(", ")
                ))
            })?,
        None if names.is_empty() => return Err(whole_file("the workbook has no sheets".into())),
        None => 0,
    };
    let (name, path) = &book.sheets[index];
    let part = Part::Sheet(name.clone());
    let in_sheet = |e: ImportError| e.counting(Place::SheetRow).in_part(&part);
    let sheet_refused = |problem: String| in_sheet(ImportError::new(file, 0, problem));
    let Some(path) = path else {
        return Err(sheet_refused(
            "cannot be read: the workbook does not say where it is".into(),
        ));
    };
    let Some(text) = zip.text_part(path)? else {
        return Err(sheet_refused(format!(
            "cannot be read: the archive has no {path}"
        )));
    };
    let sheet = read_sheet(&book, &text, path, file).map_err(in_sheet)?;
    drop(text);
    let rows = lay_out(sheet, file, spec).map_err(in_sheet)?;
    let table = Table::from_rows_with(None, rows, file, spec).map_err(in_sheet)?;
    Ok((table, part))
}

/// The sheet's cells as rows of the used columns, rows without text left out, once the
/// used columns, rows and cells are known to be within [`limits`]; then merged ranges.
fn lay_out(sheet: Sheet, file: &str, spec: Option<&ColumnSpec>) -> Result<Vec<Row>, ImportError> {
    let Sheet {
        mut cells, merges, ..
    } = sheet;
    if cells.is_empty() {
        return Err(ImportError::new(file, 0, "the sheet is empty"));
    }
    let left = cells.iter().map(|c| c.col).min().unwrap_or(0);
    let right = cells
        .iter()
        .max_by_key(|c| c.col)
        .map_or((0, 0), |c| (c.row, c.col));
    let width = (right.1 - left) as usize + 1;
    if width > MAX_COLUMNS {
        let problem = format!(
            "the sheet's text spans {width} columns (from column {} to {}); a table may have \
             at most {MAX_COLUMNS} columns",
            super::column_letters(left as usize + 1),
            super::column_letters(right.1 as usize + 1)
        );
        return Err(at(file, right.0, right.1, problem));
    }
    // Sheets list cells in order; a stable sort keeps the later of two at one address last.
    cells.sort_by_key(|c| (c.row, c.col));
    let mut rows: Vec<Row> = Vec::new();
    for c in cells {
        let line = c.row as usize + 1;
        if rows.last().is_none_or(|r| r.line != line) {
            if rows.len() >= limits::MAX_ROWS || (rows.len() + 1) * width > limits::MAX_CELLS {
                let problem = format!(
                    "the sheet has more than {} rows or {} cells; that is the limit",
                    limits::count_usize(limits::MAX_ROWS),
                    limits::count_usize(limits::MAX_CELLS)
                );
                return Err(at(file, c.row, c.col, problem));
            }
            rows.push(Row {
                line,
                cells: vec![String::new(); width],
            });
        }
        if let Some(row) = rows.last_mut() {
            row.cells[(c.col - left) as usize] = c.text;
        }
    }
    apply_merges(&mut rows, &merges, left, file, spec)?;
    Ok(rows)
}

/// Empties the cells a merge covers; a merge spanning the header's columns turns its first
/// row into one cell and empties the rest. Merges that overlap (which Excel never writes)
/// are refused once they would cover more cells than the table has.
fn apply_merges(
    rows: &mut [Row],
    merges: &[Merge],
    left: u32,
    file: &str,
    spec: Option<&ColumnSpec>,
) -> Result<(), ImportError> {
    let width = rows.first().map_or(0, |r| r.cells.len());
    // "The whole table" is the header's extent, not the sheet's: a stray note far to the
    // right must not stop section rows from being recognized.
    let (start, end) = table::header_position_with(rows, spec).map_or((0, 0), |h| {
        let cells = &rows[h].cells;
        let filled = |c: &String| !c.trim().is_empty();
        let start = cells.iter().position(filled).unwrap_or(0);
        let end = cells.iter().rposition(filled).map_or(0, |i| i + 1);
        (start, end)
    });
    let budget = rows.len() * width;
    let mut covered = 0usize;
    for m in merges {
        let last = left as usize + width - 1;
        if (m.end.1 as usize) < left as usize || m.start.1 as usize > last {
            continue;
        }
        let first_col = m.start.1.saturating_sub(left) as usize;
        let last_col = (m.end.1 - left) as usize;
        let last_col = last_col.min(width - 1);
        let (top, bottom) = (m.start.0 as usize + 1, m.end.0 as usize + 1);
        let lo = rows.partition_point(|r| r.line < top);
        let hi = rows.partition_point(|r| r.line <= bottom);
        covered += (hi - lo) * (last_col - first_col + 1);
        if covered > budget {
            let problem = "merged ranges overlap (they cover more cells than the table has)";
            return Err(at(file, m.start.0, m.start.1, problem.into()));
        }
        let whole_row = end > start + 1 && first_col <= start && last_col + 1 >= end;
        for row in &mut rows[lo..hi] {
            let first = row.line == top;
            if whole_row {
                let keep = if first {
                    row.cells.get(first_col).cloned().unwrap_or_default()
                } else {
                    String::new()
                };
                row.cells = if keep.is_empty() {
                    Vec::new()
                } else {
                    vec![keep]
                };
                continue;
            }
            for j in first_col..=last_col {
                if !(first && j == first_col)
                    && let Some(cell) = row.cells.get_mut(j)
                {
                    cell.clear();
                }
            }
        }
    }
    Ok(())
}
