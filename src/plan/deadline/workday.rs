//! Deadlines the holiday calendar dates. The calendar is passed in as data, so parsing stays
//! a pure function of the text, the plan year and the calendar:
//! - 春节前, 清明节前, 端午节前, 中秋节前 → the last working day before the break begins
//!   (offices read 春节前 as "before the break": the last day at work);
//! - 春节后 (and the other lunar holidays) → the first working day after the break;
//!   春节后5个工作日内, 国庆节后3个工作日内 → that many working days after the break's last day;
//! - 节后3个工作日内 with no holiday named → counted from the end of the first break on or
//!   after the start date (see [`crate::plan::start`]);
//! - 每月前5个工作日内, 每月第5个工作日, 每月结束后5个工作日内 → the 5th working day of each
//!   month (after a month ends: of the month after it, which is again each month's 5th).
//!
//! The holiday is the plan year's, or that of the year written just before it (2025年春节前).
//! A year the calendar does not cover leaves the deadline unparsed with that year in
//! `calendar_gap`: never a guess by weekdays.

use super::normalise::{starts, word_at};
use super::number::count_at;
use super::{Deadline, DeadlineKind};
use crate::plan::calendar::Calendar;

/// Festivals by the names plans use (longest first) and the name the notices use; the lunar
/// ones move every year.
const NAMED: [(&str, &str, bool); 7] = [
    ("春节", "春节", true),
    ("清明节 清明", "清明节", true),
    ("端午节 端午", "端午节", true),
    ("中秋节 中秋", "中秋节", true),
    ("国庆节 国庆", "国庆节", false),
    (
        "五一国际劳动节 五一劳动节 劳动节 五一节 五一",
        "劳动节",
        false,
    ),
    ("元旦节 元旦", "元旦", false),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// The last working day before the break.
    Before { name: &'static str, year: i32 },
    /// `n` working days after the break's last day (1: the first day back).
    After {
        name: &'static str,
        year: i32,
        n: u32,
    },
    /// 节后N个工作日内: which break depends on the start date.
    AfterNextBreak,
    /// The `n`th working day of each month.
    Monthly(u32),
}

/// "N个工作日" at `i`: N and the index after it.
fn working_days_at(s: &[char], i: usize) -> Option<(u32, usize)> {
    let n = count_at(s, i).filter(|n| n.value > 0)?;
    let at = n.end + usize::from(s.get(n.end) == Some(&'个'));
    Some((n.value, word_at(s, at, "工作日")?))
}

/// A year written just before `i` (2025年春节前).
fn year_before(s: &[char], i: usize) -> Option<i32> {
    let at = i.checked_sub(5)?;
    if s.get(i - 1) != Some(&'年') {
        return None;
    }
    s.get(at..i - 1)?
        .iter()
        .collect::<String>()
        .parse()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
}

fn find(s: &[char], plan_year: i32) -> Option<Found> {
    let mut i = 0;
    while i < s.len() {
        if let Some((end, name, lunar)) = NAMED
            .iter()
            .find_map(|(names, name, lunar)| Some((word_at(s, i, names)?, *name, *lunar)))
        {
            let year = year_before(s, i).unwrap_or(plan_year);
            let end = end + usize::from(s.get(end) == Some(&'节'));
            if lunar && word_at(s, end, "之前 以前 前").is_some() {
                return Some(Found::Before { name, year });
            }
            if let Some(after) = word_at(s, end, "之后 以后 后") {
                match working_days_at(s, after) {
                    Some((n, _)) => return Some(Found::After { name, year, n }),
                    None if lunar => return Some(Found::After { name, year, n: 1 }),
                    None => {}
                }
            }
            i = end;
            continue;
        }
        if starts(s, i, "节后") && working_days_at(s, i + 2).is_some() {
            return Some(Found::AfterNextBreak);
        }
        if let Some(at) = word_at(s, i, "每个月 每月") {
            let at = at + usize::from(s.get(at) == Some(&'的'));
            if let Some(at) = word_at(s, at, "结束之后 结束后 终了后 前 第")
                && let Some((n, _)) = working_days_at(s, at)
            {
                return Some(Found::Monthly(n));
            }
        }
        i += 1;
    }
    None
}

/// Date what the calendar dates in `d` (parsed from `text` for `plan_year`).
pub(super) fn resolve(d: &mut Deadline, text: &[char], plan_year: i32, cal: &Calendar) {
    let Some(found) = find(text, plan_year) else {
        return;
    };
    // What the text already dates stays (a fixed holiday's "after" with a count excepted).
    let open = matches!(d.kind, DeadlineKind::Unparsed | DeadlineKind::Relative);
    let single = d.kind == DeadlineKind::Date && d.milestones.len() == 1;
    let gap = |d: &mut Deadline, year: i32| {
        *d = Deadline {
            raw: std::mem::take(&mut d.raw),
            report_to: d.report_to.take(),
            kind: DeadlineKind::Unparsed,
            calendar_gap: Some(year),
            ..Deadline::default()
        };
    };
    let date = match found {
        Found::AfterNextBreak => {
            if d.kind == DeadlineKind::Relative {
                d.after_holiday = true;
            }
            return;
        }
        Found::Monthly(n) => {
            if !(open || d.kind == DeadlineKind::Monthly) {
                return;
            }
            if !cal.covers(plan_year) {
                return gap(d, plan_year);
            }
            d.kind = DeadlineKind::Monthly;
            d.day_of_period = None;
            d.relative = None;
            d.month_days = (plan_year - 1..=plan_year + 1)
                .filter(|y| cal.covers(*y))
                .flat_map(|y| (1..=12).filter_map(move |m| cal.nth_working_day_of_month(y, m, n)))
                .collect();
            return;
        }
        Found::Before { name, year } => {
            if !open {
                return;
            }
            if !cal.covers(year) {
                return gap(d, year);
            }
            cal.holiday_named(year, name)
                .and_then(|h| cal.previous_working_day(h.first))
        }
        Found::After { name, year, n } => {
            if !(open || single) {
                return;
            }
            if !cal.covers(year) {
                return gap(d, year);
            }
            let Some(h) = cal.holiday_named(year, name) else {
                return;
            };
            let due = cal.add_working_days(h.last, n);
            if let Some((y, _)) = due.and_then(|due| cal.uncovered(h.last, due).first().copied()) {
                return gap(d, y);
            }
            due
        }
    };
    if let Some(date) = date {
        d.kind = DeadlineKind::Date;
        d.milestones = vec![date];
        d.range_starts.clear();
        d.relative = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn parse(text: &str, year: i32) -> Deadline {
        Deadline::parse_with(text, year, Calendar::builtin())
    }

    #[test]
    fn spring_festival_2026_before_and_after_the_break() {
        // The break is 02-15..02-23; Saturday 02-14 is a working day under the notice.
        let before = parse("春节前报送", 2026);
        assert_eq!(before.kind, DeadlineKind::Date);
        assert_eq!(before.milestones, vec![date(2026, 2, 14)]);
        assert_eq!(parse("春节后", 2026).milestones, vec![date(2026, 2, 24)]);
        // 02-24, 02-25, 02-26, 02-27, Saturday 02-28 (a working day).
        assert_eq!(
            parse("春节后5个工作日内", 2026).milestones,
            vec![date(2026, 2, 28)]
        );
    }

    #[test]
    fn the_other_lunar_holidays_and_a_written_year() {
        // 2024: 清明 04-04 (a Thursday), 端午 06-08 (Saturday: Friday 06-07 is the last
        // working day), 中秋 09-15 (Sunday; Saturday 09-14 works).
        assert_eq!(parse("清明节前", 2024).milestones, vec![date(2024, 4, 3)]);
        assert_eq!(parse("端午节前", 2024).milestones, vec![date(2024, 6, 7)]);
        assert_eq!(parse("中秋前", 2024).milestones, vec![date(2024, 9, 14)]);
        // 2025's 春节 begins on Tuesday 01-28: Monday 01-27 is the last day at work.
        assert_eq!(
            parse("2025年春节前", 2024).milestones,
            vec![date(2025, 1, 27)]
        );
        // 国庆节后 alone stays the fixed 10-08; with a count it goes by the calendar.
        assert_eq!(parse("国庆节后", 2024).milestones, vec![date(2024, 10, 8)]);
        assert_eq!(
            parse("国庆节后3个工作日内", 2024).milestones,
            vec![date(2024, 10, 10)]
        );
    }

    #[test]
    fn the_nth_working_day_of_each_month() {
        for text in ["每月前5个工作日内报送上月情况", "每月结束后5个工作日内报送"]
        {
            let d = parse(text, 2024);
            assert_eq!(d.kind, DeadlineKind::Monthly, "{text}");
            // October 2024: 10-08, 09, 10, 11, then Saturday 10-12 (a working day).
            assert_eq!(d.due(date(2024, 10, 1)), Some(date(2024, 10, 12)), "{text}");
            assert_eq!(d.due(date(2024, 10, 13)), Some(date(2024, 11, 7)), "{text}");
        }
    }

    #[test]
    fn a_year_without_data_is_unparsed_with_its_year() {
        for text in ["春节前", "每月前5个工作日内", "国庆节后3个工作日内"] {
            let d = parse(text, 2030);
            assert_eq!(d.kind, DeadlineKind::Unparsed, "{text}");
            assert_eq!(d.calendar_gap, Some(2030), "{text}");
            assert_eq!(d.raw, text);
        }
        // Without a calendar nothing is dated and nothing panics.
        let empty = Calendar::default();
        assert_eq!(
            Deadline::parse_with("春节前", 2026, &empty).calendar_gap,
            Some(2026)
        );
    }
}
