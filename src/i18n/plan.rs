//! The words for the domain's values: labels of agenda buckets, escalation tiers, column
//! roles and plan periods, the history lines and the start-date notes. The plan layer
//! names things; this module says them in Chinese or English.

use super::Lang;
use crate::plan::agenda::Bucket;
use crate::plan::count::Counting;
use crate::plan::deadline::DeadlineKind;
use crate::plan::escalation::Escalation;
use crate::plan::hand::Field;
use crate::plan::import::Role;
use crate::plan::{ChangeKind, Period, Requirement};

impl Bucket {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Bucket::Overdue => lang.pick("逾期", "Overdue"),
            Bucket::Today => lang.pick("今天", "Today"),
            Bucket::Within7 => lang.pick("7天内", "Within 7 days"),
            Bucket::Within30 => lang.pick("30天内", "Within 30 days"),
            Bucket::Later => lang.pick("以后", "Later"),
            Bucket::Unconfirmed => lang.pick("时限待确认", "Deadline to confirm"),
            Bucket::Recurring => lang.pick("周期性", "Recurring"),
            Bucket::Ongoing => lang.pick("长期", "Ongoing"),
        }
    }

    /// [`Bucket::label`] in working days when counting them (`7个工作日内`).
    pub fn label_by(self, lang: Lang, by: Counting<'_>) -> &'static str {
        match self {
            _ if !by.workdays() => self.label(lang),
            Bucket::Within7 => lang.pick("7个工作日内", "Within 7 workdays"),
            Bucket::Within30 => lang.pick("30个工作日内", "Within 30 workdays"),
            b => b.label(lang),
        }
    }
}

impl Escalation {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Escalation::None => lang.pick("", ""),
            Escalation::Blue => lang.pick("蓝色提醒", "blue"),
            Escalation::Yellow => lang.pick("黄色督办", "yellow"),
            Escalation::Red => lang.pick("红色督办", "red"),
        }
    }
}

impl Role {
    /// The role as the import's report names it ([`Role::chinese`] in Chinese).
    pub fn label(self, lang: Lang) -> &'static str {
        let en = match self {
            Role::Number => "number",
            Role::Category => "category",
            Role::Item => "item",
            Role::Requirement => "requirement",
            Role::Lead => "lead units",
            Role::Cooperating => "cooperating units",
            Role::Deadline => "deadline",
            Role::Leader => "leader",
            Role::Remarks => "remarks",
            Role::Start => "start date",
        };
        lang.pick(self.chinese(), en)
    }
}

/// How an extra column (one with no role) is named in the import's report.
pub fn extra_label(lang: Lang) -> &'static str {
    lang.pick("附加列（原样保留）", "extra column (kept as written)")
}

impl Period {
    /// `2021年度` / `2024-03-01至2025-02-28`, for the header and `summary`.
    pub fn label(&self, lang: Lang) -> String {
        match (self.calendar_year(), lang) {
            (Some(y), Lang::Zh) => format!("{y}年度"),
            (Some(y), Lang::En) => y.to_string(),
            (None, Lang::Zh) => format!("{}至{}", self.start, self.end),
            (None, Lang::En) => format!("{} to {}", self.start, self.end),
        }
    }

    /// `2021年度计划已结束，未完成 3 项`: what the header and `summary` say once the plan is over.
    pub fn ended_banner(&self, lang: Lang, unfinished: usize) -> String {
        let label = self.label(lang);
        match lang {
            Lang::Zh if self.calendar_year().is_some() => {
                format!("{label}计划已结束，未完成 {unfinished} 项")
            }
            Lang::Zh => format!("计划期（{label}）已结束，未完成 {unfinished} 项"),
            Lang::En => format!("the {label} plan has ended; {unfinished} unfinished"),
        }
    }
}

/// A period key for people: `once` reads badly in a sentence; the others are dates already.
pub fn period_label(period: &str, lang: Lang) -> String {
    if period == "once" {
        lang.pick("一次性报送", "one-off report").to_string()
    } else {
        period.to_string()
    }
}

impl Requirement {
    /// What the detail pane and `show` say about the start date: "交办日 2024-09-27", and why
    /// a deadline that needs the calendar stays undated.
    pub fn start_notes(&self, lang: Lang) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(start) = self.start {
            notes.push(format!("{} {start}", lang.pick("交办日", "start")));
        } else if self.deadline.kind == DeadlineKind::Relative && self.due_set.is_none() {
            notes.push(lang.pick("待交办日", "needs a start date").to_string());
        }
        if let Some(year) = self.calendar_gap() {
            notes.push(gap_warning(year, lang));
        }
        notes
    }
}

/// Why a deadline stays undated: "2027年节假日安排未录入，无法按工作日推算时限".
pub fn gap_warning(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年节假日安排未录入，无法按工作日推算时限"),
        Lang::En => format!("no holiday schedule for {year}: the deadline cannot be dated"),
    }
}

/// One history entry as a line of text (without its timestamp), for `show` and the
/// dashboard's history list.
pub fn describe(kind: &ChangeKind, lang: Lang) -> String {
    match kind {
        ChangeKind::Status { from, to } => {
            format!("{} → {}", lang.status(*from), lang.status(*to))
        }
        ChangeKind::Note { text } => format!("{}{text}", lang.pick("备注：", "note: ")),
        ChangeKind::NoteEdited { index, from, to } => match lang {
            Lang::Zh => format!("修改备注{}：{from} → {to}", index + 1),
            Lang::En => format!("note {} edited: {from} → {to}", index + 1),
        },
        ChangeKind::NoteDeleted { index, text } => match lang {
            Lang::Zh => format!("删除备注{}：{text}", index + 1),
            Lang::En => format!("note {} deleted: {text}", index + 1),
        },
        ChangeKind::Report { period } => match lang {
            Lang::Zh => format!("已报送（{period}）"),
            Lang::En => format!("report submitted ({period})"),
        },
        ChangeKind::Start { from, to } => match (from, to, lang) {
            (_, Some(to), Lang::Zh) => format!("交办日设为 {to}"),
            (_, Some(to), Lang::En) => format!("start date set to {to}"),
            (Some(from), None, Lang::Zh) => format!("取消交办日（原为 {from}）"),
            (Some(from), None, Lang::En) => format!("start date cleared (was {from})"),
            (None, None, Lang::Zh) => "取消交办日".to_string(),
            (None, None, Lang::En) => "start date cleared".to_string(),
        },
        lifecycle @ (ChangeKind::Extended { .. }
        | ChangeKind::Claimed { .. }
        | ChangeKind::Approved { .. }
        | ChangeKind::Rejected { .. }
        | ChangeKind::Reminded { .. }
        | ChangeKind::Attached { .. }) => super::lifecycle::describe(lifecycle, lang),
        ChangeKind::Added => lang.pick("手工添加", "added by hand").to_string(),
        ChangeKind::Edited { field, from, to } => {
            let field = field.label(lang);
            let shown = |v: &str| {
                if v.trim().is_empty() {
                    lang.pick("（空）", "(empty)").to_string()
                } else {
                    crate::report::text::one_line(v).into_owned()
                }
            };
            match lang {
                Lang::Zh => format!("更正{field}：{} → {}", shown(from), shown(to)),
                Lang::En => format!("{field} corrected: {} → {}", shown(from), shown(to)),
            }
        }
        ChangeKind::Removed => lang.pick("移入归档", "moved to the archive").to_string(),
        ChangeKind::Restored => lang
            .pick("从归档恢复", "restored from the archive")
            .to_string(),
        ChangeKind::Due { from, to } => {
            let day = |d: &Option<chrono::NaiveDate>| {
                d.map_or_else(
                    || lang.pick("按原文", "as written").to_string(),
                    |d| d.to_string(),
                )
            };
            match (to, lang) {
                (Some(_), Lang::Zh) => format!("人工设定时限：{} → {}", day(from), day(to)),
                (Some(_), Lang::En) => format!("due date set by hand: {} → {}", day(from), day(to)),
                (None, Lang::Zh) => format!("取消人工设定的时限（原为 {}）", day(from)),
                (None, Lang::En) => format!("hand-set due date cleared (was {})", day(from)),
            }
        }
    }
}

impl Field {
    /// The field's name, as `show` and the history say it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Text => lang.pick("要求内容", "text"),
            Field::Units => lang.pick("责任单位", "units"),
            Field::Cooperating => lang.pick("配合单位", "cooperating units"),
            Field::Deadline => lang.pick("时限", "deadline"),
            Field::Item => lang.pick("事项名称", "item name"),
            Field::Leader => lang.pick("责任领导", "leader"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_buckets_and_history() {
        assert_eq!(Bucket::Within7.label(Lang::Zh), "7天内");
        assert_eq!(Bucket::Unconfirmed.label(Lang::Zh), "时限待确认");
        let deleted = ChangeKind::NoteDeleted {
            index: 1,
            text: "第二条".into(),
        };
        assert_eq!(describe(&deleted, Lang::Zh), "删除备注2：第二条");
        assert_eq!(Role::Lead.label(Lang::Zh), "责任单位");
        assert_eq!(Role::Lead.label(Lang::En), "lead units");
    }

    #[test]
    fn ended_banner() {
        let y = Period::year(2021);
        assert_eq!(
            y.ended_banner(Lang::Zh, 3),
            "2021年度计划已结束，未完成 3 项"
        );
        assert_eq!(
            y.ended_banner(Lang::En, 3),
            "the 2021 plan has ended; 3 unfinished"
        );
        let p: Period = "2024-03-01..2025-02-28".parse().expect("valid");
        assert_eq!(
            p.ended_banner(Lang::Zh, 1),
            "计划期（2024-03-01至2025-02-28）已结束，未完成 1 项"
        );
    }
}
