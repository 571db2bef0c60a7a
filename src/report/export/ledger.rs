//! The views every export shares: ledger rows in the official column layout, the overdue list
//! grouped by lead unit, what falls due soon, per-unit totals, and the one-line summary.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::plan::{Counts, DeadlineKind, Plan, Requirement, Status};
use crate::report::query::{Entry, entries};
use crate::report::text::one_line;

/// "Due soon" in reports: two weeks ahead, a reporting period and its follow-up.
pub const DUE_SOON_DAYS: i64 = 14;

pub const COLUMNS: usize = 11;

/// The official ledger columns (台账), in order.
pub fn header(lang: Lang) -> [&'static str; COLUMNS] {
    match lang {
        Lang::Zh => [
            "序号",
            "重点任务",
            "工作内容",
            "具体要求",
            "牵头单位",
            "配合单位",
            "完成时限",
            "到期日",
            "状态",
            "进展情况",
            "办结日期",
        ],
        Lang::En => [
            "No.",
            "Key task",
            "Work item",
            "Requirement",
            "Lead units",
            "Cooperating units",
            "Deadline",
            "Due",
            "Status",
            "Progress",
            "Completed on",
        ],
    }
}

/// Column indexes into [`header`] and [`Row::cells`].
pub mod col {
    pub const ID: usize = 0;
    pub const CATEGORY: usize = 1;
    pub const ITEM: usize = 2;
    pub const TEXT: usize = 3;
    pub const LEAD: usize = 4;
    pub const COOPERATING: usize = 5;
    pub const DEADLINE: usize = 6;
    pub const DUE: usize = 7;
    pub const STATUS: usize = 8;
    pub const PROGRESS: usize = 9;
    pub const COMPLETED: usize = 10;
}

/// One requirement with the reference date its derived cells depend on.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub entry: Entry<'a>,
    pub today: NaiveDate,
}

impl<'a> Row<'a> {
    pub fn requirement(&self) -> &'a Requirement {
        self.entry.requirement
    }

    pub fn overdue(&self) -> bool {
        self.requirement().is_overdue(self.today)
    }

    /// Days past the due date, for overdue requirements.
    pub fn overdue_days(&self) -> Option<i64> {
        self.overdue()
            .then(|| self.requirement().days_left(self.today))
            .flatten()
            .map(|d| -d)
    }

    pub fn due(&self) -> Option<NaiveDate> {
        self.requirement().deadline.due(self.today)
    }

    pub fn lead(&self) -> String {
        join(&self.requirement().units.lead)
    }

    pub fn cooperating(&self) -> String {
        join(&self.requirement().units.cooperating)
    }

    /// The due date, or `长期` for open-ended duties (nothing when there is no deadline).
    pub fn due_text(&self, lang: Lang) -> String {
        match (self.due(), self.requirement().deadline.kind) {
            (Some(d), _) => d.to_string(),
            (None, DeadlineKind::Ongoing) => lang.kind(DeadlineKind::Ongoing).to_string(),
            (None, _) => String::new(),
        }
    }

    /// `推进中`, or `推进中（逾期5天）` when overdue.
    pub fn status_text(&self, lang: Lang) -> String {
        let status = lang.status(self.requirement().status);
        match (self.overdue_days(), lang) {
            (Some(d), Lang::Zh) => format!("{status}（{}）", lang.days(-d)),
            (Some(d), Lang::En) => format!("{status} ({})", lang.days(-d)),
            (None, _) => status.to_string(),
        }
    }

    /// 进展情况: the latest note, verbatim (the JSON export keeps every note).
    pub fn progress(&self) -> &'a str {
        self.requirement()
            .notes
            .last()
            .map_or("", |n| n.text.as_str())
    }

    pub fn completed(&self) -> String {
        self.requirement()
            .completed_on
            .map(|d| d.to_string())
            .unwrap_or_default()
    }

    /// Every ledger cell as text. Requirement and deadline texts are kept verbatim (line
    /// breaks included); category and item names on one line.
    pub fn cells(&self, lang: Lang) -> [String; COLUMNS] {
        let r = self.requirement();
        [
            r.id.to_string(),
            one_line(&self.entry.category.name).into_owned(),
            one_line(&self.entry.item.name).into_owned(),
            r.text.clone(),
            self.lead(),
            self.cooperating(),
            r.deadline_raw.clone(),
            self.due_text(lang),
            self.status_text(lang),
            self.progress().to_string(),
            self.completed(),
        ]
    }
}

fn join(units: &[crate::plan::Unit]) -> String {
    units
        .iter()
        .map(|u| u.name.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

/// Every requirement in document order.
pub fn rows(plan: &Plan, today: NaiveDate) -> Vec<Row<'_>> {
    entries(plan).map(|entry| Row { entry, today }).collect()
}

/// Overdue requirements under one lead unit (or several leading jointly).
#[derive(Debug, Clone)]
pub struct UnitGroup<'a> {
    /// The lead units, joined with 、.
    pub unit: String,
    pub rows: Vec<Row<'a>>,
}

/// 逾期未办结清单: overdue requirements grouped by lead unit. A requirement led jointly is
/// listed once, under its leads named together, so every overdue requirement appears exactly
/// once (per-unit totals are in [`unit_summary`]). Groups with the most overdue come first,
/// then in order of first mention.
pub fn overdue_by_lead(plan: &Plan, today: NaiveDate, lang: Lang) -> Vec<UnitGroup<'_>> {
    let mut groups: Vec<UnitGroup<'_>> = Vec::new();
    for row in rows(plan, today).into_iter().filter(Row::overdue) {
        let mut unit = row.lead();
        if unit.is_empty() {
            unit = lang.pick("（未注明单位）", "(no unit named)").to_string();
        }
        match groups.iter_mut().find(|g| g.unit == unit) {
            Some(g) => g.rows.push(row),
            None => groups.push(UnitGroup {
                unit,
                rows: vec![row],
            }),
        }
    }
    // Stable: equal counts keep first-mention order.
    groups.sort_by_key(|g| std::cmp::Reverse(g.rows.len()));
    groups
}

/// Not done and due within [`DUE_SOON_DAYS`] (today included), soonest first.
pub fn due_soon(plan: &Plan, today: NaiveDate) -> Vec<Row<'_>> {
    let mut soon: Vec<Row<'_>> = rows(plan, today)
        .into_iter()
        .filter(|r| r.requirement().is_due_within(today, DUE_SOON_DAYS))
        .collect();
    soon.sort_by_key(Row::due);
    soon
}

/// One unit's share of the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitLine {
    pub name: String,
    pub lead: usize,
    pub cooperating: usize,
    /// Requirements naming the unit in any role.
    pub total: usize,
    pub done: usize,
    pub overdue: usize,
}

/// Per unit: how many requirements it leads and cooperates on, how many are done and
/// overdue. Units with overdue work first (most first), then in order of first mention.
pub fn unit_summary(plan: &Plan, today: NaiveDate) -> Vec<UnitLine> {
    let mut lines: Vec<UnitLine> = Vec::new();
    for r in plan.requirements() {
        let overdue = r.is_overdue(today);
        let roles = r.units.lead.iter().map(|u| (u, true));
        let roles = roles.chain(r.units.cooperating.iter().map(|u| (u, false)));
        for (unit, lead) in roles {
            let i = if let Some(i) = lines.iter().position(|l| l.name == unit.name) {
                i
            } else {
                lines.push(UnitLine {
                    name: unit.name.clone(),
                    ..UnitLine::default()
                });
                lines.len() - 1
            };
            let line = &mut lines[i];
            if lead {
                line.lead += 1;
            } else {
                line.cooperating += 1;
            }
            line.total += 1;
            line.done += usize::from(r.status == Status::Done);
            line.overdue += usize::from(overdue);
        }
    }
    lines.sort_by_key(|l| std::cmp::Reverse(l.overdue));
    lines
}

/// `共35项，已完成2项，推进中1项，逾期3项` (受阻 added when there is any).
pub fn summary_line(c: &Counts, lang: Lang) -> String {
    let mut s = match lang {
        Lang::Zh => format!(
            "共{}项，已完成{}项，推进中{}项，逾期{}项",
            c.total, c.done, c.doing, c.overdue
        ),
        Lang::En => format!(
            "{} requirements: {} done, {} in progress, {} overdue",
            c.total, c.done, c.doing, c.overdue
        ),
    };
    if c.blocked > 0 {
        let _ = match lang {
            Lang::Zh => write!(s, "，受阻{}项", c.blocked),
            Lang::En => write!(s, ", {} blocked", c.blocked),
        };
    }
    s
}

/// Share done as a whole percentage, rounded down so 99.6% never reads as 100%.
pub fn percent(c: &Counts) -> u32 {
    if c.total == 0 {
        return 0;
    }
    u32::try_from(c.done * 100 / c.total).unwrap_or(100)
}

/// `截至2021年9月20日` / `as of 2021-09-20`.
pub fn as_of(today: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => today.format("截至%Y年%-m月%-d日").to_string(),
        Lang::En => format!("As of {today}"),
    }
}

/// `工作台账（截至2021年9月20日）` / `Ledger (as of 2021-09-20)`.
pub fn dated_title(name: &str, today: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}（{}）", as_of(today, lang)),
        Lang::En => format!("{name} (as of {today})"),
    }
}

/// The document title: the plan's, followed by what this is.
pub fn title(plan: &Plan, lang: Lang) -> String {
    format!(
        "{}{}",
        one_line(&plan.title),
        lang.pick("落实情况督办报告", " — progress report")
    )
}

pub mod extra;

#[cfg(test)]
mod tests;
