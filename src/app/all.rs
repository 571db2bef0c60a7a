//! 全部 (issue #20): the strip's last entry shows every plan at once. The categories pane
//! then lists the plans, each a node with its counts that folds and unfolds, and under each
//! its categories; the tree pane shows the selected category's items and requirements, so
//! the hierarchy reads plan → category → item → requirement.
//!
//! Ids repeat across plans, so a row is known by (plan, id): the plan of the selected node
//! is the workspace's focused plan (`state.plan`), and every edit, note, status change and
//! undo goes through the one-plan code on it, saved like any other edit. Moving onto
//! another plan's node swaps the cursor and undo history exactly as switching plans does
//! (see `plans.rs`), and is refused the same way while an edit is unsaved.

use std::collections::BTreeSet;

use super::{Action, App};
use crate::plan::Counts;

/// What 全部 keeps while it is shown.
#[derive(Debug, Default)]
pub(super) struct AllPlans {
    /// Plans whose categories are folded away.
    collapsed: BTreeSet<usize>,
    /// The cursor rests on the focused plan's own row rather than on one of its categories.
    on_plan: bool,
    /// Each plan's per-category counts, as of entering 全部 or leaving that plan (the
    /// focused plan's come live from `derived`).
    counts: Vec<Vec<Counts>>,
    /// The plans of the steps made here, oldest first, and of the steps undone (the last
    /// undone last): undo and redo go to the plan of the last step, wherever the cursor is
    /// (a row marked done leaves the agenda, and the cursor lands on another plan's row).
    edits: Vec<usize>,
    undone: Vec<usize>,
}

/// One row of the categories pane in 全部.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// A plan, by its index in the workspace.
    Plan(usize),
    /// A category of a plan, by indices.
    Category { plan: usize, index: usize },
}

impl Node {
    pub fn plan(self) -> usize {
        match self {
            Node::Plan(p) | Node::Category { plan: p, .. } => p,
        }
    }
}

impl App {
    /// Whether 全部 (every plan) is shown.
    pub fn all_plans(&self) -> bool {
        self.all.is_some()
    }

    /// The name rows of the focused plan carry in 全部 (`None` while one plan is shown).
    pub fn scope_label(&self) -> Option<&str> {
        self.all.is_some().then_some(self.state.name.as_str())
    }

    /// An id as shown: `NAME:1.1.1` in 全部, as [`crate::plan::query::Scope::shown_id`] names it.
    pub fn shown_id(&self, id: impl std::fmt::Display) -> String {
        match self.scope_label() {
            Some(name) => format!("{name}:{id}"),
            None => id.to_string(),
        }
    }

    /// The categories pane's rows in 全部: each plan, then its categories unless folded.
    pub fn nodes(&self) -> Vec<Node> {
        let Some(all) = &self.all else {
            return Vec::new();
        };
        let mut nodes = Vec::new();
        for (plan, p) in self.state.plans().iter().enumerate() {
            nodes.push(Node::Plan(plan));
            if !all.collapsed.contains(&plan) {
                nodes.extend(
                    (0..p.plan.categories.len()).map(|index| Node::Category { plan, index }),
                );
            }
        }
        nodes
    }

    /// Whether plan `plan`'s categories are shown under it.
    pub fn plan_expanded(&self, plan: usize) -> bool {
        self.all
            .as_ref()
            .is_none_or(|a| !a.collapsed.contains(&plan))
    }

    /// The node the cursor is on.
    pub fn node_selected(&self) -> Node {
        let plan = self.plan_index();
        let on_plan =
            self.focus == super::Pane::Categories && self.all.as_ref().is_some_and(|a| a.on_plan);
        if on_plan || self.plan().categories.is_empty() || !self.plan_expanded(plan) {
            Node::Plan(plan)
        } else {
            Node::Category {
                plan,
                index: self.tree.path().category,
            }
        }
    }

    /// The counts a node shows: a plan's over all its categories.
    pub fn node_counts(&self, node: Node) -> Counts {
        let focused = self.plan_index();
        let stored = |plan: usize| {
            (self.all.as_ref())
                .and_then(|a| a.counts.get(plan))
                .map_or(&[][..], Vec::as_slice)
        };
        match node {
            Node::Plan(p) if p == focused => self.derived.total,
            Node::Plan(p) => stored(p).iter().fold(Counts::default(), |a, c| a.plus(*c)),
            Node::Category { plan, index } if plan == focused => self.derived.category(index),
            Node::Category { plan, index } => stored(plan).get(index).copied().unwrap_or_default(),
        }
    }

    /// The strip's 全部 entry or `{`/`}` reached it: show every plan, the plan shown so far
    /// selected. Refused while an edit is unsaved, as switching plans is.
    pub(super) fn show_all(&mut self) {
        if self.all.is_some() || !self.state.several() || self.refuse_unsaved() {
            return;
        }
        self.all = Some(AllPlans::default());
        self.recount_all_plans();
        self.scope_changed();
        let text = self.lang.pick("计划：全部", "plan: all");
        self.set_message(text, false);
    }

    /// Count every plan's categories for their nodes (entering 全部, a reload).
    pub(super) fn recount_all_plans(&mut self) {
        let by = self.count.counting();
        let today = self.today;
        let counts = (self.state.plans().iter())
            .map(|p| {
                (p.plan.categories.iter())
                    .map(|c| Counts::of_by(c.requirements(), today, by))
                    .collect()
            })
            .collect();
        if !self.state.several() {
            self.all = None;
        }
        if let Some(all) = &mut self.all {
            all.counts = counts;
            let n = self.state.plans().len();
            all.collapsed.retain(|&p| p < n);
        }
    }

    /// In 全部, plan `to` was brought in for `from` (a node or a list row of it selected):
    /// what is derived from the plan shown alone follows (its counts, as kept for its nodes;
    /// its matches); the lists, which span every plan, stay as they are.
    pub(super) fn refocused_in_all(&mut self, from: usize, to: usize) {
        let d = &mut self.derived;
        d.other_matches
            .resize_with(self.state.plans().len(), || None);
        d.other_matches[from] = d.matches.take();
        d.matches = d.other_matches[to].take();
        d.search_index = None;
        d.search_trail.clear();
        if let Some(counts) = self.all.as_ref().and_then(|a| a.counts.get(to)) {
            d.counts.clone_from(counts);
            d.total = (d.counts.iter()).fold(Counts::default(), |a, c| a.plus(*c));
        }
        self.tree.clamp(&self.state.plan);
        if self.screen == super::Screen::Tree {
            self.scroll.rows = 0;
        }
    }

    /// 全部: before an undo or redo, bring in the plan of the last step made (undone).
    pub(super) fn bring_in_last_step(&mut self, action: &Action) {
        let target = match (&self.all, action) {
            (Some(all), Action::Undo) => all.edits.last(),
            (Some(all), Action::Redo) => all.undone.last(),
            _ => None,
        };
        if let Some(&plan) = target
            && plan != self.plan_index()
        {
            self.refocus(plan);
        }
    }

    /// 全部: note the step `action` made, undid or redid on plan `shown`, whose undo and
    /// redo depths were `before`.
    pub(super) fn track_step(&mut self, action: &Action, shown: usize, before: (usize, usize)) {
        let after = self.undo_depth();
        if self.plan_index() != shown {
            return;
        }
        let Some(all) = self.all.as_mut() else {
            return;
        };
        match action {
            Action::Undo if after.0 < before.0 => {
                all.edits.pop();
                all.undone.push(shown);
            }
            Action::Redo if after.1 < before.1 => {
                all.undone.pop();
                all.edits.push(shown);
            }
            Action::Undo | Action::Redo => {}
            _ if after.0 > before.0 => {
                all.edits.push(shown);
                all.undone.clear();
            }
            _ => {}
        }
    }

    /// The plan being left keeps its categories' counts as they are now.
    pub(super) fn keep_node_counts(&mut self, plan: usize) {
        if let Some(all) = &mut self.all
            && let Some(slot) = all.counts.get_mut(plan)
        {
            slot.clone_from(&self.derived.counts);
        }
    }

    /// Put the cursor on the `row`th node (a click, a move): another plan's node brings
    /// that plan in (its cursor and undo history with it).
    pub(super) fn select_node(&mut self, row: usize) {
        let Some(&node) = self.nodes().get(row) else {
            return;
        };
        if node.plan() != self.plan_index() && !self.refocus(node.plan()) {
            return;
        }
        if let Some(all) = &mut self.all {
            all.on_plan = matches!(node, Node::Plan(_));
        }
        if let Node::Category { index, .. } = node {
            self.select_category(index);
        }
    }

    /// Move the node cursor by `delta` rows, or to the first/last.
    pub(super) fn step_node(&mut self, delta: isize) {
        let nodes = self.nodes();
        let at = self.node_row(&nodes);
        let to = at
            .saturating_add_signed(delta)
            .min(nodes.len().saturating_sub(1));
        self.select_node(to);
    }

    pub(super) fn node_row(&self, nodes: &[Node]) -> usize {
        let selected = self.node_selected();
        nodes.iter().position(|n| *n == selected).unwrap_or(0)
    }

    /// Left in the categories pane: from a category to its plan, on a plan fold it.
    pub(super) fn node_left(&mut self) {
        let plan = self.plan_index();
        let Some(all) = &mut self.all else {
            return;
        };
        if all.on_plan {
            all.collapsed.insert(plan);
        } else {
            all.on_plan = true;
        }
    }

    /// Right (or Enter) on a plan's row: unfold it, or go into its first category; on a
    /// category, `false` (the tree takes the focus as usual).
    pub(super) fn node_right(&mut self) -> bool {
        let plan = self.plan_index();
        let empty = self.plan().categories.is_empty();
        let Some(all) = &mut self.all else {
            return false;
        };
        if !all.on_plan {
            return false;
        }
        if !all.collapsed.remove(&plan) && !empty {
            all.on_plan = false;
            self.select_category(0);
        }
        true
    }

    /// Enter on a plan's row folds or unfolds it; `false` elsewhere.
    pub(super) fn node_toggle(&mut self) -> bool {
        let plan = self.plan_index();
        let Some(all) = self.all.as_mut().filter(|a| a.on_plan) else {
            return false;
        };
        if !all.collapsed.remove(&plan) {
            all.collapsed.insert(plan);
        }
        true
    }

    /// A number key in 全部 unfolds the plan shown and leaves its own row.
    pub(super) fn node_into_category(&mut self) {
        let plan = self.plan_index();
        if let Some(all) = &mut self.all {
            all.collapsed.remove(&plan);
            all.on_plan = false;
        }
    }

    /// Rows of the categories pane: its categories, or the nodes in 全部.
    pub(super) fn category_rows(&self) -> usize {
        if self.all.is_some() {
            self.nodes().len()
        } else {
            self.plan().categories.len()
        }
    }

    /// The categories pane's selected row.
    pub(super) fn category_row(&self) -> usize {
        if self.all.is_some() {
            self.node_row(&self.nodes())
        } else {
            self.tree.path().category
        }
    }

    /// Rows of the categories pane in view in `g`.
    pub(super) fn categories_visible(&self, g: &super::Geometry) -> usize {
        if self.all.is_some() {
            usize::from(g.categories.height)
        } else {
            g.categories_visible(self.category_rows())
        }
    }

    /// Lines each row of the categories pane takes in `g` (always one in 全部).
    pub(super) fn category_lines(&self, g: &super::Geometry) -> usize {
        if self.all.is_some() {
            1
        } else {
            g.category_lines(self.category_rows())
        }
    }
}
