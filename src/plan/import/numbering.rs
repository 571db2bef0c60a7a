//! The levels a table has and the document's own numbers: "一、", "（一）", "1." and "1、"
//! at the start of a name or text are the node's number, not part of it.
//!
//! A table with category and item columns has three levels (the seed); a category column (or
//! section rows) without an item column, or an item column alone, two; neither, one (a flat
//! 责任清单). The model fills a missing level with one unnamed node (see [`Levels`]).

use super::cell;
use super::columns::Columns;
use super::table::Record;
use crate::plan::model::{Category, Levels};

/// The document's number written before `text` and the text without it: ("1.", "加强…") →
/// (Some(1), "加强…"). Only the list forms — a bracketed number or a number followed by 、
/// or a full stop — count; "1.2万户", "2021年" and a number alone are text.
pub fn split_own_number(text: &str) -> (Option<u32>, &str) {
    let (prefix, rest) = cell::split_number_prefix(text);
    let listed = prefix.starts_with(['(', '（']) || prefix.ends_with(['、', '.', '．']);
    if prefix.is_empty() || !listed || rest.is_empty() {
        return (None, text);
    }
    (cell::parse_number(prefix), rest)
}

/// `name` without the number written before it, which fills `number` when that is empty.
pub(super) fn strip_name(name: String, number: &mut String) -> String {
    let (prefix, rest) = cell::split_number_prefix(&name);
    match split_own_number(&name) {
        (Some(_), _) if !rest.is_empty() => {
            if number.is_empty() {
                *number = prefix.to_string();
            }
            rest.to_string()
        }
        _ => name,
    }
}

/// The document's numbers taken out of the rows' category and item names (a category's
/// fills its 序号 when that is empty) and requirement texts (the requirement's own number,
/// unless 序号 gave it). Section headings were split when read.
pub(super) fn take_numbers(records: &mut [Record], cols: &Columns) {
    for r in records.iter_mut().filter(|r| !r.section) {
        // Without a category column the category is the title (or the section above).
        if cols.category.is_some() {
            r.category = strip_name(std::mem::take(&mut r.category), &mut r.number);
        }
        r.item = strip_name(std::mem::take(&mut r.item), &mut String::new());
        if let (Some(n), rest) = split_own_number(&r.text) {
            r.text = rest.to_string();
            r.own_number = r.own_number.or(Some(n));
        }
    }
}

/// A category or item name as the importer compares it: without the number written before
/// it ("一、扩大公开" → 扩大公开), whitespace dropped and full-width ASCII folded. Hand entry
/// (`duban add`) finds existing categories and items by it.
pub fn name_key(name: &str) -> String {
    cell::compare_key(&strip_number(name))
}

/// A category or item name given by hand as the importer keeps one: trimmed, without the
/// number written before it.
pub fn strip_number(name: &str) -> String {
    strip_name(name.trim().to_string(), &mut String::new())
}

/// The levels of a table read with `cols` into `records`.
pub(super) fn levels(cols: &Columns, records: &[Record]) -> Levels {
    let categories = cols.category.is_some() || records.iter().any(|r| r.section);
    match (categories, cols.item.is_some()) {
        (true, true) => Levels::Three,
        (true, false) | (false, true) => Levels::Two,
        (false, false) => Levels::One,
    }
}

/// An item column without categories above it (公开内容 | 具体要求 | …): its items are the
/// plan's first level, so they become the categories (a two-level plan).
pub(super) fn lift_items(records: &mut [Record]) {
    for r in records {
        r.category = std::mem::take(&mut r.item);
    }
}

/// Names the levels the plan lacks leave unnamed; keeps the document's requirement numbers
/// only where it numbers its tasks straight through the plan (each greater than the one
/// before, never restarting in a new category or item), since numbers that restart per
/// item say no more than the positions.
pub(super) fn shape(categories: &mut [Category], levels: Levels) {
    let mut last = 0;
    let straight = categories
        .iter()
        .flat_map(Category::requirements)
        .all(|r| match r.number {
            Some(n) if n > last => {
                last = n;
                true
            }
            _ => false,
        });
    for c in categories.iter_mut() {
        if levels == Levels::One {
            c.name.clear();
        }
        for item in &mut c.items {
            if levels != Levels::Three {
                item.name.clear();
            }
            if !straight {
                for r in &mut item.requirements {
                    r.number = None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbers_are_split_off_and_other_numbers_kept() {
        for (text, number, rest) in [
            ("1.加强政策解读", Some(1), "加强政策解读"),
            ("12、做好公开", Some(12), "做好公开"),
            ("（三）优化服务", Some(3), "优化服务"),
            ("(2)完善制度", Some(2), "完善制度"),
            ("一、扩大公开", Some(1), "扩大公开"),
            ("3．推进", Some(3), "推进"),
            ("1.2万户完成改造", None, "1.2万户完成改造"),
            ("2021年8月前完成", None, "2021年8月前完成"),
            ("五 亮点工程", None, "五 亮点工程"),
            ("1，2项", None, "1，2项"),
            ("一把手工程", None, "一把手工程"),
            ("1.", None, "1."),
        ] {
            assert_eq!(split_own_number(text), (number, rest), "{text}");
        }
    }
}
