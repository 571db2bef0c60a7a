//! The views every export shares: ledger rows in the official column layout, the overdue list
//! grouped by lead unit, what falls due soon, per-unit totals, and the one-line summary.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::plan::query::{Entry, Scope, entries};
use crate::plan::{Counts, DeadlineKind, Levels, Plan, Requirement, Status};
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

/// Whether ledger column `i` (an index into [`header`], extra columns past it) is written
/// for a plan of `levels`: no 重点任务/工作内容 column holding unnamed categories or items.
pub fn shows_column(levels: Levels, i: usize) -> bool {
    match i {
        col::CATEGORY => levels.has_categories(),
        col::ITEM => levels.has_items(),
        _ => true,
    }
}

/// The cells of a ledger line (header or row) the plan's levels show (see [`shows_column`]).
pub fn shown<T>(levels: Levels, cells: impl IntoIterator<Item = T>) -> Vec<T> {
    (cells.into_iter().enumerate())
        .filter(|(i, _)| shows_column(levels, *i))
        .map(|(_, c)| c)
        .collect()
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
        self.requirement().days_late(self.today)
    }

    pub fn due(&self) -> Option<NaiveDate> {
        self.requirement().due(self.today)
    }

    /// The due date for a spreadsheet date cell; `None` when set by hand or extended, so the cell keeps
    /// the text that says so ([`Row::due_text`]).
    pub fn due_cell(&self) -> Option<NaiveDate> {
        let r = self.requirement();
        self.due()
            .filter(|_| r.due_set.is_none() && r.extensions.is_empty())
    }

    pub fn lead(&self) -> String {
        join(&self.requirement().units.lead)
    }

    pub fn cooperating(&self) -> String {
        join(&self.requirement().units.cooperating)
    }

    /// The due date (`2021-09-30（人工设定）` when set by hand), `长期` for open-ended duties,
    /// `待定` for a text still to be dated (nothing when there is no deadline).
    pub fn due_text(&self, lang: Lang) -> String {
        let r = self.requirement();
        match (self.due(), r.deadline_kind()) {
            (Some(d), _) if !r.extensions.is_empty() => match lang {
                Lang::Zh => format!("{d}（已延期）"),
                Lang::En => format!("{d} (extended)"),
            },
            (Some(d), _) if r.due_set.is_some() => match lang {
                Lang::Zh => format!("{d}（{}）", lang.set_by_hand()),
                Lang::En => format!("{d} ({})", lang.set_by_hand()),
            },
            (Some(d), _) => d.to_string(),
            (None, _) if r.is_unconfirmed() => lang.unconfirmed().to_string(),
            (None, DeadlineKind::Ongoing) => lang.kind(DeadlineKind::Ongoing).to_string(),
            (None, _) => String::new(),
        }
    }

    /// `推进中`, or `推进中（逾期5天）` when overdue (`截至年底逾期5天` once the plan is over).
    pub fn status_text(&self, lang: Lang) -> String {
        let status = lang.status(self.requirement().status);
        let late = self
            .overdue()
            .then(|| lang.days_of(self.requirement(), self.today))
            .flatten();
        match (late, lang) {
            (Some(late), Lang::Zh) => format!("{status}（{late}）"),
            (Some(late), Lang::En) => format!("{status} ({late})"),
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
    let plans = [("", plan)];
    overdue_by_lead_scope(Scope::new(&plans), today, lang)
}

/// [`overdue_by_lead`] over the plans in scope: a unit's group holds its overdue work in
/// every plan, each row naming its plan (`entry.plan`) when the scope holds several.
pub fn overdue_by_lead_scope<'a>(
    scope: Scope<'_, 'a>,
    today: NaiveDate,
    lang: Lang,
) -> Vec<UnitGroup<'a>> {
    let mut groups: Vec<UnitGroup<'a>> = Vec::new();
    let all = (scope.plans().iter().enumerate()).flat_map(|(i, (_, plan))| {
        entries(plan).map(move |mut entry| {
            entry.plan = scope.label(i);
            Row { entry, today }
        })
    });
    for row in all.filter(Row::overdue) {
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
    let plans = [("", plan)];
    unit_summary_scope(Scope::new(&plans), today)
}

/// [`unit_summary`] over the plans in scope: a unit's line counts it in every plan.
pub fn unit_summary_scope(scope: Scope<'_, '_>, today: NaiveDate) -> Vec<UnitLine> {
    let mut lines: Vec<UnitLine> = Vec::new();
    for (_, r) in scope.requirements() {
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

/// `共35项，已完成2项，推进中1项，逾期3项` (受阻 and 时限待确认 added when there are any).
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
    if c.unconfirmed > 0 {
        let _ = match lang {
            Lang::Zh => write!(s, "，时限待确认{}项", c.unconfirmed),
            Lang::En => write!(s, ", {} with a deadline to confirm", c.unconfirmed),
        };
    }
    s
}

/// The summary line of a report; once the plan's period is over, followed by what the plan
/// ended with (`2021年度计划已结束，未完成 35 项`).
pub fn report_summary(plan: &Plan, c: &Counts, today: NaiveDate, lang: Lang) -> String {
    let mut s = summary_line(c, lang);
    let period = plan.period();
    if period.has_ended(today) {
        s.push_str(lang.pick("。", ". "));
        s.push_str(&period.ended_banner(lang, c.unfinished()));
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
