//! Recurring, ongoing and dateless phrasings.

use super::*;

#[test]
fn monthly() {
    kind("每月底前报送", DeadlineKind::Monthly);
    kind(
        "市政府办公室每月对相关工作公开情况进行检查。",
        DeadlineKind::Monthly,
    );
    kind("每个月报送一次", DeadlineKind::Monthly);
}

#[test]
fn monthly_day_is_not_a_date() {
    kind("每月15日前报送", DeadlineKind::Monthly);
}

#[test]
fn quarterly() {
    kind("每季度报送", DeadlineKind::Quarterly);
    kind("每季度末前报送", DeadlineKind::Quarterly);
}

#[test]
fn half_yearly_is_semiannual() {
    kind("每半年通报一次", DeadlineKind::Semiannual);
    kind("每个半年报送一次", DeadlineKind::Semiannual);
}

#[test]
fn yearly() {
    kind("每年报送一次", DeadlineKind::Yearly);
    kind("每年年底前总结", DeadlineKind::Yearly);
    kind("每年12月底前总结", DeadlineKind::Yearly);
}

#[test]
fn shortest_cadence_wins() {
    kind("每月报送，每年总结", DeadlineKind::Monthly);
    kind("每年总结，每季度通报", DeadlineKind::Quarterly);
}

#[test]
fn recurring_wins_over_ongoing() {
    kind("不定期抽查，每月通报", DeadlineKind::Monthly);
}

#[test]
fn ongoing_phrasings() {
    for raw in [
        "立即落实并长期坚持。",
        "长期坚持",
        "持续推进",
        "及时公开",
        "及时发布。",
        "不定期检查",
        "不定期抽查",
        "市政府办公室不定期对相关工作进行抽查。",
        "市政府办公室不定期对疫情防控政策措施公开情况进行网上检查。",
        "每周通报",
    ] {
        kind(raw, DeadlineKind::Ongoing);
    }
}

#[test]
fn dates_win_over_recurring_and_ongoing() {
    dates("每月检查；2021年11月底前完成", &[(2021, 11, 30)]);
    dates("立即落实，9月底前完成", &[(2021, 9, 30)]);
}

#[test]
fn empty_and_whitespace_are_none() {
    for raw in ["", "   ", "\n\t", "\u{3000}"] {
        let d = p(raw);
        assert_eq!(d.kind, DeadlineKind::None);
        assert_eq!(d.raw, raw);
    }
}

#[test]
fn unrecognised_text_is_none_and_kept() {
    let d = p("按要求完成");
    assert_eq!(d.kind, DeadlineKind::None);
    assert_eq!(d.raw, "按要求完成");
    assert_eq!(d.due(ymd(2021, 1, 1)), None);
}

// Day-of-period recurrences (issue #12).

#[track_caller]
fn on(raw: &str, want: DeadlineKind, month: u32, day: Option<u32>) {
    let d = p(raw);
    assert_eq!(d.kind, want, "{raw}");
    assert_eq!(d.day_of_period, Some(DayOfPeriod { month, day }), "{raw}");
    assert!(d.milestones.is_empty(), "{raw}");
}

#[track_caller]
fn at_period_end(raw: &str, want: DeadlineKind) {
    let d = p(raw);
    assert_eq!(d.kind, want, "{raw}");
    assert_eq!(d.day_of_period, None, "{raw}");
}

#[test]
fn monthly_on_a_day() {
    on("每月10日前", DeadlineKind::Monthly, 1, Some(10));
    on("每月15日前报送上月情况", DeadlineKind::Monthly, 1, Some(15));
    on("各单位于每月5号前报送", DeadlineKind::Monthly, 1, Some(5));
    on("每个月的20日前", DeadlineKind::Monthly, 1, Some(20));
    on("每月上旬报送", DeadlineKind::Monthly, 1, Some(10));
    on("每月中旬", DeadlineKind::Monthly, 1, Some(20));
}

#[test]
fn monthly_at_month_end() {
    at_period_end("每月底前报送", DeadlineKind::Monthly);
    at_period_end("每月月底前报送", DeadlineKind::Monthly);
    at_period_end("每月末", DeadlineKind::Monthly);
    at_period_end("每月下旬", DeadlineKind::Monthly);
}

#[test]
fn quarterly_in_the_first_month() {
    on("每季度第一个月15日前", DeadlineKind::Quarterly, 1, Some(15));
    on(
        "每季度首月15日前报送上季度情况",
        DeadlineKind::Quarterly,
        1,
        Some(15),
    );
    on("每季度第1个月10日前", DeadlineKind::Quarterly, 1, Some(10));
    on("每季度首月", DeadlineKind::Quarterly, 1, None);
    on(
        "每季度最后一个月20日前",
        DeadlineKind::Quarterly,
        3,
        Some(20),
    );
}

#[test]
fn quarterly_at_quarter_end() {
    at_period_end("每季度末", DeadlineKind::Quarterly);
    at_period_end("每季末报送", DeadlineKind::Quarterly);
}

#[test]
fn yearly_in_a_month() {
    on("每年3月底前", DeadlineKind::Yearly, 3, None);
    on(
        "每年1月10日前报送上年度总结",
        DeadlineKind::Yearly,
        1,
        Some(10),
    );
    on("每年十一月份", DeadlineKind::Yearly, 11, None);
    on("每年上半年", DeadlineKind::Yearly, 6, None);
    on("每年第一季度", DeadlineKind::Yearly, 3, None);
    at_period_end("每年年底前总结", DeadlineKind::Yearly);
}

#[test]
fn semiannual_ends() {
    at_period_end("每半年", DeadlineKind::Semiannual);
    at_period_end("每半年末报送", DeadlineKind::Semiannual);
}

/// The cadence is read, but the day it names is not a day: unparsed, not month end.
#[test]
fn unreadable_days_of_period_are_unparsed() {
    kind("每月32日前", DeadlineKind::Unparsed);
    kind("每年2月30日前", DeadlineKind::Unparsed);
    kind("每年13月底前", DeadlineKind::Unparsed);
    kind("每年第五季度", DeadlineKind::Unparsed);
    // Which month of the quarter? Not guessed.
    kind("每季度15日前报送", DeadlineKind::Unparsed);
}

#[test]
fn the_shortest_cadence_keeps_its_own_day() {
    on(
        "每年3月底前总结，每月10日前报送",
        DeadlineKind::Monthly,
        1,
        Some(10),
    );
    at_period_end("每年1月10日前总结，每季度报送", DeadlineKind::Quarterly);
}

// No time stated, or deferred.

#[test]
fn deferred_or_unstated_is_none() {
    for raw in [
        "按上级要求",
        "按上级要求完成",
        "另行通知",
        "时间另行通知",
        "视情况而定",
        "根据工作需要",
    ] {
        kind(raw, DeadlineKind::None);
    }
}

#[test]
fn document_numbers_and_amounts_are_not_times() {
    kind("按照〔2021〕12号文件要求", DeadlineKind::None);
    kind("补助标准不低于2000元", DeadlineKind::None);
}

#[test]
fn days_after_each_period() {
    on(
        "每季度结束后15日内报送",
        DeadlineKind::Quarterly,
        1,
        Some(15),
    );
    on("每月终了后10天内", DeadlineKind::Monthly, 1, Some(10));
    on("每月结束后10日内", DeadlineKind::Monthly, 1, Some(10));
    on("每年结束后20日内", DeadlineKind::Yearly, 1, Some(20));
    // Working days need the calendar; past the 28th is not a day of the next month.
    kind("每月结束后5个工作日内", DeadlineKind::Unparsed);
    kind("每季度结束后30日内", DeadlineKind::Unparsed);
}
