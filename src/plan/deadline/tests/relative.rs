//! Deadlines counted from an event.

use super::*;

#[test]
fn working_days() {
    relative("5个工作日内", 5, RelativeUnit::WorkingDays);
    relative("收到后3个工作日内办结", 3, RelativeUnit::WorkingDays);
    relative("十五个工作日内", 15, RelativeUnit::WorkingDays);
    relative("接到通知后两个工作日报送", 2, RelativeUnit::WorkingDays);
}

#[test]
fn natural_days() {
    relative("收到后7天内", 7, RelativeUnit::Days);
    relative("10日内完成", 10, RelativeUnit::Days);
    relative("20个自然日内", 20, RelativeUnit::Days);
    relative("两周内", 14, RelativeUnit::Days);
    relative("半个月内", 15, RelativeUnit::Days);
}

#[test]
fn months_years_hours() {
    relative("3个月内", 3, RelativeUnit::Months);
    relative("一个月以内", 1, RelativeUnit::Months);
    relative("两年之内", 2, RelativeUnit::Years);
    relative("24小时内答复", 24, RelativeUnit::Hours);
}

#[test]
fn a_day_of_a_month_is_not_relative() {
    dates("9月10日内", &[(2021, 9, 10)]);
    // March, not three months.
    dates("3月内完成", &[(2021, 3, 31)]);
}

#[test]
fn a_count_without_inside_or_event_is_not_relative() {
    kind("3天", DeadlineKind::Unparsed);
    kind("持续3天", DeadlineKind::Unparsed);
}

#[test]
fn relative_wins_over_ongoing_and_dates_win_over_relative() {
    relative(
        "及时处理，收到后5个工作日内办结",
        5,
        RelativeUnit::WorkingDays,
    );
    dates("收到后5个工作日内，最迟9月底前", &[(2021, 9, 30)]);
}

#[test]
fn relative_has_no_due() {
    assert_eq!(p("5个工作日内").due(ymd(2021, 5, 1)), None);
}
