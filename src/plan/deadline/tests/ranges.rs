//! Ranges (2024年5月至8月, 7—9月): due at the end, the start kept as a milestone.

use super::*;

#[track_caller]
fn range(raw: &str, from: (i32, u32, u32), to: (i32, u32, u32)) {
    let d = p(raw);
    let (from, to) = (ymd(from.0, from.1, from.2), ymd(to.0, to.1, to.2));
    assert_eq!(d.kind, DeadlineKind::Date, "{raw}");
    assert_eq!(d.milestones, vec![from, to], "{raw}");
    assert_eq!(d.range_starts, vec![from], "{raw}");
    // Due at the end even before the range starts.
    assert_eq!(d.due(from - chrono::Duration::days(30)), Some(to), "{raw}");
}

#[test]
fn month_ranges() {
    range("2024年5月至8月", (2024, 5, 1), (2024, 8, 31));
    range("7—9月", (2021, 7, 1), (2021, 9, 30));
    range("7-9月完成", (2021, 7, 1), (2021, 9, 30));
    range("7～9月", (2021, 7, 1), (2021, 9, 30));
    range("2021年6月-9月", (2021, 6, 1), (2021, 9, 30));
    range("2021年6月——9月", (2021, 6, 1), (2021, 9, 30));
    range("6月到9月", (2021, 6, 1), (2021, 9, 30));
    range("2022年3-5月", (2022, 3, 1), (2022, 5, 31));
}

#[test]
fn day_ranges() {
    range("2021年9月1日至11月30日", (2021, 9, 1), (2021, 11, 30));
    range("9月1日至30日", (2021, 9, 1), (2021, 9, 30));
    range("2021.9.1-2021.9.30", (2021, 9, 1), (2021, 9, 30));
}

#[test]
fn ranges_of_quarters_and_half_years() {
    range("第二季度至第三季度", (2021, 4, 1), (2021, 9, 30));
    range("上半年至三季度", (2021, 1, 1), (2021, 9, 30));
}

#[test]
fn a_range_ending_before_it_starts_runs_into_next_year() {
    range("11月至2月", (2021, 11, 1), (2022, 2, 28));
    range("2021年11月至次年2月", (2021, 11, 1), (2022, 2, 28));
}

#[test]
fn a_range_start_that_is_also_a_deadline_stays_due() {
    let d = p("9月1日至9月30日；9月1日前报送方案");
    assert_eq!(d.milestones, vec![ymd(2021, 9, 1), ymd(2021, 9, 30)]);
    assert!(d.range_starts.is_empty());
    assert_eq!(d.due(ymd(2021, 8, 1)), Some(ymd(2021, 9, 1)));
}

#[test]
fn report_to_is_not_a_range() {
    let d = p("9月底前报送至市政府办公室");
    assert_eq!(d.milestones, vec![ymd(2021, 9, 30)]);
    assert!(d.range_starts.is_empty());
}

#[test]
fn year_ranges() {
    range("2021-2023年", (2021, 1, 1), (2023, 12, 31));
    range("2021—2023年持续推进", (2021, 1, 1), (2023, 12, 31));
    range("2021年至2023年", (2021, 1, 1), (2023, 12, 31));
    range("2021-2023年6月底前", (2021, 1, 1), (2023, 6, 30));
    // Backwards: not a range.
    kind("2023-2021年", DeadlineKind::Unparsed);
}
