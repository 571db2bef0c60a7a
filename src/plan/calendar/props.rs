//! Property tests: the arithmetic against a day-by-day walk, and no panics anywhere in
//! chrono's range.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use super::Calendar;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn cal() -> &'static Calendar {
    Calendar::builtin()
}

#[test]
fn no_panics_at_the_ends_of_time() {
    let (min, max) = (NaiveDate::MIN, NaiveDate::MAX);
    assert_eq!(cal().add_working_days(max, 1), None);
    assert_eq!(cal().sub_working_days(min, 1), None);
    assert_eq!(cal().add_working_days(min, u32::MAX), None);
    assert_eq!(cal().sub_working_days(max, u32::MAX), None);
    assert!(cal().working_days_between(min, max) > 0);
    assert!(cal().next_working_day(min).is_some());
    assert!(cal().previous_working_day(max).is_some());
    let _ = cal().effective_due(min);
    let _ = cal().nth_working_day_of_month(min.year(), 1, 1);
    let _ = cal().nth_working_day_of_month(max.year(), 12, 31);
    for year in [0, 1, 9999] {
        assert!(
            cal().nth_working_day_of_month(year, 1, 1).is_some(),
            "{year}"
        );
        assert!(!cal().uncovered(d(year, 1, 1), d(year, 12, 31)).is_empty());
    }
    assert!(!cal().uncovered(min, max).is_empty());
}

/// The reference: walk day by day.
fn naive_add(cal: &Calendar, start: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut day = start;
    let mut left = n;
    while left > 0 {
        day = day.succ_opt()?;
        if cal.is_working_day(day) {
            left -= 1;
        }
    }
    Some(day)
}

fn naive_between(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> i64 {
    let (lo, hi, sign) = if from <= to {
        (from, to, 1)
    } else {
        (to, from, -1)
    };
    let n = lo
        .iter_days()
        .skip(1)
        .take_while(|day| *day <= hi)
        .filter(|day| cal.is_working_day(*day))
        .count();
    i64::try_from(n).expect("small") * sign
}

fn day_in(lo: i32, hi: i32) -> impl Strategy<Value = NaiveDate> {
    let (a, b) = (
        d(lo, 1, 1).num_days_from_ce(),
        d(hi, 12, 31).num_days_from_ce(),
    );
    (a..=b).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).expect("in range"))
}

proptest! {
    #[test]
    fn add_matches_the_day_by_day_walk(start in day_in(2017, 2028), n in 0u32..400) {
        prop_assert_eq!(cal().add_working_days(start, n), naive_add(cal(), start, n));
    }

    #[test]
    fn between_matches_the_day_by_day_walk(a in day_in(2017, 2028), b in day_in(2017, 2028)) {
        prop_assert_eq!(cal().working_days_between(a, b), naive_between(cal(), a, b));
    }

    #[test]
    fn sub_undoes_add_on_working_days(start in day_in(2018, 2027), n in 1u32..300) {
        let end = cal().add_working_days(start, n).expect("in range");
        let back = cal().sub_working_days(end, n).expect("in range");
        // The nth working day before `end` is `start` when `start` works, else the working
        // day before it.
        let want = if cal().is_working_day(start) { Some(start) } else { cal().previous_working_day(start) };
        prop_assert_eq!(Some(back), want);
        prop_assert_eq!(cal().working_days_between(start, end), i64::from(n));
    }

    #[test]
    fn nth_of_month_and_effective_due_match_the_walk(day in day_in(2018, 2027), n in 1u32..25) {
        let (y, m) = (day.year(), day.month());
        let first = d(y, m, 1);
        let want = first
            .iter_days()
            .take_while(|x| x.month() == m)
            .filter(|x| cal().is_working_day(*x))
            .nth(n as usize - 1);
        prop_assert_eq!(cal().nth_working_day_of_month(y, m, n), want);
        let eff = cal().effective_due(day).expect("in range");
        prop_assert!(cal().is_working_day(eff) && eff <= day);
        prop_assert!(eff.iter_days().skip(1).take_while(|x| *x <= day).all(|x| !cal().is_working_day(x)));
    }

    #[test]
    fn arbitrary_dates_never_panic(a in any::<i32>(), n in any::<u32>()) {
        if let Some(day) = NaiveDate::from_num_days_from_ce_opt(a) {
            let _ = cal().add_working_days(day, n);
            let _ = cal().sub_working_days(day, n);
            let _ = cal().working_days_between(day, NaiveDate::MAX);
            let _ = cal().effective_due(day);
            let _ = cal().uncovered(day, NaiveDate::MIN);
        }
    }
}
