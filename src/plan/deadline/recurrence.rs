//! Recurring deadlines: the cadence words (每月, 按季, 每半年, 每年 …) and the day in each
//! period a duty falls due: 每月10日前, 每月15日前报送上月情况, 每季度第一个月15日前, 每季度首月
//! 15日前, 每季度结束后15日内, 每季度末, 每年3月底前, 每年第一季度.

use chrono::NaiveDate;

use super::DeadlineKind;
use super::normalise::{contains_any, starts, word_at};
use super::number::number_at;

/// The day within each period a recurring duty falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct DayOfPeriod {
    /// The month within the period, from 1 (always 1 for monthly duties; 1..=3 for quarterly,
    /// 1..=6 for half-yearly, 1..=12 for yearly).
    pub month: u32,
    /// The day of that month; `None` for its last day. A day past the end of a short month
    /// (每月31日) falls on that month's last day.
    pub day: Option<u32>,
}

/// What follows a cadence: nothing (the period's last day), a day, or a time duban could not
/// read (每月32日, 每季度15日: which month?).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    End,
    Day(DayOfPeriod),
    Unreadable,
}

/// Words that make a dateless text recurring (space-separated). Checked in order, so a text
/// naming several cadences gets the shortest one and is never reported later than it is due.
const RECURRING: [(DeadlineKind, &str); 4] = [
    (
        DeadlineKind::Monthly,
        "每月 每个月 按月 逐月 每两个月 每双月",
    ),
    (DeadlineKind::Quarterly, "每季 每个季度 按季 逐季"),
    (DeadlineKind::Semiannual, "每半年 每个半年 按半年"),
    (DeadlineKind::Yearly, "每年 每一年 每个年度 按年度"),
];

/// The recurring kind the text names, if any (the shortest cadence).
pub(super) fn recurring_kind(text: &str) -> Option<DeadlineKind> {
    RECURRING
        .iter()
        .find(|(_, words)| contains_any(text, words))
        .map(|(kind, _)| *kind)
}

/// A cadence written with 每 at `i` (每月, 每个季度, 每半年, 每年度 …), what follows it, and
/// the index after both.
pub(super) fn recurrence_at(s: &[char], i: usize) -> Option<(DeadlineKind, Anchor, usize)> {
    if s.get(i) != Some(&'每') {
        return None;
    }
    let j = i + 1 + usize::from(s.get(i + 1) == Some(&'个'));
    let (kind, at) = [
        (DeadlineKind::Monthly, "月"),
        (DeadlineKind::Quarterly, "季度 季"),
        (DeadlineKind::Semiannual, "半年"),
        (DeadlineKind::Yearly, "年度 一年 年"),
    ]
    .iter()
    .find_map(|(kind, words)| Some((*kind, word_at(s, j, words)?)))?;
    let at = at + usize::from(s.get(at) == Some(&'的'));
    if let Some(after) = after_period(s, at) {
        return Some((kind, after.0, after.1));
    }
    let ((anchor, end), months) = match kind {
        DeadlineKind::Monthly => (monthly(s, at), 1),
        DeadlineKind::Quarterly => (quarterly(s, at), 3),
        DeadlineKind::Yearly => (yearly(s, at), 12),
        _ => ((Anchor::End, word_at(s, at, "末 底").unwrap_or(at)), 6),
    };
    // The last day of the period's last month is the period's end (每年12月底, 每月下旬).
    let anchor = match anchor {
        Anchor::Day(DayOfPeriod { month, day: None }) if month == months => Anchor::End,
        a => a,
    };
    Some((kind, anchor, end))
}

/// 每季度结束后15日内, 每月终了后10天内: the Nth of the month after each period, which is the
/// Nth of each period's first month (the report on the period just ended). In working days
/// (结束后5个工作日内) the day depends on the calendar: not guessed.
fn after_period(s: &[char], at: usize) -> Option<(Anchor, usize)> {
    let at = word_at(s, at, "结束之后 结束后 终了后 期满后")?;
    let n = number_at(s, at).filter(|n| !n.year_like)?;
    if let Some(end) = word_at(s, n.end, "个工作日 工作日") {
        return Some((Anchor::Unreadable, end));
    }
    let end = word_at(s, n.end, "日 天 个自然日 自然日")?;
    let end = word_at(s, end, "以内 之内 内 前").unwrap_or(end);
    // Past the 28th the day would leave February behind: not a day of the next month.
    let anchor = match n.value {
        1..=28 => day(1, Some(n.value)),
        _ => Anchor::Unreadable,
    };
    Some((anchor, end))
}

/// 每月底, 每月末, 每月10日, 每月上旬.
fn monthly(s: &[char], at: usize) -> (Anchor, usize) {
    if let Some(end) = word_at(s, at, "月底 月末 底 末") {
        return (Anchor::End, end);
    }
    day_in(s, at, 1, None)
}

/// 每季度末, 每季度第一个月15日, 每季度首月15日, 每季度最后一个月.
fn quarterly(s: &[char], at: usize) -> (Anchor, usize) {
    if let Some(end) = word_at(s, at, "末 底") {
        return (Anchor::End, end);
    }
    for (month, words) in [
        (1, "第一个月 第1个月 第一月 首月"),
        (2, "第二个月 第2个月 第二月"),
        (3, "第三个月 第3个月 第三月 最后一个月 末月"),
    ] {
        if let Some(end) = word_at(s, at, words) {
            let end = end + usize::from(s.get(end) == Some(&'的'));
            return day_in(s, end, month, None);
        }
    }
    // 每季度15日: the 15th of which month? Not guessed.
    match number_at(s, at) {
        Some(n) if matches!(s.get(n.end), Some('日' | '号')) => (Anchor::Unreadable, n.end + 1),
        _ => (Anchor::End, at),
    }
}

/// 每年年底, 每年3月底, 每年1月10日, 每年上半年, 每年第一季度.
fn yearly(s: &[char], at: usize) -> (Anchor, usize) {
    if let Some(end) = word_at(s, at, "年底 年末 底 末 下半年") {
        return (Anchor::End, end);
    }
    if starts(s, at, "上半年") {
        return (day(6, None), at + 3);
    }
    let quarter_at = at + usize::from(s.get(at) == Some(&'第'));
    if let Some(q) = number_at(s, quarter_at).filter(|n| s.get(n.end) == Some(&'季')) {
        let end = word_at(s, q.end, "季度末 季度底 季度 季末 季").unwrap_or(q.end);
        return match q.value {
            1..=4 => (day(q.value * 3, None), end),
            _ => (Anchor::Unreadable, end),
        };
    }
    match number_at(s, at).filter(|n| !n.year_like && s.get(n.end) == Some(&'月')) {
        Some(m) if (1..=12).contains(&m.value) => day_in(
            s,
            m.end + 1 + usize::from(s.get(m.end + 1) == Some(&'份')),
            m.value,
            Some(m.value),
        ),
        Some(m) => (Anchor::Unreadable, m.end + 1),
        None => (Anchor::End, at),
    }
}

/// The day within `month` of the period written at `at`: 10日/10号, 底/末, 上/中/下旬, or
/// nothing (the month's last day). `calendar_month` (yearly duties) checks the day against
/// that month's length; a monthly duty's day is checked against 31.
fn day_in(s: &[char], at: usize, month: u32, calendar_month: Option<u32>) -> (Anchor, usize) {
    if let Some(end) = word_at(s, at, "底 末 下旬") {
        return (day(month, None), end);
    }
    if let Some(end) = word_at(s, at, "上旬") {
        return (day(month, Some(10)), end);
    }
    if let Some(end) = word_at(s, at, "中旬") {
        return (day(month, Some(20)), end);
    }
    let Some(n) = number_at(s, at).filter(|n| matches!(s.get(n.end), Some('日' | '号'))) else {
        return (day(month, None), at);
    };
    // A leap year, so 每年2月29日 is accepted (and falls on 02-28 in other years).
    let valid = match calendar_month {
        Some(m) => NaiveDate::from_ymd_opt(2000, m, n.value).is_some(),
        None => (1..=31).contains(&n.value),
    };
    let anchor = if valid {
        day(month, Some(n.value))
    } else {
        Anchor::Unreadable
    };
    (anchor, n.end + 1)
}

fn day(month: u32, day: Option<u32>) -> Anchor {
    Anchor::Day(DayOfPeriod { month, day })
}
