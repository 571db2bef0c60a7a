//! The plan strip (issue #20): with several plans in the workspace, a line above the panes
//! names each plan with its progress, and `{`/`}` (or a click) switch the plan the dashboard
//! shows, and its last entry, 全部, shows them all (see `all.rs`). Each plan keeps, for the session, its tree cursor (with the categories' remembered
//! cursors and collapsed items) and its undo history: undo never reaches into another plan.
//!
//! Where the entries sit is a pure function of the width ([`App::strip`]), so a click is
//! resolved by `update` exactly where drawing put the entry.

use std::collections::HashMap;

use ratatui::layout::{Position, Rect};

use super::history::History;
use super::{App, ReqList, TreeCursor};
use crate::i18n::Lang;
use crate::text::width::width;

/// What a plan not on screen left behind.
#[derive(Debug, Default)]
pub(super) struct Left {
    tree: TreeCursor,
    history: History,
}

/// The plans left this session, by name.
pub(super) type Stash = HashMap<String, Left>;

/// One entry of the strip: a plan, its label and where it is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StripEntry {
    /// The plan's index in the workspace; `None` for 全部.
    pub plan: Option<usize>,
    /// `name done/total`, cut to the room there is.
    pub label: String,
    /// Columns the entry covers (its label with a space either side).
    pub x: u16,
    pub width: u16,
}

/// The strip at one width: the entries shown, and whether plans are hidden either side.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Strip {
    pub entries: Vec<StripEntry>,
    pub more_left: bool,
    pub more_right: bool,
}

impl App {
    /// The index of the plan shown.
    pub fn plan_index(&self) -> usize {
        let name = &self.state.name;
        (self.state.plans().iter())
            .position(|p| &p.name == name)
            .unwrap_or(0)
    }

    /// `(done, total)` of each plan, in workspace order (the one shown counted live).
    pub fn plan_totals(&self) -> Vec<(usize, usize)> {
        let shown = self.plan_index();
        (0..self.state.plans().len())
            .map(|i| {
                if i == shown {
                    (self.derived.total.done, self.derived.total.total)
                } else {
                    self.derived.plans.get(i).copied().unwrap_or_default()
                }
            })
            .collect()
    }

    /// The strip's entries in `area` (one line): from the first plan, or — when they do not
    /// all fit — from the first that still leaves the plan shown in view. 全部 comes last. A
    /// column is kept at either end for the marks that say plans are hidden there.
    pub fn strip(&self, area: Rect) -> Strip {
        if !self.state.several() || area.width < 3 || area.height == 0 {
            return Strip::default();
        }
        let room = usize::from(area.width - 2);
        let totals = self.plan_totals();
        let (done, total) = totals
            .iter()
            .fold((0, 0), |(d, t), (pd, pt)| (d + pd, t + pt));
        let mut labels: Vec<String> = (self.state.plans().iter().zip(&totals))
            .map(|(p, (done, total))| format!("{} {done}/{total}", p.name))
            .collect();
        labels.push(format!("{} {done}/{total}", self.lang.pick("全部", "all")));
        // Each entry is its label, a space either side, and a gap after it.
        let cost = |l: &String| (width(l) + 2).min(room) + 1;
        let shown = self.strip_position();
        let mut first = 0;
        while first < shown && labels[first..=shown].iter().map(cost).sum::<usize>() > room + 1 {
            first += 1;
        }
        let all = labels.len() - 1;
        let mut entries = Vec::new();
        let mut x = usize::from(area.x) + 1;
        let end = usize::from(area.x) + 1 + room;
        for (at, label) in labels.iter().enumerate().skip(first) {
            let left = end.saturating_sub(x);
            if left < 3 || (at != first && width(label) + 2 > left) {
                break;
            }
            let label = crate::text::truncate::truncate(label, left - 2).into_owned();
            let w = width(&label) + 2;
            entries.push(StripEntry {
                plan: (at != all).then_some(at),
                label,
                x: u16::try_from(x).unwrap_or(u16::MAX),
                width: u16::try_from(w).unwrap_or(u16::MAX),
            });
            x += w + 1;
        }
        let last = entries.last().map_or(first, |e| e.plan.unwrap_or(all));
        Strip {
            more_left: first > 0,
            more_right: last < all,
            entries,
        }
    }

    /// The entry shown in the strip, counting 全部 as the one after the last plan.
    pub fn strip_position(&self) -> usize {
        if self.all_plans() {
            self.state.plans().len()
        } else {
            self.plan_index()
        }
    }

    /// `{` / `}`: the previous / next plan, 全部 after the last, wrapping around.
    pub(super) fn step_plan(&mut self, delta: isize) {
        let n = self.state.plans().len();
        if n < 2 {
            return;
        }
        let to = (self.strip_position().cast_signed() + delta).rem_euclid((n + 1).cast_signed());
        self.show_entry(Some(to.cast_unsigned()).filter(|&p| p < n));
    }

    /// Show a strip entry's plan, or 全部 (`None`).
    fn show_entry(&mut self, plan: Option<usize>) {
        match plan {
            Some(index) => self.switch_plan(index),
            None => self.show_all(),
        }
    }

    /// A click on the strip: switch to the plan under it. Whether the click was on it.
    pub(super) fn click_strip(&mut self, at: Position) -> bool {
        let Some(area) = self.geometry().map(|g| g.strip) else {
            return false;
        };
        if !area.contains(at) {
            return false;
        }
        let hit = self
            .strip(area)
            .entries
            .into_iter()
            .find(|e| at.x >= e.x && at.x < e.x.saturating_add(e.width));
        if let Some(e) = hit {
            self.show_entry(e.plan);
        }
        true
    }

    /// Show plan `index` alone (leaving 全部), announced in the status line.
    pub(super) fn switch_plan(&mut self, index: usize) {
        let Some(name) = self.state.plans().get(index).map(|p| p.name.clone()) else {
            return;
        };
        if index == self.plan_index() && self.all.is_none() {
            return;
        }
        // Leaving 全部: the plan is brought in as one plan alone, its lists rebuilt.
        let all = self.all.take();
        if !self.refocus(index) {
            self.all = all;
            return;
        }
        if all.is_some() {
            self.scope_changed();
        }
        let n = self.state.plans().len();
        let text = match self.lang {
            Lang::Zh => format!("计划：{name}（{}/{n}）", index + 1),
            Lang::En => format!("plan: {name} ({}/{n})", index + 1),
        };
        self.set_message(text, false);
    }

    /// While an edit is not saved, say so and refuse (the save names the plan shown;
    /// another plan shown would leave the edit to a save of that one).
    pub(super) fn refuse_unsaved(&mut self) -> bool {
        if self.unsaved {
            let text = self.lang.pick(
                "有修改尚未保存，保存成功后才能切换计划",
                "an edit is not saved yet; switch plans once it is",
            );
            self.set_message(text, true);
        }
        self.unsaved
    }

    /// Make plan `index` the one edits reach: put away the cursor and undo history of the
    /// plan shown, bring back the new one's (a plan not seen yet starts on its first
    /// requirement), and rebuild what is derived from the plan. Whether it was done
    /// (refused while an edit is unsaved).
    pub(super) fn refocus(&mut self, index: usize) -> bool {
        let current = self.plan_index();
        let Some(name) = self.state.plans().get(index).map(|p| p.name.clone()) else {
            return false;
        };
        if index == current {
            return true;
        }
        if self.refuse_unsaved() {
            return false;
        }
        // The plan left keeps the figures it has now in the strip (and in 全部).
        if let Some(slot) = self.derived.plans.get_mut(current) {
            *slot = (self.derived.total.done, self.derived.total.total);
        }
        self.keep_node_counts(current);
        let left = Left {
            tree: std::mem::take(&mut self.tree),
            history: std::mem::take(&mut self.history),
        };
        self.stash.insert(self.state.name.clone(), left);
        if self.state.focus(&name).is_err() {
            return false;
        }
        let back = self.stash.remove(&name);
        self.tree = match &back {
            Some(left) => left.tree.clone(),
            None => TreeCursor::new(&self.state.plan),
        };
        self.history = back.map(|l| l.history).unwrap_or_default();
        self.note_cursor = None;
        self.detail_scroll = 0;
        if self.all.is_some() {
            // The lists span every plan: they stay, and so does their scroll.
            self.refocused_in_all(current, index);
            return true;
        }
        self.units.drill = None;
        self.units.cursor = 0;
        self.agenda.list = ReqList::default();
        self.scroll = super::Scroll::default();
        self.rebuilt_shown();
        true
    }
}
