//! The tree cursor: a positional path into the plan, the path each category had when the
//! user left it, and which items are collapsed. Moves step through the path directly (never
//! O(requirements)); the plan is passed in, the cursor never holds it.

use std::collections::{HashMap, HashSet};

use crate::plan::Plan;

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

impl TreePath {
    /// The first row of a category.
    pub(crate) fn first(category: usize) -> TreePath {
        TreePath {
            category,
            item: 0,
            requirement: None,
        }
    }
}

/// The tree's cursor and what it remembers.
#[derive(Debug, Clone, Default)]
pub struct TreeCursor {
    path: TreePath,
    /// The cursor each category had when the user left it.
    remembered: HashMap<usize, TreePath>,
    /// (category index, item index) of collapsed items; everything starts expanded.
    collapsed: HashSet<(usize, usize)>,
}

impl TreeCursor {
    /// A cursor on the first requirement of the plan's first category.
    pub fn new(plan: &Plan) -> TreeCursor {
        let mut cursor = TreeCursor {
            path: first_requirement(plan, 0),
            ..TreeCursor::default()
        };
        cursor.clamp(plan);
        cursor
    }

    pub fn path(&self) -> TreePath {
        self.path
    }

    /// Put the cursor on `p` (settled on a visible row); whether it moved.
    pub fn set(&mut self, plan: &Plan, p: TreePath) -> bool {
        let p = settle(plan, p);
        let moved = p != self.path;
        self.path = p;
        moved
    }

    /// An item without a row of its own (the unnamed item of a plan of fewer levels) is
    /// always open.
    pub fn is_expanded(&self, plan: &Plan, category: usize, item: usize) -> bool {
        !plan.levels.has_items() || !self.collapsed.contains(&(category, item))
    }

    pub fn collapse(&mut self, category: usize, item: usize) {
        self.collapsed.insert((category, item));
    }

    pub fn expand(&mut self, category: usize, item: usize) {
        self.collapsed.remove(&(category, item));
    }

    /// Leave the current category for `index`, restoring the cursor it had when last left
    /// (else its first requirement). If its item was collapsed since, clamping moves the
    /// cursor to the item row.
    pub fn switch_category(&mut self, plan: &Plan, index: usize) {
        self.remembered.insert(self.path.category, self.path);
        self.path = self
            .remembered
            .get(&index)
            .copied()
            .unwrap_or_else(|| first_requirement(plan, index));
        self.clamp(plan);
    }

    /// The row after `p` in tree order, if any.
    pub fn next_path(&self, plan: &Plan, p: TreePath) -> Option<TreePath> {
        let cat = plan.categories.get(p.category)?;
        let item = cat.items.get(p.item)?;
        let down = match p.requirement {
            Some(r) if r + 1 < item.requirements.len() => Some(r + 1),
            None if self.is_expanded(plan, p.category, p.item) && !item.requirements.is_empty() => {
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
    pub fn prev_path(&self, plan: &Plan, p: TreePath) -> Option<TreePath> {
        if let Some(r) = p.requirement {
            return Some(TreePath {
                requirement: r.checked_sub(1),
                ..p
            });
        }
        let prev = p.item.checked_sub(1)?;
        let item = plan.categories.get(p.category)?.items.get(prev)?;
        let last = if self.is_expanded(plan, p.category, prev) {
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

    /// The last row of a category.
    pub fn last_path(&self, plan: &Plan, category: usize) -> TreePath {
        let Some(cat) = plan.categories.get(category) else {
            return TreePath {
                category,
                ..TreePath::default()
            };
        };
        let item = cat.items.len().saturating_sub(1);
        let reqs = cat.items.get(item).map_or(0, |it| it.requirements.len());
        let requirement = if self.is_expanded(plan, category, item) {
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

    /// Bring the cursor back into the plan after it changed shape (or was empty).
    pub fn clamp(&mut self, plan: &Plan) {
        let cats = plan.categories.len();
        let p = &mut self.path;
        p.category = p.category.min(cats.saturating_sub(1));
        let Some(cat) = plan.categories.get(p.category) else {
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
        if p.requirement.is_some() && !self.is_expanded(plan, p.category, p.item) {
            self.path.requirement = None;
        }
        self.path = settle(plan, self.path);
    }
}

/// `p` on a visible row: where items have no rows, their first requirement instead of the
/// item.
pub(crate) fn settle(plan: &Plan, p: TreePath) -> TreePath {
    let has_requirements = (plan.categories.get(p.category))
        .and_then(|c| c.items.get(p.item))
        .is_some_and(|it| !it.requirements.is_empty());
    if p.requirement.is_none() && !plan.levels.has_items() && has_requirements {
        return TreePath {
            requirement: Some(0),
            ..p
        };
    }
    p
}

/// The first requirement of a category (first item that has one), or its first row.
pub(crate) fn first_requirement(plan: &Plan, category: usize) -> TreePath {
    let found = (plan.categories.get(category))
        .and_then(|cat| cat.items.iter().position(|it| !it.requirements.is_empty()));
    match found {
        Some(item) => TreePath {
            category,
            item,
            requirement: Some(0),
        },
        None => TreePath::first(category),
    }
}

#[cfg(test)]
mod tests {
    use super::{TreeCursor, TreePath, first_requirement, settle};
    use crate::plan::generate::{GenOptions, generate_document};
    use crate::plan::import::import_bytes;
    use crate::plan::{Levels, Plan};

    fn plan() -> Plan {
        let doc = generate_document(&GenOptions {
            requirements: 40,
            ..GenOptions::default()
        });
        import_bytes(doc.as_bytes(), "gen.txt").expect("imports")
    }

    fn path(category: usize, item: usize, requirement: Option<usize>) -> TreePath {
        TreePath {
            category,
            item,
            requirement,
        }
    }

    #[test]
    fn starts_on_the_first_requirement() {
        let plan = plan();
        assert_eq!(TreeCursor::new(&plan).path(), first_requirement(&plan, 0));
        assert_eq!(TreeCursor::new(&plan).path(), path(0, 0, Some(0)));
    }

    #[test]
    fn steps_walk_every_row_of_a_category_and_back() {
        let plan = plan();
        let cursor = TreeCursor::new(&plan);
        let cat = &plan.categories[0];
        let rows: usize = cat.items.iter().map(|it| 1 + it.requirements.len()).sum();
        let mut p = TreePath::first(0);
        let mut seen = vec![p];
        while let Some(n) = cursor.next_path(&plan, p) {
            p = n;
            seen.push(p);
        }
        assert_eq!(seen.len(), rows);
        assert_eq!(p, cursor.last_path(&plan, 0));
        let mut back = vec![p];
        while let Some(n) = cursor.prev_path(&plan, p) {
            p = n;
            back.push(p);
        }
        back.reverse();
        assert_eq!(back, seen);
    }

    #[test]
    fn a_collapsed_item_hides_its_requirements() {
        let plan = plan();
        let mut cursor = TreeCursor::new(&plan);
        cursor.collapse(0, 0);
        assert!(!cursor.is_expanded(&plan, 0, 0));
        assert_eq!(
            cursor.next_path(&plan, TreePath::first(0)),
            Some(path(0, 1, None))
        );
        assert_eq!(
            cursor.prev_path(&plan, path(0, 1, None)),
            Some(TreePath::first(0))
        );
        // The cursor on a hidden requirement moves to its item row.
        cursor.clamp(&plan);
        assert_eq!(cursor.path(), TreePath::first(0));
        cursor.expand(0, 0);
        assert!(cursor.is_expanded(&plan, 0, 0));
    }

    #[test]
    fn a_plan_without_item_rows_has_every_item_open() {
        let mut plan = plan();
        plan.levels = Levels::Two;
        let mut cursor = TreeCursor::new(&plan);
        cursor.collapse(0, 0);
        assert!(cursor.is_expanded(&plan, 0, 0));
        assert_eq!(settle(&plan, TreePath::first(0)), path(0, 0, Some(0)));
        assert!(!cursor.set(&plan, TreePath::first(0)));
    }

    #[test]
    fn each_category_keeps_its_cursor() {
        let plan = plan();
        assert!(plan.categories.len() > 1);
        let mut cursor = TreeCursor::new(&plan);
        assert!(cursor.set(&plan, path(0, 1, Some(0))));
        cursor.switch_category(&plan, 1);
        assert_eq!(cursor.path(), first_requirement(&plan, 1));
        cursor.switch_category(&plan, 0);
        assert_eq!(cursor.path(), path(0, 1, Some(0)));
    }

    #[test]
    fn clamping_brings_the_cursor_back_into_a_smaller_plan() {
        let mut plan = plan();
        let mut cursor = TreeCursor::new(&plan);
        let last = plan.categories.len() - 1;
        let end = cursor.last_path(&plan, last);
        cursor.set(&plan, end);
        plan.categories.truncate(1);
        plan.categories[0].items.truncate(1);
        cursor.clamp(&plan);
        let reqs = plan.categories[0].items[0].requirements.len();
        let kept = end.requirement.map(|r| r.min(reqs - 1));
        assert_eq!(cursor.path(), path(0, 0, kept));
        plan.categories.clear();
        cursor.clamp(&plan);
        assert_eq!(cursor.path(), TreePath::default());
    }
}
