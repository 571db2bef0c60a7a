//! Working-day arithmetic. Counting is closed-form over Monday–Friday, corrected by the
//! notices' days inside the range, so it costs the same for 5 days as for 5 million and
//! reaches chrono's limits without looping; adding is a binary search over that count.

use chrono::{Datelike, Months, NaiveDate};

use super::{Calendar, Special, is_weekend};

/// A date as a day number (0001-01-01 = 1, a Monday).
fn num(day: NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce())
}

fn date(n: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?)
}

/// Mondays to Fridays up to and including day `n`, relative to a fixed origin: only
/// differences are meaningful.
fn weekdays_through(n: i64) -> i64 {
    // Day 1 is a Monday, so `n - 1` counts days from a Monday.
    let k = n - 1;
    let (weeks, rest) = (k.div_euclid(7), k.rem_euclid(7));
    weeks * 5 + (rest + 1).min(5)
}

/// Binary search for where a monotone `pred` turns true: given `pred(lo)` false and
/// `pred(hi)` true, the adjacent pair `(last false, first true)`.
fn boundary(mut lo: i64, mut hi: i64, pred: impl Fn(i64) -> Option<bool>) -> Option<(i64, i64)> {
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if pred(mid)? {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some((lo, hi))
}

impl Calendar {
    /// Working days in `(from, to]`, negative when `to` is before `from`: 0 when due today,
    /// 2 from Sunday 2024-09-29 (a working day) to 2024-10-08 (9/30 and 10/8).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        let plain = weekdays_through(num(to)) - weekdays_through(num(from));
        let adjust: i64 = self
            .days
            .range(from..=to)
            .filter(|(day, _)| **day != from)
            .map(|(day, special)| match special {
                Special::Off(_) if !is_weekend(*day) => -1,
                Special::On if is_weekend(*day) => 1,
                _ => 0,
            })
            .sum();
        plain + adjust
    }

    /// How many days surely hold `n` working days: every 7 days hold 5 weekdays, of which
    /// the notices take at most `weekday_holidays`.
    fn search_span(&self, n: i64) -> i64 {
        (n + self.weekday_holidays) * 2 + 14
    }

    /// The `n`th working day after `start` — "N个工作日内" counted as the 条例 does, from
    /// the day after `start`. `n = 0` is `start` itself; `None` past chrono's range.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return Some(start);
        }
        let n = i64::from(n);
        let s = num(start);
        let hi = (s + self.search_span(n)).min(num(NaiveDate::MAX));
        // Not enough days left: count(s) < n and count(hi) < n.
        let reached = |x: i64| Some(self.working_days_between(start, date(x)?) >= n);
        if !reached(hi)? {
            return None;
        }
        date(boundary(s, hi, reached)?.1)
    }

    /// The `n`th working day before `end` (`n = 0` is `end`); `None` before chrono's range.
    pub fn sub_working_days(&self, end: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return Some(end);
        }
        let n = i64::from(n);
        let e = num(end);
        let lo = (e - self.search_span(n)).max(num(NaiveDate::MIN));
        // Working days in [x, end): (x, end] without `end`, with `x`; fewer as x grows.
        let shift = i64::from(self.is_working_day(end));
        let short = |x: i64| {
            let day = date(x)?;
            let count =
                self.working_days_between(day, end) - shift + i64::from(self.is_working_day(day));
            Some(count < n)
        };
        if short(lo)? {
            return None;
        }
        date(boundary(lo, e, short)?.0)
    }

    /// The first working day after `day`.
    pub fn next_working_day(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.add_working_days(day, 1)
    }

    /// The last working day before `day`.
    pub fn previous_working_day(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.sub_working_days(day, 1)
    }

    /// The `n`th working day of a month ("每月前5个工作日内" → the 5th); `None` when the
    /// month has fewer, `n` is 0, or the month is invalid.
    pub fn nth_working_day_of_month(&self, year: i32, month: u32, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return None;
        }
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let day = match first.pred_opt() {
            Some(before) => self.add_working_days(before, n)?,
            None if self.is_working_day(first) => self.add_working_days(first, n - 1)?,
            None => self.add_working_days(first, n)?,
        };
        (day.year() == year && day.month() == month).then_some(day)
    }

    /// The day an office treats as the deadline: `due` itself on a working day, else the
    /// working day before it (a deadline on 国庆 is due the last day before the break).
    pub fn effective_due(&self, due: NaiveDate) -> Option<NaiveDate> {
        if self.is_working_day(due) {
            Some(due)
        } else {
            self.previous_working_day(due)
        }
    }

    /// Working days in the month of `day`, e.g. for a month's summary.
    pub fn working_days_in_month(&self, year: i32, month: u32) -> Option<i64> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
        let before = first.pred_opt()?;
        Some(self.working_days_between(before, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_one_is_a_monday_and_weekdays_count_five_a_week() {
        let one = NaiveDate::from_ymd_opt(1, 1, 1).expect("date");
        assert_eq!(num(one), 1);
        assert_eq!(one.weekday(), chrono::Weekday::Mon);
        for start in -30..30 {
            assert_eq!(weekdays_through(start + 7) - weekdays_through(start), 5);
        }
    }
}
