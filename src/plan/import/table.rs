//! The format-neutral table every reader produces, and the one path from its rows to the
//! plan tree: column detection, continuation of merged cells, page-break repeats, ids,
//! title and year.

use std::collections::HashMap;
use std::path::Path;

use super::ImportError;
use super::cell::{self, key};
use super::columns::{self, Columns};
use crate::plan::model::{Category, Item, Plan, ReqId, Requirement};

/// How many leading rows may precede the header (title, "附件1", notes).
pub const HEADER_SEARCH_ROWS: usize = 10;

/// One table row as read from the document, cells unnormalized (line breaks kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line (or spreadsheet row) where the row starts.
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
}

impl Table {
    /// Splits a reader's rows into leading rows, header and data. The header is the first
    /// row naming a requirement column; without a title from the reader, the first
    /// non-empty leading row supplies it.
    pub fn from_rows(
        title: Option<(String, usize)>,
        mut rows: Vec<Row>,
        file: &str,
    ) -> Result<Table, ImportError> {
        let found = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .position(|r| Columns::detect(&r.cells).is_some());
        let Some(at) = found else {
            let line = rows.first().map_or(1, |r| r.line);
            return Err(ImportError::new(
                file,
                line,
                format!(
                    "no header row: none of the first {HEADER_SEARCH_ROWS} rows has a {} column",
                    columns::requirement_names()
                ),
            ));
        };
        let data = rows.split_off(at + 1);
        let header = rows.pop().expect("the header row is at index `at`");
        let title = title.or_else(|| {
            rows.iter().find_map(|r| {
                let text: Vec<String> = r.cells.iter().map(|c| cell::normalize(c)).collect();
                let text = text
                    .iter()
                    .filter(|c| !c.is_empty())
                    .cloned()
                    .collect::<Vec<_>>();
                (!text.is_empty()).then(|| (text.join(" "), r.line))
            })
        });
        let (title, title_line) = title.map_or((None, 0), |(t, l)| (Some(t), l));
        Ok(Table {
            title,
            title_line,
            header,
            rows: data,
        })
    }
}

/// A data row after validation, cells normalized.
struct Record {
    line: usize,
    number: String,
    category: String,
    item: String,
    text: String,
    units: String,
    deadline: String,
}

/// Turns a table into the plan tree. Fails on the first malformed row; never returns a
/// partial plan.
pub fn build_plan(table: &Table, file: &str) -> Result<Plan, ImportError> {
    let err = |line, problem: String| ImportError::new(file, line, problem);
    let header = &table.header;
    let cols = Columns::detect(&header.cells).ok_or_else(|| {
        err(
            header.line,
            format!("the header has no {} column", columns::requirement_names()),
        )
    })?;
    let title = table
        .title
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
    let records = records(table, &cols, &title, file)?;
    if records.is_empty() {
        return Err(err(header.line, "header row but no data rows".into()));
    }
    let year = cell::find_year(&title)
        .or_else(|| records.iter().find_map(|r| cell::find_year(&r.deadline)))
        .ok_or_else(|| match table.title {
            Some(_) => err(
                table.title_line,
                "no year in the title line; add one like 2021年".into(),
            ),
            None => err(
                header.line,
                "no title line with a year above the table; add one like 2021年".into(),
            ),
        })?;
    let numbers = category_numbers(&records, &cols);
    let names = Names {
        header,
        cols: &cols,
    };
    let categories = assemble(&records, &numbers, &names, year, file)?;
    Ok(Plan {
        title,
        year,
        source: file.to_string(),
        categories,
    })
}

fn records(
    table: &Table,
    cols: &Columns,
    title: &str,
    file: &str,
) -> Result<Vec<Record>, ImportError> {
    let width = table.header.cells.len();
    let mut out = Vec::new();
    for row in &table.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if row.cells.len() != width {
            let problem = format!("row has {} cells, the header has {width}", row.cells.len());
            return Err(ImportError::new(file, row.line, problem));
        }
        let get = |col: Option<usize>| {
            col.map(|i| cell::normalize(&row.cells[i]))
                .unwrap_or_default()
        };
        let text = get(Some(cols.requirement));
        if text.is_empty() {
            let name = key(&table.header.cells[cols.requirement]);
            let problem = format!("the {name} cell is empty but the row has other content");
            return Err(ImportError::new(file, row.line, problem));
        }
        // Without a category column the whole plan is one category named after it.
        let (number, category) = match cols.category {
            Some(_) => (get(cols.number), get(cols.category)),
            None => (String::new(), title.to_string()),
        };
        out.push(Record {
            line: row.line,
            number,
            category,
            item: get(cols.item),
            text,
            units: get(cols.units),
            deadline: get(cols.deadline),
        });
    }
    Ok(out)
}

/// Category number per name key. The 序号 column is trusted only when it is consistent:
/// every category row numbered, one number per category, no number shared, no number
/// without a category (a 序号 that counts rows instead). Otherwise categories are
/// numbered by position.
fn category_numbers(records: &[Record], cols: &Columns) -> HashMap<String, u32> {
    let mut order: Vec<String> = Vec::new();
    let mut seen: HashMap<String, Option<u32>> = HashMap::new();
    let mut trusted = cols.number.is_some() && cols.category.is_some();
    for r in records {
        if r.category.is_empty() {
            trusted &= r.number.is_empty();
            continue;
        }
        let k = key(&r.category);
        let n = cell::parse_number(&r.number);
        match seen.get(&k) {
            None => {
                order.push(k.clone());
                seen.insert(k, n);
                trusted &= n.is_some();
            }
            // A repeat may leave 序号 empty; a different number is a conflict.
            Some(first) => trusted &= r.number.is_empty() || n == *first,
        }
    }
    let mut numbers: HashMap<String, u32> = HashMap::new();
    if trusted {
        for (k, n) in &seen {
            numbers.insert(k.clone(), n.unwrap_or_default());
        }
        let mut distinct: Vec<u32> = numbers.values().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() == numbers.len() {
            return numbers;
        }
        numbers.clear();
    }
    for (i, k) in order.into_iter().enumerate() {
        numbers.insert(k, to_u32(i + 1));
    }
    numbers
}

/// Header cells as written, for messages that name a column.
struct Names<'a> {
    header: &'a Row,
    cols: &'a Columns,
}

impl Names<'_> {
    fn of(&self, col: Option<usize>) -> String {
        col.map(|i| key(&self.header.cells[i])).unwrap_or_default()
    }
}

fn assemble(
    records: &[Record],
    numbers: &HashMap<String, u32>,
    names: &Names<'_>,
    year: i32,
    file: &str,
) -> Result<Vec<Category>, ImportError> {
    let mut cats: Vec<Category> = Vec::new();
    // (category index, item index) that an empty cell continues.
    let mut current: Option<(usize, Option<usize>)> = None;
    for r in records {
        if !r.category.is_empty() {
            // Page breaks repeat the category row: same name, same category.
            let k = key(&r.category);
            let ci = cats
                .iter()
                .position(|c| key(&c.name) == k)
                .unwrap_or_else(|| {
                    let number = numbers.get(&k).copied().unwrap_or_default();
                    cats.push(Category {
                        number,
                        name: r.category.clone(),
                        items: Vec::new(),
                    });
                    cats.len() - 1
                });
            current = Some((ci, cats[ci].items.len().checked_sub(1)));
        }
        let Some((ci, ii)) = current else {
            let problem = format!(
                "the {} cell is empty and there is no category above to continue",
                names.of(names.cols.category)
            );
            return Err(ImportError::new(file, r.line, problem));
        };
        let cat = &mut cats[ci];
        // No item column, or a new category row with no item: the item is the category.
        let item_name = if names.cols.item.is_some() {
            r.item.clone()
        } else {
            cat.name.clone()
        };
        let ii = match (item_name.is_empty(), ii) {
            (true, Some(i)) => i,
            (true, None) => item_index(cat, cat.name.clone()),
            (false, _) => item_index(cat, item_name),
        };
        current = Some((ci, Some(ii)));
        let number = cat.number;
        let item = &mut cat.items[ii];
        let id = ReqId::new(number, to_u32(ii + 1), to_u32(item.requirements.len() + 1));
        let req = Requirement::new(
            id,
            r.text.clone(),
            r.units.clone(),
            r.deadline.clone(),
            year,
        );
        item.requirements.push(req);
    }
    Ok(cats)
}

/// The item of that name (an item repeated after a page break is the same item), else a
/// new one.
fn item_index(cat: &mut Category, name: String) -> usize {
    let k = key(&name);
    cat.items
        .iter()
        .position(|i| key(&i.name) == k)
        .unwrap_or_else(|| {
            cat.items.push(Item {
                name,
                requirements: Vec::new(),
            });
            cat.items.len() - 1
        })
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
