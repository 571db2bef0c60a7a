//! The format-neutral table every reader produces, and the one path from its rows to the
//! plan tree: column detection, continuation of merged cells, page-break repeats, section
//! rows, ids, title and year.
//!
//! Readers express merged cells the way Word's text layout does: a cell covered by a merge
//! is an empty string (it continues the cell above), and a row merged across the whole
//! table is a row of one cell (a section heading).

use std::path::Path;

use chrono::Datelike;

use super::ImportError;
use super::assemble::{self, Names};
use super::cell::{self, key};
use super::columns::{self, Columns};
use super::extra_columns;
pub use super::header::{header_position, header_position_with, no_header_problem};
use super::numbering;
use super::roles::{ColumnSpec, Role};
use super::year::{self, YearHint};
use crate::plan::model::{Extra, Plan};

/// How many leading rows may precede the header (title, "附件1", notes).
pub const HEADER_SEARCH_ROWS: usize = 10;

/// One table row as read from the document, cells unnormalized (line breaks kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line (or spreadsheet/table row) where the row starts.
    pub line: usize,
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub title: Option<String>,
    /// Line of the title (0 without one).
    pub title_line: usize,
    pub header: Row,
    pub rows: Vec<Row>,
    /// The roles `import --columns` gave, instead of reading them from the header.
    pub columns: Option<ColumnSpec>,
    /// A start date (交办日) stated above the table or in the title (印发日期：…).
    pub start: Option<chrono::NaiveDate>,
}

/// How the import read the table: each header cell (as written, on one line) with the role
/// it got, `None` for an extra column kept as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub columns: Vec<(String, Option<Role>)>,
    /// Whether the roles came from `--columns`.
    pub given: bool,
    /// Whether the table had a header row (`--no-header` says not).
    pub header_row: bool,
    /// A paragraph plan (no table; `columns` is empty), its lines counted as this says.
    pub paragraphs: Option<super::Place>,
    /// What a paragraph plan skipped as preamble, for the user to check.
    pub skipped: Vec<Skipped>,
}

/// A line (or .docx paragraph) of a paragraph plan that is no task and no heading of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    /// Its first characters.
    pub text: String,
}

/// A data row after validation, cells normalized. A section row has a category (and the
/// number written before it) but no requirement text.
pub(super) struct Record {
    pub line: usize,
    pub section: bool,
    pub number: String,
    pub category: String,
    pub item: String,
    pub text: String,
    pub units: String,
    pub deadline: String,
    pub cooperating: String,
    pub leader: String,
    pub remarks: String,
    /// The 交办日期 cell when it is a date (else it is kept as an extra field).
    pub start: Option<chrono::NaiveDate>,
    pub extra: Vec<Extra>,
    /// The document's own number of the requirement (its 序号 in a table without
    /// categories, else a "1." before its text); kept where it runs straight through.
    pub own_number: Option<u32>,
}

/// Turns a table into the plan tree. Fails on the first malformed row; never returns a
/// partial plan.
pub fn build_plan(table: &Table, file: &str) -> Result<Plan, ImportError> {
    build_plan_owned(table.clone(), file)
}

/// [`build_plan`] consuming the table, so that cell texts move into the plan instead of
/// being copied.
pub fn build_plan_owned(table: Table, file: &str) -> Result<Plan, ImportError> {
    build_plan_read(table, file, YearHint::default()).map(|(plan, _)| plan)
}

/// [`build_plan_owned`], also saying how the columns were read; the year from the
/// document, else `hint` (see [`year::resolve`]).
pub fn build_plan_read(
    table: Table,
    file: &str,
    hint: YearHint,
) -> Result<(Plan, Reading), ImportError> {
    let err = |line, problem: String| ImportError::new(file, line, problem);
    let Table {
        title: table_title,
        title_line,
        header,
        rows,
        columns: spec,
        start,
    } = table;
    let header = &header;
    let cols = column_roles(header, spec.as_ref(), file)?;
    let reading = Reading {
        columns: (header.cells.iter().zip(&cols.roles))
            .map(|(h, r)| (cell::normalize(h), *r))
            .collect(),
        given: spec.is_some(),
        header_row: spec.as_ref().is_none_or(|s| s.header_row),
        paragraphs: None,
        skipped: Vec::new(),
    };
    let title = table_title
        .as_deref()
        .map(cell::normalize)
        .filter(|t| !t.is_empty());
    let title = title.unwrap_or_else(|| {
        let stem = Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        stem.filter(|s| !s.is_empty())
            .unwrap_or_else(|| "plan".to_string())
    });
    let mut records = records(rows, header, &cols, &title, file)?;
    if records.iter().all(|r| r.section) {
        let problem = match records.first() {
            Some(r) => format!(
                "no requirement rows, only section headings (rows of a single cell, the first \
                 at {}); a requirement row needs a {} cell",
                r.line,
                key(&header.cells[cols.requirement])
            ),
            None => "header row but no data rows".into(),
        };
        return Err(err(header.line, problem));
    }
    drop_empty_sections(&mut records);
    let deadlines = records.iter().map(|r| r.deadline.as_str());
    let dates = start.map(|d| format!("{}年", d.year()));
    let found = year::resolve(&title, deadlines.chain(dates.as_deref()), hint);
    let (year, year_guessed) = found.ok_or_else(|| match table_title {
        Some(_) => err(
            title_line,
            "no year in the title line; add one like 2021年".into(),
        ),
        None => err(
            header.line,
            "no title line with a year above the table; add one like 2021年".into(),
        ),
    })?;
    numbering::take_numbers(&mut records, &cols);
    let levels = numbering::levels(&cols, &records);
    if levels == crate::plan::Levels::Two && cols.item.is_some() {
        numbering::lift_items(&mut records);
    }
    let names = Names {
        header,
        cols: &cols,
    };
    let mut categories = assemble::categories(records, &names, file)?;
    numbering::shape(&mut categories, levels);
    let mut plan = Plan {
        title,
        year,
        source: file.to_string(),
        period: None,
        levels,
        year_guessed,
        categories,
    };
    plan.derive();
    if let Some(start) = start {
        plan.fill_start(start);
    }
    Ok((plan, reading))
}

/// The header's roles: detected, or given by `--columns` (columns past the last role given
/// are extra columns).
fn column_roles(
    header: &Row,
    spec: Option<&ColumnSpec>,
    file: &str,
) -> Result<Columns, ImportError> {
    let width = header.cells.len();
    let Some(spec) = spec else {
        return Columns::detect(&header.cells).ok_or_else(|| {
            let problem = format!("the header has no {} column", columns::requirement_names());
            ImportError::new(file, header.line, problem)
        });
    };
    if spec.roles.len() > width {
        let names: Vec<String> = header.cells.iter().map(|c| key(c)).collect();
        let problem = format!(
            "--columns gives {} roles but the table has {width} columns ({})",
            spec.roles.len(),
            names.join(" | ")
        );
        return Err(ImportError::new(file, header.line, problem));
    }
    let mut roles = spec.roles.clone();
    roles.resize(width, None);
    Columns::from_roles(roles)
        .ok_or_else(|| ImportError::new(file, header.line, "--columns names no requirement column"))
}

fn records(
    rows: Vec<Row>,
    header: &Row,
    cols: &Columns,
    title: &str,
    file: &str,
) -> Result<Vec<Record>, ImportError> {
    let width = header.cells.len();
    let header_keys: Vec<String> = header.cells.iter().map(|c| key(c)).collect();
    let extra_names = extra_columns::unique_names(
        cols.extras()
            .map(|i| (i, cell::normalize(&header.cells[i]))),
    );
    let mut out: Vec<Record> = Vec::with_capacity(rows.len());
    // Whether a section row has been seen: kept as we go, since scanning `out` for one on
    // every row made importing quadratic in the plan's size.
    let mut sectioned = false;
    for row in rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // A header repeated inside the table (pasted pages, split tables) is not data.
        if is_header_repeat(&row.cells, &header_keys) {
            continue;
        }
        if let Some(heading) = section_heading(&row, width, cols) {
            if let Some(name) = cols.category.map(|i| key(&header.cells[i])) {
                let problem = format!(
                    "row {} spans the whole table (a section heading?), but the table has a \
                     {name} column for categories",
                    row.line
                );
                return Err(ImportError::new(file, row.line, problem));
            }
            let (number, name) = cell::split_number_prefix(&heading);
            sectioned = true;
            out.push(Record {
                line: row.line,
                section: true,
                number: number.to_string(),
                category: name.to_string(),
                item: String::new(),
                text: String::new(),
                units: String::new(),
                deadline: String::new(),
                cooperating: String::new(),
                leader: String::new(),
                remarks: String::new(),
                start: None,
                extra: Vec::new(),
                own_number: None,
            });
            continue;
        }
        if row.cells.len() != width {
            let problem = format!("row has {} cells, the header has {width}", row.cells.len());
            return Err(ImportError::new(file, row.line, problem));
        }
        let line = row.line;
        let mut cells = row.cells;
        // Units on separate lines are separate units: plan::units reads the breaks.
        let mut lines = |col: Option<usize>| {
            col.map(|i| cell::normalize_lines_owned(std::mem::take(&mut cells[i])))
                .unwrap_or_default()
        };
        let (units, cooperating) = (lines(cols.units), lines(cols.cooperating));
        // Each field has its own column (the header names of fields are distinct), so a
        // cell is taken at most once.
        let mut get = |col: Option<usize>| {
            col.map(|i| cell::normalize_owned(std::mem::take(&mut cells[i])))
                .unwrap_or_default()
        };
        let text = get(Some(cols.requirement));
        if text.is_empty() {
            let name = key(&header.cells[cols.requirement]);
            let problem = format!("the {name} cell is empty but the row has other content");
            return Err(ImportError::new(file, line, problem));
        }
        // Without a category column the whole plan is one category named after it, unless
        // section rows divide it: then rows continue the section above.
        let (number, category) = match cols.category {
            Some(_) => (get(cols.number), get(cols.category)),
            None if sectioned => (String::new(), String::new()),
            None => (String::new(), title.to_string()),
        };
        // A table without categories numbers its requirements in 序号.
        let own_number = (cols.category.is_none())
            .then(|| get(cols.number))
            .and_then(|n| cell::parse_number(&n));
        let item = get(cols.item);
        let (deadline, leader) = (get(cols.deadline), get(cols.leader));
        let remarks = get(cols.remarks);
        let start_cell = get(cols.start);
        let mut extra = extra_columns::extras(&extra_names, &mut cells);
        let start = start_date(start_cell, header, cols, &mut extra);
        out.push(Record {
            line,
            section: false,
            number,
            category,
            item,
            text,
            units,
            deadline,
            cooperating,
            leader,
            remarks,
            start,
            extra,
            own_number,
        });
    }
    Ok(out)
}

/// The 交办日期 cell as a date; one that is not a date is kept as written, as the first
/// extra field under its header.
fn start_date(
    cell: String,
    header: &Row,
    cols: &Columns,
    extra: &mut Vec<Extra>,
) -> Option<chrono::NaiveDate> {
    let start = crate::plan::period::parse_day(&cell);
    if start.is_none() && !cell.is_empty() {
        let name = cols
            .start
            .map(|i| key(&header.cells[i]))
            .unwrap_or_default();
        extra.insert(0, Extra { name, value: cell });
    }
    start
}

/// Whether the cells repeat the header (compared by [`key`], without building keys).
fn is_header_repeat(cells: &[String], header_keys: &[String]) -> bool {
    cells.len() == header_keys.len()
        && cells
            .iter()
            .zip(header_keys)
            .all(|(c, k)| c.chars().filter(|c| !c.is_whitespace()).eq(k.chars()))
}

/// A heading with no requirement under it (followed by another heading, or last) would be
/// an empty category.
fn drop_empty_sections(records: &mut Vec<Record>) {
    let keep: Vec<bool> = (0..records.len())
        .map(|i| !records[i].section || records.get(i + 1).is_some_and(|next| !next.section))
        .collect();
    let mut keep = keep.into_iter();
    records.retain(|_| keep.next().unwrap_or(true));
}

/// The text of a row that heads a section: a row of one cell in a wider table (a merge
/// across the whole table), or — in a table without a category column — a row whose only
/// text sits in a first column that is not the requirement column and is more than a bare
/// number.
fn section_heading(row: &Row, width: usize, cols: &Columns) -> Option<String> {
    if width > 1 && row.cells.len() == 1 {
        return Some(cell::normalize(&row.cells[0]));
    }
    if cols.category.is_some() || cols.requirement == 0 {
        return None;
    }
    let (first, rest) = row.cells.split_first()?;
    if !rest.iter().all(|c| c.trim().is_empty()) {
        return None;
    }
    let text = cell::normalize(first);
    cell::parse_number(&text).is_none().then_some(text)
}
