//! Plan documents → [`Plan`].
//!
//! Every format is a reader of rows: bytes → [`Table`] (Word's tab-cell text in
//! [`text_reader`], .docx in [`docx`], .xlsx in [`xlsx`], .csv in [`csv`], Markdown pipe
//! tables in [`markdown`]) → [`build_plan`]. Columns, continuation of merged cells,
//! page-break repeats, section rows, ids and the year are decided once, in [`table`].

mod assemble;
mod cell;
mod columns;
pub mod csv;
pub mod decode;
pub mod docx;
mod format;
mod header;
pub mod markdown;
mod roles;
mod stated;
pub mod table;
pub mod text_reader;
pub mod xlsx;

use std::fmt;
use std::path::Path;

use super::model::Plan;
pub use cell::compare_key;
pub use format::Format;
pub use roles::{ColumnSpec, Role, extra_label};
pub use table::{Reading, Row, Table, build_plan, build_plan_owned};

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
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, n, problem) = (&self.file, self.line, &self.problem);
        match self.place {
            Place::Line => write!(f, "{file}:{n}: {problem}"),
            _ if n == 0 => write!(f, "{file}: {problem}"),
            Place::SheetRow => write!(f, "{file}: row {n}: {problem}"),
            Place::TableRow => write!(f, "{file}: table row {n}: {problem}"),
        }
    }
}

impl ImportError {
    pub fn new(file: &str, line: usize, problem: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            line,
            problem: problem.into(),
            place: Place::Line,
        }
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
    let table = match format {
        Format::Text => text_reader::read_table_with(&text()?, file, spec)?,
        Format::Markdown => markdown::read_table(&text()?, file, spec)?,
        Format::Csv => csv::read_table(&text()?, file, spec)?,
        Format::Docx => docx::read_table_with(bytes, file, spec)?,
        Format::Xlsx => xlsx::read_table_with(bytes, file, options.sheet.as_deref(), spec)?,
    };
    table::build_plan_read(table, file).map_err(|e| e.counting(format.place()))
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
    let bytes = std::fs::read(path)
        .map_err(|e| ImportError::new(&file, 0, format!("cannot read the file: {e}")))?;
    read_bytes(&bytes, &file, options)
}

/// The embedded seed plan.
pub fn builtin() -> Plan {
    import_bytes(BUILTIN_SEED, &format!("builtin:{BUILTIN_NAME}"))
        .expect("the embedded seed is a valid plan (checked by tests)")
}
