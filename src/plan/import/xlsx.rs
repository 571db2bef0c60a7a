//! Excel workbooks (.xlsx): the first sheet, or the one `--sheet` names. Merged ranges read
//! as Word's text layout reads merged cells: only the top-left cell keeps the text, the
//! cells it covers are empty (and so continue the cell above), and a range across the whole
//! table makes its row a single cell, a section heading.

use std::io::Cursor;

use calamine::{Data, Dimensions, Reader, Xlsx};

use super::roles::ColumnSpec;
use super::table::{self, Row, Table};
use super::{ImportError, Place};

pub fn read_table(bytes: &[u8], file: &str, sheet: Option<&str>) -> Result<Table, ImportError> {
    read_table_with(bytes, file, sheet, None)
}

/// [`read_table`] with the roles `--columns` gave.
pub fn read_table_with(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
    spec: Option<&ColumnSpec>,
) -> Result<Table, ImportError> {
    let whole_file = |problem: String| ImportError::new(file, 0, problem);
    let mut book = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| whole_file(format!("not a readable Excel workbook: {e}")))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted || n.trim() == wanted.trim())
            .ok_or_else(|| {
                whole_file(format!(
                    "no sheet named `{wanted}` (sheets: {})",
                    names.join(", ")
                ))
            })?,
        None => names
            .first()
            .ok_or_else(|| whole_file("the workbook has no sheets".into()))?,
    }
    .clone();
    let in_sheet = |problem: String| whole_file(format!("sheet `{name}`: {problem}"));
    let range = book
        .worksheet_range(&name)
        .map_err(|e| in_sheet(format!("cannot be read: {e}")))?;
    let merges = book
        .merge_cells_by_sheet_name(&name)
        .map_err(|e| in_sheet(format!("its merged cells cannot be read: {e}")))?;
    let Some((top, left)) = range.start() else {
        return Err(in_sheet("the sheet is empty".into()));
    };
    let mut rows: Vec<Row> = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            line: to_usize(top) + i + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect();
    apply_merges(&mut rows, &merges, (top, left), spec);
    Table::from_rows_with(None, rows, file, spec).map_err(|mut e| {
        e.problem = format!("sheet `{name}`: {}", e.problem);
        e.counting(Place::SheetRow)
    })
}

/// Empties the cells a merge covers; a merge spanning the header's columns turns its first
/// row into one cell and empties the rest.
fn apply_merges(
    rows: &mut [Row],
    merges: &[Dimensions],
    (top, left): (u32, u32),
    spec: Option<&ColumnSpec>,
) {
    // "The whole table" is the header's extent, not the sheet's: a stray note far to the
    // right must not stop section rows from being recognized.
    let (start, end) = table::header_position_with(rows, spec).map_or((0, 0), |h| {
        let cells = &rows[h].cells;
        let filled = |c: &String| !c.trim().is_empty();
        let start = cells.iter().position(filled).unwrap_or(0);
        let end = cells.iter().rposition(filled).map_or(0, |i| i + 1);
        (start, end)
    });
    for m in merges {
        let (r0, c0) = (to_usize(m.start.0.saturating_sub(top)), m.start.1);
        let (r1, c1) = (to_usize(m.end.0.saturating_sub(top)), m.end.1);
        let first_col = to_usize(c0.saturating_sub(left));
        let last_col = to_usize(c1.saturating_sub(left));
        let whole_row = end > start + 1 && first_col <= start && last_col + 1 >= end;
        for (i, row) in rows.iter_mut().enumerate().take(r1 + 1).skip(r0) {
            if whole_row {
                let keep = if i == r0 {
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
            for (j, cell) in row.cells.iter_mut().enumerate() {
                let covered = (first_col..=last_col).contains(&j) && (i, j) != (r0, first_col);
                if covered {
                    cell.clear();
                }
            }
        }
    }
}

/// A cell as the plan's text: whole numbers without ".0", dates as 2021年9月15日 so the
/// deadline parser reads them like typed ones.
fn cell_text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        #[allow(clippy::cast_possible_truncation)]
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, ..) = d.to_ymd_hms_milli();
            if (h, min) == (0, 0) {
                format!("{y}年{m}月{day}日")
            } else {
                format!("{y}年{m}月{day}日{h:02}:{min:02}")
            }
        }
        other => other.to_string(),
    }
}

fn to_usize(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}
