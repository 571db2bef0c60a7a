//! One worksheet's XML → its cells with text and its merged ranges, in one pass. Cells are
//! kept sparsely, as the sheet lists them, each address checked to lie within the sheet
//! (XFD1048576) and each text within [`limits`]; numbers become the plan's text (dates as
//! 2021年9月15日, as the deadline parser reads typed ones).

use quick_xml::events::{BytesStart, Event};

use super::super::ImportError;
use super::super::limits;
use super::super::xml::{self, Xml};
use super::book::{self, Book};

/// The last row and column of a sheet (1,048,576 and XFD), 0-based.
const LAST_ROW: u32 = 1_048_575;
const LAST_COLUMN: u32 = 16_383;

/// A cell with text, 0-based.
pub(super) struct Cell {
    pub row: u32,
    pub col: u32,
    pub text: String,
}

/// A merged range, 0-based and inclusive, start ≤ end.
pub(super) struct Merge {
    pub start: (u32, u32),
    pub end: (u32, u32),
}

pub(super) struct Sheet {
    pub cells: Vec<Cell>,
    pub merges: Vec<Merge>,
    /// UTF-8 bytes of the cells' text.
    text: usize,
}

impl Sheet {
    /// Keeps a cell with text, within the cell and text limits.
    fn keep(&mut self, cell: Cell, file: &str) -> Result<(), ImportError> {
        if cell.text.is_empty() {
            return Ok(());
        }
        self.text += cell.text.len();
        if self.text > limits::MAX_TEXT {
            let problem = format!(
                "the sheet holds more than {} of text; that is the limit",
                limits::bytes(limits::MAX_TEXT as u64)
            );
            return Err(at(file, cell.row, cell.col, problem));
        }
        if self.cells.len() >= limits::MAX_CELLS {
            let problem = format!(
                "the sheet has more than {} cells with text; that is the limit",
                limits::count_usize(limits::MAX_CELLS)
            );
            return Err(at(file, cell.row, cell.col, problem));
        }
        self.cells.push(cell);
        Ok(())
    }

    /// Keeps a merged range (`A1:D1`), within the limit on their number.
    fn merge(&mut self, range: &str, file: &str) -> Result<(), ImportError> {
        let merge = merge_ref(range).ok_or_else(|| {
            let problem = format!("merged range `{range}` is not a range of cells");
            ImportError::new(file, 0, problem)
        })?;
        if self.merges.len() >= limits::MAX_CELLS {
            let problem = format!(
                "the sheet has more than {} merged ranges; that is the limit",
                limits::count_usize(limits::MAX_CELLS)
            );
            return Err(ImportError::new(file, 0, problem));
        }
        self.merges.push(merge);
        Ok(())
    }
}

pub(super) fn at(file: &str, row: u32, col: u32, problem: String) -> ImportError {
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
pub(super) fn read_sheet(
    book: &Book,
    text: &str,
    part: &str,
    file: &str,
) -> Result<Sheet, ImportError> {
    let mut reader = Xml::new(text);
    // Malformed XML is placed at the row it broke in (before any row: the whole sheet).
    let mut row_seen = 0usize;
    let mut next = || {
        let event = reader
            .next()
            .map_err(|e| ImportError::new(file, row_seen, format!("{part}: {e}")));
        if let Ok(Event::Start(e) | Event::Empty(e)) = &event
            && e.local_name().as_ref() == "row"
        {
            row_seen = xml::attr(e, "r")
                .as_deref()
                .and_then(xml::number)
                .map_or(row_seen + 1, |r| usize::try_from(r).unwrap_or(usize::MAX));
        }
        event
    };
    let mut sheet = Sheet {
        cells: Vec::new(),
        merges: Vec::new(),
        text: 0,
    };
    let (mut row, mut col) = (0u32, 0u32);
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
                        ImportError::new(
                            file,
                            row as usize + 1,
                            format!("`{r}` is not a cell of a sheet"),
                        )
                    })?;
                }
                if col > LAST_COLUMN || row > LAST_ROW {
                    return Err(at(
                        file,
                        row,
                        col,
                        "the cell lies past the sheet's last row".into(),
                    ));
                }
                let text = cell_value(book, &e, &mut next, (row, col), file)?;
                sheet.keep(Cell { row, col, text }, file)?;
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
                sheet.merge(&xml::attr(&e, "ref").unwrap_or_default(), file)?;
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
                value = Some(book::string_item(next, "is", too_long)?);
            }
            Event::Start(v) if v.local_name().as_ref() == "v" => {
                value = Some(book::text_until(next, "v", too_long)?);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_stay_within_the_sheet() {
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("C7"), Some((6, 2)));
        assert_eq!(cell_ref("$B$2"), Some((1, 1)));
        assert_eq!(cell_ref("XFD1048576"), Some((LAST_ROW, LAST_COLUMN)));
        for bad in [
            "XFE1",
            "A1048577",
            "A0",
            "AAAA1",
            "1A",
            "A",
            "",
            "A99999999999",
        ] {
            assert_eq!(cell_ref(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_from_serials() {
        assert_eq!(date_text(45473.0, false).as_deref(), Some("2024年6月30日"));
        assert_eq!(date_text(1.0, false).as_deref(), Some("1900年1月1日"));
        assert_eq!(
            date_text(45473.5, false).as_deref(),
            Some("2024年6月30日12:00")
        );
        assert_eq!(date_text(0.0, true).as_deref(), Some("1904年1月1日"));
        assert_eq!(date_text(-1.0, false), None);
        assert_eq!(number_text("3", false, false), "3");
        assert_eq!(number_text("2.5", false, false), "2.5");
        assert_eq!(number_text("x", true, false), "x");
    }
}
