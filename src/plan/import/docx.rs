//! Word documents (.docx): the first table whose header names a requirement column, titled
//! by the last non-empty paragraph before it; without one, the body's paragraphs (perhaps a
//! paragraph plan, see [`super::paragraph`]).
//!
//! Cells become the text layout's cells: paragraphs joined by '\n' (the shared join rule
//! decides what a break means); a cell continued by a vertical merge (`w:vMerge`) and the
//! grid columns a `w:gridSpan` covers are empty, so they continue the cell above; a row that
//! is one cell spanning the whole grid is a section heading.

use quick_xml::events::Event;

mod document;

use self::document::{Block, Parser, RawCell, RawRow, RawTable};
use super::archive::Archive;
use super::cell::{self, is_attachment_label};
use super::limits;
use super::paragraph::Line;
use super::roles::ColumnSpec;
use super::table::{self, Row, Table};
use super::xml;
use super::{ImportError, Part, Place};

pub fn read_table(bytes: &[u8], file: &str) -> Result<Table, ImportError> {
    match read(bytes, file, None)? {
        Read::Table(table, _) => Ok(table),
        Read::NoTable(refusal, _) => Err(refusal),
    }
}

/// What a Word document holds for the importer.
pub(super) enum Read {
    /// The task table, and which of the document's tables it is.
    Table(Table, Part),
    /// No task table (the refusal says why), and the body's non-empty paragraphs, numbered
    /// from 1 among all of the body's paragraphs: perhaps a paragraph plan.
    NoTable(ImportError, Vec<Line>),
}

/// [`read_table`] with the roles `--columns` gave (the first table duban recognises, else
/// the first table with a row of two filled cells), also saying which of the document's
/// tables it is.
pub(super) fn read(
    bytes: &[u8],
    file: &str,
    spec: Option<&ColumnSpec>,
) -> Result<Read, ImportError> {
    let xml = main_part(bytes, file)?;
    let mut parser = Parser::new(&xml, file);
    // Only the last two paragraphs that could be a title are kept for a table's title.
    let mut titles: Vec<String> = Vec::new();
    let mut paragraphs: Vec<Line> = Vec::new();
    let mut count = 0;
    let mut tables = 0;
    // The first table's rows, for the message when none has a header.
    let mut first: Option<Vec<Row>> = None;
    while let Some(block) = parser.next_block()? {
        match block {
            Block::Paragraph(text) => {
                count += 1;
                let text = cell::normalize(&text);
                if !text.is_empty() && !is_attachment_label(&text) {
                    if titles.len() == 2 {
                        titles.remove(0);
                    }
                    titles.push(text.clone());
                }
                if !text.is_empty() {
                    paragraphs.push(Line {
                        number: count,
                        text,
                    });
                }
            }
            Block::Table(raw) => {
                tables += 1;
                let part = Part::Table(tables);
                let in_table = |e: ImportError| e.counting(Place::TableRow).in_part(&part);
                let rows = into_rows(raw, file).map_err(in_table)?;
                if table::header_position_with(&rows, spec).is_some() {
                    let table = Table::from_rows_with(title(&titles), rows, file, spec)
                        .map_err(in_table)?;
                    return Ok(Read::Table(table, part));
                }
                first.get_or_insert(rows);
            }
        }
    }
    let problem = match first {
        None => "the document has no table".to_string(),
        Some(rows) => format!(
            "none of the document's {tables} tables has a header row; table 1: {}",
            table::no_header_problem(&rows)
        ),
    };
    let refusal = ImportError::new(file, 0, problem).counting(Place::TableRow);
    Ok(Read::NoTable(refusal, paragraphs))
}

/// The last non-empty paragraph before the table, not an "附件1" label (`candidates` are
/// those paragraphs, normalized, the last one last). A title broken over two paragraphs
/// ("…2021年政务公开工作要点" / "任务分解表") is joined when only the earlier one has the year.
fn title(candidates: &[String]) -> Option<(String, usize)> {
    let mut texts = candidates.iter().rev();
    let last = texts.next()?;
    if cell::find_year(last).is_none()
        && let Some(before) = texts.next().filter(|b| cell::find_year(b).is_some())
    {
        return Some((format!("{before}{last}"), 0));
    }
    Some((last.clone(), 0))
}

/// `word/document.xml`, or wherever `[Content_Types].xml` says the main part is.
fn main_part(bytes: &[u8], file: &str) -> Result<String, ImportError> {
    let mut zip = Archive::open(bytes, file)?;
    let types = zip.text_part("[Content_Types].xml")?.unwrap_or_default();
    let name = main_part_name(&types).unwrap_or_else(|| "word/document.xml".to_string());
    zip.text_part(&name)?.ok_or_else(|| {
        ImportError::new(
            file,
            0,
            "not a Word document: the archive has no word/document.xml",
        )
    })
}

fn main_part_name(types: &str) -> Option<String> {
    let mut reader = xml::Xml::new(types);
    loop {
        match reader.next() {
            Ok(Event::Empty(e) | Event::Start(e)) if e.local_name().as_ref() == "Override" => {
                let kind = xml::attr(&e, "ContentType").unwrap_or_default();
                if kind.contains("wordprocessingml.document.main")
                    || kind.contains("document.macroEnabled.main")
                {
                    let part = xml::attr(&e, "PartName")?;
                    return Some(part.trim_start_matches('/').to_string());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// A table's rows in the text layout's shape, numbered from 1 within the table: a cell
/// continued by a merge is empty, the columns a span covers are empty after it, and a row
/// that is one cell across the whole grid is a section heading. The grid is laid out only
/// once its size is known to be within [`limits::MAX_CELLS`].
fn into_rows(raw: RawTable, file: &str) -> Result<Vec<Row>, ImportError> {
    let widest = raw.rows.iter().map(RawRow::width).max().unwrap_or(0);
    let grid = if raw.grid > 0 { raw.grid } else { widest };
    let grid = grid.max(widest);
    if raw.rows.len().saturating_mul(grid) > limits::MAX_CELLS {
        let problem = format!(
            "the table lays out {} rows of {grid} columns, more than {} cells; that is the limit",
            limits::count_usize(raw.rows.len()),
            limits::count_usize(limits::MAX_CELLS)
        );
        return Err(ImportError::new(file, 0, problem));
    }
    Ok(raw
        .rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| Row {
            line: i + 1,
            cells: cells(r, grid),
        })
        .collect())
}

fn cells(row: RawRow, grid: usize) -> Vec<String> {
    let text = |c: RawCell| if c.merged { String::new() } else { c.text };
    let (before, after) = (row.before, row.after);
    let mut cells = row.cells;
    if cells.len() == 1 && grid > 1 && cells[0].span >= grid {
        return cells.pop().map(text).into_iter().collect();
    }
    let mut out = vec![String::new(); before];
    for c in cells {
        let span = c.span;
        out.push(text(c));
        out.extend(std::iter::repeat_n(String::new(), span.saturating_sub(1)));
    }
    out.extend(std::iter::repeat_n(String::new(), after));
    if out.len() < grid {
        out.resize(grid, String::new());
    }
    out
}
