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
    /// The plan its bare ids belong to. Entries written before notices spanned plans have
    /// none: theirs is the workspace's first plan, the one their file held, and
    /// [`NoticeBook::settle`] records it before the plans can change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    pub ids: Vec<Listed>,
}

/// A requirement a notice listed: `NAME:1.1.1`, or a bare `1.1.1` in the entry's own plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub plan: Option<String>,
    pub id: ReqId,
}

impl Serialize for Listed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.plan {
            Some(plan) => s.collect_str(&format_args!("{plan}:{}", self.id.canonical())),
            None => self.id.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Listed {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        // Ids hold no colon; a plan name may not either (see `store::check_name`).
        let (plan, id) = match text.rsplit_once(':') {
            Some((plan, id)) => (Some(plan.to_string()), id),
            None => (None, text.as_str()),
        };
        let id = id.parse().map_err(serde::de::Error::custom)?;
        Ok(Listed { plan, id })
    }
}

impl Issued {
    /// Each listed requirement with its plan (`first`: the workspace's first plan, for an
    /// entry that names none).
    pub fn requirements<'a>(&'a self, first: &'a str) -> impl Iterator<Item = (&'a str, ReqId)> {
        let own = self.plan.as_deref().unwrap_or(first);
        (self.ids.iter()).map(move |l| (l.plan.as_deref().unwrap_or(own), l.id))
    }
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

    /// Record `first` (the workspace's first plan) as the plan of the entries that name
    /// none, so that their bare ids keep their meaning when plans are renamed, removed or
    /// reordered.
    pub fn settle(&mut self, first: &str) {
        for i in self.issued.iter_mut().filter(|i| i.plan.is_none()) {
            i.plan = Some(first.to_string());
        }
    }

    /// The plan `old` is now called `new`: every entry naming it follows.
    pub fn rename_plan(&mut self, old: &str, new: &str) {
        for i in &mut self.issued {
            let names = std::iter::once(&mut i.plan).chain(i.ids.iter_mut().map(|l| &mut l.plan));
            for name in names.flatten().filter(|n| *n == old) {
                new.clone_into(name);
            }
        }
    }

    /// Take the next number of `year` and record the notice under it, listing `ids` (each
    /// with its plan's name): ids of the first one's plan are kept bare.
    pub fn issue(&mut self, year: i32, unit: &str, on: NaiveDate, ids: &[(&str, ReqId)]) -> u32 {
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
        let plan = ids.first().map(|(plan, _)| (*plan).to_string());
        let ids = (ids.iter())
            .map(|&(p, id)| Listed {
                plan: (Some(p) != plan.as_deref()).then(|| p.to_string()),
                id,
            })
            .collect();
        self.issued.push(Issued {
            year,
            n,
            unit: unit.to_string(),
            on,
            plan,
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
        assert_eq!(book.issue(2021, "市财政局", day(1), &[]), 1);
        assert_eq!(book.issue(2021, "市教育局", day(1), &[]), 2);
        assert_eq!(book.issue(2022, "市教育局", day(1), &[]), 1);
        // A `last` edited down by hand still skips the numbers on record.
        book.last.insert(2021, 0);
        assert_eq!(book.issue(2021, "市财政局", day(2), &[]), 3);
        let json = serde_json::to_string(&book).expect("json");
        let back: NoticeBook = serde_json::from_str(&json).expect("back");
        assert_eq!(back, book);
    }

    fn id(s: &str) -> ReqId {
        s.parse().expect("id")
    }

    #[test]
    fn listed_ids_name_their_plan_and_bare_ones_the_entrys_own() {
        // An entry from before plans were recorded: bare ids, no plan.
        let old = r#"{"last":{"2021":1},"issued":[{"year":2021,"n":1,"unit":"市财政局",
            "on":"2021-09-01","ids":["1.1.1","1.2.3"]}]}"#;
        let mut book: NoticeBook = serde_json::from_str(old).expect("old book");
        let listed: Vec<_> = book.issued[0].requirements("2021").collect();
        assert_eq!(listed, [("2021", id("1.1.1")), ("2021", id("1.2.3"))]);
        // Written back unchanged until the plans change; then its plan is pinned.
        let same: serde_json::Value = serde_json::to_value(&book).expect("json");
        assert_eq!(
            same,
            serde_json::from_str::<serde_json::Value>(old).expect("v")
        );
        book.settle("2021");
        book.rename_plan("2021", "要点");
        let listed: Vec<_> = book.issued[0].requirements("another").collect();
        assert_eq!(listed, [("要点", id("1.1.1")), ("要点", id("1.2.3"))]);
        // A notice across plans: the first one's plan bare, the others named.
        book.issue(
            2021,
            "市教育局",
            day(3),
            &[("要点", id("1.1.1")), ("批示", id("1.1.2"))],
        );
        let json = serde_json::to_value(&book.issued[1]).expect("json");
        assert_eq!(json["plan"], "要点");
        assert_eq!(json["ids"], serde_json::json!(["1.1.1", "批示:1.1.2"]));
        let back: NoticeBook =
            serde_json::from_value(serde_json::to_value(&book).expect("j")).expect("back");
        assert_eq!(back, book);
        let listed: Vec<_> = back.issued[1].requirements("x").collect();
        assert_eq!(listed, [("要点", id("1.1.1")), ("批示", id("1.1.2"))]);
    }
}
