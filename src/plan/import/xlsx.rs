//! Excel workbooks (.xlsx): the first sheet, or the one `--sheet` names. Merged ranges read
//! as Word's text layout reads merged cells: only the top-left cell keeps the text, the
//! cells it covers are empty (and so continue the cell above), and a range across the whole
//! table makes its row a single cell, a section heading.
//!
//! Cells are read sparsely, as the sheet lists them: a cell at XFD1048576 or a `<dimension>`
//! claiming the whole sheet costs nothing until the used columns are known to be within
//! [`limits::MAX_COLUMNS`]; rows without text are not laid out at all.

use quick_xml::events::{BytesStart, Event};

use super::archive::Archive;
use super::limits::{self, MAX_COLUMNS};
use super::table::{self, Row, Table};
use super::xlsx_book::{self, Book};
use super::xml::{self, Xml};
use super::{ImportError, Part, Place};

/// The last row and column of a sheet (1,048,576 and XFD), 0-based.
const LAST_ROW: u32 = 1_048_575;
const LAST_COLUMN: u32 = 16_383;

pub fn read_table(bytes: &[u8], file: &str, sheet: Option<&str>) -> Result<Table, ImportError> {
    read(bytes, file, sheet).map(|(table, _)| table)
}

/// [`read_table`], also naming the sheet read.
pub(super) fn read(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
) -> Result<(Table, Part), ImportError> {
    let whole_file = |problem: String| ImportError::new(file, 0, problem).counting(Place::SheetRow);
    let mut zip = Archive::open(bytes, file)?;
    let book = xlsx_book::open(&mut zip, file)?;
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
        return Err(sheet_refused("cannot be read: the workbook does not say where it is".into()));
    };
    let Some(text) = zip.text_part(path)? else {
        return Err(sheet_refused(format!("cannot be read: the archive has no {path}")));
    };
    let sheet = read_sheet(&book, &text, path, file).map_err(in_sheet)?;
    drop(text);
    let rows = lay_out(sheet, file).map_err(in_sheet)?;
    let table = Table::from_rows(None, rows, file).map_err(in_sheet)?;
    Ok((table, part))
}

/// A cell with text, 0-based.
struct Cell {
    row: u32,
    col: u32,
    text: String,
}

/// A merged range, 0-based and inclusive, start ≤ end.
struct Merge {
    start: (u32, u32),
    end: (u32, u32),
}

struct Sheet {
    cells: Vec<Cell>,
    merges: Vec<Merge>,
}

fn at(file: &str, row: u32, col: u32, problem: String) -> ImportError {
    ImportError::new(file, row as usize + 1, problem).at_column(col as usize + 1)
}

/// `C7` → (6, 2); `None` past the sheet's last row or column or when malformed.
fn cell_ref(text: &str) -> Option<(u32, u32)> {
    let text = text.trim().trim_start_matches('$');
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (col, row) = text.split_at(letters);
    let row = row.trim_start_matches('$');
    if !(1..=3).contains(&letters) || row.is_empty() || row.len() > 7 {
        return None;
    }
    let col = col.bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = u32::try_from(xml::number(row)?).ok()?;
    (row >= 1 && row - 1 <= LAST_ROW && col >= 1 && col - 1 <= LAST_COLUMN)
        .then(|| (row - 1, col - 1))
}

fn is(event: &Event<'_>, name: &str) -> bool {
    matches!(event, Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == name)
}

/// Cells with text and merged ranges, in one pass over the sheet's XML.
fn read_sheet(book: &Book, text: &str, part: &str, file: &str) -> Result<Sheet, ImportError> {
    let mut reader = Xml::new(text);
    let mut next = || {
        reader
            .next()
            .map_err(|e| ImportError::new(file, 0, format!("{part}: {e}")))
    };
    let mut sheet = Sheet {
        cells: Vec::new(),
        merges: Vec::new(),
    };
    let (mut row, mut col) = (0u32, 0u32);
    let mut total = 0usize;
    loop {
        match next()? {
            event @ (Event::Start(_) | Event::Empty(_)) if is(&event, "row") => {
                let (Event::Start(e) | Event::Empty(e)) = &event else {
                    continue;
                };
                if let Some(r) = xml::attr(e, "r") {
                    row = xml::number(&r)
                        .and_then(|r| u32::try_from(r).ok())
                        .filter(|r| (1..=LAST_ROW + 1).contains(r))
                        .ok_or_else(|| {
                            let problem = format!("row number `{r}` is not a row of a sheet");
                            ImportError::new(file, 0, problem)
                        })?
                        - 1;
                }
                if matches!(event, Event::Empty(_)) {
                    row = row.saturating_add(1);
                }
                col = 0;
            }
            Event::End(e) if e.local_name().as_ref() == "row" => row = row.saturating_add(1),
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                if let Some(r) = xml::attr(&e, "r") {
                    (row, col) = cell_ref(&r).ok_or_else(|| {
                        ImportError::new(file, row as usize + 1, format!("`{r}` is not a cell of a sheet"))
                    })?;
                }
                if col > LAST_COLUMN || row > LAST_ROW {
                    return Err(at(file, row, col, "the cell lies past the sheet's last column".into()));
                }
                let text = cell_value(book, &e, &mut next, (row, col), file)?;
                if !text.is_empty() {
                    total += text.len();
                    if total > limits::MAX_TEXT {
                        let problem = format!(
                            "the sheet holds more than {} of text; that is the limit",
                            limits::bytes(limits::MAX_TEXT as u64)
                        );
                        return Err(at(file, row, col, problem));
                    }
                    if sheet.cells.len() >= limits::MAX_CELLS {
                        let problem = format!(
                            "the sheet has more than {} cells with text; that is the limit",
                            limits::count_usize(limits::MAX_CELLS)
                        );
                        return Err(at(file, row, col, problem));
                    }
                    sheet.cells.push(Cell { row, col, text });
                }
                col = col.saturating_add(1);
            }
            Event::Empty(e) if e.local_name().as_ref() == "c" => {
                if let Some((r, c)) = xml::attr(&e, "r").as_deref().and_then(cell_ref) {
                    row = r;
                    col = c;
                }
                col = col.saturating_add(1);
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "mergeCell" => {
                let range = xml::attr(&e, "ref").unwrap_or_default();
                let merge = merge_ref(&range).ok_or_else(|| {
                    ImportError::new(file, 0, format!("merged range `{range}` is not a range of cells"))
                })?;
                if sheet.merges.len() >= limits::MAX_CELLS {
                    let problem = format!(
                        "the sheet has more than {} merged ranges; that is the limit",
                        limits::count_usize(limits::MAX_CELLS)
                    );
                    return Err(ImportError::new(file, 0, problem));
                }
                sheet.merges.push(merge);
            }
            Event::Eof => return Ok(sheet),
            _ => {}
        }
    }
}

fn merge_ref(range: &str) -> Option<Merge> {
    let (a, b) = range.split_once(':').unwrap_or((range, range));
    let (a, b) = (cell_ref(a)?, cell_ref(b)?);
    Some(Merge {
        start: (a.0.min(b.0), a.1.min(b.1)),
        end: (a.0.max(b.0), a.1.max(b.1)),
    })
}

/// A cell's text, reading its XML up to `</c>`: shared and inline strings, numbers (dates
/// where the cell's style formats one), booleans, errors and formula results.
fn cell_value<'a>(
    book: &Book,
    e: &BytesStart<'_>,
    next: &mut impl FnMut() -> Result<Event<'a>, ImportError>,
    (row, col): (u32, u32),
    file: &str,
) -> Result<String, ImportError> {
    let kind = xml::attr(e, "t").unwrap_or_default();
    let style = xml::attr(e, "s").as_deref().and_then(xml::number);
    let too_long = || {
        let problem = format!(
            "the cell holds more than {} of text; that is the limit",
            limits::bytes(limits::MAX_CELL_TEXT as u64)
        );
        at(file, row, col, problem)
    };
    let mut value: Option<String> = None;
    loop {
        match next()? {
            Event::Start(v) if v.local_name().as_ref() == "is" => {
                value = Some(xlsx_book::string_item(next, "is", too_long)?);
            }
            Event::Start(v) if v.local_name().as_ref() == "v" => {
                value = Some(xlsx_book::text_until(next, "v", too_long)?);
            }
            Event::End(v) if v.local_name().as_ref() == "c" => break,
            Event::Eof => break,
            _ => {}
        }
    }
    let Some(raw) = value else {
        return Ok(String::new());
    };
    Ok(match kind.as_str() {
        "s" => xml::number(&raw)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| book.strings.get(i))
            .cloned()
            .unwrap_or_default(),
        "b" => (if raw.trim() == "1" { "true" } else { "false" }).to_string(),
        "str" | "inlineStr" | "e" | "d" => raw,
        _ => {
            let date = style
                .and_then(|s| usize::try_from(s).ok())
                .and_then(|s| book.date_styles.get(s))
                .copied()
                .unwrap_or(false);
            number_text(&raw, date, book.date1904)
        }
    })
}

/// A number as the plan's text: whole numbers without ".0", dates as 2021年9月15日 so the
/// deadline parser reads them like typed ones.
fn number_text(raw: &str, date: bool, date1904: bool) -> String {
    let Ok(f) = raw.trim().parse::<f64>() else {
        return raw.to_string();
    };
    if date && let Some(text) = date_text(f, date1904) {
        return text;
    }
    #[allow(clippy::cast_possible_truncation)]
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    format!("{f}")
}

/// An Excel date serial as 2021年9月15日 (with the time when it has one).
fn date_text(serial: f64, date1904: bool) -> Option<String> {
    use chrono::{Datelike, Duration, NaiveDate, Timelike};
    if !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // 1900 system: serial 1 is 1900-01-01 and serial 60 the 29 February 1900 Excel invents.
    let base = match (date1904, serial < 60.0) {
        (true, _) => NaiveDate::from_ymd_opt(1904, 1, 1)?,
        (false, true) => NaiveDate::from_ymd_opt(1899, 12, 31)?,
        (false, false) => NaiveDate::from_ymd_opt(1899, 12, 30)?,
    };
    #[allow(clippy::cast_possible_truncation)]
    let seconds = (serial * 86_400.0).round() as i64;
    let at = base.and_hms_opt(0, 0, 0)? + Duration::seconds(seconds);
    let (d, h, m) = (at.date(), at.hour(), at.minute());
    Some(if (h, m) == (0, 0) {
        format!("{}年{}月{}日", d.year(), d.month(), d.day())
    } else {
        format!("{}年{}月{}日{h:02}:{m:02}", d.year(), d.month(), d.day())
    })
}

/// The sheet's cells as rows of the used columns, rows without text left out, once the
/// used columns, rows and cells are known to be within [`limits`]; then merged ranges.
fn lay_out(sheet: Sheet, file: &str) -> Result<Vec<Row>, ImportError> {
    let Sheet { mut cells, merges } = sheet;
    if cells.is_empty() {
        return Err(ImportError::new(file, 0, "the sheet is empty"));
    }
    let left = cells.iter().map(|c| c.col).min().unwrap_or(0);
    let right = cells.iter().max_by_key(|c| c.col).map_or((0, 0), |c| (c.row, c.col));
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
    apply_merges(&mut rows, &merges, left, file)?;
    Ok(rows)
}

/// Empties the cells a merge covers; a merge spanning the header's columns turns its first
/// row into one cell and empties the rest. Merges that overlap (which Excel never writes)
/// are refused once they would cover more cells than the table has.
fn apply_merges(rows: &mut [Row], merges: &[Merge], left: u32, file: &str) -> Result<(), ImportError> {
    let width = rows.first().map_or(0, |r| r.cells.len());
    // "The whole table" is the header's extent, not the sheet's: a stray note far to the
    // right must not stop section rows from being recognized.
    let (start, end) = table::header_position(rows).map_or((0, 0), |h| {
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
                row.cells = if keep.is_empty() { Vec::new() } else { vec![keep] };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_stay_within_the_sheet() {
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("C7"), Some((6, 2)));
        assert_eq!(cell_ref("$B$2"), Some((1, 1)));
        assert_eq!(cell_ref("XFD1048576"), Some((LAST_ROW, LAST_COLUMN)));
        for bad in ["XFE1", "A1048577", "A0", "AAAA1", "1A", "A", "", "A99999999999"] {
            assert_eq!(cell_ref(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_from_serials() {
        assert_eq!(date_text(45473.0, false).as_deref(), Some("2024年6月30日"));
        assert_eq!(date_text(1.0, false).as_deref(), Some("1900年1月1日"));
        assert_eq!(date_text(45473.5, false).as_deref(), Some("2024年6月30日12:00"));
        assert_eq!(date_text(0.0, true).as_deref(), Some("1904年1月1日"));
        assert_eq!(date_text(-1.0, false), None);
        assert_eq!(number_text("3", false, false), "3");
        assert_eq!(number_text("2.5", false, false), "2.5");
        assert_eq!(number_text("x", true, false), "x");
    }
}
