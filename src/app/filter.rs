//! Quick filters, and the matches they and the search (`/`, [`super::search`]) produce,
//! shared by every view. The filter is the domain's ([`crate::plan::query::Filter`], the one
//! `duban list` uses); this module keeps its matches current.
//!
//! The matching ids are computed when the filter changes (O(plan)), re-checked for just the
//! edited requirements after an edit, and kept in plan order (for `n`/`N`; membership by
//! binary search); drawing only looks them up.

mod matches;

use super::{App, Screen};
use crate::i18n::Lang;
pub use crate::plan::query::Filter;
use crate::plan::{Requirement, Status};
pub use matches::Matches;
pub(super) use matches::{INDEX_FROM, plan_len, scan};

impl Filter {
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
        if let Some(l) = &self.leader {
            out.push(format!("{}{l}", lang.pick("领导:", "leader:")));
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

impl App {
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub(super) fn filter_changed(&mut self) {
        self.rebuild_matches();
        self.after_filter_change();
    }

    pub(super) fn after_filter_change(&mut self) {
        self.rebuild_other_matches();
        self.derived.stale = Screen::ALL.to_vec();
        self.refresh();
        self.announce();
    }

    /// `筛选：N 项要求` in the status line.
    pub(super) fn announce(&mut self) {
        let n = self.match_count();
        let text = match (self.lang, n) {
            (_, None) => self.lang.pick("已清除筛选", "filters cleared").to_string(),
            (Lang::Zh, Some(n)) => format!("筛选：{n} 项要求"),
            (Lang::En, Some(n)) => format!("filter: {n} requirement(s)"),
        };
        self.set_message(text, false);
    }

    pub(super) fn clear_filters(&mut self) {
        if self.filter.is_empty() {
            return;
        }
        // The count is the setting, not a filter: it stays.
        self.filter = Filter {
            count: self.filter.count,
            ..Filter::default()
        };
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

    /// Off → todo → doing → review → done → blocked → off.
    pub(super) fn cycle_status_filter(&mut self) {
        self.filter.status = self
            .filter
            .status
            .map_or(Some(Status::Todo), Status::next_listed);
        self.filter_changed();
    }

    /// Filter by the selected unit (units view) or the selected requirement's lead unit;
    /// again to clear.
    pub(super) fn toggle_unit_filter(&mut self) {
        if self.filter.unit.is_some() {
            self.filter.unit = None;
        } else {
            let unit = match self.screen {
                Screen::Units if self.units.drill.is_none() => self.selected_unit_name(),
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

    /// Filter by the selected requirement's (first) leader; again to clear.
    pub(super) fn toggle_leader_filter(&mut self) {
        if self.filter.leader.is_some() {
            self.filter.leader = None;
        } else {
            let leader = self
                .selected_requirement()
                .and_then(Requirement::first_leader);
            let Some(leader) = leader else { return };
            self.filter.leader = Some(leader.to_string());
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
}
