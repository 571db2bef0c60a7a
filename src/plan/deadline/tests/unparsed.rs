//! Text that names a time duban cannot read: unparsed, never "no deadline".

use super::*;

#[test]
fn named_but_unreadable_times() {
    for raw in [
        "2021年第五季度",
        "2021年2月30日前",
        "9月32日",
        "下半年适时",
        "下半年适时开展",
        "三季度择机开展",
        "10日前",
        "2021年",
        "2021",
        "6月31日",
        // A bracket does not hide a day.
        "〔0日〔",
    ] {
        kind(raw, DeadlineKind::Unparsed);
    }
}

#[test]
fn a_readable_date_beside_an_unreadable_one_is_kept() {
    dates("下半年适时开展，12月15日前完成", &[(2021, 12, 15)]);
}

#[test]
fn unparsed_wins_over_ongoing_and_relative() {
    kind("立即落实，2021年13月底前完成", DeadlineKind::Unparsed);
    kind("5个工作日内，春节前完成", DeadlineKind::Unparsed);
}

#[test]
fn a_start_year_is_read() {
    kind("2021年起，长期坚持", DeadlineKind::Ongoing);
}

#[test]
fn next_year_words() {
    dates("次年1月底前", &[(2022, 1, 31)]);
    dates("翌年3月", &[(2022, 3, 31)]);
    dates("明年一季度", &[(2022, 3, 31)]);
}
