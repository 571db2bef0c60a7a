//! Plan documents → [`Plan`].
//!
//! Every format is a reader of rows: bytes → [`Table`] (Word's tab-cell text in
//! [`text_reader`], .docx in [`docx`], .xlsx in [`xlsx`], .csv in [`csv`], Markdown pipe
//! tables in [`markdown`]) → [`build_plan`]. Columns, continuation of merged cells,
//! page-break repeats, section rows, ids and the year are decided once, in [`table`].
//!
//! A text or Word document with no task table may be a paragraph plan: numbered headings and
//! tasks with their annotations ([`paragraph`], [`annotation`], [`outline`]) → the plan with
//! as many levels as it has ([`paragraph::plan`]). The year of both comes from [`year`].

mod annotation;
mod archive;
mod assemble;
mod cell;
mod columns;
pub mod csv;
pub mod decode;
pub mod docx;
mod extra_columns;
mod format;
#[doc(hidden)]
pub mod fuzz_docs;
mod header;
pub mod limits;
pub mod markdown;
mod numbering;
mod outline;
mod paragraph;
mod roles;
mod stated;
pub mod table;
pub mod text_reader;
pub mod xlsx;
mod xml;
pub mod year;

use std::fmt;
use std::path::Path;

use super::model::Plan;
pub use cell::compare_key;
pub use format::Format;
pub use numbering::{name_key, strip_number};
pub use paragraph::Line;
pub use roles::{ColumnSpec, Role};
pub use table::{Reading, Row, Skipped, Table, build_plan, build_plan_owned};
pub use year::YearHint;

/// The built-in plan document (Yongji City 2021), embedded from `seeds/`.
pub const BUILTIN_SEED: &[u8] = include_bytes!("../../../seeds/yongji-2021-plan.txt");
pub const BUILTIN_NAME: &str = "yongji-2021-plan.txt";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    pub file: String,
    /// 1-based line of the document, or row for table formats (see [`ImportError::place`]);
    /// 0 when the problem is the whole file.
    pub line: usize,
    pub problem: String,
    pub place: Place,
    /// The Word table or worksheet the row is in (documents that hold several).
    pub part: Option<Part>,
    /// 1-based column of the cell at fault, where one cell is.
    pub column: Option<usize>,
}

/// Which table of a document an error is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A top-level table of a Word document, counted from 1.
    Table(usize),
    /// A worksheet, by name.
    Sheet(String),
}

/// What [`ImportError::line`] counts, so messages say "row 12" where a spreadsheet or a
/// Word table has rows rather than lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Place {
    /// A line of a text document (tab cells, CSV, Markdown).
    #[default]
    Line,
    /// A spreadsheet row, as numbered in the sheet.
    SheetRow,
    /// A row of the Word document's table, counted from 1.
    TableRow,
    /// A paragraph of a Word document's body, counted from 1 (a paragraph plan).
    Paragraph,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, n, problem) = (&self.file, self.line, &self.problem);
        let mut at = Vec::new();
        match &self.part {
            Some(Part::Table(t)) => at.push(format!("table {t}")),
            Some(Part::Sheet(name)) => at.push(format!("sheet {name}")),
            None => {}
        }
        match self.place {
            Place::Line if n > 0 => {}
            _ if n == 0 => {}
            Place::TableRow if self.part.is_none() => at.push(format!("table row {n}")),
            Place::Paragraph => at.push(format!("paragraph {n}")),
            _ => at.push(format!("row {n}")),
        }
        if let Some(c) = self.column {
            let sheet = matches!(self.part, Some(Part::Sheet(_)));
            at.push(if sheet {
                format!("column {}", column_letters(c))
            } else {
                format!("column {c}")
            });
        }
        let at = at.join(", ");
        match self.place {
            Place::Line if n > 0 && at.is_empty() => write!(f, "{file}:{n}: {problem}"),
            Place::Line if n > 0 => write!(f, "{file}:{n}: {at}: {problem}"),
            // A text document's whole-file errors keep the `file:0:` form tools parse.
            Place::Line if at.is_empty() => write!(f, "{file}:0: {problem}"),
            _ if at.is_empty() => write!(f, "{file}: {problem}"),
            _ => write!(f, "{file}: {at}: {problem}"),
        }
    }
}

/// A spreadsheet column as Excel names it: 1 → A, 27 → AA.
pub fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rem = u8::try_from((column - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + rem));
        column = (column - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl ImportError {
    pub fn new(file: &str, line: usize, problem: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            line,
            problem: problem.into(),
            place: Place::Line,
            part: None,
            column: None,
        }
    }

    /// The same error, in table or sheet `part` unless it names one already.
    #[must_use]
    pub fn in_part(mut self, part: &Part) -> Self {
        self.part.get_or_insert_with(|| part.clone());
        self
    }

    /// The same error, at 1-based `column`.
    #[must_use]
    pub fn at_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }

    /// The same error, its number counting `place`.
    #[must_use]
    pub fn counting(mut self, place: Place) -> Self {
        self.place = place;
        self
    }
}

/// How to read a document: its format when the name and content should not decide, which
/// sheet of a workbook, and the columns' roles when the header should not decide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub format: Option<Format>,
    pub sheet: Option<String>,
    pub columns: Option<ColumnSpec>,
    /// `import --year`, and the import date: the year when the document gives none.
    pub year: YearHint,
}

/// Imports a document's bytes; `file` names it in errors and becomes [`Plan::source`]. The
/// format comes from the content and the file's extension.
pub fn import_bytes(bytes: &[u8], file: &str) -> Result<Plan, ImportError> {
    import_bytes_with(bytes, file, &Options::default())
}

/// Imports a document's bytes in the format `options` names, else the detected one.
pub fn import_bytes_with(bytes: &[u8], file: &str, options: &Options) -> Result<Plan, ImportError> {
    read_bytes(bytes, file, options).map(|(plan, _)| plan)
}

/// [`import_bytes_with`], also saying how the table's columns were read.
pub fn read_bytes(
    bytes: &[u8],
    file: &str,
    options: &Options,
) -> Result<(Plan, Reading), ImportError> {
    // A .docx/.xlsx has rows, not lines: its errors never say "line 0".
    let archive_place = |e: ImportError| match format::archive_place(bytes, file, options.format) {
        Some(place) if e.place == Place::Line => e.counting(place),
        _ => e,
    };
    read_bytes_inner(bytes, file, options).map_err(archive_place)
}

fn read_bytes_inner(
    bytes: &[u8],
    file: &str,
    options: &Options,
) -> Result<(Plan, Reading), ImportError> {
    let (format, text) = match options.format {
        Some(f) => (f, None),
        None => format::detect_decoding(bytes, file)?,
    };
    if options.sheet.is_some() && format != Format::Xlsx {
        return Err(ImportError::new(
            file,
            0,
            format!("--sheet applies to spreadsheets (.xlsx), but this is read as {format}"),
        ));
    }
    // Detection may have decoded the text already.
    let text = || text.map_or_else(|| decode::decode(bytes, file), Ok);
    let spec = options.columns.as_ref();
    let hint = options.year;
    // A document with no task table may be a paragraph plan; when it holds no task either,
    // the table's refusal stands.
    let or_paragraphs = |refusal: ImportError, lines: &[Line], place| {
        paragraph::plan::read(lines, file, hint, place)
            .map_err(|e| e.counting(place))?
            .ok_or(refusal)
    };
    let (table, part) = match format {
        Format::Text | Format::Markdown => {
            let text = text()?;
            let table = if format == Format::Text {
                text_reader::read_table_with(&text, file, spec)
            } else {
                markdown::read_table(&text, file, spec)
            };
            match table {
                Ok(table) => (table, None),
                Err(refusal) => {
                    return or_paragraphs(refusal, &text_lines(&text), Place::Line);
                }
            }
        }
        Format::Csv => (csv::read_table(&text()?, file, spec)?, None),
        Format::Docx => match docx::read(bytes, file, spec)? {
            docx::Read::Table(table, part) => (table, Some(part)),
            docx::Read::NoTable(refusal, paragraphs) => {
                return or_paragraphs(refusal, &paragraphs, Place::Paragraph);
            }
        },
        Format::Xlsx => {
            let (table, part) = xlsx::read(bytes, file, options.sheet.as_deref(), spec)?;
            (table, Some(part))
        }
    };
    table::build_plan_read(table, file, hint).map_err(|e| {
        let e = e.counting(format.place());
        match &part {
            Some(part) => e.in_part(part),
            None => e,
        }
    })
}

/// A text document's non-empty lines, trimmed, numbered from 1; Markdown's heading marks
/// (`## 一、…`) dropped.
fn text_lines(text: &str) -> Vec<Line> {
    (text.split('\n').enumerate())
        .filter_map(|(i, raw)| {
            let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            let t = t.trim_start_matches('#').trim_start();
            (!t.is_empty()).then(|| Line {
                number: i + 1,
                text: t.to_string(),
            })
        })
        .collect()
}

/// Reads and imports a file; errors name the path as given.
pub fn import_file(path: &Path) -> Result<Plan, ImportError> {
    import_file_with(path, &Options::default())
}

pub fn import_file_with(path: &Path, options: &Options) -> Result<Plan, ImportError> {
    read_file(path, options).map(|(plan, _)| plan)
}

/// [`import_file_with`], also saying how the table's columns were read.
pub fn read_file(path: &Path, options: &Options) -> Result<(Plan, Reading), ImportError> {
    let file = path.display().to_string();
    let refuse = |problem: String| {
        let e = ImportError::new(&file, 0, problem);
        match format::archive_place(&[], &file, options.format) {
            Some(place) => e.counting(place),
            None => e,
        }
    };
    let size = std::fs::metadata(path)
        .map_err(|e| refuse(format!("cannot read the file: {e}")))?
        .len();
    if size > limits::MAX_FILE_BYTES {
        return Err(refuse(format!(
            "the file is {}; the limit for a plan document is {}",
            limits::bytes(size),
            limits::bytes(limits::MAX_FILE_BYTES)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| refuse(format!("cannot read the file: {e}")))?;
    read_bytes(&bytes, &file, options)
}

/// The embedded seed plan.
pub fn builtin() -> Plan {
    import_bytes(BUILTIN_SEED, &format!("builtin:{BUILTIN_NAME}"))
        .expect("the embedded seed is a valid plan (checked by tests)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_as_excel_names_them() {
        let names: Vec<String> = [1, 26, 27, 52, 703, 16_384]
            .into_iter()
            .map(column_letters)
            .collect();
        assert_eq!(names, ["A", "Z", "AA", "AZ", "AAA", "XFD"]);
    }

    #[test]
    fn messages_name_the_table_or_sheet_row_and_column_never_line_0() {
        let e = |line| ImportError::new("p", line, "bad");
        assert_eq!(e(3).to_string(), "p:3: bad");
        assert_eq!(e(0).to_string(), "p:0: bad");
        assert_eq!(e(3).at_column(2).to_string(), "p:3: column 2: bad");
        let sheet = Part::Sheet("任务分解表".into());
        let in_sheet = |line| e(line).counting(Place::SheetRow).in_part(&sheet);
        assert_eq!(in_sheet(7).to_string(), "p: sheet 任务分解表, row 7: bad");
        assert_eq!(
            in_sheet(7).at_column(3).to_string(),
            "p: sheet 任务分解表, row 7, column C: bad"
        );
        assert_eq!(in_sheet(0).to_string(), "p: sheet 任务分解表: bad");
        let table = |line| e(line).counting(Place::TableRow).in_part(&Part::Table(2));
        assert_eq!(
            table(5).at_column(3).to_string(),
            "p: table 2, row 5, column 3: bad"
        );
        assert_eq!(e(0).counting(Place::TableRow).to_string(), "p: bad");
        assert_eq!(
            e(4).counting(Place::TableRow).to_string(),
            "p: table row 4: bad"
        );
        // A part already named is kept.
        assert_eq!(table(1).in_part(&sheet).part, Some(Part::Table(2)));
    }
}
