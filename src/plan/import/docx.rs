//! Word documents (.docx): the first table whose header names a requirement column, titled
//! by the last non-empty paragraph before it.
//!
//! Cells become the text layout's cells: paragraphs joined by '\n' (the shared join rule
//! decides what a break means); a cell continued by a vertical merge (`w:vMerge`) and the
//! grid columns a `w:gridSpan` covers are empty, so they continue the cell above; a row that
//! is one cell spanning the whole grid is a section heading.

use std::io::Read;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::cell::{self, is_attachment_label};
use super::format::open_zip;
use super::roles::ColumnSpec;
use super::table::{self, Row, Table};
use super::{ImportError, Place};

/// Refuse parts bigger than this: a plan is kilobytes, a zip bomb is not.
const MAX_PART_BYTES: u64 = 64 << 20;

pub fn read_table(bytes: &[u8], file: &str) -> Result<Table, ImportError> {
    read_table_with(bytes, file, None)
}

/// [`read_table`] with the roles `--columns` gave: the first table duban recognises, else
/// the first table with a row of two filled cells.
pub fn read_table_with(
    bytes: &[u8],
    file: &str,
    spec: Option<&ColumnSpec>,
) -> Result<Table, ImportError> {
    let xml = main_part(bytes, file)?;
    let blocks = parse(&xml)
        .map_err(|e| ImportError::new(file, 0, format!("the document's XML is malformed: {e}")))?;
    let mut paragraphs: Vec<&str> = Vec::new();
    let mut tables = 0;
    // The first table's rows, for the message when none has a header.
    let mut first: Option<Vec<Row>> = None;
    for block in &blocks {
        match block {
            Block::Paragraph(text) => paragraphs.push(text),
            Block::Table(raw) => {
                tables += 1;
                let rows = raw.rows();
                if table::header_position_with(&rows, spec).is_some() {
                    return Table::from_rows_with(title(&paragraphs), rows, file, spec)
                        .map_err(|e| e.counting(Place::TableRow));
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
    Err(ImportError::new(file, 0, problem))
}

/// The last non-empty paragraph before the table, not an "附件1" label. A title broken
/// over two paragraphs ("…2021年政务公开工作要点" / "任务分解表") is joined when only the
/// earlier one has the year.
fn title(paragraphs: &[&str]) -> Option<(String, usize)> {
    let mut texts = paragraphs
        .iter()
        .rev()
        .map(|p| cell::normalize(p))
        .filter(|p| !p.is_empty() && !is_attachment_label(p));
    let last = texts.next()?;
    if cell::find_year(&last).is_none()
        && let Some(before) = texts.next().filter(|b| cell::find_year(b).is_some())
    {
        return Some((format!("{before}{last}"), 0));
    }
    Some((last, 0))
}

/// `word/document.xml`, or wherever `[Content_Types].xml` says the main part is.
fn main_part(bytes: &[u8], file: &str) -> Result<String, ImportError> {
    let mut zip = open_zip(bytes, file)?;
    let mut read = |name: &str| -> Option<Result<String, String>> {
        let entry = zip.by_name(name).ok()?;
        let mut buf = Vec::new();
        let read = entry.take(MAX_PART_BYTES).read_to_end(&mut buf);
        Some(
            read.map_err(|e| format!("cannot unpack {name}: {e}"))
                .and_then(|_| {
                    String::from_utf8(buf).map_err(|_| format!("{name} is not UTF-8 XML"))
                }),
        )
    };
    let types = read("[Content_Types].xml")
        .and_then(Result::ok)
        .unwrap_or_default();
    let name = main_part_name(&types).unwrap_or_else(|| "word/document.xml".to_string());
    match read(&name) {
        Some(Ok(xml)) => Ok(xml),
        Some(Err(problem)) => Err(ImportError::new(file, 0, problem)),
        None => Err(ImportError::new(
            file,
            0,
            "not a Word document: the archive has no word/document.xml",
        )),
    }
}

fn main_part_name(types: &str) -> Option<String> {
    let mut reader = Reader::from_str(types);
    loop {
        match reader.read_event() {
            Ok(Event::Empty(e) | Event::Start(e)) if e.local_name().as_ref() == "Override" => {
                let kind = attr(&e, "ContentType").unwrap_or_default();
                if kind.contains("wordprocessingml.document.main")
                    || kind.contains("document.macroEnabled.main")
                {
                    let part = attr(&e, "PartName")?;
                    return Some(part.trim_start_matches('/').to_string());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// A body-level paragraph or table, in document order.
enum Block {
    Paragraph(String),
    Table(RawTable),
}

#[derive(Default)]
struct RawTable {
    /// `w:gridCol` count; 0 when the document has no grid.
    grid: usize,
    rows: Vec<RawRow>,
}

#[derive(Default)]
struct RawRow {
    before: usize,
    after: usize,
    cells: Vec<RawCell>,
}

struct RawCell {
    paragraphs: Vec<String>,
    span: usize,
    /// Continues the cell above (`w:vMerge` without `restart`) or to the left (`w:hMerge`).
    merged: bool,
}

impl RawTable {
    /// Rows in the text layout's shape, numbered from 1 within the table.
    fn rows(&self) -> Vec<Row> {
        let widest = self.rows.iter().map(RawRow::width).max().unwrap_or(0);
        let grid = if self.grid > 0 { self.grid } else { widest };
        let grid = grid.max(widest);
        self.rows
            .iter()
            .enumerate()
            .map(|(i, r)| Row {
                line: i + 1,
                cells: r.cells(grid),
            })
            .collect()
    }
}

impl RawRow {
    fn width(&self) -> usize {
        self.before + self.after + self.cells.iter().map(|c| c.span).sum::<usize>()
    }

    fn cells(&self, grid: usize) -> Vec<String> {
        let text = |c: &RawCell| {
            if c.merged {
                String::new()
            } else {
                c.paragraphs.join("\n")
            }
        };
        if let [only] = &self.cells[..]
            && grid > 1
            && only.span >= grid
        {
            return vec![text(only)];
        }
        let mut out = vec![String::new(); self.before];
        for c in &self.cells {
            out.push(text(c));
            out.extend(std::iter::repeat_n(String::new(), c.span.saturating_sub(1)));
        }
        out.extend(std::iter::repeat_n(String::new(), self.after));
        if out.len() < grid {
            out.resize(grid, String::new());
        }
        out
    }
}

/// Elements whose text is not the document's: the fallback copy of alternate content,
/// text moved away (tracked changes), text boxes floating over the page.
const SKIPPED: &[&str] = &["Fallback", "moveFrom", "del", "txbxContent"];

/// `WordprocessingML` → blocks. Tables nested in a cell add their text to that cell.
fn parse(xml: &str) -> Result<Vec<Block>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut blocks = Vec::new();
    let mut tables: Vec<RawTable> = Vec::new();
    let mut row: Option<RawRow> = None;
    let mut cell: Option<RawCell> = None;
    let mut para: Option<String> = None;
    let (mut skip, mut in_run, mut in_text) = (0usize, false, false);
    loop {
        let event = reader.read_event()?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(_) if skip > 0 => skip += 1,
            Event::End(_) if skip > 0 => skip -= 1,
            _ if skip > 0 => {}
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                let top = tables.len() == 1;
                match name.as_ref() {
                    n if SKIPPED.contains(&n) && !empty => skip = 1,
                    "tbl" if !empty => tables.push(RawTable::default()),
                    "gridCol" if top => tables[0].grid += 1,
                    "tr" if top && !empty => row = Some(RawRow::default()),
                    "gridBefore" if top => set(&mut row, |r| r.before = val(&e).unwrap_or(0)),
                    "gridAfter" if top => set(&mut row, |r| r.after = val(&e).unwrap_or(0)),
                    "tc" if top && !empty => {
                        cell = Some(RawCell {
                            paragraphs: Vec::new(),
                            span: 1,
                            merged: false,
                        });
                    }
                    "gridSpan" if top => set(&mut cell, |c| c.span = val(&e).unwrap_or(1).max(1)),
                    "vMerge" | "hMerge" if top => {
                        let continues = attr(&e, "val").is_none_or(|v| v == "continue");
                        set(&mut cell, |c| c.merged |= continues);
                    }
                    "p" if !empty => para = Some(String::new()),
                    "r" if !empty => in_run = true,
                    "t" if !empty => in_text = true,
                    "tab" if in_run => push(&mut para, " "),
                    "br" | "cr" if in_run && attr(&e, "type").as_deref() != Some("page") => {
                        push(&mut para, "\n");
                    }
                    "noBreakHyphen" if in_run => push(&mut para, "-"),
                    _ => {}
                }
            }
            Event::Text(t) if in_text => push(&mut para, &t.xml10_content()),
            Event::CData(t) if in_text => push(&mut para, &t.xml10_content()),
            Event::GeneralRef(r) if in_text => push(&mut para, &entity(&r)),
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "r" => in_run = false,
                "p" => {
                    let text = para.take().unwrap_or_default();
                    match (&mut cell, tables.is_empty()) {
                        (_, true) => blocks.push(Block::Paragraph(text)),
                        (Some(c), false) => c.paragraphs.push(text),
                        (None, false) => {}
                    }
                }
                "tc" if tables.len() == 1 => {
                    if let (Some(r), Some(c)) = (&mut row, cell.take()) {
                        r.cells.push(c);
                    }
                }
                "tr" if tables.len() == 1 => {
                    if let Some(r) = row.take() {
                        tables[0].rows.push(r);
                    }
                }
                "tbl" => {
                    if let Some(t) = tables.pop()
                        && tables.is_empty()
                    {
                        blocks.push(Block::Table(t));
                    }
                }
                _ => {}
            },
            Event::Eof => return Ok(blocks),
            _ => {}
        }
    }
}

fn set<T>(slot: &mut Option<T>, f: impl FnOnce(&mut T)) {
    if let Some(v) = slot.as_mut() {
        f(v);
    }
}

fn push(para: &mut Option<String>, s: &str) {
    if let Some(p) = para.as_mut() {
        p.push_str(s);
    }
}

/// `w:val`, `ContentType`…: an attribute by local name, unescaped.
fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| a.normalized_value(XmlVersion::Implicit1_0).ok())
            .flatten()
            .map(std::borrow::Cow::into_owned)
    })
}

fn val(e: &BytesStart<'_>) -> Option<usize> {
    attr(e, "val")?.trim().parse().ok()
}

fn entity(r: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    match r.xml10_content().as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
    .to_string()
}
