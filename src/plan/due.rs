//! The effective deadline: the one answer every countdown, overdue check, agenda row,
//! escalation colour and export asks for. A date set by hand (`duban due`, the dashboard's
//! deadline key) wins over what the text says, and an extension (延期, see
//! [`super::lifecycle::extension`]) over both; recurring duties stop at the end of the plan's
//! period; the deadline text stays as written beside either.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::deadline::DeadlineKind;
use super::model::{Change, ChangeKind, Requirement, Status};

impl Requirement {
    /// The kind countdowns go by: `Date` for a date set by hand or a relative deadline dated
    /// from the start date, else what the text says.
    pub fn deadline_kind(&self) -> DeadlineKind {
        if self.due_set.is_some() || self.start_due.due.is_some() || !self.extensions.is_empty() {
            DeadlineKind::Date
        } else {
            self.deadline.kind
        }
    }

    /// The due date at `today`: the latest extension, else the date set by hand, else a relative deadline counted from
    /// the start date, else the text's next milestone (or this period's end for recurring
    /// duties, never past the plan's end).
    pub fn due(&self, today: NaiveDate) -> Option<NaiveDate> {
        if let Some(set) = self.extended_due().or(self.due_set).or(self.start_due.due) {
            return Some(set);
        }
        match self.period_end {
            Some(end) => self.deadline.due_within(today, end),
            None => self.deadline.due(today),
        }
    }

    /// `due - today` in days (negative when past); `None` without a due date.
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.due(today).map(|d| (d - today).num_days())
    }

    /// Not done, a dated deadline, and its due date already passed.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status != Status::Done
            && self.deadline_kind() == DeadlineKind::Date
            && self.due(today).is_some_and(|d| d < today)
    }

    /// Not done and due within `days` days from today (today included, overdue excluded).
    pub fn is_due_within(&self, today: NaiveDate, days: i64) -> bool {
        self.status != Status::Done
            && self
                .days_left(today)
                .is_some_and(|d| (0..=days).contains(&d))
    }

    /// Overdue: by how many days, counted to the period's end once the plan is over (so a
    /// plan read years later does not report years of lateness).
    pub fn days_late(&self, today: NaiveDate) -> Option<i64> {
        if !self.is_overdue(today) {
            return None;
        }
        self.late_at_end(today)
            .or_else(|| self.days_left(today).map(|d| -d))
    }

    /// The text names a time that cannot be dated yet (unreadable, or counted from an event)
    /// and nobody set a date by hand (nor a start date that dates it): shown as 待定, listed
    /// under 时限待确认, never as "no deadline".
    pub fn is_unconfirmed(&self) -> bool {
        self.due_set.is_none()
            && self.start_due.due.is_none()
            && self.extensions.is_empty()
            && matches!(
                self.deadline.kind,
                DeadlineKind::Unparsed | DeadlineKind::Relative
            )
    }

    /// Today is past the end of the plan's period.
    pub fn plan_ended(&self, today: NaiveDate) -> bool {
        self.period_end.is_some_and(|end| today > end)
    }

    /// Once the plan's period is over, a dated duty that fell within it and is not done:
    /// how many days late it was at the period's end (0 when due on the last day). Stated
    /// as a fact of the plan ("截至年底逾期92天"), not as a count still growing years on.
    pub fn late_at_end(&self, today: NaiveDate) -> Option<i64> {
        let end = self.period_end.filter(|_| self.plan_ended(today))?;
        if self.status == Status::Done || self.deadline_kind() != DeadlineKind::Date {
            return None;
        }
        let due = self.due(today).filter(|due| *due <= end)?;
        Some((end - due).num_days())
    }

    /// The plan's period ends on 31 December (the end countdowns are stated at is 年底).
    pub fn period_ends_with_year(&self) -> bool {
        self.period_end
            .is_some_and(|e| (e.month(), e.day()) == (12, 31))
    }

    /// Set the due date by hand (`Some`) or go back to what the text says (`None`),
    /// recording the change in the history. False, recording nothing, when unchanged.
    pub fn set_due(&mut self, to: Option<NaiveDate>, now: NaiveDateTime) -> bool {
        let from = self.due_set;
        if from == to {
            return false;
        }
        self.due_set = to;
        self.history
            .push(Change::new(now, ChangeKind::Due { from, to }));
        true
    }
}

/// Give requirement `id` of `plan` a deadline of `kind` read from `raw`, as the parser
/// would for such a text: for tests of kinds the parser does not produce on its own.
#[cfg(test)]
pub(crate) fn give_deadline(
    plan: &mut super::model::Plan,
    id: super::model::ReqId,
    kind: DeadlineKind,
    raw: &str,
) {
    let r = plan.get_mut(id).expect("requirement exists");
    r.deadline_raw = raw.into();
    r.deadline = super::deadline::Deadline {
        kind,
        raw: raw.into(),
        ..Default::default()
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Deadline, ReqId};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn req(deadline: &str) -> Requirement {
        Requirement::new(
            ReqId::new(1, 1, 1),
            "要求".into(),
            String::new(),
            deadline.into(),
            2021,
        )
    }

    #[test]
    fn a_date_set_by_hand_wins_everywhere() {
        let mut r = req("2021年9月底前");
        let today = date(2021, 10, 10);
        assert!(r.is_overdue(today));
        let now = date(2021, 10, 10).and_hms_opt(9, 0, 0).expect("valid time");
        assert!(r.set_due(Some(date(2021, 10, 15)), now));
        assert!(!r.set_due(Some(date(2021, 10, 15)), now), "unchanged");
        assert_eq!(r.due(today), Some(date(2021, 10, 15)));
        assert_eq!(r.days_left(today), Some(5));
        assert!(!r.is_overdue(today));
        assert!(r.is_due_within(today, 7));
        assert_eq!(r.deadline_raw, "2021年9月底前", "the text stays");
        assert!(matches!(
            r.history.last().map(|c| &c.what),
            Some(ChangeKind::Due {
                from: None,
                to: Some(_)
            })
        ));
        assert!(r.set_due(None, now));
        assert!(r.is_overdue(today));
        assert_eq!(r.history.len(), 2);
    }

    #[test]
    fn unparsed_and_relative_are_unconfirmed_until_set() {
        let mut r = req("");
        for kind in [DeadlineKind::Unparsed, DeadlineKind::Relative] {
            r.deadline = Deadline {
                kind,
                raw: "待省里通知后5个工作日内".into(),
                ..Default::default()
            };
            assert!(r.is_unconfirmed());
            assert_eq!(r.due(date(2021, 5, 1)), None);
        }
        let now = date(2021, 5, 1).and_hms_opt(9, 0, 0).expect("valid time");
        r.set_due(Some(date(2021, 6, 1)), now);
        assert!(!r.is_unconfirmed());
        assert_eq!(r.deadline_kind(), DeadlineKind::Date);
    }

    #[test]
    fn recurring_duties_stop_at_the_period_end() {
        let r = req("每月10日前报送");
        assert!(r.deadline.kind.is_recurring());
        assert_eq!(r.due(date(2021, 9, 20)), Some(date(2021, 10, 10)));
        // Years later the duty is not due next month: it ended with the plan, on its last
        // occurrence.
        assert_eq!(r.due(date(2026, 3, 5)), Some(date(2021, 12, 10)));
        let mut custom = r.clone();
        custom.period_end = Some(date(2021, 9, 15));
        assert_eq!(custom.due(date(2021, 9, 12)), Some(date(2021, 9, 10)));
    }

    #[test]
    fn late_at_end_states_the_fact_at_the_period_end() {
        let r = req("2021年9月30日前");
        assert_eq!(r.late_at_end(date(2021, 12, 31)), None, "not ended yet");
        assert_eq!(r.late_at_end(date(2026, 12, 3)), Some(92));
        let last_day = req("2021年12月31日前");
        assert_eq!(last_day.late_at_end(date(2022, 1, 1)), Some(0));
        let next_year = req("2022年3月底前");
        assert_eq!(next_year.late_at_end(date(2022, 1, 10)), None);
        let monthly = req("每月报送");
        assert_eq!(monthly.late_at_end(date(2026, 1, 1)), None);
        assert_eq!(r.days_late(date(2021, 10, 10)), Some(10));
        assert_eq!(
            r.days_late(date(2026, 12, 3)),
            Some(92),
            "counted to the year's end"
        );
        assert_eq!(last_day.days_late(date(2022, 1, 1)), Some(0));
        assert_eq!(next_year.days_late(date(2022, 1, 10)), None);
        assert!(r.period_ends_with_year());
    }
}
