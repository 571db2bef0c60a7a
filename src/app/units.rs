//! The units view: the table of units, its sort, and the drill-down into one unit's
//! requirements. Its rows are built with the other lists (see `derived/lists.rs`).

use super::list::ReqList;
use super::{App, Screen};
use crate::i18n::Lang;
use crate::plan::agenda;
use crate::plan::scoring::{self, ScoringRules};
use crate::plan::workload::{self, UnitColumn, UnitRow};

/// The units table and, after Enter, one unit's requirements.
#[derive(Debug, Clone)]
pub struct UnitsView {
    pub rows: Vec<UnitRow>,
    pub sort: UnitColumn,
    pub descending: bool,
    /// Index into `rows`.
    pub cursor: usize,
    pub drill: Option<Drill>,
    /// In 全部: each plan's rows (workspace order), for a unit's counts plan by plan.
    pub per_plan: Vec<Vec<UnitRow>>,
}

impl Default for UnitsView {
    fn default() -> Self {
        UnitsView {
            rows: Vec::new(),
            sort: UnitColumn::Overdue,
            descending: true,
            cursor: 0,
            drill: None,
            per_plan: Vec::new(),
        }
    }
}

/// One unit's requirements: what it leads, then what it cooperates on.
#[derive(Debug, Clone)]
pub struct Drill {
    pub unit: String,
    pub list: ReqList,
}

impl App {
    pub fn units(&self) -> &UnitsView {
        &self.units
    }

    /// Score units by `rules` (scoring.toml) in the units table's 考核 column.
    #[must_use]
    pub fn with_scoring(mut self, rules: ScoringRules) -> App {
        self.scoring = rules;
        self.derived.scores = None;
        self.rescore();
        self
    }

    /// The unit's 考核 score over the plans in view (what `duban score` says), once the
    /// units table is shown.
    pub fn unit_score(&self, unit: &str) -> Option<f64> {
        self.derived.scores.as_ref()?.get(unit).copied()
    }

    /// Score every unit while the units table is on screen and the scores are out of date:
    /// a pass over the plan, so not while a drill-down (where edits happen) is shown.
    pub(super) fn rescore(&mut self) {
        if self.screen != Screen::Units
            || self.units.drill.is_some()
            || self.derived.scores.is_some()
        {
            return;
        }
        let (today, rules) = (self.today, &self.scoring);
        let scores = self.with_scope(|_, scope| scoring::scores_scope(scope, today, rules));
        self.derived.scores = Some(scores.into_iter().map(|s| (s.name, s.score)).collect());
    }

    /// How the agenda orders each group.
    pub fn agenda_order(&self) -> agenda::Order {
        self.agenda.order
    }

    /// Agenda `]`: each group by due date ↔ by the last reminder, longest ago first.
    pub(super) fn toggle_agenda_order(&mut self) {
        self.agenda.order = match self.agenda.order {
            agenda::Order::Due => agenda::Order::Reminded,
            agenda::Order::Reminded => agenda::Order::Due,
        };
        self.derived.stale.push(Screen::Agenda);
        self.refresh();
        let text = match self.agenda.order {
            agenda::Order::Due => self
                .lang
                .pick("日程：各组按时限排序", "agenda: by due date"),
            agenda::Order::Reminded => self.lang.pick(
                "日程：各组按最久未催办排序（未催办的在前）",
                "agenda: reminded longest ago first (never reminded on top)",
            ),
        };
        self.set_message(text, false);
    }

    pub(super) fn selected_unit_name(&self) -> Option<String> {
        self.units
            .rows
            .get(self.units.cursor)
            .map(|r| r.name.clone())
    }

    /// Enter on a unit: list its requirements.
    pub(super) fn drill_in(&mut self) {
        let Some(unit) = self.selected_unit_name() else {
            return;
        };
        let mut list = ReqList::default();
        list.replace(self.drill_entries(&unit));
        self.units.drill = Some(Drill { unit, list });
        self.detail_scroll = 0;
    }

    /// Esc/Backspace in a drill-down: back to the table. Returns whether it did.
    pub(super) fn drill_out(&mut self) -> bool {
        if self.screen == Screen::Units && self.units.drill.is_some() {
            self.units.drill = None;
            return true;
        }
        false
    }

    /// The selected unit's row in each plan of 全部 that names it: `(plan, row)`.
    pub fn unit_by_plan(&self) -> Vec<(usize, &UnitRow)> {
        let Some(name) = self.units.rows.get(self.units.cursor).map(|r| &r.name) else {
            return Vec::new();
        };
        (self.units.per_plan.iter().enumerate())
            .filter_map(|(p, rows)| Some((p, rows.iter().find(|r| &r.name == name)?)))
            .collect()
    }

    pub(super) fn units_step(&mut self, delta: isize) {
        let last = self.units.rows.len().saturating_sub(1);
        self.units.cursor = self.units.cursor.saturating_add_signed(delta).min(last);
    }

    /// Next sort column (a new column sorts descending, the name ascending).
    pub(super) fn next_sort(&mut self) {
        let all = UnitColumn::ALL;
        let i = all.iter().position(|c| *c == self.units.sort).unwrap_or(0);
        self.units.sort = all[(i + 1) % all.len()];
        self.units.descending = self.units.sort != UnitColumn::Name;
        self.resort();
    }

    pub(super) fn reverse_sort(&mut self) {
        self.units.descending = !self.units.descending;
        self.resort();
    }

    fn resort(&mut self) {
        let keep = self.selected_unit_name();
        workload::sort_rows(&mut self.units.rows, self.units.sort, self.units.descending);
        if let Some(k) = keep {
            self.units.cursor = self
                .units
                .rows
                .iter()
                .position(|r| r.name == k)
                .unwrap_or(0);
        }
        let order = if self.units.descending { "↓" } else { "↑" };
        let text = match self.lang {
            Lang::Zh => format!(
                "按「{}」排序 {order}",
                column_label(self.units.sort, self.lang)
            ),
            Lang::En => format!(
                "sorted by {} {order}",
                column_label(self.units.sort, self.lang)
            ),
        };
        self.set_message(text, false);
    }
}

/// The heading of a units-table column.
pub fn column_label(c: UnitColumn, lang: Lang) -> &'static str {
    match c {
        UnitColumn::Name => lang.pick("单位", "Unit"),
        UnitColumn::Lead => lang.pick("牵头", "Lead"),
        UnitColumn::Cooperating => lang.pick("配合", "Coop"),
        UnitColumn::Done => lang.pick("已完成", "Done"),
        UnitColumn::Doing => lang.pick("推进中", "Doing"),
        UnitColumn::Blocked => lang.pick("受阻", "Blocked"),
        UnitColumn::Due7 => lang.pick("7天内", "Due7d"),
        UnitColumn::Overdue => lang.pick("逾期", "Overdue"),
        UnitColumn::OldestOverdue => lang.pick("最长逾期", "Oldest"),
        UnitColumn::ReportsOutstanding => lang.pick("待报送", "Reports"),
        UnitColumn::Reminders => lang.pick("催办", "Chased"),
    }
}
