//! How countdowns count: natural days (the default) or working days on the holiday
//! calendar. One [`Counting`] value travels with `today` into every countdown, due-window,
//! escalation and agenda-bucket question, so all views agree on the chosen count.
//!
//! Overdue is always judged by the date as written (nobody is late before the date in the
//! document); a deadline on a holiday or weekend is marked and its effective due date (the
//! working day before, as offices treat it) shown beside it. Counting working days to the
//! written date and to the effective one gives the same number, as holidays add none.
//!
//! [`tally`] counts requirements by status, overdue and due soon in the chosen count
//! ([`Counts`](tally::Counts), re-exported as `plan::Counts`).

pub mod tally;

use chrono::NaiveDate;

use super::calendar::Calendar;
use super::model::{Requirement, Status};

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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn a_day_off_is_due_the_working_day_before() {
        let work = Counting::new(Count::Workdays, Calendar::builtin());
        assert_eq!(work.off_day(date(2024, 9, 21)), Some(date(2024, 9, 20)));
        assert_eq!(work.off_day(date(2024, 9, 20)), None);
        // 国庆: due 10/3 is effectively 9/30 (9/29 was a 调休 working day, 9/30 a Monday).
        assert_eq!(work.off_day(date(2024, 10, 3)), Some(date(2024, 9, 30)));
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
