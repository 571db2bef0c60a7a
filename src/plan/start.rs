//! The start date (交办日) and the deadlines counted from it. "5个工作日内" counts working days
//! from the day after the start, as the 政府信息公开条例 counts; "15日内" natural days; months
//! and years by the calendar month; "节后3个工作日内" from the end of the first holiday break
//! on or after the start. Until a start is known such a deadline stays unconfirmed (待定).
//!
//! Dates that would rely on a year the holiday calendar does not cover are not guessed: the
//! deadline stays unconfirmed and the year is kept to say why.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime};

use super::calendar::Calendar;
use super::deadline::{DeadlineKind, RelativeUnit};
use super::model::{Change, ChangeKind, Plan, Requirement};

/// A relative deadline dated from the start date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StartDue {
    /// The due date, once a start is known and the calendar covers the count.
    pub due: Option<NaiveDate>,
    /// A year the count would need but the calendar does not cover.
    pub gap: Option<i32>,
}

impl Requirement {
    /// Set the start date (`Some`) or clear it (`None`), recording the change in the history
    /// and dating a relative deadline from it by `cal`. False, recording nothing, when
    /// unchanged.
    pub fn set_start(&mut self, to: Option<NaiveDate>, now: NaiveDateTime, cal: &Calendar) -> bool {
        let from = self.start;
        if from == to {
            return false;
        }
        self.start = to;
        self.resolve_start(cal);
        self.history
            .push(Change::new(now, ChangeKind::Start { from, to }));
        true
    }

    /// Recompute the derived [`StartDue`] from `start` and the deadline.
    pub fn resolve_start(&mut self, cal: &Calendar) {
        self.start_due = match (self.start, self.deadline.relative) {
            (Some(start), Some(rel)) if self.deadline.kind == DeadlineKind::Relative => {
                count_from(start, rel.count, rel.unit, self.deadline.after_holiday, cal)
            }
            _ => StartDue::default(),
        };
    }

    /// The kind as read, for display: `Date` once the start date dates a relative deadline,
    /// else what the text says (a date set by hand is shown beside it, not instead).
    pub fn read_kind(&self) -> DeadlineKind {
        if self.start_due.due.is_some() {
            DeadlineKind::Date
        } else {
            self.deadline.kind
        }
    }

    /// A year without holiday data that keeps this requirement's deadline undated, if any.
    pub fn calendar_gap(&self) -> Option<i32> {
        self.deadline.calendar_gap.or(self.start_due.gap)
    }
}

impl Plan {
    /// Give every requirement the start date `start`: the plan's 交办日, from the document
    /// or `import --start` (which wins over the document's). Part of the import, not a change
    /// anyone made, so not in the history; `import --merge` keeps the dates set before.
    pub fn give_start(&mut self, start: NaiveDate) {
        self.start_where(start, |_| true);
    }

    /// Give `start` to the requirements without a start date (the document's 印发日期 beside
    /// a 交办日期 column).
    pub fn fill_start(&mut self, start: NaiveDate) {
        self.start_where(start, |r| r.start.is_none());
    }

    fn start_where(&mut self, start: NaiveDate, pick: impl Fn(&Requirement) -> bool) {
        let cal = Calendar::builtin();
        for r in self.requirements_mut().filter(|r| pick(r)) {
            r.start = Some(start);
            r.resolve_start(cal);
        }
    }
}

/// `count` `unit`s from `start`; with `after_holiday`, from the end of the first break on or
/// after `start` (节后N个工作日内).
fn count_from(
    start: NaiveDate,
    count: u32,
    unit: RelativeUnit,
    after_holiday: bool,
    cal: &Calendar,
) -> StartDue {
    let gap = |year: i32| StartDue {
        due: None,
        gap: Some(year),
    };
    let from = if after_holiday {
        if !cal.covers(start.year()) {
            return gap(start.year());
        }
        match cal.holiday_at_or_after(start) {
            Some(h) => h.last,
            None => return gap(start.year().saturating_add(1)),
        }
    } else {
        start
    };
    let due = match unit {
        RelativeUnit::WorkingDays => {
            let Some(due) = cal.add_working_days(from, count) else {
                return StartDue::default();
            };
            if let Some(&(year, _)) = cal.uncovered(from, due).first() {
                return gap(year);
            }
            Some(due)
        }
        RelativeUnit::Days => from.checked_add_days(Days::new(count.into())),
        // 24小时内 from a day: the end of the day the hours run out.
        RelativeUnit::Hours => from.checked_add_days(Days::new(count.div_ceil(24).into())),
        RelativeUnit::Months => from.checked_add_months(Months::new(count)),
        RelativeUnit::Years => count
            .checked_mul(12)
            .and_then(|m| from.checked_add_months(Months::new(m))),
    };
    StartDue { due, gap: None }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::ReqId;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn now() -> NaiveDateTime {
        date(2024, 9, 27).and_hms_opt(9, 0, 0).expect("valid time")
    }

    fn req(deadline: &str, year: i32) -> Requirement {
        Requirement::new(
            ReqId::new(1, 1, 1),
            "要求".into(),
            String::new(),
            deadline.into(),
            year,
        )
    }

    #[test]
    fn working_days_count_from_the_day_after_the_start_across_national_day() {
        let cal = Calendar::builtin();
        let mut r = req("收到后5个工作日内报送", 2024);
        assert!(r.is_unconfirmed());
        assert_eq!(r.due(date(2024, 9, 27)), None);
        // Friday 09-27: 09-29 (a Sunday made a working day), 09-30, then the break, 10-08,
        // 10-09, 10-10.
        assert!(r.set_start(Some(date(2024, 9, 27)), now(), cal));
        assert!(
            !r.set_start(Some(date(2024, 9, 27)), now(), cal),
            "unchanged"
        );
        assert_eq!(r.due(date(2024, 9, 28)), Some(date(2024, 10, 10)));
        assert!(!r.is_unconfirmed());
        assert_eq!(r.deadline_kind(), DeadlineKind::Date);
        assert!(r.is_overdue(date(2024, 10, 11)));
        assert!(matches!(
            r.history.last().map(|c| &c.what),
            Some(ChangeKind::Start {
                from: None,
                to: Some(_)
            })
        ));
        assert!(r.set_start(None, now(), cal));
        assert!(r.is_unconfirmed());
        assert_eq!(r.due(date(2024, 9, 28)), None);
    }

    #[test]
    fn natural_days_months_and_years() {
        let cal = Calendar::builtin();
        for (text, want) in [
            ("15日内", date(2024, 10, 12)),
            ("10天内", date(2024, 10, 7)),
            ("两个月内", date(2024, 11, 27)),
            ("三年内", date(2027, 9, 27)),
            ("24小时内", date(2024, 9, 28)),
        ] {
            let mut r = req(text, 2024);
            r.set_start(Some(date(2024, 9, 27)), now(), cal);
            assert_eq!(r.due(date(2024, 9, 27)), Some(want), "{text}");
        }
    }

    #[test]
    fn after_the_next_holiday_counts_from_the_end_of_the_break() {
        let cal = Calendar::builtin();
        let mut r = req("节后3个工作日内", 2024);
        assert!(r.is_unconfirmed(), "which holiday depends on the start");
        r.set_start(Some(date(2024, 9, 20)), now(), cal);
        // The first break on or after 09-20 is 国庆 (10-01..10-07): 10-08, 10-09, 10-10.
        assert_eq!(r.due(date(2024, 9, 20)), Some(date(2024, 10, 10)));
    }

    #[test]
    fn a_count_into_a_year_without_data_stays_unconfirmed_with_its_year() {
        let cal = Calendar::builtin();
        let mut r = req("20个工作日内", 2026);
        r.set_start(Some(date(2026, 12, 20)), now(), cal);
        assert_eq!(r.due(date(2026, 12, 20)), None);
        assert!(r.is_unconfirmed());
        assert_eq!(r.calendar_gap(), Some(2027));
        // Natural days need no calendar.
        let mut days = req("20日内", 2026);
        days.set_start(Some(date(2026, 12, 20)), now(), cal);
        assert_eq!(days.due(date(2026, 12, 20)), Some(date(2027, 1, 9)));
    }

    #[test]
    fn the_start_is_stored_only_when_set_and_dates_again_on_load() {
        let cal = Calendar::builtin();
        let mut r = req("收到后5个工作日内报送", 2024);
        let plain = serde_json::to_value(&r).expect("serialises");
        assert!(plain.get("start").is_none(), "skipped when none");
        r.set_start(Some(date(2024, 9, 27)), now(), cal);
        let json = serde_json::to_string(&r).expect("serialises");
        let mut back: Requirement = serde_json::from_str(&json).expect("loads");
        assert_eq!(back.start, Some(date(2024, 9, 27)));
        assert_eq!(
            back.due(date(2024, 9, 27)),
            None,
            "derived fields are not stored"
        );
        back.derive(2024);
        assert_eq!(back.due(date(2024, 9, 27)), Some(date(2024, 10, 10)));
        // A state file written before start dates existed.
        let old: Requirement = serde_json::from_value(plain).expect("old files load");
        assert_eq!(old.start, None);
    }

    #[test]
    fn a_dated_deadline_ignores_the_start() {
        let cal = Calendar::builtin();
        let mut r = req("2024年10月31日前", 2024);
        r.set_start(Some(date(2024, 9, 27)), now(), cal);
        assert_eq!(r.due(date(2024, 9, 27)), Some(date(2024, 10, 31)));
        assert_eq!(r.start, Some(date(2024, 9, 27)));
    }
}
