//! Normal-mode actions: moving the cursor, focus, folding, scrolling, mouse.

use chrono::NaiveDateTime;
use ratatui::layout::Position;

use super::cursor::TreePath;
use super::{Action, App, Mode, Pane, Screen};

impl App {
    pub(super) fn update_normal(&mut self, action: &Action, now: NaiveDateTime) {
        if *action != Action::Quit {
            self.quitting.armed = false;
        }
        if action.is_edit() && self.too_small() {
            return;
        }
        match action {
            Action::Up if self.step_note(-1) => {}
            Action::Down if self.step_note(1) => {}
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-self.page_rows()),
            Action::PageDown => self.step(self.page_rows()),
            Action::First => self.jump_end(false),
            Action::Last => self.jump_end(true),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::NextPane | Action::PrevPane if self.screen != Screen::Tree => {
                self.focus = if self.focus == Pane::Detail {
                    Pane::Tree
                } else {
                    Pane::Detail
                };
            }
            Action::NextPane => self.focus = self.focus.next(),
            Action::PrevPane => self.focus = self.focus.prev(),
            Action::JumpCategory(n) => {
                self.show_screen(Screen::Tree);
                self.jump_category(*n);
            }
            Action::ToggleExpand if self.screen == Screen::Units => self.drill_in(),
            Action::ToggleExpand => self.toggle_expand(),
            Action::ToggleDone => self.toggle_done(now),
            Action::CycleStatus => self.cycle_status(now),
            Action::AddNote => self.start_note(),
            Action::EditNote => self.start_edit_note(),
            Action::DeleteNote => self.ask_delete_note(),
            Action::SubmitReport => self.start_report(),
            Action::SetDue => self.start_set_due(),
            Action::AddRequirement => self.start_add(),
            Action::Correct => self.start_correct(),
            Action::SetStart => self.start_set_start(),
            Action::Export => self.export(),
            Action::Extend
            | Action::Claim
            | Action::Approve
            | Action::Reject
            | Action::Remind
            | Action::Attach => self.start_flow(action),
            Action::OpenEvidence => self.open_evidence(),
            Action::ReapplyKept => self.reapply_kept(),
            Action::DropKept => self.drop_kept(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::ShowScreen(p) => self.show_screen(*p),
            Action::NextScreen => self.cycle_screen(),
            Action::ToggleShowDone => self.toggle_agenda_done(),
            Action::ToggleCount => self.toggle_count(),
            Action::ToggleMonth => self.toggle_month(),
            Action::PrevMonth => self.step_month(-1),
            Action::NextMonth => self.step_month(1),
            Action::SortNext | Action::SortReverse if self.screen == Screen::Agenda => {
                self.toggle_agenda_order();
            }
            Action::SortNext => self.next_sort(),
            Action::SortReverse => self.reverse_sort(),
            Action::Search => self.start_search(),
            Action::NextMatch => self.jump_match(true, false),
            Action::PrevMatch => self.jump_match(false, false),
            Action::ClearFilters => self.clear_filters(),
            Action::FilterOverdue => self.toggle_overdue_filter(),
            Action::FilterDue => self.cycle_due_filter(),
            Action::FilterStatus => self.cycle_status_filter(),
            Action::FilterUnit => self.toggle_unit_filter(),
            Action::FilterCategory => self.toggle_category_filter(),
            Action::FilterLeader => self.toggle_leader_filter(),
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Back => {
                if !self.close_month() && !self.drill_out() {
                    self.message = None;
                }
            }
            Action::Quit => self.request_quit(now),
            Action::Click { column, row } => self.click(Position::new(*column, *row)),
            Action::PrevPlan => self.step_plan(-1),
            Action::NextPlan => self.step_plan(1),
            Action::ScrollUp { column, row } => self.wheel(Position::new(*column, *row), -1),
            Action::ScrollDown { column, row } => self.wheel(Position::new(*column, *row), 1),
            Action::Confirm(_)
            | Action::Edit(_)
            | Action::SubmitNote
            | Action::CancelNote
            | Action::NextField
            | Action::Start
            | Action::Tick
            | Action::Poll { .. }
            | Action::Resize { .. }
            | Action::Shutdown => {}
        }
    }

    /// Rows per page in the focused pane (for the current size; at least 1).
    fn page_rows(&self) -> isize {
        let g = self.geometry().unwrap_or_default();
        let rows = match self.focus {
            Pane::Categories => self.categories_visible(&g),
            Pane::Tree => usize::from(g.rows.height),
            Pane::Detail => usize::from(g.detail.height),
        };
        isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Move by `delta` rows in the focused pane.
    fn step(&mut self, delta: isize) {
        if self.screen != Screen::Tree && self.focus != Pane::Detail {
            if let Some(list) = self.current_list_mut() {
                let before = list.cursor;
                list.step(delta);
                if list.cursor != before {
                    self.detail_scroll = 0;
                }
            } else {
                self.units_step(delta);
            }
            return;
        }
        match self.focus {
            Pane::Categories if self.all_plans() => self.step_node(delta),
            Pane::Categories => {
                let last = self.plan().categories.len().saturating_sub(1);
                let to = self
                    .tree
                    .path()
                    .category
                    .saturating_add_signed(delta)
                    .min(last);
                self.select_category(to);
            }
            Pane::Tree => {
                let mut p = self.tree.path();
                for _ in 0..delta.unsigned_abs() {
                    let next = if delta > 0 {
                        self.tree.next_path(&self.state.plan, p)
                    } else {
                        self.tree.prev_path(&self.state.plan, p)
                    };
                    match next {
                        Some(n) => p = n,
                        None => break,
                    }
                }
                self.set_cursor(p);
            }
            Pane::Detail => self.scroll_detail(delta),
        }
    }

    fn scroll_detail(&mut self, delta: isize) {
        let max = self.detail_max();
        self.detail_scroll = self
            .detail_scroll
            .min(max)
            .saturating_add_signed(delta)
            .min(max);
    }

    fn jump_end(&mut self, last: bool) {
        if self.screen != Screen::Tree && self.focus != Pane::Detail {
            if let Some(list) = self.current_list_mut() {
                list.jump(last);
            } else {
                self.units.cursor = if last {
                    self.units.rows.len().saturating_sub(1)
                } else {
                    0
                };
            }
            self.detail_scroll = 0;
            return;
        }
        match self.focus {
            Pane::Categories if self.all_plans() => {
                let nodes = self.category_rows();
                self.select_node(if last { nodes.saturating_sub(1) } else { 0 });
            }
            Pane::Categories => {
                let to = if last {
                    self.plan().categories.len().saturating_sub(1)
                } else {
                    0
                };
                self.select_category(to);
            }
            Pane::Tree => {
                let c = self.tree.path().category;
                let p = if last {
                    self.tree.last_path(&self.state.plan, c)
                } else {
                    TreePath::first(c)
                };
                self.set_cursor(p);
            }
            // Unbounded when nothing measured it; drawing clamps it.
            Pane::Detail => self.detail_scroll = if last { self.detail_max() } else { 0 },
        }
    }

    fn left(&mut self) {
        if self.screen != Screen::Tree {
            if self.focus == Pane::Detail {
                self.focus = Pane::Tree;
            } else {
                self.drill_out();
            }
            return;
        }
        match self.focus {
            Pane::Categories => self.node_left(),
            Pane::Detail => self.focus = Pane::Tree,
            Pane::Tree => {
                let p = self.tree.path();
                if p.requirement.is_some() {
                    self.set_cursor(TreePath {
                        requirement: None,
                        ..p
                    });
                } else if self.is_expanded(p.category, p.item) && self.tree_item().is_some() {
                    self.tree.collapse(p.category, p.item);
                } else {
                    self.focus = Pane::Categories;
                }
            }
        }
    }

    fn right(&mut self) {
        if self.screen == Screen::Units && self.units.drill.is_none() {
            return self.drill_in();
        }
        if self.screen != Screen::Tree {
            self.focus = Pane::Detail;
            return;
        }
        match self.focus {
            Pane::Categories => {
                if !self.node_right() {
                    self.focus = Pane::Tree;
                }
            }
            Pane::Detail => {}
            Pane::Tree => {
                let p = self.tree.path();
                let has_reqs = self
                    .selected_item()
                    .is_some_and(|it| !it.requirements.is_empty());
                if p.requirement.is_some() || self.tree_item().is_none() {
                    self.focus = Pane::Detail;
                } else if !self.is_expanded(p.category, p.item) {
                    self.tree.expand(p.category, p.item);
                } else if has_reqs {
                    self.set_cursor(TreePath {
                        requirement: Some(0),
                        ..p
                    });
                } else {
                    self.focus = Pane::Detail;
                }
            }
        }
    }

    fn toggle_expand(&mut self) {
        if self.focus == Pane::Categories {
            if !self.node_toggle() {
                self.focus = Pane::Tree;
            }
            return;
        }
        let p = self.tree.path();
        if self.tree_item().is_none() {
            return;
        }
        if self.is_expanded(p.category, p.item) {
            self.tree.collapse(p.category, p.item);
            self.set_cursor(TreePath {
                requirement: None,
                ..p
            });
        } else {
            self.tree.expand(p.category, p.item);
        }
    }

    fn jump_category(&mut self, number: u32) {
        let Some(index) = self
            .plan()
            .categories
            .iter()
            .position(|c| c.number == number)
        else {
            let text = match self.lang {
                crate::i18n::Lang::Zh => format!("没有第{number}类"),
                crate::i18n::Lang::En => format!("there is no category {number}"),
            };
            return self.set_message(text, false);
        };
        self.node_into_category();
        self.select_category(index);
        let p = super::cursor::first_requirement(&self.state.plan, index);
        self.tree.expand(p.category, p.item);
        self.set_cursor(p);
        self.focus = Pane::Tree;
    }

    /// Show another category, restoring the cursor it had when last left.
    pub(super) fn select_category(&mut self, index: usize) {
        if index == self.tree.path().category || index >= self.plan().categories.len() {
            return;
        }
        self.tree.switch_category(&self.state.plan, index);
        self.scroll.rows = 0;
        self.detail_scroll = 0;
    }

    pub(super) fn set_cursor(&mut self, p: TreePath) {
        if self.tree.set(&self.state.plan, p) {
            self.detail_scroll = 0;
        }
    }

    fn click(&mut self, at: Position) {
        if self.click_strip(at) {
            return;
        }
        let Some(g) = self.geometry().filter(|g| !g.too_small()) else {
            return;
        };
        let (cats, tree, detail) = (g.categories, g.rows, g.detail);
        let scroll = self.scroll;
        if cats.contains(at) {
            let lines = self.category_lines(&g);
            let index = scroll.categories + usize::from(at.y - cats.y) / lines;
            self.focus = Pane::Categories;
            if self.all_plans() {
                self.select_node(index);
            } else {
                self.select_category(index);
            }
        } else if tree.contains(at) && self.screen != Screen::Tree {
            let row = scroll.rows + usize::from(at.y - tree.y);
            self.focus = Pane::Tree;
            if let Some(list) = self.current_list_mut() {
                if matches!(
                    list.entries.get(row),
                    Some(super::ListEntry::Requirement { .. })
                ) {
                    list.cursor = row;
                    self.detail_scroll = 0;
                }
            } else if row < self.units.rows.len() {
                self.units.cursor = row;
            }
        } else if tree.contains(at) {
            let row = scroll.rows + usize::from(at.y - tree.y);
            self.focus = Pane::Tree;
            if row < self.tree_len()
                && let Some(p) = self.path_at_row(row)
            {
                self.set_cursor(p);
            }
        } else if detail.contains(at) {
            self.focus = Pane::Detail;
        }
    }

    fn wheel(&mut self, at: Position, delta: isize) {
        let Some(g) = self.geometry().filter(|g| !g.too_small()) else {
            return;
        };
        if g.detail.contains(at) {
            self.scroll_detail(delta * 3);
        } else if g.rows.contains(at) {
            let focus = std::mem::replace(&mut self.focus, Pane::Tree);
            self.step(delta);
            self.focus = focus;
        } else if g.categories.contains(at) {
            let focus = std::mem::replace(&mut self.focus, Pane::Categories);
            self.step(delta);
            self.focus = focus;
        }
    }
}
