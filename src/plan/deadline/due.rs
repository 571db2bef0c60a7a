//! When a parsed deadline falls due, for a given `today`.
//!
//! Recurring duties fall due once per calendar period (month, quarter, half-year, year), on
//! the period's last day or on the [`DayOfPeriod`] the text names (每月10日 → the 10th).

use chrono::{Datelike, Months, NaiveDate};

use super::{DayOfPeriod, Deadline, DeadlineKind};

/// The last day of a month; `None` for an invalid month or year.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

impl DeadlineKind {
    /// For recurring kinds, the last day of the period containing `today`; `None` otherwise.
    pub fn period_end(self, today: NaiveDate) -> Option<NaiveDate> {
        let len = self.period_months()?;
        occurrence(len, None, period_start(len, today))
    }

    /// How many months one period of a recurring kind spans.
    fn period_months(self) -> Option<i64> {
        match self {
            DeadlineKind::Monthly => Some(1),
            DeadlineKind::Quarterly => Some(3),
            DeadlineKind::Semiannual => Some(6),
            DeadlineKind::Yearly => Some(12),
            DeadlineKind::Date
            | DeadlineKind::Ongoing
            | DeadlineKind::None
            | DeadlineKind::Relative
            | DeadlineKind::Unparsed => None,
        }
    }
}

/// Months counted from year 0, so periods are plain integer ranges.
fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

/// The month index a period of `len` months containing `d` starts with.
fn period_start(len: i64, d: NaiveDate) -> i64 {
    let m = month_index(d);
    m - m.rem_euclid(len)
}

/// The day a duty of period length `len` falls due in the period starting at month index
/// `start`: `anchor`'s day, or the period's last day.
fn occurrence(len: i64, anchor: Option<DayOfPeriod>, start: i64) -> Option<NaiveDate> {
    let offset = anchor.map_or(len, |a| i64::from(a.month).clamp(1, len)) - 1;
    let m = start.checked_add(offset)?;
    let year = i32::try_from(m.div_euclid(12)).ok()?;
    let month = u32::try_from(m.rem_euclid(12)).ok()? + 1;
    let last = month_end(year, month)?;
    match anchor.and_then(|a| a.day) {
        Some(day) if day < last.day() => NaiveDate::from_ymd_opt(year, month, day.max(1)),
        _ => Some(last),
    }
}

impl Deadline {
    /// When the deadline falls due, seen from `today`:
    /// - dated: the next milestone on or after today that is not a range's start, else the last;
    /// - recurring: the next day it falls due on or after today, in this period or the next
    ///   (每月10日 on the 15th: the 10th of next month; without a day, the period's end);
    /// - ongoing, none, relative, unparsed: `None`.
    ///
    /// For recurring duties that must stop with the plan, use [`Deadline::due_within`].
    pub fn due(&self, today: NaiveDate) -> Option<NaiveDate> {
        match self.kind {
            DeadlineKind::Date => self.dated_due(today),
            kind => {
                let len = kind.period_months()?;
                let start = period_start(len, today);
                let this = self.occurs(len, start)?;
                if this >= today {
                    Some(this)
                } else {
                    self.occurs(len, start.checked_add(len)?)
                }
            }
        }
    }

    /// As [`Deadline::due`], for a plan whose period ends on `period_end`: a recurring duty
    /// never falls due after it. Once its last occurrence has passed, that occurrence (before
    /// today) is returned, so the end reads as a fact ("the last report was due on 12-10")
    /// rather than as a duty running on. Dated deadlines are kept as written, even past it.
    pub fn due_within(&self, today: NaiveDate, period_end: NaiveDate) -> Option<NaiveDate> {
        let due = self.due(today)?;
        let Some(len) = self.kind.period_months().filter(|_| due > period_end) else {
            return Some(due);
        };
        let start = period_start(len, period_end);
        self.occurs(len, start)
            .filter(|d| *d <= period_end)
            .or_else(|| self.occurs(len, start.checked_sub(len)?))
    }

    /// The day the duty falls due in the calendar period containing `today`, even when that
    /// day has passed (每月10日 on the 15th: the 10th of this month): the due date of this
    /// period's report. Dated deadlines as [`Deadline::due`].
    pub fn period_due(&self, today: NaiveDate) -> Option<NaiveDate> {
        match self.kind.period_months() {
            Some(len) => self.occurs(len, period_start(len, today)),
            None => self.due(today),
        }
    }

    /// The day it falls due in the period of `len` months starting at month index `start`:
    /// from the working-day table for 每月前N个工作日内, else by the day of the period.
    fn occurs(&self, len: i64, start: i64) -> Option<NaiveDate> {
        if len == 1 && !self.month_days.is_empty() {
            return self
                .month_days
                .iter()
                .copied()
                .find(|d| month_index(*d) == start);
        }
        occurrence(len, self.day_of_period, start)
    }

    /// `due - today` in days (negative when past).
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.due(today).map(|d| (d - today).num_days())
    }

    fn dated_due(&self, today: NaiveDate) -> Option<NaiveDate> {
        // min/max rather than first/last: the fields are public and may not be sorted.
        let deadlines = || {
            self.milestones
                .iter()
                .copied()
                .filter(|d| !self.range_starts.contains(d))
        };
        deadlines()
            .filter(|d| *d >= today)
            .min()
            .or_else(|| deadlines().max())
            // Only range starts (hand-built): fall back to every milestone.
            .or_else(|| {
                self.milestones
                    .iter()
                    .copied()
                    .filter(|d| *d >= today)
                    .min()
            })
            .or_else(|| self.milestones.iter().copied().max())
    }
}
