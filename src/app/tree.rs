//! The tree of the selected category: the cursor as a positional path (category, item and
//! requirement indexes, not ids), moving it, and building only the rows that are visible.
//! Nothing here is O(requirements): rows are counted per item (an expanded item adds its
//! requirement count), and moves step through the path directly.

use crate::plan::{Category, Item, ReqId, Requirement};

use super::App;

/// Where the tree cursor is, by position in the plan: survives edits (which never reorder),
/// and a reload clamps it back into range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TreePath {
    /// Index into `plan.categories`.
    pub category: usize,
    /// Index into the category's items.
    pub item: usize,
    /// Index into the item's requirements; `None` when the item row itself is selected.
    pub requirement: Option<usize>,
}

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
        self.category_at(self.cursor.category)
    }

    /// An item without a row of its own (the unnamed item of a plan of fewer levels) is
    /// always open.
    pub fn is_expanded(&self, category: usize, item: usize) -> bool {
        !self.item_rows_shown() || !self.collapsed.contains(&(category, item))
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

    /// `p` on a visible row: where items have no rows, their first requirement instead of
    /// the item.
    pub(crate) fn settle(&self, p: TreePath) -> TreePath {
        let has_requirements = (self.category_at(p.category))
            .and_then(|c| c.items.get(p.item))
            .is_some_and(|it| !it.requirements.is_empty());
        if p.requirement.is_none() && !self.item_rows_shown() && has_requirements {
            return TreePath {
                requirement: Some(0),
                ..p
            };
        }
        p
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
            .map(|(i, it)| self.item_rows(self.cursor.category, i, it))
            .sum()
    }

    /// Row index of the cursor in the tree.
    pub fn tree_selected(&self) -> Option<usize> {
        let cat = self.current_category()?;
        let c = self.cursor.category;
        let before: usize = cat
            .items
            .iter()
            .take(self.cursor.item)
            .enumerate()
            .map(|(i, it)| self.item_rows(c, i, it))
            .sum();
        cat.items.get(self.cursor.item)?;
        let header = self.header_rows();
        Some(before + self.cursor.requirement.map_or(0, |r| r + header))
    }

    /// The rows `offset..offset + height` of the selected category's tree.
    pub fn tree_rows(&self, offset: usize, height: usize) -> Vec<Row<'_>> {
        let mut rows = Vec::with_capacity(height);
        let Some(cat) = self.current_category() else {
            return rows;
        };
        let c = self.cursor.category;
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
        let c = self.cursor.category;
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
        let p = self.cursor;
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
        self.current_category()?.items.get(self.cursor.item)
    }

    pub fn tree_requirement(&self) -> Option<&Requirement> {
        self.tree_item()?.requirements.get(self.cursor.requirement?)
    }

    /// The row after `p` in tree order, if any.
    pub(crate) fn next_path(&self, p: TreePath) -> Option<TreePath> {
        let cat = self.category_at(p.category)?;
        let item = cat.items.get(p.item)?;
        let down = match p.requirement {
            Some(r) if r + 1 < item.requirements.len() => Some(r + 1),
            None if self.is_expanded(p.category, p.item) && !item.requirements.is_empty() => {
                Some(0)
            }
            _ => None,
        };
        if down.is_some() {
            return Some(TreePath {
                requirement: down,
                ..p
            });
        }
        (p.item + 1 < cat.items.len()).then_some(TreePath {
            item: p.item + 1,
            requirement: None,
            ..p
        })
    }

    /// The row before `p` in tree order, if any.
    pub(crate) fn prev_path(&self, p: TreePath) -> Option<TreePath> {
        if let Some(r) = p.requirement {
            return Some(TreePath {
                requirement: r.checked_sub(1),
                ..p
            });
        }
        let prev = p.item.checked_sub(1)?;
        let item = self.category_at(p.category)?.items.get(prev)?;
        let last = if self.is_expanded(p.category, prev) {
            item.requirements.len().checked_sub(1)
        } else {
            None
        };
        Some(TreePath {
            item: prev,
            requirement: last,
            ..p
        })
    }

    pub(crate) fn first_path(category: usize) -> TreePath {
        TreePath {
            category,
            item: 0,
            requirement: None,
        }
    }

    pub(crate) fn last_path(&self, category: usize) -> TreePath {
        let Some(cat) = self.category_at(category) else {
            return TreePath {
                category,
                ..TreePath::default()
            };
        };
        let item = cat.items.len().saturating_sub(1);
        let reqs = cat.items.get(item).map_or(0, |it| it.requirements.len());
        let requirement = if self.is_expanded(category, item) {
            reqs.checked_sub(1)
        } else {
            None
        };
        TreePath {
            category,
            item,
            requirement,
        }
    }

    /// The first requirement of a category (first item that has one), or its first row.
    pub(crate) fn first_requirement(&self, category: usize) -> TreePath {
        let found = self
            .category_at(category)
            .and_then(|cat| cat.items.iter().position(|it| !it.requirements.is_empty()));
        match found {
            Some(item) => TreePath {
                category,
                item,
                requirement: Some(0),
            },
            None => Self::first_path(category),
        }
    }

    /// Bring the cursor back into the plan after it changed shape (or was empty).
    pub(crate) fn clamp_cursor(&mut self) {
        let cats = self.state.plan.categories.len();
        let p = &mut self.cursor;
        p.category = p.category.min(cats.saturating_sub(1));
        let Some(cat) = self.state.plan.categories.get(p.category) else {
            *p = TreePath::default();
            return;
        };
        p.item = p.item.min(cat.items.len().saturating_sub(1));
        let reqs = cat.items.get(p.item).map_or(0, |it| it.requirements.len());
        p.requirement = p.requirement.and_then(|r| {
            if reqs == 0 {
                None
            } else {
                Some(r.min(reqs - 1))
            }
        });
        let p = *p;
        if p.requirement.is_some() && !self.is_expanded(p.category, p.item) {
            self.cursor.requirement = None;
        }
        self.cursor = self.settle(self.cursor);
    }
}
