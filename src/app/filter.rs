//! Search (`/`) and quick filters, shared by every view.
//!
//! The matching ids are computed once per change of the filter or the data (O(plan)) and
//! kept as a sorted list (for `n`/`N`) and a set (for the lists and the tree's dimming);
//! drawing only looks them up.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::input::LineEditor;
use super::{App, Mode, Page, Pane};
use crate::i18n::Lang;
use crate::plan::search::contains;
use crate::plan::{Plan, ReqId, Requirement, Status};

/// The active search and quick filters. Empty means "everything".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Committed search text (substring of text, item name, units or notes).
    pub search: Option<String>,
    pub status: Option<Status>,
    pub overdue: bool,
    /// Not done and due within this many days.
    pub due_within: Option<i64>,
    /// Unit name, in any role.
    pub unit: Option<String>,
    /// Category number.
    pub category: Option<u32>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn matches(&self, plan: &Plan, r: &Requirement, today: NaiveDate) -> bool {
        self.category.is_none_or(|n| r.id.category == n)
            && self.status.is_none_or(|s| r.status == s)
            && (!self.overdue || r.is_overdue(today))
            && self.due_within.is_none_or(|d| r.is_due_within(today, d))
            && self.unit.as_deref().is_none_or(|u| r.units.contains(u))
            && self
                .search
                .as_deref()
                .is_none_or(|s| search_hit(plan, r, s))
    }

    /// The header chips: `[逾期] [推进中] [单位:市财政局] [搜:政策]`.
    pub fn chips(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if self.overdue {
            out.push(lang.pick("逾期", "overdue").to_string());
        }
        if let Some(d) = self.due_within {
            out.push(match lang {
                Lang::Zh => format!("{d}天内"),
                Lang::En => format!("due {d}d"),
            });
        }
        if let Some(s) = self.status {
            out.push(lang.status(s).to_string());
        }
        if let Some(u) = &self.unit {
            out.push(format!("{}{u}", lang.pick("单位:", "unit:")));
        }
        if let Some(c) = self.category {
            out.push(match lang {
                Lang::Zh => format!("第{c}类"),
                Lang::En => format!("cat {c}"),
            });
        }
        if let Some(s) = &self.search {
            out.push(format!("{}{s}", lang.pick("搜:", "find:")));
        }
        out.into_iter().map(|c| format!("[{c}]")).collect()
    }
}

/// Case-insensitive substring search over what a coordinator reads: text, id, units, notes
/// and the item name.
pub fn search_hit(plan: &Plan, r: &Requirement, needle: &str) -> bool {
    // Chinese (and digits) have no case: the plain substring search is exact and much faster.
    let caseless = needle.to_lowercase() == needle.to_uppercase();
    let has = |s: &str| {
        if caseless {
            s.contains(needle)
        } else {
            contains(s, needle)
        }
    };
    let id_like = needle.chars().all(|c| c.is_ascii_digit() || c == '.');
    has(&r.text)
        || has(&r.units_raw)
        || (id_like && has(&r.id.to_string()))
        || r.notes.iter().any(|n| has(&n.text))
        || plan
            .category(r.id.category)
            .and_then(|c| {
                c.items
                    .get(usize::try_from(r.id.item).ok()?.checked_sub(1)?)
            })
            .is_some_and(|it| has(&it.name))
}

/// The requirements the filter lets through, in plan order.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    pub ids: Vec<ReqId>,
    pub set: HashSet<ReqId>,
}

impl App {
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// `None` while no filter is active (everything passes).
    pub fn matches(&self) -> Option<&Matches> {
        self.matches.as_ref()
    }

    /// Whether the filter lets `id` through.
    pub fn passes(&self, id: ReqId) -> bool {
        self.matches.as_ref().is_none_or(|m| m.set.contains(&id))
    }

    pub(super) fn rebuild_matches(&mut self) {
        self.rebuild_matches_within(None);
    }

    /// Recompute the matches, checking only `candidates` when given (a narrowing change:
    /// typing one more character of the search can only drop matches).
    fn rebuild_matches_within(&mut self, candidates: Option<Vec<ReqId>>) {
        if self.filter.is_empty() {
            self.matches = None;
            return;
        }
        let plan = &self.state.plan;
        let pass = |r: &&Requirement| self.filter.matches(plan, r, self.today);
        let ids: Vec<ReqId> = match candidates {
            Some(c) => c
                .into_iter()
                .filter(|&id| plan.get(id).as_ref().is_some_and(pass))
                .collect(),
            None => plan.requirements().filter(pass).map(|r| r.id).collect(),
        };
        let set = ids.iter().copied().collect();
        self.matches = Some(Matches { ids, set });
    }

    pub(super) fn filter_changed(&mut self) {
        self.filter_changed_within(None);
    }

    fn filter_changed_within(&mut self, candidates: Option<Vec<ReqId>>) {
        self.stale = Page::ALL.to_vec();
        self.rebuild_matches_within(candidates);
        self.refresh();
        self.announce();
    }

    /// `筛选：N 项要求` in the status line.
    fn announce(&mut self) {
        let n = self.matches.as_ref().map(|m| m.ids.len());
        let text = match (self.lang, n) {
            (_, None) => self.lang.pick("已清除筛选", "filters cleared").to_string(),
            (Lang::Zh, Some(n)) => format!("筛选：{n} 项要求"),
            (Lang::En, Some(n)) => format!("filter: {n} requirement(s)"),
        };
        self.set_message(text, false);
    }

    pub(super) fn start_search(&mut self) {
        let mut editor = LineEditor::default();
        if let Some(s) = &self.filter.search {
            editor.apply(super::Edit::Paste(s.clone()));
        }
        self.mode = Mode::Search(editor);
    }

    /// While typing: update the matches as the text changes (incremental search).
    pub(super) fn update_search(&mut self, action: super::Action) {
        let Mode::Search(editor) = &mut self.mode else {
            return;
        };
        match action {
            super::Action::Edit(e) => {
                editor.apply(e);
                let text = editor.text().trim().to_string();
                let old = self.filter.search.take();
                // Longer text containing the old one: only the old matches can still match.
                let narrowing = old
                    .as_deref()
                    .is_some_and(|o| text.contains(o) && text != o);
                self.filter.search = (!text.is_empty()).then_some(text);
                let candidates = if narrowing {
                    self.matches.as_ref().map(|m| m.ids.clone())
                } else {
                    None
                };
                self.filter_changed_within(candidates);
            }
            super::Action::SubmitNote => {
                self.mode = Mode::Normal;
                self.announce();
                self.jump_match(true, true);
            }
            super::Action::CancelNote => {
                self.mode = Mode::Normal;
                self.filter.search = None;
                self.filter_changed();
            }
            _ => {}
        }
    }

    pub(super) fn clear_filters(&mut self) {
        if self.filter.is_empty() {
            return;
        }
        self.filter = Filter::default();
        self.filter_changed();
    }

    pub(super) fn toggle_overdue_filter(&mut self) {
        self.filter.overdue = !self.filter.overdue;
        self.filter_changed();
    }

    /// Off → 7 days → 30 days → off.
    pub(super) fn cycle_due_filter(&mut self) {
        self.filter.due_within = match self.filter.due_within {
            None => Some(7),
            Some(7) => Some(30),
            Some(_) => None,
        };
        self.filter_changed();
    }

    /// Off → todo → doing → done → blocked → off.
    pub(super) fn cycle_status_filter(&mut self) {
        self.filter.status = match self.filter.status {
            None => Some(Status::Todo),
            Some(Status::Blocked) => None,
            Some(s) => Some(s.next()),
        };
        self.filter_changed();
    }

    /// Filter by the selected unit (units view) or the selected requirement's lead unit;
    /// again to clear.
    pub(super) fn toggle_unit_filter(&mut self) {
        if self.filter.unit.is_some() {
            self.filter.unit = None;
        } else {
            let unit = match self.page {
                Page::Units if self.units.drill.is_none() => self.selected_unit_name(),
                _ => self
                    .selected_requirement()
                    .and_then(|r| r.units.primary())
                    .map(|u| u.name.clone()),
            };
            let Some(unit) = unit else { return };
            self.filter.unit = Some(unit);
        }
        self.filter_changed();
    }

    /// Filter by the current category; again to clear.
    pub(super) fn toggle_category_filter(&mut self) {
        self.filter.category = match self.filter.category {
            Some(_) => None,
            None => self
                .selected_requirement()
                .map(|r| r.id.category)
                .or_else(|| self.current_category().map(|c| c.number)),
        };
        self.filter_changed();
    }

    /// `n` / `N`: the next (previous) match after the selection, wrapping. `from_start`
    /// selects the first match in the current view.
    pub(super) fn jump_match(&mut self, forward: bool, from_start: bool) {
        let Some(m) = &self.matches else { return };
        if m.ids.is_empty() {
            return self.set_message(self.lang.pick("没有匹配项", "no matches"), false);
        }
        if self.page != Page::Tree
            && let Some(list) = self.current_list_mut()
        {
            // Lists hold only matches: step through them, wrapping.
            if from_start {
                list.jump(false);
                return;
            }
            let before = list.cursor;
            list.step(if forward { 1 } else { -1 });
            if list.cursor == before {
                list.jump(!forward);
            }
            self.detail_scroll = 0;
            return;
        }
        if self.page != Page::Tree {
            return;
        }
        let Some(m) = &self.matches else { return };
        let current = self.tree_requirement().map(|r| r.id);
        let ids = &m.ids;
        let target = match (current, from_start) {
            (Some(cur), false) => {
                let pos = ids.partition_point(|id| *id <= cur);
                if forward {
                    ids.get(pos).or(ids.first())
                } else {
                    let before = ids.partition_point(|id| *id < cur);
                    before
                        .checked_sub(1)
                        .and_then(|i| ids.get(i))
                        .or(ids.last())
                }
            }
            _ => ids.first(),
        };
        if let Some(&id) = target {
            self.reveal(id);
        }
    }

    /// Select `id` in the tree (its category and item, expanded).
    pub(super) fn reveal(&mut self, id: ReqId) {
        let Some(category) = self
            .plan()
            .categories
            .iter()
            .position(|c| c.number == id.category)
        else {
            return;
        };
        let item = usize::try_from(id.item).unwrap_or(1).saturating_sub(1);
        let requirement = usize::try_from(id.requirement)
            .unwrap_or(1)
            .saturating_sub(1);
        self.select_category(category);
        self.collapsed.remove(&(category, item));
        self.set_cursor(super::TreePath {
            category,
            item,
            requirement: Some(requirement),
        });
        self.focus = Pane::Tree;
    }
}
