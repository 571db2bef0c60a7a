//! Records → categories, items and requirements: category numbers, continuation of empty
//! cells, page-break repeats and positional ids.

use std::collections::HashMap;

use super::ImportError;
use super::cell::{self, key};
use super::columns::Columns;
use super::table::{Record, Row};
use crate::plan::model::{Category, Item, ReqId, Requirement};

/// Header cells as written, for messages that name a column.
pub(super) struct Names<'a> {
    pub header: &'a Row,
    pub cols: &'a Columns,
}

impl Names<'_> {
    fn of(&self, col: Option<usize>) -> String {
        col.map(|i| key(&self.header.cells[i])).unwrap_or_default()
    }
}

/// Consumes the records: their texts move into the plan.
pub(super) fn categories(
    records: Vec<Record>,
    names: &Names<'_>,
    file: &str,
) -> Result<Vec<Category>, ImportError> {
    let numbers = category_numbers(&records, names.cols);
    let mut cats: Vec<Category> = Vec::new();
    // Item index per name key, per category (parallel to `cats`): scanning a category's
    // items and building their keys for every new item was quadratic in its items.
    let mut item_keys: Vec<HashMap<String, usize>> = Vec::new();
    // Category index per name key: a scan of `cats` per category row made importing
    // quadratic in the number of categories.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // (category index, item index) that an empty cell continues.
    let mut current: Option<(usize, Option<usize>)> = None;
    for mut r in records {
        if !r.category.is_empty() {
            // Page breaks repeat the category row: same name, same category.
            let k = key(&r.category);
            let ci = *by_key.entry(k).or_insert_with_key(|k| {
                let number = numbers.get(k).copied().unwrap_or_default();
                cats.push(Category {
                    number,
                    name: std::mem::take(&mut r.category),
                    items: Vec::new(),
                });
                item_keys.push(HashMap::new());
                cats.len() - 1
            });
            current = Some((ci, cats[ci].items.len().checked_sub(1)));
        }
        if r.section {
            continue;
        }
        let Some((ci, ii)) = current else {
            let problem = format!(
                "the {} cell is empty and there is no category above to continue",
                names.of(names.cols.category)
            );
            return Err(ImportError::new(file, r.line, problem));
        };
        let cat = &mut cats[ci];
        let keys = &mut item_keys[ci];
        // No item column, or a new category row with no item: the item is the category.
        let item_name = if names.cols.item.is_some() {
            std::mem::take(&mut r.item)
        } else {
            cat.name.clone()
        };
        let ii = match (item_name.is_empty(), ii) {
            (true, Some(i)) => i,
            (true, None) => item_index(cat, keys, cat.name.clone()),
            (false, _) => item_index(cat, keys, item_name),
        };
        current = Some((ci, Some(ii)));
        let number = cat.number;
        let item = &mut cat.items[ii];
        let id = ReqId::new(number, to_u32(ii + 1), to_u32(item.requirements.len() + 1));
        // Derived for the whole plan at once (Plan::derive), which parses each distinct
        // cell once.
        let mut req = Requirement::underived(id, r.text, r.units, r.deadline);
        req.cooperating_raw = r.cooperating;
        req.leader_raw = r.leader;
        req.remarks = r.remarks;
        req.start = r.start;
        req.extra = r.extra;
        req.number = r.own_number;
        item.requirements.push(req);
    }
    Ok(cats)
}

/// Category number per name key. The document's numbers (序号 column, or the "一、" of
/// section headings and category names) are trusted only when consistent: every category numbered, one number
/// per category, no number shared, no number without a category (a 序号 that counts rows
/// instead). Otherwise categories are numbered by position.
fn category_numbers(records: &[Record], cols: &Columns) -> HashMap<String, u32> {
    let mut order: Vec<String> = Vec::new();
    let mut seen: HashMap<String, Option<u32>> = HashMap::new();
    let sectioned = records.iter().any(|r| r.section);
    // A category column without 序号 may number its names ("一、…"): then those count.
    let numbered = cols.number.is_some()
        || records
            .iter()
            .all(|r| r.category.is_empty() || !r.number.is_empty());
    let mut trusted = sectioned || (numbered && cols.category.is_some());
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

/// The item of that name (an item repeated after a page break is the same item), else a
/// new one. `keys` maps the keys of `cat`'s item names to their index.
fn item_index(cat: &mut Category, keys: &mut HashMap<String, usize>, name: String) -> usize {
    *keys.entry(key(&name)).or_insert_with(|| {
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
