//! When parsed deadlines fall due.

use super::*;

use crate::plan::deadline::month_end;

// due / days_left.

#[test]
fn due_picks_next_milestone_else_last() {
    let d = Deadline {
        kind: DeadlineKind::Date,
        milestones: vec![ymd(2021, 9, 30), ymd(2021, 11, 30)],
        ..Deadline::default()
    };
    assert_eq!(d.due(ymd(2021, 9, 1)), Some(ymd(2021, 9, 30)));
    assert_eq!(d.due(ymd(2021, 9, 30)), Some(ymd(2021, 9, 30)));
    assert_eq!(d.due(ymd(2021, 10, 1)), Some(ymd(2021, 11, 30)));
    assert_eq!(d.days_left(ymd(2021, 10, 1)), Some(60));
    assert_eq!(d.due(ymd(2021, 12, 5)), Some(ymd(2021, 11, 30)));
    assert_eq!(d.days_left(ymd(2021, 12, 5)), Some(-5));
}

#[test]
fn due_of_empty_date_is_none() {
    let d = Deadline {
        kind: DeadlineKind::Date,
        ..Deadline::default()
    };
    assert_eq!(d.due(ymd(2021, 1, 1)), None);
}

#[test]
fn due_monthly_is_end_of_month() {
    let d = p("每月底前报送");
    assert_eq!(d.due(ymd(2021, 2, 10)), Some(ymd(2021, 2, 28)));
    assert_eq!(d.days_left(ymd(2021, 2, 10)), Some(18));
    assert_eq!(d.due(ymd(2024, 2, 29)), Some(ymd(2024, 2, 29)));
    assert_eq!(d.due(ymd(2021, 12, 31)), Some(ymd(2021, 12, 31)));
}

#[test]
fn due_quarterly_is_end_of_quarter() {
    let d = p("每季度报送");
    assert_eq!(d.due(ymd(2021, 8, 3)), Some(ymd(2021, 9, 30)));
    assert_eq!(d.due(ymd(2021, 1, 1)), Some(ymd(2021, 3, 31)));
    assert_eq!(d.due(ymd(2021, 4, 1)), Some(ymd(2021, 6, 30)));
    assert_eq!(d.due(ymd(2021, 12, 31)), Some(ymd(2021, 12, 31)));
}

#[test]
fn due_yearly_is_end_of_year_of_today() {
    let d = p("每年报送");
    assert_eq!(d.due(ymd(2023, 5, 6)), Some(ymd(2023, 12, 31)));
}

#[test]
fn ongoing_and_none_have_no_due() {
    assert_eq!(p("长期坚持").due(ymd(2021, 5, 1)), None);
    assert_eq!(p("长期坚持").days_left(ymd(2021, 5, 1)), None);
    assert_eq!(p("").due(ymd(2021, 5, 1)), None);
}

#[test]
fn month_end_helper() {
    assert_eq!(month_end(2021, 12), Some(ymd(2021, 12, 31)));
    assert_eq!(month_end(2021, 4), Some(ymd(2021, 4, 30)));
    assert_eq!(month_end(2021, 0), None);
    assert_eq!(month_end(2021, 13), None);
}

// Day-of-period recurrences: `due` is the next such day on or after today; `period_due` is
// this calendar period's, even when past.

#[test]
fn due_monthly_on_a_day_is_the_next_such_day() {
    let d = p("每月10日前报送");
    assert_eq!(d.due(ymd(2021, 9, 3)), Some(ymd(2021, 9, 10)));
    assert_eq!(d.due(ymd(2021, 9, 10)), Some(ymd(2021, 9, 10)));
    assert_eq!(d.due(ymd(2021, 9, 11)), Some(ymd(2021, 10, 10)));
    assert_eq!(d.due(ymd(2021, 12, 20)), Some(ymd(2022, 1, 10)));
    assert_eq!(d.period_due(ymd(2021, 9, 15)), Some(ymd(2021, 9, 10)));
    assert_eq!(d.days_left(ymd(2021, 9, 3)), Some(7));
}

#[test]
fn due_monthly_on_a_late_day_falls_on_short_month_ends() {
    let d = p("每月31日前");
    assert_eq!(d.due(ymd(2021, 2, 1)), Some(ymd(2021, 2, 28)));
    assert_eq!(d.due(ymd(2021, 3, 1)), Some(ymd(2021, 3, 31)));
}

#[test]
fn due_quarterly_in_the_first_month() {
    let d = p("每季度首月15日前报送上季度情况");
    assert_eq!(d.due(ymd(2021, 1, 2)), Some(ymd(2021, 1, 15)));
    assert_eq!(d.due(ymd(2021, 1, 16)), Some(ymd(2021, 4, 15)));
    assert_eq!(d.due(ymd(2021, 8, 3)), Some(ymd(2021, 10, 15)));
    assert_eq!(d.period_due(ymd(2021, 8, 3)), Some(ymd(2021, 7, 15)));
}

#[test]
fn due_quarter_end() {
    let d = p("每季度末");
    assert_eq!(d.due(ymd(2021, 8, 3)), Some(ymd(2021, 9, 30)));
}

#[test]
fn due_semiannual_is_june_or_december_end() {
    let d = p("每半年报送一次");
    assert_eq!(d.due(ymd(2021, 2, 1)), Some(ymd(2021, 6, 30)));
    assert_eq!(d.due(ymd(2021, 6, 30)), Some(ymd(2021, 6, 30)));
    assert_eq!(d.due(ymd(2021, 7, 1)), Some(ymd(2021, 12, 31)));
}

#[test]
fn due_yearly_in_march() {
    let d = p("每年3月底前报送上年度总结");
    assert_eq!(d.due(ymd(2021, 2, 1)), Some(ymd(2021, 3, 31)));
    assert_eq!(d.due(ymd(2021, 4, 1)), Some(ymd(2022, 3, 31)));
    assert_eq!(d.period_due(ymd(2021, 4, 1)), Some(ymd(2021, 3, 31)));
}

#[test]
fn due_within_stops_at_the_period_end() {
    let end = ymd(2021, 12, 31);
    let d = p("每月10日前报送");
    assert_eq!(d.due_within(ymd(2021, 9, 3), end), Some(ymd(2021, 9, 10)));
    // After the last 10th of the plan: that one, not January's.
    assert_eq!(
        d.due_within(ymd(2021, 12, 20), end),
        Some(ymd(2021, 12, 10))
    );
    assert_eq!(d.due_within(ymd(2024, 5, 1), end), Some(ymd(2021, 12, 10)));
    let d = p("每季度报送");
    assert_eq!(d.due_within(ymd(2021, 11, 1), end), Some(ymd(2021, 12, 31)));
    assert_eq!(d.due_within(ymd(2022, 2, 1), end), Some(ymd(2021, 12, 31)));
    // A plan period ending mid-quarter: the last quarter end inside it.
    assert_eq!(
        d.due_within(ymd(2021, 11, 1), ymd(2021, 11, 15)),
        Some(ymd(2021, 9, 30))
    );
}

#[test]
fn due_within_keeps_dated_deadlines_as_written() {
    let d = p("2022年3月底前");
    assert_eq!(
        d.due_within(ymd(2021, 5, 1), ymd(2021, 12, 31)),
        Some(ymd(2022, 3, 31))
    );
}

#[test]
fn due_of_a_range_is_its_end() {
    let d = p("2021年9月1日至11月30日");
    assert_eq!(d.due(ymd(2021, 8, 1)), Some(ymd(2021, 11, 30)));
    assert_eq!(d.due(ymd(2021, 12, 1)), Some(ymd(2021, 11, 30)));
}
