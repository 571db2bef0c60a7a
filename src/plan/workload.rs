//! Units workload: for every unit named in the plan, how much it leads and cooperates on and
//! how that work stands. A requirement counts once per role the unit has in it.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

use super::model::{Counts, Plan, ReqId, Requirement, Status};
use super::reporting;

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
}

/// What a requirement adds to each of its units' rows, worked out once per requirement
/// (not once per unit named in it: due dates and reports are the costly part).
struct Facts {
    status: Status,
    /// Days past due when overdue.
    overdue: Option<i64>,
    due_7: bool,
    /// Lazily: only lead units count reports.
    reports_outstanding: Option<bool>,
}

impl Facts {
    fn of(r: &Requirement, today: NaiveDate) -> Facts {
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

/// Every unit's row, sorted by overdue count (most first), then name.
pub fn workload(plan: &Plan, today: NaiveDate) -> Vec<UnitRow> {
    // Rows in first-seen order, found by name through a hash map (the final sort orders
    // them fully: by the column, then by the unique name).
    let mut rows: Vec<UnitRow> = Vec::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for r in plan.requirements() {
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
}

impl UnitColumn {
    pub const ALL: [UnitColumn; 10] = [
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
    "unknown column `{0}` (expected name|lead|cooperating|done|doing|blocked|due_7|overdue|oldest_overdue_days|reports_outstanding)"
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

/// What one requirement adds to its units' rows, kept per requirement by [`Workload`] so an
/// edit can take the old contribution out and put the new one in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fact {
    status: Status,
    overdue: Option<i64>,
    due_7: bool,
    /// Only worked out when the requirement has a lead unit (only leads count reports).
    reports_outstanding: bool,
    /// How many unit roles the requirement names (to notice a change of units).
    roles: usize,
}

impl Fact {
    fn of(r: &Requirement, today: NaiveDate) -> Fact {
        let f = Facts::of(r, today);
        Fact {
            status: f.status,
            overdue: f.overdue,
            due_7: f.due_7,
            reports_outstanding: !r.units.lead.is_empty() && reporting::is_outstanding(r, today),
            roles: r.units.lead.len() + r.units.cooperating.len(),
        }
    }
}

impl UnitRow {
    /// Add (`sign` 1) or take out (`sign` -1) a requirement's contribution; taking out
    /// leaves `oldest_overdue_days` to the caller (a maximum cannot be undone).
    fn apply(&mut self, f: Fact, lead: bool, add: bool) {
        let bump = |n: &mut usize| {
            if add {
                *n += 1;
            } else {
                *n -= 1;
            }
        };
        if lead {
            bump(&mut self.lead);
            if f.reports_outstanding {
                bump(&mut self.reports_outstanding);
            }
        } else {
            bump(&mut self.cooperating);
        }
        match f.status {
            Status::Done => bump(&mut self.done),
            Status::Doing => bump(&mut self.doing),
            Status::Review => bump(&mut self.review),
            Status::Blocked => bump(&mut self.blocked),
            Status::Todo => {}
        }
        if let Some(late) = f.overdue {
            bump(&mut self.overdue);
            if add {
                self.oldest_overdue_days = self.oldest_overdue_days.max(Some(late));
            }
        } else if f.due_7 {
            bump(&mut self.due_7);
        }
    }
}

/// The units table kept up to date edit by edit: an index from each unit to the
/// requirements naming it (positions in document order, `u32`, the role in the top bit) and
/// each requirement's contribution, so an edit recounts only the rows of the units the
/// edited requirements name. [`Workload::rows`] equals [`workload`] on the same plan.
#[derive(Debug, Clone)]
pub struct Workload {
    today: NaiveDate,
    /// Requirement ids in document order (a position is an index here); sorted when
    /// `sorted`, so an id finds its position by binary search.
    ids: Vec<ReqId>,
    sorted: bool,
    facts: Vec<Fact>,
    /// Rows in first-seen order, unsorted.
    rows: Vec<UnitRow>,
    by_name: HashMap<String, usize>,
    /// Per row: the requirements naming the unit as [`member`] keys, ascending (a unit both
    /// leading and cooperating appears twice).
    members: Vec<Vec<u32>>,
}

/// A requirement position and role in one `u32`: the position shifted left, the low bit set
/// for cooperating (so the lead role sorts first).
fn member(pos: u32, lead: bool) -> u32 {
    pos << 1 | u32::from(!lead)
}

impl Workload {
    pub fn new(plan: &Plan, today: NaiveDate) -> Workload {
        let mut w = Workload {
            today,
            ids: Vec::with_capacity(plan.requirement_count()),
            sorted: true,
            facts: Vec::with_capacity(plan.requirement_count()),
            rows: Vec::new(),
            by_name: HashMap::new(),
            members: Vec::new(),
        };
        for (pos, r) in plan.requirements().enumerate() {
            let pos = u32::try_from(pos)
                .ok()
                .filter(|p| *p < 1 << 31)
                .expect("fewer than 2^31 requirements");
            if w.ids.last().is_some_and(|last| *last >= r.id) {
                w.sorted = false;
            }
            w.ids.push(r.id);
            let fact = Fact::of(r, today);
            w.facts.push(fact);
            let roles = r.units.lead.iter().map(|u| (u, true));
            for (unit, lead) in roles.chain(r.units.cooperating.iter().map(|u| (u, false))) {
                let at = if let Some(&at) = w.by_name.get(unit.name.as_str()) {
                    at
                } else {
                    w.rows.push(UnitRow {
                        name: unit.name.clone(),
                        collective: unit.collective,
                        ..UnitRow::default()
                    });
                    w.members.push(Vec::new());
                    w.by_name.insert(unit.name.clone(), w.rows.len() - 1);
                    w.rows.len() - 1
                };
                w.rows[at].apply(fact, lead, true);
                w.members[at].push(member(pos, lead));
            }
        }
        w
    }

    /// The date the facts were worked out for.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Every unit's row, sorted like [`workload`].
    pub fn rows(&self) -> Vec<UnitRow> {
        let mut rows = self.rows.clone();
        sort_rows(&mut rows, UnitColumn::Overdue, true);
        rows
    }

    /// Take in edits to the requirements `ids` (status, reports, notes: anything but their
    /// units). Returns `false`, changing nothing, when the index cannot follow (a
    /// requirement was added, removed or names other units): rebuild then.
    pub fn update(&mut self, plan: &Plan, ids: &[ReqId]) -> bool {
        let mut found = Vec::with_capacity(ids.len());
        for &id in ids {
            let (Some(pos), Some(r)) = (self.position(id), plan.get(id)) else {
                return false;
            };
            if !self.names_same_units(pos, r) {
                return false;
            }
            found.push((pos, r));
        }
        for (pos, r) in found {
            let old = self.facts[pos as usize];
            let new = Fact::of(r, self.today);
            if old == new {
                continue;
            }
            self.facts[pos as usize] = new;
            let roles = r.units.lead.iter().map(|u| (u, true));
            for (unit, lead) in roles.chain(r.units.cooperating.iter().map(|u| (u, false))) {
                let at = self.by_name[unit.name.as_str()];
                let row = &mut self.rows[at];
                row.apply(old, lead, false);
                row.apply(new, lead, true);
                if old.overdue.is_some() && old.overdue == row.oldest_overdue_days {
                    let facts = &self.facts;
                    row.oldest_overdue_days = self.members[at]
                        .iter()
                        .filter_map(|m| facts[(m >> 1) as usize].overdue)
                        .max();
                }
            }
        }
        true
    }

    fn position(&self, id: ReqId) -> Option<u32> {
        let pos = if self.sorted {
            self.ids.binary_search(&id).ok()?
        } else {
            self.ids.iter().position(|i| *i == id)?
        };
        u32::try_from(pos).ok()
    }

    /// Whether the index has `r` (at `pos`) under exactly the units it names.
    fn names_same_units(&self, pos: u32, r: &Requirement) -> bool {
        let roles = r.units.lead.iter().map(|u| (u, true));
        let mut named = 0;
        for (unit, lead) in roles.chain(r.units.cooperating.iter().map(|u| (u, false))) {
            let Some(&at) = self.by_name.get(unit.name.as_str()) else {
                return false;
            };
            if self.members[at].binary_search(&member(pos, lead)).is_err() {
                return false;
            }
            named += 1;
        }
        named == self.facts[pos as usize].roles
    }

    /// The requirements a unit leads and those it cooperates on, in document order (as
    /// [`unit_requirements`], from the index).
    pub fn unit_requirements(&self, name: &str) -> (Vec<ReqId>, Vec<ReqId>) {
        let Some(&at) = self.by_name.get(name.trim()) else {
            return (Vec::new(), Vec::new());
        };
        let (mut lead, mut cooperating) = (Vec::new(), Vec::new());
        for &m in &self.members[at] {
            let id = self.ids[(m >> 1) as usize];
            if m & 1 == 0 {
                lead.push(id);
            } else {
                cooperating.push(id);
            }
        }
        (lead, cooperating)
    }
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
    }
}
