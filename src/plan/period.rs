//! The plan's period (计划期): the span of dates a plan covers. A plan's year unless the
//! document or `import --period` says otherwise. Recurring duties stop at its end, and once
//! today is past it, the plan has ended: counts and countdowns read as facts at that end.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    /// The last day of the plan, included.
    pub end: NaiveDate,
}

impl Period {
    /// 1 January to 31 December of `year` (clamped to the dates chrono can represent).
    pub fn year(year: i32) -> Period {
        Period {
            start: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
            end: NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The year, when the period is exactly one calendar year.
    pub fn calendar_year(&self) -> Option<i32> {
        (*self == Period::year(self.start.year())).then_some(self.start.year())
    }

    /// Today is after the last day: the plan is over.
    pub fn has_ended(&self, today: NaiveDate) -> bool {
        today > self.end
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.calendar_year() {
            Some(y) => write!(f, "{y}"),
            None => write!(f, "{}..{}", self.start, self.end),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid period `{0}` (expected a year like 2024, or START..END like 2024-03-01..2025-02-28, \
     with END not before START)"
)]
pub struct ParsePeriodError(pub String);

/// `2024`, or `2024-03-01..2025-02-28` (each end also as `2024年3月1日`).
impl FromStr for Period {
    type Err = ParsePeriodError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParsePeriodError(s.to_string());
        let s = s.trim();
        let period = match s.split_once("..") {
            None => {
                let year = s.strip_suffix('年').unwrap_or(s);
                if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(err());
                }
                Period::year(year.parse().map_err(|_| err())?)
            }
            Some((start, end)) => Period {
                start: parse_day(start).ok_or_else(err)?,
                end: parse_day(end).ok_or_else(err)?,
            },
        };
        if period.end < period.start {
            return Err(err());
        }
        Ok(period)
    }
}

impl Period {
    /// The period a plan's title states, when it states one: `2024年3月至2025年2月`,
    /// `（2024年7月—2025年6月）`, `2024年3月1日至2025年2月28日`, `2024年3月至12月`. A month
    /// without a day runs from its first to its last day; an end without a year is in the
    /// start's year, or the next when its month comes earlier. `None` for a plain year.
    pub fn from_title(title: &str) -> Option<Period> {
        let text: Vec<char> = title
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10).unwrap_or(c),
                _ => c,
            })
            .collect();
        (0..text.len()).find_map(|i| span_at(&text, i))
    }
}

/// `2024年3月[1日]` + a range word + `[2025年]2月[28日]` starting at `i`.
fn span_at(text: &[char], i: usize) -> Option<Period> {
    if i > 0 && text[i - 1].is_ascii_digit() {
        return None;
    }
    let mut at = i;
    let year = number(text, &mut at, 4, 4, '年')?;
    let (start_month, start_day) = month_day(text, &mut at)?;
    if !matches!(
        text.get(at),
        Some('至' | '到' | '—' | '–' | '-' | '~' | '－' | '～')
    ) {
        return None;
    }
    at += 1;
    while text.get(at) == Some(&'—') {
        at += 1;
    }
    let mut probe = at;
    let end_year = number(text, &mut probe, 4, 4, '年');
    if end_year.is_some() {
        at = probe;
    }
    let (end_month, end_day) = month_day(text, &mut at)?;
    let year = i32::try_from(year).ok()?;
    let end_year = match end_year {
        Some(y) => i32::try_from(y).ok()?,
        None if end_month < start_month => year + 1,
        None => year,
    };
    let start = NaiveDate::from_ymd_opt(year, start_month, start_day.unwrap_or(1))?;
    let end = match end_day {
        Some(d) => NaiveDate::from_ymd_opt(end_year, end_month, d)?,
        None => super::deadline::month_end(end_year, end_month)?,
    };
    (end > start).then_some(Period { start, end })
}

/// `M月` then an optional `D日`.
fn month_day(text: &[char], at: &mut usize) -> Option<(u32, Option<u32>)> {
    let month = number(text, at, 1, 2, '月').filter(|m| (1..=12).contains(m))?;
    let mut probe = *at;
    let day = number(text, &mut probe, 1, 2, '日');
    if day.is_some() {
        *at = probe;
    }
    Some((month, day))
}

/// `min..=max` ASCII digits at `at` followed by `unit`; moves `at` past both.
fn number(text: &[char], at: &mut usize, min: usize, max: usize, unit: char) -> Option<u32> {
    let digits = text
        .get(*at..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if !(min..=max).contains(&digits) || text.get(*at + digits) != Some(&unit) {
        return None;
    }
    let value = text[*at..*at + digits]
        .iter()
        .try_fold(0, |n, c| Some(n * 10 + c.to_digit(10)?))?;
    *at += digits + 1;
    Some(value)
}

/// A day as `YYYY-MM-DD` or `YYYY年M月D日`: what `duban due`, the dashboard's deadline prompt
/// and `--period` accept.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y年%m月%d日"))
        .ok()
        // A four-digit year only: `21-9-30` is no date anyone wrote on purpose.
        .filter(|d| s.split(['-', '年']).next().is_some_and(|y| y.len() == 4) && d.year() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn parses_a_year_and_a_range() {
        assert_eq!("2024".parse(), Ok(Period::year(2024)));
        assert_eq!("2024年".parse(), Ok(Period::year(2024)));
        let p: Period = "2024-03-01..2025年2月28日".parse().expect("valid");
        assert_eq!((p.start, p.end), (date(2024, 3, 1), date(2025, 2, 28)));
        assert_eq!(p.calendar_year(), None);
        assert_eq!(p.to_string(), "2024-03-01..2025-02-28");
        assert_eq!(Period::year(2021).to_string(), "2021");
        for bad in [
            "",
            "24",
            "2024-13-01..2025-01-01",
            "2025-01-01..2024-01-01",
            "2024..",
            "abc",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_title_may_state_the_period() {
        let p = |t: &str| Period::from_title(t).map(|p| (p.start, p.end));
        assert_eq!(
            p("某县2024年3月至2025年2月重点工作任务分解表"),
            Some((date(2024, 3, 1), date(2025, 2, 28)))
        );
        assert_eq!(
            p("工作要点（２０２４年７月—２０２５年６月）"),
            Some((date(2024, 7, 1), date(2025, 6, 30)))
        );
        assert_eq!(
            p("2024年3月1日至2025年2月15日"),
            Some((date(2024, 3, 1), date(2025, 2, 15)))
        );
        assert_eq!(
            p("2024年7月至6月"),
            Some((date(2024, 7, 1), date(2025, 6, 30)))
        );
        assert_eq!(
            p("2024年3月至12月"),
            Some((date(2024, 3, 1), date(2024, 12, 31)))
        );
        for plain in [
            "永济市2021年政务公开工作要点任务分解表",
            "2021年9月底前完成",
            "2024年13月至2025年2月",
            "2024年3月至2024年3月1日",
            "12024年3月至2025年2月",
        ] {
            assert_eq!(p(plain), None, "{plain}");
        }
    }

    #[test]
    fn days_in_both_notations() {
        assert_eq!(parse_day("2021-09-30"), Some(date(2021, 9, 30)));
        assert_eq!(parse_day(" 2021年9月30日 "), Some(date(2021, 9, 30)));
        for bad in ["2021-02-30", "21-9-30", "2021/9/30", "9月30日", ""] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn ended_banner_and_end_word() {
        let y = Period::year(2021);
        assert!(y.has_ended(date(2022, 1, 1)));
        assert!(!y.has_ended(date(2021, 12, 31)));
    }
}
