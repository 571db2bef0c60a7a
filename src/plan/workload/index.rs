//! The units table kept up to date edit by edit (see [`Workload`]).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Facts, UnitColumn, UnitRow, reminded, sort_rows};
use crate::plan::model::{Plan, ReqId, Requirement, Status};
use crate::plan::reporting;

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
    /// Per requirement: the reminders it sent to each of its units, as (row, count); empty
    /// (no allocation) for the many never chased.
    chased: Vec<Box<[(u32, u32)]>>,
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
            chased: Vec::with_capacity(plan.requirement_count()),
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
            let chased = w.chased_by(r);
            for &(at, n) in &chased {
                w.rows[at as usize].chase(n as usize, true);
            }
            w.chased.push(chased);
        }
        w
    }

    /// What `r` adds to the reminder columns, by row (its units are all indexed).
    fn chased_by(&self, r: &Requirement) -> Box<[(u32, u32)]> {
        reminded(r)
            .into_iter()
            .filter_map(|(unit, n)| {
                let at = u32::try_from(*self.by_name.get(unit)?).ok()?;
                Some((at, u32::try_from(n).unwrap_or(u32::MAX)))
            })
            .collect()
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
            let chased = self.chased_by(r);
            if chased != self.chased[pos as usize] {
                for &(at, n) in &self.chased[pos as usize] {
                    self.rows[at as usize].chase(n as usize, false);
                }
                for &(at, n) in &chased {
                    self.rows[at as usize].chase(n as usize, true);
                }
                self.chased[pos as usize] = chased;
            }
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
