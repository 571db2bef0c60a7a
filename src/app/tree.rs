//! The tree of the selected category as rows: building only the rows that are visible, and
//! what the cursor (see `cursor.rs`) selects. Nothing here is O(requirements): rows are
//! counted per item (an expanded item adds its requirement count).

use crate::plan::{Category, Item, ReqId, Requirement};

use super::{App, TreePath};

/// What is selected, by domain id (for tests and messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Requirement(ReqId),
    /// Category number and 1-based item position.
    Item {
        category: u32,
        item: u32,
    },
    /// A category without items, or an empty plan.
    Nothing,
}

/// One visible row of the tree.
#[derive(Debug, Clone, Copy)]
pub enum Row<'a> {
    Item {
        index: usize,
        item: &'a Item,
        expanded: bool,
    },
    Requirement {
        item: usize,
        index: usize,
        requirement: &'a Requirement,
    },
}

impl App {
    pub(crate) fn category_at(&self, index: usize) -> Option<&Category> {
        self.state.plan.categories.get(index)
    }

    pub(crate) fn current_category(&self) -> Option<&Category> {
        self.category_at(self.tree.path().category)
    }

    /// An item without a row of its own (the unnamed item of a plan of fewer levels) is
    /// always open.
    pub fn is_expanded(&self, category: usize, item: usize) -> bool {
        self.tree.is_expanded(&self.state.plan, category, item)
    }

    /// Whether items have rows: only in a plan with items of its own (see
    /// [`crate::plan::Levels`]); a two- or one-level plan's tree lists its requirements.
    fn item_rows_shown(&self) -> bool {
        self.state.plan.levels.has_items()
    }

    /// The rows an item's own row takes: 1, or 0 where items have no rows.
    fn header_rows(&self) -> usize {
        usize::from(self.item_rows_shown())
    }

    fn item_rows(&self, category: usize, index: usize, item: &Item) -> usize {
        self.header_rows()
            + if self.is_expanded(category, index) {
                item.requirements.len()
            } else {
                0
            }
    }

    /// Rows in the tree of the selected category.
    pub fn tree_len(&self) -> usize {
        let Some(cat) = self.current_category() else {
            return 0;
        };
        cat.items
            .iter()
            .enumerate()
            .map(|(i, it)| self.item_rows(self.tree.path().category, i, it))
            .sum()
    }

    /// Row index of the cursor in the tree.
    pub fn tree_selected(&self) -> Option<usize> {
        let cat = self.current_category()?;
        let c = self.tree.path().category;
        let before: usize = cat
            .items
            .iter()
            .take(self.tree.path().item)
            .enumerate()
            .map(|(i, it)| self.item_rows(c, i, it))
            .sum();
        cat.items.get(self.tree.path().item)?;
        let header = self.header_rows();
        Some(before + self.tree.path().requirement.map_or(0, |r| r + header))
    }

    /// The rows `offset..offset + height` of the selected category's tree.
    pub fn tree_rows(&self, offset: usize, height: usize) -> Vec<Row<'_>> {
        let mut rows = Vec::with_capacity(height);
        let Some(cat) = self.current_category() else {
            return rows;
        };
        let c = self.tree.path().category;
        let mut skip = offset;
        for (index, item) in cat.items.iter().enumerate() {
            if rows.len() >= height {
                break;
            }
            let n = self.item_rows(c, index, item);
            if skip >= n {
                skip -= n;
                continue;
            }
            let expanded = self.is_expanded(c, index);
            let header = self.header_rows();
            if skip == 0 && header == 1 {
                rows.push(Row::Item {
                    index,
                    item,
                    expanded,
                });
            }
            if expanded {
                let first = skip.saturating_sub(header);
                for (r, requirement) in item.requirements.iter().enumerate().skip(first) {
                    if rows.len() >= height {
                        break;
                    }
                    rows.push(Row::Requirement {
                        item: index,
                        index: r,
                        requirement,
                    });
                }
            }
            skip = 0;
        }
        rows
    }

    /// The path of tree row `row` (clamped to the last row).
    pub(crate) fn path_at_row(&self, row: usize) -> Option<TreePath> {
        let cat = self.current_category()?;
        let c = self.tree.path().category;
        let mut left = row;
        let mut last = None;
        let header = self.header_rows();
        for (i, item) in cat.items.iter().enumerate() {
            let n = self.item_rows(c, i, item);
            if left < n {
                let requirement = left.checked_sub(header);
                return Some(TreePath {
                    category: c,
                    item: i,
                    requirement,
                });
            }
            left -= n;
            let end = n.checked_sub(1 + header);
            last = Some(TreePath {
                category: c,
                item: i,
                requirement: end,
            });
        }
        last
    }

    pub fn selection(&self) -> Selection {
        let p = self.tree.path();
        let Some(cat) = self.category_at(p.category) else {
            return Selection::Nothing;
        };
        let Some(item) = cat.items.get(p.item) else {
            return Selection::Nothing;
        };
        match p.requirement.and_then(|r| item.requirements.get(r)) {
            Some(r) => Selection::Requirement(r.id),
            None => Selection::Item {
                category: cat.number,
                item: u32::try_from(p.item + 1).unwrap_or(u32::MAX),
            },
        }
    }

    pub fn tree_item(&self) -> Option<&Item> {
        self.current_category()?.items.get(self.tree.path().item)
    }

    pub fn tree_requirement(&self) -> Option<&Requirement> {
        self.tree_item()?
            .requirements
            .get(self.tree.path().requirement?)
    }
}
