//! How countdowns count: natural days (the default) or working days on the holiday
//! calendar. One [`Counting`] value travels with `today` into every countdown, due-window,
//! escalation and agenda-bucket question, so all views agree on the chosen count.
//!
//! Overdue is always judged by the date as written (nobody is late before the date in the
//! document); a deadline on a holiday or weekend is marked and its effective due date (the
//! working day before, as offices treat it) shown beside it. Counting working days to the
//! written date and to the effective one gives the same number, as holidays add none.

use chrono::NaiveDate;

use super::calendar::Calendar;
use super::model::{Requirement, Status};
use crate::i18n::Lang;

/// The count setting: `--count`, `DUBAN_COUNT`, the dashboard key, remembered in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Count {
    #[default]
    Days,
    Workdays,
}

impl Count {
    pub fn as_str(self) -> &'static str {
        match self {
            Count::Days => "days",
            Count::Workdays => "workdays",
        }
    }

    pub fn parse(s: &str) -> Option<Count> {
        match s.trim().to_ascii_lowercase().as_str() {
            "days" | "day" => Some(Count::Days),
            "workdays" | "workday" => Some(Count::Workdays),
            _ => None,
        }
    }

    /// The other one: what the dashboard key switches to.
    #[must_use]
    pub fn toggled(self) -> Count {
        match self {
            Count::Days => Count::Workdays,
            Count::Workdays => Count::Days,
        }
    }

    /// `自然日` / `工作日`, for the status line after switching.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Count::Days => lang.pick("按自然日计", "counting natural days"),
            Count::Workdays => lang.pick("按工作日计", "counting working days"),
        }
    }
}

/// The chosen count with the calendar it counts on.
#[derive(Debug, Clone, Copy)]
pub struct Counting<'a> {
    pub count: Count,
    pub cal: &'a Calendar,
}

impl Counting<'static> {
    /// Natural days: today's behaviour, for callers that have no setting.
    pub fn days() -> Self {
        Counting {
            count: Count::Days,
            cal: Calendar::active(),
        }
    }
}

impl<'a> Counting<'a> {
    pub fn new(count: Count, cal: &'a Calendar) -> Self {
        Counting { count, cal }
    }

    pub fn workdays(self) -> bool {
        self.count == Count::Workdays
    }

    /// Days (natural or working) in `(from, to]`, negative when `to` is before `from`.
    pub fn between(self, from: NaiveDate, to: NaiveDate) -> i64 {
        match self.count {
            Count::Days => (to - from).num_days(),
            Count::Workdays => self.cal.working_days_between(from, to),
        }
    }

    /// The calendar's warning when this count depends on a year without holiday data; natural
    /// days depend on no calendar.
    pub fn warning(self, from: NaiveDate, to: NaiveDate, lang: Lang) -> Option<String> {
        self.workdays()
            .then(|| self.cal.warning(from, to, lang))
            .flatten()
    }

    /// The calendar's warning as a footer line (`注意：2027年节假日安排未录入…\n`) when the
    /// countdowns of `reqs` depend on a year without holiday data; empty otherwise.
    pub fn footer<'r>(
        self,
        today: NaiveDate,
        reqs: impl IntoIterator<Item = &'r Requirement>,
        lang: Lang,
    ) -> String {
        let last = reqs
            .into_iter()
            .filter(|r| r.status != Status::Done)
            .filter_map(|r| r.due(today))
            .max();
        match last.and_then(|last| self.warning(today, last, lang)) {
            Some(w) => format!("\n{}{w}\n", lang.pick("注意：", "note: ")),
            None => String::new(),
        }
    }

    /// A count as `剩12天` / `剩3个工作日` / `逾期2个工作日`. `overdue` tells a deadline
    /// already passed from one due today when no working day lies between (a deadline on a
    /// Saturday, read on the Sunday).
    pub fn left_text(self, left: i64, overdue: bool, lang: Lang) -> String {
        if !self.workdays() {
            return lang.days(left);
        }
        match (lang, left) {
            (Lang::Zh, 0) if overdue => "已逾期".into(),
            (Lang::En, 0) if overdue => "overdue".into(),
            (Lang::Zh, d) if d < 0 => format!("逾期{}个工作日", -d),
            (Lang::En, d) if d < 0 => format!("{} workdays overdue", -d),
            (Lang::Zh, d) => format!("剩{d}个工作日"),
            (Lang::En, 1) => "1 workday left".into(),
            (Lang::En, d) => format!("{d} workdays left"),
        }
    }

    /// The holiday mark for a due date on a day off: the effective due date (the working day
    /// before). `None` on a working day, when the calendar reaches no earlier working day, or
    /// when counting natural days (which keep today's output exactly).
    pub fn off_day(self, due: NaiveDate) -> Option<NaiveDate> {
        if !self.workdays() {
            return None;
        }
        let effective = self.cal.effective_due(due)?;
        (effective != due).then_some(effective)
    }
}

/// `节假日` / `holiday`: the mark beside a countdown whose due date is a day off.
pub fn off_day_mark(lang: Lang) -> &'static str {
    lang.pick("节假日", "holiday")
}

/// `countdown` with `节假日` added when `r` is due on a day off (working-day counting only).
pub fn marked(
    countdown: String,
    r: &Requirement,
    today: NaiveDate,
    by: Counting<'_>,
    lang: Lang,
) -> String {
    match effective_if_off(r, today, by) {
        Some(_) if !countdown.is_empty() => format!("{countdown} {}", off_day_mark(lang)),
        _ => countdown,
    }
}

/// `节假日，实际2024-09-30前` / `holiday; due 2024-09-30`: a deadline on a day off and its
/// effective date.
pub fn off_day_text(effective: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("节假日，实际{}前", effective.format("%Y-%m-%d")),
        Lang::En => format!("holiday; effectively {}", effective.format("%Y-%m-%d")),
    }
}

/// A dated, open requirement due on a holiday or weekend: its effective due date.
pub fn effective_if_off(r: &Requirement, today: NaiveDate, by: Counting<'_>) -> Option<NaiveDate> {
    if r.status == Status::Done
        || r.deadline_kind() != super::DeadlineKind::Date
        || r.plan_ended(today)
    {
        return None;
    }
    by.off_day(r.due(today)?)
}

impl Requirement {
    /// Days left by `by` (negative when past); `None` without a due date.
    pub fn left(&self, today: NaiveDate, by: Counting<'_>) -> Option<i64> {
        self.due(today).map(|d| by.between(today, d))
    }

    /// Not done and due within `n` days by `by` (today included, overdue excluded).
    pub fn is_due_within_by(&self, today: NaiveDate, n: i64, by: Counting<'_>) -> bool {
        self.status != Status::Done
            && !self.is_overdue(today)
            && self.left(today, by).is_some_and(|d| (0..=n).contains(&d))
    }

    /// [`Requirement::days_late`] by `by`: to the period's end once the plan is over.
    pub fn days_late_by(&self, today: NaiveDate, by: Counting<'_>) -> Option<i64> {
        if !by.workdays() {
            return self.days_late(today);
        }
        if !self.is_overdue(today) {
            return None;
        }
        let due = self.due(today)?;
        let until = match (self.late_at_end(today), self.period_end) {
            (Some(_), Some(end)) => end,
            _ => today,
        };
        Some(by.between(due, until))
    }

    /// The countdown by `by`, or `None` without a due date: overdue ones count late days.
    pub fn left_text(&self, today: NaiveDate, by: Counting<'_>, lang: Lang) -> Option<String> {
        let overdue = self.is_overdue(today);
        let left = if overdue {
            -self.days_late_by(today, by)?
        } else {
            self.left(today, by)?
        };
        Some(by.left_text(left, overdue, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn req(text: &str) -> Requirement {
        Requirement::new(
            crate::plan::ReqId::new(1, 1, 1),
            "报送材料".into(),
            "市政府办公室".into(),
            text.into(),
            2024,
        )
    }

    #[test]
    fn national_day_2024_counts_two_working_days() {
        let r = req("2024年10月8日前");
        let today = date(2024, 9, 29);
        let work = Counting::new(Count::Workdays, Calendar::builtin());
        assert_eq!(r.left(today, Counting::days()), Some(9));
        assert_eq!(r.left(today, work), Some(2));
        assert!(r.is_due_within_by(today, 7, work));
        assert!(!r.is_due_within_by(today, 7, Counting::days()));
        assert_eq!(
            r.left_text(today, work, Lang::Zh).as_deref(),
            Some("剩2个工作日")
        );
        assert_eq!(
            r.left_text(today, work, Lang::En).as_deref(),
            Some("2 workdays left")
        );
        assert_eq!(
            r.left_text(today, Counting::days(), Lang::Zh).as_deref(),
            Some("剩9天")
        );
    }

    #[test]
    fn overdue_in_working_days_and_over_a_weekend() {
        let work = Counting::new(Count::Workdays, Calendar::builtin());
        // Due Friday 2024-09-20; the Tuesday after is 2 working days late.
        let r = req("2024年9月20日前");
        assert_eq!(
            r.left_text(date(2024, 9, 24), work, Lang::Zh).as_deref(),
            Some("逾期2个工作日")
        );
        // Due Saturday 2024-09-21, read on the Sunday: late, though no working day passed.
        let sat = req("2024年9月21日前");
        assert_eq!(
            sat.left_text(date(2024, 9, 22), work, Lang::Zh).as_deref(),
            Some("已逾期")
        );
        assert_eq!(work.off_day(date(2024, 9, 21)), Some(date(2024, 9, 20)));
        assert_eq!(work.off_day(date(2024, 9, 20)), None);
        // 国庆: due 10/3 is effectively 9/30 (9/29 was a 调休 working day, 9/30 a Monday).
        assert_eq!(work.off_day(date(2024, 10, 3)), Some(date(2024, 9, 30)));
    }

    #[test]
    fn uncovered_years_warn_only_when_counting_working_days() {
        let work = Counting::new(Count::Workdays, Calendar::builtin());
        let (from, to) = (date(2026, 12, 20), date(2027, 1, 10));
        assert!(
            work.warning(from, to, Lang::Zh)
                .is_some_and(|w| w.contains("2027年"))
        );
        assert_eq!(Counting::days().warning(from, to, Lang::Zh), None);
    }

    #[test]
    fn parse_and_toggle() {
        assert_eq!(Count::parse("Workdays"), Some(Count::Workdays));
        assert_eq!(Count::parse("days"), Some(Count::Days));
        assert_eq!(Count::parse("weeks"), None);
        assert_eq!(Count::Days.toggled(), Count::Workdays);
        assert_eq!(Count::Workdays.toggled().as_str(), "days");
    }
}
