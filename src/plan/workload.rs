//! Units workload: for every unit named in the plan, how much it leads and cooperates on and
//! how that work stands. A requirement counts once per role the unit has in it.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

use super::model::{Counts, Plan, ReqId, Requirement, Status};
use super::query::Scope;
use super::reporting;

mod index;
pub use index::Workload;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct UnitRow {
    pub name: String,
    /// A collective unit (各镇（街道）, 市直各有关单位 …), not one office.
    pub collective: bool,
    pub lead: usize,
    pub cooperating: usize,
    pub done: usize,
    pub doing: usize,
    /// 待审核: completion claimed, not yet accepted.
    pub review: usize,
    pub blocked: usize,
    /// Not done and due within 7 days (today included).
    pub due_7: usize,
    pub overdue: usize,
    /// Days past due of its most overdue requirement.
    pub oldest_overdue_days: Option<i64>,
    /// Reports (报送) owed this period and not in; counted for lead units only, since the
    /// lead unit reports for the requirement.
    pub reports_outstanding: usize,
    /// 催办: reminders sent to this unit, and over how many requirements (a unit leading
    /// and cooperating on one requirement is counted once for it).
    pub reminders: usize,
    pub chased: usize,
    /// The plans the unit has requirements in, when the rows span several plans of a
    /// workspace ([`workload_scope`]); empty (and left out of JSON) within one plan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<String>,
}

/// What a requirement adds to each of its units' rows, worked out once per requirement
/// (not once per unit named in it: due dates and reports are the costly part).
pub(super) struct Facts {
    pub(super) status: Status,
    /// Days past due when overdue.
    pub(super) overdue: Option<i64>,
    pub(super) due_7: bool,
    /// Lazily: only lead units count reports.
    reports_outstanding: Option<bool>,
}

impl Facts {
    pub(super) fn of(r: &Requirement, today: NaiveDate) -> Facts {
        let overdue = r.days_late(today);
        Facts {
            status: r.status,
            overdue,
            due_7: overdue.is_none() && r.is_due_within(today, Counts::DUE_SOON_DAYS),
            reports_outstanding: None,
        }
    }
}

impl UnitRow {
    fn add(&mut self, r: &Requirement, facts: &mut Facts, lead: bool, today: NaiveDate) {
        if lead {
            self.lead += 1;
            if *facts
                .reports_outstanding
                .get_or_insert_with(|| reporting::is_outstanding(r, today))
            {
                self.reports_outstanding += 1;
            }
        } else {
            self.cooperating += 1;
        }
        match facts.status {
            Status::Done => self.done += 1,
            Status::Doing => self.doing += 1,
            Status::Review => self.review += 1,
            Status::Blocked => self.blocked += 1,
            Status::Todo => {}
        }
        if let Some(late) = facts.overdue {
            self.overdue += 1;
            self.oldest_overdue_days = self.oldest_overdue_days.max(Some(late));
        } else if facts.due_7 {
            self.due_7 += 1;
        }
    }
}

impl UnitRow {
    /// Add or take out `n` reminders one requirement sent to this unit.
    fn chase(&mut self, n: usize, add: bool) {
        if add {
            self.reminders += n;
            self.chased += 1;
        } else {
            self.reminders -= n;
            self.chased -= 1;
        }
    }
}

/// The reminders `r` sent to each unit it names, once per unit, in the order named; units
/// never reminded are left out. A reminder to a unit it no longer names counts for none.
fn reminded(r: &Requirement) -> Vec<(&str, usize)> {
    let mut out: Vec<(&str, usize)> = Vec::new();
    if r.reminders.is_empty() {
        return out;
    }
    for u in r.units.lead.iter().chain(&r.units.cooperating) {
        if out.iter().any(|(name, _)| *name == u.name) {
            continue;
        }
        let n = r.reminders.iter().filter(|m| m.unit == u.name).count();
        if n > 0 {
            out.push((&u.name, n));
        }
    }
    out
}

/// Every unit's row, sorted by overdue count (most first), then name.
pub fn workload(plan: &Plan, today: NaiveDate) -> Vec<UnitRow> {
    let plans = [("", plan)];
    workload_scope(Scope::new(&plans), today)
}

/// [`workload`] over the plans in `scope`: a unit's row counts its requirements in every
/// plan, and names those plans when the scope holds several.
pub fn workload_scope(scope: Scope<'_, '_>, today: NaiveDate) -> Vec<UnitRow> {
    // Rows in first-seen order, found by name through a hash map (the final sort orders
    // them fully: by the column, then by the unique name).
    let mut rows: Vec<UnitRow> = Vec::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (plan, r) in scope.requirements() {
        let roles = r.units.lead.iter().map(|u| (u, true));
        let mut facts = None;
        for (unit, lead) in roles.chain(r.units.cooperating.iter().map(|u| (u, false))) {
            let facts = facts.get_or_insert_with(|| Facts::of(r, today));
            let at = *by_name.entry(&unit.name).or_insert_with(|| {
                rows.push(UnitRow {
                    name: unit.name.clone(),
                    collective: unit.collective,
                    ..UnitRow::default()
                });
                rows.len() - 1
            });
            rows[at].add(r, facts, lead, today);
            // Requirements come plan after plan: a new plan is a new last name.
            if let Some(name) = scope.label(plan)
                && rows[at].plans.last().is_none_or(|last| last != name)
            {
                rows[at].plans.push(name.to_string());
            }
        }
        for (unit, n) in reminded(r) {
            if let Some(&at) = by_name.get(unit) {
                rows[at].chase(n, true);
            }
        }
    }
    sort_rows(&mut rows, UnitColumn::Overdue, true);
    rows
}

/// A column of the units table, for sorting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitColumn {
    Name,
    Lead,
    Cooperating,
    Done,
    Doing,
    Blocked,
    Due7,
    Overdue,
    OldestOverdue,
    ReportsOutstanding,
    Reminders,
}

impl UnitColumn {
    pub const ALL: [UnitColumn; 11] = [
        UnitColumn::Name,
        UnitColumn::Lead,
        UnitColumn::Cooperating,
        UnitColumn::Done,
        UnitColumn::Doing,
        UnitColumn::Blocked,
        UnitColumn::Due7,
        UnitColumn::Overdue,
        UnitColumn::OldestOverdue,
        UnitColumn::ReportsOutstanding,
        UnitColumn::Reminders,
    ];

    /// The code used by `--sort` and JSON field names.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitColumn::Name => "name",
            UnitColumn::Lead => "lead",
            UnitColumn::Cooperating => "cooperating",
            UnitColumn::Done => "done",
            UnitColumn::Doing => "doing",
            UnitColumn::Blocked => "blocked",
            UnitColumn::Due7 => "due_7",
            UnitColumn::Overdue => "overdue",
            UnitColumn::OldestOverdue => "oldest_overdue_days",
            UnitColumn::ReportsOutstanding => "reports_outstanding",
            UnitColumn::Reminders => "reminders",
        }
    }

    /// The numeric value sorted on (the name column sorts separately).
    fn value(self, r: &UnitRow) -> i64 {
        let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
        match self {
            UnitColumn::Name => 0,
            UnitColumn::Lead => n(r.lead),
            UnitColumn::Cooperating => n(r.cooperating),
            UnitColumn::Done => n(r.done),
            UnitColumn::Doing => n(r.doing),
            UnitColumn::Blocked => n(r.blocked),
            UnitColumn::Due7 => n(r.due_7),
            UnitColumn::Overdue => n(r.overdue),
            UnitColumn::OldestOverdue => r.oldest_overdue_days.unwrap_or(-1),
            UnitColumn::ReportsOutstanding => n(r.reports_outstanding),
            UnitColumn::Reminders => n(r.reminders),
        }
    }
}

impl fmt::Display for UnitColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown column `{0}` (expected name|lead|cooperating|done|doing|blocked|due_7|overdue|oldest_overdue_days|reports_outstanding|reminders)"
)]
pub struct ParseColumnError(pub String);

impl FromStr for UnitColumn {
    type Err = ParseColumnError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_lowercase().replace('-', "_");
        let alias = match key.as_str() {
            "单位" => "name",
            "牵头" => "lead",
            "配合" => "cooperating",
            "已完成" => "done",
            "推进中" => "doing",
            "受阻" => "blocked",
            "due7" | "7天内" => "due_7",
            "逾期" => "overdue",
            "oldest" | "oldest_overdue" | "最长逾期" => "oldest_overdue_days",
            "reports" | "待报送" => "reports_outstanding",
            "催办" | "reminded" => "reminders",
            other => other,
        };
        UnitColumn::ALL
            .into_iter()
            .find(|c| c.as_str() == alias)
            .ok_or_else(|| ParseColumnError(s.to_string()))
    }
}

/// Sort by `col` (stable; ties by name ascending, whatever the direction).
pub fn sort_rows(rows: &mut [UnitRow], col: UnitColumn, descending: bool) {
    if col == UnitColumn::Name {
        rows.sort_by(|a, b| a.name.cmp(&b.name));
        if descending {
            rows.reverse();
        }
    } else if descending {
        rows.sort_by(|a, b| {
            (Reverse(col.value(a)), &a.name).cmp(&(Reverse(col.value(b)), &b.name))
        });
    } else {
        rows.sort_by(|a, b| (col.value(a), &a.name).cmp(&(col.value(b), &b.name)));
    }
}

/// The requirements a unit leads and those it cooperates on, in document order.
pub fn unit_requirements(plan: &Plan, name: &str) -> (Vec<ReqId>, Vec<ReqId>) {
    let name = name.trim();
    let has = |units: &[super::units::Unit]| units.iter().any(|u| u.name == name);
    let lead = plan
        .requirements()
        .filter(|r| has(&r.units.lead))
        .map(|r| r.id)
        .collect();
    let cooperating = plan
        .requirements()
        .filter(|r| has(&r.units.cooperating))
        .map(|r| r.id)
        .collect();
    (lead, cooperating)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_parse() {
        assert_eq!("overdue".parse(), Ok(UnitColumn::Overdue));
        assert_eq!("Due-7".parse(), Ok(UnitColumn::Due7));
        assert_eq!("逾期".parse(), Ok(UnitColumn::Overdue));
        assert!("late".parse::<UnitColumn>().is_err());
        assert_eq!("催办".parse(), Ok(UnitColumn::Reminders));
    }

    #[test]
    fn reminders_count_per_unit_and_follow_edits() {
        use crate::plan::lifecycle::Stamp;
        let mut plan = crate::plan::model::one_item_plan(
            "类",
            &[
                ("市发改委牵头，市财政局配合", "2021年9月30日前"),
                ("市财政局", "2021年9月30日前"),
            ],
        );
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date");
        let stamp = Stamp::new(today.and_hms_opt(9, 0, 0).expect("valid time"), None);
        let mut index = Workload::new(&plan, today);
        let (a, b) = (ReqId::new(1, 1, 1), ReqId::new(1, 1, 2));
        for (id, unit) in [
            (a, "市财政局"),
            (a, "市财政局"),
            (b, "市财政局"),
            (a, "市发改委"),
        ] {
            plan.get_mut(id)
                .expect("exists")
                .remind(Some(unit), None, None, &stamp)
                .expect("reminded");
        }
        assert!(index.update(&plan, &[a, b]));
        let rows = workload(&plan, today);
        assert_eq!(index.rows(), rows);
        let facts: Vec<_> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.reminders, r.chased))
            .collect();
        assert!(facts.contains(&("市财政局", 3, 2)), "{facts:?}");
        assert!(facts.contains(&("市发改委", 1, 1)), "{facts:?}");
        // Undo-like: the reminders gone, the counts go back to nothing.
        plan.get_mut(a).expect("exists").reminders.clear();
        assert!(index.update(&plan, &[a]));
        assert_eq!(index.rows(), workload(&plan, today));
        let fin = index.rows().into_iter().find(|r| r.name == "市财政局");
        assert_eq!(fin.map(|r| (r.reminders, r.chased)), Some((1, 1)));
    }
}
