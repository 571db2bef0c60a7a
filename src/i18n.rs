//! UI language and the labels shared by the CLI and the dashboard.

use chrono::NaiveDate;

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
    /// ongoing ones, `已完成` for done requirements, empty without a deadline.
    pub fn countdown(self, r: &Requirement, today: NaiveDate) -> String {
        if r.status == Status::Done {
            return self.status(Status::Done).to_string();
        }
        match r.deadline.kind {
            DeadlineKind::Date => r.days_left(today).map(|d| self.days(d)).unwrap_or_default(),
            DeadlineKind::None => String::new(),
            k => self.kind(k).to_string(),
        }
    }
}
