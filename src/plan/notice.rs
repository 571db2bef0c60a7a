//! 督办通知单 / 催办单: which requirements a unit is sent a notice about, and the numbers
//! notices are issued under. The numbers live in the state file ([`NoticeBook`]), one series
//! per year, so a number is never issued twice — not across runs, not after a failed write.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::escalation::{Escalation, EscalationRules, escalation};
use super::model::{Plan, ReqId, Requirement, Status};
use super::query::Scope;
use super::workload;

/// One notice issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issued {
    pub year: i32,
    pub n: u32,
    pub unit: String,
    pub on: NaiveDate,
    pub ids: Vec<ReqId>,
}

/// The notices issued so far and the last number of each year.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NoticeBook {
    /// The last number issued in each year.
    #[serde(default)]
    pub last: BTreeMap<i32, u32>,
    #[serde(default)]
    pub issued: Vec<Issued>,
}

impl NoticeBook {
    pub fn is_empty(&self) -> bool {
        self.last.is_empty() && self.issued.is_empty()
    }

    /// Take the next number of `year` and record the notice under it.
    pub fn issue(&mut self, year: i32, unit: &str, on: NaiveDate, ids: Vec<ReqId>) -> u32 {
        // A hand-edited `last` lower than an issued number must not reissue it.
        let seen = self
            .issued
            .iter()
            .filter(|i| i.year == year)
            .map(|i| i.n)
            .max()
            .unwrap_or(0);
        let n = self.last.get(&year).copied().unwrap_or(0).max(seen) + 1;
        self.last.insert(year, n);
        self.issued.push(Issued {
            year,
            n,
            unit: unit.to_string(),
            on,
            ids,
        });
        n
    }
}

/// What selects the requirements a notice lists.
#[derive(Debug, Clone, Copy)]
pub struct Selection {
    /// Overdue, or due within this many days (today included).
    pub within: i64,
    /// Only requirements at this colour or worse (`--tier red|yellow`).
    pub tier: Option<Escalation>,
}

/// Whether `r` belongs on a notice: not done and not waiting for review, overdue or due
/// soon, at the tier asked for.
pub fn listed(r: &Requirement, today: NaiveDate, sel: Selection, rules: &EscalationRules) -> bool {
    if matches!(r.status, Status::Done | Status::Review) {
        return false;
    }
    if !(r.is_overdue(today) || r.is_due_within(today, sel.within)) {
        return false;
    }
    sel.tier.is_none_or(|t| escalation(r, today, rules) >= t)
}

/// The requirements naming `unit` (any role) that a notice to it lists, in plan order.
pub fn for_unit<'a>(
    plan: &'a Plan,
    unit: &str,
    today: NaiveDate,
    sel: Selection,
    rules: &EscalationRules,
) -> Vec<&'a Requirement> {
    plan.requirements()
        .filter(|r| r.units.contains(unit))
        .filter(|r| listed(r, today, sel, rules))
        .collect()
}

/// The units `--all` sends notices to, most overdue first: every single unit (not a
/// collective such as 各镇（街道）, which no one notice can reach) with something listed.
pub fn units_to_notify(
    plan: &Plan,
    today: NaiveDate,
    sel: Selection,
    rules: &EscalationRules,
) -> Vec<String> {
    workload::workload(plan, today)
        .into_iter()
        .filter(|row| !row.collective)
        .filter(|row| !for_unit(plan, &row.name, today, sel, rules).is_empty())
        .map(|row| row.name)
        .collect()
}

/// [`for_unit`] over the plans in scope: each listed requirement with its plan's index in
/// the scope, plan after plan.
pub fn for_unit_scope<'a>(
    scope: Scope<'_, 'a>,
    unit: &str,
    today: NaiveDate,
    sel: Selection,
    rules: &EscalationRules,
) -> Vec<(usize, &'a Requirement)> {
    scope
        .requirements()
        .filter(|(_, r)| r.units.contains(unit))
        .filter(|(_, r)| listed(r, today, sel, rules))
        .collect()
}

/// [`units_to_notify`] over the plans in scope: a unit gets one notice for all its work.
pub fn units_to_notify_scope(
    scope: Scope<'_, '_>,
    today: NaiveDate,
    sel: Selection,
    rules: &EscalationRules,
) -> Vec<String> {
    workload::workload_scope(scope, today)
        .into_iter()
        .filter(|row| !row.collective)
        .filter(|row| !for_unit_scope(scope, &row.name, today, sel, rules).is_empty())
        .map(|row| row.name)
        .collect()
}

/// Whether `unit` is named in the plan at all.
pub fn known_unit(plan: &Plan, unit: &str) -> bool {
    plan.requirements().any(|r| r.units.contains(unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, 9, d).expect("date")
    }

    #[test]
    fn numbers_never_repeat_within_a_year_and_restart_each_year() {
        let mut book = NoticeBook::default();
        assert_eq!(book.issue(2021, "市财政局", day(1), vec![]), 1);
        assert_eq!(book.issue(2021, "市教育局", day(1), vec![]), 2);
        assert_eq!(book.issue(2022, "市教育局", day(1), vec![]), 1);
        // A `last` edited down by hand still skips the numbers on record.
        book.last.insert(2021, 0);
        assert_eq!(book.issue(2021, "市财政局", day(2), vec![]), 3);
        let json = serde_json::to_string(&book).expect("json");
        let back: NoticeBook = serde_json::from_str(&json).expect("back");
        assert_eq!(back, book);
    }
}
