//! `WordprocessingML` → body paragraphs and top-level tables, one block at a time, within
//! [`limits`]: every span, grid count and text size is checked as it is read, so a row that
//! claims a billion columns is refused before a single cell is laid out for it. Tables
//! nested in a cell add their text to that cell.

use quick_xml::events::{BytesStart, Event};

use super::super::limits::{self, MAX_COLUMNS};
use super::super::xml::{self, Xml, XmlError};
use super::super::{ImportError, Part, Place};

/// A body-level paragraph or table, in document order.
pub(super) enum Block {
    Paragraph(String),
    Table(RawTable),
}

#[derive(Default)]
pub(super) struct RawTable {
    /// `w:gridCol` count; 0 when the document has no grid.
    pub grid: usize,
    pub rows: Vec<RawRow>,
    /// Grid cells the rows cover so far, against [`limits::MAX_CELLS`].
    cells: usize,
}

#[derive(Default)]
pub(super) struct RawRow {
    pub before: usize,
    pub after: usize,
    pub cells: Vec<RawCell>,
}

impl RawRow {
    /// Grid columns the row covers; at most a few times [`MAX_COLUMNS`], as each part is
    /// checked when read.
    pub fn width(&self) -> usize {
        self.before + self.after + self.cells.iter().map(|c| c.span).sum::<usize>()
    }
}

pub(super) struct RawCell {
    /// The cell's paragraphs joined by '\n'.
    pub text: String,
    paragraphs: usize,
    pub span: usize,
    /// Continues the cell above (`w:vMerge` without `restart`) or to the left (`w:hMerge`).
    pub merged: bool,
}

/// Elements whose text is not the document's: the fallback copy of alternate content,
/// text moved away (tracked changes), text boxes floating over the page.
const SKIPPED: &[&str] = &["Fallback", "moveFrom", "del", "txbxContent"];

pub(super) struct Parser<'a> {
    xml: Xml<'a>,
    file: &'a str,
    /// Top-level tables begun so far.
    tables: usize,
    /// Open `w:tbl` elements: 1 inside a top-level table, more in nested ones.
    depth: usize,
    table: RawTable,
    row: Option<RawRow>,
    cell: Option<RawCell>,
    para: Option<String>,
    skip: usize,
    in_run: bool,
    in_text: bool,
    /// UTF-8 bytes of text kept so far, against [`limits::MAX_TEXT`].
    text: usize,
}

impl<'a> Parser<'a> {
    pub fn new(xml: &'a str, file: &'a str) -> Self {
        Parser {
            xml: Xml::new(xml),
            file,
            tables: 0,
            depth: 0,
            table: RawTable::default(),
            row: None,
            cell: None,
            para: None,
            skip: 0,
            in_run: false,
            in_text: false,
            text: 0,
        }
    }

    /// The table being read (1-based), or `None` outside tables.
    fn part(&self) -> Option<Part> {
        (self.depth > 0).then_some(Part::Table(self.tables))
    }

    /// An error at the current row of the current table (and at grid `column`, 1-based),
    /// or of the whole document outside tables.
    fn refuse_at(&self, problem: String, column: Option<usize>) -> ImportError {
        let Some(part) = self.part() else {
            return ImportError::new(self.file, 0, problem).counting(Place::TableRow);
        };
        let row = self.table.rows.len() + 1;
        let e = ImportError::new(self.file, row, problem)
            .counting(Place::TableRow)
            .in_part(&part);
        match column {
            Some(c) => e.at_column(c),
            None => e,
        }
    }

    /// [`Self::refuse_at`] the column after the current row's last cell.
    fn refuse(&self, problem: String) -> ImportError {
        let column = self.row.as_ref().map(|r| r.width() + 1);
        self.refuse_at(problem, column)
    }

    /// Malformed XML, at the table row it broke in when it broke in one.
    fn xml_error(&self, e: &XmlError) -> ImportError {
        self.refuse(format!("word/document.xml: {e}"))
    }

    /// A grid count (`gridSpan`, `gridBefore`, `gridAfter`) checked against the widest
    /// table before anything is laid out for it.
    fn grid_count(
        &self,
        e: &BytesStart<'_>,
        what: &str,
        default: usize,
    ) -> Result<usize, ImportError> {
        let Some(n) = xml::attr(e, "val").as_deref().and_then(xml::number) else {
            return Ok(default);
        };
        if n > MAX_COLUMNS as u64 {
            return Err(self.refuse(format!(
                "{what} of {n} columns; a table may have at most {MAX_COLUMNS} columns"
            )));
        }
        Ok(usize::try_from(n).unwrap_or(MAX_COLUMNS))
    }

    /// The current row, once its width is known to stay within [`MAX_COLUMNS`].
    fn check_width(&self) -> Result<(), ImportError> {
        let Some(row) = &self.row else {
            return Ok(());
        };
        let width = row.width();
        if width > MAX_COLUMNS {
            let problem = format!(
                "the row covers {width} grid columns; a table may have at most {MAX_COLUMNS} \
                 columns"
            );
            return Err(self.refuse_at(problem, Some(MAX_COLUMNS + 1)));
        }
        Ok(())
    }

    /// Appends text to the open paragraph, within the cell and document limits.
    fn push(&mut self, s: &str) -> Result<(), ImportError> {
        let Some(p) = self.para.as_mut() else {
            return Ok(());
        };
        p.push_str(s);
        self.text += s.len();
        let cell = self.cell.as_ref().map_or(0, |c| c.text.len());
        if p.len() + cell > limits::MAX_CELL_TEXT {
            let what = if self.cell.is_some() {
                "a cell"
            } else {
                "a paragraph"
            };
            return Err(self.refuse(format!(
                "{what} holds more than {} of text; that is the limit",
                limits::bytes(limits::MAX_CELL_TEXT as u64)
            )));
        }
        if self.text > limits::MAX_TEXT {
            return Err(self.refuse(format!(
                "the document holds more than {} of text; that is the limit",
                limits::bytes(limits::MAX_TEXT as u64)
            )));
        }
        Ok(())
    }

    /// The next paragraph outside tables or top-level table, `None` at the end.
    pub fn next_block(&mut self) -> Result<Option<Block>, ImportError> {
        loop {
            let event = self.xml.next().map_err(|e| self.xml_error(&e))?;
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(_) if self.skip > 0 => self.skip += 1,
                Event::End(_) if self.skip > 0 => self.skip -= 1,
                _ if self.skip > 0 => {}
                Event::Start(e) | Event::Empty(e) => self.open(&e, empty)?,
                Event::Text(t) if self.in_text => self.push(&t.xml10_content())?,
                Event::CData(t) if self.in_text => self.push(&t.xml10_content())?,
                Event::GeneralRef(r) if self.in_text => self.push(&xml::entity(&r))?,
                Event::End(e) => {
                    if let Some(block) = self.close(e.local_name().as_ref())? {
                        return Ok(Some(block));
                    }
                }
                Event::Eof => return Ok(None),
                _ => {}
            }
        }
    }

    fn open(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), ImportError> {
        let top = self.depth == 1;
        match e.local_name().as_ref() {
            n if SKIPPED.contains(&n) && !empty => self.skip = 1,
            "tbl" if !empty => {
                self.depth += 1;
                if self.depth == 1 {
                    self.tables += 1;
                    self.table = RawTable::default();
                }
            }
            "gridCol" if top => {
                if self.table.grid >= MAX_COLUMNS {
                    return Err(self.refuse_at(
                        format!(
                            "the table's grid has more than {MAX_COLUMNS} columns; that is the limit"
                        ),
                        Some(MAX_COLUMNS + 1),
                    ));
                }
                self.table.grid += 1;
            }
            "tr" if top && !empty => {
                if self.table.rows.len() >= limits::MAX_ROWS {
                    return Err(self.refuse_at(
                        format!(
                            "the table has more than {} rows; that is the limit",
                            limits::count_usize(limits::MAX_ROWS)
                        ),
                        None,
                    ));
                }
                self.row = Some(RawRow::default());
            }
            "gridBefore" if top => {
                let n = self.grid_count(e, "gridBefore", 0)?;
                if let Some(r) = self.row.as_mut() {
                    r.before = n;
                }
                self.check_width()?;
            }
            "gridAfter" if top => {
                let n = self.grid_count(e, "gridAfter", 0)?;
                if let Some(r) = self.row.as_mut() {
                    r.after = n;
                }
                self.check_width()?;
            }
            "tc" if top && !empty => {
                self.cell = Some(RawCell {
                    text: String::new(),
                    paragraphs: 0,
                    span: 1,
                    merged: false,
                });
            }
            "gridSpan" if top => {
                let n = self.grid_count(e, "gridSpan", 1)?.max(1);
                if let Some(c) = self.cell.as_mut() {
                    c.span = n;
                }
            }
            "vMerge" | "hMerge" if top => {
                let continues = xml::attr(e, "val").is_none_or(|v| v == "continue");
                if let Some(c) = self.cell.as_mut() {
                    c.merged |= continues;
                }
            }
            "p" if !empty => self.para = Some(String::new()),
            "r" if !empty => self.in_run = true,
            "t" if !empty => self.in_text = true,
            "tab" if self.in_run => self.push(" ")?,
            "br" | "cr" if self.in_run && xml::attr(e, "type").as_deref() != Some("page") => {
                self.push("\n")?;
            }
            "noBreakHyphen" if self.in_run => self.push("-")?,
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, name: &str) -> Result<Option<Block>, ImportError> {
        match name {
            "t" => self.in_text = false,
            "r" => self.in_run = false,
            "p" => {
                let text = self.para.take().unwrap_or_default();
                if self.depth == 0 {
                    return Ok(Some(Block::Paragraph(text)));
                }
                if let Some(c) = self.cell.as_mut() {
                    if c.paragraphs > 0 {
                        c.text.push('\n');
                    }
                    c.text.push_str(&text);
                    c.paragraphs += 1;
                }
            }
            "tc" if self.depth == 1 => {
                if let (Some(r), Some(c)) = (self.row.as_mut(), self.cell.take()) {
                    r.cells.push(c);
                }
                self.check_width()?;
            }
            "tr" if self.depth == 1 => {
                if let Some(r) = self.row.take() {
                    self.table.cells += r.width();
                    if self.table.cells > limits::MAX_CELLS {
                        let problem = format!(
                            "the table has more than {} cells; that is the limit",
                            limits::count_usize(limits::MAX_CELLS)
                        );
                        return Err(self.refuse_at(problem, None));
                    }
                    self.table.rows.push(r);
                }
            }
            "tbl" if self.depth > 0 => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Ok(Some(Block::Table(std::mem::take(&mut self.table))));
                }
            }
            _ => {}
        }
        Ok(None)
    }
}
