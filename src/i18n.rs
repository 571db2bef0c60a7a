//! UI language and the labels shared by the CLI and the dashboard. The domain names things
//! and holds no text of its own for them; the words for its values live here, in
//! [`count`] (countdowns by the chosen count) and [`plan`] (buckets, tiers, roles, periods,
//! history lines).

pub mod count;
pub mod hand;
pub mod lifecycle;
pub mod plan;

use chrono::NaiveDate;

use crate::plan::count::Counting;
use crate::plan::{DeadlineKind, Requirement, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Pick the Chinese or English text.
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn status(self, s: Status) -> &'static str {
        match s {
            Status::Todo => self.pick("未开始", "todo"),
            Status::Doing => self.pick("推进中", "doing"),
            Status::Review => self.pick("待审核", "review"),
            Status::Done => self.pick("已完成", "done"),
            Status::Blocked => self.pick("受阻", "blocked"),
        }
    }

    pub fn kind(self, k: DeadlineKind) -> &'static str {
        match k {
            DeadlineKind::Date => self.pick("限期", "date"),
            DeadlineKind::Monthly => self.pick("每月", "monthly"),
            DeadlineKind::Quarterly => self.pick("每季度", "quarterly"),
            DeadlineKind::Semiannual => self.pick("每半年", "semiannual"),
            DeadlineKind::Yearly => self.pick("每年", "yearly"),
            DeadlineKind::Ongoing => self.pick("长期", "ongoing"),
            DeadlineKind::None => self.pick("无时限", "none"),
            DeadlineKind::Relative => self.pick("待起算", "relative"),
            DeadlineKind::Unparsed => self.pick("待定", "unparsed"),
        }
    }

    /// A day count as `剩12天` / `今天到期` / `逾期17天`.
    pub fn days(self, days: i64) -> String {
        match (self, days) {
            (Lang::Zh, 0) => "今天到期".into(),
            (Lang::Zh, d) if d > 0 => format!("剩{d}天"),
            (Lang::Zh, d) => format!("逾期{}天", -d),
            (Lang::En, 0) => "due today".into(),
            (Lang::En, d) if d > 0 => format!("{d}d left"),
            (Lang::En, d) => format!("{}d overdue", -d),
        }
    }

    /// The countdown column: day counts for dated deadlines, the kind for recurring and
    /// ongoing ones, `待定` for deadlines still to be dated, `已完成` for done requirements,
    /// empty without a deadline. Once the plan's period is over, a dated duty reads as the
    /// fact at its end (`截至年底逾期92天`). A date set by hand is marked `人工`.
    pub fn countdown(self, r: &Requirement, today: NaiveDate) -> String {
        self.countdown_by(r, today, Counting::days())
    }

    /// [`Lang::countdown`] by the chosen count (`剩3个工作日`).
    pub fn countdown_by(self, r: &Requirement, today: NaiveDate, by: Counting<'_>) -> String {
        if r.status == Status::Done {
            return self.status(Status::Done).to_string();
        }
        self.countdown_open_by(r, today, by)
    }

    /// [`Lang::countdown`] whatever the status (the agenda lists done rows by their date).
    pub fn countdown_open(self, r: &Requirement, today: NaiveDate) -> String {
        self.countdown_open_by(r, today, Counting::days())
    }

    /// [`Lang::countdown_open`] by the chosen count.
    pub fn countdown_open_by(self, r: &Requirement, today: NaiveDate, by: Counting<'_>) -> String {
        let text = match r.deadline_kind() {
            _ if r.is_unconfirmed() => self.unconfirmed().to_string(),
            DeadlineKind::Date => self.days_of_by(r, today, by).unwrap_or_default(),
            DeadlineKind::None => String::new(),
            k => self.kind(k).to_string(),
        };
        if r.due_set.is_some() {
            format!("{} {text}", self.set_by_hand_mark())
        } else {
            text
        }
    }

    /// `剩12天`, or once the plan is over `截至年底逾期92天`: the day count of a dated duty.
    /// `None` for a recurring duty of a plan that is over: it has no count left.
    pub fn days_of(self, r: &Requirement, today: NaiveDate) -> Option<String> {
        self.days_of_by(r, today, Counting::days())
    }

    /// [`Lang::days_of`] by the chosen count (`剩3个工作日`, `逾期2个工作日`).
    pub fn days_of_by(self, r: &Requirement, today: NaiveDate, by: Counting<'_>) -> Option<String> {
        if r.plan_ended(today) && r.deadline_kind().is_recurring() {
            return None;
        }
        match r.late_at_end(today) {
            Some(late) if !by.workdays() => Some(self.late_at_end(late, r.period_ends_with_year())),
            Some(_) => r
                .days_late_by(today, by)
                .map(|late| self.late_at_end_workdays(late, r.period_ends_with_year())),
            None if !by.workdays() => r.days_left(today).map(|d| self.days(d)),
            None => r.left_text(today, by, self),
        }
    }

    /// [`Lang::late_at_end`] in working days (`截至年底逾期60个工作日`).
    fn late_at_end_workdays(self, late: i64, year_end: bool) -> String {
        if late == 0 {
            return self.late_at_end(0, year_end);
        }
        let end = if year_end {
            self.pick("年底", "year end")
        } else {
            self.pick("期末", "period end")
        };
        match self {
            Lang::Zh => format!("截至{end}逾期{late}个工作日"),
            Lang::En => format!("{late} workdays overdue at {end}"),
        }
    }

    /// `待定` / `unconfirmed`: a deadline text that names a time duban cannot date yet.
    pub fn unconfirmed(self) -> &'static str {
        self.pick("待定", "unconfirmed")
    }

    /// How the text was read, for the detail pane and `show`: the kind, and for a text still
    /// to be dated why (`待定（未能识别）`, `待定（自事件起算）`).
    pub fn kind_read(self, k: DeadlineKind) -> &'static str {
        match k {
            DeadlineKind::Relative => {
                self.pick("待定（自事件起算）", "unconfirmed (counted from an event)")
            }
            DeadlineKind::Unparsed => self.pick("待定（未能识别）", "unconfirmed (not understood)"),
            k => self.kind(k),
        }
    }

    /// `人工` / `set`: marks a due date set by hand wherever a countdown is shown.
    pub fn set_by_hand_mark(self) -> &'static str {
        self.pick("人工", "set")
    }

    /// `第12项` / `No. 12`: the document's own straight-through number of a task.
    pub fn task_number(self, n: u32) -> String {
        match self {
            Lang::Zh => format!("第{n}项"),
            Lang::En => format!("No. {n}"),
        }
    }

    /// `人工设定` / `set by hand`: the same, spelled out (detail pane, `show`, exports).
    pub fn set_by_hand(self) -> &'static str {
        self.pick("人工设定", "set by hand")
    }

    /// `截至年底逾期92天` / `截至年底未完成`: a dated duty of a plan that is over.
    pub fn late_at_end(self, late: i64, year_end: bool) -> String {
        let end = if year_end {
            self.pick("年底", "year end")
        } else {
            self.pick("期末", "period end")
        };
        match (self, late) {
            (Lang::Zh, 0) => format!("截至{end}未完成"),
            (Lang::Zh, d) => format!("截至{end}逾期{d}天"),
            (Lang::En, 0) => format!("unfinished at {end}"),
            (Lang::En, d) => format!("{d}d overdue at {end}"),
        }
    }
}
