//! Dated phrasings: full dates, months, quarters, half years, numeric forms.

use super::*;

// Phrasings, one per test.

#[test]
fn full_date_before() {
    dates("2021年9月30日前", &[(2021, 9, 30)]);
}

#[test]
fn full_date_then_complete() {
    dates("2021年11月15日前完成", &[(2021, 11, 15)]);
}

#[test]
fn day_with_hao() {
    dates("2021年9月5号前", &[(2021, 9, 5)]);
}

#[test]
fn month_end_with_year() {
    dates("2021年11月底前", &[(2021, 11, 30)]);
    dates("2021年2月末", &[(2021, 2, 28)]);
}

#[test]
fn month_end_without_year_uses_plan_year() {
    dates("9月底前", &[(2021, 9, 30)]);
    assert_eq!(
        Deadline::parse("2月底前", 2024).milestones,
        vec![ymd(2024, 2, 29)]
    );
}

#[test]
fn year_end() {
    dates("年底前", &[(2021, 12, 31)]);
    dates("2022年底前", &[(2022, 12, 31)]);
    dates("2022年末完成", &[(2022, 12, 31)]);
    dates("2021年年底前", &[(2021, 12, 31)]);
    dates("2021年度内完成", &[(2021, 12, 31)]);
    dates("年内完成", &[(2021, 12, 31)]);
}

#[test]
fn relative_years() {
    dates("今年底前", &[(2021, 12, 31)]);
    dates("明年6月底前", &[(2022, 6, 30)]);
    dates("次年3月底前", &[(2022, 3, 31)]);
}

/// A duration from an unstated start (the plan's issue, the task's launch) is counted from an
/// event, like 5个工作日内: `relative` with its length, not year end and not "no deadline".
#[test]
fn counted_years_are_relative_not_year_end() {
    relative("半年内完成", 6, RelativeUnit::Months);
    relative("三年内完成", 3, RelativeUnit::Years);
    relative("3年内完成", 3, RelativeUnit::Years);
}

#[test]
fn half_years() {
    dates("上半年完成", &[(2021, 6, 30)]);
    dates("下半年完成", &[(2021, 12, 31)]);
    dates("2022年上半年", &[(2022, 6, 30)]);
}

#[test]
fn quarters() {
    dates("第三季度", &[(2021, 9, 30)]);
    dates("三季度末", &[(2021, 9, 30)]);
    dates("第三季度内完成", &[(2021, 9, 30)]);
    dates("第一季度", &[(2021, 3, 31)]);
    dates("二季度", &[(2021, 6, 30)]);
    dates("第4季度", &[(2021, 12, 31)]);
    dates("2022年第1季度末", &[(2022, 3, 31)]);
    dates("四季度底前", &[(2021, 12, 31)]);
}

#[test]
fn invalid_quarter_is_unparsed() {
    kind("第五季度", DeadlineKind::Unparsed);
    kind("2021年第五季度", DeadlineKind::Unparsed);
}

#[test]
fn ten_day_periods() {
    dates("9月上旬", &[(2021, 9, 10)]);
    dates("9月中旬", &[(2021, 9, 20)]);
    dates("9月下旬", &[(2021, 9, 30)]);
    dates("2022年2月下旬", &[(2022, 2, 28)]);
}

#[test]
fn following_year_kept_as_written() {
    dates("2022年3月31日前", &[(2022, 3, 31)]);
}

#[test]
fn full_width_digits() {
    dates("２０２１年９月３０日前", &[(2021, 9, 30)]);
    dates("２０２１．９．３０", &[(2021, 9, 30)]);
}

#[test]
fn numeric_forms() {
    dates("2021.9.30前完成", &[(2021, 9, 30)]);
    dates("2021-09-30", &[(2021, 9, 30)]);
    dates("2021/9/30", &[(2021, 9, 30)]);
}

/// They name a time, but not one date: unparsed, never "no deadline".
#[test]
fn mixed_separators_and_year_spans_are_unparsed() {
    kind("2021.9/30", DeadlineKind::Unparsed);
    kind("2021-2023", DeadlineKind::Unparsed);
}

#[test]
fn whitespace_between_parts() {
    dates("2021 年 9 月 30 日前", &[(2021, 9, 30)]);
}

#[test]
fn chinese_numeral_months() {
    dates("九月底前", &[(2021, 9, 30)]);
    dates("十一月底前", &[(2021, 11, 30)]);
    dates("十二月", &[(2021, 12, 31)]);
    dates("十二月份完成", &[(2021, 12, 31)]);
    dates("九月三十日前", &[(2021, 9, 30)]);
    dates("十月二十一日", &[(2021, 10, 21)]);
    dates("二〇二一年九月三十日", &[(2021, 9, 30)]);
    dates("二零二二年一月", &[(2022, 1, 31)]);
}

#[test]
fn chinese_numeral_word_fragments_are_not_months() {
    kind("统一月报", DeadlineKind::None);
    kind("“一号答”服务", DeadlineKind::None);
}

#[test]
fn bare_arabic_month_means_month_end() {
    dates("2021年12月前完成", &[(2021, 12, 31)]);
    dates("12月完成", &[(2021, 12, 31)]);
}

#[test]
fn invalid_dates_are_unparsed() {
    kind("2021年2月30日前", DeadlineKind::Unparsed);
    kind("2021年13月底前", DeadlineKind::Unparsed);
    kind("2021.2.30", DeadlineKind::Unparsed);
    kind("9月32日", DeadlineKind::Unparsed);
    // The rest of the text still counts.
    dates("2021年2月30日前；2021年3月1日前", &[(2021, 3, 1)]);
}

#[test]
fn invalid_date_is_not_reread_with_plan_year() {
    // 2月29日 is valid in 2024 but the text said 2021.
    assert_eq!(
        Deadline::parse("2021年2月29日", 2024).kind,
        DeadlineKind::Unparsed
    );
}

#[test]
fn yearless_dates_carry_the_written_year() {
    dates(
        "2022年3月底前完成初稿，6月底前定稿",
        &[(2022, 3, 31), (2022, 6, 30)],
    );
}

#[test]
fn start_dates_are_not_deadlines() {
    kind("自2021年9月起，每月报送", DeadlineKind::Monthly);
    dates("2021年9月1日开始，11月底前完成", &[(2021, 11, 30)]);
    dates("9月底起草完成", &[(2021, 9, 30)]);
}

#[test]
fn ranges_keep_both_ends() {
    dates("2021年9月1日至11月30日", &[(2021, 9, 1), (2021, 11, 30)]);
}

#[test]
fn several_dates_sorted_and_deduplicated() {
    dates(
        "2021年11月底前完成；2021年9月30日前报送；9月底前检查",
        &[(2021, 9, 30), (2021, 11, 30)],
    );
    dates(
        "第三季度内启动；2023年11月30日前完成",
        &[(2021, 9, 30), (2023, 11, 30)],
    );
}
