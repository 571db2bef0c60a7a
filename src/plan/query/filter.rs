//! Selecting requirements: the one `Filter` of `duban list` (and `list --archived`) and of
//! the dashboard's search and quick filters.

use chrono::NaiveDate;

use super::{Entry, Search};
use crate::plan::calendar::Calendar;
use crate::plan::count::{Count, Counting};
use crate::plan::units::{Suggestions, suggest};
use crate::plan::{Plan, Requirement, Status};

mod messages;

/// Conditions that all must hold (AND). The default filter matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Category number.
    pub category: Option<u32>,
    /// Exact unit name (trimmed), in any role.
    pub unit: Option<String>,
    pub status: Option<Status>,
    /// Only overdue requirements ([`Requirement::is_overdue`]).
    pub overdue: bool,
    /// Only requirements not done and due within this many days (today included), counted
    /// as `count` says.
    pub due_within: Option<i64>,
    /// Natural or working days for `due_within` (working days in the active calendar).
    pub count: Count,
    /// Case-insensitive substring (trimmed) of any of the [`FIELDS`](super::FIELDS): the
    /// id, the requirement text, item and category names, units, leader, remarks, extra
    /// columns, notes, completion note and deadline as written.
    pub search: Option<String>,
    /// A name in the 责任领导 column (substring of the cell, trimmed).
    pub leader: Option<String>,
    /// The plan of a workspace, by name (`--plan`); `None`: every plan. See
    /// [`Filter::select_plans`].
    pub plan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("no category {number} in this plan (categories: {available})")]
    UnknownCategory { number: u32, available: String },
    /// `suggestions`: units of the plan in use, from [`crate::plan::units::suggest`].
    #[error("no requirement names the unit `{unit}` ({})", unit_hint(suggestions))]
    UnknownUnit {
        unit: String,
        suggestions: Suggestions,
    },
    #[error("no requirement's leader (责任领导) column names `{0}`")]
    UnknownLeader(String),
}

/// How many units an unknown-unit message offers.
const SUGGESTED_UNITS: usize = 5;

fn unit_hint(s: &Suggestions) -> String {
    let names = s.names.join(", ");
    match (s.names.is_empty(), s.similar) {
        (true, _) => "this plan names no units".to_string(),
        (false, true) => format!("names must match exactly; did you mean {names}?"),
        (false, false) => format!("names must match exactly; this plan names e.g. {names}"),
    }
}

impl Filter {
    /// No condition set (how `due_within` would count is not a condition).
    pub fn is_empty(&self) -> bool {
        *self
            == Filter {
                count: self.count,
                ..Filter::default()
            }
    }

    /// Whether the search is the only condition.
    pub fn is_search_only(&self) -> bool {
        self.search.is_some()
            && Filter {
                search: None,
                ..self.clone()
            }
            .is_empty()
    }

    /// The search prepared for many entries, if there is one.
    pub fn search(&self) -> Option<Search> {
        self.search.as_deref().map(Search::new)
    }

    /// All conditions.
    pub fn matches(&self, e: &Entry<'_>, today: NaiveDate) -> bool {
        self.matches_prepared(e, today, self.search().as_ref())
    }

    /// [`Filter::matches`] with the search prepared once ([`Filter::search`]) for many
    /// entries.
    pub fn matches_prepared(
        &self,
        e: &Entry<'_>,
        today: NaiveDate,
        search: Option<&Search>,
    ) -> bool {
        self.matches_except_search(e.requirement, today) && search.is_none_or(|s| s.hit(e))
    }

    /// Every condition but the search (which needs the entry).
    pub fn matches_except_search(&self, r: &Requirement, today: NaiveDate) -> bool {
        self.category.is_none_or(|n| r.id.category == n)
            && self.status.is_none_or(|s| r.status == s)
            && (!self.overdue || r.is_overdue(today))
            && self.due_within.is_none_or(|d| {
                r.is_due_within_by(today, d, Counting::new(self.count, Calendar::active()))
            })
            && self.unit.as_deref().is_none_or(|u| r.units.contains(u))
            && self.leader.as_deref().is_none_or(|l| r.names_leader(l))
    }

    /// The matching requirements in document order.
    pub fn select<'a>(&self, plan: &'a Plan, today: NaiveDate) -> Vec<Entry<'a>> {
        let search = self.search();
        super::entries(plan)
            .filter(|e| self.matches_prepared(e, today, search.as_ref()))
            .collect()
    }

    /// The matching requirements of the plans in scope (`plans`: each plan's name and
    /// plan, in order; the filter's `plan` narrows them to one), plan after plan. Entries
    /// name their plan when more than one plan is in scope.
    pub fn select_plans<'a>(
        &self,
        plans: &[(&'a str, &'a Plan)],
        today: NaiveDate,
    ) -> Vec<Entry<'a>> {
        let scope = self.scope(plans);
        let named = scope.len() > 1;
        scope
            .iter()
            .flat_map(|&(name, plan)| {
                let mut entries = self.select(plan, today);
                if named {
                    for e in &mut entries {
                        e.plan = Some(name);
                    }
                }
                entries
            })
            .collect()
    }

    fn scope<'a>(&self, plans: &[(&'a str, &'a Plan)]) -> Vec<(&'a str, &'a Plan)> {
        (plans.iter().copied())
            .filter(|(name, _)| self.plan.as_deref().is_none_or(|p| p.trim() == *name))
            .collect()
    }

    /// [`Filter::check`] over the plans in scope: a category or unit must be in one of them.
    pub fn check_plans(&self, plans: &[(&str, &Plan)]) -> Result<(), FilterError> {
        let scope = self.scope(plans);
        let mut first = None;
        for (_, plan) in &scope {
            match self.check(plan) {
                Ok(()) => return Ok(()),
                Err(e) => first = first.or(Some(e)),
            }
        }
        first.map_or(Ok(()), Err)
    }

    /// Reject a category or unit the plan does not have: with exact matching, a typo would
    /// otherwise look like "nothing to do".
    pub fn check(&self, plan: &Plan) -> Result<(), FilterError> {
        if let Some(number) = self.category.filter(|&n| plan.category(n).is_none()) {
            let available = plan
                .categories
                .iter()
                .map(|c| c.number.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            return Err(FilterError::UnknownCategory { number, available });
        }
        if let Some(unit) = self
            .unit
            .as_deref()
            .filter(|u| !plan.requirements().any(|r| r.units.contains(u)))
        {
            return Err(FilterError::UnknownUnit {
                unit: unit.trim().to_string(),
                suggestions: suggest(plan, unit, SUGGESTED_UNITS),
            });
        }
        if let Some(leader) =
            (self.leader.as_deref()).filter(|l| !plan.requirements().any(|r| r.names_leader(l)))
        {
            return Err(FilterError::UnknownLeader(leader.trim().to_string()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::query::{entries, entry};
    use crate::plan::{Category, Item, ReqId};

    fn plan() -> Plan {
        let req = |c, i, r, units: &str, deadline: &str| {
            Requirement::new(
                ReqId::new(c, i, r),
                format!("要求{c}.{i}.{r}"),
                units.into(),
                deadline.into(),
                2021,
            )
        };
        Plan {
            title: "测试".into(),
            year: 2021,
            source: "test".into(),
            period: None,
            levels: crate::plan::Levels::default(),
            year_guessed: false,
            categories: vec![
                Category {
                    number: 1,
                    name: "甲".into(),
                    items: vec![Item {
                        name: "事项一".into(),
                        requirements: vec![
                            req(1, 1, 1, "市财政局", "2021年8月15日前完成。"),
                            req(1, 1, 2, "市卫体局、市民政局", "2021年9月25日前完成。"),
                        ],
                    }],
                },
                Category {
                    number: 2,
                    name: "乙".into(),
                    items: vec![Item {
                        name: "事项二".into(),
                        requirements: vec![req(2, 1, 1, "市民政局", "立即落实并长期坚持。")],
                    }],
                },
            ],
        }
    }

    fn ids(entries: &[Entry<'_>]) -> Vec<String> {
        entries
            .iter()
            .map(|e| e.requirement.id.to_string())
            .collect()
    }

    #[test]
    fn empty_filter_keeps_everything_in_order() {
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("date");
        let f = Filter::default();
        assert!(f.is_empty());
        assert_eq!(ids(&f.select(&plan(), today)), ["1.1.1", "1.1.2", "2.1.1"]);
    }

    #[test]
    fn category_and_status_combine() {
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("date");
        let mut p = plan();
        let now = today.and_hms_opt(9, 0, 0).expect("time");
        p.get_mut(ReqId::new(1, 1, 2))
            .expect("exists")
            .set_status(Status::Doing, now);
        let f = Filter {
            category: Some(1),
            status: Some(Status::Todo),
            ..Filter::default()
        };
        assert_eq!(ids(&f.select(&p, today)), ["1.1.1"]);
        let f = Filter {
            category: Some(2),
            status: Some(Status::Doing),
            ..Filter::default()
        };
        assert!(f.select(&p, today).is_empty());
    }

    #[test]
    fn unknown_category_is_an_error() {
        let f = Filter {
            category: Some(9),
            ..Filter::default()
        };
        let err = f.check(&plan()).expect_err("no category 9");
        assert_eq!(
            err.to_string(),
            "no category 9 in this plan (categories: 1, 2)"
        );
    }

    #[test]
    fn entry_lookup() {
        let p = plan();
        let e = entry(&p, ReqId::new(2, 1, 1)).expect("exists");
        assert_eq!(e.item.name, "事项二");
        assert!(entry(&p, ReqId::new(2, 2, 1)).is_none());
        assert!(entry(&p, ReqId::new(3, 1, 1)).is_none());
    }

    #[test]
    fn search_selects_what_contains_finds() {
        use crate::plan::query::contains;
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("date");
        let mut p = plan();
        p.categories[0].items[0].requirements[0].text = "Open DATA \u{212A}elvin".into();
        p.categories[1].items[0].requirements[0].completion_note = Some("已办结 OK".into());
        for needle in [
            "要求1",
            " 要求 ",
            "data",
            "DaTa",
            "kelvin",
            "甲",
            "事项二",
            "ok",
            "市民政局",
            "",
            " ",
            "1.1",
            "1.1.2",
            "8月15日",
            "无",
        ] {
            let f = Filter {
                search: Some(needle.into()),
                ..Filter::default()
            };
            let old: Vec<String> = entries(&p)
                .filter(|e| {
                    let r = e.requirement;
                    contains(&r.id.to_string(), needle)
                        || contains(&r.text, needle)
                        || contains(&r.units_raw, needle)
                        || contains(&r.deadline_raw, needle)
                        || r.notes.iter().any(|n| contains(&n.text, needle))
                        || r.completion_note
                            .as_deref()
                            .is_some_and(|n| contains(n, needle))
                        || contains(&e.item.name, needle)
                        || contains(&e.category.name, needle)
                })
                .map(|e| e.requirement.id.to_string())
                .collect();
            assert_eq!(ids(&f.select(&p, today)), old, "{needle:?}");
        }
    }

    // Unit and deadline filters depend on the parsers (plan::units, plan::deadline).
    #[test]
    fn unit_overdue_and_due_within() {
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("date");
        let p = plan();
        let f = Filter {
            unit: Some(" 市民政局 ".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&f.select(&p, today)), ["1.1.2", "2.1.1"]);
        let f = Filter {
            overdue: true,
            ..Filter::default()
        };
        assert_eq!(ids(&f.select(&p, today)), ["1.1.1"]);
        let f = Filter {
            due_within: Some(7),
            ..Filter::default()
        };
        assert_eq!(ids(&f.select(&p, today)), ["1.1.2"]);
        let f = Filter {
            unit: Some("卫体局".into()),
            ..Filter::default()
        };
        assert!(f.check(&p).is_err());
    }

    /// The hint names units of the plan being filtered, never a fixed example.
    #[test]
    fn unknown_unit_suggests_units_of_this_plan() {
        let mut p = plan();
        let err = |p: &Plan, unit: &str| {
            let f = Filter {
                unit: Some(unit.into()),
                ..Filter::default()
            };
            f.check(p).expect_err("not in the plan").to_string()
        };
        let start = "no requirement names the unit";
        assert_eq!(
            err(&p, " 卫体局 "),
            format!("{start} `卫体局` (names must match exactly; did you mean 市卫体局?)")
        );
        assert_eq!(
            err(&p, "区教育局"),
            format!(
                "{start} `区教育局` (names must match exactly; this plan names e.g. 市民政局, \
                 市财政局, 市卫体局)"
            )
        );
        p.requirements_mut()
            .for_each(|r| r.units = crate::plan::Units::default());
        assert_eq!(
            err(&p, "市财政局"),
            format!("{start} `市财政局` (this plan names no units)")
        );
    }
}
